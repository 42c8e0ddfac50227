"""The corpus pipeline on real articles: inputs, outputs, error policies, threads."""

from __future__ import annotations

import gzip
import json
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import akhbar
from akhbar import Pipeline


@pytest.fixture(scope="module")
def texts(news_sample: list[str]) -> list[str]:
    """300 real articles: enough for several chunks at chunk_size=64."""
    return news_sample[:300]


@pytest.fixture(scope="module")
def any_texts() -> list[str]:
    """Real articles when the research corpus is here, else pieces of the bundled sample,
    so the cluster tests (Dask, Spark) run on a fresh clone too."""
    from conftest import NEWS, iter_news

    if NEWS.exists():
        return list(iter_news(200))
    base = akhbar.sample_article()
    pieces = [p for p in base.split("\n\n") if p.strip()]
    return [base, *pieces, *(f"{p}\n\n{base}" for p in pieces)]


def expected_articles(texts: list[str], ids: list[object]) -> pd.DataFrame:
    """The articles table built through the single-text API, row by row."""
    norm = akhbar.Normalizer("search")
    rows = []
    for doc_id, t in zip(ids, texts, strict=True):
        toks = akhbar.tokenize(t)
        rows.append(
            {
                "doc_id": doc_id,
                "n_chars": len(t),
                "n_tokens": len(toks),
                "n_words": sum(tok.kind in ("word", "latin") for tok in toks),
                "normalized": norm.normalize(t),
            }
        )
    return pd.DataFrame(rows)


#: The text stages only: the whole input is the body.
TEXT_ONLY = {"parse": False, "entities": False, "dates": False, "numbers": False}


def test_articles_table_matches_the_single_text_api(texts: list[str]) -> None:
    got = Pipeline(chunk_size=64, **TEXT_ONLY).process(texts, progress=False).articles
    want = expected_articles(texts, list(range(len(texts))))
    assert list(got.columns) == ["doc_id", "body", "n_chars", "n_tokens", "n_words", "normalized"]
    assert got["body"].tolist() == texts
    pd.testing.assert_frame_equal(got.drop(columns="body"), want, check_dtype=False)


def test_every_stage_matches_its_single_text_api(texts: list[str]) -> None:
    sample = texts[:60]
    r = Pipeline(chunk_size=16).process(sample, progress=False)
    for i, text in enumerate(sample):
        art = akhbar.parse_article(text)
        row = r.articles.iloc[i]
        assert row["body"] == art.body
        assert (row["title"], row["published"], row["author"]) == (
            art.title,
            art.published,
            art.author,
        ) or (pd.isna(row["title"]) and art.title is None)
        ents = r.entities[r.entities["doc_id"] == i]
        want = [
            (e.start, e.end, e.text, e.label, e.normalized)
            for e in akhbar.extract(art.body)
            if e.label in akhbar.entities.NAME_LABELS
        ]
        got = list(ents[["start", "end", "text", "label", "normalized"]].itertuples(index=False))
        assert [tuple(g) for g in got] == want
        dates = r.dates[r.dates["doc_id"] == i]
        ref = art.published
        want_d = [(d.start, d.end, d.value) for d in akhbar.extract_dates(art.body, reference=ref)]
        got_d = [
            (s, e, None if pd.isna(v) else v)
            for s, e, v in dates[["start", "end", "value"]].itertuples(index=False)
        ]
        assert got_d == want_d
        nums = r.numbers[r.numbers["doc_id"] == i]
        want_n = [(n.start, n.end) for n in akhbar.extract_numbers(art.body)]
        assert [tuple(x) for x in nums[["start", "end"]].itertuples(index=False)] == want_n


def test_raw_offsets_point_into_the_input(texts: list[str]) -> None:
    sample = texts[:100]
    r = Pipeline(normalize=None).process(sample, progress=False)
    checked = 0
    for name in ("entities", "dates", "numbers"):
        table = r.tables()[name]
        assert len(table) > 0, name
        for doc_id, s, e, rs, re_, text in table[
            ["doc_id", "start", "end", "raw_start", "raw_end", "text"]
        ].itertuples(index=False):
            body = r.articles.loc[r.articles["doc_id"] == doc_id, "body"].iloc[0]
            assert body[s:e] == text
            if not pd.isna(rs):
                assert sample[doc_id][rs:re_] == text
                checked += 1
    assert checked > 1000  # most bodies are verbatim slices of plain-text input


def test_a_hand_checked_article() -> None:
    r = Pipeline().process([akhbar.sample_article()], progress=False)
    a = r.articles.iloc[0]
    assert a["title"] == "افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في الساحل الشرقي"
    assert (a["published"], a["section"], a["dateline"]) == ("2024-03-12", "اقتصاد وطاقة", "الدمام")
    assert (a["source"], a["author"], a["n_paragraphs"]) == ("أخبار الساحل", "فريق التحرير", 3)
    assert a["body"].startswith("افتتح وزير البيئة والمياه اليوم الثلاثاء")
    # "اليوم الثلاثاء" resolves against the article's own date.
    dates = r.dates[["text", "value"]].values.tolist()
    assert dates[0] == ["اليوم الثلاثاء", "2024-03-12"]
    assert dates[1][1] == "2022-01-15"
    nums = dict(r.numbers[["text", "value"]].values.tolist())
    assert nums["١٫٢ مليار ريال"] == 1.2e9
    assert nums["85%"] == 85
    ents = set(map(tuple, r.entities[["text", "label"]].values.tolist()))
    assert {("سامي العتيبي", "PERS"), ("الدمام", "LOC")} <= ents


def test_a_hand_checked_row() -> None:
    text = "الرياض: أعلنت وزارةُ الصحة تسجيل ١٢٠ إصابة جديدة."
    row = Pipeline(**TEXT_ONLY).process([text], progress=False).articles.iloc[0]
    # الرياض : أعلنت وزارة الصحة تسجيل ١٢٠ إصابة جديدة . -> 10 tokens, 7 words
    assert (row.n_tokens, row.n_words) == (10, 7)
    assert row.normalized == "الرياض: اعلنت وزاره الصحه تسجيل 120 اصابه جديده."


def test_same_tables_for_any_thread_count_and_chunk_size(texts: list[str]) -> None:
    base = Pipeline(chunk_size=1000, n_threads=1).process(texts, progress=False)
    for threads, chunk in ((2, 1000), (2, 7), (1, 300)):
        other = Pipeline(chunk_size=chunk, n_threads=threads).process(texts, progress=False)
        for name, table in base.tables().items():
            pd.testing.assert_frame_equal(table, other.tables()[name], obj=name)


def test_environment_variable_sets_threads(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKHBAR_NUM_THREADS", "nope")
    with pytest.raises(akhbar.OptionError, match="AKHBAR_NUM_THREADS"):
        Pipeline().process(texts[:2], progress=False)
    monkeypatch.setenv("AKHBAR_NUM_THREADS", "2")
    assert len(Pipeline().process(texts[:2], progress=False).articles) == 2


def test_pandas_polars_and_arrow_inputs_give_the_same_table(texts: list[str]) -> None:
    import polars as pl

    pipe = Pipeline(chunk_size=100)
    want = pipe.process(texts, progress=False).articles
    for data in (
        iter(texts),
        pd.Series(texts),
        pl.Series(texts),
        pa.array(texts),
        pa.chunked_array([texts[:150], texts[150:]]),
    ):
        got = pipe.process(data, progress=False).articles
        pd.testing.assert_frame_equal(got, want, obj=type(data).__name__)


def test_series_index_becomes_doc_id(texts: list[str]) -> None:
    s = pd.Series(texts[:5], index=[f"a{i}" for i in range(5)])
    got = Pipeline().process(s, progress=False).articles
    assert list(got["doc_id"]) == ["a0", "a1", "a2", "a3", "a4"]


def test_arrow_and_polars_outputs(texts: list[str]) -> None:
    import polars as pl

    table = Pipeline().process(texts[:10], output="arrow", progress=False).articles
    assert isinstance(table, pa.Table) and table.num_rows == 10
    assert table.schema.field("n_words").type == pa.int64()
    frame = Pipeline().process(texts[:10], output="polars", progress=False).articles
    assert isinstance(frame, pl.DataFrame) and frame.height == 10


def test_error_policies_account_for_every_row(texts: list[str]) -> None:
    data: list[object] = [texts[0], None, texts[1], 42, b"bytes"]
    with pytest.raises(akhbar.InvalidTextError) as err:
        Pipeline().process(data, progress=False)
    assert err.value.index == 1

    skipped = Pipeline().process(data, errors="skip", progress=False)
    assert list(skipped.articles["doc_id"]) == [0, 2]
    assert skipped.errors.to_dict("records") == [
        {"doc_id": 1, "position": 1, "error": "missing text (None)"},
        {"doc_id": 3, "position": 3, "error": "expected str, got int"},
        {"doc_id": 4, "position": 4, "error": "expected str, got bytes"},
    ]

    nulled = Pipeline(chunk_size=2).process(data, errors="null", progress=False)
    assert list(nulled.articles["doc_id"]) == [0, 1, 2, 3, 4]
    assert nulled.articles["n_words"].isna().tolist() == [False, True, False, True, True]
    assert len(nulled.errors) == 3


def test_bad_arguments() -> None:
    with pytest.raises(akhbar.OptionError):
        Pipeline(normalize="nonsense")
    with pytest.raises(akhbar.OptionError):
        Pipeline(chunk_size=0)
    with pytest.raises(akhbar.OptionError):
        Pipeline().process(["نص"], errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(akhbar.InvalidTextError):
        Pipeline().process("نص عربي")  # a single string, not a path or a batch


def test_empty_input_gives_empty_tables_with_columns() -> None:
    r = Pipeline().process([], progress=False)
    assert len(r.articles) == 0
    assert "normalized" in r.articles.columns
    place = ["doc_id", "start", "end", "raw_start", "raw_end", "text"]
    assert list(r.entities.columns) == [*place, "label", "normalized", "key", "score"]
    assert list(r.dates.columns) == [
        *place,
        "label",
        "value",
        "calendar",
        "granularity",
        "relative",
    ]
    assert list(r.numbers.columns) == [*place, "label", "value", "unit"]


def test_streaming_pulls_one_chunk_at_a_time(texts: list[str]) -> None:
    pulled = 0

    def gen() -> Iterator[str]:
        nonlocal pulled
        for t in texts:
            pulled += 1
            yield t

    chunks = Pipeline(chunk_size=50).iter_chunks(gen(), progress=False)
    first = next(chunks)
    assert first.tables["articles"].num_rows == 50
    assert pulled <= 51  # the pipeline never read ahead of the chunk it works on
    assert sum(c.tables["articles"].num_rows for c in chunks) == 250


def test_pickle_and_repr() -> None:
    pipe = Pipeline(normalize=akhbar.Normalizer("ner"), n_threads=2, numbers=False)
    back = pickle.loads(pickle.dumps(pipe))
    assert back == pipe
    assert repr(back) == (
        "Pipeline(stages=[parse, tokens, normalize(preset='ner'), entities, dates], "
        "n_threads=2, chunk_size=1000)"
    )
    with pytest.raises(AttributeError):
        pipe.tokens = False  # type: ignore[misc]


def write_corpus_files(tmp_path: Path, texts: list[str]) -> dict[str, Path]:
    ids = [f"doc{i:03d}" for i in range(len(texts))]
    folder = tmp_path / "dir"
    folder.mkdir()
    for i, t in zip(ids, texts, strict=True):
        (folder / f"{i}.txt").write_text(t, encoding="utf-8")
    jsonl = tmp_path / "news.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as fh:
        for i, t in zip(ids, texts, strict=True):
            fh.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    frame = pd.DataFrame({"id": ids, "text": texts})
    csv = tmp_path / "news.csv"
    frame.to_csv(csv, index=False)
    parquet = tmp_path / "news.parquet"
    frame.to_parquet(parquet)
    return {"dir": folder, "jsonl": jsonl, "csv": csv, "parquet": parquet}


def test_every_corpus_format_reads_the_same_articles(tmp_path: Path, texts: list[str]) -> None:
    sample = texts[:40]
    files = write_corpus_files(tmp_path, sample)
    want = Pipeline().process(sample, ids=[f"doc{i:03d}" for i in range(40)], progress=False)
    for kind, path in files.items():
        corpus = akhbar.read_corpus(path, id_column=None if kind == "dir" else "id")
        got = Pipeline(chunk_size=16).process(corpus, progress=False).articles
        if kind == "dir":  # ids are file names there
            assert got["doc_id"].iloc[0] == "doc000.txt"
            got["doc_id"] = got["doc_id"].str.removesuffix(".txt")
        pd.testing.assert_frame_equal(got, want.articles, obj=kind)


def test_unreadable_rows_are_reported_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(
        '{"text": "خبر أول"}\n{"text": "خبر \n{"title": "بلا نص"}\n[1, 2]\n{"text": "خبر أخير"}\n',
        encoding="utf-8",
    )
    r = Pipeline().process(akhbar.read_corpus(path), errors="skip", progress=False)
    assert list(r.articles["doc_id"]) == [0, 4]
    assert r.errors["position"].tolist() == [1, 2, 3]
    assert "broken.jsonl:2: invalid JSON" in r.errors["error"][0]
    assert "broken.jsonl:3: no 'text' field" in r.errors["error"][1]
    assert "not a JSON object" in r.errors["error"][2]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_write_streams_tables_that_read_back(tmp_path: Path, texts: list[str], fmt: str) -> None:
    data: list[object] = [*texts[:30], None]
    counts = Pipeline(chunk_size=8).write(data, tmp_path, format=fmt, progress=False)
    assert (counts["input"], counts["articles"], counts["errors"]) == (31, 30, 1)
    want = Pipeline().process(texts[:30], progress=False).articles
    path = tmp_path / f"articles.{fmt}"
    if fmt == "parquet":
        got = pq.read_table(path).to_pandas()
    elif fmt == "csv":  # CSV cannot tell a null from an empty string
        got = pd.read_csv(path, keep_default_na=False)
        want = want.astype(object).where(want.notna(), "")
    else:
        got = pd.read_json(path, lines=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert (tmp_path / f"errors.{fmt}").exists()


def test_series_accessor(texts: list[str]) -> None:
    s = pd.Series(texts[:20], index=range(100, 120))
    norm = s.akhbar.normalize()
    assert norm.index.equals(s.index)
    assert norm.tolist() == akhbar.normalize_batch(texts[:20])
    toks = s.akhbar.tokenize(clitics=True)
    assert toks.iloc[3] == akhbar.tokenize(texts[3], clitics=True)
    assert list(s.akhbar.process().articles["doc_id"]) == list(range(100, 120))


def test_cli_process_writes_tables_and_a_summary(tmp_path: Path, texts: list[str]) -> None:
    files = write_corpus_files(tmp_path, texts[:25])
    out = tmp_path / "out"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "akhbar",
            "process",
            str(files["jsonl"]),
            "-o",
            str(out),
            "--format",
            "csv",
            "--threads",
            "2",
            "--id-column",
            "id",
            "-q",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "25 articles" in r.stderr and "0 errors" in r.stderr
    table = pd.read_csv(out / "articles.csv")
    assert table["doc_id"].tolist()[:2] == ["doc000", "doc001"]
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "akhbar",
            "process",
            str(tmp_path / "missing.jsonl"),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1 and "corpus not found" in bad.stderr


def test_dask_on_a_local_cluster_matches_one_process(any_texts: list[str]) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pipe = Pipeline()
    series = pd.Series(any_texts, name="text")
    want = pipe.process(series, progress=False).articles
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        parts = dd.from_pandas(series, npartitions=4)
        got = parts.map_partitions(pipe.map_partition, meta=pipe.meta()).compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want, check_dtype=False)


@pytest.mark.filterwarnings("ignore::FutureWarning")  # PySpark on pandas 3
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_spark_map_in_pandas_matches_one_process(any_texts: list[str]) -> None:
    import os
    import shutil

    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("PySpark needs a Java runtime on PATH")
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers import akhbar from this venv
    pipe = Pipeline()
    sample = any_texts[:40]
    want = pipe.process(sample, progress=False).articles.drop(columns="doc_id")
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("akhbar-test")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        schema = from_arrow_schema(pa.Schema.from_pandas(pipe.meta(), preserve_index=False))

        def articles(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
            for frame in frames:
                yield pipe.map_partition(frame, text_column="text")

        frame = spark.createDataFrame(pd.DataFrame({"text": sample}), "text string")
        got = frame.mapInPandas(articles, schema=schema).toPandas()
    finally:
        spark.stop()
    got = got.drop(columns="doc_id")
    key = ["body"]
    pd.testing.assert_frame_equal(
        got.sort_values(key).reset_index(drop=True),
        want.sort_values(key).reset_index(drop=True),
        check_dtype=False,
    )


def test_result_and_article_render_in_jupyter() -> None:
    hostile = akhbar.sample_article().replace(
        "وقال المدير", "وقال <script>alert(1)</script> المدير"
    )
    r = Pipeline().process([hostile], progress=False)
    html = r._repr_html_()
    assert "1 articles, " in html and "0 errors" in html
    assert "افتتاح أكبر محطة لتحلية المياه" in html  # the first article's title
    assert "<mark" in html and "سامي العتيبي" in html  # its entities, highlighted
    assert "<script>" not in html and "&lt;script&gt;" in html
    article_html = akhbar.parse_article(hostile)._repr_html_()
    assert 'dir="rtl"' in article_html and "<script>" not in article_html
