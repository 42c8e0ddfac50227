"""The ``akhbar train``, ``akhbar evaluate`` and ``akhbar entities`` subcommands.

Examples
--------
    akhbar train train.txt --dev dev.txt --gazetteer gazetteers.tsv -o model.akbm
    akhbar evaluate --model model.akbm dev.txt
    akhbar entities article.txt            # TSV: start, end, label, key, text
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from akhbar.cli_inputs import inputs
from akhbar.entities import (
    EpochRecord,
    Tagger,
    evaluate,
    extract,
    read_gazetteer,
    train_tagger,
)
from akhbar.errors import OptionError


def _label_map(pairs: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for p in pairs:
        src, sep, dst = p.partition("=")
        if not sep or not src:
            raise OptionError(f"--map expects FROM=TO or FROM= (drop), got {p!r}")
        out[src] = dst or None
    return out


MODEL_HELP = "model file, BERT model folder or cached hub id (default: the shipped model)"


def _tagger(path: str | None) -> Tagger:
    """The shipped tagger, a model file, or a BERT model folder or cached hub id."""
    if path is None:
        return Tagger.default()
    if Path(path).is_file():
        return Tagger.load(path)
    return Tagger.from_pretrained(path)


def _train(args: argparse.Namespace) -> int:
    def show(r: EpochRecord) -> None:
        line = f"epoch {r.epoch:>2}  mistakes {r.mistakes:>7}"
        if r.dev is not None:
            m = r.dev.micro
            line += f"  dev P {m.precision:.4f} R {m.recall:.4f} F1 {m.f1:.4f}"
        print(line, file=sys.stderr)

    t0 = time.perf_counter()
    tagger = train_tagger(
        args.files,
        args.dev,
        auxiliary_files=args.aux,
        epochs=args.epochs,
        seed=args.seed,
        min_count=args.min_count,
        label_map=_label_map(args.map),
        gazetteer=None if args.gazetteer is None else read_gazetteer(args.gazetteer),
        clusters=args.clusters,
        two_stage=not args.one_stage,
        word_dropout=args.word_dropout,
        o_bias=args.o_bias,
        ensemble=args.ensemble,
        scheme=args.scheme,
        n_threads=args.threads,
        on_epoch=show,
    )
    tagger.save(args.output)
    print(
        f"trained in {time.perf_counter() - t0:.1f}s: {tagger!r} -> {args.output}",
        file=sys.stderr,
    )
    if args.dev is not None:
        print(evaluate(tagger, args.dev, label_map=_label_map(args.map), n_threads=args.threads))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    tagger = _tagger(args.model)
    for f in args.files:
        report = evaluate(tagger, f, label_map=_label_map(args.map), n_threads=args.threads)
        print(f"== {f}")
        print(report)
    return 0


def _entities(args: argparse.Namespace) -> int:
    tagger = _tagger(args.model)
    for _, fh in inputs(args.files):
        for e in extract(fh.read(), tagger=tagger):
            sys.stdout.write(f"{e.start}\t{e.end}\t{e.label}\t{e.key}\t{e.text}\n")
    return 0


def add_parsers(sub: Any) -> None:
    """Add the entity subcommands to the ``akhbar`` parser's subparsers."""
    t = sub.add_parser("train", help="train an entity tagger on CoNLL files")
    t.add_argument("files", nargs="+", help="CoNLL files: 'token TAG' lines, blank between")
    t.add_argument("-o", "--output", required=True, help="model file to write")
    t.add_argument("--dev", help="CoNLL file scored after every epoch")
    t.add_argument(
        "--aux",
        action="append",
        default=[],
        metavar="FILE",
        help="CoNLL file of another domain (domain-adapted features)",
    )
    t.add_argument("--epochs", type=int, default=12)
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--ensemble", type=int, default=1, help="average this many seeds' models")
    t.add_argument(
        "--scheme",
        choices=("bio", "bilou"),
        default="bio",
        help="tag coding of the final stage (a first stage of two stays BIO; tags come out as BIO)",
    )
    t.add_argument("--min-count", type=int, default=1, help="drop rarer features")
    t.add_argument(
        "--map", action="append", default=[], metavar="FROM=TO", help="rename (or drop) a type"
    )
    t.add_argument("--gazetteer", help="TSV of label<TAB>phrase used as features")
    t.add_argument("--clusters", help="word clusters: bits<TAB>word lines")
    t.add_argument(
        "--one-stage", action="store_true", help="no document-level second stage (faster)"
    )
    t.add_argument(
        "--word-dropout", type=float, default=0.0, help="share of tokens seen without identity"
    )
    t.add_argument("--o-bias", type=float, default=0.0, help="subtract from O scores (more recall)")
    t.add_argument("--threads", type=int, default=None)
    t.set_defaults(run=_train)

    e = sub.add_parser("evaluate", help="entity-level P/R/F1 of a tagger on CoNLL files")
    e.add_argument("files", nargs="+")
    e.add_argument("--model", help=MODEL_HELP)
    e.add_argument("--map", action="append", default=[], metavar="FROM=TO")
    e.add_argument("--threads", type=int, default=None)
    e.set_defaults(run=_evaluate)

    x = sub.add_parser("entities", help="entities as TSV: start, end, label, key, text")
    x.add_argument("files", nargs="*", help="UTF-8 text files; stdin when none or '-'")
    x.add_argument("--model", help=MODEL_HELP)
    x.set_defaults(run=_entities)
