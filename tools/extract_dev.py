#!/usr/bin/env python3
"""Score ``extract``'s names against a CoNLL file's, beside the tagger's own tags.

    python tools/extract_dev.py build/dev.akbm build/ner/dev.txt

``akhbar evaluate`` scores the tagger's tags; ``extract`` then applies the rules of
``crates/akhbar-core/src/entities/`` (clean spans, named_after, royal_title,
known_phrases, place_heads, label_vote). This writes each document of 40 sentences as
one text (a sentence a line, its tokens joined by spaces), runs ``extract`` with
``labels="names"``, maps each name back to the tokens it touches (a span that leaves a
proclitic out still starts at its token) and prints the entity-level P, R and micro-F1
of both against the gold tags, so the rules' effect on labelled text is measured.
ANERcorp's conventions are the measure: a rule that follows the news corpus rather than
them (a title dropped that ANERcorp tags) shows as a loss here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dev_errors import spans
from label_vote_dev import DOCUMENT, score, tag_documents
from split_conll import words_and_tags

from akhbar import Tagger

Span = tuple[int, int, str]


def document_text(words: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text of a document and each token's (start, end) in it."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    at = 0
    for sentence in words:
        row = []
        for k, w in enumerate(sentence):
            if k:
                parts.append(" ")
                at += 1
            row.append((at, at + len(w)))
            parts.append(w)
            at += len(w)
        parts.append("\n")
        at += 1
        offsets.append(row)
    return "".join(parts), offsets


def extract_tags(tagger: Tagger, words: list[list[str]]) -> list[list[str]]:
    """BIO tags of each sentence from ``extract``'s names of the whole document."""
    text, offsets = document_text(words)
    tags = [["O"] * len(s) for s in words]
    for e in tagger.extract(text):
        if e.label not in tagger.labels:
            continue
        touched = [
            (k, i)
            for k, row in enumerate(offsets)
            for i, (a, b) in enumerate(row)
            if a < e.end and e.start < b
        ]
        if not touched or len({k for k, _ in touched}) > 1:
            continue
        k = touched[0][0]
        first, last = touched[0][1], touched[-1][1]
        tags[k][first] = f"B-{e.label}"
        for i in range(first + 1, last + 1):
            tags[k][i] = f"I-{e.label}"
    return tags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("conll", type=Path)
    ap.add_argument("--errors", action="store_true", help="list the names that differ")
    args = ap.parse_args()
    words, gold = words_and_tags(args.conll)
    tagger = Tagger.load(args.model)
    tagged = tag_documents(tagger, words)
    extracted: list[list[str]] = []
    for lo in range(0, len(words), DOCUMENT):
        extracted += extract_tags(tagger, words[lo : lo + DOCUMENT])
    for name, pred in [("tagger", tagged), ("extract", extracted)]:
        p, r, f = score(gold, pred)
        print(f"{name}\tP {p:.4f}\tR {r:.4f}\tF1 {f:.4f}")
    if args.errors:
        for k, (t, x) in enumerate(zip(tagged, extracted, strict=True)):
            g, a, b = spans(gold[k]), spans(t), spans(x)
            for s, e, label in sorted(a ^ b):
                side = "extract" if (s, e, label) in b else "tagger"
                mark = "gold" if (s, e, label) in g else "----"
                print(f"{side}\t{mark}\t{label}\t{' '.join(words[k][s:e])}")


if __name__ == "__main__":
    main()
