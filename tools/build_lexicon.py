#!/usr/bin/env python3
"""Build the word-frequency lexicon that gates clitic segmentation.

Counts Arabic word forms in the CC BY-SA training corpora under ../shared/data/ner
(ANERcorp train split, WikiFANE Gold), folded the way `akhbar-core`'s
`clitics::fold` folds them (diacritics and tatweel removed, alef variants → ا,
ى → ي, Persian letter forms → Arabic), and writes the forms seen at least
twice to crates/akhbar-core/data/lexicon.tsv. The list is a derived model
(word counts, not text) and ships under CC BY-SA 4.0 with attribution (see
python/akhbar/NOTICE.md).

    python tools/build_lexicon.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

DIACRITICS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]"
)
FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "\u0672": "ا",
        "\u0673": "ا",
        "ى": "ي",
        "ک": "ك",
        "ڪ": "ك",
        "ی": "ي",
        "ے": "ي",
        "ې": "ي",
        "ہ": "ه",
        "ھ": "ه",
        "ە": "ه",
        "ۀ": "ه",
        "ۂ": "ه",
        "ۃ": "ة",
    }
)
ARABIC_WORD = re.compile("^[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5]+$")


def fold(word: str) -> str:
    return DIACRITICS.sub("", word).translate(FOLD)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    data = Path(args.shared) / "data" / "ner"
    counts: collections.Counter[str] = collections.Counter()
    for line in (data / "anercorp" / "train.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            counts[fold(line.split()[0])] += 1
    wiki = data / "wikifane" / "WikiFANE_Gold_2014_500K.clean.tsv"
    for line in wiki.read_text(encoding="utf-8").splitlines():
        if line.strip():
            counts[fold(line.split("\t")[0])] += 1
    out = Path(__file__).resolve().parents[1] / "crates" / "akhbar-core" / "data" / "lexicon.tsv"
    rows = sorted((w, c) for w, c in counts.items() if c >= args.min_count and ARABIC_WORD.match(w))
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for w, c in rows:
            fh.write(f"{w}\t{c}\n")
    print(f"{len(rows)} forms -> {out}")


if __name__ == "__main__":
    main()
