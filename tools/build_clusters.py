#!/usr/bin/env python3
"""Learn the word clusters the shipped entity tagger uses.

Clusters come from the text of the CC BY-SA training corpora only (ANERcorp
train split, WikiFANE Gold); the tags are ignored. Words are described by
their neighbours (positive PMI with the words at -2..+2) and split top-down
by 2-means into bit-string paths (see crates/akhbar-core/src/entities/
cluster_learn.rs). Deterministic. Writes python/akhbar/data/clusters.tsv,
which ships under CC BY-SA 4.0 (see python/akhbar/NOTICE.md).

    python tools/build_clusters.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from akhbar._core import _learn_clusters

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "python" / "akhbar" / "data" / "clusters.tsv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--output", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--contexts", type=int, default=1000)
    ap.add_argument("--depth", type=int, default=18)
    ap.add_argument("--files", type=Path, nargs="*", help="CoNLL files instead of the default two")
    args = ap.parse_args()
    ner = args.shared / "data" / "ner"
    files = args.files or [
        ner / "anercorp" / "train.txt",
        ner / "wikifane" / "WikiFANE_Gold_2014_500K.clean.tsv",
    ]
    n = _learn_clusters(
        [str(f) for f in files],
        str(args.output),
        min_count=args.min_count,
        contexts=args.contexts,
        depth=args.depth,
    )
    print(f"wrote clusters of {n} words to {args.output}")


if __name__ == "__main__":
    main()
