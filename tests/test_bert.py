"""BERT token classifiers through ``Tagger.from_pretrained``, checked against transformers.

The tiny random checkpoints and transformers' outputs on them are committed in
``tests/fixtures/bert`` (built by ``tools/build_bert_fixtures.py``), so no torch is
needed here.
"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import akhbar
from akhbar import ModelError, OptionError, Tagger

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bert"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
# The label names akhbar gives the checkpoints' types (PER → PERS ...).
TYPES = {"PER": "PERS", "PERS": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def load(name: str, **kw: Any) -> Tagger:
    kw.setdefault("stride", EXPECTED[name]["stride"])
    return Tagger.from_pretrained(FIXTURES / name, **kw)


def akhbar_tags(labels: list[str | None]) -> list[str]:
    """transformers' arg-max labels in akhbar's names, orphan I- made B- (BIO repair)."""
    out: list[str] = []
    for label in labels:
        if label is None or label == "O":
            out.append("O")
            continue
        bio, ty = label.split("-")
        tag = f"{bio}-{TYPES[ty]}"
        if bio == "I" and (not out or out[-1] == "O" or out[-1][2:] != TYPES[ty]):
            tag = f"B-{TYPES[ty]}"
        out.append(tag)
    return out


@pytest.mark.parametrize("name", ["cased", "uncased"])
def test_logits_subwords_and_tags_equal_transformers(name: str) -> None:
    tagger = load(name)
    assert tagger.kind == "bert"
    rows = EXPECTED[name]["sentences"]
    assert max(r["windows"] for r in rows) > 1  # one sentence spans several windows
    for row in rows:
        assert tagger.subwords(row["words"]) == row["subwords"]
        [got] = tagger.word_logits([row["words"]])
        assert len(got) == len(row["logits"])
        for g, e in zip(got, row["logits"], strict=True):
            assert (g is None) == (e is None)
            if g is not None:
                assert g == pytest.approx(e, abs=1e-4)
    tags = tagger.tag_tokens([r["words"] for r in rows])
    assert tags == [akhbar_tags(r["labels"]) for r in rows]


def test_accents_and_diacritics_follow_the_checkpoints_casing() -> None:
    # The lowercasing checkpoint strips accents: harakat go, أ becomes ا (NFD drops
    # the hamza mark), as transformers feeds it; the cased one sees the text as is.
    words = ["أَعْلَنَتْ", "Obama"]
    assert load("uncased").subwords(words) == ["ا", "##ع", "##ل", "##ن", "##ت", "obama"]
    assert load("cased").subwords(words)[-1] == "Obama"
    assert "##َ" not in load("uncased").subwords(words)


def test_labels_follow_the_akhbar_names_and_the_override() -> None:
    assert load("cased").labels == ["LOC", "MISC", "ORG", "PERS"]
    assert load("uncased").model_labels[:3] == ["B-LOC", "B-ORG", "B-PERS"]
    t = load("cased", labels={"LOC": "PLACE", "MISC": None})
    assert t.labels == ["ORG", "PERS", "PLACE"]
    with pytest.raises(ModelError, match=r"'GPE'|\"GPE\""):
        load("cased", labels={"GPE": "LOC"})
    with pytest.raises(OptionError, match="labels must map"):
        load("cased", labels=["PER"])  # type: ignore[arg-type]


def _sentence_entities(row: dict[str, Any]) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of a sentence and its entities from transformers' word labels."""
    words, tags = row["words"], akhbar_tags(row["labels"])
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    text = " ".join(words)
    runs: list[tuple[int, int, str]] = []  # word ranges
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            runs.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-"):
            s, _, label = runs[-1]
            runs[-1] = (s, i + 1, label)
    # akhbar's names begin and end with a letter or digit: a word of
    # punctuation at either end leaves the name, a name of punctuation alone
    # ("." tagged LOC by the random test model) is none.
    spans: list[tuple[int, int, str]] = []
    for s, e, label in runs:
        kept = [i for i in range(s, e) if any(c.isalnum() for c in words[i])]
        if kept:
            spans.append((starts[kept[0]], starts[kept[-1]] + len(words[kept[-1]]), label))
    return text, one_label_per_name(text, spans)


def one_label_per_name(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans with akhbar's label vote (label_vote.rs): the mentions of one name
    take the label more of them have; a tie leaves them."""
    votes: dict[str, Counter[str]] = {}
    for s, e, label in spans:
        votes.setdefault(text[s:e], Counter())[label] += 1
    out = []
    for s, e, label in spans:
        top = votes[text[s:e]].most_common(2)
        tie = len(top) > 1 and top[0][1] == top[1][1]
        out.append((s, e, label if tie else top[0][0]))
    return out


@pytest.mark.parametrize("name", ["cased", "uncased"])
def test_extract_gives_transformers_entities_with_offsets(name: str) -> None:
    tagger = load(name)
    checked = 0
    for row in EXPECTED[name]["sentences"]:
        text, spans = _sentence_entities(row)
        if [t.text for t in akhbar.tokenize(text)] != row["words"] or "." in text[:-1]:
            continue  # akhbar splits this sentence differently from whitespace
        got = [(e.start, e.end, e.label) for e in tagger.extract(text)]
        assert got == spans, text
        assert all(0 < e.score <= 1 for e in tagger.extract(text))
        checked += 1
    assert checked >= 3


def test_every_caller_of_a_tagger_accepts_it_and_threads_do_not_matter() -> None:
    tagger = load("cased")
    texts = [" ".join(r["words"]) for r in EXPECTED["cased"]["sentences"]] * 3
    one = tagger.extract_batch(texts, n_threads=1)
    assert one == tagger.extract_batch(texts, n_threads=2)
    assert one[0] == akhbar.extract(texts[0], tagger=tagger, labels="names")
    assert sum(map(len, one)) > 0
    pipe = akhbar.Pipeline(entities=tagger, parse=False, dates=False, numbers=False)
    result = pipe.process(texts[:6], progress=False)
    got = result.entities[["doc_id", "start", "end", "label"]].values.tolist()
    # The pipeline's names are the mention scan's: the tagger's, less those
    # inside an amount or a date (a month the tagger reads as a place).
    names = akhbar.extract_batch(texts[:6], tagger=tagger, labels="names")
    want = [[i, e.start, e.end, e.label] for i, es in enumerate(names) for e in es]
    assert got == want
    again = pickle.loads(pickle.dumps(tagger))
    assert again.extract_batch(texts[:6]) == one[:6]
    assert "bert=" in repr(tagger)


def test_perceptron_only_methods_say_so() -> None:
    tagger = load("cased")
    for call in (lambda: tagger.o_bias, lambda: tagger.save("x"), lambda: tagger.n_features):
        with pytest.raises(OptionError, match="only for the perceptron tagger"):
            call()
    with pytest.raises(OptionError, match="from_pretrained"):
        Tagger.default().word_logits([["قال"]])


def _copy(tmp_path: Path, name: str = "cased") -> Path:
    d = tmp_path / name
    shutil.copytree(FIXTURES / name, d)
    return d


def _edit_config(d: Path, **changes: Any) -> None:
    config = json.loads((d / "config.json").read_text())
    config.update(changes)
    (d / "config.json").write_text(json.dumps(config))


def test_bad_checkpoints_raise_model_errors(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _edit_config(d, model_type="roberta", architectures=["RobertaForTokenClassification"])
    with pytest.raises(ModelError, match="unsupported architecture RobertaForTokenClassification"):
        Tagger.from_pretrained(d)

    d = _copy(tmp_path / "a")
    (d / "model.safetensors").unlink()
    with pytest.raises(ModelError, match="no weights"):
        Tagger.from_pretrained(d)

    d = _copy(tmp_path / "b")
    (d / "vocab.txt").write_text((d / "vocab.txt").read_text() + "زيادة\n", encoding="utf-8")
    with pytest.raises(ModelError, match="vocabulary/weights mismatch"):
        Tagger.from_pretrained(d)

    d = _copy(tmp_path / "c")
    _edit_config(d, num_hidden_layers=3)
    with pytest.raises(ModelError, match=r"weights do not fit config\.json"):
        Tagger.from_pretrained(d)

    d = _copy(tmp_path / "d")
    _edit_config(d, id2label={"0": "O", "1": "B-PER", "2": "I-PER"})
    with pytest.raises(ModelError, match="classification head"):
        Tagger.from_pretrained(d)

    d = _copy(tmp_path / "e")
    (d / "config.json").write_text("{not json")
    with pytest.raises(ModelError, match="bad configuration"):
        Tagger.from_pretrained(d)

    d = _copy(tmp_path / "f")
    (d / "config.json").unlink()
    with pytest.raises(ModelError, match=r"config\.json"):
        Tagger.from_pretrained(d)

    d = _copy(tmp_path / "g", "uncased")
    (d / "pytorch_model.bin").write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ModelError, match="cannot read the weights"):
        Tagger.from_pretrained(d)

    with pytest.raises(ModelError, match="max_length"):
        load("cased", max_length=500)
    with pytest.raises(ModelError, match="not a model folder"):
        Tagger.from_pretrained(tmp_path / "missing" / "folder")


def test_hub_ids_come_from_the_cache_and_never_download_unasked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    repo = cache / "models--CAMeL-Lab--tiny-ner"
    with pytest.raises(ModelError) as e:
        Tagger.from_pretrained("CAMeL-Lab/tiny-ner")
    assert "download=True" in str(e.value) and str(repo) in str(e.value)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="HF_HUB_OFFLINE"):
        Tagger.from_pretrained("CAMeL-Lab/tiny-ner", download=True)
    # The layout the Hugging Face libraries write: refs/main names a snapshot.
    commit = "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(FIXTURES / "uncased", repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    t = Tagger.from_pretrained("CAMeL-Lab/tiny-ner")
    assert t.model_labels == load("uncased").model_labels
    with pytest.raises(ModelError, match="revision v2"):
        Tagger.from_pretrained("CAMeL-Lab/tiny-ner", revision="v2")


def test_cli_model_option_takes_a_bert_folder(tmp_path: Path) -> None:
    row = EXPECTED["cased"]["sentences"][0]
    text, spans = _sentence_entities(row)
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "akhbar", "entities", "--model", str(FIXTURES / "cased"), str(f)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert r.returncode == 0, r.stderr
    got = [tuple(line.split("\t")[:3]) for line in r.stdout.splitlines()]
    assert got == [(str(s), str(e), label) for s, e, label in spans]
    assert spans
