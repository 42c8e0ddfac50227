"""Memory leaks: resident set size over a million calls of each single-text function,
and over the news corpus streamed through the pipeline.

A benchmark, not a test (nothing here is timed against a threshold)::

    python bench/leaks.py                      # 10**6 calls per function + the streamed corpus
    python bench/leaks.py --calls 100000 --limit 5000

Inputs are real: the lines of the news corpus in ../shared/data (at most ``--limit``
articles; the packaged sample article when the corpus is absent), cycled, plus the
inputs that used to crash (fullwidth-colon bylines, a 400-digit number). RSS is read
from /proc/self/status after a warm-up of 1% of the calls, then at every tenth of the
run; the table shows the first and last samples, the maximum, and the growth from
the first sample to the last per 100,000 calls. A leak of even one small object per
call shows as steady growth (10**6 leaked 64-byte objects are 61 MB); flat memory
shows as growth near zero.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import itertools
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import akhbar

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl.gz"

ODD = ["جدة：عبدالله الحارثي", "：محمد علي", "بلغ " + "7" * 400 + " دولار", "", "\ufffd\u200f"]


def rss_mb() -> float:
    """The resident set size of this process, in MB (10**6 bytes)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError("no VmRSS in /proc/self/status")


def articles(limit: int) -> Iterator[str]:
    """Corpus article texts (the packaged sample when the corpus is absent)."""
    if not NEWS.exists():
        print(f"corpus not found at {NEWS}: using the packaged sample article", file=sys.stderr)
        yield akhbar.sample_article()
        return
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, limit):
            text = json.loads(line)["text"]
            if text:
                yield text


def functions() -> dict[str, Callable[[str], object]]:
    """Every single-text entry point, by name."""
    light = akhbar.Normalizer("light")
    tagger = akhbar.Tagger.default()
    return {
        "normalize": akhbar.normalize,
        "normalize_with_map": light.normalize_with_map,
        "tokenize": akhbar.tokenize,
        "tokenize(clitics)": lambda t: akhbar.tokenize(t, clitics=True),
        "parse_article(text)": akhbar.parse_article,
        "parse_article(html)": lambda t: akhbar.parse_article(f"<html><body><p>{t}</p></body>"),
        "extract_dates": akhbar.extract_dates,
        "extract_numbers": akhbar.extract_numbers,
        "extract": tagger.extract,
    }


def measure(name: str, f: Callable[[str], object], inputs: list[str], calls: int) -> None:
    """Call ``f`` ``calls`` times over ``inputs`` and print the RSS samples."""
    warm = max(calls // 100, 1)
    cycle = itertools.cycle(inputs)
    for _ in range(warm):
        f(next(cycle))
    gc.collect()
    samples = [rss_mb()]
    step = max(calls // 10, 1)
    t0 = time.perf_counter()
    done = 0
    while done < calls:
        for _ in range(min(step, calls - done)):
            f(next(cycle))
        done += min(step, calls - done)
        gc.collect()
        samples.append(rss_mb())
    secs = time.perf_counter() - t0
    growth = (samples[-1] - samples[0]) / calls * 100_000
    print(
        f"{name:22} {calls:>9,} calls {secs:7.1f} s   RSS first {samples[0]:7.1f} MB  "
        f"last {samples[-1]:7.1f}  max {max(samples):7.1f}  growth {growth:+6.2f} MB/100k calls",
        flush=True,
    )


def stream(limit: int, chunk: int) -> None:
    """Stream the corpus through the full pipeline, sampling RSS after each chunk."""
    texts = articles(limit)
    pipe = akhbar.Pipeline(chunk_size=chunk)
    samples = []
    n = 0
    t0 = time.perf_counter()
    for part in pipe.iter_chunks(texts, errors="skip", progress=False):
        n += part.n_input
        del part
        gc.collect()
        samples.append(rss_mb())
    secs = time.perf_counter() - t0
    if not samples:
        print("streamed nothing")
        return
    after_first = samples[0]
    print(
        f"pipeline stream        {n:>9,} articles {secs:6.1f} s  {len(samples)} chunks of {chunk}: "
        f"RSS after first chunk {after_first:.1f} MB, max {max(samples):.1f}, "
        f"last {samples[-1]:.1f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=1_000_000, help="calls per function")
    ap.add_argument("--limit", type=int, default=2_000, help="articles whose lines are inputs")
    ap.add_argument("--stream-limit", type=int, default=40_000, help="articles streamed (all)")
    ap.add_argument("--chunk", type=int, default=1_000, help="pipeline chunk size")
    ap.add_argument("--only", nargs="*", help="function names to run (default: all)")
    args = ap.parse_args()

    lines = [ln.strip() for a in articles(args.limit) for ln in a.splitlines() if ln.strip()]
    inputs = [ln[:300] for ln in lines] + ODD
    print(
        f"akhbar {akhbar.__version__}; {len(inputs):,} inputs (corpus lines cut at 300 chars, "
        f"mean {sum(map(len, inputs)) / len(inputs):.0f} chars); RSS at start {rss_mb():.1f} MB"
    )
    for name, f in functions().items():
        if args.only and name not in args.only:
            continue
        measure(name, f, inputs, args.calls)
    if not args.only or "stream" in args.only:
        stream(args.stream_limit, args.chunk)


if __name__ == "__main__":
    main()
