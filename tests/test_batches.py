"""Batch calls larger than one chunk: order, thread-count independence, errors.

Batches are processed in chunks of 2,048 items; with two or more threads the
conversion of one chunk to Python objects overlaps the work on the next. These
tests use more than two chunks so every path runs, on text built from the
bundled sample so they run on a fresh clone.
"""

from __future__ import annotations

import pytest

import akhbar


@pytest.fixture(scope="module")
def many() -> list[str]:
    paragraphs = [p for p in akhbar.sample_article().split("\n\n") if p.strip()]
    # 5,000 distinct texts: each paragraph with its own number, so a swapped row shows.
    return [f"{paragraphs[i % len(paragraphs)]} وأصيب {i} شخصا" for i in range(5000)]


BATCHES = {
    "normalize_batch": lambda t, n: akhbar.normalize_batch(t, n_threads=n),
    "tokenize_batch": lambda t, n: akhbar.tokenize_batch(t, n_threads=n),
    "extract_dates_batch": lambda t, n: akhbar.extract_dates_batch(t, n_threads=n),
    "extract_numbers_batch": lambda t, n: akhbar.extract_numbers_batch(t, n_threads=n),
    "parse_article_batch": lambda t, n: akhbar.parse_article_batch(t, n_threads=n),
    "extract_batch": lambda t, n: akhbar.extract_batch(t, n_threads=n),
}


@pytest.mark.parametrize("name", sorted(BATCHES))
def test_same_rows_in_the_same_order_for_any_thread_count(name: str, many: list[str]) -> None:
    run = BATCHES[name]
    one, two = run(many, 1), run(many, 2)
    assert len(one) == len(many)
    assert one == two
    # Row i belongs to text i: the number written into each text comes back.
    nums = akhbar.extract_numbers_batch(many, n_threads=2)
    assert [n[-1].value for n in nums] == list(range(5000))


def test_a_bad_row_after_the_first_chunks_is_named(many: list[str]) -> None:
    data: list[object] = [*many[:4500], None, *many[4500:]]
    with pytest.raises(akhbar.InvalidTextError) as err:
        akhbar.normalize_batch(data, n_threads=2)  # type: ignore[arg-type]
    assert err.value.index == 4500
