"""The sample article shipped inside the package."""

from __future__ import annotations

from importlib.resources import files


def sample_article() -> str:
    """Return the bundled sample news article (written for akhbar, MIT licensed).

    Examples
    --------
    >>> sample_article().splitlines()[0]
    'افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في الساحل الشرقي'
    """
    return (
        files("akhbar").joinpath("data").joinpath("sample_article.txt").read_text(encoding="utf-8")
    )
