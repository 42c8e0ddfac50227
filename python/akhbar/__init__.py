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

Importing akhbar does not import pandas or pyarrow: ``Pipeline`` and ``Result`` load with
their first use, and the ``Series.akhbar`` accessor is registered when pandas is imported
(at once if it already is).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from akhbar._core import Article, Normalizer, OffsetMap, Token, __version__
from akhbar._on_import import on_import
from akhbar.article import parse_article, parse_article_batch, parse_articles
from akhbar.corpus import Corpus, read_corpus
from akhbar.dates import (
    DateMention,
    NumberMention,
    extract_dates,
    extract_dates_batch,
    extract_numbers,
    extract_numbers_batch,
)
from akhbar.entities import (
    Entity,
    EvaluationReport,
    LabelScore,
    Tagger,
    evaluate,
    extract,
    extract_batch,
    train_tagger,
)
from akhbar.errors import (
    AkhbarError,
    CorpusError,
    CorpusNotFoundError,
    FileError,
    InternalError,
    InvalidTextError,
    ModelError,
    OffsetError,
    OptionError,
    OutputExistsError,
    TrainingError,
)
from akhbar.render import render, render_article_html, render_entities_html, to_displacy
from akhbar.sample import sample_article
from akhbar.text import normalize, normalize_batch, tokenize, tokenize_batch

if TYPE_CHECKING:
    from akhbar.pipeline import Pipeline, Result

# Public names whose modules import pyarrow/pandas: loaded on first access (PEP 562).
_LAZY = {"Pipeline": "akhbar.pipeline", "Result": "akhbar.pipeline"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'akhbar' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


# Series.akhbar, registered once pandas is imported (by the user or by a table).
on_import("pandas", lambda: importlib.import_module("akhbar.pandas_ext"))

__all__ = [
    "AkhbarError",
    "Article",
    "Corpus",
    "CorpusError",
    "CorpusNotFoundError",
    "DateMention",
    "Entity",
    "EvaluationReport",
    "FileError",
    "InternalError",
    "InvalidTextError",
    "LabelScore",
    "ModelError",
    "Normalizer",
    "NumberMention",
    "OffsetError",
    "OffsetMap",
    "OptionError",
    "OutputExistsError",
    "Pipeline",
    "Result",
    "Tagger",
    "Token",
    "TrainingError",
    "__version__",
    "evaluate",
    "extract",
    "extract_batch",
    "extract_dates",
    "extract_dates_batch",
    "extract_numbers",
    "extract_numbers_batch",
    "normalize",
    "normalize_batch",
    "parse_article",
    "parse_article_batch",
    "parse_articles",
    "read_corpus",
    "render",
    "render_article_html",
    "render_entities_html",
    "sample_article",
    "to_displacy",
    "tokenize",
    "tokenize_batch",
    "train_tagger",
]
