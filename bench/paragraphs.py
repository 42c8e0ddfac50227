"""Pipeline time against the number of paragraphs in one article.

    python bench/paragraphs.py                  # 20k, 40k, 80k paragraphs
    python bench/paragraphs.py --sizes 10000 20000

One synthetic article of N one-line paragraphs, each with a number, goes through
``Pipeline`` with only the numbers stage (article parsing on, so every mention is
placed back into the input paragraph by paragraph). Prints seconds per size and the
ratio of each time to the first: a pipeline linear in the paragraph count shows
ratios close to the size ratios (2, 4), a quadratic one their squares (4, 16).
Needs no corpus.
"""

from __future__ import annotations

import argparse
import time

import akhbar


def article(n: int) -> str:
    """A headline and ``n`` one-line paragraphs, each with a number mention."""
    lines = ["عنوان الخبر"] + [f"سجلت المحافظة {i % 97 + 3} إصابات جديدة" for i in range(n)]
    return "\n\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000, 40_000, 80_000])
    args = ap.parse_args()
    pipe = akhbar.Pipeline(normalize=None, tokens=False, entities=False, dates=False, numbers=True)
    first = None
    for n in args.sizes:
        text = article(n)
        t0 = time.perf_counter()
        result = pipe.process([text], progress=False, n_threads=1)
        dt = time.perf_counter() - t0
        first = first or dt
        print(
            f"{n:>7,} paragraphs: {dt:6.2f} s, {len(result.numbers):,} numbers, "
            f"x{dt / first:.1f} the first size's time (sizes x{n / args.sizes[0]:.0f})"
        )


if __name__ == "__main__":
    main()
