#!/usr/bin/env python3
"""List a model's entity errors on a CoNLL file, sorted into kinds, with their context.

    python tools/dev_errors.py build/dev-tags.akbm build/ner/dev.txt > build/dev-errors.txt

Each gold entity the model did not find exactly is one line, of one kind:
``type`` (same tokens, another label), ``boundary`` (overlapped by a predicted entity
with other limits) or ``miss`` (nothing predicted over it); each predicted entity that
overlaps no gold one is ``spurious``. The counts per kind and label come last. Spans
follow the CoNLL-2003 rules of ``akhbar evaluate`` (an orphan ``I-`` starts an entity).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from split_conll import words_and_tags

from akhbar import Tagger

Span = tuple[int, int, str]


def spans(tags: Sequence[str]) -> set[Span]:
    """The entities of one sentence's tags as (start, end, label), end exclusive."""
    out: set[Span] = set()
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        label = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        out.add((i, j, label))
        i = j
    return out


def overlaps(a: Span, b: Span) -> bool:
    """Whether two entities share a token."""
    return a[0] < b[1] and b[0] < a[1]


def kind(gold: Span, predicted: set[Span]) -> str:
    """How the prediction missed one gold entity."""
    over = [p for p in predicted if overlaps(p, gold)]
    if any(p[:2] == gold[:2] for p in over):
        return "type"
    return "boundary" if over else "miss"


def show(toks: Sequence[str], s: Span, context: int) -> str:
    """The entity's words, then its context with the entity left out."""
    left = " ".join(toks[max(0, s[0] - context) : s[0]])
    right = " ".join(toks[s[1] : s[1] + context])
    return f"{' '.join(toks[s[0] : s[1]])}  ‖ {left} [..] {right}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("conll", type=Path)
    ap.add_argument("--context", type=int, default=3, help="words shown either side")
    args = ap.parse_args()
    words, gold_tags = words_and_tags(args.conll)
    predicted_tags = Tagger.load(args.model).tag_tokens(words)
    counts: Counter[tuple[str, str]] = Counter()
    for toks, g_tags, p_tags in zip(words, gold_tags, predicted_tags, strict=True):
        gold, predicted = spans(g_tags), spans(p_tags)
        for s in sorted(gold - predicted):
            k = kind(s, predicted)
            counts[k, s[2]] += 1
            over = [
                f"{' '.join(toks[p[0] : p[1]])}/{p[2]}" for p in sorted(predicted) if overlaps(p, s)
            ]
            print(f"{k}\t{s[2]}\t{show(toks, s, args.context)}\t{' | '.join(over)}")
        for s in sorted(predicted - gold):
            if not any(overlaps(g, s) for g in gold):
                counts["spurious", s[2]] += 1
                print(f"spurious\t{s[2]}\t{show(toks, s, args.context)}\t")
    for (k, label), n in sorted(counts.items()):
        print(f"# {k}\t{label}\t{n}")


if __name__ == "__main__":
    main()
