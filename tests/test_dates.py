"""Dates, times and numbers on real news text; expected values worked out by hand."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import pickle
from pathlib import Path

import pytest
from conftest import ARTICLES, article, need
from hypothesis import given, settings
from hypothesis import strategies as st

import akhbar
from akhbar import DateMention, NumberMention

FIXTURE = Path(__file__).parent / "fixtures" / "dates_numbers.jsonl"


def spans(text: str, reference: str | None = None) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in akhbar.extract_dates(text, reference=reference)]


def test_spa_dateline_is_one_date_in_both_calendars() -> None:
    text = article("saudinewsnet-2015-08-11-01566.txt")
    dates = akhbar.extract_dates(text, reference="2015-08-11 13:42:51")
    first = dates[0]
    assert first.text == "26 شوال 1436 هـ الموافق 11 اغسطس 2015 م"
    assert text[first.start : first.end] == first.text
    assert (first.value, first.calendar, first.hijri) == ("2015-08-11", "hijri", "1436-10-26")
    assert first.conversion == "umm_al_qura" and first.calendars_agree is True
    # "غداً" (tomorrow) and the SPA time stamp "10:17 ت م".
    assert [(d.text, d.value, d.label) for d in dates[1:]] == [
        ("غداً", "2015-08-12", "DATE"),
        ("10:17 ت م", "T10:17", "TIME"),
    ]


def test_shaam_date_line_in_eastern_digits() -> None:
    text = article("shaam-2017-12-03-hmeimim.txt")
    first = akhbar.extract_dates(text)[0]
    assert (first.text, first.value, first.granularity) == ("٣ ديسمبر ٢٠١٧", "2017-12-03", "day")


def test_regional_month_names_and_newswire_forms() -> None:
    assert spans("في 15 كانون الثاني/يناير 2016") == [("15 كانون الثاني/يناير 2016", "2016-01-15")]
    assert spans("يوم 6 آب (أغسطس) 2015") == [("يوم 6 آب (أغسطس) 2015", "2015-08-06")]
    assert spans("في 14 جويلية 2015") == [("14 جويلية 2015", "2015-07-14")]
    assert spans("في 20 غشت 2015") == [("20 غشت 2015", "2015-08-20")]
    assert spans("في 4 كانون 2 2016") == [("4 كانون 2 2016", "2016-01-04")]
    assert spans("تشرين الثاني/نوفمبر 2013") == [("تشرين الثاني/نوفمبر 2013", "2013-11")]


def test_numeric_and_hijri_forms() -> None:
    assert spans("بتاريخ 3/12/2017") == [("3/12/2017", "2017-12-03")]
    assert spans("يوم الخميس 21/ 10/ 1436 هـ") == [("يوم الخميس 21/ 10/ 1436 هـ", "2015-08-06")]
    m = akhbar.extract_dates("خلال شهر رمضان 1436 هـ")[0]
    assert (m.value, m.granularity, m.hijri) == ("2015-06-18/2015-07-16", "month", "1436-09")
    old = akhbar.extract_dates("في 12 ربيع الأول 1200 هـ")[0]
    assert old.conversion == "tabular"


def test_years_and_counts_are_told_apart() -> None:
    assert spans("في عام 2015 ارتفع") == [("عام 2015", "2015")]
    assert spans("أصيب 2015 شخصاً") == []
    assert [(n.text, n.value) for n in akhbar.extract_numbers("أصيب 2015 شخصاً")] == [("2015", 2015)]
    # Digits of a date are not numbers.
    assert akhbar.extract_numbers("في 10 أغسطس 2015") == []


def test_impossible_dates_have_no_value() -> None:
    (m,) = akhbar.extract_dates("في 31 شباط 2015")
    assert m.value is None and not m.resolved


def test_relative_expressions_need_a_reference() -> None:
    text = "وصل أمس الأول، وغادر يوم الأحد الماضي، بعد ثلاثة أسابيع من وصوله منذ ثلاثة أيام"
    got = spans(text, reference=dt.date(2015, 8, 10))
    assert got == [
        ("أمس الأول", "2015-08-08"),
        ("يوم الأحد الماضي", "2015-08-09"),
        ("منذ ثلاثة أيام", "2015-08-07"),
    ]
    unresolved = akhbar.extract_dates(text)
    assert [m.relative for m in unresolved] == [True, True, True]
    assert [m.value for m in unresolved] == [None, None, None]


def test_article_date_from_its_own_weekday() -> None:
    # Collected on Saturday 1 August 2015; the article says "today, Friday".
    text = "عاود اللاعبون صباح اليوم الجمعة تدريباتهم بعد فوزهم مساء أمس"
    assert spans(text, reference="2015-08-01") == [
        ("صباح اليوم الجمعة", "2015-07-31"),
        ("مساء أمس", "2015-07-30"),
    ]


def test_numbers_kinds_units_and_values() -> None:
    got = [
        (n.text, n.value, n.kind, n.unit, n.label)
        for n in akhbar.extract_numbers(
            "بلغت 2.61 مليون ريال عماني مرتفعة بنسبة 44.93 % ونقلت 627 طناً إلى 15 مستشفى"
        )
    ]
    assert got == [
        ("2.61 مليون ريال عماني", 2610000, "money", "OMR", "MONEY"),
        ("44.93 %", 44.93, "percent", "%", "PERCENT"),
        ("627 طناً", 627, "quantity", "طن", "QUANTITY"),
        ("15", 15, "number", "مستشفى", "NUMBER"),
    ]
    words = akhbar.extract_numbers("ضبط ثلاثة آلاف كرتون ونصف مليون ريال")
    assert [(n.text, n.value) for n in words] == [
        ("ثلاثة آلاف", 3000),
        ("نصف مليون ريال", 500000),
    ]


def test_wire_decimals_written_with_ra() -> None:
    # SPA writes 6401.20 as "20ر6401" (fraction first).
    (n,) = akhbar.extract_numbers("عند مستوى 20ر6401 نقطة")
    assert (n.text, n.value, n.unit) == ("20ر6401", 6401.2, "نقطة")


def test_mentions_are_frozen_picklable_and_dict_ready() -> None:
    d = akhbar.extract_dates("في 3/12/2017")[0]
    n = akhbar.extract_numbers("672 ضربة")[0]
    for m in (d, n):
        assert pickle.loads(pickle.dumps(m)) == m
        assert hash(pickle.loads(pickle.dumps(m))) == hash(m)
        with pytest.raises(AttributeError):
            m.start = 0  # type: ignore[misc]
    assert isinstance(d, DateMention) and isinstance(n, NumberMention)
    assert d.to_dict()["value"] == "2017-12-03" and d.to_dict()["label"] == "DATE"
    assert n.to_dict() == {
        "text": "672",
        "start": 0,
        "end": 3,
        "label": "NUMBER",
        "value": 672,
        "kind": "number",
        "unit": "ضربة",
    }


def test_batches_keep_order_and_do_not_depend_on_threads(news_sample: list[str]) -> None:
    texts = news_sample[:400]
    one = akhbar.extract_dates_batch(texts, n_threads=1)
    two = akhbar.extract_dates_batch(texts, n_threads=2)
    assert one == two
    assert one[7] == akhbar.extract_dates(texts[7])
    assert akhbar.extract_numbers_batch(texts, n_threads=1) == akhbar.extract_numbers_batch(
        texts, n_threads=2
    )
    for text, mentions in zip(texts, one, strict=True):
        for m in mentions:
            assert text[m.start : m.end] == m.text


def test_batch_references() -> None:
    out = akhbar.extract_dates_batch(["أمس", "أمس"], references=["2015-08-10", None])
    assert [[m.value for m in row] for row in out] == [["2015-08-09"], [None]]
    same = akhbar.extract_dates_batch(["أمس", "اليوم"], references=dt.date(2015, 8, 10))
    assert [[m.value for m in row] for row in same] == [["2015-08-09"], ["2015-08-10"]]


def test_bad_input_raises_with_the_row() -> None:
    with pytest.raises(akhbar.InvalidTextError) as e:
        akhbar.extract_dates_batch(["نص", None])  # type: ignore[list-item]
    assert e.value.index == 1
    with pytest.raises(akhbar.InvalidTextError):
        akhbar.extract_numbers(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(akhbar.OptionError):
        akhbar.extract_dates("أمس", reference="10/08/2015")
    with pytest.raises(akhbar.OptionError) as e2:
        akhbar.extract_dates_batch(["أمس", "أمس"], references=["2015-08-10", "x"])
    assert e2.value.index == 1
    with pytest.raises(akhbar.OptionError):
        akhbar.extract_dates_batch(["أمس"], references=["2015-08-10", None])


def test_hand_annotated_articles_meet_the_quality_bar() -> None:
    need(ARTICLES)
    rows = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    assert len(rows) >= 100
    gold = pred = hit = value_ok = 0
    for row in rows:
        text = (ARTICLES.parent / row["file"]).read_text("utf-8")
        want = {(m["start"], m["end"]): m["value"] for m in row["mentions"]}
        got = {
            (m.start, m.end): m.value
            for m in [
                *akhbar.extract_dates(text, reference=row["reference"]),
                *akhbar.extract_numbers(text),
            ]
        }
        gold += len(want)
        pred += len(got)
        for span, value in got.items():
            if span in want:
                hit += 1
                w = want[span]
                value_ok += w == value if isinstance(w, str) or w is None else abs(w - value) < 1e-6
    assert hit / pred >= 0.95, f"precision {hit / pred:.3f}"
    assert hit / gold >= 0.90, f"recall {hit / gold:.3f}"
    assert value_ok / hit >= 0.95, f"value accuracy {value_ok / hit:.3f}"


# Pieces of real date and number phrases, shuffled: the grammars must never fail
# and every offset must point at the text it reports.
PIECES = st.lists(
    st.sampled_from(
        [
            "25",
            "شوال",
            "1436",
            "هـ",
            "الموافق",
            "10",
            "أغسطس",
            "2015",
            "م",
            "٣",
            "ديسمبر",
            "/",
            "-",
            "(",
            ")",
            ":",
            "%",
            "في المئة",
            "اليوم",
            "أمس",
            "الأول",
            "الأحد",
            "الماضي",
            "منذ",
            "ثلاثة",
            "أيام",
            "آلاف",
            "مليون",
            "ونصف",
            "ريال",
            "ر",
            "طن",
            "الساعة",
            "صباحاً",
            "ت",
            "عام",
            "الـ",
            "من",
            "\n",
            "، ",
            "ﻻ",
            "َ",
            "\u200f",
            "٫",
        ]
    ),
    max_size=25,
).map(" ".join)


@given(st.one_of(PIECES, st.text(max_size=40)), st.sampled_from([None, "2015-08-10"]))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_valid_mentions(text: str, reference: str | None) -> None:
    dates = akhbar.extract_dates(text, reference=reference)
    numbers = akhbar.extract_numbers(text)
    for m in [*dates, *numbers]:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for a, b in itertools.pairwise(dates):
        assert a.end <= b.start
