"""Reading corpora at the edges: bad rows give per-row errors with ids of one type,
broken files a CorpusError naming the file and position, with the rows before kept."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import akhbar
from akhbar import Pipeline

FIRST = "أعلنت وزارة الصحة تسجيل 3 إصابات جديدة"
SECOND = "وصل الوفد إلى الرياض أمس"
THIRD = "ارتفع المؤشر 2% في ختام التداولات"

#: Only the stages needed to tell rows apart: fast, and enough for doc_id checks.
LIGHT = Pipeline(parse=False, normalize=None, entities=False, dates=False, numbers=False)


def jsonl_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def row(doc_id: object, text: str) -> str:
    return json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)


def test_broken_line_and_missing_id_keep_string_ids(tmp_path: Path) -> None:
    path = jsonl_lines(
        tmp_path / "news.jsonl",
        [row("a", FIRST), "{broken", json.dumps({"text": SECOND}), row("d", THIRD)],
    )
    for chunk_size in (1, 2, 1000):
        r = Pipeline(
            parse=False,
            normalize=None,
            entities=False,
            dates=False,
            numbers=False,
            chunk_size=chunk_size,
        ).process(akhbar.read_corpus(path, id_column="id"), errors="skip", progress=False)
        assert r.articles["doc_id"].tolist() == ["a", "d"], chunk_size
        assert r.errors["doc_id"].isna().tolist() == [True, True]
        assert r.errors["position"].tolist() == [1, 2]
        assert "news.jsonl:2: invalid JSON" in r.errors["error"][0]
        assert "news.jsonl:3: no 'id' field" in r.errors["error"][1]


def test_null_rows_keep_the_id_type(tmp_path: Path) -> None:
    path = jsonl_lines(tmp_path / "news.jsonl", ["{broken", row("b", FIRST)])
    r = LIGHT.process(
        akhbar.read_corpus(path, id_column="id"), errors="null", output="arrow", progress=False
    )
    assert r.articles["doc_id"].to_pylist() == [None, "b"]
    assert r.articles.schema.field("doc_id").type == pa.string()


def test_mixed_id_types_become_strings_in_every_table(tmp_path: Path) -> None:
    ids = [1, "x", None, 2]
    texts = [FIRST, SECOND, THIRD, "نص"]
    for chunk_size in (1, 3, 1000):
        pipe = Pipeline(
            parse=False, normalize=None, entities=False, dates=False, chunk_size=chunk_size
        )
        r = pipe.process(texts, ids=ids, output="arrow", progress=False)
        for name, table in r.tables().items():
            assert table.schema.field("doc_id").type == pa.string(), (name, chunk_size)
        assert r.articles["doc_id"].to_pylist() == ["1", "x", None, "2"]
        # "3 إصابات" in the first text, "2%" in the third.
        assert r.numbers["doc_id"].to_pylist() == ["1", None]


def test_null_then_int_ids(tmp_path: Path) -> None:
    # Issue 16: ids=[None, 1] with a bad first row and one row per chunk.
    r = Pipeline(parse=False, normalize=None, entities=False, chunk_size=1).process(
        [None, FIRST], ids=[None, 1], errors="skip", progress=False, output="arrow"
    )
    assert r.articles["doc_id"].to_pylist() == ["1"]
    assert r.errors["doc_id"].to_pylist() == [None]
    counts = Pipeline(parse=False, normalize=None, entities=False, chunk_size=1).write(
        [None, FIRST], tmp_path / "out", ids=[None, 1], format="parquet", progress=False
    )
    assert (counts["articles"], counts["errors"]) == (1, 1)
    assert pq.read_table(tmp_path / "out" / "articles.parquet")["doc_id"].to_pylist() == ["1"]


def test_deeply_nested_line_is_a_row_error(tmp_path: Path) -> None:
    path = jsonl_lines(
        tmp_path / "deep.jsonl", [row("a", FIRST), "[" * 2000 + "]" * 2000, row("c", SECOND)]
    )
    assert list(akhbar.read_corpus(path, id_column="id"))[2] == ("c", SECOND)
    r = LIGHT.process(akhbar.read_corpus(path, id_column="id"), errors="skip", progress=False)
    assert r.articles["doc_id"].tolist() == ["a", "c"]
    assert "deep.jsonl:2" in r.errors["error"][0]
    deeper = jsonl_lines(tmp_path / "deeper.jsonl", ['{"text": ' + "[" * 100_000])
    r = LIGHT.process(akhbar.read_corpus(deeper), errors="skip", progress=False)
    assert len(r.articles) == 0 and r.errors["position"].tolist() == [0]


def truncated_gzip(path: Path, n_rows: int) -> Path:
    lines = "".join(row(f"d{i}", f"{FIRST} {i}") + "\n" for i in range(n_rows))
    data = gzip.compress(lines.encode("utf-8"))
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def test_truncated_gzip_raises_corpus_error_after_the_rows_read(tmp_path: Path) -> None:
    path = truncated_gzip(tmp_path / "news.jsonl.gz", 3000)
    corpus = akhbar.read_corpus(path, id_column="id")  # knowable only by reading it all
    read = []
    with pytest.raises(akhbar.CorpusError, match=r"news\.jsonl\.gz: unreadable after") as e:
        for pair in corpus:
            read.append(pair)
    assert isinstance(e.value, ValueError)
    assert e.value.index == len(read) and 0 < len(read) < 3000
    assert read[-1][0] == f"d{len(read) - 1}"  # every row before the break, in order

    # In the pipeline the break is one error row after the rows read; "raise" raises.
    r = LIGHT.process(corpus, errors="skip", progress=False)
    assert r.articles["doc_id"].tolist() == [d for d, _ in read]
    assert r.errors["position"].tolist() == [len(read)]
    assert "unreadable after" in r.errors["error"][0]
    with pytest.raises(akhbar.CorpusError):
        LIGHT.process(corpus, errors="raise", progress=False)


def test_write_keeps_the_rows_before_a_break(tmp_path: Path) -> None:
    path = truncated_gzip(tmp_path / "news.jsonl.gz", 3000)
    n_read = sum(1 for _ in _until_break(akhbar.read_corpus(path)))
    out = tmp_path / "out"
    with pytest.raises(akhbar.CorpusError):
        LIGHT.write(akhbar.read_corpus(path), out, format="jsonl", errors="raise", progress=False)
    written = (out / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(written) == n_read


def _until_break(corpus: akhbar.Corpus) -> list[object]:
    got: list[object] = []
    try:
        for pair in corpus:
            got.append(pair)
    except akhbar.CorpusError:
        pass
    return got


def test_non_gzip_gz_is_refused_at_read_corpus(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_text(row("a", FIRST), encoding="utf-8")
    with pytest.raises(akhbar.CorpusError, match=r"news\.jsonl\.gz: not a gzip file"):
        akhbar.read_corpus(path)


def test_corrupt_parquet_is_refused_at_read_corpus(tmp_path: Path) -> None:
    good = tmp_path / "good.parquet"
    pd.DataFrame({"text": [FIRST, SECOND]}).to_parquet(good)
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(good.read_bytes()[:-20])
    with pytest.raises(akhbar.CorpusError, match=r"bad\.parquet: not a readable Parquet file"):
        akhbar.read_corpus(bad)
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"PAR1" + b"\x00" * 64)
    with pytest.raises(akhbar.CorpusError, match=r"junk\.parquet"):
        akhbar.read_corpus(junk)


def test_missing_columns_are_refused_at_read_corpus(tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": ["a"], "body": [FIRST]})
    parquet, csv = tmp_path / "news.parquet", tmp_path / "news.csv"
    frame.to_parquet(parquet)
    frame.to_csv(csv, index=False)
    for path in (parquet, csv):
        with pytest.raises(akhbar.CorpusError, match="no column 'text'"):
            akhbar.read_corpus(path)
        with pytest.raises(akhbar.CorpusError, match="no column 'doc'"):
            akhbar.read_corpus(path, text_column="body", id_column="doc")
        assert list(akhbar.read_corpus(path, text_column="body", id_column="id")) == [("a", FIRST)]
    # A corpus built directly still gives a typed error while iterating.
    with pytest.raises(akhbar.CorpusError, match="no column 'text'"):
        list(akhbar.Corpus(parquet))


def test_missing_path_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(akhbar.CorpusNotFoundError, match="corpus not found") as e:
        akhbar.read_corpus(tmp_path / "nope.jsonl")
    assert isinstance(e.value, FileNotFoundError)
    other = tmp_path / "news.xml"
    other.write_text("<x/>", encoding="utf-8")
    with pytest.raises(akhbar.OptionError, match="unknown corpus format"):
        akhbar.read_corpus(other)


def test_empty_files_are_empty_corpora(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.csv"):
        (tmp_path / name).write_text("", encoding="utf-8")
        assert list(akhbar.read_corpus(tmp_path / name)) == []
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b""))
    assert list(akhbar.read_corpus(tmp_path / "c.jsonl.gz")) == []


def test_a_single_gzipped_text_file_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "article.txt.gz"
    path.write_bytes(gzip.compress(FIRST.encode("utf-8")))
    assert list(akhbar.read_corpus(path)) == [("article.txt.gz", FIRST)]
    fake = tmp_path / "fake.txt.gz"
    fake.write_text(FIRST, encoding="utf-8")
    with pytest.raises(akhbar.CorpusError, match="not a gzip file"):
        akhbar.read_corpus(fake)
