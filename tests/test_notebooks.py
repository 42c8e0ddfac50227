"""The notebooks run top to bottom, and their outputs hold the expected tables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

# The notebooks are documents of the repository, run on its development kernel.
pytestmark = pytest.mark.source_tree

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

from conftest import NEWS, SHARED  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run(name: str) -> dict[str, Any]:
    """Execute a notebook in its folder; return its tagged cells by tag."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    os.environ.setdefault("AKHBAR_SHARED", str(SHARED))
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return {t: c for c in nb.cells for t in c.get("metadata", {}).get("tags", [])}


def text_of(cell: Any) -> str:
    """All plain-text output of a cell (stdout and text/plain results)."""
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out and "text/plain" in out.data:
            parts.append(out.data["text/plain"])
    return "\n".join(parts)


def html_of(cell: Any) -> str:
    return "\n".join(o.data["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))


@pytest.fixture(scope="module")
def quickstart() -> dict[str, Any]:
    return run("quickstart.ipynb")


def test_quickstart_fields_and_boilerplate(quickstart: dict[str, Any]) -> None:
    fields = text_of(quickstart["fields"]).splitlines()
    assert fields[0] == "افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في الساحل الشرقي"
    assert fields[1] == "2024-03-12 | اقتصاد وطاقة | أخبار الساحل | فريق التحرير"
    boiler = text_of(quickstart["boilerplate"])
    assert boiler.startswith("3 paragraphs;")
    assert "مشاركة: فيسبوك تويتر واتساب" in boiler


def test_quickstart_text_steps(quickstart: dict[str, Any]) -> None:
    assert "'مليار'" in text_of(quickstart["normalize"])
    tokens = text_of(quickstart["tokens"]).replace("\n", "")
    assert tokens.startswith("['و', 'قال', 'ال', 'مدير', 'ال', 'تنفيذي', 'ل', 'شركة'")
    assert "('سامي العتيبي', 'PERS')" in text_of(quickstart["entities"])
    dates = text_of(quickstart["dates"])
    assert "('اليوم الثلاثاء', '2024-03-12')" in dates and "'2022-01-15'" in dates
    assert "('١٫٢ مليار ريال', 1200000000, 'ريال')" in text_of(quickstart["numbers"])


def test_quickstart_tables_render_as_html(quickstart: dict[str, Any]) -> None:
    articles = html_of(quickstart["articles"])
    assert "<table" in articles and "أخبار الساحل" in articles and "2024-03-12" in articles
    entities = html_of(quickstart["entity-table"])
    assert "سامي العتيبي" in entities and "PERS" in entities


def test_corpus_notebook_tables_and_timeline() -> None:
    cells = run("corpus.ipynb")
    load = text_of(cells["load"])
    tables = text_of(cells["tables"])
    if NEWS.exists():
        assert load.startswith("SaudiNewsNet")
        assert load.startswith("SaudiNewsNet 3000 articles")
        assert "articles (3000, " in tables and "errors (0, " in tables
        top = html_of(cells["top"])
        # Places a reader of Saudi papers in mid-2015 expects near the top.
        assert "الرياض" in top and "ايران" in top
    else:
        assert load.startswith("bundled sample 1")
        assert "articles (1, " in tables
    assert "<table" in html_of(cells["cooccurrence"])
    timeline = cells["timeline"]
    assert any("image/png" in o.get("data", {}) for o in timeline.outputs)
