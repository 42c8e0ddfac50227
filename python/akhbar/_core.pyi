"""Type stubs for the Rust extension ``akhbar._core``."""

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, final

__version__: str

_TokenKind = Literal[
    "word", "number", "punctuation", "latin", "symbol", "url", "email", "hashtag", "mention"
]
_CliticRole = Literal["proclitic", "enclitic"]

@final
class Normalizer:
    """An immutable, picklable Arabic normalizer built from a preset and option overrides."""

    def __new__(cls, preset: str = "search", **options: bool) -> Normalizer: ...
    @property
    def preset(self) -> str: ...
    @property
    def options(self) -> dict[str, bool]: ...
    def normalize(self, text: str) -> str: ...
    def normalize_batch(
        self, texts: Iterable[str], *, n_threads: int | None = None
    ) -> list[str]: ...
    def normalize_with_map(self, text: str) -> tuple[str, OffsetMap]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class OffsetMap:
    """Character-offset map between a normalized string and its original."""

    @property
    def normalized_len(self) -> int: ...
    @property
    def original_len(self) -> int: ...
    def to_original(self, offset: int) -> int: ...
    def to_normalized(self, offset: int) -> int: ...
    def to_original_span(self, start: int, end: int) -> tuple[int, int]: ...
    def to_normalized_span(self, start: int, end: int) -> tuple[int, int]: ...
    def __len__(self) -> int: ...

@final
class Token:
    """A token with character offsets into the text it came from."""

    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        kind: _TokenKind,
        clitic: _CliticRole | None = None,
    ) -> Token: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> _TokenKind: ...
    @property
    def clitic(self) -> _CliticRole | None: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

_DateLabel = Literal["DATE", "TIME"]
_NumberKind = Literal["number", "percent", "money", "quantity"]
_NumberLabel = Literal["NUMBER", "PERCENT", "MONEY", "QUANTITY"]

@final
class DateMention:
    """A date or time with character offsets into the text it came from."""

    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        value: str | None,
        calendar: Literal["gregorian", "hijri"],
        granularity: str,
        hijri: str | None = None,
        conversion: Literal["umm_al_qura", "tabular"] | None = None,
        relative: bool = False,
        calendars_agree: bool | None = None,
        label: _DateLabel = "DATE",
        resolved: bool | None = None,
    ) -> DateMention: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> str | None: ...
    @property
    def calendar(self) -> Literal["gregorian", "hijri"]: ...
    @property
    def granularity(self) -> str: ...
    @property
    def hijri(self) -> str | None: ...
    @property
    def conversion(self) -> Literal["umm_al_qura", "tabular"] | None: ...
    @property
    def relative(self) -> bool: ...
    @property
    def resolved(self) -> bool: ...
    @property
    def calendars_agree(self) -> bool | None: ...
    @property
    def label(self) -> _DateLabel: ...
    def to_dict(self) -> dict[str, object]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class NumberMention:
    """A number, percentage, amount of money or quantity with character offsets."""

    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        value: float | None,
        kind: _NumberKind = "number",
        unit: str | None = None,
    ) -> NumberMention: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> int | float | None: ...
    @property
    def kind(self) -> _NumberKind: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def label(self) -> _NumberLabel: ...
    def to_dict(self) -> dict[str, object]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def extract_dates(text: str, *, reference: object = None) -> list[DateMention]: ...
def extract_dates_batch(
    texts: Iterable[str], *, references: object = None, n_threads: int | None = None
) -> list[list[DateMention]]: ...
def extract_numbers(text: str) -> list[NumberMention]: ...
def extract_numbers_batch(
    texts: Iterable[str], *, n_threads: int | None = None
) -> list[list[NumberMention]]: ...
def tokenize(text: str, *, clitics: bool = False) -> list[Token]: ...
def tokenize_batch(
    texts: Iterable[str], *, clitics: bool = False, n_threads: int | None = None
) -> list[list[Token]]: ...
def _thread_count(n_threads: int | None = None) -> int | None: ...
def _normalizer_from_state(preset: str, options: dict[str, bool]) -> Normalizer: ...
def _reference_date(obj: object) -> str | None: ...
def _run_pipeline(
    texts: Iterable[str],
    *,
    references: object = None,
    parse: bool = False,
    normalizer: Normalizer | None = None,
    tokens: bool = True,
    tagger: Tagger | None = None,
    dates: bool = False,
    numbers: bool = False,
    n_threads: int | None = None,
    _panic_on: str | None = None,
) -> dict[str, Any]: ...

# --- articles (akhbar.article) ---

_Span = tuple[int, int]

#: The single-valued fields of an article, in display order (also the articles table's columns).
ARTICLE_FIELDS: tuple[str, ...]

@final
class Article:
    """A parsed article: fields, body and boilerplate, with character spans."""

    @property
    def kind(self) -> Literal["text", "html"]: ...
    @property
    def extraction(
        self,
    ) -> Literal[
        "text", "json-ld", "article-element", "densest-block", "visible-text", "empty"
    ]: ...
    @property
    def title(self) -> str | None: ...
    @property
    def subtitle(self) -> str | None: ...
    @property
    def section(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def published_raw(self) -> str | None: ...
    @property
    def dateline(self) -> str | None: ...
    @property
    def agency(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def paragraphs(self) -> list[str]: ...
    @property
    def body(self) -> str: ...
    @property
    def boilerplate(self) -> list[str]: ...
    @property
    def paragraph_spans(self) -> list[_Span | None]: ...
    @property
    def boilerplate_spans(self) -> list[_Span | None]: ...
    @property
    def segments(self) -> list[tuple[str, int, int]]: ...
    @property
    def spans(self) -> dict[str, _Span | None]: ...
    def to_dict(self) -> dict[str, object]: ...
    def __eq__(self, other: object, /) -> bool: ...

def parse_article(
    text: str | bytes, *, url: str | None = None, kind: Literal["text", "html"] | None = None
) -> Article: ...
def parse_article_batch(
    texts: Iterable[str],
    *,
    kind: Literal["text", "html"] | None = None,
    n_threads: int | None = None,
) -> list[Article]: ...
def _article_from_dict(d: dict[str, object]) -> Article: ...

@final
class Entity:
    """A named-entity mention with character offsets into the original text."""

    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        label: str,
        normalized: str,
        score: float,
        key: str,
    ) -> Entity: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def normalized(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def key(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

_Counts = tuple[list[tuple[str, int, int, int]], int, int]

@final
class Tagger:
    """A named-entity tagger (immutable, picklable, thread-safe)."""

    @staticmethod
    def load(path: str | os.PathLike[str]) -> Tagger: ...
    @staticmethod
    def default() -> Tagger: ...
    @staticmethod
    def load_neural(path: str | os.PathLike[str]) -> Tagger: ...
    @staticmethod
    def from_pretrained(
        path_or_id: str | os.PathLike[str],
        *,
        labels: Mapping[str, str | None] | None = None,
        max_length: int | None = None,
        stride: int = 128,
        batch_tokens: int = 512,
        revision: str | None = None,
        download: bool = False,
    ) -> Tagger: ...
    @property
    def kind(self) -> Literal["perceptron", "bert", "custom"]: ...
    @property
    def model_labels(self) -> list[str]: ...
    def subwords(self, words: Sequence[str]) -> list[str]: ...
    def word_logits(self, sentences: Sequence[Sequence[str]]) -> list[list[list[float] | None]]: ...
    def _bert_args(
        self,
    ) -> tuple[str, list[tuple[str, str | None]], int | None, int, int]: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    def with_gazetteer(self, lists: Mapping[str, Iterable[str]]) -> Tagger: ...
    @property
    def labels(self) -> list[str]: ...
    @property
    def o_bias(self) -> float: ...
    def with_o_bias(self, o_bias: float) -> Tagger: ...
    @property
    def n_features(self) -> int: ...
    @property
    def gazetteer_size(self) -> int: ...
    @property
    def cluster_size(self) -> int: ...
    def extract(self, text: str) -> list[Entity]: ...
    def extract_batch(
        self, texts: Iterable[str], *, n_threads: int | None = None
    ) -> list[list[Entity]]: ...
    def tag_tokens(
        self, sentences: Sequence[Sequence[str]], *, n_threads: int | None = None
    ) -> list[list[str]]: ...
    def _evaluate(
        self,
        path: str,
        *,
        label_map: list[tuple[str, str | None]] = ...,
        n_threads: int | None = None,
    ) -> _Counts: ...
    def _to_bytes(self) -> bytes: ...
    @staticmethod
    def _from_bytes(data: bytes) -> Tagger: ...

def _extract(
    text: str,
    *,
    tagger: Tagger | None = None,
    labels: str | Iterable[str],
    reference: object = None,
) -> list[Entity]: ...
def _extract_batch(
    texts: Iterable[str],
    *,
    tagger: Tagger | None = None,
    labels: str | Iterable[str],
    references: object = None,
    n_threads: int | None = None,
) -> list[list[Entity]]: ...
def _train(
    train_files: list[str],
    dev_file: str | None = None,
    *,
    auxiliary_files: list[str] = ...,
    epochs: int = 12,
    seed: int = 1,
    min_count: int = 1,
    label_map: list[tuple[str, str | None]] = ...,
    gazetteer: list[tuple[str, str]] = ...,
    clusters_file: str | None = None,
    two_stage: bool = True,
    word_dropout: float = 0.0,
    o_bias: float = 0.0,
    ensemble: int = 1,
    scheme: str = "bio",
    n_threads: int | None = None,
) -> tuple[Tagger, list[tuple[int, int, _Counts | None]]]: ...
def _learn_clusters(
    files: list[str],
    output: str,
    *,
    texts: list[str] = ...,
    min_count: int = 3,
    contexts: int = 1000,
    depth: int = 18,
    method: str = "ppmi",
) -> int: ...
def _learn_embeddings(
    files: list[str],
    *,
    texts: list[str] = ...,
    vectors: str | None = None,
    ngrams: str | None = None,
    clusters: str | None = None,
    clusters_output: str | None = None,
    limit: int = 200000,
    class_words: int = 100000,
    ks: list[int] = ...,
    dim: int = 100,
    epochs: int = 5,
    min_count: int = 5,
    buckets: int = 200000,
    seed: int = 1,
) -> tuple[int, int]: ...

_CLUSTERS_CLASSES_HEADER: str
_CLUSTERS_CONTEXT_KEY: str

def _corpus_tag_classes(
    tagger: Tagger,
    texts: list[str],
    clusters: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    min_count: int = 3,
    n_threads: int | None = None,
) -> int: ...
def _score_tags(gold: list[list[str]], pred: list[list[str]]) -> _Counts: ...
