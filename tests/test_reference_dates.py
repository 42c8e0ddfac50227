"""Reference dates for the pipeline: relative dates ("أمس", "العام الماضي") resolved
against a date the caller gives per article (a corpus' metadata), not only the
date parsed from the article's header."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import akhbar
from akhbar import Pipeline

#: Hand-checked: "the delegation arrived yesterday"; "last year's figures".
YESTERDAY = "وصل الوفد إلى الرياض أمس في زيارة رسمية"
LAST_YEAR = "تراجعت الصادرات مقارنة بأرقام العام الماضي"
#: A header with its own date (3 December 2017), then "yesterday".
DATED = "الرياض - واس - 3 ديسمبر 2017\n\nوصل الوفد إلى الرياض أمس في زيارة رسمية لبحث التعاون."

DATES_ONLY = {"entities": False, "numbers": False, "normalize": None}


def values(result: akhbar.pipeline.Result) -> list[tuple[object, str, str | None]]:
    """(doc_id, text, value) of each date; a missing value as None."""
    d = result.dates
    value = [None if pd.isna(v) else v for v in d["value"]]
    return list(zip(d["doc_id"].tolist(), d["text"], value, strict=True))


def value_list(dates: pd.DataFrame) -> list[str | None]:
    return [None if pd.isna(v) else v for v in dates["value"]]


def test_relative_dates_resolve_against_each_articles_reference() -> None:
    pipe = Pipeline(**DATES_ONLY)
    texts = [YESTERDAY, LAST_YEAR, YESTERDAY]
    plain = pipe.process(texts, progress=False)
    assert values(plain) == [(0, "أمس", None), (1, "العام الماضي", None), (2, "أمس", None)]
    refs = ["2015-07-21 02:51:32", dt.date(2016, 3, 1), None]
    got = pipe.process(texts, references=refs, progress=False)
    assert values(got) == [(0, "أمس", "2015-07-20"), (1, "العام الماضي", "2015"), (2, "أمس", None)]
    assert got.dates["relative"].all()
    # One value for every article; a datetime counts by its date.
    one = pipe.process(texts, references=dt.datetime(2016, 3, 1, 23, 59), progress=False)
    assert [v for _, _, v in values(one)] == ["2016-02-29", "2015", "2016-02-29"]


def test_a_given_reference_wins_over_the_headers_date() -> None:
    pipe = Pipeline(**DATES_ONLY)
    parsed = pipe.process([DATED], progress=False)
    assert parsed.articles["published"][0] == "2017-12-03"
    assert ("أمس", "2017-12-02") in [(t, v) for _, t, v in values(parsed)]
    given = pipe.process([DATED], references=["2015-07-21"], progress=False)
    assert ("أمس", "2015-07-20") in [(t, v) for _, t, v in values(given)]
    # The header's own date stays what it says.
    assert given.articles["published"][0] == "2017-12-03"


def test_missing_values_of_a_frame_column_are_no_reference() -> None:
    frame = pd.DataFrame(
        {
            "text": [YESTERDAY] * 5,
            "date": [pd.Timestamp("2015-07-21 10:00"), pd.NaT, "", None, float("nan")],
        }
    )
    got = Pipeline(**DATES_ONLY).process(frame["text"], references=frame["date"], progress=False)
    assert value_list(got.dates) == ["2015-07-20", None, None, None, None]
    stamps = pd.Series(pd.to_datetime(["2015-07-21", None]))
    got = Pipeline(**DATES_ONLY).process([YESTERDAY] * 2, references=stamps, progress=False)
    assert value_list(got.dates) == ["2015-07-20", None]
    numpy = [np.datetime64("2015-07-21T10:00:00.000000000"), np.datetime64("NaT", "ns")]
    got = Pipeline(**DATES_ONLY).process([YESTERDAY] * 2, references=numpy, progress=False)
    assert value_list(got.dates) == ["2015-07-20", None]


def test_a_bad_reference_follows_the_error_policy() -> None:
    pipe = Pipeline(**DATES_ONLY)
    texts = [YESTERDAY, YESTERDAY, YESTERDAY]
    refs = ["2015-07-21", "21/07/2015", "2015-07-23"]
    with pytest.raises(akhbar.OptionError, match=r'row 1 \(doc_id 1\).*"21/07/2015"') as e:
        pipe.process(texts, references=refs, progress=False)
    assert e.value.index == 1
    skip = pipe.process(texts, references=refs, errors="skip", progress=False)
    assert skip.articles["doc_id"].tolist() == [0, 2]
    assert skip.errors["doc_id"].tolist() == [1]
    assert '"21/07/2015"' in skip.errors["error"][0]
    assert value_list(skip.dates) == ["2015-07-20", "2015-07-22"]
    null = pipe.process(texts, references=refs, errors="null", progress=False)
    assert null.articles["doc_id"].tolist() == [0, 1, 2]
    assert null.articles["body"].isna().tolist() == [False, True, False]


def test_reference_arguments_that_cannot_work_raise_before_any_row() -> None:
    pipe = Pipeline(**DATES_ONLY)
    with pytest.raises(akhbar.OptionError, match="got 2 references for 3 articles"):
        pipe.process([YESTERDAY] * 3, references=["2015-07-21"] * 2, progress=False)
    with pytest.raises(akhbar.OptionError, match='"yesterday"'):
        pipe.process([YESTERDAY] * 3, references="yesterday", errors="skip", progress=False)
    with pytest.raises(akhbar.OptionError, match="got int"):
        pipe.process([YESTERDAY], references=20150721, progress=False)
    # A stream of unknown length that runs out.
    with pytest.raises(akhbar.OptionError, match="got 1 references for more articles"):
        pipe.process(iter([YESTERDAY] * 2), references=iter(["2015-07-21"]), progress=False)


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_corpus_date_column_in_every_format(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": YESTERDAY, "date": "2015-07-21 02:51:32"},
        {"id": "b", "text": YESTERDAY, "date": ""},
        {"id": "c", "text": LAST_YEAR, "date": "2016-01-05"},
    ]
    jsonl = write_jsonl(tmp_path / "news.jsonl", [*rows, {"id": "d", "text": YESTERDAY}])
    frame = pd.DataFrame(rows)
    frame.to_csv(tmp_path / "news.csv", index=False)
    frame.to_parquet(tmp_path / "news.parquet")
    want = [("a", "2015-07-20"), ("b", None), ("c", "2015")]
    for path in (jsonl, tmp_path / "news.csv", tmp_path / "news.parquet"):
        corpus = akhbar.read_corpus(path, id_column="id", date_column="date")
        assert next(iter(corpus)) == ("a", YESTERDAY)  # iteration stays (doc_id, text)
        got = Pipeline(**DATES_ONLY).process(corpus, progress=False).dates
        expected = want + ([("d", None)] if path == jsonl else [])
        assert list(zip(got["doc_id"], value_list(got), strict=True)) == expected, path.name
    with pytest.raises(akhbar.CorpusError, match="no column 'published'"):
        akhbar.read_corpus(tmp_path / "news.csv", date_column="published")
    with pytest.raises(akhbar.CorpusError, match="no column 'published'"):
        akhbar.read_corpus(tmp_path / "news.parquet", date_column="published")
    (tmp_path / "folder").mkdir()
    with pytest.raises(akhbar.OptionError, match="needs a JSONL, CSV or Parquet corpus"):
        akhbar.read_corpus(tmp_path / "folder", date_column="date")
    corpus = akhbar.read_corpus(jsonl, date_column="date")
    with pytest.raises(akhbar.OptionError, match="not both"):
        Pipeline(**DATES_ONLY).process(corpus, references="2015-07-21", progress=False)


def test_map_partition_takes_a_date_column() -> None:
    part = pd.DataFrame(
        {"text": [YESTERDAY, LAST_YEAR], "published": ["2015-07-21", "2016-01-05"]},
        index=[7, 9],
    )
    got = Pipeline(**DATES_ONLY).map_partition(part, "dates", date_column="published")
    assert list(zip(got["doc_id"], got["value"], strict=True)) == [(7, "2015-07-20"), (9, "2015")]


def test_cli_date_column(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "news.jsonl",
        [{"id": "a", "text": YESTERDAY, "crawled": "2015-07-21 02:51:32"}],
    )
    out = tmp_path / "out"
    args = [sys.executable, "-m", "akhbar", "process", str(path), "-o", str(out), "-q"]
    r = subprocess.run(
        [*args, "--id-column", "id", "--date-column", "crawled", "--format", "csv"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert r.returncode == 0, r.stderr
    dates = pd.read_csv(out / "dates.csv")
    assert dates[["doc_id", "text", "value"]].values.tolist() == [["a", "أمس", "2015-07-20"]]


#: Weekday names as the news corpus writes them after "اليوم" / "أمس", Monday = 0.
WEEKDAYS = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}


def test_news_corpus_relative_dates_follow_the_crawl_date(tmp_path: Path) -> None:
    """SaudiNewsNet keeps each article's date as metadata (``date_extracted``, the
    time it was crawled: mostly the night after it appeared, up to days later around
    a holiday), and its texts rarely carry a dated header. With the column every
    relative date resolves: "اليوم (الاثنين)" to the named weekday on or before the
    crawl date, and a bare "اليوم" / "أمس" (which follows such an anchor earlier in
    the article) to a day in the week before it."""
    from conftest import NEWS, need

    rows = []
    with gzip.open(need(NEWS), "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["text"]:
                rows.append(row)
            if len(rows) == 400:
                break
    path = write_jsonl(tmp_path / "news.jsonl", rows)
    pipe = Pipeline(**DATES_ONLY)
    without = pipe.process(akhbar.read_corpus(path, id_column="id"), progress=False).dates
    corpus = akhbar.read_corpus(path, id_column="id", date_column="date_extracted")
    dated = pipe.process(corpus, progress=False).dates
    crawled = {r["id"]: dt.date.fromisoformat(r["date_extracted"][:10]) for r in rows}
    bare = named = 0
    for doc_id, text, value in zip(dated["doc_id"], dated["text"], dated["value"], strict=True):
        words = text.replace("(", " ").replace(")", " ").split()
        if words[0] not in ("اليوم", "أمس") or len(words) > 2:
            continue
        day = dt.date.fromisoformat(value)
        assert 0 <= (crawled[doc_id] - day).days <= 7, (doc_id, text, value)
        if len(words) == 2 and words[1] in WEEKDAYS:
            assert day.weekday() == WEEKDAYS[words[1]], (doc_id, text, value)
            named += 1
        elif len(words) == 1:
            bare += 1
    assert bare >= 200 and named >= 40, (bare, named)
    relative = int(dated["relative"].sum())
    assert int((dated["relative"] & dated["value"].isna()).sum()) <= relative // 100
    assert int((without["relative"] & without["value"].isna()).sum()) >= relative // 2
