"""The contextual tagger's Python entry point (`Tagger.load_neural`).

Training and tagging themselves are tested in Rust
(crates/akhbar-neural/tests/train_and_tag.rs); no neural model ships, so
here the loader's errors are checked: typed exceptions, never a crash.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import akhbar


def test_missing_folder_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(akhbar.FileError, match=r"nope[/\\]config\.json"):
        akhbar.Tagger.load_neural(tmp_path / "nope")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("not json", "expected ident"),
        (json.dumps({"format": "akhbar-neural 0"}), 'not an "akhbar-neural 1" model'),
        (
            json.dumps({"format": "akhbar-neural 1", "types": ["LOC"], "network": {}}),
            'no list "dilations"',
        ),
    ],
)
def test_bad_config_is_a_model_error(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "config.json").write_text(config, encoding="utf-8")
    with pytest.raises(akhbar.ModelError, match=message):
        akhbar.Tagger.load_neural(tmp_path)


def test_weights_that_do_not_fit_are_a_model_error(tmp_path: Path) -> None:
    network = {"buckets": 16, "embed": 4, "hidden": 4, "dilations": [1], "n_tags": 3}
    config = {"format": "akhbar-neural 1", "types": ["LOC"], "network": network | {"vector_dim": 0}}
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    # A safetensors file with no tensors: 8-byte header length, then "{}".
    (tmp_path / "weights.safetensors").write_bytes(b"\x02" + bytes(7) + b"{}")
    with pytest.raises(akhbar.ModelError, match="no parameter table"):
        akhbar.Tagger.load_neural(tmp_path)
    assert issubclass(akhbar.ModelError, akhbar.AkhbarError)
