#!/usr/bin/env python3
"""Score a model on a CoNLL file with and without one label per name per document.

    python tools/label_vote_dev.py build/dev.akbm build/ner/dev.txt

``extract`` gives the mentions of one name in a text the label more of them have
(``crates/akhbar-core/src/entities/label_vote.rs``; a tie changes nothing). This applies
the same rule to the model's tags of each document of 40 sentences (as ``akhbar
evaluate`` reads a CoNLL file) and prints the entity-level P, R and micro-F1 of both, so
the rule's effect on accuracy is measured on labelled text. Names are compared by their
words as written, a little stricter than ``extract``'s spelling-independent form.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from dev_errors import spans
from split_conll import words_and_tags

from akhbar import Tagger

DOCUMENT = 40


def tag_documents(tagger: Tagger, words: list[list[str]]) -> list[list[str]]:
    """The tagger's tags of CoNLL sentences read as documents of ``DOCUMENT`` sentences."""
    tags: list[list[str]] = []
    for lo in range(0, len(words), DOCUMENT):
        tags += tagger.tag_tokens(words[lo : lo + DOCUMENT])
    return tags


def one_label_per_name(words: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """``tags`` with each name of a document relabelled to its strict-majority label."""
    out = [list(t) for t in tags]
    for lo in range(0, len(tags), DOCUMENT):
        doc = range(lo, min(lo + DOCUMENT, len(tags)))
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for k in doc:
            for s, e, label in spans(tags[k]):
                votes[" ".join(words[k][s:e])][label] += 1
        for k in doc:
            for s, e, label in spans(tags[k]):
                top = votes[" ".join(words[k][s:e])].most_common(2)
                if top[0][0] == label or (len(top) > 1 and top[1][1] == top[0][1]):
                    continue
                out[k][s] = f"B-{top[0][0]}"
                for j in range(s + 1, e):
                    out[k][j] = f"I-{top[0][0]}"
    return out


def score(gold: list[list[str]], pred: list[list[str]]) -> tuple[float, float, float]:
    """Entity-level precision, recall and micro-F1."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("conll", type=Path)
    args = ap.parse_args()
    words, gold = words_and_tags(args.conll)
    tags = tag_documents(Tagger.load(args.model), words)
    for name, pred in [("tagger", tags), ("one label per name", one_label_per_name(words, tags))]:
        p, r, f = score(gold, pred)
        print(f"{name}\tP {p:.4f}\tR {r:.4f}\tF1 {f:.4f}")


if __name__ == "__main__":
    main()
