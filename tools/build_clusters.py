#!/usr/bin/env python3
"""Learn the word clusters the shipped entity tagger uses.

Clusters come from CC BY-SA / Apache-2.0 text only: the ANERcorp train split and
WikiFANE Gold (tags ignored) and, with ``--unlabeled``, the unlabeled Arabic
Wikipedia (2017) and Jawhara FM news text of ``../shared/data/unlabeled``. Words are
described by their neighbours (positive PMI with the words at -2..+2) and split
top-down by 2-means into bit-string paths (see
crates/akhbar-core/src/entities/cluster_learn.rs). Deterministic: the same inputs
give the same file, byte for byte. Writes python/akhbar/data/clusters.tsv, which
ships under CC BY-SA 4.0 (see python/akhbar/NOTICE.md).

    python tools/build_clusters.py [--shared ../shared]

The unlabeled articles are written as plain text (title, then one paragraph a
line) under ``--work`` (default ``build/unlabeled``, outside the package) first.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from akhbar._core import _learn_clusters

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "python" / "akhbar" / "data" / "clusters.tsv"
UNLABELED = ("arwiki-2017", "ant-jawhara")


def documents(source: Path) -> list[str]:
    """Title and text of each JSON line of ``source``, one string per article."""
    out = []
    with gzip.open(source, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            parts = [doc.get(k, "").strip() for k in ("title", "text")]
            text = "\n".join(p for p in parts if p)
            if text:
                out.append(text)
    return out


def plain_text(source: Path, target: Path) -> Path:
    """Write the title and text of each JSON line of ``source`` to ``target``."""
    with target.open("w", encoding="utf-8") as out:
        out.writelines(doc + "\n" for doc in documents(source))
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--output", type=Path, default=OUT)
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "unlabeled")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--contexts", type=int, default=1000)
    ap.add_argument("--depth", type=int, default=18)
    ap.add_argument(
        "--method",
        choices=("ppmi", "exchange"),
        default="ppmi",
        help="ppmi: neighbour words and 2-means (shipped); exchange: a class bigram model",
    )
    ap.add_argument("--files", type=Path, nargs="*", help="CoNLL files instead of the default two")
    ap.add_argument("--unlabeled", action="store_true", help="add the unlabeled text")
    ap.add_argument(
        "--with-news",
        action="store_true",
        help="add the SaudiNewsNet text (CC BY-NC-SA): to measure what news text adds; "
        "a file built with it must not ship",
    )
    args = ap.parse_args()
    data = args.shared / "data"
    files = args.files or [
        data / "ner" / "anercorp" / "train.txt",
        data / "ner" / "wikifane" / "WikiFANE_Gold_2014_500K.clean.tsv",
    ]
    texts: list[Path] = []
    if args.unlabeled:
        args.work.mkdir(parents=True, exist_ok=True)
        for name in UNLABELED:
            src = data / "unlabeled" / f"{name}.jsonl.gz"
            texts.append(plain_text(src, args.work / f"{name}.txt"))
    if args.with_news:
        args.work.mkdir(parents=True, exist_ok=True)
        src = data / "news" / "saudinewsnet.jsonl.gz"
        texts.append(plain_text(src, args.work / "saudinewsnet.txt"))
    n = _learn_clusters(
        [str(f) for f in files],
        str(args.output),
        texts=[str(t) for t in texts],
        min_count=args.min_count,
        contexts=args.contexts,
        depth=args.depth,
        method=args.method,
    )
    print(f"wrote clusters of {n} words to {args.output}")


if __name__ == "__main__":
    main()
