"""Reliability: no input crashes a run; one failing document costs one error row; bounds.

The forced failure uses ``_run_pipeline``'s private ``_panic_on`` argument (a
test-only trigger, see ``PipelineConfig::panic_on`` in the core): the document
whose text equals it panics inside Rust. No input text can set it; it is None
in every real run.
"""

from __future__ import annotations

import functools

import pytest

import akhbar
from akhbar import Pipeline
from akhbar import pipeline as pipeline_module

BYLINE = "جدة：عبدالله الحارثي"  # U+FF1A FULLWIDTH COLON
ARTICLE = (
    "افتتاح معرض الكتاب في جدة اليوم\n"
    f"{BYLINE}\n"
    "قال مسؤول حكومي اليوم إن الاجتماع سيعقد الأسبوع المقبل في الرياض بحضور 300 مشارك.\n"
)


def test_fullwidth_colon_byline_is_read_not_crashed_on() -> None:
    a = akhbar.parse_article(ARTICLE)
    assert (a.dateline, a.author) == ("جدة", "عبدالله الحارثي")
    # The fields point at the original text, across the three-byte colon.
    span = a.spans["author"]
    assert span is not None and ARTICLE[span[0] : span[1]] == "عبدالله الحارثي"
    for text in [BYLINE, "：محمد علي", "：", f"<html><body><p>{BYLINE}</p></body></html>"]:
        assert isinstance(akhbar.parse_article(text), akhbar.Article)
    rows = Pipeline(entities=False).process([BYLINE, "：محمد علي"], progress=False)
    assert len(rows.articles) == 2 and rows.errors.empty


@pytest.fixture
def forced_failure(monkeypatch: pytest.MonkeyPatch) -> str:
    """Make the document "BOOM" fail inside the Rust pipeline (a panic)."""
    trigger = "BOOM"
    patched = functools.partial(pipeline_module._run_pipeline, _panic_on=trigger)
    monkeypatch.setattr(pipeline_module, "_run_pipeline", patched)
    return trigger


DOCS = [ARTICLE, "أعلنت وزارة الصحة في دمشق عن 12 إصابة جديدة يوم 3 مارس 2024."]


@pytest.mark.parametrize("n_threads", [1, 2])
def test_a_panicking_document_costs_its_row_only(forced_failure: str, n_threads: int) -> None:
    clean = Pipeline(chunk_size=2).process(DOCS, progress=False, n_threads=n_threads)
    data = [DOCS[0], forced_failure, DOCS[1], None]
    ids = ["a", "boom", "b", "none"]
    r = Pipeline(chunk_size=2).process(
        data, ids=ids, errors="skip", progress=False, n_threads=n_threads
    )
    assert r.articles["doc_id"].tolist() == ["a", "b"]
    assert r.errors.to_dict("records") == [
        {
            "doc_id": "boom",
            "position": 1,
            "error": "internal error: forced failure (PipelineConfig::panic_on)",
        },
        {"doc_id": "none", "position": 3, "error": "missing text (None)"},
    ]
    # The other rows are exactly what they are without the failing document.
    for name in ("entities", "dates", "numbers"):
        got = getattr(r, name).drop(columns="doc_id").reset_index(drop=True)
        want = getattr(clean, name).drop(columns="doc_id").reset_index(drop=True)
        assert got.equals(want), name
        assert len(want) > 0, name
    assert r.numbers["doc_id"].tolist() == ["a", "b"]  # 300 مشارك; 12 إصابة (the date aside)

    nulled = Pipeline().process(data, errors="null", progress=False, n_threads=n_threads)
    assert nulled.articles["doc_id"].tolist() == [0, 1, 2, 3]
    assert nulled.articles["n_words"].isna().tolist() == [False, True, False, True]
    assert nulled.errors["position"].tolist() == [1, 3]


def test_a_panicking_document_raises_a_typed_error_naming_its_row(forced_failure: str) -> None:
    with pytest.raises(akhbar.InternalError, match=r"row 3 .*internal error") as e:
        Pipeline(chunk_size=2).process(["نص", "نص", "نص", forced_failure], progress=False)
    assert e.value.index == 3
    assert isinstance(e.value, akhbar.AkhbarError) and isinstance(e.value, RuntimeError)


# --- bounds: sizes that used to take hours or could overflow -----------------


def test_fifty_megabytes_of_text() -> None:
    unit = akhbar.sample_article() + "\n\n"
    reps = 50_000_000 // len(unit.encode()) + 1
    big = unit * reps
    assert len(big.encode()) >= 50_000_000
    # Every copy holds the same number mentions: nothing lost, nothing merged
    # (numbers used to cut unit words with a scan from the text's start, quadratic here).
    one = akhbar.extract_numbers(unit)
    found = akhbar.extract_numbers(big)
    assert len(found) == reps * len(one)
    last = found[-1]
    assert big[last.start : last.end] == one[-1].text
    norm, offsets = akhbar.Normalizer("search").normalize_with_map(big)
    assert len(norm) > 0.9 * len(big)  # diacritics and spaces folded, nothing more
    s, e = offsets.to_original_span(len(norm) - 10, len(norm))
    assert offsets.original_len == len(big) and s < e <= len(big)
    assert norm[-10:] == akhbar.normalize(big[s:e])


def test_a_one_megabyte_word() -> None:
    word = "كتاب" * 125_000  # 500,000 letters, 1 MB in UTF-8
    text = f"قال {word} في دمشق"
    assert [t.text for t in akhbar.tokenize(text)][1] == word
    assert len(akhbar.tokenize(text, clitics=True)) >= 4
    assert akhbar.normalize(text) == text
    assert akhbar.extract_numbers(text) == [] and akhbar.extract_dates(text) == []
    page = f"عنوان الخبر اليوم\n\n{text}\n\nقال الوزير إن الاجتماع انتهى."
    a = akhbar.parse_article(page)
    assert a.title == "عنوان الخبر اليوم" and text in [a.subtitle, *a.paragraphs]
    ents = akhbar.extract(text)
    assert all(text[x.start : x.end] == x.text for x in ents)


def test_a_four_hundred_digit_number() -> None:
    digits = "7" * 400
    # A digit run that long is a code, as nine digits and more are; grouped, it
    # is a number past float range: no value rather than inf.
    assert akhbar.extract_numbers(f"بلغ {digits} دولار") == []
    assert akhbar.extract_numbers(f"بلغ {'٧' * 400} دولار") == []
    grouped = "7" + ",000" * 133
    [n] = akhbar.extract_numbers(f"بلغت الكلفة {grouped} دولار")
    assert n.value is None and n.text.startswith("7,000")
    assert akhbar.extract_dates(f"عام {digits}") == []
    assert [t.kind for t in akhbar.tokenize(digits)] == ["number"]
