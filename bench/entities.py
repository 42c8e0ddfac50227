"""Entity extraction throughput: akhbar's tagger beside a BERT-base token classifier.

    python bench/entities.py --bert-python ~/bert-venv/bin/python
    python bench/entities.py --articles 3000 --sentences 256 --runs 3
    python bench/entities.py --neural build/neural/m3 --bert-python ~/bert-venv/bin/python

Part 1 runs ``akhbar.extract_batch`` over the first ``--articles`` non-empty articles
of the ../shared news corpus on 1 and 2 threads (median of ``--runs``) and reports
tokens/s (tokens as ``akhbar.tokenize`` counts them) and tokens per CPU-second of the
process. As a control of what the machine gives right now, ``normalize_batch`` runs on
1 and 2 threads too.

Part 2 takes ``--sentences`` sentences of the same corpus (split at . ! ? ؟ and line
breaks, 5 to 120 tokens) and runs, on the same sentences, ``extract_batch`` and the
forward pass of ``BertForTokenClassification`` with the BERT-base configuration
(12 layers, hidden 768: the compute of CAMeLBERT/AraBERT), randomly initialised, on
CPU, with 1 and 2 torch threads; then the same checkpoint (saved in the Hugging Face
format) through ``akhbar.Tagger.from_pretrained(...).tag_tokens`` on the same words
(akhbar's tokens of each sentence) with 1 and 2 threads. Its WordPiece vocabulary
(30,000 pieces, the size of CAMeLBERT's) is trained on the benchmark articles
themselves, so sequence lengths are realistic. Batches of 32 sentences sorted by
length (little padding), no gradients.
With ``--neural DIR`` (a model folder written by ``akhbar-neural train``), the
contextual tagger (``akhbar.Tagger.load_neural``) runs beside the shipped one in
both parts, on the same texts and thread counts.
BERT runs in a child process of ``--bert-python`` (a venv with torch and
transformers, kept out of ``make test``), in the same benchmark run. Ratios are
akhbar tokens/s over BERT tokens/s on the same sentences and thread count. Each BERT row
also gives tokens per CPU-second of the whole process (all its threads): on a shared
machine, where wall-clock scaling says little, it shows whether a second thread adds work.
torch gets the sentences sorted by length over the whole set, in padded batches of 32; akhbar tags
runs of 20 sentences as one document (sorted by length and packed without padding into
batches of 512 subwords within it), as it would articles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "saudinewsnet.jsonl.gz"
SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


def load(n: int) -> list[str]:
    out: list[str] = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            if text:
                out.append(text)
                if len(out) >= n:
                    break
    return out


def timed(f: object, runs: int) -> float:
    return timed_cpu(f, runs)[0]


def timed_cpu(f: object, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of the whole process (all its threads)."""
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        f()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(times), statistics.median(cpu)


def wall_and_cpu_by_threads(
    tagger: object, texts: list[str], runs: int
) -> dict[int, tuple[float, float]]:
    """Median wall and CPU seconds of ``tagger.extract_batch(texts)`` on 1 and 2 threads."""
    return {
        threads: timed_cpu(lambda: tagger.extract_batch(texts, n_threads=threads), runs)  # type: ignore[attr-defined]  # noqa: B023
        for threads in (1, 2)
    }


def seconds_by_threads(tagger: object, texts: list[str], runs: int) -> dict[int, float]:
    """Median seconds of ``tagger.extract_batch(texts)`` on 1 and 2 threads."""
    return {t: wall for t, (wall, _) in wall_and_cpu_by_threads(tagger, texts, runs).items()}


def bert_child(args: argparse.Namespace) -> None:
    """Run in the torch venv: build BERT-base, save it for akhbar, time it on the sentences."""
    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertForTokenClassification

    data = json.loads(Path(args.data).read_text(encoding="utf-8"))
    tok = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    tok.train_from_iterator(data["corpus"], vocab_size=30000, min_frequency=2)
    torch.manual_seed(0)
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
    config = BertConfig(
        vocab_size=tok.get_vocab_size(),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    model = BertForTokenClassification(config).eval()
    # The same weights and vocabulary, in the Hugging Face format, for akhbar.
    save = Path(args.save_dir)
    model.save_pretrained(save)
    tok.save_model(str(save))
    (save / "tokenizer_config.json").write_text(json.dumps({"do_lower_case": False}))
    # The same words akhbar tags (its tokens), in [CLS] … [SEP] (a trained tokenizer
    # has no post-processor to add them), each sentence cut to BERT's 512.
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    enc = [
        [cls, *tok.encode(words, is_pretokenized=True).ids[:510], sep] for words in data["words"]
    ]
    enc.sort(key=len)
    batches = []
    for i in range(0, len(enc), 32):
        chunk = enc[i : i + 32]
        width = max(map(len, chunk))
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for r, e in enumerate(chunk):
            ids[r, : len(e)] = torch.tensor(e)
            mask[r, : len(e)] = 1
        batches.append((ids, mask))
    pieces = sum(map(len, enc))
    out: dict = {"pieces": pieces, "seconds": {}, "cpu": {}}
    for threads in (1, 2):
        torch.set_num_threads(threads)

        def run() -> None:
            with torch.no_grad():
                for ids, mask in batches:
                    model(input_ids=ids, attention_mask=mask)

        run()  # warm-up
        wall, cpu = timed_cpu(run, args.runs)
        out["seconds"][str(threads)], out["cpu"][str(threads)] = wall, cpu
    out["versions"] = {"torch": torch.__version__}
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--sentences", type=int, default=256)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bert-python", help="python of a venv with torch + transformers")
    ap.add_argument("--neural", type=Path, help="an akhbar-neural model folder to time as well")
    ap.add_argument("--bert-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--save-dir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bert_child:
        bert_child(args)
        return

    import akhbar

    if not NEWS.exists():
        sys.exit(f"news corpus not found: {NEWS} (set AKHBAR_SHARED)")
    texts = load(args.articles)
    tagger = akhbar.Tagger.default()
    neural = akhbar.Tagger.load_neural(args.neural) if args.neural else None
    n_tokens = sum(len(t) for t in akhbar.tokenize_batch(texts))
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {n_tokens:,} tokens, {mb:.1f} MB")
    print(f"model: {tagger!r}")
    print("\n== extract_batch on the articles ==")
    per_thread = {}
    for threads, (s, cpu) in wall_and_cpu_by_threads(tagger, texts, args.runs).items():
        per_thread[threads] = n_tokens / s
        rate = f"{n_tokens / s:>12,.0f} tokens/s  {len(texts) / s:>8,.0f} articles/s"
        # Per CPU-second of the process: what a thread does while it runs, whatever
        # else takes the machine's cores (a shared machine's wall clock says less).
        print(f"threads {threads}: {rate}  {n_tokens / cpu:>10,.0f} tokens per CPU-second")
    print(f"scaling 2/1 threads: {per_thread[2] / per_thread[1]:.2f}x")
    if neural is not None:
        nrate = {t: n_tokens / s for t, s in seconds_by_threads(neural, texts, args.runs).items()}
        for threads, r in nrate.items():
            print(
                f"neural  threads {threads}: {r:>12,.0f} tokens/s"
                f"  ({r / per_thread[threads]:.3f}x the perceptron)"
            )
        print(f"neural scaling 2/1 threads: {nrate[2] / nrate[1]:.2f}x")
    # Control: how far plain normalization scales on this machine right now
    # (other jobs on a shared machine take cores away from both).
    norm = {}
    for threads in (1, 2):
        s = timed(lambda: akhbar.normalize_batch(texts, n_threads=threads), args.runs)  # noqa: B023
        norm[threads] = mb / s
    print(
        f"control: normalize_batch {norm[1]:.1f} MB/s on 1 thread, {norm[2]:.1f} MB/s on 2 "
        f"({norm[2] / norm[1]:.2f}x)"
    )

    sents: list[str] = []
    for t in texts:
        for s in SPLIT.split(t):
            n = len(akhbar.tokenize(s))
            if 5 <= n <= 120:
                sents.append(s.strip())
        if len(sents) >= args.sentences:
            break
    sents = sents[: args.sentences]
    s_tokens = sum(len(t) for t in akhbar.tokenize_batch(sents))
    print(f"\n== the same {len(sents)} sentences ({s_tokens:,} tokens) ==")
    ours = {t: s_tokens / s for t, s in seconds_by_threads(tagger, sents, args.runs * 5).items()}
    for threads, r in ours.items():
        print(f"akhbar    threads {threads}: {r:>12,.0f} tokens/s")
    theirs = {}
    if neural is not None:
        theirs = {
            t: s_tokens / s for t, s in seconds_by_threads(neural, sents, args.runs * 5).items()
        }
        for threads, r in theirs.items():
            print(f"neural    threads {threads}: {r:>12,.0f} tokens/s")
    if not args.bert_python:
        print("BERT-base: skipped (pass --bert-python PATH to a venv with torch + transformers)")
        return
    words = [[t.text for t in row] for row in akhbar.tokenize_batch(sents)]
    with tempfile.TemporaryDirectory() as d:
        data = Path(d) / "bench.json"
        data.write_text(
            json.dumps({"corpus": texts, "sentences": sents, "words": words}), encoding="utf-8"
        )
        save = Path(d) / "bert-base"
        cmd = [args.bert_python, __file__, "--bert-child", "--data", str(data)]
        cmd += ["--save-dir", str(save), "--runs", str(args.runs)]
        r = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if r.returncode != 0:
            sys.exit(f"BERT child failed:\n{r.stderr[-2000:]}")
        bert = json.loads(r.stdout.strip().splitlines()[-1])
        ours_bert = akhbar.Tagger.from_pretrained(save)
        pieces = sum(len(ours_bert.subwords(w)) + 2 for w in words)
        print(f"BERT-base: {bert['pieces']:,} WordPiece tokens in torch, {pieces:,} in akhbar")
        akhbar_bert, akhbar_cpu = {}, {}
        for threads in (1, 2):
            s, c = timed_cpu(
                lambda: ours_bert.tag_tokens(words, n_threads=threads),  # noqa: B023
                args.runs,
            )
            akhbar_bert[threads], akhbar_cpu[threads] = s_tokens / s, s_tokens / c
    print(f"torch {bert['versions']['torch']}")
    for threads in (1, 2):
        b = s_tokens / bert["seconds"][str(threads)]
        print(
            f"BERT-base torch  threads {threads}: {b:>9,.0f} tokens/s"
            f"  ({len(sents) / bert['seconds'][str(threads)]:.1f} sentences/s)"
            f"   akhbar perceptron/torch BERT = {ours[threads] / b:,.0f}x"
        )
        if theirs:
            print(f"  akhbar neural/torch BERT = {theirs[threads] / b:,.1f}x")
        a = akhbar_bert[threads]
        print(
            f"BERT-base akhbar threads {threads}: {a:>9,.0f} tokens/s"
            f"  akhbar BERT/torch BERT = {a / b:.2f}x"
        )
        # Per CPU-second of the process: flat from 1 to 2 threads when the second thread
        # adds no work (overhead, spinning), whatever else runs on the machine.
        bc = s_tokens / bert["cpu"][str(threads)]
        print(
            f"          per CPU-second, threads {threads}: akhbar {akhbar_cpu[threads]:,.0f}"
            f" tokens, torch {bc:,.0f}"
        )
    print(f"akhbar BERT scaling 2/1 threads: {akhbar_bert[2] / akhbar_bert[1]:.2f}x")
    t1, t2 = (bert["seconds"][k] for k in ("1", "2"))
    print(f"torch BERT scaling 2/1 threads: {t1 / t2:.2f}x")


if __name__ == "__main__":
    main()
