"""The corpus pipeline: every stage per article in Rust, in parallel, as tables.

Example
-------
>>> import akhbar
>>> pipe = akhbar.Pipeline(normalize="search")
>>> result = pipe.process(["أعلنت الوزارةُ ٣ إصابات", "خبر قصير"], progress=False)
>>> result.articles[["doc_id", "n_words", "normalized"]].values.tolist()
[[0, 3, 'اعلنت الوزاره 3 اصابات'], [1, 2, 'خبر قصير']]
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyarrow as pa
import pyarrow.compute as pc

from akhbar._core import (
    ARTICLE_FIELDS,
    Normalizer,
    _reference_date,
    _run_pipeline,
    _thread_count,
)
from akhbar.corpus import Corpus, Unreadable, read_corpus
from akhbar.entities import Tagger
from akhbar.errors import CorpusError, InternalError, InvalidTextError, OptionError

if TYPE_CHECKING:
    import pandas as pd

ErrorPolicy = Literal["raise", "skip", "null"]
OutputKind = Literal["pandas", "arrow", "polars"]

#: Mention tables every result has (empty when the stage is off or found nothing).
MENTION_TABLES = ("entities", "dates", "numbers")

_STR, _INT = pa.large_string(), pa.int64()
_ARTICLE_TYPES: dict[str, pa.DataType] = {
    **dict.fromkeys(ARTICLE_FIELDS, _STR),
    "kind": _STR,
    "n_paragraphs": _INT,
    "n_boilerplate": _INT,
    "body": _STR,
    "n_chars": _INT,
    "n_tokens": _INT,
    "n_words": _INT,
    "normalized": _STR,
}
_PLACE_TYPES: dict[str, pa.DataType] = {
    "start": _INT,
    "end": _INT,
    "raw_start": _INT,
    "raw_end": _INT,
    "text": _STR,
}
_MENTION_TYPES: dict[str, dict[str, pa.DataType]] = {
    "entities": _PLACE_TYPES
    | {"label": _STR, "normalized": _STR, "key": _STR, "score": pa.float64()},
    "dates": _PLACE_TYPES
    | {
        "label": _STR,
        "value": _STR,
        "calendar": _STR,
        "granularity": _STR,
        "relative": pa.bool_(),
    },
    "numbers": _PLACE_TYPES | {"label": _STR, "value": pa.float64(), "unit": _STR},
}
_ERROR_TYPES: dict[str, pa.DataType] = {"position": _INT, "error": _STR}


def _doc_ids(ids: Sequence[Any], like: pa.DataType | None) -> pa.Array:
    """The ids of a chunk as one Arrow array, of one type for the whole run.

    ``like`` is the type of the run's earlier chunks (None for the first). Ids of
    mixed types become strings; nulls and, when the run's ids are strings, other
    ids take ``like``; ids that cannot (strings after ints) become strings, and
    the run's earlier chunks are then converted too (see :func:`_same_ids`). A
    first chunk of null ids is str.
    """
    if not ids:
        return pa.array([], type=like or pa.int64())
    try:
        arr = pa.array(ids)
    except (pa.ArrowException, ValueError, TypeError, OverflowError):
        # Mixed types, ints beyond int64, strs with lone surrogates.
        return _str_ids(ids)
    if like is None:
        return arr.cast(pa.string()) if pa.types.is_null(arr.type) else arr
    if arr.type == like:
        return arr
    if pa.types.is_null(arr.type):
        return arr.cast(like)
    return _str_ids(ids)


def _str_ids(ids: Sequence[Any]) -> pa.Array:
    """The ids as strings; a lone surrogate (which Arrow cannot store) becomes U+FFFD."""
    return pa.array([None if i is None else _storable(str(i)) for i in ids], type=pa.string())


def _storable(s: str) -> str:
    return s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _same_ids(tables: list[pa.Table]) -> list[pa.Table]:
    """Tables whose ``doc_id`` columns all have the last one's type (strings after
    a change of type: ints of earlier chunks become their decimal strings)."""
    if not tables:
        return tables
    final = tables[-1].schema.field("doc_id").type
    out = []
    for t in tables:
        i = t.schema.get_field_index("doc_id")
        if t.schema.field(i).type != final:
            t = t.set_column(i, "doc_id", _str_ids(t.column(i).to_pylist()).cast(final))
        out.append(t)
    return out


_ARROW_TYPES = {
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "large_string": pa.large_string(),
}


def _arrow(column: tuple[str, int, int, bytes | None, bytes | None, bytes]) -> pa.Array:
    """An Arrow array over the buffers Rust built (no copy, no object per value)."""
    kind, length, nulls, validity, offsets, data = column
    buffers = [None if validity is None else pa.py_buffer(validity)]
    if offsets is not None:
        buffers.append(pa.py_buffer(offsets))
    buffers.append(pa.py_buffer(data))
    return pa.Array.from_buffers(_ARROW_TYPES[kind], length, buffers, null_count=nulls)


def _table(doc_id: pa.Array, columns: dict[str, Any], types: dict[str, pa.DataType]) -> pa.Table:
    data = {"doc_id": doc_id}
    for name, typ in types.items():
        if name in columns:
            data[name] = _arrow(columns[name]).cast(typ)
    return pa.table(data)


def _convert(table: pa.Table, output: OutputKind) -> Any:
    if output == "arrow":
        return table
    if output == "polars":
        import polars as pl

        return pl.from_arrow(table)
    import pandas as pd

    # Integer columns stay integers when a row is null (errors="null").
    ints = {pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int32Dtype()}
    return table.to_pandas(types_mapper=ints.get)


@dataclass(frozen=True)
class Result:
    """The tables of a pipeline run: ``articles`` (one row per article), ``entities``,
    ``dates``, ``numbers`` (one row per mention, keyed by ``doc_id``) and ``errors``
    (one row per input that could not be processed: ``doc_id``, ``position``,
    ``error``). Tables are pandas DataFrames, Arrow tables or polars frames, as asked.
    """

    articles: Any
    entities: Any
    dates: Any
    numbers: Any
    errors: Any

    def _repr_html_(self) -> str:
        """Jupyter's rich display: table sizes and the first article, rendered."""
        import html

        from akhbar.render import render_article_html

        sizes = ", ".join(f"{len(t):,} {name}" for name, t in self.tables().items())
        out = f"<p><b>akhbar result</b>: {html.escape(sizes)}</p>"
        arts, ents = self.articles, self.entities
        if hasattr(arts, "iloc") and len(arts) and "body" in arts.columns:
            first = arts.iloc[0]
            mentions = [
                t[t["doc_id"] == first["doc_id"]]
                for t in (ents, self.dates, self.numbers)
                if hasattr(t, "iloc") and len(t)
            ]
            spans = _concat_frames(mentions)
            out += render_article_html(first, spans if spans is not None else [])
        return out

    def tables(self) -> dict[str, Any]:
        """All tables by name."""
        return {
            "articles": self.articles,
            "entities": self.entities,
            "dates": self.dates,
            "numbers": self.numbers,
            "errors": self.errors,
        }


@dataclass(frozen=True)
class _Chunk:
    """The Arrow tables of one chunk."""

    tables: dict[str, pa.Table]
    n_input: int
    n_chars: int


@dataclass(frozen=True)
class Pipeline:
    """An immutable, picklable pipeline of stages run per article in Rust.

    Every stage is a switch. ``parse`` reads the article structure (title, date,
    dateline, agency, author, source ...) and gives the body; the other stages
    work on the body (the whole input when ``parse`` is off). Relative dates
    ("أمس", "العام الماضي") are resolved against the article's reference date: the
    one given for it (``references=`` of :meth:`process`, or a corpus'
    ``date_column``) when there is one, else the ``published`` date parsed from
    its header; with neither they keep ``value`` None.

    Parameters
    ----------
    parse
        Article fields and body (see :func:`akhbar.parse_article`).
    normalize
        A preset name, a :class:`akhbar.Normalizer`, or None to skip the
        ``normalized`` column.
    tokens
        Count tokens and words (``n_tokens``, ``n_words``).
    entities
        Named entities (the ``entities`` table): True for the shipped model, a
        :class:`akhbar.Tagger` for your own, False to skip.
    dates, numbers
        Date/time and number/percent/money/quantity mentions (``dates``, ``numbers``).
    n_threads
        Threads for the Rust work; None means ``AKHBAR_NUM_THREADS`` or all CPUs.
        Counts above the CPUs available are clamped to them; zero, negative and
        non-int counts raise :class:`akhbar.OptionError`. Results do not depend on it.
    chunk_size
        Articles per chunk: the unit of parallel work, of progress, of Ctrl-C
        checks, and of memory when streaming.

    Examples
    --------
    >>> Pipeline()
    Pipeline(stages=[parse, tokens, normalize(preset='search'), entities, dates, numbers], \
n_threads=None, chunk_size=1000)
    >>> Pipeline(parse=False, normalize="light", tokens=False, entities=False, numbers=False)
    Pipeline(stages=[normalize(preset='light'), dates], n_threads=None, chunk_size=1000)
    >>> import pickle
    >>> pickle.loads(pickle.dumps(Pipeline())) == Pipeline()
    True
    """

    parse: bool = True
    normalize: str | Normalizer | None = "search"
    tokens: bool = True
    entities: bool | Tagger = True
    dates: bool = True
    numbers: bool = True
    n_threads: int | None = None
    chunk_size: int = 1000
    _normalizer: Normalizer | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.chunk_size < 1:
            raise OptionError(f"chunk_size must be >= 1, got {self.chunk_size}")
        _thread_count(self.n_threads)  # OptionError for a bad count, now
        norm = self.normalize
        if isinstance(norm, str):
            norm = Normalizer(norm)
        elif norm is not None and not isinstance(norm, Normalizer):
            raise OptionError(f"normalize must be a preset name, a Normalizer or None: {norm!r}")
        object.__setattr__(self, "_normalizer", norm)
        if not isinstance(self.entities, (bool, Tagger)):
            raise OptionError(f"entities must be True, False or a Tagger: {self.entities!r}")

    def __repr__(self) -> str:
        return (
            f"Pipeline(stages=[{', '.join(self.stages())}], "
            f"n_threads={self.n_threads}, chunk_size={self.chunk_size})"
        )

    def stages(self) -> list[str]:
        """The enabled stages, in the order they run on each article."""
        out = []
        if self.parse:
            out.append("parse")
        if self.tokens:
            out.append("tokens")
        if self._normalizer is not None:
            out.append(f"normalize(preset={self._normalizer.preset!r})")
        if self.entities is not False:
            out.append("entities" if self.entities is True else "entities(custom tagger)")
        if self.dates:
            out.append("dates")
        if self.numbers:
            out.append("numbers")
        return out

    def _stage_args(self) -> dict[str, Any]:
        tagger: Tagger | None
        if self.entities is True:
            tagger = Tagger.default()
        elif self.entities is False:
            tagger = None
        else:
            tagger = self.entities
        return {
            "parse": self.parse,
            "normalizer": self._normalizer,
            "tokens": self.tokens,
            "tagger": tagger,
            "dates": self.dates,
            "numbers": self.numbers,
        }

    # ------------------------------------------------------------------ running

    def process(
        self,
        data: Any,
        *,
        ids: Iterable[Any] | None = None,
        references: Any = None,
        errors: ErrorPolicy = "raise",
        progress: bool | None = None,
        output: OutputKind = "pandas",
        n_threads: int | None = None,
    ) -> Result:
        """Run the pipeline over ``data`` and return all tables.

        ``data`` is a list or iterator of str, a pandas/polars Series, a pyarrow
        array, a :class:`~akhbar.corpus.Corpus`, or a path (see :func:`read_corpus`).
        ``doc_id`` is taken from ``ids``, else the Series index / corpus ids, else
        the position. ``references`` gives each article's reference date for its
        relative dates: one value for every article, or one per article in input
        order (a list, Series, array), each an ISO string (``"2015-07-21"``,
        ``"2015-07-21 02:51:32"``), a date or datetime, or None / NaN / NaT / ""
        for none; a corpus read with ``date_column`` brings its own. A given date
        wins over the date parsed from the article's header. ``errors``:
        ``"raise"`` stops at the first input that is not a str
        (:class:`akhbar.InvalidTextError` with its position in ``index``), whose
        reference is not a date (:class:`akhbar.OptionError`), or that fails
        inside akhbar (a bug: :class:`akhbar.InternalError`);
        ``"skip"`` leaves it out of ``articles``; ``"null"`` keeps it as a row of
        nulls; with both, the ``errors`` table lists it (an ``"internal error: …"``
        reason for a bug), and every other row is unaffected. ``progress``: a tqdm bar
        (None: shown when the run spans more than one chunk).

        Examples
        --------
        >>> r = Pipeline().process(["نص", None, "نص آخر"], errors="skip", progress=False)
        >>> r.articles["doc_id"].tolist(), r.errors.to_dict("records")
        ([0, 2], [{'doc_id': 1, 'position': 1, 'error': 'missing text (None)'}])
        >>> r = Pipeline().process(["وصل الوفد أمس"], references=["2015-07-21"], progress=False)
        >>> r.dates[["text", "value"]].values.tolist()
        [['أمس', '2015-07-20']]
        """
        chunks = list(
            self.iter_chunks(
                data,
                ids=ids,
                references=references,
                errors=errors,
                progress=progress,
                n_threads=n_threads,
            )
        )
        if not chunks:  # empty input: empty tables that still carry every column
            chunks = [self._run_chunk([], 0, errors, n_threads)]
        names = ("articles", *MENTION_TABLES, "errors")
        tables = {
            n: pa.concat_tables(
                _same_ids([c.tables[n] for c in chunks]), promote_options="permissive"
            )
            for n in names
        }
        return Result(**{n: _convert(t, output) for n, t in tables.items()})

    def iter_chunks(
        self,
        data: Any,
        *,
        ids: Iterable[Any] | None = None,
        references: Any = None,
        errors: ErrorPolicy = "raise",
        progress: bool | None = None,
        n_threads: int | None = None,
    ) -> Iterator[_Chunk]:
        """Run chunk by chunk, yielding each chunk's Arrow tables (bounded memory)."""
        if errors not in ("raise", "skip", "null"):
            raise OptionError(f"errors must be 'raise', 'skip' or 'null', got {errors!r}")
        rows, total = _rows(data, ids, references)
        bar = _progress(progress, total, self.chunk_size)
        position = 0
        id_type: pa.DataType | None = None
        try:
            while True:
                batch, broken = _take(rows, self.chunk_size)
                if broken is not None and errors != "raise":
                    # The rest of the file is one error row; the rows before it stay.
                    batch.append((None, Unreadable(str(broken)), None))
                if batch:
                    chunk = self._run_chunk(batch, position, errors, n_threads, id_type)
                    id_type = chunk.tables["articles"].schema.field("doc_id").type
                    position += len(batch)
                    if bar is not None:
                        bar.update(len(batch))
                    yield chunk
                if broken is not None and errors == "raise":
                    raise broken
                if broken is not None or not batch:
                    break
        finally:
            if bar is not None:
                bar.close()

    def _run_chunk(
        self,
        batch: list[tuple[Any, Any, Any]],
        position: int,
        errors: ErrorPolicy,
        n_threads: int | None,
        id_type: pa.DataType | None = None,
    ) -> _Chunk:
        good: list[int] = []
        good_texts: list[str] = []
        good_refs: list[str | None] = []
        bad: list[tuple[int, str]] = []
        for i, (doc_id, text, ref) in enumerate(batch):
            where = f"row {position + i} (doc_id {doc_id!r})"
            if not isinstance(text, str):
                reason = str(text) if isinstance(text, Unreadable) else _not_text(text)
                if errors == "raise":
                    raise InvalidTextError(f"{where}: {reason}", position + i)
                bad.append((i, reason))
                continue
            try:
                iso = _reference(ref)
            except OptionError as e:
                if errors == "raise":
                    raise OptionError(f"{where}: {e}", position + i) from None
                bad.append((i, str(e)))
                continue
            good.append(i)
            good_texts.append(str(text))
            good_refs.append(iso)

        cols = _run_pipeline(
            good_texts,
            references=good_refs,
            **self._stage_args(),
            n_threads=self.n_threads if n_threads is None else n_threads,
        )
        all_ids = _doc_ids([row[0] for row in batch], id_type)
        # Mention rows index the texts sent; a document that failed inside
        # akhbar has no rows and becomes an error like an unreadable input.
        sent_ids = all_ids.take(pa.array(good, type=pa.int64()))
        if cols["failed"]:
            failed = {good[row]: reason for row, reason in cols["failed"]}
            if errors == "raise":
                i = min(failed)
                raise InternalError(
                    f"row {position + i} (doc_id {batch[i][0]!r}): internal error: {failed[i]}",
                    position + i,
                )
            bad = sorted(bad + [(i, f"internal error: {r}") for i, r in failed.items()])
            good = [i for i in good if i not in failed]
        doc_ids = all_ids.take(pa.array(good, type=pa.int64()))
        bad_ids = all_ids.take(pa.array([i for i, _ in bad], type=pa.int64()))
        articles = _table(doc_ids, cols["articles"], _ARTICLE_TYPES)
        if errors == "null" and bad:
            articles = self._with_null_rows(articles, good, bad_ids, [i for i, _ in bad])
        tables = {"articles": articles}
        for name in MENTION_TABLES:
            m = cols.get(name)
            if m is None:
                tables[name] = self._empty_mentions(name, doc_ids.type)
            else:
                rows = _arrow(m["row"])
                tables[name] = _table(sent_ids.take(rows), m, _MENTION_TYPES[name])
        errors_found = {
            "position": [position + i for i, _ in bad],
            "error": [reason for _, reason in bad],
        }
        tables["errors"] = pa.table(
            {"doc_id": bad_ids}
            | {n: pa.array(errors_found[n], type=t) for n, t in _ERROR_TYPES.items()}
        )
        n_chars = pc.sum(_arrow(cols["articles"]["n_chars"])).as_py() or 0
        return _Chunk(tables, len(batch), n_chars)

    @staticmethod
    def _with_null_rows(
        articles: pa.Table, good: list[int], bad_ids: pa.Array, bad: list[int]
    ) -> pa.Table:
        nulls = pa.table(
            {
                name: (
                    bad_ids
                    if name == "doc_id"
                    else pa.nulls(len(bad), type=articles.schema.field(name).type)
                )
                for name in articles.column_names
            }
        )
        merged = pa.concat_tables([articles, nulls])
        order = pa.array(good + bad).to_numpy().argsort(kind="stable")
        return merged.take(pa.array(order))

    @staticmethod
    def _empty_mentions(name: str, id_type: pa.DataType) -> pa.Table:
        return pa.table(
            {"doc_id": pa.array([], type=id_type)}
            | {n: pa.array([], type=t) for n, t in _MENTION_TYPES[name].items()}
        )

    # ------------------------------------------------------------------ writing

    def write(
        self,
        data: Any,
        out_dir: str | Path,
        *,
        format: Literal["parquet", "csv", "jsonl"] = "parquet",
        ids: Iterable[Any] | None = None,
        references: Any = None,
        errors: ErrorPolicy = "skip",
        progress: bool | None = None,
        n_threads: int | None = None,
    ) -> dict[str, int]:
        """Stream ``data`` through the pipeline into ``out_dir/<table>.<format>``,
        one chunk in memory at a time; returns the row count of every table plus
        ``input`` (rows read) and ``chars``. ``references`` as for :meth:`process`.
        ``out_dir`` is created when missing; a file in its place raises
        :class:`akhbar.OutputExistsError` (a ``FileExistsError``).

        Examples
        --------
        >>> import tempfile
        >>> out = tempfile.mkdtemp()
        >>> Pipeline().write(["خبر", 7], out, format="csv", progress=False)["errors"]
        1
        """
        from akhbar.writers import TableWriter

        counts = {"input": 0, "chars": 0}
        with TableWriter(Path(out_dir), format) as writer:
            for chunk in self.iter_chunks(
                data,
                ids=ids,
                references=references,
                errors=errors,
                progress=progress,
                n_threads=n_threads,
            ):
                counts["input"] += chunk.n_input
                counts["chars"] += chunk.n_chars
                for name, table in chunk.tables.items():
                    writer.write(name, table)
                    counts[name] = counts.get(name, 0) + table.num_rows
        return counts

    # ------------------------------------------------------------------ pandas

    def map_partition(
        self,
        part: pd.Series | pd.DataFrame,
        table: str = "articles",
        text_column: str = "text",
        date_column: str | None = None,
    ) -> pd.DataFrame:
        """One table for a pandas partition (for Dask ``map_partitions``); ``doc_id`` is
        the partition's index. Runs on one thread: Dask's workers give the parallelism.
        ``date_column`` (a frame's) gives each article's reference date (see :meth:`process`).

        Examples
        --------
        >>> import pandas as pd
        >>> s = pd.Series(["خبر قصير"], index=[41])
        >>> Pipeline().map_partition(s)[["doc_id", "n_words"]].to_dict("records")
        [{'doc_id': 41, 'n_words': 2}]
        """
        series = part if not hasattr(part, "columns") else part[text_column]
        refs = None if date_column is None else part[date_column]
        result = self.process(series, references=refs, errors="null", progress=False, n_threads=1)
        frame: pd.DataFrame = getattr(result, table)
        return frame

    def meta(self, table: str = "articles") -> pd.DataFrame:
        """An empty frame with the columns and dtypes of ``table`` (Dask's ``meta``)."""
        import pandas as pd

        frame: pd.DataFrame = self.map_partition(pd.Series(["نص"], index=[0]), table).iloc[:0]
        return frame


def _concat_frames(frames: list[Any]) -> Any:
    """Concatenate non-empty pandas frames, or None when there are none."""
    if not frames:
        return None
    import pandas as pd

    return pd.concat(frames, ignore_index=True).sort_values("start", kind="stable")


def _not_text(obj: object) -> str:
    """Why ``obj`` is not an article text, in words a pandas user recognises."""
    if obj is None:
        return "missing text (None)"
    if isinstance(obj, float) and obj != obj:
        return "missing text (NaN)"
    return f"expected str, got {type(obj).__name__}"


def _rows(
    data: Any, ids: Iterable[Any] | None, references: Any
) -> tuple[Iterator[tuple[Any, Any, Any]], int | None]:
    """``(doc_id, text, reference)`` rows for any supported input, and the total when known."""
    rows, total = _input_rows(data, ids)
    if references is None:
        return rows, total
    if isinstance(data, Corpus) and data.date_column is not None:
        raise OptionError("give references or a corpus date_column, not both")
    if isinstance(references, str) or hasattr(references, "year"):
        iso = _reference(references)  # a bad date fails now, not once per row
        return ((i, t, iso) for i, t, _ in rows), total
    if not isinstance(references, Iterable):
        raise OptionError(
            "references must be a date, an ISO date string, or one per article, "
            f"got {type(references).__name__}"
        )
    values = _values(references)
    if total is not None and isinstance(values, Sized) and len(values) != total:
        raise OptionError(f"got {len(values)} references for {total} articles")
    return _with_references(rows, values), total


def _with_references(
    rows: Iterator[tuple[Any, Any, Any]], refs: Iterable[Any]
) -> Iterator[tuple[Any, Any, Any]]:
    """Each row with its reference; OptionError when the counts differ."""
    refs = iter(refs)
    end = object()
    n = 0
    for doc_id, text, _ in rows:
        ref = next(refs, end)
        if ref is end:
            raise OptionError(f"got {n} references for more articles")
        yield doc_id, text, ref
        n += 1
    if next(refs, end) is not end:
        raise OptionError(f"got more references than the {n} articles")


def _values(column: Any) -> Iterable[Any]:
    """The values of a list, pandas/polars Series or Arrow array, in order."""
    import pandas as pd

    values: Iterable[Any] = column
    if isinstance(column, (pa.Array, pa.ChunkedArray)):
        values = column.to_pylist()
    elif type(column).__module__.startswith("polars"):
        values = column.to_list()
    elif isinstance(column, pd.Series):
        values = column.to_numpy(dtype=object)
    return values


def _reference(value: Any) -> str | None:
    """A row's reference date as ``YYYY-MM-DD``; None when missing (None, NaN,
    NaT, an empty string); :class:`akhbar.OptionError` when it is not a date."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    kind = type(value).__name__
    if kind == "NaTType":  # pandas.NaT
        return None
    if kind == "datetime64":  # numpy: "2015-07-21T02:51:32.000000000" or "NaT"
        value = str(value)
    if isinstance(value, str):
        value = value.strip()
        if not value or value == "NaT":
            return None
    return _reference_date(value)


def _input_rows(
    data: Any, ids: Iterable[Any] | None
) -> tuple[Iterator[tuple[Any, Any, Any]], int | None]:
    """``(doc_id, text, date)`` rows for any supported input (``date`` from a
    corpus' ``date_column``, else None), and the total when known."""
    if isinstance(data, str):
        if os.path.exists(data):
            data = read_corpus(data)
        else:
            raise InvalidTextError("expected an iterable of str or a corpus path, got a str")
    if isinstance(data, Path):
        data = read_corpus(data)
    total: int | None = None
    if isinstance(data, Corpus):
        total = data.size_hint()
        rows: Iterator[tuple[Any, Any, Any]] = data.rows()
        if ids is not None:
            rows = ((i, t, d) for i, (_, t, d) in zip(ids, rows, strict=False))
        return rows, total
    import pandas as pd

    if ids is None and isinstance(data, pd.Series):
        ids = data.index
    texts = _values(data)
    if isinstance(texts, Sized):
        total = len(texts)
    if ids is None:
        return ((i, t, None) for i, t in enumerate(texts)), total
    return ((i, t, None) for i, t in zip(ids, texts, strict=True)), total


def _take(
    rows: Iterator[tuple[Any, Any, Any]], n: int
) -> tuple[list[tuple[Any, Any, Any]], CorpusError | None]:
    """Up to ``n`` rows, and the error of a corpus file that broke part-way."""
    batch: list[tuple[Any, Any, Any]] = []
    try:
        for row in itertools.islice(rows, n):
            batch.append(row)
    except CorpusError as e:
        return batch, e
    return batch, None


def _progress(progress: bool | None, total: int | None, chunk: int) -> Any:
    if progress is False:
        return None
    if progress is None and total is not None and total <= chunk:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="art", desc="akhbar", smoothing=0.1)
