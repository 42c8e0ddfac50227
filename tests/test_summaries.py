"""Corpus summaries over the pipeline's table shapes; expected counts worked out by hand."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import akhbar
from akhbar.summaries import (
    cooccurrence,
    mentions_over_time,
    plot_mentions_over_time,
    top_entities,
)

SALMAN = "سلمان بن عبدالعزيز"

# four articles; 13 has no date
ARTICLES = pd.DataFrame(
    {
        "doc_id": [10, 11, 12, 13],
        "title": ["خادم الحرمين يستقبل", "أرامكو تعلن", "زيارة إلى جدة", "طقس الرياض"],
        "published": ["2015-01-03", "2015-01-20T23:30:00+03:00", "2015-03-05", None],
    }
)
ENTITIES = pd.DataFrame(
    [
        (10, "الرياض", "LOC", "الرياض"),
        (10, "سلمان بن عبدالعزيز", "PERS", SALMAN),
        (10, "أرامكو", "ORG", "ارامكو"),
        (10, "الرياض", "LOC", "الرياض"),
        (11, "الرياض", "LOC", "الرياض"),
        (11, "أرامكو", "ORG", "ارامكو"),
        (11, "ارامكو", "ORG", "ارامكو"),
        (12, "جدة", "LOC", "جدة"),
        (12, "سلمان بن عبدالعزيز", "PERS", SALMAN),
        (13, "الرياض", "LOC", "الرياض"),
    ],
    columns=["doc_id", "text", "label", "normalized"],
)


def test_top_entities_per_label() -> None:
    top = top_entities(ENTITIES, n=1)
    assert top.values.tolist() == [
        ["PERS", SALMAN, 2, 2],
        ["LOC", "الرياض", 4, 3],
        ["ORG", "ارامكو", 3, 2],
    ]
    assert list(top.columns) == ["label", "entity", "mentions", "articles"]
    # by surface text the two spellings of Aramco are counted apart
    org = top_entities(ENTITIES, by="text", labels=["ORG"])
    assert org.values.tolist() == [["ORG", "أرامكو", 2, 2], ["ORG", "ارامكو", 1, 1]]
    # without a normalized column the key is the text
    assert top_entities(ENTITIES.drop(columns="normalized"), labels=["ORG"]).equals(org)
    # a missing normalized value falls back to the text
    ents = ENTITIES.assign(normalized=ENTITIES["normalized"].where(ENTITIES["doc_id"] != 12))
    loc = top_entities(ents, labels=["LOC"])
    assert loc["entity"].tolist() == ["الرياض", "جدة"]


def test_cooccurrence_counts_shared_articles() -> None:
    pairs = cooccurrence(ENTITIES)
    assert pairs.values.tolist() == [
        ["LOC", "الرياض", "ORG", "ارامكو", 2],
        ["LOC", "الرياض", "PERS", SALMAN, 1],
        ["LOC", "جدة", "PERS", SALMAN, 1],
        ["ORG", "ارامكو", "PERS", SALMAN, 1],
    ]
    assert len(cooccurrence(ENTITIES, min_articles=2)) == 1
    assert cooccurrence(ENTITIES, top=1).empty  # only الرياض takes part
    assert cooccurrence(ENTITIES, labels=["LOC"]).empty  # الرياض and جدة never meet


def test_mentions_over_time() -> None:
    t = mentions_over_time(ENTITIES, ARTICLES)
    assert t.index.strftime("%Y-%m").tolist() == ["2015-01", "2015-02", "2015-03"]
    assert t.to_dict("list") == {
        "ارامكو": [3, 0, 0],
        "الرياض": [3, 0, 0],
        SALMAN: [1, 0, 1],
        "جدة": [0, 0, 1],
    }
    assert t.attrs["undated"] == 1
    arts = mentions_over_time(ENTITIES, ARTICLES, count="articles", keys=["الرياض", "ارامكو"])
    assert arts.to_dict("list") == {"الرياض": [2, 0, 0], "ارامكو": [2, 0, 0]}
    quarter = mentions_over_time(ENTITIES, ARTICLES, freq="Q", keys=["جدة"])
    assert quarter["جدة"].tolist() == [1]
    assert str(quarter.index[0].date()) == "2015-01-01"
    # articles keyed by an "id" column or by the index; published already datetimes
    dated = ARTICLES.assign(
        published=pd.to_datetime(["2015-01-03", "2015-01-20", "2015-03-05", None])
    )
    assert mentions_over_time(ENTITIES, dated.rename(columns={"doc_id": "id"})).equals(t)
    assert mentions_over_time(ENTITIES, dated.set_index("doc_id")).equals(t)


def test_bad_tables_raise_clear_errors() -> None:
    with pytest.raises(akhbar.OptionError, match="group"):
        top_entities(ENTITIES, by="group")
    with pytest.raises(akhbar.OptionError, match="doc_id"):
        cooccurrence(ENTITIES.drop(columns="doc_id"))
    with pytest.raises(akhbar.OptionError, match="published"):
        mentions_over_time(ENTITIES, ARTICLES.drop(columns="published"))
    with pytest.raises(akhbar.OptionError):
        top_entities(ENTITIES, n=0)
    with pytest.raises(akhbar.OptionError):
        top_entities(ENTITIES.to_dict())  # type: ignore[arg-type]


def test_plot_returns_a_figure_with_one_line_per_entity() -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is a test dependency (akhbar[plot])")
    t = mentions_over_time(ENTITIES, ARTICLES)
    fig = plot_mentions_over_time(t, title="الإشارات شهرياً")
    [ax] = fig.axes
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == list(t.columns)
    assert lines[2].get_ydata().tolist() == [1, 0, 1]
    legend = ax.get_legend()
    assert legend is not None
    assert [x.get_text() for x in legend.get_texts()] == list(t.columns)
    png = io.BytesIO()
    fig.savefig(png, format="png")  # Arabic glyphs present: a missing glyph would warn (= error)
    assert png.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
