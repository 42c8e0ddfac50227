"""akhbar: Arabic news articles to clean, structured, analysable data, fast.

Examples
--------
>>> import akhbar
>>> akhbar.normalize("إعلانُ الـقاهرة")
'اعلان القاهره'
>>> norm, offsets = akhbar.Normalizer("search").normalize_with_map("ﻻ كِتابٌ")
>>> norm
'لا كتاب'
>>> offsets.to_original_span(3, 7)
(2, 8)
"""

from __future__ import annotations

from akhbar._core import Article, Normalizer, OffsetMap, Token, __version__
from akhbar.article import parse_article, parse_articles
from akhbar.dates import (
    DateMention,
    NumberMention,
    extract_dates,
    extract_dates_batch,
    extract_numbers,
    extract_numbers_batch,
)
from akhbar.errors import AkhbarError, InvalidTextError, OffsetError, OptionError
from akhbar.sample import sample_article
from akhbar.text import normalize, normalize_batch, tokenize, tokenize_batch

__all__ = [
    "AkhbarError",
    "Article",
    "DateMention",
    "InvalidTextError",
    "Normalizer",
    "NumberMention",
    "OffsetError",
    "OffsetMap",
    "OptionError",
    "Token",
    "__version__",
    "extract_dates",
    "extract_dates_batch",
    "extract_numbers",
    "extract_numbers_batch",
    "normalize",
    "normalize_batch",
    "parse_article",
    "parse_articles",
    "sample_article",
    "tokenize",
    "tokenize_batch",
]
