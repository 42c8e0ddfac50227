"""Fuzz-style property tests at the edges: corpus files, thread counts, options.

Whatever the input, every failure is an ``akhbar.AkhbarError`` and every row of a
corpus comes out once: as an article or as an error row."""

from __future__ import annotations

import datetime
import gzip
import json
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import akhbar
from akhbar import Pipeline

LIGHT = Pipeline(parse=False, normalize=None, entities=False, dates=False, numbers=False)
WORDS = st.sampled_from(["خبر", "الرياض", "أعلنت", "3", "إصابات", "news", "", "\u200f"])
TEXTS = st.lists(WORDS, max_size=6).map(" ".join)
IDS = st.one_of(st.integers(-5, 10**20), st.text(max_size=5), st.none())

#: A JSONL line: a good row, or one of the ways a line goes wrong.
LINES = st.one_of(
    st.builds(lambda i, t: json.dumps({"id": i, "text": t}), IDS, TEXTS),
    st.builds(lambda t: json.dumps({"text": t}), TEXTS),  # no id
    st.builds(lambda i: json.dumps({"id": i}), IDS),  # no text
    st.integers(1, 3000).map(lambda n: "[" * n + "]" * n),  # nested
    st.sampled_from(["{broken", "[1, 2]", "null", '"text"', '{"id": 1, "text": 5}']),
    st.just('{"id": "\\ud800", "text": ""}'),  # an id Arrow cannot store as is
    st.text(max_size=20).filter(lambda s: "\n" not in s and "\r" not in s),
)


def _is_good(line: str) -> bool:
    try:
        row = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(row, dict) and "id" in row and isinstance(row.get("text"), str)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(LINES, max_size=12), chunk_size=st.integers(1, 5), gz=st.booleans())
def test_every_jsonl_line_is_one_row(lines: list[str], chunk_size: int, gz: bool) -> None:
    lines = [ln for ln in lines if ln.strip()]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / ("c.jsonl.gz" if gz else "c.jsonl")
        data = "".join(ln + "\n" for ln in lines).encode("utf-8", "surrogatepass")
        path.write_bytes(gzip.compress(data) if gz else data)
        pipe = Pipeline(
            parse=False,
            normalize=None,
            entities=False,
            dates=False,
            numbers=False,
            chunk_size=chunk_size,
        )
        r = pipe.process(
            akhbar.read_corpus(path, id_column="id"), errors="skip", output="arrow", progress=False
        )
    good = [json.loads(ln) for ln in lines if _is_good(ln)]
    assert len(r.articles) == len(good)
    assert len(r.articles) + len(r.errors) == len(lines)
    ids = r.articles["doc_id"].to_pylist()
    if r.articles.schema.field("doc_id").type == pa.string():
        assert ids == [None if g["id"] is None else _replaced(str(g["id"])) for g in good]
    else:
        assert ids == [g["id"] for g in good]


def _replaced(s: str) -> str:
    """``s`` with each lone surrogate replaced by U+FFFD."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in s)


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=300),
    name=st.sampled_from(["c.jsonl", "c.jsonl.gz", "c.csv", "c.tsv.gz", "c.parquet"]),
    cut=st.integers(0, 100),
)
def test_any_file_reads_or_raises_an_akhbar_error(data: bytes, name: str, cut: int) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        if name.endswith(".gz") and cut % 2:  # a real gzip, maybe truncated
            packed = gzip.compress(data)
            data = packed[: len(packed) * cut // 100]
        path.write_bytes(data)
        try:
            r = LIGHT.process(akhbar.read_corpus(path), errors="skip", progress=False)
        except akhbar.AkhbarError:
            return
    assert all(isinstance(e, str) for e in r.errors["error"])


@settings(max_examples=80, deadline=None)
@given(
    n=st.one_of(
        st.integers(-(10**40), 10**40),
        st.integers(-3, 70),
        st.floats(allow_nan=True),
        st.booleans(),
        st.text(max_size=3),
    )
)
def test_thread_counts_run_or_raise_option_error(n: object) -> None:
    texts = ["قال الوزير إن 3 أشخاص أصيبوا", "خبر"]
    want = akhbar.tokenize_batch(texts, n_threads=1)
    ok = isinstance(n, int) and not isinstance(n, bool) and n >= 1
    try:
        got = akhbar.tokenize_batch(texts, n_threads=n)  # type: ignore[arg-type]
    except akhbar.OptionError:
        assert not ok
    else:
        assert ok and got == want


@settings(max_examples=30, deadline=None)
@given(bias=st.floats(allow_nan=True, allow_infinity=True))
def test_o_bias_is_finite_or_refused(bias: float) -> None:
    try:
        shifted = akhbar.Tagger.default().with_o_bias(bias)
    except akhbar.OptionError:
        assert not abs(bias) <= 3.4028234663852886e38  # NaN, infinite, or beyond f32
    else:
        assert shifted.o_bias == shifted.o_bias and abs(shifted.o_bias) != float("inf")


@settings(max_examples=150, deadline=None)
@given(reference=st.one_of(st.text(max_size=30), st.dates().map(str), st.dates()))
def test_references_are_valid_or_refused(reference: object) -> None:
    text = "وصل الوفد أمس ويغادر غدا بعد 3 أيام منذ 500 عام"
    try:
        found = akhbar.extract_dates(text, reference=reference)
    except akhbar.OptionError:
        assert isinstance(reference, str)
        return
    for m in found:
        if m.value is not None and m.granularity == "day":
            day = datetime.date.fromisoformat(m.value[:10])
            assert 1 <= day.year <= 9999
        if m.value is not None and m.granularity == "year":
            assert 1 <= int(m.value) <= 9999
