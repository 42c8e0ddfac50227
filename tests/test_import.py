"""Importing akhbar stays light: pandas and pyarrow load only when a table is asked for."""

from __future__ import annotations

import subprocess
import sys


def python(code: str) -> list[str]:
    """Run code in a fresh interpreter; its printed lines."""
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


def test_import_leaves_pandas_and_pyarrow_out() -> None:
    out = python(
        "import sys, akhbar\n"
        "print(akhbar.normalize('أخبارٌ'))\n"
        "print(akhbar.extract('قال باراك أوباما')[0].label)\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))"
    )
    assert out == ["اخبار", "PERS", "[]"]


def test_pipeline_loads_the_table_libraries_on_first_use() -> None:
    out = python(
        "import sys, akhbar\n"
        "print('Pipeline' in dir(akhbar), 'pyarrow' in sys.modules)\n"
        "result = akhbar.Pipeline().process(['خبر قصير'], progress=False)\n"
        "print(result.articles['n_words'].tolist(), 'pandas' in sys.modules)\n"
        "from akhbar import Result\n"
        "print(isinstance(result, Result), akhbar.Pipeline.__module__)"
    )
    assert out == ["True False", "[2] True", "True akhbar.pipeline"]


def test_series_accessor_whichever_is_imported_first() -> None:
    use = "print(pd.Series(['إعلانُ القاهرة'], index=['a']).akhbar.normalize().to_dict())"
    expected = ["{'a': 'اعلان القاهره'}"]
    assert python(f"import akhbar\nimport pandas as pd\n{use}") == expected
    assert python(f"import pandas as pd\nimport akhbar\n{use}") == expected


def test_unknown_attribute_is_an_attribute_error() -> None:
    out = python(
        "import akhbar\ntry:\n    akhbar.no_such_thing\nexcept AttributeError as e:\n    print(e)"
    )
    assert out == ["module 'akhbar' has no attribute 'no_such_thing'"]
