"""HTML rendering of articles, entities and tokens, right to left, for Jupyter.

The renderer duck-types: anything with ``text``, ``start``, ``end`` and a
``label`` (or a token's ``kind``) is a span; anything with ``title`` and
``body`` is an article. Optional attributes (``normalized``, ``value``,
``score``, ``key``, ``clitic``) show on hover. Every text fragment is
escaped, the direction (``dir``) is chosen from the text when it is rendered,
and styles are inline so the HTML survives notebook sanitizers.

Hooking it into a class (what ``Article`` and the pipeline results do)::

    def _repr_html_(self) -> str:
        from akhbar.render import render_article_html
        return render_article_html(self)

Examples
--------
>>> from akhbar.render import render_entities_html, text_direction
>>> text_direction("قالت وكالة AFP")
'rtl'
>>> html = render_entities_html("زار <b>عمّان</b>", [])
>>> "&lt;b&gt;عمّان&lt;/b&gt;" in html, 'dir="rtl"' in html
(True, True)
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import importlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from akhbar.errors import InvalidTextError, OffsetError, OptionError

__all__ = [
    "FONT_STACK",
    "LABEL_COLORS",
    "LABEL_NAMES",
    "ArticleLike",
    "SpanLike",
    "render",
    "render_article_html",
    "render_entities_html",
    "text_direction",
    "to_displacy",
]

Direction = Literal["rtl", "ltr"]

#: Fonts tried in order: Naskh faces for reading, then the system's Arabic UI faces.
FONT_STACK = (
    "'Noto Naskh Arabic', 'Noto Sans Arabic', Amiri, 'Scheherazade New', 'Geeza Pro', "
    "'Traditional Arabic', 'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif"
)

#: Background colour of each entity label (and token kind); others get ``DEFAULT_COLOR``.
LABEL_COLORS: dict[str, str] = {
    "PERS": "#f9a8d4",
    "LOC": "#fdba74",
    "ORG": "#7dd3fc",
    "MISC": "#c4b5fd",
    "DATE": "#86efac",
    "TIME": "#bef264",
    "NUMBER": "#fde047",
    "PERCENT": "#fcd34d",
    "MONEY": "#5eead4",
    "QUANTITY": "#d9f99d",
    # token kinds, for rendering akhbar.Token lists
    "word": "#e0f2fe",
    "number": "#fde047",
    "punctuation": "#e5e7eb",
    "latin": "#ddd6fe",
    "symbol": "#e5e7eb",
    "url": "#a5f3fc",
    "email": "#a5f3fc",
    "hashtag": "#fbcfe8",
    "mention": "#fbcfe8",
}
DEFAULT_COLOR = "#d1d5db"

#: Arabic names of the labels, shown in the legend.
LABEL_NAMES: dict[str, str] = {
    "PERS": "شخص",
    "LOC": "مكان",
    "ORG": "مؤسسة",
    "MISC": "متفرقات",
    "DATE": "تاريخ",
    "TIME": "وقت",
    "NUMBER": "عدد",
    "PERCENT": "نسبة مئوية",
    "MONEY": "مبلغ",
    "QUANTITY": "كمية",
}

_COLOR_RE = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_BOX = (
    "border:1px solid #d1d5db;border-radius:6px;padding:0.8em 1.1em;margin:0.4em 0;"
    "background:#ffffff;color:#111827;line-height:2.1;font-size:16px;"
    f"font-family:{FONT_STACK}"
)


@runtime_checkable
class SpanLike(Protocol):
    """A labelled span with character offsets: an entity, a date or number mention.

    ``label`` may be missing when there is a ``kind`` (tokens).
    """

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@runtime_checkable
class ArticleLike(Protocol):
    """An article: ``title`` and ``body``; the other fields are read when present.

    Read when present: ``subtitle``, ``section``, ``published``, ``published_raw``,
    ``dateline``, ``agency``, ``author``, ``source``, ``boilerplate``, ``spans``.
    """

    @property
    def title(self) -> str | None: ...
    @property
    def body(self) -> str | None: ...


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: str
    tip: str


def _clean(text: str) -> str:
    """Lone surrogates (possible in scraped text) become U+FFFD, one for one."""
    return _SURROGATE_RE.sub("\ufffd", text)


def _esc(value: object) -> str:
    """Escape any value for HTML text and attribute values (quotes included)."""
    return _html.escape(_clean(str(value)), quote=True)


def text_direction(text: str | None, default: Direction = "rtl") -> Direction:
    """The direction of ``text``: ``"rtl"`` when it has at least as many
    right-to-left letters (Arabic, Hebrew ...) as left-to-right ones.

    Counting, rather than taking the first strong letter as HTML's ``dir=auto``
    does, keeps an Arabic article that opens with "CNN" right to left.
    Text with no letters at all gets ``default``.

    Examples
    --------
    >>> text_direction("CNN: قال المتحدث باسم الوزارة")
    'rtl'
    >>> text_direction("Reuters reported from Cairo (القاهرة)")
    'ltr'
    >>> text_direction("2024 - 15", default="ltr")
    'ltr'
    """
    if not text:
        return default
    rtl = ltr = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    if rtl == 0 and ltr == 0:
        return default
    return "rtl" if rtl >= ltr else "ltr"


def _missing(v: object) -> bool:
    """None, NaN, pandas' NA/NaT, or an empty string."""
    if v is None or (isinstance(v, str) and not v):
        return True
    if isinstance(v, float):
        return v != v
    return type(v).__name__ in ("NAType", "NaTType")


def _format_value(value: object) -> str:
    if isinstance(value, _dt.datetime) and value.tzinfo is None and value.time() == _dt.time():
        return value.date().isoformat()  # a date stored as midnight (pandas Timestamp)
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _label_of(span: object) -> str:
    label = getattr(span, "label", None)
    if label is None:
        label = getattr(span, "kind", None)
    return "" if label is None else str(label)


def _tip(span: object, label: str) -> str:
    """The hover text: label, then the resolved value and other details present."""
    parts = [label] if label else []
    for attr, name in (
        ("value", "="),
        ("normalized", "normalized"),
        ("key", "key"),
        ("clitic", "clitic"),
        ("score", "score"),
    ):
        v = getattr(span, attr, None)
        if _missing(v):
            continue
        if attr == "value":
            parts.append(f"= {_format_value(v)}")
        elif attr == "score" and isinstance(v, float):
            parts.append(f"score {v:.2f}")
        else:
            parts.append(f"{name}: {v}")
    return " · ".join(parts)


def _iter_spans(entities: object) -> Iterable[object]:
    """Spans from a sequence, or the rows of a pandas ``entities`` table."""
    if entities is None:
        return ()
    itertuples = getattr(entities, "itertuples", None)
    if callable(itertuples):  # a DataFrame: rows are namedtuples with the same attributes
        return list(itertuples(index=False))
    if isinstance(entities, str) or not isinstance(entities, Iterable):
        raise InvalidTextError(
            f"entities must be a sequence of spans, got {type(entities).__name__}"
        )
    return entities


def _collect(
    text: str, entities: object, shift: int = 0, indices: list[int] | None = None
) -> list[_Span]:
    """Check every span against ``text`` and convert it; ``shift`` is subtracted.

    Errors name the span's position in the caller's list (``indices[i]`` when given).
    """
    spans: list[_Span] = []
    for j, ent in enumerate(_iter_spans(entities)):
        i = j if indices is None else indices[j]
        try:
            start = int(getattr(ent, "start")) - shift  # noqa: B009
            end = int(getattr(ent, "end")) - shift  # noqa: B009
        except (AttributeError, TypeError, ValueError):
            raise InvalidTextError(
                f"entity {i} has no integer start/end: {ent!r}", index=i
            ) from None
        if not 0 <= start <= end <= len(text):
            raise OffsetError(
                f"entity {i} spans {start + shift}..{end + shift}, outside the text "
                f"(length {len(text)})",
                index=i,
            )
        surface = getattr(ent, "text", None)
        if isinstance(surface, str) and surface != text[start:end]:
            raise OffsetError(
                f"entity {i} says {surface!r} but the text at {start + shift}..{end + shift} "
                f"is {text[start:end]!r}: are the offsets into another string?",
                index=i,
            )
        label = _label_of(ent)
        spans.append(_Span(start, end, label, _tip(ent, label)))
    return spans


def _layout(spans: list[_Span]) -> tuple[list[_Span], dict[int, list[_Span]]]:
    """Non-overlapping spans to draw (earliest, then longest first); each overlapped
    span is attached to the drawn span it overlaps, so it still shows on hover."""
    drawn: list[_Span] = []
    hidden: dict[int, list[_Span]] = {}
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if drawn and s.start < drawn[-1].end:
            hidden.setdefault(len(drawn) - 1, []).append(s)
        elif s.end > s.start:
            drawn.append(s)
    return drawn, hidden


def _color(label: str, colors: Mapping[str, str] | None) -> str:
    if colors and label in colors:
        return colors[label]
    return LABEL_COLORS.get(label, LABEL_COLORS.get(label.upper(), DEFAULT_COLOR))


def _check_colors(colors: Mapping[str, str] | None) -> None:
    for label, c in (colors or {}).items():
        if not isinstance(c, str) or not _COLOR_RE.fullmatch(c):
            raise OptionError(f"colour for {label!r} must be #hex or a CSS colour name, got {c!r}")


def _mark(text: str, span: _Span, extra: list[_Span], colors: Mapping[str, str] | None) -> str:
    tip = span.tip
    for o in extra:
        tip += f" | {text[o.start : o.end]} ({o.tip})"
    bg = _color(span.label, colors)
    chip = (
        '<span style="font-size:0.62em;font-weight:bold;font-family:sans-serif;'
        'margin:0 0.3em;vertical-align:0.12em;opacity:0.75" dir="ltr">'
        f"{_esc(span.label)}</span>"
        if span.label
        else ""
    )
    return (
        f'<mark class="akhbar-ent" data-label="{_esc(span.label)}" title="{_esc(tip)}" '
        f'style="background:{bg};color:inherit;padding:0.1em 0.35em;border-radius:0.35em;'
        f'unicode-bidi:isolate;box-decoration-break:clone;-webkit-box-decoration-break:clone">'
        f"{_esc(text[span.start : span.end])}{chip}</mark>"
    )


def _highlight(text: str, spans: list[_Span], colors: Mapping[str, str] | None) -> str:
    drawn, hidden = _layout(spans)
    out: list[str] = []
    pos = 0
    for i, s in enumerate(drawn):
        out.append(_esc(text[pos : s.start]))
        out.append(_mark(text, s, hidden.get(i, []), colors))
        pos = s.end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _legend(spans: list[_Span], colors: Mapping[str, str] | None, note: str = "") -> str:
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.label] = counts.get(s.label, 0) + 1
    if not counts and not note:
        return ""
    order = list(LABEL_COLORS)
    labels = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    chips = []
    for label in labels:
        name = LABEL_NAMES.get(label)
        text = f"{label} · {name}" if name else label
        chips.append(
            f'<span class="akhbar-legend-item" data-label="{_esc(label)}" '
            f'style="background:{_color(label, colors)};padding:0 0.5em;border-radius:0.35em;'
            f'margin-inline-end:0.5em;white-space:nowrap;unicode-bidi:isolate">'
            f"{_esc(text)} ({counts[label]})</span>"
        )
    if note:
        chips.append(f'<span style="color:#6b7280">{_esc(note)}</span>')
    return (
        '<div class="akhbar-legend" style="font-size:0.8em;line-height:1.9;margin-top:0.6em;'
        f'border-top:1px solid #e5e7eb;padding-top:0.3em">{" ".join(chips)}</div>'
    )


def render_entities_html(
    text: str,
    entities: object = None,
    *,
    colors: Mapping[str, str] | None = None,
    legend: bool = True,
) -> str:
    """HTML of ``text`` with its spans highlighted by label, plus a legend.

    Parameters
    ----------
    text
        The string the spans' offsets point into (character offsets).
    entities
        Entities, date/number mentions, tokens, or rows of a pandas
        ``entities`` table (``start``, ``end``, ``label`` ...). Where spans
        overlap, the earliest (then longest) is drawn and the others are named
        in its hover text. A span whose ``text`` differs from ``text[start:end]``,
        or that falls outside ``text``, raises :class:`akhbar.OffsetError`.
    colors
        Label → CSS colour (``#hex`` or a name), overriding :data:`LABEL_COLORS`.
    legend
        Append the legend of the labels present, with their counts.

    Examples
    --------
    >>> from collections import namedtuple
    >>> Ent = namedtuple("Ent", "text start end label")
    >>> html = render_entities_html("زار الوزير دمشق", [Ent("دمشق", 11, 15, "LOC")])
    >>> 'title="LOC"' in html and "LOC · مكان (1)" in html
    True
    """
    if not isinstance(text, str):
        raise InvalidTextError(f"text must be str, got {type(text).__name__}")
    _check_colors(colors)
    spans = _collect(text, entities)
    direction = text_direction(text)
    body = _highlight(text, spans, colors)
    leg = _legend(spans, colors) if legend else ""
    return (
        f'<div class="akhbar-render" lang="ar" dir="{direction}" style="{_BOX}">'
        f'<div style="white-space:pre-line">{body}</div>{leg}</div>'
    )


_HEADER_FIELDS = (
    ("section", "القسم"),
    ("published", "التاريخ"),
    ("dateline", "المكان"),
    ("source", "المصدر"),
    ("agency", "الوكالة"),
    ("author", "الكاتب"),
)


def _field(obj: object, name: str) -> Any:
    v = getattr(obj, name, None)
    return None if _missing(v) else v


def render_article_html(
    article: object,
    entities: object = None,
    *,
    offsets: Literal["body", "raw"] = "body",
    colors: Mapping[str, str] | None = None,
) -> str:
    """HTML of an article: a header (title, subtitle, date, source, author ...),
    the body with its entities highlighted, and a legend.

    Parameters
    ----------
    article
        Anything with ``title`` and ``body`` (see :class:`ArticleLike`).
    entities
        Spans as for :func:`render_entities_html`.
    offsets
        ``"body"``: span offsets point into ``article.body``. ``"raw"``: they
        point into the raw text the article was parsed from; ``article.spans``
        (field → ``(start, end)`` in the raw text) places them in the title or
        the body, and spans elsewhere (dateline, footer) are counted in the
        legend, not drawn.
    colors
        Label → CSS colour overrides.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> a = NS(title="افتتاح محطة", body="افتتح الوزير المحطة في الدمام.",
    ...        source="أخبار الساحل", published="2024-03-12")
    >>> html = render_article_html(a, [NS(start=23, end=29, label="LOC")])
    >>> import re
    >>> "<h2" in html, re.search(r"<mark[^>]*>([^<]*)", html).group(1)
    (True, 'الدمام')
    """
    if offsets not in ("body", "raw"):
        raise OptionError(f"offsets must be 'body' or 'raw', got {offsets!r}")
    _check_colors(colors)
    title = _field(article, "title")
    body = _field(article, "body")
    if body is None:
        paragraphs = _field(article, "paragraphs")
        body = "" if paragraphs is None else "\n".join(map(str, paragraphs))
    if not isinstance(body, str):
        raise InvalidTextError(f"article body must be str, got {type(body).__name__}")
    title_s = str(title) if title is not None else ""

    note = ""
    if offsets == "body":
        title_spans: list[_Span] = []
        body_spans = _collect(body, entities)
    else:
        raw_spans = getattr(article, "spans", None) or {}
        all_ents = list(_iter_spans(entities))
        placed: dict[str, list[object]] = {"title": [], "body": []}
        where_from: dict[str, list[int]] = {"title": [], "body": []}
        elsewhere = 0
        for n, ent in enumerate(all_ents):
            try:
                s, e = int(getattr(ent, "start")), int(getattr(ent, "end"))  # noqa: B009
            except (AttributeError, TypeError, ValueError):
                s = e = -1  # _collect reports it below
            for name in ("title", "body"):
                where = raw_spans.get(name)
                if s < 0 or (where is not None and where[0] <= s and e <= where[1]):
                    placed[name].append(ent)
                    where_from[name].append(n)
                    break
            else:
                elsewhere += 1
        t_where = raw_spans.get("title") or (0, 0)
        b_where = raw_spans.get("body") or (0, 0)
        title_spans = _collect(title_s, placed["title"], t_where[0], where_from["title"])
        body_spans = _collect(body, placed["body"], b_where[0], where_from["body"])
        if elsewhere:
            note = f"+{elsewhere} outside the title and body"

    direction = text_direction(f"{title_s}\n{body}")
    parts = [
        f'<article class="akhbar-render akhbar-article" lang="ar" dir="{direction}" style="{_BOX}">'
    ]
    if title_s:
        parts.append(
            f'<h2 dir="{text_direction(title_s, direction)}" style="font-size:1.35em;'
            f'margin:0 0 0.2em 0;line-height:1.6">{_highlight(title_s, title_spans, colors)}</h2>'
        )
    subtitle = _field(article, "subtitle")
    if subtitle is not None:
        parts.append(
            '<div style="font-size:1.05em;color:#374151;margin-bottom:0.2em">'
            f"{_esc(subtitle)}</div>"
        )
    meta = []
    for name, ar in _HEADER_FIELDS:
        v = _field(article, name)
        if v is None:
            continue
        tip = ""
        if name == "published":
            raw = _field(article, "published_raw")
            tip = f' title="{_esc(raw)}"' if raw is not None else ""
            v = _format_value(v)
        meta.append(
            f'<span class="akhbar-field" data-field="{name}"{tip} '
            f'style="margin-inline-end:1.2em;white-space:nowrap;unicode-bidi:isolate">'
            f'<span style="color:#6b7280">{ar}:</span> {_esc(v)}</span>'
        )
    if meta:
        parts.append(
            '<div class="akhbar-meta" style="font-size:0.85em;border-bottom:1px solid #e5e7eb;'
            f'padding-bottom:0.3em;margin-bottom:0.5em">{" ".join(meta)}</div>'
        )
    parts.append(
        f'<div class="akhbar-body" style="white-space:pre-line">'
        f"{_highlight(body, body_spans, colors)}</div>"
    )
    boiler = _field(article, "boilerplate")
    if boiler is None:
        lines: list[str] = []
    else:
        lines = [boiler] if isinstance(boiler, str) else [str(b) for b in boiler]
    if lines:
        parts.append(
            '<details style="font-size:0.8em;color:#6b7280"><summary>boilerplate</summary>'
            f'<div style="white-space:pre-line">{_esc(chr(10).join(lines))}</div></details>'
        )
    parts.append(_legend(title_spans + body_spans, colors, note))
    parts.append("</article>")
    return "".join(parts)


def _page(fragment: str, direction: Direction) -> str:
    return (
        f'<!DOCTYPE html><html lang="ar" dir="{direction}"><head><meta charset="utf-8">'
        "<title>akhbar</title></head>"
        f'<body style="margin:0;padding:12px;background:#f9fafb">{fragment}</body></html>'
    )


def _in_jupyter() -> bool:
    """True inside a Jupyter kernel (IPython's ZMQ shell); never imports IPython."""
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    if get is None:
        return False
    shell = get()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def render(
    obj: object,
    *,
    text: str | None = None,
    entities: object = None,
    jupyter: bool | None = None,
    page: bool = False,
    colors: Mapping[str, str] | None = None,
) -> str | None:
    """Render an article, spans or plain text as right-to-left HTML, like spaCy's displacy.

    Parameters
    ----------
    obj
        An article (has ``title`` and ``body``; ``entities``, or else its own
        ``entities`` attribute, are highlighted in its body), a sequence of
        spans or a pandas ``entities`` table (``text`` is then the string they
        point into), or a ``str`` (with ``entities``).
    text
        The string the spans point into, when ``obj`` is spans.
    entities
        Spans to highlight in an article or a ``str``.
    jupyter
        ``True`` displays the HTML in the notebook and returns None; ``False``
        returns it; ``None`` (default) displays when running in a Jupyter kernel.
    page
        Return a whole HTML page (``<!DOCTYPE html>`` ...) rather than a fragment.
    colors
        Label → CSS colour overrides.

    Examples
    --------
    >>> import akhbar
    >>> html = akhbar.render(akhbar.tokenize("قالت «سانا»"), text="قالت «سانا»")
    >>> html.count("<mark"), "&#x27;" not in html, 'dir="rtl"' in html
    (4, True, True)
    >>> akhbar.render("نص", page=True).startswith("<!DOCTYPE html>")
    True
    """
    is_article = hasattr(obj, "body") and hasattr(obj, "title")
    if text is not None and (isinstance(obj, str) or is_article):
        raise OptionError("text= is for spans; a str or an article is its own text")
    if entities is not None and not (isinstance(obj, str) or is_article):
        raise OptionError("entities= is for a str or an article; pass spans as obj with text=")
    if isinstance(obj, str):
        fragment = render_entities_html(obj, entities, colors=colors)
        direction = text_direction(obj)
    elif is_article:
        if entities is None:  # an article that carries its own entities
            entities = getattr(obj, "entities", None)
        fragment = render_article_html(obj, entities, colors=colors)
        direction = text_direction(f"{_field(obj, 'title') or ''}\n{_field(obj, 'body') or ''}")
    else:
        if text is None:
            raise InvalidTextError(
                "render(spans) needs text=, the string the spans' offsets point into"
            )
        fragment = render_entities_html(text, obj, colors=colors)
        direction = text_direction(text)
    out = _page(fragment, direction) if page else fragment
    if jupyter is None:
        jupyter = _in_jupyter()
    if not jupyter:
        return out
    try:
        display_mod = importlib.import_module("IPython.display")
    except ImportError:
        raise ImportError("render(..., jupyter=True) needs IPython (pip install ipython)") from None
    display_mod.display(display_mod.HTML(out))
    return None


def to_displacy(text: str, entities: object, title: str | None = None) -> dict[str, Any]:
    """spaCy displaCy's "manual" format, for ``displacy.render(d, style="ent", manual=True)``.

    The dict carries ``settings`` with ``lang`` and ``direction`` (chosen from
    the text), which displaCy reads to pick its right-to-left template. Spans
    come sorted by start; displaCy cannot draw overlapping spans, so where
    spans overlap the earliest (then longest) is kept and the others left out.
    Out-of-range spans raise :class:`akhbar.OffsetError`. displaCy escapes the
    text but inserts ``title`` as HTML: pass trusted titles only.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> to_displacy("زار الوزير دمشق", [NS(start=11, end=15, label="LOC")], title="خبر")
    {'text': 'زار الوزير دمشق', 'ents': [{'start': 11, 'end': 15, 'label': 'LOC'}], \
'title': 'خبر', 'settings': {'lang': 'ar', 'direction': 'rtl'}}
    """
    if not isinstance(text, str):
        raise InvalidTextError(f"text must be str, got {type(text).__name__}")
    drawn, _ = _layout(_collect(text, entities))
    return {
        "text": text,
        "ents": [{"start": s.start, "end": s.end, "label": s.label} for s in drawn],
        "title": title,
        "settings": {"lang": "ar", "direction": text_direction(text)},
    }
