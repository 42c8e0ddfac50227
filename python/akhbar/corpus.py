"""Reading corpora from disk in bounded memory: directories, JSONL, CSV, Parquet.

A :class:`Corpus` is a lazy, re-iterable view of ``(doc_id, text)`` pairs. Files are
streamed chunk by chunk, so a 10 GB JSONL file is never loaded whole. A row that
cannot be read (a broken JSON line, one nested too deeply, a missing text or id
field) is not dropped: it comes through as an :class:`Unreadable` value that the
pipeline reports in its errors table (or raises, by the caller's error policy); its
``doc_id`` is None when ids come from ``id_column``, so ids keep one type.

A file that breaks part-way (a truncated ``.gz``, a corrupt Parquet row group)
raises :class:`akhbar.CorpusError` naming the file and the rows read before the
break, which were all yielded. Problems knowable up front (a ``.gz`` that is not
gzip, a Parquet file that is corrupt or lacks the text or id column, a CSV header
without them) raise it from :func:`read_corpus` itself.

Example
-------
>>> import json, pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> rows = [{"id": "a", "text": "خبر أول"}, {"id": "b", "text": "خبر ثان"}]
>>> _ = (d / "news.jsonl").write_text("\\n".join(json.dumps(r) for r in rows), "utf-8")
>>> corpus = read_corpus(d / "news.jsonl", id_column="id")
>>> list(corpus)
[('a', 'خبر أول'), ('b', 'خبر ثان')]
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from akhbar.errors import CorpusError, CorpusNotFoundError, OptionError

if TYPE_CHECKING:
    import pyarrow.parquet as pq

TEXT_SUFFIXES = (".txt", ".html", ".htm")
_DELIMITERS = {"csv": ",", "tsv": "\t"}


@dataclass(frozen=True)
class Unreadable:
    """A row that could not be read; ``reason`` says why and where."""

    reason: str

    def __str__(self) -> str:
        return self.reason


def _open_text(path: Path, newline: str | None = "") -> IO[str]:
    """Open a text file, gzipped when its name ends in ``.gz``; ``newline`` as for ``open``."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline=newline)
    return open(path, encoding="utf-8", errors="surrogateescape", newline=newline)


def _kind(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    if path.is_dir():
        return "dir"
    for suffix, kind in (
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".csv", "csv"),
        (".tsv", "tsv"),
        (".parquet", "parquet"),
        (".txt", "text"),
        (".html", "text"),
        (".htm", "text"),
    ):
        if name.endswith(suffix):
            return kind
    raise OptionError(f"{path}: unknown corpus format (use a directory, .jsonl, .csv, .parquet)")


#: What reading a broken file raises part-way: truncated or corrupt gzip, I/O
#: errors, malformed CSV, corrupt Parquet data.
_BROKEN = (EOFError, OSError, zlib.error, csv.Error, ValueError)


def _check_gzip(path: Path) -> None:
    """Raise CorpusError when a ``.gz`` file does not start like gzip."""
    if path.name.endswith(".gz"):
        with open(path, "rb") as fh:
            magic = fh.read(2)
        if magic and magic != b"\x1f\x8b":
            raise CorpusError(f"{path}: not a gzip file (it does not start with gzip's magic)")


def _parquet_file(path: Path, columns: list[str]) -> pq.ParquetFile:
    """Open a Parquet file that has ``columns``, or raise CorpusError."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as e:
        raise CorpusError(f"{path}: not a readable Parquet file ({e})") from e
    missing = [c for c in columns if c not in pf.schema_arrow.names]
    if missing:
        raise CorpusError(f"{path}: no column {missing[0]!r} (has {pf.schema_arrow.names})")
    return pf


def _csv_header(path: Path, delimiter: str) -> list[str] | None:
    """The header of a CSV/TSV file (None when the file is empty)."""
    try:
        with _open_text(path) as fh:
            return next(csv.reader(fh, delimiter=delimiter), None)
    except _BROKEN as e:
        raise CorpusError(f"{path}: unreadable header ({e})") from e


@dataclass(frozen=True)
class Corpus:
    """A corpus on disk, read lazily as ``(doc_id, text)`` pairs.

    ``doc_id`` is the ``id_column`` value when given (None for a row that cannot
    be read or has no id), else the file's relative path (directories), else the
    row number (0-based) in the file. With a ``date_column``, :meth:`rows` also
    gives each row's date (the pipeline resolves relative dates against it).
    """

    path: Path
    text_column: str = "text"
    id_column: str | None = None
    date_column: str | None = None

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        for doc_id, text, _ in self.rows():
            yield doc_id, text

    def rows(self) -> Iterator[tuple[Any, Any, Any]]:
        """``(doc_id, text, date)`` triples; ``date`` is the ``date_column`` value as
        stored (None without the column, or where a row lacks the field)."""
        kind = _kind(self.path)
        n = 0
        try:
            for row in self._rows(kind):
                yield row
                n += 1
        except _BROKEN as e:
            if isinstance(e, CorpusError):
                raise
            raise CorpusError(f"{self.path}: unreadable after {n} rows ({e!r})", n) from e

    def check(self) -> None:
        """Raise :class:`akhbar.CorpusError` for what is wrong before reading a row."""
        kind = _kind(self.path)
        if self.date_column is not None and kind in ("dir", "text"):
            raise OptionError(
                f"{self.path}: a date column needs a JSONL, CSV or Parquet corpus "
                f"(got {'a directory' if kind == 'dir' else 'a text file'})"
            )
        if kind == "dir":
            return
        _check_gzip(self.path)
        if kind == "parquet":
            _parquet_file(self.path, self._file_columns())
        elif kind in ("csv", "tsv"):
            header = _csv_header(self.path, _DELIMITERS[kind])
            missing = [c for c in self._file_columns() if header is not None and c not in header]
            if missing:
                raise CorpusError(f"{self.path}: no column {missing[0]!r} (has {header})")

    def _columns(self) -> list[str]:
        """The columns every row needs (a row may lack the date column's field)."""
        return [self.text_column] + ([self.id_column] if self.id_column else [])

    def _file_columns(self) -> list[str]:
        """The columns a CSV or Parquet file must have: a typo in the date column's
        name fails up front instead of leaving every row without a date."""
        return self._columns() + ([self.date_column] if self.date_column else [])

    def _rows(self, kind: str) -> Iterator[tuple[Any, Any, Any]]:
        if kind == "dir":
            yield from self._dir()
        elif kind == "text":
            with _open_text(self.path, newline=None) as fh:  # as Path.read_text reads
                yield self.path.name, fh.read(), None
        elif kind == "jsonl":
            yield from self._jsonl()
        elif kind in ("csv", "tsv"):
            yield from self._csv(delimiter=_DELIMITERS[kind])
        else:
            yield from self._parquet()

    def size_hint(self) -> int | None:
        """The number of documents when it is cheap to know (directories, Parquet)."""
        kind = _kind(self.path)
        if kind == "dir":
            return sum(1 for _ in self._files())
        if kind == "text":
            return 1
        if kind == "parquet":
            return int(_parquet_file(self.path, []).metadata.num_rows)
        return None

    def _files(self) -> Iterator[Path]:
        for f in sorted(self.path.rglob("*")):
            if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES:
                yield f

    def _dir(self) -> Iterator[tuple[Any, Any, Any]]:
        for f in self._files():
            rel = f.relative_to(self.path).as_posix()
            try:
                yield rel, f.read_text(encoding="utf-8", errors="surrogateescape"), None
            except OSError as e:
                yield rel, Unreadable(f"{f}: {e}"), None

    def _unreadable(self, n: int, reason: str) -> tuple[Any, Unreadable, None]:
        """A row that cannot be read: no id when ids come from a column."""
        return (None if self.id_column else n), Unreadable(reason), None

    def _pick(self, row: dict[str, Any], n: int, where: str) -> tuple[Any, Any, Any]:
        for column in self._columns():
            if column not in row:
                return self._unreadable(n, f"{where}: no {column!r} field")
        doc_id = row[self.id_column] if self.id_column else n
        date = row.get(self.date_column) if self.date_column else None
        return doc_id, row[self.text_column], date

    def _jsonl(self) -> Iterator[tuple[Any, Any, Any]]:
        with _open_text(self.path) as fh:
            n = 0
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{self.path}:{lineno}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    yield self._unreadable(n, f"{where}: invalid JSON ({e.msg})")
                except RecursionError:
                    yield self._unreadable(n, f"{where}: JSON nested too deeply")
                else:
                    if isinstance(row, dict):
                        yield self._pick(row, n, where)
                    else:
                        yield self._unreadable(n, f"{where}: not a JSON object")
                n += 1

    def _csv(self, delimiter: str) -> Iterator[tuple[Any, Any, Any]]:
        csv.field_size_limit(sys.maxsize)
        with _open_text(self.path) as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            for n, row in enumerate(reader):
                yield self._pick(row, n, f"{self.path}: row {n + 1}")

    def _parquet(self) -> Iterator[tuple[Any, Any, Any]]:
        columns = self._file_columns()
        pf = _parquet_file(self.path, columns)
        n = 0
        for batch in pf.iter_batches(batch_size=4096, columns=columns):
            texts = batch.column(self.text_column).to_pylist()
            if self.id_column:
                ids = batch.column(self.id_column).to_pylist()
            else:
                ids = list(range(n, n + len(texts)))
            if self.date_column:
                dates = batch.column(self.date_column).to_pylist()
            else:
                dates = [None] * len(texts)
            n += len(texts)
            yield from zip(ids, texts, dates, strict=True)


def read_corpus(
    path: str | Path,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    date_column: str | None = None,
) -> Corpus:
    """Open a corpus for streaming: a directory of .txt/.html files, a JSONL, CSV/TSV
    or Parquet file (``.gz`` allowed for text formats).

    ``date_column`` names each row's publication date (an ISO string such as
    ``"2015-07-21"`` or ``"2015-07-21 02:51:32"``, or a date/datetime value); the
    pipeline resolves the article's relative dates ("أمس", "العام الماضي") against
    it. A JSONL row without the field, and an empty or null value, is a row
    without a date.

    Nothing is read until the corpus is iterated (iterate it again to re-read),
    except what shows a file cannot be read: a missing path raises
    :class:`akhbar.CorpusNotFoundError`, an unknown format (or a date column for
    a directory or text file) :class:`akhbar.OptionError`, a ``.gz`` that is not
    gzip, a corrupt Parquet file or a missing text/id/date column
    :class:`akhbar.CorpusError`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "b.txt").write_text("نص ثان", "utf-8")
    >>> _ = (d / "a.txt").write_text("نص أول", "utf-8")
    >>> list(read_corpus(d))
    [('a.txt', 'نص أول'), ('b.txt', 'نص ثان')]
    """
    p = Path(path)
    if not p.exists():
        raise CorpusNotFoundError(f"corpus not found: {p}")
    corpus = Corpus(p, text_column=text_column, id_column=id_column, date_column=date_column)
    corpus.check()
    return corpus
