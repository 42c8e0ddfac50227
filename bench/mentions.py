"""How the general ``akhbar.extract`` grows with the number of mentions in one text.

    python bench/mentions.py
    python bench/mentions.py --sizes 1000 2000 4000 --runs 3

A text of ``n`` amounts ("1 مليون دولار، 2 مليون دولار، ...": each currency word is a
name the tagger gives, which the amount rule leaves to its amount) is extracted for
each size, in one process run (median of ``--runs``). Printed: seconds, mentions per
second, and the growth ratio t(2n)/t(n) between successive doubled sizes: about 2 when
the work is linear in the text, about 4 when it is quadratic. Synthetic text only, so
it needs no corpus.
"""

from __future__ import annotations

import argparse
import statistics
import time

import akhbar


def amounts(n: int) -> str:
    """``n`` amounts of money, each with a currency word, separated by commas."""
    return "، ".join(f"{i} مليون دولار" for i in range(1, n + 1))


def main() -> None:
    """Time ``akhbar.extract`` over texts of growing size and print the growth ratios."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000, 32000, 64000]
    )
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tagger = akhbar.Tagger.default()
    akhbar.extract("قال أوباما في القاهرة", tagger=tagger)  # warm-up: model loaded
    print(f"{'amounts':>8} {'chars':>9} {'seconds':>9} {'mentions/s':>11} {'t(n)/t(n/2)':>12}")
    previous: tuple[int, float] | None = None
    for n in args.sizes:
        text = amounts(n)
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            found = akhbar.extract(text, tagger=tagger)
            times.append(time.perf_counter() - t0)
        if len(found) != n:
            raise SystemExit(f"expected {n} mentions, got {len(found)}")
        t = statistics.median(times)
        growth = f"{t / previous[1]:.2f}" if previous and n == 2 * previous[0] else ""
        print(f"{n:>8} {len(text):>9} {t:>9.3f} {n / t:>11.0f} {growth:>12}")
        previous = (n, t)


if __name__ == "__main__":
    main()
