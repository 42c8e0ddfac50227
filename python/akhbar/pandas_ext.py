"""The ``.akhbar`` accessor on pandas Series: one batch call per Series.

Example
-------
>>> import pandas as pd
>>> import akhbar  # registers the accessor
>>> s = pd.Series(["إعلانُ القاهرة", "مستشفى"], index=["a", "b"])
>>> s.akhbar.normalize().to_dict()
{'a': 'اعلان القاهره', 'b': 'مستشفي'}
>>> s.akhbar.tokenize().map(len).to_dict()
{'a': 2, 'b': 1}
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from akhbar.text import normalize_batch, tokenize_batch


@pd.api.extensions.register_series_accessor("akhbar")
class AkhbarAccessor:
    """Batch akhbar operations on a Series of str; results keep the Series index.

    A row that is not a str raises :class:`akhbar.InvalidTextError` naming its
    position; use :class:`akhbar.Pipeline` with ``errors="null"`` to keep going.
    """

    def __init__(self, series: pd.Series) -> None:
        self._s = series

    def _texts(self) -> list[Any]:
        return list(self._s.to_numpy(dtype=object))

    def normalize(
        self, preset: str = "search", *, n_threads: int | None = None, **overrides: bool
    ) -> pd.Series:
        """Normalized text, see :func:`akhbar.normalize`."""
        out = normalize_batch(self._texts(), preset, n_threads=n_threads, **overrides)
        return pd.Series(out, index=self._s.index, name=self._s.name, dtype=object)

    def tokenize(self, *, clitics: bool = False, n_threads: int | None = None) -> pd.Series:
        """Lists of :class:`akhbar.Token`, see :func:`akhbar.tokenize`."""
        out = tokenize_batch(self._texts(), clitics=clitics, n_threads=n_threads)
        return pd.Series(out, index=self._s.index, name=self._s.name, dtype=object)

    def process(self, references: Any = None, **pipeline: Any) -> Any:
        """All tables of :meth:`akhbar.Pipeline.process`, ``doc_id`` = the index;
        ``references`` as there (e.g. the frame's date column).

        >>> import pandas as pd
        >>> pd.Series(["خبر قصير"], index=[7]).akhbar.process().articles["n_words"].tolist()
        [2]
        >>> s = pd.Series(["وصل الوفد أمس"])
        >>> s.akhbar.process(references=pd.Series(["2015-07-21"])).dates["value"].tolist()
        ['2015-07-20']
        """
        from akhbar.pipeline import Pipeline

        return Pipeline(**pipeline).process(self._s, references=references, progress=False)
