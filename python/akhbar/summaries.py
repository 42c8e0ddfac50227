"""Corpus summaries from the pipeline's pandas tables: top entities, co-occurrence, timelines.

The functions read the table shapes the pipeline produces:

- ``entities``: ``doc_id, start, end, text, label`` and, when the stages give
  them, ``normalized, key, score`` (only ``doc_id``, ``label``, ``text`` are required);
- ``articles``: ``doc_id`` (or ``id``, or the index), ``published``, ...

An entity is counted under ``(label, key)`` where the key is the ``by`` column:
by default ``normalized`` when the table has it, else ``text``; a missing key
falls back to ``text``. The plot helper needs matplotlib ≥ 3.11
(``pip install "akhbar[plot]"``), the first release that shapes Arabic text.

Examples
--------
>>> import pandas as pd
>>> ents = pd.DataFrame({
...     "doc_id": [1, 1, 2, 2, 2],
...     "text": ["الرياض", "أرامكو", "الرياض", "الرياض", "جدة"],
...     "normalized": ["الرياض", "ارامكو", "الرياض", "الرياض", "جدة"],
...     "label": ["LOC", "ORG", "LOC", "LOC", "LOC"],
... })
>>> top_entities(ents, n=1)[["label", "entity", "mentions", "articles"]]
  label  entity  mentions  articles
0   LOC  الرياض         3         2
1   ORG  ارامكو         1         1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import pandas as pd

from akhbar.errors import OptionError
from akhbar.render import LABEL_NAMES

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["cooccurrence", "mentions_over_time", "plot_mentions_over_time", "top_entities"]

_LABEL_ORDER = {label: i for i, label in enumerate(LABEL_NAMES)}


def _keyed(entities: pd.DataFrame, by: str | None, labels: Sequence[str] | None) -> pd.DataFrame:
    """``doc_id, label, entity`` rows, with the key column chosen by ``by``."""
    if not isinstance(entities, pd.DataFrame):
        raise OptionError(f"entities must be a pandas DataFrame, got {type(entities).__name__}")
    if by is None:
        by = "normalized" if "normalized" in entities.columns else "text"
    missing = {"doc_id", "label", "text"} - set(entities.columns)
    if by != "text" and by not in entities.columns:
        missing.add(by)
    if missing:
        raise OptionError(f"entities table lacks column(s) {sorted(missing)}")
    key = (
        entities["text"]
        if by == "text"
        else entities[by].where(entities[by].notna(), entities["text"])
    )
    out = pd.DataFrame(
        {"doc_id": entities["doc_id"], "label": entities["label"].astype(str), "entity": key}
    )
    out = out[out["entity"].notna()]
    out["entity"] = out["entity"].astype(str)
    if labels is not None:
        out = out.loc[out["label"].isin(list(labels))]
    result: pd.DataFrame = out
    return result


def _label_rank(labels: pd.Series) -> pd.Series:
    return labels.map(lambda s: _LABEL_ORDER.get(s, len(_LABEL_ORDER)))


def top_entities(
    entities: pd.DataFrame,
    n: int = 10,
    *,
    by: str | None = None,
    labels: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The ``n`` most mentioned entities of each label.

    Returns a table ``label, entity, mentions, articles`` (``articles``: how many
    distinct ``doc_id`` mention it), labels in the order PERS, LOC, ORG, MISC,
    DATE ..., then by mentions, articles and entity, so ties are broken the
    same way every time.

    Examples
    --------
    >>> import pandas as pd
    >>> ents = pd.DataFrame({"doc_id": [7, 7, 8], "text": ["مصر", "مصر", "القاهرة"],
    ...                      "label": ["LOC", "LOC", "LOC"]})
    >>> top_entities(ents).values.tolist()
    [['LOC', 'مصر', 2, 1], ['LOC', 'القاهرة', 1, 1]]
    """
    if n < 1:
        raise OptionError(f"n must be ≥ 1, got {n}")
    k = _keyed(entities, by, labels)
    g = k.groupby(["label", "entity"], sort=False)["doc_id"]
    out = pd.DataFrame({"mentions": g.size(), "articles": g.nunique()}).reset_index()
    out["_rank"] = _label_rank(out["label"])
    out = out.sort_values(
        ["_rank", "label", "mentions", "articles", "entity"],
        ascending=[True, True, False, False, True],
        kind="stable",
    )
    out = out.groupby("label", sort=False).head(n).drop(columns="_rank")
    result: pd.DataFrame = out.reset_index(drop=True)
    typed: pd.DataFrame = result.astype({"mentions": "int64", "articles": "int64"})
    return typed


def cooccurrence(
    entities: pd.DataFrame,
    *,
    by: str | None = None,
    labels: Sequence[str] | None = None,
    top: int | None = 50,
    min_articles: int = 1,
) -> pd.DataFrame:
    """How many articles mention both entities of a pair.

    Returns ``label_a, entity_a, label_b, entity_b, articles``, one row per
    unordered pair (``(label_a, entity_a) < (label_b, entity_b)``), most shared
    first. Only the ``top`` entities by article count take part (``None``: all;
    the pair count grows with the square of the entities per article).

    Examples
    --------
    >>> import pandas as pd
    >>> ents = pd.DataFrame({"doc_id": [1, 1, 2, 2, 3],
    ...     "text": ["الرياض", "أرامكو", "الرياض", "أرامكو", "الرياض"],
    ...     "label": ["LOC", "ORG", "LOC", "ORG", "LOC"]})
    >>> cooccurrence(ents).values.tolist()
    [['LOC', 'الرياض', 'ORG', 'أرامكو', 2]]
    """
    if top is not None and top < 1:
        raise OptionError(f"top must be ≥ 1 or None, got {top}")
    k = _keyed(entities, by, labels)[["doc_id", "label", "entity"]].drop_duplicates()
    if top is not None:
        counts = k.groupby(["label", "entity"]).size().reset_index(name="n")
        counts = counts.sort_values(
            ["n", "label", "entity"], ascending=[False, True, True], kind="stable"
        ).head(top)
        k = k.merge(counts[["label", "entity"]], on=["label", "entity"])
    pairs = k.merge(k, on="doc_id", suffixes=("_a", "_b"))
    pairs = pairs[
        (pairs["label_a"] < pairs["label_b"])
        | ((pairs["label_a"] == pairs["label_b"]) & (pairs["entity_a"] < pairs["entity_b"]))
    ]
    out = (
        pairs.groupby(["label_a", "entity_a", "label_b", "entity_b"])["doc_id"]
        .nunique()
        .reset_index(name="articles")
    )
    out = out[out["articles"] >= min_articles]
    out = out.sort_values(
        ["articles", "label_a", "entity_a", "label_b", "entity_b"],
        ascending=[False, True, True, True, True],
        kind="stable",
    )
    result: pd.DataFrame = out.reset_index(drop=True)
    typed: pd.DataFrame = result.astype({"articles": "int64"})
    return typed


def mentions_over_time(
    entities: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str = "M",
    by: str | None = None,
    labels: Sequence[str] | None = None,
    keys: Sequence[str] | None = None,
    top: int = 5,
    count: Literal["mentions", "articles"] = "mentions",
) -> pd.DataFrame:
    """Mentions (or mentioning articles) of entities per period, dated by ``published``.

    Parameters
    ----------
    entities, articles
        The pipeline's tables; ``entities.doc_id`` refers to ``articles.doc_id``
        (or ``articles.id``, or the index of ``articles``).
    freq
        A pandas period alias: ``"D"``, ``"W"``, ``"M"`` (default), ``"Q"``, ``"Y"``.
    keys
        The entities to follow; by default the ``top`` most mentioned.
    count
        ``"mentions"`` or ``"articles"`` (distinct articles per period).

    Returns
    -------
    A table indexed by the first day of each period, every period from the
    first to the last dated article (zeros included), one column per entity.
    Dates with a UTC offset are converted to UTC. Mentions in articles without
    a parseable date are left out and counted in ``result.attrs["undated"]``.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"doc_id": [1, 2, 3],
    ...     "published": pd.to_datetime(["2015-01-05", "2015-03-02", None])})
    >>> ents = pd.DataFrame({"doc_id": [1, 2, 2, 3], "label": ["LOC"] * 4,
    ...     "text": ["جدة", "جدة", "جدة", "جدة"]})
    >>> t = mentions_over_time(ents, arts)
    >>> t["جدة"].tolist(), t.index.strftime("%Y-%m").tolist(), t.attrs["undated"]
    ([1, 0, 2], ['2015-01', '2015-02', '2015-03'], 1)
    """
    if count not in ("mentions", "articles"):
        raise OptionError(f"count must be 'mentions' or 'articles', got {count!r}")
    if "published" not in articles.columns:
        raise OptionError("articles table lacks column 'published'")
    k = _keyed(entities, by, labels)
    if "doc_id" in articles.columns:
        ids = articles["doc_id"]
    elif "id" in articles.columns:
        ids = articles["id"]
    else:
        ids = articles.index.to_series()
    published = articles["published"]
    if not pd.api.types.is_datetime64_any_dtype(published):
        published = pd.to_datetime(published, errors="coerce", utc=True, format="ISO8601")
    if getattr(published.dt, "tz", None) is not None:
        published = published.dt.tz_convert("UTC").dt.tz_localize(None)
    dates = pd.Series(published.to_numpy(), index=ids.to_numpy())
    dates = dates[~dates.index.duplicated()]
    k = k.assign(date=k["doc_id"].map(dates))
    undated = int(k["date"].isna().sum())
    k = k[k["date"].notna()]
    if keys is None:
        keys = (
            k["entity"]
            .value_counts()
            .sort_index()
            .sort_values(ascending=False, kind="stable")
            .index[:top]
            .tolist()
        )
    keys = list(keys)
    k = k[k["entity"].isin(keys)]
    k = k.assign(period=k["date"].dt.to_period(freq))
    if count == "mentions":
        table = k.groupby(["period", "entity"]).size().unstack("entity")
    else:
        table = k.groupby(["period", "entity"])["doc_id"].nunique().unstack("entity")
    dated = dates.dropna()
    if len(dated):
        first, last = dated.min().to_period(freq), dated.max().to_period(freq)
        table = table.reindex(pd.period_range(first, last, freq=first.freq))
    table = table.reindex(columns=keys).fillna(0).astype("int64")
    table.index = table.index.to_timestamp() if len(table) else pd.DatetimeIndex([])
    table.index.name = "period"
    table.columns.name = "entity"
    table.attrs["undated"] = undated
    result: pd.DataFrame = table
    return result


def plot_mentions_over_time(
    timeline: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None
) -> Figure:
    """Plot a :func:`mentions_over_time` table as one line per entity; returns the Figure.

    Uses matplotlib's object API (no pyplot state); in Jupyter the returned
    Figure displays itself. Arabic names are shaped by matplotlib ≥ 3.11.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"جدة": [1, 0, 2]},
    ...                  index=pd.date_range("2015-01-01", periods=3, freq="MS"))
    >>> fig = plot_mentions_over_time(t, title="جدة")
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['جدة']
    """
    try:
        from matplotlib.figure import Figure
    except ImportError as e:  # pragma: no cover - exercised only without matplotlib
        raise ImportError('plotting needs matplotlib ≥ 3.11: pip install "akhbar[plot]"') from e
    if ax is None:
        fig = Figure(figsize=(8, 3.5), layout="constrained")
        ax = fig.add_subplot()
    else:
        parent = ax.get_figure()
        if not isinstance(parent, Figure):
            raise OptionError("ax must belong to a matplotlib Figure")
        fig = parent
    for column in timeline.columns:
        ax.plot(timeline.index, timeline[column], marker="o", markersize=3, label=str(column))
    ax.set_ylabel("mentions")
    if title:
        ax.set_title(title)
    if len(timeline.columns):
        ax.legend(loc="upper left", fontsize="small")
    ax.grid(alpha=0.3)
    return fig
