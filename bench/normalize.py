"""Normalization throughput: akhbar beside its peers, in one process run, on one corpus.

Run it in a venv that has akhbar and the peers installed (see bench/README.md)::

    python bench/normalize.py                     # the whole ../shared news corpus
    python bench/normalize.py --limit 3000 --runs 3

Every row normalizes the same in-memory list of articles with the same steps as the
peer helper's ``norm_full`` task (../shared/bench/peers.py): presentation forms (NFKC),
diacritics, tatweel, alef variants, alef maksura, teh marbuta, Arabic-Indic digits.
akhbar runs those steps through one ``Normalizer`` (``full`` below); peers run their own
functions, with standard-library shims for the steps they lack. Single-text rows are a
Python loop of one call per article on one thread; ``batch`` rows call
``normalize_batch`` once with a fixed thread count. MB = 10**6 bytes of UTF-8 input.
Ratios are akhbar's single-thread ``full`` row divided by the peer's MB/s.

The last section streams the gzip corpus in chunks through ``normalize_batch`` and
samples the resident set size after every chunk, to show memory stays flat.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import akhbar

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl.gz"

# The peers' norm_full steps, as akhbar options: everything else off.
SAME_STEPS = {
    "presentation_forms": True,
    "diacritics": True,
    "keep_shadda": False,
    "tatweel": True,
    "alef": True,
    "hamza_carriers": False,
    "alef_maksura": True,
    "teh_marbuta": True,
    "persian_letters": False,
    "digits": True,
    "punctuation": False,
    "bidi": False,
    "invisible": False,
    "whitespace": False,
}


def load_texts(path: Path, limit: int | None) -> list[str]:
    """Non-empty ``text`` fields of a JSONL(.gz) corpus, in file order."""
    return list(stream_texts(path, limit))


def stream_texts(path: Path, limit: int | None = None) -> Iterator[str]:
    """Yield non-empty article texts one by one, never holding the file in memory."""
    opener: Any = gzip.open if path.name.endswith(".gz") else open
    n = 0
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text")
            if isinstance(text, str) and text:
                yield text
                n += 1
                if limit is not None and n >= limit:
                    return


def timed(fn: Callable[[], object], runs: int, warm: Callable[[], object] | None = None) -> float:
    """Median wall time of ``fn`` over ``runs`` runs, gc disabled while timing.

    ``warm`` (default: ``fn`` itself) runs once first: lazy tables, thread pools.
    """
    (warm or fn)()
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        finally:
            gc.enable()
    return statistics.median(times)


def rss_mb() -> float:
    """Current resident set size in MB (Linux), or NaN elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def akhbar_rows(texts: Sequence[str], runs: int) -> list[tuple[str, float]]:
    """(label, seconds) for akhbar's single-text, with-map and batch variants."""
    full = akhbar.Normalizer("none", **SAME_STEPS)
    search = akhbar.Normalizer("search")
    assert full.normalize("أحمدُ ٣") == "احمد 3"  # the steps really are on

    def loop(n: akhbar.Normalizer) -> Callable[[], object]:
        return lambda: [n.normalize(t) for t in texts]

    def loop_map() -> object:
        return [full.normalize_with_map(t) for t in texts]

    rows = [
        ("akhbar full (same steps)", timed(loop(full), runs)),
        ("akhbar full + offset map", timed(loop_map, runs)),
        ("akhbar preset 'search' (all steps)", timed(loop(search), runs)),
    ]
    for threads in (1, 2):
        secs = timed(lambda n=threads: full.normalize_batch(texts, n_threads=n), runs)
        rows.append((f"akhbar full batch, {threads} thread(s)", secs))
    return rows


def peer_rows(texts: Sequence[str], runs: int) -> tuple[list[tuple[str, float]], list[str]]:
    """(label, seconds) for every peer the shared helper can import, and the skipped ones."""
    sys.path.insert(0, str(SHARED / "bench"))
    try:
        import peers  # type: ignore[import-not-found]
    except ImportError:
        return [], [f"peer helper not found under {SHARED / 'bench'}"]
    found, skipped = peers.build_peers()
    rows = []
    head = texts[:20]
    for peer in found:
        if peer.norm_full is None or peer.batch:
            continue
        fn = peer.norm_full
        shims = f" [+{'+'.join(peer.shims)}]" if peer.shims else ""
        secs = timed(
            lambda fn=fn: [fn(t) for t in texts], runs, lambda fn=fn: [fn(t) for t in head]
        )
        rows.append((f"{peer.name} {peer.version}{shims}", secs))
        native = peer.norm_native
        if native is not None and peer.shims:
            secs = timed(
                lambda fn=native: [fn(t) for t in texts],
                runs,
                lambda fn=native: [fn(t) for t in head],
            )
            rows.append((f"{peer.name} {peer.version} own steps only", secs))
    return rows, [f"{name}: {why}" for name, why in skipped]


def streaming_memory(path: Path, chunk: int) -> None:
    """Normalize the corpus chunk by chunk and print how RSS moves."""
    full = akhbar.Normalizer("none", **SAME_STEPS)
    samples: list[float] = []
    buf: list[str] = []
    n = 0
    for text in stream_texts(path):
        buf.append(text)
        if len(buf) == chunk:
            n += len(full.normalize_batch(buf))
            buf = []
            samples.append(rss_mb())
    if buf:
        n += len(full.normalize_batch(buf))
        samples.append(rss_mb())
    if not samples:
        return
    print(
        f"\nstreaming {n} articles in chunks of {chunk}: RSS after first chunk "
        f"{samples[0]:.1f} MB, max {max(samples):.1f} MB, last {samples[-1]:.1f} MB "
        f"(growth {max(samples) - samples[0]:+.1f} MB over {len(samples)} chunks)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=NEWS)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--runs", type=int, default=3, help="median of this many runs (akhbar)")
    ap.add_argument("--peer-runs", type=int, default=1, help="runs per peer (they are slow)")
    ap.add_argument("--chunk", type=int, default=2000, help="streaming chunk size")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (set AKHBAR_SHARED to the shared folder)")

    texts = load_texts(args.corpus, args.limit)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"corpus {args.corpus.name}: {len(texts)} articles, {mb:.1f} MB; akhbar "
        f"{akhbar.__version__}; python {sys.version.split()[0]}; cpus {os.cpu_count()}; "
        f"median of {args.runs} runs"
    )

    ours = akhbar_rows(texts, args.runs)
    theirs, skipped = peer_rows(texts, args.peer_runs)
    base = mb / ours[0][1]
    print("\n| implementation | MB/s | akhbar full ÷ this |")
    print("|---|---:|---:|")
    for label, secs in ours + theirs:
        print(f"| {label} | {mb / secs:,.1f} | {base / (mb / secs):.2f}× |")
    one, two = ours[3][1], ours[4][1]
    print(f"\nbatch speed-up, 2 threads vs 1: {one / two:.2f}×")
    for line in skipped:
        print(f"not benchmarked: {line}")
    streaming_memory(args.corpus, args.chunk)


if __name__ == "__main__":
    main()
