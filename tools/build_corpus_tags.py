#!/usr/bin/env python3
"""Tag the unlabeled text with a context-only entity model and write each word's tag classes.

A tagger trained on ``--train`` with every token's identity hidden (``word_dropout=1``:
its tags come from context, affixes, gazetteer and clusters, not from having seen the
word, so a training word gets the same kind of evidence as an unseen one) tags every
article of the unlabeled Arabic Wikipedia (2017) and Jawhara FM news of
``../shared/data/unlabeled`` as one document. Each word (key form) seen ``--min-count``
times or more gets classes from the share of its occurrences tagged as each entity type,
as ``O`` and as an entity's first word (``crates/akhbar-core/src/entities/corpus_tags.rs``),
written as the classes section of a copy of ``--clusters`` for ``akhbar train
--clusters``; a model trained on it carries them. Counting is a sum and training is
deterministic, so the file does not depend on the thread count.

    python tools/build_corpus_tags.py --train ../shared/data/ner/anercorp/train.txt \\
        --clusters python/akhbar/data/clusters.tsv --output build/clusters-tags.tsv
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from build_clusters import ROOT, UNLABELED, documents

from akhbar import Tagger
from akhbar._core import _CLUSTERS_CLASSES_HEADER, _corpus_tag_classes
from akhbar.entities import train_tagger

GAZETTEER = ROOT / "python" / "akhbar" / "data" / "gazetteers.tsv"


def unlabeled_documents(shared: Path, with_news: bool = False) -> list[str]:
    """The articles of the unlabeled corpora under ``shared`` (and of the news corpus)."""
    texts: list[str] = []
    for name in UNLABELED:
        texts += documents(shared / "data" / "unlabeled" / f"{name}.jsonl.gz")
    if with_news:
        texts += documents(shared / "data" / "news" / "saudinewsnet.jsonl.gz")
    return texts


def _paths_only(clusters: Path, folder: Path) -> Path:
    """A copy of ``clusters`` in ``folder`` without its classes section, if any."""
    paths = clusters.read_text(encoding="utf-8").split(f"\n{_CLUSTERS_CLASSES_HEADER}\n")[0] + "\n"
    out = folder / "clusters.tsv"
    out.write_text(paths, encoding="utf-8")
    return out


def context_only_tagger(
    train: list[Path],
    *,
    gazetteer: Path | None,
    clusters: Path,
    scheme: str = "bio",
    ensemble: int = 1,
    word_dropout: float = 1.0,
) -> Tagger:
    """The tagger behind the classes: trained on ``train`` with the word clusters of
    ``clusters`` only (never a classes section it may hold) and, at ``word_dropout``
    1, without the training words' identity, so its tags come from context."""
    with tempfile.TemporaryDirectory() as tmp:
        return train_tagger(
            train,
            epochs=10,
            gazetteer=gazetteer,
            clusters=_paths_only(clusters, Path(tmp)),
            word_dropout=word_dropout,
            scheme=scheme,
            ensemble=ensemble,
        )


def write_corpus_tag_classes(
    tagger: Tagger,
    texts: list[str],
    *,
    clusters: Path,
    output: Path,
    min_count: int = 3,
    n_threads: int | None = None,
) -> int:
    """Tag ``texts`` with the context-only ``tagger`` and write ``clusters``' word
    clusters with the classes of its tags to ``output``; the word count."""
    with tempfile.TemporaryDirectory() as tmp:
        return _corpus_tag_classes(
            tagger,
            texts,
            _paths_only(clusters, Path(tmp)),
            output,
            min_count=min_count,
            n_threads=n_threads,
        )


def corpus_tag_clusters(
    train: list[Path],
    texts: list[str],
    *,
    gazetteer: Path | None,
    clusters: Path,
    output: Path,
    min_count: int = 3,
    scheme: str = "bio",
    ensemble: int = 1,
    word_dropout: float = 1.0,
    n_threads: int | None = None,
) -> int:
    """Train the context-only tagger, tag ``texts`` and write ``output``; the word count.

    The tagger sees the word clusters of ``clusters`` only, never a classes section it
    may already have (the output of an earlier run), so a rerun gives the same file.
    """
    tagger = context_only_tagger(
        train,
        gazetteer=gazetteer,
        clusters=clusters,
        scheme=scheme,
        ensemble=ensemble,
        word_dropout=word_dropout,
    )
    return write_corpus_tag_classes(
        tagger, texts, clusters=clusters, output=output, min_count=min_count, n_threads=n_threads
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--train", type=Path, nargs="+", required=True, help="CoNLL training files")
    ap.add_argument("--gazetteer", type=Path, default=GAZETTEER)
    ap.add_argument("--clusters", type=Path, required=True, help="clusters file to copy")
    ap.add_argument("--output", type=Path, required=True)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument(
        "--scheme",
        choices=("bio", "bilou"),
        default="bio",
        help="tag coding of the context-only tagger's final stage",
    )
    ap.add_argument(
        "--ensemble", type=int, default=1, help="seeds averaged in the context-only tagger"
    )
    ap.add_argument(
        "--word-dropout",
        type=float,
        default=1.0,
        help="share of training tokens whose identity the tagger does not see (1: context only)",
    )
    ap.add_argument("--n-threads", type=int)
    ap.add_argument(
        "--with-news",
        action="store_true",
        help="also tag the SaudiNewsNet text (CC BY-NC-SA): to measure what news text adds; "
        "a file built with it must not ship",
    )
    args = ap.parse_args()
    texts = unlabeled_documents(args.shared, args.with_news)
    t0 = time.perf_counter()
    n = corpus_tag_clusters(
        args.train,
        texts,
        gazetteer=args.gazetteer,
        clusters=args.clusters,
        scheme=args.scheme,
        output=args.output,
        min_count=args.min_count,
        ensemble=args.ensemble,
        word_dropout=args.word_dropout,
        n_threads=args.n_threads,
    )
    dt = time.perf_counter() - t0
    print(f"{len(texts)} documents tagged in {dt:.0f} s; {n} words with classes -> {args.output}")


if __name__ == "__main__":
    main()
