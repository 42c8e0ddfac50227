"""Two entity model files side by side: load time and file size, as ratios.

    python bench/model_load.py OLD.akbm [NEW.akbm] --rounds 5

Loads each file with ``Tagger.load`` alternately, ``--rounds`` times, in one process, and reports
the median wall time of each, NEW/OLD, and both files' sizes; it checks that both tag the packaged
sample article alike. NEW defaults to the shipped model. (For example OLD = the shipped model as
format version 2, ``git show 5077849:python/akhbar/data/ner-anercorp.akbm > OLD.akbm``.) It also
times ``Tagger.save`` (which compresses) and a pickle round trip (which does not) of NEW.
Needs no corpus.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import akhbar
from akhbar.entities import default_model_path


def timed(f: Callable[[], object]) -> float:
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path, nargs="?", default=default_model_path())
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    times: dict[Path, list[float]] = {args.old: [], args.new: []}
    for _ in range(args.rounds):
        for path, ts in times.items():
            ts.append(timed(lambda p=path: akhbar.Tagger.load(p)))
    old, new = (statistics.median(times[p]) for p in (args.old, args.new))
    size_old, size_new = args.old.stat().st_size, args.new.stat().st_size
    print(f"load  OLD {old:.3f} s   NEW {new:.3f} s   NEW/OLD {new / old:.2f}")
    print(f"size  OLD {size_old:,} B   NEW {size_new:,} B   NEW/OLD {size_new / size_old:.3f}")

    a, b = akhbar.Tagger.load(args.old), akhbar.Tagger.load(args.new)
    text = akhbar.sample_article()
    print("same entities on the sample article:", a.extract(text) == b.extract(text))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "m.akbm"
        save = statistics.median(timed(lambda: b.save(out)) for _ in range(args.rounds))
    pick = statistics.median(
        timed(lambda: pickle.loads(pickle.dumps(b))) for _ in range(args.rounds)
    )
    print(f"NEW save {save:.3f} s, pickle round trip {pick:.3f} s (medians)")


if __name__ == "__main__":
    main()
