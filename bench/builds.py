"""Two builds of the extension side by side: the same work, alternated rounds, ratios.

    python bench/builds.py A/_core.abi3.so B/_core.abi3.so --articles 1000 --rounds 5

For a change of compiler settings (LTO, codegen units, a toolchain update) that must
not cost speed. Each round runs, for each build in turn (A, B, A, B, ...), a child
process that loads that ``_core`` library under ``akhbar._core`` and times, on one
thread, the same first ``--articles`` non-empty articles of the ../shared news corpus:

- ``extract_batch`` (the entity tagger: most of the pipeline's time);
- ``parse_article_batch``;
- ``normalize_batch`` (the ``search`` preset);
- ``Pipeline().process`` (every stage and the tables).

It prints, per workload, the median CPU seconds of each build over the rounds (CPU time
of the child, so another job on the machine costs less than in wall time) and B's speed
as a ratio of A's (above 1: B is faster). Both builds run in the same benchmark run,
alternated, so a change in the machine's load falls on both.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entities import NEWS, load

WORKLOADS = ("extract_batch", "parse_article_batch", "normalize_batch", "Pipeline.process")


def child(so: str, articles: int) -> None:
    """Load ``so`` as ``akhbar._core``, time each workload once, print JSON."""
    spec = importlib.util.spec_from_file_location("akhbar._core", so)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {so}")
    core = importlib.util.module_from_spec(spec)
    sys.modules["akhbar._core"] = core
    spec.loader.exec_module(core)
    import akhbar

    texts = load(articles)
    akhbar.extract("تمهيد")  # load the model before timing
    work = {
        "extract_batch": lambda: akhbar.extract_batch(texts, n_threads=1),
        "parse_article_batch": lambda: akhbar.parse_article_batch(texts, n_threads=1),
        "normalize_batch": lambda: akhbar.normalize_batch(texts, "search", n_threads=1),
        "Pipeline.process": lambda: akhbar.Pipeline(n_threads=1).process(texts, progress=False),
    }
    out = {}
    for name in WORKLOADS:
        c0 = time.process_time()
        work[name]()
        out[name] = time.process_time() - c0
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a", help="the _core library of build A (the reference)")
    ap.add_argument("b", nargs="?", help="the _core library of build B")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.a, args.articles)
        return
    if args.b is None:
        ap.error("give two builds, A and B")
    if not NEWS.exists():
        raise SystemExit(f"skipped: the news corpus is not at {NEWS}")
    runs: dict[str, list[dict[str, float]]] = {"A": [], "B": []}
    for r in range(args.rounds):
        for name, so in (("A", args.a), ("B", args.b)):
            cmd = [sys.executable, __file__, so, "--child", "--articles", str(args.articles)]
            res = subprocess.run(cmd, check=True, capture_output=True, text=True)
            runs[name].append(json.loads(res.stdout.strip().splitlines()[-1]))
            print(f"round {r + 1} {name}: {runs[name][-1]}", file=sys.stderr)
    print(f"A = {args.a}\nB = {args.b}\n{args.articles} articles, 1 thread, {args.rounds} rounds")
    print(f"{'workload':<22}{'A CPU s':>10}{'B CPU s':>10}{'B speed / A':>14}")
    for w in WORKLOADS:
        a = statistics.median(x[w] for x in runs["A"])
        b = statistics.median(x[w] for x in runs["B"])
        print(f"{w:<22}{a:>10.3f}{b:>10.3f}{a / b:>13.3f}x")


if __name__ == "__main__":
    main()
