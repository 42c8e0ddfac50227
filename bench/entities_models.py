"""Two entity model files side by side: tagging throughput on the same articles, as a ratio.

    python bench/entities_models.py OLD.akbm [NEW.akbm] --articles 500 --rounds 5

Loads both models in one process and tags the first ``--articles`` non-empty articles of the
../shared news corpus with each on one thread, alternating, ``--rounds`` times. Reports the
best CPU time of each (process time: what other jobs on a shared machine take away from the
wall clock does not count) as tokens/s, and NEW/OLD. NEW defaults to the shipped model.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

import akhbar
from akhbar.entities import default_model_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path, nargs="?", default=default_model_path())
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if not NEWS.exists():
        sys.exit(f"news corpus not found: {NEWS} (set AKHBAR_SHARED)")
    texts: list[str] = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            if text:
                texts.append(text)
                if len(texts) >= args.articles:
                    break
    n_tokens = sum(len(t) for t in akhbar.tokenize_batch(texts))
    models = {"old": akhbar.Tagger.load(args.old), "new": akhbar.Tagger.load(args.new)}
    best = {name: float("inf") for name in models}
    for _ in range(args.rounds):
        for name, tagger in models.items():
            t0 = time.process_time()
            tagger.extract_batch(texts, n_threads=1)
            best[name] = min(best[name], time.process_time() - t0)
    print(f"{len(texts)} articles, {n_tokens:,} tokens; best of {args.rounds} rounds, CPU time")
    for name, tagger in models.items():
        print(f"{name}: {n_tokens / best[name]:>10,.0f} tokens/s  {tagger!r}")
    print(f"new/old: {best['old'] / best['new']:.2f}x")


if __name__ == "__main__":
    main()
