"""Bad input: clear errors naming the row, documented fallbacks, no crash."""

from __future__ import annotations

import datetime
import os
import pickle
import time
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


def live_threads() -> int | None:
    """Threads of this process now (Linux), or None where /proc is missing."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


@pytest.mark.parametrize("bad", [-1, -(10**30), True, 2.0, "4"])
def test_bad_thread_counts_raise_option_error(bad: object) -> None:
    for call in (
        lambda: akhbar.tokenize_batch(["نص"], n_threads=bad),  # type: ignore[arg-type]
        lambda: akhbar.extract_dates_batch(["أمس"], n_threads=bad),  # type: ignore[arg-type]
        lambda: akhbar.Pipeline(n_threads=bad),  # type: ignore[arg-type]
    ):
        with pytest.raises(akhbar.OptionError, match="n_threads must be a positive int"):
            call()


def test_huge_thread_counts_are_clamped() -> None:
    # Clamped to the CPUs available: 10**6 and 10**30 run (no hang) and agree with 1.
    want = akhbar.tokenize_batch(["قال الوزير", "نص"], n_threads=1)
    for n in (5000, 10**6, 10**30):
        assert akhbar.tokenize_batch(["قال الوزير", "نص"], n_threads=n) == want
    cpus = akhbar._core._thread_count(10**6)
    assert cpus is not None and 1 <= cpus <= (os.cpu_count() or 1)
    assert akhbar._core._thread_count(1) == 1


def test_many_distinct_thread_counts_do_not_leak_threads() -> None:
    before = live_threads()
    if before is None:
        pytest.skip("no /proc/self/task to count threads on this platform")
    for n in range(2, 41):
        akhbar.normalize_batch(["أخبار"] * 64, n_threads=n)
    # At most 4 pools of at most the CPU count are kept (plus rayon's global
    # pool); the threads of dropped pools exit on their own: wait for them.
    bound = before + 4 * (akhbar._core._thread_count(10**6) or 1) + 1
    for _ in range(200):
        if (live_threads() or 0) <= bound:
            break
        time.sleep(0.05)
    assert (live_threads() or 0) <= bound


@pytest.mark.parametrize("value", ["0", "-2", "2.5", "x"])
def test_bad_env_thread_counts(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("AKHBAR_NUM_THREADS", value)
    with pytest.raises(akhbar.OptionError, match="AKHBAR_NUM_THREADS"):
        akhbar.tokenize_batch(["نص"])


def test_env_thread_count_is_clamped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKHBAR_NUM_THREADS", "99999999999999999999999")
    assert akhbar.tokenize_batch(["نص"]) == [akhbar.tokenize("نص")]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), 1e300])
def test_non_finite_o_bias_is_refused(value: float, tmp_path: Path) -> None:
    tagger = akhbar.Tagger.default()
    with pytest.raises(akhbar.OptionError, match="o_bias must be a finite number"):
        tagger.with_o_bias(value)
    # A finite bias saves, loads and pickles inside a Pipeline.
    shifted = tagger.with_o_bias(2.5)
    shifted.save(tmp_path / "m.bin")
    assert akhbar.Tagger.load(tmp_path / "m.bin").o_bias == 2.5
    pipe = pickle.loads(pickle.dumps(akhbar.Pipeline(entities=shifted)))
    assert isinstance(pipe.entities, akhbar.Tagger) and pipe.entities.o_bias == 2.5


@pytest.mark.parametrize(
    ("option", "value"),
    [("o_bias", float("nan")), ("word_dropout", float("nan")), ("word_dropout", 1.5)],
)
def test_training_float_options_are_checked(option: str, value: float, tmp_path: Path) -> None:
    conll = tmp_path / "train.conll"
    conll.write_text("زار\tO\nأوباما\tB-PER\nالقاهرة\tB-LOC\n\n", encoding="utf-8")
    with pytest.raises(akhbar.OptionError, match=option):
        akhbar.train_tagger(conll, epochs=1, **{option: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "reference",
    ["2015-08-10T25:00", "2015-08-10T13:60", "2015-08-10 1", "0000-01-01", "2015-8-10"],
)
def test_bad_references_are_refused(reference: str) -> None:
    with pytest.raises(akhbar.OptionError, match="reference must be"):
        akhbar.extract_dates("وصل أمس", reference=reference)


def test_valid_references_with_times_and_zones() -> None:
    for reference in ("2015-08-10T13:42", "2015-08-10 13:42:51.5", "2015-08-10T00:00+03:00"):
        [m] = akhbar.extract_dates("وصل أمس", reference=reference)
        assert m.value == "2015-08-09", reference


def test_lone_surrogates_in_options_are_option_errors() -> None:
    with pytest.raises(akhbar.OptionError, match="lone surrogate"):
        akhbar.extract_dates("وصل أمس", reference="2015-08-10\ud800")
    with pytest.raises(akhbar.OptionError, match="url holds a lone surrogate"):
        akhbar.parse_article("خبر", url="https://example.com/\udc80")
    with pytest.raises(akhbar.OptionError, match="url must be a str"):
        akhbar.parse_article("خبر", url=5)  # type: ignore[arg-type]


def test_dates_stay_within_years_1_to_9999() -> None:
    cases = [
        ("وصل أمس", "0001-01-01"),
        ("بدأ منذ 500 عام", "0001-01-01"),
        ("يصل غدا", "9999-12-31"),
    ]
    for text, reference in cases:
        [m] = akhbar.extract_dates(text, reference=reference)
        assert m.value is None and not m.resolved and m.relative, (text, reference)
    [m] = akhbar.extract_dates("يصل غدا", reference=datetime.date(9999, 12, 30))
    assert datetime.date.fromisoformat(m.value or "") == datetime.date(9999, 12, 31)


def test_negative_offsets_are_offset_errors() -> None:
    _, offsets = Normalizer().normalize_with_map("أخبار")
    for call in (
        lambda: offsets.to_original(-1),
        lambda: offsets.to_normalized_span(0, -3),
        lambda: offsets.to_original(10**30),
        lambda: akhbar.Token("x", -1, 5, "word"),
    ):
        with pytest.raises(akhbar.OffsetError) as e:
            call()
        assert isinstance(e.value, IndexError)


def test_a_tagger_that_is_not_one_is_an_option_error() -> None:
    for call in (
        lambda: akhbar.extract("قال أوباما", tagger=5),  # type: ignore[arg-type]
        lambda: akhbar.extract_batch(["قال أوباما"], tagger="model"),  # type: ignore[arg-type]
    ):
        with pytest.raises(akhbar.OptionError, match="tagger must be a Tagger"):
            call()


def test_write_onto_a_file_is_an_output_exists_error(tmp_path: Path) -> None:
    taken = tmp_path / "out"
    taken.write_text("", encoding="utf-8")
    with pytest.raises(akhbar.OutputExistsError, match="not a directory") as e:
        akhbar.Pipeline().write(["خبر"], taken, progress=False)
    assert isinstance(e.value, FileExistsError)
    with pytest.raises(akhbar.OptionError, match="format must be"):
        akhbar.Pipeline().write(["خبر"], tmp_path / "x", format="xml")  # type: ignore[arg-type]


def test_lone_surrogates_in_names_are_option_errors() -> None:
    for call in (
        lambda: Normalizer("\ud800"),
        lambda: akhbar.normalize("نص", "search\udc00"),
        lambda: Normalizer("search", **{"\ud800": True}),
        lambda: akhbar.parse_article("نص", kind="\ud800"),  # type: ignore[arg-type]
        lambda: akhbar.Token("x", 0, 1, "\ud800"),
    ):
        with pytest.raises(akhbar.OptionError, match="lone surrogate"):
            call()
    with pytest.raises(akhbar.OptionError, match="unknown token kind"):
        akhbar.Token("x", 0, 1, "verb")
    with pytest.raises(TypeError):
        Normalizer(5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("option", "value"), [("epochs", -1), ("epochs", 0), ("seed", 2**64), ("ensemble", 1.5)]
)
def test_training_int_options_are_checked(option: str, value: object, tmp_path: Path) -> None:
    conll = tmp_path / "train.conll"
    conll.write_text("زار\tO\nأوباما\tB-PER\n\n", encoding="utf-8")
    with pytest.raises(akhbar.OptionError, match=option):
        akhbar.train_tagger(conll, **{option: value})  # type: ignore[arg-type]


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
    assert isinstance(e.value, akhbar.CorpusNotFoundError)
    assert isinstance(e.value, FileNotFoundError)
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"body": ["نص"]}), path)
    with pytest.raises(akhbar.CorpusError, match="no column 'text'") as c:
        list(akhbar.read_corpus(path))
    assert isinstance(c.value, ValueError)
