#!/usr/bin/env python3
"""Five-fold cross-validation of the entity tagger over one CoNLL file (pooled micro-F1).

    python tools/cv_ner.py ../shared/data/ner/anercorp/train.txt --work build/cv \
        --gazetteer python/akhbar/data/gazetteers.tsv --clusters python/akhbar/data/clusters.tsv

Contiguous folds of sentences; each fold is tagged by a model trained on the other four
(``--epochs 10``, two stages, ``--ensemble`` seeds), and the entity counts of the five folds
are pooled. The fold files hold corpus text: keep ``--work`` out of the repository.
``--corpus-tags`` and ``--silver N`` learn what comes from a tagger (the corpus tag classes,
self-training sentences) anew for each fold, from its training part only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from append_classes import append_classes
from build_corpus_tags import context_only_tagger, unlabeled_documents, write_corpus_tag_classes
from build_silver import sentences as silver_sentences
from build_silver import write_agreed_silver, write_silver

import akhbar
from akhbar.entities import evaluate, train_tagger


def sentences(path: Path) -> list[str]:
    return [s for s in path.read_text(encoding="utf-8").split("\n\n") if s.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("--work", type=Path, default=Path("build/cv"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--ensemble", type=int, default=1)
    ap.add_argument("--gazetteer", type=Path)
    ap.add_argument("--clusters", type=Path)
    ap.add_argument(
        "--corpus-tags",
        action="store_true",
        help="add corpus tag classes (tools/build_corpus_tags.py) learned per fold "
        "from its training part only",
    )
    ap.add_argument(
        "--silver",
        type=int,
        default=0,
        help="add this many self-training sentences (tools/build_silver.py), tagged by a "
        "one-seed model of the fold's own recipe",
    )
    ap.add_argument(
        "--scheme", choices=("bio", "bilou"), default="bio", help="tag coding of the models"
    )
    ap.add_argument(
        "--corpus-tags-scheme",
        choices=("bio", "bilou"),
        default="bio",
        help="tag coding of the context-only tagger behind --corpus-tags",
    )
    ap.add_argument(
        "--extra-classes",
        type=Path,
        help="a clusters file whose classes are appended to each fold's (tools/append_classes.py)",
    )
    ap.add_argument(
        "--corpus-tags-ensemble",
        type=int,
        default=1,
        help="seeds averaged in the context-only tagger behind --corpus-tags",
    )
    ap.add_argument(
        "--agree-silver",
        type=int,
        default=0,
        metavar="N",
        help="add N Jawhara FM sentences that the fold's recipe and a context-only tagger "
        "(that of --corpus-tags, if given) tag alike, as auxiliary-domain data",
    )
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument(
        "--with-news",
        action="store_true",
        help="the corpus tag classes also over the SaudiNewsNet text (measurement only)",
    )
    args = ap.parse_args()
    if args.extra_classes and args.clusters is None:
        ap.error("--extra-classes needs --clusters")
    if args.agree_silver and args.clusters is None:
        ap.error("--agree-silver needs --clusters")
    texts = unlabeled_documents(args.shared, args.with_news) if args.corpus_tags else []
    silver_sents = silver_sentences(args.shared) if args.silver or args.agree_silver else []
    s = sentences(args.source)
    args.work.mkdir(parents=True, exist_ok=True)
    bounds = [round(len(s) * k / args.folds) for k in range(args.folds + 1)]
    pooled: dict[str, list[int]] = {}
    for k in range(args.folds):
        lo, hi = bounds[k], bounds[k + 1]
        tr, te = args.work / f"train{k}.txt", args.work / f"test{k}.txt"
        tr.write_text("\n\n".join(s[:lo] + s[hi:]) + "\n", encoding="utf-8")
        te.write_text("\n\n".join(s[lo:hi]) + "\n", encoding="utf-8")
        clusters = args.clusters
        if args.corpus_tags:
            if clusters is None:
                ap.error("--corpus-tags needs --clusters")
            clusters = args.work / f"clusters{k}.tsv"
            context = context_only_tagger(
                [tr],
                gazetteer=args.gazetteer,
                clusters=args.clusters,
                scheme=args.corpus_tags_scheme,
                ensemble=args.corpus_tags_ensemble,
            )
            write_corpus_tag_classes(context, texts, clusters=args.clusters, output=clusters)
        if args.extra_classes:
            merged = args.work / f"clusters{k}-extra.tsv"
            append_classes(clusters, args.extra_classes, merged)
            clusters = merged
        files = [tr]
        if args.silver:
            first = train_tagger(
                [tr], epochs=args.epochs, gazetteer=args.gazetteer, clusters=clusters
            )
            files.append(args.work / f"silver{k}.txt")
            write_silver(first, silver_sents, args.silver, files[-1])
        aux: list[Path] = []
        if args.agree_silver:
            recipe = train_tagger(
                files,
                epochs=args.epochs,
                ensemble=args.ensemble,
                gazetteer=args.gazetteer,
                clusters=clusters,
                scheme=args.scheme,
            )
            if not args.corpus_tags:
                context = context_only_tagger(
                    [tr], gazetteer=args.gazetteer, clusters=args.clusters, scheme=args.scheme
                )
            aux.append(args.work / f"agreed{k}.txt")
            write_agreed_silver(recipe, context, silver_sents, args.agree_silver, aux[-1])
        tagger = train_tagger(
            files,
            auxiliary_files=aux,
            epochs=args.epochs,
            ensemble=args.ensemble,
            gazetteer=args.gazetteer,
            clusters=clusters,
            scheme=args.scheme,
        )
        rep = evaluate(tagger, te)
        print(f"fold {k}: micro-F1 {rep.micro.f1:.4f}", flush=True)
        for lab, sc in rep.per_label.items():
            c = pooled.setdefault(lab, [0, 0, 0])
            c[0] += sc.correct
            c[1] += sc.predicted
            c[2] += sc.gold
    tot = [sum(c[i] for c in pooled.values()) for i in range(3)]

    def f1(c: list[int]) -> str:
        p = c[0] / c[1] if c[1] else 0.0
        r = c[0] / c[2] if c[2] else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.4f}"

    print(f"pooled micro: {f1(tot)}  (akhbar {akhbar.__version__})")
    for lab in sorted(pooled):
        print(f"  {lab}: {f1(pooled[lab])}")


if __name__ == "__main__":
    main()
