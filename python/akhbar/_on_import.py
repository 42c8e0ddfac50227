"""Run a function once a module has been imported, without importing it now.

akhbar registers its ``Series.akhbar`` accessor this way, so that ``import akhbar`` does not
import pandas. (wrapt's post-import hooks do the same, but importing wrapt pulls in asyncio
and importlib.metadata: some 170 modules, more than akhbar itself.)

Example
-------
>>> import sys
>>> from akhbar._on_import import on_import
>>> seen = []
>>> on_import("json", lambda: seen.append("json" in sys.modules))   # already imported: runs now
>>> seen
[True]
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any


def on_import(name: str, callback: Callable[[], object]) -> None:
    """Call ``callback()`` after module ``name`` is imported; at once if it already is."""
    if name in sys.modules:
        callback()
    else:
        sys.meta_path.insert(0, _Finder(name, callback))


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the module through the other finders and wraps its loader; used once."""

    def __init__(self, name: str, callback: Callable[[], object]) -> None:
        self._name = name
        self._callback = callback

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != self._name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is not None and spec.loader is not None:
            spec.loader = _ThenCall(spec.loader, self._callback)
        return spec


class _ThenCall(importlib.abc.Loader):
    """The module's own loader, then the callback; the module keeps its own loader after."""

    def __init__(self, loader: importlib.abc.Loader, callback: Callable[[], object]) -> None:
        self._loader = loader
        self._callback = callback

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        self._callback()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)
