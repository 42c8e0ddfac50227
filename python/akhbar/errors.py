"""The akhbar exception hierarchy.

Every error akhbar raises on purpose is an :class:`AkhbarError`, and also a
subclass of the builtin that fits, so ``except ValueError`` keeps working.
Errors about one row of a batch carry its position in ``index``.

Example
-------
>>> import akhbar
>>> try:
...     akhbar.normalize_batch(["نص", None])
... except akhbar.InvalidTextError as e:
...     print(e.index, isinstance(e, TypeError))
1 True
"""

from __future__ import annotations


class AkhbarError(Exception):
    """Base class of akhbar's errors; ``index`` is the bad row of a batch, or None."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


class InvalidTextError(AkhbarError, TypeError):
    """An input that is not a ``str`` (``None``, bytes, numbers ...)."""


class OptionError(AkhbarError, ValueError):
    """An unknown preset or option, or a bad option value or thread count."""


class OffsetError(AkhbarError, IndexError):
    """An offset outside the string an :class:`~akhbar.OffsetMap` describes."""


class ModelError(AkhbarError, ValueError):
    """A tagger model file that is corrupt, truncated or from an incompatible version."""


class CorpusError(AkhbarError, ValueError):
    """Bad content in an input file: a bad line in a CoNLL training/evaluation or
    clusters file, a news corpus that is not gzip or Parquet as named, lacks its text
    or id column, or breaks part-way (file and position named; ``index`` is the rows
    read)."""


class TrainingError(AkhbarError, ValueError):
    """Training data a tagger cannot learn from (no entities, more than 127 entity types)."""


class FileError(AkhbarError, OSError):
    """A file akhbar could not read or write (the path is in the message)."""


class InternalError(AkhbarError, RuntimeError):
    """A bug inside akhbar while processing one input (please report it with the input).

    In a batch, ``index`` is the row; :meth:`akhbar.Pipeline.process` with
    ``errors="skip"`` or ``"null"`` records it in the errors table instead.
    """


class CorpusNotFoundError(FileError, FileNotFoundError):
    """A corpus path that does not exist."""


class OutputExistsError(FileError, FileExistsError):
    """An output path already taken by something else (a file where a directory goes)."""
