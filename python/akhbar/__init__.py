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

from akhbar._core import Normalizer, OffsetMap, Token, __version__
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
    FileError,
    InvalidTextError,
    ModelError,
    OffsetError,
    OptionError,
)
from akhbar.sample import sample_article
from akhbar.text import normalize, normalize_batch, tokenize, tokenize_batch

__all__ = [
    "AkhbarError",
    "CorpusError",
    "Entity",
    "EvaluationReport",
    "FileError",
    "InvalidTextError",
    "LabelScore",
    "ModelError",
    "Normalizer",
    "OffsetError",
    "OffsetMap",
    "OptionError",
    "Tagger",
    "Token",
    "__version__",
    "evaluate",
    "extract",
    "extract_batch",
    "normalize",
    "normalize_batch",
    "sample_article",
    "tokenize",
    "tokenize_batch",
    "train_tagger",
]
