"""Every docstring example and the README quickstart run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import akhbar

MODULES = sorted(
    m.name for m in pkgutil.iter_modules(akhbar.__path__, "akhbar.") if m.name != "akhbar.__main__"
)

# Modules whose examples use an optional dependency (an extra of the package).
OPTIONAL = {"akhbar.summaries": "matplotlib"}


@pytest.mark.parametrize("name", ["akhbar", *MODULES])
def test_module_docstrings(name: str) -> None:
    if name in OPTIONAL:
        pytest.importorskip(OPTIONAL[name], reason=f"{name} examples need {OPTIONAL[name]}")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_readme_examples() -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    result = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted >= 5


def test_public_api_is_documented() -> None:
    import inspect

    for name in akhbar.__all__:
        obj = getattr(akhbar, name)
        if callable(obj):
            assert obj.__doc__, name
        if inspect.isfunction(obj):  # every public function shows an example that runs
            assert ">>>" in obj.__doc__, name
