#!/usr/bin/env python3
"""Learn subword skip-gram embeddings and the embedding classes of the entity tagger.

From the same text as the word clusters (``tools/build_clusters.py --unlabeled``): the
ANERcorp train split and WikiFANE Gold (tags ignored), the unlabeled Arabic Wikipedia
(2017) and Jawhara FM news of ``../shared/data/unlabeled``, written as plain text under
``--work`` first. Skip-gram with negative sampling over words in the tagger's key form,
with character 3- to 5-gram vectors (fastText-style, so unseen words get vectors),
trained on one thread with a fixed seed: the same inputs give the same files, byte for
byte (crates/akhbar-core/src/entities/embeddings_learn.rs). Writes

- ``OUT/vectors.txt``: word2vec text format, the ``--limit`` most frequent words;
- ``OUT/ngrams.f32``: the n-gram rows (little-endian f32, buckets x dim), which give
  unseen words their vectors (mean of their n-gram rows; see README there);
- with ``--clusters FILE --clusters-output FILE``: FILE plus the k-means classes
  (k = ``--ks``) of the ``--class-words`` most frequent words, for ``akhbar train
  --clusters``.

    python tools/build_embeddings.py --out build/embeddings \\
        --clusters python/akhbar/data/clusters.tsv --clusters-output build/clusters-emb.tsv
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_clusters import ROOT, UNLABELED, plain_text

from akhbar._core import _learn_embeddings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "embeddings")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "unlabeled")
    ap.add_argument("--files", type=Path, nargs="*", help="CoNLL files instead of the default two")
    ap.add_argument("--clusters", type=Path, help="clusters file to add the classes to")
    ap.add_argument("--clusters-output", type=Path)
    ap.add_argument("--limit", type=int, default=200_000)
    ap.add_argument("--class-words", type=int, default=100_000)
    ap.add_argument("--ks", type=int, nargs="+", default=[64, 256, 1024])
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--buckets", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    data = args.shared / "data"
    files = args.files or [
        data / "ner" / "anercorp" / "train.txt",
        data / "ner" / "wikifane" / "WikiFANE_Gold_2014_500K.clean.tsv",
    ]
    args.work.mkdir(parents=True, exist_ok=True)
    texts = []
    for name in UNLABELED:
        target = args.work / f"{name}.txt"
        if not target.exists():
            plain_text(data / "unlabeled" / f"{name}.jsonl.gz", target)
        texts.append(target)
    args.out.mkdir(parents=True, exist_ok=True)
    n_words, n_tokens = _learn_embeddings(
        [str(f) for f in files],
        texts=[str(t) for t in texts],
        vectors=str(args.out / "vectors.txt"),
        ngrams=str(args.out / "ngrams.f32"),
        clusters=str(args.clusters) if args.clusters else None,
        clusters_output=str(args.clusters_output) if args.clusters_output else None,
        limit=args.limit,
        class_words=args.class_words,
        ks=args.ks,
        dim=args.dim,
        epochs=args.epochs,
        min_count=args.min_count,
        buckets=args.buckets,
        seed=args.seed,
    )
    print(f"{n_tokens} tokens, {n_words} words with a vector; wrote {args.out}")


if __name__ == "__main__":
    main()
