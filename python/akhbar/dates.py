"""Dates, times and numbers in Arabic news, resolved to values.

Dates come back as :class:`akhbar.DateMention` with an ISO 8601 ``value``
(``"2017-12-03"``, ``"2017-12"``, ``"2017"``, an interval ``"a/b"`` or a week
``"2015-W33"``; times ``"T10:30"``), numbers as :class:`akhbar.NumberMention`
with an int or float ``value``. Both carry character offsets into the
original text and a ``label`` (``DATE``, ``TIME``, ``NUMBER``, ``PERCENT``,
``MONEY``, ``QUANTITY``) so they can sit beside named entities.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from akhbar._core import DateMention, NumberMention
from akhbar._core import extract_dates as _extract_dates
from akhbar._core import extract_dates_batch as _extract_dates_batch
from akhbar._core import extract_numbers as _extract_numbers
from akhbar._core import extract_numbers_batch as _extract_numbers_batch

Reference = str | _dt.date | None


def extract_dates(text: str, *, reference: Reference = None) -> list[DateMention]:
    """Find the dates and times in ``text``.

    Gregorian dates in every regional month naming (يناير، كانون الثاني، جانفي،
    يوليوز and the newswire "كانون الثاني/يناير"), Hijri dates (converted with
    the Umm al-Qura calendar; the tabular calendar outside 1343–1500 AH, flagged
    in ``conversion``), numeric dates, years (عام 2015، 1436هـ), the SPA
    dateline "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م" as one mention, relative
    expressions (أمس، الأسبوع الماضي، منذ ثلاثة أيام) and clock times.

    Parameters
    ----------
    text
        The text.
    reference
        The date relative expressions are resolved against (the article's own
        date): a ``datetime.date``/``datetime`` or an ISO string such as
        ``"2015-08-10"`` or ``"2015-08-10 13:42:51"``. Without it relative
        mentions are returned with ``relative=True`` and ``value=None``.

    Examples
    --------
    >>> m = extract_dates("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس")[0]
    >>> m.text, m.value, m.calendar, m.hijri
    ('25 شوال 1436 هـ الموافق 10 أغسطس 2015 م', '2015-08-10', 'hijri', '1436-10-25')
    >>> [(d.text, d.value) for d in extract_dates("وصل أمس", reference="2015-08-10")]
    [('أمس', '2015-08-09')]
    >>> [(d.text, d.value) for d in extract_dates("في 15 كانون الثاني/يناير 2016")]
    [('15 كانون الثاني/يناير 2016', '2016-01-15')]
    """
    return _extract_dates(text, reference=reference)


def extract_dates_batch(
    texts: Iterable[str],
    *,
    references: Iterable[Reference] | Reference = None,
    n_threads: int | None = None,
) -> list[list[DateMention]]:
    """:func:`extract_dates` over many texts in parallel; one list per text, in order.

    ``references`` is one reference for every text, or one per text (``None``
    entries allowed). A non-``str`` row raises :class:`akhbar.InvalidTextError`
    and a bad reference :class:`akhbar.OptionError`, each with its ``index``.

    Examples
    --------
    >>> out = extract_dates_batch(["اليوم", "عام 2015"], references=["2015-08-10", None])
    >>> [[d.value for d in row] for row in out]
    [['2015-08-10'], ['2015']]
    """
    return _extract_dates_batch(texts, references=references, n_threads=n_threads)


def extract_numbers(text: str) -> list[NumberMention]:
    """Find the numbers, percentages, amounts of money and quantities in ``text``.

    Digits in both scripts (with ٫ ٬ and Latin separators, and a scale word:
    "3 ملايين"), number words ("ثلاثة آلاف", "مليون ونصف"), fractions (نصف،
    ربع), vague counts (عشرات، بضعة: ``value`` None). ``kind`` is ``number``
    (``unit`` = the counted noun), ``percent``, ``money`` (``unit`` = ISO 4217
    code, or the currency word when it names no single currency) or
    ``quantity`` (``unit`` = the measure). Digits inside dates and times,
    ordinals (الـ16) and phone numbers are left out.

    Examples
    --------
    >>> [(n.text, n.value, n.kind, n.unit) for n in extract_numbers("شن التحالف 672 ضربة")]
    [('672', 672, 'number', 'ضربة')]
    >>> [(n.text, n.value, n.label) for n in extract_numbers("ارتفع 30 في المئة")]
    [('30 في المئة', 30, 'PERCENT')]
    >>> n = extract_numbers("بقيمة 3 ملايين دولار")[0]
    >>> n.value, n.unit, n.label
    (3000000, 'USD', 'MONEY')
    """
    return _extract_numbers(text)


def extract_numbers_batch(
    texts: Iterable[str], *, n_threads: int | None = None
) -> list[list[NumberMention]]:
    """:func:`extract_numbers` over many texts in parallel; one list per text, in order.

    Examples
    --------
    >>> [[n.value for n in row] for row in extract_numbers_batch(["ثلاثة آلاف", ""])]
    [[3000], []]
    """
    return _extract_numbers_batch(texts, n_threads=n_threads)


__all__ = [
    "DateMention",
    "NumberMention",
    "extract_dates",
    "extract_dates_batch",
    "extract_numbers",
    "extract_numbers_batch",
]
