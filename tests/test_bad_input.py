"""Bad input: clear errors naming the row, documented fallbacks, no crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import akhbar
from akhbar import Normalizer
from akhbar.writers import TableWriter


@pytest.mark.parametrize("bad", [None, b"\xd8\xa7", 12, ["نص"]])
def test_non_str_raises_a_type_error_subclass(bad: object) -> None:
    with pytest.raises(akhbar.InvalidTextError, match="expected str") as e:
        akhbar.normalize(bad)  # type: ignore[arg-type]
    assert isinstance(e.value, TypeError) and isinstance(e.value, akhbar.AkhbarError)
    with pytest.raises(TypeError):
        akhbar.tokenize(bad)  # type: ignore[arg-type]


def test_batch_error_names_the_row() -> None:
    rows = ["أ", "ب", None, "ج"]
    with pytest.raises(akhbar.InvalidTextError, match="row 2") as e:
        Normalizer().normalize_batch(rows)  # type: ignore[list-item]
    assert e.value.index == 2
    with pytest.raises(akhbar.InvalidTextError) as e:
        akhbar.tokenize_batch(["ok", 5])  # type: ignore[list-item]
    assert e.value.index == 1
    with pytest.raises(akhbar.InvalidTextError, match="single str"):
        akhbar.normalize_batch("نص واحد")


def test_lone_surrogates_are_replaced_one_for_one() -> None:
    text = "قال\ud800 ال\udfffخبر"
    norm, m = Normalizer("light").normalize_with_map(text)
    assert norm == "قال\ufffd ال\ufffdخبر"
    assert m.original_len == len(text)
    toks = akhbar.tokenize(text)
    assert [(t.start, t.kind) for t in toks] == [
        (0, "word"),
        (3, "symbol"),
        (5, "word"),
        (7, "symbol"),
        (8, "word"),
    ]
    assert akhbar.normalize_batch([text, "ok"]) == ["قال\ufffd ال\ufffdخبر", "ok"]


def test_empty_and_non_arabic_text() -> None:
    assert akhbar.normalize("") == ""
    assert akhbar.tokenize("") == []
    english = "Reuters reported 12 deaths on Monday."
    assert akhbar.normalize(english) == english
    assert [t.kind for t in akhbar.tokenize(english)][-2:] == ["latin", "punctuation"]
    mixed = "قالت Reuters إن 12 شخصاً 死亡 Привет"
    assert [t.kind for t in akhbar.tokenize(mixed)] == [
        "word",
        "latin",
        "word",
        "number",
        "word",
        "word",
        "word",
    ]


def test_a_50_mb_string() -> None:
    unit = "أعلنت وزارة الصحّة ٣ إصابات جديدة.\n"
    text = unit * (50_000_000 // len(unit.encode()))
    out = akhbar.normalize(text)
    assert out.count("\n") == text.count("\n") - 1
    assert out.startswith("اعلنت وزاره الصحه 3 اصابات جديده.")
    norm, m = Normalizer().normalize_with_map(text)
    assert norm == out and m.original_len == len(text)


def test_thread_count_errors() -> None:
    with pytest.raises(akhbar.OptionError, match="thread"):
        akhbar.normalize_batch(["a"], n_threads=0)


def test_env_thread_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKHBAR_NUM_THREADS", "2")
    assert akhbar.normalize_batch(["أ"] * 10) == ["ا"] * 10
    monkeypatch.setenv("AKHBAR_NUM_THREADS", "many")
    with pytest.raises(akhbar.OptionError, match="AKHBAR_NUM_THREADS"):
        akhbar.normalize_batch(["a"])


def test_bad_arguments_are_akhbar_errors_and_value_errors(tmp_path: Path) -> None:
    # Each is an OptionError, so also a ValueError for callers that catch that.
    bad_calls: list[Callable[[], object]] = [
        lambda: akhbar.read_corpus(tmp_path / "corpus.xlsx"),
        lambda: TableWriter(tmp_path / "out", "xlsx"),
        lambda: akhbar.NumberMention("12", 0, 2, 12, kind="count"),
        lambda: akhbar.Token("12", 0, 2, "digits"),
        lambda: akhbar.Token("و", 0, 1, "word", clitic="prefix"),
    ]
    (tmp_path / "corpus.xlsx").write_bytes(b"")
    for call in bad_calls:
        with pytest.raises(akhbar.OptionError) as e:
            call()
        assert isinstance(e.value, ValueError)


def test_missing_files_and_columns(tmp_path: Path) -> None:
    with pytest.raises(akhbar.FileError, match="corpus not found") as e:
        akhbar.read_corpus(tmp_path / "missing.jsonl")
    assert isinstance(e.value, OSError)
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"body": ["نص"]}), path)
    with pytest.raises(akhbar.CorpusError, match="no column 'text'") as c:
        list(akhbar.read_corpus(path))
    assert isinstance(c.value, ValueError)
