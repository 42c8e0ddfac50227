"""Shared fixtures: the research data in ../shared/data, skipped cleanly when absent."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("AKHBAR_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data"
NEWS = DATA / "news" / "saudinewsnet.jsonl.gz"
ARTICLES = DATA / "articles" / "text"


def need(path: Path) -> Path:
    """Skip the test with a clear message when research data is not present."""
    if not path.exists():
        pytest.skip(f"research data not present: {path} (set AKHBAR_SHARED to the shared folder)")
    return path


def iter_news(limit: int | None = None) -> Iterator[str]:
    """Non-empty article texts of the SaudiNewsNet corpus, in file order."""
    with gzip.open(need(NEWS), "rt", encoding="utf-8") as fh:
        n = 0
        for line in fh:
            text = json.loads(line)["text"]
            if text:
                yield text
                n += 1
                if limit is not None and n >= limit:
                    return


@pytest.fixture(scope="session")
def news_sample() -> list[str]:
    """The first 3,000 non-empty articles of the news corpus."""
    return list(iter_news(3000))


def article(name: str) -> str:
    """One of the layout articles under ../shared/data/articles/text."""
    return (need(ARTICLES) / name).read_text(encoding="utf-8")
