"""Normalization and tokenization: the functional API over the Rust core."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from akhbar._core import Normalizer, Token
from akhbar._core import tokenize as _tokenize
from akhbar._core import tokenize_batch as _tokenize_batch


@lru_cache(maxsize=64)
def _normalizer(preset: str, overrides: tuple[tuple[str, bool], ...]) -> Normalizer:
    return Normalizer(preset, **dict(overrides))


def normalize(text: str, preset: str = "search", **overrides: bool) -> str:
    """Normalize Arabic text.

    Parameters
    ----------
    text
        The text. Lone surrogates are replaced by U+FFFD one for one.
    preset
        ``"search"`` (every step), ``"ner"``, ``"light"`` (Unicode clean-up
        only) or ``"none"``; see :class:`akhbar.Normalizer`.
    **overrides
        Steps to switch on or off, e.g. ``keep_shadda=True``.

    Examples
    --------
    >>> normalize("أَعْلَنَتْ وزارةُ الصحّة ٣ إصابات")
    'اعلنت وزاره الصحه 3 اصابات'
    >>> normalize("أَعْلَنَتْ", preset="light")
    'أَعْلَنَتْ'
    >>> normalize("الصحّة", keep_shadda=True, teh_marbuta=False)
    'الصحّة'
    """
    return _normalizer(preset, tuple(sorted(overrides.items()))).normalize(text)


def normalize_batch(
    texts: Iterable[str],
    preset: str = "search",
    *,
    n_threads: int | None = None,
    **overrides: bool,
) -> list[str]:
    """Normalize many texts in parallel (GIL released); output order = input order.

    ``n_threads`` defaults to ``AKHBAR_NUM_THREADS`` or the number of CPUs.
    A non-``str`` row raises :class:`akhbar.InvalidTextError` with its ``index``.

    Examples
    --------
    >>> normalize_batch(["إلى", "مستشفى"], n_threads=2)
    ['الي', 'مستشفي']
    """
    n = _normalizer(preset, tuple(sorted(overrides.items())))
    return n.normalize_batch(texts, n_threads=n_threads)


def tokenize(text: str, *, clitics: bool = False) -> list[Token]:
    """Split text into tokens with character offsets into ``text``.

    Kinds: ``word`` (Arabic script), ``latin``, ``number`` (digits of any
    script with inner separators), ``punctuation``, ``symbol``, ``url``,
    ``email``, ``hashtag``, ``mention``. With ``clitics=True`` Arabic words
    are split into proclitic cluster, stem and pronoun suffix where the stem
    is a known word; each piece keeps its offsets and says its ``clitic`` role.

    Examples
    --------
    >>> [t.text for t in tokenize("قالت «سانا»: ٣ قتلى")]
    ['قالت', '«', 'سانا', '»', ':', '٣', 'قتلى']
    >>> [(t.text, t.clitic) for t in tokenize("وبالتنسيق", clitics=True)]
    [('وبال', 'proclitic'), ('تنسيق', None)]
    """
    return _tokenize(text, clitics=clitics)


def tokenize_batch(
    texts: Iterable[str], *, clitics: bool = False, n_threads: int | None = None
) -> list[list[Token]]:
    """Tokenize many texts in parallel; one token list per text, in order.

    Examples
    --------
    >>> [len(ts) for ts in tokenize_batch(["دمشق - سانا", ""])]
    [3, 0]
    """
    return _tokenize_batch(texts, clitics=clitics, n_threads=n_threads)
