"""Streaming table writers: Parquet, CSV and JSONL, one file per table.

Each chunk is appended as it comes, so writing never holds more than a chunk.

Example
-------
>>> import pyarrow as pa, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with TableWriter(out, "jsonl") as w:
...     w.write("articles", pa.table({"doc_id": [1], "title": ["خبر"]}))
>>> (out / "articles.jsonl").read_text("utf-8")
'{"doc_id": 1, "title": "خبر"}\\n'
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyarrow as pa

from akhbar.errors import FileError, OptionError, OutputExistsError

FORMATS = ("parquet", "csv", "jsonl")


class TableWriter:
    """Append Arrow tables to ``out_dir/<name>.<format>`` files, by table name."""

    def __init__(self, out_dir: Path, format: str) -> None:
        if format not in FORMATS:
            raise OptionError(f"format must be one of {FORMATS}, got {format!r}")
        self.out_dir = out_dir
        self.format = format
        self._open: dict[str, Any] = {}
        self._schemas: dict[str, pa.Schema] = {}
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError as e:
            raise OutputExistsError(f"{out_dir}: exists and is not a directory") from e
        except OSError as e:
            raise FileError(f"{out_dir}: cannot create the output directory ({e})") from e

    def path(self, name: str) -> Path:
        """The file a table goes to."""
        return self.out_dir / f"{name}.{self.format}"

    def write(self, name: str, table: pa.Table) -> None:
        """Append ``table`` to the file of ``name`` (created on first write)."""
        if name in self._schemas:
            try:
                table = table.cast(self._schemas[name])
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as e:
                raise OptionError(
                    f"{name}: a chunk's columns do not match the first chunk's "
                    f"(ids of mixed types? pass ids of one type): {e}"
                ) from e
        else:
            self._schemas[name] = table.schema
        if self.format == "jsonl":
            fh = self._open.get(name)
            if fh is None:
                # Kept open across chunks and closed by close(): no `with` here.
                fh = open(self.path(name), "w", encoding="utf-8")  # noqa: SIM115
                self._open[name] = fh
            _write_jsonl(fh, table)
            return
        writer = self._open.get(name)
        if writer is None:
            if self.format == "parquet":
                import pyarrow.parquet as pq

                # Long unique texts gain nothing from dictionary encoding and
                # make the writer hold large dictionaries: plain-encode them.
                long_text = {"body", "normalized", "title", "subtitle", "text"}
                writer = pq.ParquetWriter(
                    self.path(name),
                    table.schema,
                    use_dictionary=[c for c in table.schema.names if c not in long_text],
                )
            else:
                import pyarrow.csv as pcsv

                writer = pcsv.CSVWriter(self.path(name), table.schema)
            self._open[name] = writer
        writer.write_table(table)

    def close(self) -> None:
        """Close every file."""
        for w in self._open.values():
            w.close()
        self._open.clear()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _write_jsonl(fh: IO[str], table: pa.Table) -> None:
    for row in table.to_pylist():
        fh.write(json.dumps(row, ensure_ascii=False, default=str))
        fh.write("\n")
