"""Reading corpora from disk in bounded memory: directories, JSONL, CSV, Parquet.

A :class:`Corpus` is a lazy, re-iterable view of ``(doc_id, text)`` pairs. Files are
streamed chunk by chunk, so a 10 GB JSONL file is never loaded whole. A row that
cannot be read (a broken JSON line, a missing text field) is not dropped: it comes
through as an :class:`Unreadable` value that the pipeline reports in its errors
table (or raises, by the caller's error policy).

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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from akhbar.errors import CorpusError, FileError, OptionError

TEXT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class Unreadable:
    """A row that could not be read; ``reason`` says why and where."""

    reason: str

    def __str__(self) -> str:
        return self.reason


def _open_text(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline="")
    return open(path, encoding="utf-8", errors="surrogateescape", newline="")


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


@dataclass(frozen=True)
class Corpus:
    """A corpus on disk, read lazily as ``(doc_id, text)`` pairs.

    ``doc_id`` is the ``id_column`` value when given, else the file's relative path
    (directories), else the row number (0-based) in the file.
    """

    path: Path
    text_column: str = "text"
    id_column: str | None = None

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        kind = _kind(self.path)
        if kind == "dir":
            yield from self._dir()
        elif kind == "text":
            yield self.path.name, self.path.read_text(encoding="utf-8", errors="surrogateescape")
        elif kind == "jsonl":
            yield from self._jsonl()
        elif kind in ("csv", "tsv"):
            yield from self._csv(delimiter="\t" if kind == "tsv" else ",")
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
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(self.path).metadata.num_rows)
        return None

    def _files(self) -> Iterator[Path]:
        for f in sorted(self.path.rglob("*")):
            if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES:
                yield f

    def _dir(self) -> Iterator[tuple[Any, Any]]:
        for f in self._files():
            rel = f.relative_to(self.path).as_posix()
            try:
                yield rel, f.read_text(encoding="utf-8", errors="surrogateescape")
            except OSError as e:
                yield rel, Unreadable(f"{f}: {e}")

    def _pick(self, row: dict[str, Any], n: int, where: str) -> tuple[Any, Any]:
        doc_id = row.get(self.id_column, n) if self.id_column else n
        if self.text_column not in row:
            return doc_id, Unreadable(f"{where}: no {self.text_column!r} field")
        return doc_id, row[self.text_column]

    def _jsonl(self) -> Iterator[tuple[Any, Any]]:
        with _open_text(self.path) as fh:
            n = 0
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{self.path}:{lineno}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    yield n, Unreadable(f"{where}: invalid JSON ({e.msg})")
                else:
                    if isinstance(row, dict):
                        yield self._pick(row, n, where)
                    else:
                        yield n, Unreadable(f"{where}: not a JSON object")
                n += 1

    def _csv(self, delimiter: str) -> Iterator[tuple[Any, Any]]:
        csv.field_size_limit(sys.maxsize)
        with _open_text(self.path) as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            for n, row in enumerate(reader):
                yield self._pick(row, n, f"{self.path}: row {n + 1}")

    def _parquet(self) -> Iterator[tuple[Any, Any]]:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(self.path)
        columns = [self.text_column] + ([self.id_column] if self.id_column else [])
        missing = [c for c in columns if c not in pf.schema_arrow.names]
        if missing:
            names = pf.schema_arrow.names
            raise CorpusError(f"{self.path}: no column {missing[0]!r} (has {names})")
        n = 0
        for batch in pf.iter_batches(batch_size=4096, columns=columns):
            texts = batch.column(self.text_column).to_pylist()
            if self.id_column:
                ids = batch.column(self.id_column).to_pylist()
            else:
                ids = list(range(n, n + len(texts)))
            n += len(texts)
            yield from zip(ids, texts, strict=True)


def read_corpus(
    path: str | Path, *, text_column: str = "text", id_column: str | None = None
) -> Corpus:
    """Open a corpus for streaming: a directory of .txt/.html files, a JSONL, CSV/TSV
    or Parquet file (``.gz`` allowed for text formats).

    Nothing is read until the corpus is iterated; iterate it again to re-read.

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
        raise FileError(f"corpus not found: {p}")
    _kind(p)  # fail early on an unknown format
    return Corpus(p, text_column=text_column, id_column=id_column)
