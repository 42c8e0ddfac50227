"""Article structure: raw news text or HTML pages to fields, body and boilerplate.

Every field keeps its character span in the original input (``Article.spans``),
and nothing is dropped silently: what is not a field or the body is listed in
``Article.boilerplate``. In a text article the ``segments`` (title line, field
lines, paragraphs, boilerplate) together cover every non-space character.

Example
-------
>>> import akhbar
>>> a = akhbar.parse_article("بيروت (رويترز) - قال مسؤول إن المحادثات ستستأنف غدا في جنيف.")
>>> a.dateline, a.agency
('بيروت', 'رويترز')
>>> a.paragraphs
['قال مسؤول إن المحادثات ستستأنف غدا في جنيف.']
>>> a.spans["agency"]
(7, 13)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Literal

from akhbar._core import Article
from akhbar._core import parse_article as _parse_article
from akhbar._core import parse_article_batch as _parse_article_batch

InputKind = Literal["text", "html"]


def parse_article(
    text_or_html: str | bytes, *, url: str | None = None, kind: InputKind | None = None
) -> Article:
    """Parse one article into fields, paragraphs and boilerplate.

    Parameters
    ----------
    text_or_html
        Raw article text, or a whole HTML page. ``bytes`` are an HTML page as
        served: decoded by its byte-order mark or ``<meta charset>`` (e.g.
        ``windows-1256``, ``ISO-8859-6``), else UTF-8; spans then index the
        decoded text.
    url
        The page address; its host fills ``source`` when the article names no
        outlet, and a date in its path is the publication date when the page
        has none in its metadata.
    kind
        ``"text"`` or ``"html"``; detected from the input when None.

    An HTML body is found in steps — the JSON-LD ``articleBody``, the
    ``<article>``/``<main>`` element, the densest text block, the whole visible
    text — and ``Article.extraction`` names the step; it is ``"empty"`` when
    the input holds no body text. Empty or non-Arabic input gives an
    ``Article`` with empty fields; anything but ``str``/``bytes`` raises
    :class:`akhbar.InvalidTextError`.

    Examples
    --------
    >>> a = parse_article("سبق- ينبع: اجتمع الرئيس التنفيذي للهيئة الملكية بفريق العمل اليوم.")
    >>> a.source, a.dateline, len(a.paragraphs)
    ('سبق', 'ينبع', 1)
    >>> parse_article("").paragraphs, parse_article("").extraction
    ([], 'empty')
    >>> page = (
    ...     '<html><head><meta charset="windows-1256"></head><body><article>'
    ...     "<p>قال الرئيس إن المحادثات في جنيف ستستأنف غدا.</p></article></body></html>"
    ... )
    >>> a = parse_article(page.encode("cp1256"))
    >>> a.paragraphs, a.extraction
    (['قال الرئيس إن المحادثات في جنيف ستستأنف غدا.'], 'article-element')
    """
    return _parse_article(text_or_html, url=url, kind=kind)


def parse_article_batch(
    items: Iterable[str], *, kind: InputKind | None = None, n_threads: int | None = None
) -> list[Article]:
    """Parse many articles in parallel (GIL released); output order = input order.

    ``n_threads`` defaults to ``AKHBAR_NUM_THREADS`` or the number of CPUs; the
    result does not depend on it. A non-``str`` row raises
    :class:`akhbar.InvalidTextError` with its ``index``.

    Examples
    --------
    >>> texts = ["دمشق - سانا", "القاهرة - أ ف ب: نص"]
    >>> [a.agency for a in parse_article_batch(texts, n_threads=2)]
    ['سانا', 'أ ف ب']
    """
    return _parse_article_batch(items, kind=kind, n_threads=n_threads)


def parse_articles(
    items: Iterable[str], *, kind: InputKind | None = None, n_threads: int | None = None
) -> list[Article]:
    """Deprecated name of :func:`parse_article_batch` (every batch call ends in ``_batch``).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     print([a.agency for a in parse_articles(["دمشق - سانا"])])
    ['سانا']
    """
    warnings.warn(
        "parse_articles is deprecated; use parse_article_batch", DeprecationWarning, stacklevel=2
    )
    return parse_article_batch(items, kind=kind, n_threads=n_threads)
