"""Stand-ins for the pipeline's Article / Entity / mentions, for the rendering tests.

They carry the attribute names the real classes will have; the renderer only
duck-types on those names. The article is the bundled sample (MIT, written for
akhbar); entity offsets are found with ``str.index`` and checked by hand in
``test_render.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import akhbar


@dataclass
class Article:
    title: str | None
    body: str
    subtitle: str | None = None
    section: str | None = None
    published: dt.date | dt.datetime | str | None = None
    published_raw: str | None = None
    dateline: str | None = None
    agency: str | None = None
    author: str | None = None
    source: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    spans: dict[str, tuple[int, int] | None] = field(default_factory=dict)


@dataclass
class Entity:
    text: str
    start: int
    end: int
    label: str
    normalized: str | None = None
    score: float | None = None
    key: str | None = None


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    label: str
    value: dt.date


@dataclass
class NumberMention:
    text: str
    start: int
    end: int
    label: str
    value: float


def _at(text: str, surface: str, nth: int = 0) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i


def ent(text: str, surface: str, label: str, **kw: object) -> Entity:
    s = _at(text, surface)
    return Entity(surface, s, s + len(surface), label, **kw)  # type: ignore[arg-type]


def sample() -> tuple[Article, list[object]]:
    """The bundled sample article as the parser would give it, and its spans in the body."""
    lines = akhbar.sample_article().split("\n")
    paragraphs = [lines[4], lines[6], lines[8]]
    body = "\n\n".join(paragraphs)
    article = Article(
        title=lines[0],
        body=body,
        section="اقتصاد وطاقة",
        published=dt.date(2024, 3, 12),
        published_raw="١٢ مارس ٢٠٢٤",
        dateline="الدمام",
        source="أخبار الساحل",
        author="فريق التحرير",
        paragraphs=paragraphs,
        boilerplate=lines[10:13],
    )

    def date(surface: str, value: dt.date) -> DateMention:
        s = _at(body, surface)
        return DateMention(surface, s, s + len(surface), "DATE", value)

    def number(surface: str, label: str, value: float) -> NumberMention:
        s = _at(body, surface)
        return NumberMention(surface, s, s + len(surface), label, value)

    spans: list[object] = [
        ent(body, "الدمام", "LOC", score=0.97),
        ent(body, "وزير البيئة والمياه", "PERS", normalized="وزير البيئه والمياه"),
        date("اليوم الثلاثاء", dt.date(2024, 3, 12)),
        number("٢٥٠٬٠٠٠ متر مكعب", "QUANTITY", 250000.0),
        number("١٫٢ مليار ريال", "MONEY", 1.2e9),
        ent(body, "شركة المياه الوطنية", "ORG", key="org:water"),
        ent(body, "سامي العتيبي", "PERS"),
        number("85%", "PERCENT", 85.0),
        date("15 كانون الثاني/يناير 2022", dt.date(2022, 1, 15)),
        number("١٢٠٠", "NUMBER", 1200.0),
    ]
    return article, spans
