"""HTML rendering: direction, escaping, highlights, hover values, header, displaCy format."""

from __future__ import annotations

import datetime as dt
import sys
import types
from html.parser import HTMLParser
from typing import Any

import numpy as np
import pandas as pd
import pytest
from _render_data import Article, DateMention, Entity, NumberMention, ent, sample

import akhbar
from akhbar.render import LABEL_COLORS, text_direction

ALLOWED_TAGS = {"div", "mark", "span", "article", "h2", "details", "summary"}
ALLOWED_ATTRS = {"class", "style", "dir", "lang", "title", "data-label", "data-field"}


class Page(HTMLParser):
    """Collects what a browser would see: tags, attributes, marks, and the body text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[dict[str, Any]] = []
        self.text: list[str] = []  # text inside the first white-space:pre-line block
        self._stack: list[str] = []
        self._in_body = 0
        self._in_chip = 0
        self._mark: dict[str, Any] | None = None
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        self._stack.append(tag)
        style = a.get("style") or ""
        if not self._done and "white-space:pre-line" in style and not self._in_body:
            self._in_body = len(self._stack)
        if tag == "mark":
            self._mark = {"label": a.get("data-label"), "title": a.get("title"), "text": ""}
            self.marks.append(self._mark)
        elif tag == "span" and self._mark is not None:
            self._in_chip = len(self._stack)

    def handle_endtag(self, tag: str) -> None:
        if self._in_chip == len(self._stack):
            self._in_chip = 0
        if tag == "mark":
            self._mark = None
        if self._in_body == len(self._stack):
            self._in_body = 0
            self._done = True
        self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_chip:
            return
        if self._mark is not None:
            self._mark["text"] += data
        if self._in_body:
            self.text.append(data)


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


HOSTILE = "قال <b>المتحدث</b>: «<script>alert(\"x\")</script>» & نفى 'الخبر' <img src=x onerror=y>"


def test_direction_is_chosen_from_the_text() -> None:
    assert text_direction("أعلنت وزارة الصحة") == "rtl"
    assert text_direction("BBC: أعلنت وزارة الصحة السعودية") == "rtl"  # 3 Latin vs 20 Arabic
    assert text_direction("The ministry said (الوزارة)") == "ltr"
    assert text_direction("١٢٣ - 45") == "rtl"  # no letters: the default
    assert 'dir="rtl"' in akhbar.render_entities_html("أعلنت الوزارة", [])
    assert 'dir="ltr"' in akhbar.render_entities_html("The ministry announced", [])


def test_everything_is_escaped_and_the_text_survives() -> None:
    e = ent(HOSTILE, "<b>المتحدث</b>", "PERS", normalized='"><script>x</script>')
    html = akhbar.render(HOSTILE, entities=[e], jupyter=False)
    assert isinstance(html, str)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    page = parse(html)
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert {k for _, a in page.tags for k in a} <= ALLOWED_ATTRS
    # what a reader sees is the original text, character for character
    assert "".join(page.text) == HOSTILE
    [mark] = page.marks
    assert mark["text"] == "<b>المتحدث</b>"
    assert mark["title"] == 'PERS · normalized: "><script>x</script>'


def test_html_looking_article_fields_are_escaped() -> None:
    a = Article(
        title="<h1>عاجل</h1> انفجار في <i>بيروت</i>",
        body="وقع <انفجار> قرب المرفأ & أصيب 3",
        author='<a href="x">مراسلنا</a>',
        source="<style>body{display:none}</style>",
        published_raw="<b>٤ آب</b>",
        published=dt.date(2020, 8, 4),
        boilerplate=["<iframe>شارك</iframe>"],
    )
    html = akhbar.render_article_html(a)
    for bad in ("<h1", "<i>", "<a ", "<style", "<iframe", "<b>", "<انفجار>"):
        assert bad not in html
    page = parse(html)
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert "".join(page.text) == a.body
    published = [a for t, a in page.tags if a.get("data-field") == "published"]
    assert published[0]["title"] == "<b>٤ آب</b>"


def test_article_header_body_and_legend() -> None:
    article, spans = sample()
    html = akhbar.render(article, entities=spans, jupyter=False)
    assert isinstance(html, str)
    page = parse(html)
    h2 = html[html.index("<h2") : html.index("</h2>")]
    assert "افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في الساحل الشرقي" in h2
    fields = {a["data-field"] for t, a in page.tags if a.get("data-field")}
    assert fields == {"section", "published", "dateline", "source", "author"}
    assert "التاريخ:</span> 2024-03-12" in html
    assert "الكاتب:</span> فريق التحرير" in html
    assert "".join(page.text) == article.body
    marked = [(m["label"], m["text"]) for m in page.marks]
    assert marked == [
        ("LOC", "الدمام"),
        ("PERS", "وزير البيئة والمياه"),
        ("DATE", "اليوم الثلاثاء"),
        ("QUANTITY", "٢٥٠٬٠٠٠ متر مكعب"),
        ("MONEY", "١٫٢ مليار ريال"),
        ("ORG", "شركة المياه الوطنية"),
        ("PERS", "سامي العتيبي"),
        ("PERCENT", "85%"),
        ("DATE", "15 كانون الثاني/يناير 2022"),
        ("NUMBER", "١٢٠٠"),
    ]
    legend = html[html.index('class="akhbar-legend"') :]
    assert "PERS · شخص (2)" in legend and "DATE · تاريخ (2)" in legend
    assert legend.index("PERS") < legend.index("LOC") < legend.index("ORG") < legend.index("DATE")
    assert "<summary>boilerplate</summary>" in html and "مشاركة: فيسبوك تويتر واتساب" in html
    assert f"background:{LABEL_COLORS['ORG']}" in html


def test_an_articles_table_row_renders_with_its_own_entities() -> None:
    row = pd.DataFrame(
        {
            "doc_id": [7],
            "title": ["أمطار غزيرة على جدة"],
            "body": ["هطلت أمطار غزيرة على جدة صباح الأحد"],
            "published": pd.to_datetime(["2015-11-22"]),
            "author": [None],
            "boilerplate": [np.array(["شارك الخبر"])],
        }
    ).iloc[0]
    html = akhbar.render(row, jupyter=False) or ""
    assert "التاريخ:</span> 2015-11-22<" in html  # a midnight Timestamp shows as a date
    assert 'data-field="author"' not in html and "شارك الخبر" in html
    a = Article(title="أمطار", body="هطلت أمطار على جدة")
    a.entities = [Entity("جدة", 15, 18, "LOC")]  # type: ignore[attr-defined]
    assert [m["text"] for m in parse(akhbar.render(a, jupyter=False) or "").marks] == ["جدة"]


def test_resolved_values_show_on_hover() -> None:
    article, spans = sample()
    marks = parse(akhbar.render_article_html(article, spans)).marks
    titles = {m["text"]: m["title"] for m in marks}
    assert titles["اليوم الثلاثاء"] == "DATE · = 2024-03-12"
    assert titles["15 كانون الثاني/يناير 2022"] == "DATE · = 2022-01-15"
    assert titles["٢٥٠٬٠٠٠ متر مكعب"] == "QUANTITY · = 250000"
    assert titles["١٫٢ مليار ريال"] == "MONEY · = 1200000000"
    assert titles["85%"] == "PERCENT · = 85"
    assert titles["الدمام"] == "LOC · score 0.97"
    assert titles["شركة المياه الوطنية"] == "ORG · key: org:water"
    assert titles["وزير البيئة والمياه"] == "PERS · normalized: وزير البيئه والمياه"
    n = NumberMention("٢٫٥", 0, 3, "NUMBER", 2.5)
    [mark] = parse(akhbar.render_entities_html("٢٫٥ مليون", [n])).marks
    assert mark["title"] == "NUMBER · = 2.5"


def test_overlapping_spans_draw_the_outer_and_name_the_inner() -> None:
    text = "أعلنت وزارة الصحة في الرياض"
    outer = ent(text, "وزارة الصحة في الرياض", "ORG")
    inner = ent(text, "الرياض", "LOC")
    page = parse(akhbar.render_entities_html(text, [inner, outer]))
    [mark] = page.marks
    assert (mark["label"], mark["text"]) == ("ORG", "وزارة الصحة في الرياض")
    assert mark["title"] == "ORG | الرياض (LOC)"
    assert "".join(page.text) == text


def test_bad_spans_raise_with_the_index() -> None:
    text = "زار الوزير دمشق"
    good = ent(text, "دمشق", "LOC")
    with pytest.raises(akhbar.OffsetError) as e:
        akhbar.render_entities_html(text, [good, Entity("حلب", 20, 23, "LOC")])
    assert e.value.index == 1
    with pytest.raises(akhbar.OffsetError, match="another string") as e:
        akhbar.render_entities_html(text, [Entity("دمشق", 4, 8, "LOC")])  # offsets of another text
    assert e.value.index == 0
    with pytest.raises(akhbar.InvalidTextError):
        akhbar.render([good])  # spans without the text they point into
    with pytest.raises(akhbar.InvalidTextError):
        akhbar.render_entities_html(None, [])  # type: ignore[arg-type]
    with pytest.raises(akhbar.OptionError):
        akhbar.render(text, text=text)  # a str is its own text
    with pytest.raises(akhbar.OptionError):
        akhbar.render([good], text=text, entities=[good])
    with pytest.raises(akhbar.OptionError):
        akhbar.render_entities_html(text, [good], colors={"LOC": "red;background:url(x)"})


def test_lone_surrogates_are_replaced_not_fatal() -> None:
    text = "خبر \ud800 عاجل"
    html = akhbar.render_entities_html(text, [Entity("عاجل", 6, 10, "MISC")])
    html.encode("utf-8")  # displayable
    assert parse(html).marks[0]["text"] == "عاجل"


def test_tokens_render_by_kind() -> None:
    text = "قالت «سانا»: ٣ قتلى #سوريا"
    page = parse(akhbar.render(akhbar.tokenize(text), text=text, jupyter=False) or "")
    kinds = [(m["label"], m["text"]) for m in page.marks]
    assert kinds == [
        ("word", "قالت"),
        ("punctuation", "«"),
        ("word", "سانا"),
        ("punctuation", "»"),
        ("punctuation", ":"),
        ("number", "٣"),
        ("word", "قتلى"),
        ("hashtag", "#سوريا"),
    ]
    assert "".join(page.text) == text


def test_entities_table_rows_render() -> None:
    text = "التقى ولي العهد في جدة وزير الخارجية الأمريكي"
    table = pd.DataFrame(
        {
            "doc_id": [0, 0],
            "start": pd.array([19, 23], dtype="Int64"),  # the pipeline's nullable ints
            "end": pd.array([22, 45], dtype="Int64"),
            "text": ["جدة", "وزير الخارجية الأمريكي"],
            "label": ["LOC", "PERS"],
            "normalized": pd.array(["جده", pd.NA], dtype="string"),
            "score": [0.9, float("nan")],
            "value": [None, ""],
        }
    )
    marks = parse(akhbar.render(table, text=text, jupyter=False) or "").marks
    assert [(m["label"], m["text"], m["title"]) for m in marks] == [
        ("LOC", "جدة", "LOC · normalized: جده · score 0.90"),
        ("PERS", "وزير الخارجية الأمريكي", "PERS"),
    ]


def test_raw_offsets_place_spans_in_title_and_body() -> None:
    raw = "قمة في الرياض\nالرياض - واس: افتتحت القمة العربية اليوم.\nانتهى"
    title, body = "قمة في الرياض", "افتتحت القمة العربية اليوم."
    t0, b0 = raw.index(title), raw.index(body)
    a = Article(title=title, body=body, spans={"title": (t0, t0 + 13), "body": (b0, b0 + 27)})
    ents = [
        Entity("الرياض", 7, 13, "LOC"),  # in the title
        Entity("الرياض", 14, 20, "LOC"),  # the dateline: neither title nor body
        Entity("القمة العربية", b0 + 7, b0 + 20, "MISC"),
    ]
    html = akhbar.render_article_html(a, ents, offsets="raw")
    marks = [(m["label"], m["text"]) for m in parse(html).marks]
    assert marks == [("LOC", "الرياض"), ("MISC", "القمة العربية")]
    assert "+1 outside the title and body" in html
    shifted = [*ents[:2], Entity("القمة العربية", b0 + 8, b0 + 21, "MISC")]
    with pytest.raises(akhbar.OffsetError) as e:
        akhbar.render_article_html(a, shifted, offsets="raw")
    assert e.value.index == 2  # the position in the list given, not within the body


def test_render_displays_in_jupyter(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    class ZMQInteractiveShell:
        pass

    ipython = types.ModuleType("IPython")
    ipython.get_ipython = ZMQInteractiveShell  # type: ignore[attr-defined]
    display = types.ModuleType("IPython.display")

    class HTML:
        def __init__(self, data: str) -> None:
            self.data = data

    display.HTML = HTML  # type: ignore[attr-defined]
    display.display = lambda obj: shown.append(obj.data)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    monkeypatch.setitem(sys.modules, "IPython.display", display)
    assert akhbar.render("خبر عاجل") is None
    assert len(shown) == 1 and "خبر عاجل" in shown[0]
    assert akhbar.render("خبر عاجل", jupyter=False) == shown[0]


def test_not_in_jupyter_returns_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    html = akhbar.render("خبر")
    assert isinstance(html, str) and "خبر" in html


def test_repr_html_hook_as_documented() -> None:
    class Hooked(Article):
        def _repr_html_(self) -> str:
            from akhbar.render import render_article_html

            return render_article_html(self)

    a = Hooked(title="عنوان", body="نص الخبر")
    assert a._repr_html_() == akhbar.render(a, jupyter=False)


def test_to_displacy_shape() -> None:
    article, spans = sample()
    d = akhbar.to_displacy(article.body, list(reversed(spans)), title="محطة تحلية")
    assert set(d) == {"text", "ents", "title", "settings"}
    assert d["settings"] == {"lang": "ar", "direction": "rtl"}
    assert d["ents"][:2] == [
        {"start": 0, "end": 6, "label": "LOC"},
        {"start": 30, "end": 49, "label": "PERS"},
    ]
    assert [e["start"] for e in d["ents"]] == sorted(e["start"] for e in d["ents"])
    text = "وزارة الصحة في الرياض"
    overlapping = [ent(text, "الرياض", "LOC"), ent(text, text, "ORG")]
    kept = akhbar.to_displacy(text, overlapping)["ents"]
    assert kept == [{"start": 0, "end": 21, "label": "ORG"}]
    with pytest.raises(akhbar.OffsetError):
        akhbar.to_displacy(text, [Entity("x", 30, 31, "LOC")])


def test_to_displacy_round_trips_through_spacy() -> None:
    from spacy import displacy

    text = "قال <المتحدث> باسم الوزارة إن الرئيس زار القاهرة يوم 5 مايو"
    spans = [
        ent(text, "القاهرة", "LOC"),
        DateMention("يوم 5 مايو", text.index("يوم"), len(text), "DATE", dt.date(2024, 5, 5)),
    ]
    html = displacy.render(akhbar.to_displacy(text, spans), style="ent", manual=True, jupyter=False)
    assert "direction: rtl" in html
    assert "<المتحدث>" not in html and "&lt;المتحدث&gt;" in html
    page = parse(html)
    assert [m["text"].split()[0] for m in page.marks] == ["القاهرة", "يوم"]
