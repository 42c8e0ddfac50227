#!/usr/bin/env python3
"""Self-training data: Jawhara FM sentences tagged by an entity model, as a CoNLL file.

The sentences (5 to 60 tokens) of the unlabeled Jawhara FM news of
``../shared/data/unlabeled`` (Apache-2.0) are tagged by ``--model`` (runs of 20
sentences are one document for its second stage); a seeded random sample of
``--sentences`` of those with at least one entity is written as ``token TAG`` lines, to
be added to the training files (MODEL.md, "Self-training"). Measurement only: no model
shipped is trained on it.

    python tools/build_silver.py --model build/dev.akbm --sentences 3000 --output build/silver.txt
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from build_clusters import ROOT, documents

from akhbar import Tagger, tokenize

JAWHARA = Path("data") / "unlabeled" / "ant-jawhara.jsonl.gz"
SENTENCE_END = {".", "!", "?", "؟"}


def sentences(shared: Path) -> list[list[str]]:
    """The token lists of the Jawhara FM sentences (lines cut at . ! ? ؟)."""
    out: list[list[str]] = []
    for doc in documents(shared / JAWHARA):
        for line in doc.split("\n"):
            cur: list[str] = []
            for tok in tokenize(line):
                cur.append(tok.text)
                if tok.text in SENTENCE_END:
                    out.append(cur)
                    cur = []
            if cur:
                out.append(cur)
    return out


def write_silver(
    tagger: Tagger, sents: list[list[str]], n: int, output: Path, seed: int = 1
) -> int:
    """Tag ``sents``, sample ``n`` with an entity and write them; the token count."""
    tags = tagger.tag_tokens(sents)
    keep = [
        (s, t)
        for s, t in zip(sents, tags, strict=True)
        if 5 <= len(s) <= 60 and any(x != "O" for x in t)
    ]
    random.Random(seed).shuffle(keep)
    keep = keep[:n]
    with output.open("w", encoding="utf-8") as f:
        for s, t in keep:
            f.writelines(f"{w} {x}\n" for w, x in zip(s, t, strict=True))
            f.write("\n")
    return sum(len(s) for s, _ in keep)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    sents = sentences(args.shared)
    n = write_silver(Tagger.load(args.model), sents, args.sentences, args.output, args.seed)
    print(f"{len(sents)} sentences tagged; {args.sentences} kept ({n} tokens) -> {args.output}")


if __name__ == "__main__":
    main()
