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

from akhbar import pandas_ext as _pandas_ext  # noqa: F401  (registers Series.akhbar)
from akhbar._core import Article, Normalizer, OffsetMap, Token, __version__
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
    InvalidTextError,
    ModelError,
    OffsetError,
    OptionError,
    OutputExistsError,
    TrainingError,
)
from akhbar.pipeline import Pipeline, Result
from akhbar.render import render, render_article_html, render_entities_html, to_displacy
from akhbar.sample import sample_article
from akhbar.text import normalize, normalize_batch, tokenize, tokenize_batch

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
