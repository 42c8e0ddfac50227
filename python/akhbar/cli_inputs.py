"""The input files of the ``akhbar`` subcommands: named files, or stdin when none or ``-``.

Examples
--------
>>> [name for name, _ in inputs([])]
['<stdin>']
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TextIO


def inputs(paths: Sequence[str]) -> Iterator[tuple[str, TextIO]]:
    """Each input as ``(name, open text file)``: stdin when ``paths`` is empty or ``["-"]``.

    Files are read as UTF-8; undecodable bytes are kept as surrogate escapes,
    which akhbar's functions take like any lone surrogate.
    """
    if not paths or paths == ["-"]:
        yield "<stdin>", sys.stdin
        return
    for p in paths:
        with open(p, encoding="utf-8", errors="surrogateescape") as fh:
            yield p, fh
