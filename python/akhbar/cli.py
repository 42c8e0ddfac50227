"""The ``akhbar`` command line.

Exit codes: 0 success, 1 bad input or failed processing, 2 bad usage.

Examples
--------
    akhbar demo
    echo "أَعْلَنَتْ الوزارةُ" | akhbar normalize
    akhbar normalize --preset light article.txt
    akhbar tokenize --clitics < article.txt
    akhbar process corpus.jsonl.gz -o out/ --format parquet --threads 2
    akhbar process articles/ -o out/ --format csv --errors null
    akhbar entities article.txt
    akhbar train train.txt --dev dev.txt -o my.akbm && akhbar evaluate --model my.akbm test.txt
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence

from akhbar import __version__
from akhbar._core import Normalizer
from akhbar.cli_entities import add_parsers as add_entity_parsers
from akhbar.cli_inputs import inputs
from akhbar.errors import AkhbarError
from akhbar.sample import sample_article
from akhbar.text import tokenize

PRESETS = ("search", "ner", "light", "none")


def _demo(args: argparse.Namespace) -> int:
    from akhbar.pipeline import Pipeline

    text = sample_article()
    out = sys.stdout
    out.write("== akhbar demo: the bundled sample article ==\n\n")
    out.write(text.rstrip() + "\n\n")

    result = Pipeline().process([text], progress=False)
    art = result.articles.iloc[0]
    out.write("== article fields ==\n")
    for field in ("title", "published", "section", "dateline", "source", "author"):
        value = art[field]
        out.write(f"{field:>10}: {'' if value is None or value != value else value}\n")
    out.write(f"{'body':>10}: {art['n_paragraphs']} paragraphs, {art['n_words']} words; ")
    out.write(f"{art['n_boilerplate']} boilerplate pieces set aside\n\n")

    out.write("== entities ==\n")
    for row in result.entities.itertuples(index=False):
        out.write(f"{row.label:<5} {row.text}  [{row.start}:{row.end}]\n")
    out.write("\n== dates ==\n")
    for row in result.dates.itertuples(index=False):
        out.write(f"{row.label:<5} {row.text} -> {row.value}\n")
    out.write("\n== numbers ==\n")
    for row in result.numbers.itertuples(index=False):
        unit = f" ({row.unit})" if isinstance(row.unit, str) else ""
        out.write(f"{row.label:<8} {row.text} -> {row.value:,.10g}{unit}\n")

    norm, offsets = Normalizer("search").normalize_with_map(text)
    out.write("\n== normalized (preset 'search') ==\n")
    out.write("\n".join(norm.splitlines()[3:5]) + "\n\n")

    tokens = tokenize(text)
    kinds = Counter(t.kind for t in tokens)
    out.write(f"== tokens: {len(tokens)} ==\n")
    out.write(", ".join(f"{k} {n}" for k, n in kinds.most_common()) + "\n")
    out.write("numbers: " + " ".join(t.text for t in tokens if t.kind == "number") + "\n\n")

    pieces = tokenize("وقال المدير التنفيذي لشركة المياه الوطنية", clitics=True)
    out.write("== clitic segmentation ==\n")
    out.write(" | ".join(t.text for t in pieces) + "\n\n")

    word = "مليار"
    i = norm.find(word)
    s, e = offsets.to_original_span(i, i + len(word))
    out.write("== offset map ==\n")
    out.write(f"normalized [{i}:{i + len(word)}] {word!r} -> original [{s}:{e}] {text[s:e]!r}\n")
    return 0


def _normalize(args: argparse.Namespace) -> int:
    overrides = {k: True for k in args.on} | {k: False for k in args.off}
    normalizer = Normalizer(args.preset, **overrides)
    for _, fh in inputs(args.files):
        sys.stdout.write(normalizer.normalize(fh.read()))
        sys.stdout.write("\n")
    return 0


def _tokenize(args: argparse.Namespace) -> int:
    for _, fh in inputs(args.files):
        for t in tokenize(fh.read(), clitics=args.clitics):
            clitic = t.clitic or ""
            sys.stdout.write(f"{t.start}\t{t.end}\t{t.kind}\t{clitic}\t{t.text}\n")
    return 0


def _process(args: argparse.Namespace) -> int:
    import time

    from akhbar.corpus import read_corpus
    from akhbar.pipeline import Pipeline

    pipe = Pipeline(
        normalize=None if args.preset == "none" else args.preset,
        n_threads=args.threads,
        chunk_size=args.chunk_size,
    )
    totals: Counter[str] = Counter()
    t0 = time.perf_counter()
    for i, path in enumerate(args.inputs):
        out = args.output if len(args.inputs) == 1 else f"{args.output}/{i:03d}"
        corpus = read_corpus(
            path,
            text_column=args.text_column,
            id_column=args.id_column,
            date_column=args.date_column,
        )
        counts = pipe.write(
            corpus, out, format=args.format, errors=args.errors, progress=not args.quiet
        )
        totals.update(counts)
    secs = time.perf_counter() - t0
    print(
        f"akhbar: {totals['articles']} articles, {totals['entities']} entities, "
        f"{totals['dates']} dates, {totals['numbers']} numbers, {totals['errors']} errors "
        f"from {totals['input']} inputs in {secs:.1f} s "
        f"({totals['input'] / max(secs, 1e-9):,.0f} articles/s, "
        f"{totals['chars'] / 1e6 / max(secs, 1e-9):.2f} M chars/s) -> {args.output}",
        file=sys.stderr,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``akhbar`` command."""
    p = argparse.ArgumentParser(
        prog="akhbar",
        description="Arabic news articles to structured data.",
        epilog=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"akhbar {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    d = sub.add_parser("demo", help="run on the bundled sample article and print what akhbar finds")
    d.set_defaults(run=_demo)

    n = sub.add_parser("normalize", help="normalize files (or stdin) to stdout")
    n.add_argument("files", nargs="*", help="UTF-8 text files; stdin when none or '-'")
    n.add_argument("--preset", choices=PRESETS, default="search")
    n.add_argument("--on", action="append", default=[], metavar="OPTION", help="switch a step on")
    n.add_argument("--off", action="append", default=[], metavar="OPTION", help="switch a step off")
    n.set_defaults(run=_normalize)

    t = sub.add_parser("tokenize", help="tokens as TSV: start, end, kind, clitic, text")
    t.add_argument("files", nargs="*", help="UTF-8 text files; stdin when none or '-'")
    t.add_argument("--clitics", action="store_true", help="split proclitics and pronoun suffixes")
    t.set_defaults(run=_tokenize)

    pr = sub.add_parser(
        "process",
        help="run the pipeline over corpora and write the tables",
        description="Write articles, entities, dates, numbers and errors tables "
        "(one file each) for a directory of .txt/.html files, or a JSONL, CSV or "
        "Parquet file. Several inputs go to numbered subfolders of OUTPUT.",
        epilog="example: akhbar process news.jsonl.gz -o out/ --format parquet --threads 2",
    )
    pr.add_argument("inputs", nargs="+", metavar="INPUT")
    pr.add_argument("-o", "--output", required=True, help="output directory")
    pr.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet")
    pr.add_argument("--threads", type=int, default=None, help="default: AKHBAR_NUM_THREADS or all")
    pr.add_argument("--text-column", default="text", help="text field of JSONL/CSV/Parquet")
    pr.add_argument("--id-column", default=None, help="id field (default: row number)")
    pr.add_argument(
        "--date-column",
        default=None,
        help="publication date field (ISO date or date-time): relative dates such as "
        "'أمس' resolve against it (default: the date in the article's header)",
    )
    pr.add_argument("--preset", choices=PRESETS, default="search", help="normalization preset")
    pr.add_argument(
        "--errors",
        choices=("raise", "skip", "null"),
        default="skip",
        help="unreadable rows: stop, leave out, or keep as nulls (listed in errors table)",
    )
    pr.add_argument("--chunk-size", type=int, default=1000)
    pr.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    pr.set_defaults(run=_process)
    add_entity_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except (AkhbarError, OSError, ValueError) as e:
        print(f"akhbar: error: {e}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    raise SystemExit(main())
