"""Build tiny random BERT token classifiers and transformers' outputs on them, as test fixtures.

    python3 -m venv ~/bert-venv && ~/bert-venv/bin/pip install torch transformers safetensors
    ~/bert-venv/bin/python tools/build_bert_fixtures.py

Writes ``tests/fixtures/bert/`` (rerunnable; the same files each run):

- ``cased/``: a cased model (``do_lower_case`` false) with ``vocab.txt`` and
  ``model.safetensors``, CoNLL label names (B-PER, B-LOC ...);
- ``uncased/``: a lowercasing model (so accents and Arabic diacritics are stripped)
  with only ``tokenizer.json`` and PyTorch ``pytorch_model.bin``, CAMeL Lab's label
  names (B-PERS ...) in their order;
- ``expected.json``: per model and sentence, the words (whitespace-split), the
  subwords ``transformers``' tokenizer gives them, the logits of each word's first
  subword from ``BertForTokenClassification`` and the arg-max label names.

Both models have 2 layers, hidden size 32 and ``max_position_embeddings`` 24, so a
sentence of more than 22 subwords takes several windows: for that one the logits
are merged here the way akhbar documents it (windows of 22 subwords overlapping by
``stride``, the last one ending at the end; each subword from the window where it
is most central, the earlier on a tie), each window run by transformers alone.
The seed is the first under which the words get at least six different labels and
no word's two best logits are within 1e-3 (labels are then stable under float
rounding).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import torch
import transformers
from safetensors.torch import save_file
from transformers import AutoTokenizer, BertConfig, BertForTokenClassification

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "bert"
MAX_POSITIONS = 24
STRIDE = 6

LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
WORDS = [
    "قال", "الرئيس", "باراك", "اوباما", "أوباما", "في", "واشنطن", "القاهرة", "وزارة",
    "الصحة", "أعلنت", "عن", "اصابات", "جديدة", "مدينة", "زار", "الأمم", "المتحدة",
    "ال", "##ة", "##ات", "##ين", "##ون", "##ها", "و", "ب", "obama", "Obama", "##ma",
]  # fmt: skip
PUNCT = list(".،:؟!-()\"'«»0123456789٣")
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

CONLL = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
CAMEL = ["B-LOC", "B-ORG", "B-PERS", "I-LOC", "I-ORG", "I-PERS", "O", "B-MISC", "I-MISC"]

LONG = " ".join(
    ["قال الرئيس باراك أوباما في واشنطن إن وزارة الصحة في القاهرة أعلنت عن اصابات جديدة"] * 3
)
SENTENCES = [
    "قال الرئيس الأمريكي باراك أوباما في واشنطن .",
    "أَعْلَنَتْ وزارةُ الصحّة عن ٣ إصابات جديدة",
    "زار Obama مدينة القاهرة في 2009",
    "قالت الأمم المتحدة ، في بيان : « لا » ؟",
    "xyz ✓ 𝔸",
    LONG,
]


def vocab() -> list[str]:
    out = list(SPECIAL)
    for w in WORDS + PUNCT + list(LETTERS) + ["##" + c for c in LETTERS] + list("abmo"):
        if w not in out:
            out.append(w)
    return out


def plan(n: int, size: int, stride: int) -> list[tuple[int, int]]:
    if n <= size:
        return [(0, n)]
    step = size - min(stride, size // 2)
    out, start = [], 0
    while True:
        if start + size >= n:
            out.append((n - size, n))
            return out
        out.append((start, start + size))
        start += step


def owners(windows: list[tuple[int, int]], n: int) -> list[int]:
    best: list[int | None] = [None] * n
    out = [0] * n
    for w, (a, b) in enumerate(windows):
        for i in range(a, b):
            c = min(i - a, b - 1 - i)
            if best[i] is None or c > best[i]:  # type: ignore[operator]
                best[i], out[i] = c, w
    return out


def word_logits(model: BertForTokenClassification, tok: object, words: list[str]) -> tuple:
    enc = tok(words, is_split_into_words=True, add_special_tokens=False)  # type: ignore[operator]
    ids, word_ids = enc["input_ids"], enc.word_ids()
    size = MAX_POSITIONS - 2
    windows = plan(len(ids), size, STRIDE)
    cls, sep = tok.cls_token_id, tok.sep_token_id  # type: ignore[attr-defined]
    per_window = []
    with torch.no_grad():
        for a, b in windows:
            x = torch.tensor([[cls, *ids[a:b], sep]])
            per_window.append(model(input_ids=x).logits[0])
    own = owners(windows, len(ids))
    first: dict[int, int] = {}
    for i, w in enumerate(word_ids):
        if w is not None:
            first.setdefault(w, i)
    logits = []
    for w in range(len(words)):
        if w not in first:
            logits.append(None)
            continue
        i = first[w]
        k = own[i]
        logits.append(per_window[k][i - windows[k][0] + 1].tolist())
    subwords = tok.convert_ids_to_tokens(ids)  # type: ignore[attr-defined]
    return subwords, logits, len(windows)


def margin_ok(logits: list[list[float] | None]) -> bool:
    for row in logits:
        if row is not None:
            top = sorted(row, reverse=True)
            if top[0] - top[1] < 1e-3:
                return False
    return True


def build(name: str, labels: list[str], lower: bool, safetensors: bool) -> dict[str, object]:
    d = OUT / name
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    v = vocab()
    (d / "vocab.txt").write_text("\n".join(v) + "\n", encoding="utf-8")
    (d / "tokenizer_config.json").write_text(
        json.dumps({"do_lower_case": lower, "tokenizer_class": "BertTokenizer"}), encoding="utf-8"
    )
    if not safetensors:
        # The uncased model is read from tokenizer.json alone.
        fast = AutoTokenizer.from_pretrained(str(d))
        fast.backend_tokenizer.save(str(d / "tokenizer.json"))
        (d / "vocab.txt").unlink()
    tok = AutoTokenizer.from_pretrained(str(d))
    for seed in range(100):
        torch.manual_seed(seed)
        config = BertConfig(
            vocab_size=len(v),
            hidden_size=32,
            num_hidden_layers=2,
            num_attention_heads=4,
            intermediate_size=64,
            max_position_embeddings=MAX_POSITIONS,
            initializer_range=0.1,
            id2label=dict(enumerate(labels)),
            label2id={label: i for i, label in enumerate(labels)},
        )
        model = BertForTokenClassification(config).eval()
        rows = []
        for s in SENTENCES:
            words = s.split()
            subwords, logits, n_windows = word_logits(model, tok, words)
            top = [None if r is None else labels[max(range(len(r)), key=r.__getitem__)]
                   for r in logits]  # fmt: skip
            rows.append(
                {
                    "words": words,
                    "subwords": subwords,
                    "logits": logits,
                    "labels": top,
                    "windows": n_windows,
                }
            )
        distinct = {label for r in rows for label in r["labels"] if label is not None}
        if len(distinct) >= 6 and all(margin_ok(r["logits"]) for r in rows):
            break
    else:
        raise SystemExit(f"{name}: no seed without near ties")
    model.config.architectures = ["BertForTokenClassification"]
    model.config.to_json_file(str(d / "config.json"))
    state = {k: t.contiguous() for k, t in model.state_dict().items()}
    if safetensors:
        save_file(state, str(d / "model.safetensors"))
    else:
        torch.save(state, d / "pytorch_model.bin")
    return {"seed": seed, "max_positions": MAX_POSITIONS, "stride": STRIDE, "sentences": rows}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    expected = {
        "transformers": transformers.__version__,
        "torch": torch.__version__,
        "cased": build("cased", CONLL, lower=False, safetensors=True),
        "uncased": build("uncased", CAMEL, lower=True, safetensors=False),
    }
    (OUT / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {OUT} ({size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
