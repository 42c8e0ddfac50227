"""The corpus pipeline on the ../shared news corpus: throughput, table cost, memory.

    python bench/pipeline.py              # whole corpus (31k articles)
    python bench/pipeline.py --limit 5000

Prints, in one run on the same articles:

- articles/s and MB/s of ``Pipeline.process`` on 1 and 2 threads, and the speed-up;
- the Rust work alone (``_run_pipeline`` over the same chunks, no tables) beside the
  full call, so the cost of building the tables shows as a percentage;
- the same work done row by row with ``Series.apply`` through the single-text API
  (the way people write it without akhbar's batch path), and the ratio;
- the time to get the entities DataFrame;
- peak RSS while streaming the gzip corpus through ``Pipeline.write`` (one chunk in
  memory at a time), against the size of one chunk of text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

import akhbar
from akhbar._core import _run_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl.gz"


def stream(path: Path, limit: int | None = None) -> Iterator[str]:
    """Non-empty article texts, one at a time."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        n = 0
        for line in fh:
            text = json.loads(line)["text"]
            if text:
                yield text
                n += 1
                if limit is not None and n >= limit:
                    return


def clock(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def clock_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of the process (all its threads). On a shared
    machine the CPU time of a one-thread run is the steadier figure."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def row_by_row(series: pd.Series) -> pd.DataFrame:
    """The same stages with ``.apply`` over the single-text API, one article at a time."""

    def one(text: str) -> pd.Series:
        art = akhbar.parse_article(text)
        body = art.body or text
        toks = akhbar.tokenize(body)
        return pd.Series(
            {
                "title": art.title,
                "published": art.published,
                "n_tokens": len(toks),
                "normalized": akhbar.normalize(body),
                "entities": akhbar.extract(body),
                "dates": akhbar.extract_dates(body, reference=art.published),
                "numbers": akhbar.extract_numbers(body),
            }
        )

    return series.apply(one)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=NEWS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--chunk", type=int, default=1000)
    ap.add_argument("--apply-limit", type=int, default=3000, help="articles for the .apply row")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (set AKHBAR_SHARED to the shared folder)")

    # Streaming first, on a fresh heap, so its peak RSS is its own.
    with tempfile.TemporaryDirectory() as out:
        pipe = akhbar.Pipeline(chunk_size=args.chunk)
        # Warm-up: the tagger model, thread pools, pyarrow's writer; then the baseline.
        pipe.write(stream(args.corpus, 50), Path(out) / "warm", progress=False)
        base = peak_rss_mb()
        t = time.perf_counter()
        counts = pipe.write(stream(args.corpus, args.limit), out, format="parquet", progress=False)
        secs = time.perf_counter() - t
        peak = peak_rss_mb()
    texts = list(stream(args.corpus, args.limit))
    mb = sum(len(x.encode("utf-8")) for x in texts) / 1e6
    chunk_mb = mb / len(texts) * args.chunk
    print(
        f"corpus {args.corpus.name}: {len(texts)} articles, {mb:.1f} MB; akhbar "
        f"{akhbar.__version__}; cpus {os.cpu_count()}; {akhbar.Pipeline()!r}"
    )
    print(
        f"\nstreaming write (parquet): {counts['articles']} articles in {secs:.1f} s; peak RSS "
        f"{peak:.0f} MB, {peak - base:+.0f} MB over the warmed-up process (model loaded); "
        f"one chunk of text = {chunk_mb:.1f} MB (UTF-8)"
    )

    print("\n| run | seconds | articles/s | MB/s | CPU seconds |")
    print("|---|---:|---:|---:|---:|")
    results = {}
    for threads in (1, 2):
        pipe = akhbar.Pipeline(chunk_size=args.chunk, n_threads=threads)
        pipe.process(texts[:200], progress=False)  # warm-up
        full, full_cpu = clock_cpu(lambda p=pipe: p.process(texts, progress=False))
        stages = pipe._stage_args()
        rust, rust_cpu = clock_cpu(
            lambda n=threads, st=stages: [
                _run_pipeline(texts[i : i + args.chunk], **st, n_threads=n)
                for i in range(0, len(texts), args.chunk)
            ]
        )
        results[threads] = (full, rust)
        for label, s, cpu in (
            (f"Pipeline.process, {threads} thread(s)", full, full_cpu),
            (f"Rust work only, {threads} thread(s)", rust, rust_cpu),
        ):
            print(f"| {label} | {s:.2f} | {len(texts) / s:,.0f} | {mb / s:.1f} | {cpu:.2f} |")
        print(
            f"| tables over Rust work, {threads} thread(s) "
            f"| {100 * (full / rust - 1):+.1f}% | | | |"
        )

    sub = pd.Series(texts[: args.apply_limit])
    apply_s = clock(lambda: row_by_row(sub))
    pipe_s = clock(lambda: akhbar.Pipeline(n_threads=1).process(sub, progress=False))
    print(
        f"| .apply row by row ({len(sub)} articles) | {apply_s:.2f} | {len(sub) / apply_s:,.0f} | "
        f"{sum(len(x.encode()) for x in sub) / 1e6 / apply_s:.1f} | |"
    )
    print(
        f"\nPipeline (1 thread) vs .apply on the same {len(sub)} articles: "
        f"{apply_s / pipe_s:.1f}× faster"
    )
    one, two = results[1][0], results[2][0]
    print(
        f"2 threads vs 1 (Pipeline.process): {one / two:.2f}×; "
        f"Rust work only: {results[1][1] / results[2][1]:.2f}×"
    )
    ent = clock(lambda: akhbar.Pipeline().process(texts, progress=False).entities)
    print(f"time to the entities DataFrame (all stages, default threads): {ent:.2f} s")


if __name__ == "__main__":
    main()
