"""Where a BERT checkpoint's files are: a local folder, the Hugging Face cache, or the hub.

:meth:`akhbar.Tagger.from_pretrained` calls :func:`resolve_model`. A folder path
is used as is. A hub id (``"CAMeL-Lab/bert-base-arabic-camelbert-msa-ner"``) is
looked up in the Hugging Face cache (``$HF_HUB_CACHE``, else ``$HF_HOME/hub``,
else ``~/.cache/huggingface/hub``) in the layout the Hugging Face libraries
use, so a model they downloaded is found. Nothing is downloaded unless the
caller passes ``download=True``; then ``huggingface_hub`` fetches it when
installed, else plain HTTPS from the hub's ``resolve`` URLs into the same
cache layout. When the files are not there, a :class:`~akhbar.ModelError`
names where to put them.

Examples
--------
>>> import akhbar
>>> try:
...     akhbar.Tagger.from_pretrained("no-such-org/no-such-model")
... except akhbar.ModelError as e:
...     print("download=True" in str(e))
True
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from akhbar.errors import ModelError

__all__ = ["hub_cache_dir", "resolve_model"]

#: Files a BERT token classifier may have; the first is required, one of the
#: weight files too.
CONFIG_FILES = ("config.json", "tokenizer_config.json", "special_tokens_map.json")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")

_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
_COMMIT = re.compile(r"[0-9a-f]{40}")
_ENDPOINT = "https://huggingface.co"


def hub_cache_dir() -> Path:
    """The Hugging Face hub cache folder, as the Hugging Face libraries choose it.

    Returns
    -------
    Path
        ``$HF_HUB_CACHE``, else ``$HF_HOME/hub``, else ``~/.cache/huggingface/hub``.

    Examples
    --------
    >>> hub_cache_dir().name
    'hub'
    """
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or "~/.cache", "huggingface"
    )
    return Path(home).expanduser() / "hub"


def _repo_dir(model_id: str) -> Path:
    return hub_cache_dir() / ("models--" + model_id.replace("/", "--"))


def _cached(model_id: str, revision: str) -> Path | None:
    repo = _repo_dir(model_id)
    commit = revision
    if not _COMMIT.fullmatch(revision):
        ref = repo / "refs" / revision
        if not ref.is_file():
            return None
        commit = ref.read_text().strip()
    snapshot = repo / "snapshots" / commit
    return snapshot if (snapshot / "config.json").is_file() else None


def _missing(model_id: str, revision: str, reason: str) -> ModelError:
    return ModelError(
        f"{model_id} (revision {revision}) {reason}. Either pass download=True to fetch it from "
        f"the Hugging Face hub into {_repo_dir(model_id)}, or put its files (config.json, "
        "vocab.txt or tokenizer.json, tokenizer_config.json, model.safetensors or "
        "pytorch_model.bin) in a folder and pass that folder's path"
    )


def _fetch(url: str, dest: Path) -> str | None:
    """Download ``url`` to ``dest``; the hub's commit id, or None on a 404."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            commit = response.headers.get("X-Repo-Commit")
            with tempfile.NamedTemporaryFile(dir=dest.parent, delete=False) as tmp:
                shutil.copyfileobj(response, tmp)
            os.replace(tmp.name, dest)
            return str(commit or "")
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def _download_https(model_id: str, revision: str) -> Path:
    repo = _repo_dir(model_id)
    staging = repo / "downloading"
    staging.mkdir(parents=True, exist_ok=True)
    commit = ""
    got: list[str] = []
    wanted: Sequence[str] = CONFIG_FILES + TOKENIZER_FILES + WEIGHT_FILES
    for name in wanted:
        if name == "pytorch_model.bin" and "model.safetensors" in got:
            continue
        url = f"{_ENDPOINT}/{model_id}/resolve/{revision}/{name}"
        found = _fetch(url, staging / name)
        if found is not None:
            got.append(name)
            commit = commit or found
    if "config.json" not in got:
        raise _missing(model_id, revision, "has no config.json on the hub")
    commit = commit or revision
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True, exist_ok=True)
    for name in got:
        os.replace(staging / name, snapshot / name)
    shutil.rmtree(staging, ignore_errors=True)
    if not _COMMIT.fullmatch(revision):
        (repo / "refs").mkdir(exist_ok=True)
        (repo / "refs" / revision).write_text(commit)
    return snapshot


def _download(model_id: str, revision: str) -> Path:
    try:
        hub = importlib.import_module("huggingface_hub")
    except ImportError:
        return _download_https(model_id, revision)
    patterns = list(CONFIG_FILES + TOKENIZER_FILES + WEIGHT_FILES)
    return Path(
        hub.snapshot_download(
            model_id, revision=revision, allow_patterns=patterns, cache_dir=hub_cache_dir()
        )
    )


def resolve_model(
    path_or_id: str | os.PathLike[str], revision: str | None = None, download: bool = False
) -> str:
    """The local folder holding a checkpoint's files.

    Parameters
    ----------
    path_or_id
        A folder, or a hub id such as ``"CAMeL-Lab/bert-base-arabic-camelbert-msa-ner"``.
    revision
        Hub branch, tag or commit (default ``"main"``).
    download
        Fetch a hub id missing from the cache (never done otherwise; also refused
        when ``HF_HUB_OFFLINE`` is set).

    Returns
    -------
    str
        The folder.

    Raises
    ------
    ModelError
        A path that is not a folder, or a hub id that is not cached (and not
        downloaded), naming where the files should go.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     resolve_model(d) == d
    True
    """
    path = Path(os.fspath(path_or_id)).expanduser()
    if path.is_dir():
        return str(path)
    name = os.fspath(path_or_id)
    if not _HUB_ID.fullmatch(name) or path.exists():
        raise ModelError(f"{name}: not a model folder (nor a hub id like 'org/name')")
    rev = revision or "main"
    cached = _cached(name, rev)
    if cached is not None:
        return str(cached)
    if not download:
        raise _missing(name, rev, "is not in the Hugging Face cache and download=False")
    if os.environ.get("HF_HUB_OFFLINE", "").strip() not in ("", "0"):
        raise _missing(name, rev, "is not in the Hugging Face cache and HF_HUB_OFFLINE is set")
    try:
        return str(_download(name, rev))
    except ModelError:
        raise
    except Exception as e:  # network, HTTP and hub errors alike
        raise _missing(name, rev, f"could not be downloaded ({e})") from e


def _reload(args: tuple[str, list[tuple[str, str | None]], int | None, int, int]) -> object:
    """Unpickle a BERT tagger: load it again from its folder with its options."""
    from akhbar._core import Tagger

    path, labels, max_length, stride, batch_tokens = args
    return Tagger.from_pretrained(
        path,
        labels=dict(labels),
        max_length=max_length,
        stride=stride,
        batch_tokens=batch_tokens,
    )
