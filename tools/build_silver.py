#!/usr/bin/env python3
"""Self-training data: Jawhara FM sentences tagged by an entity model, as a CoNLL file.

The sentences (5 to 60 tokens) of the unlabeled Jawhara FM news of
``../shared/data/unlabeled`` (Apache-2.0) are tagged by ``--model`` (runs of 20
sentences are one document for its second stage); a seeded random sample of
``--sentences`` of those with at least one entity is written as ``token TAG`` lines, to
be added to the training files (MODEL.md, "Self-training"; measured, not shipped).

With ``--agree TRAIN...``, only sentences that ``--model`` and a context-only tagger
trained on ``TRAIN`` (``tools/build_corpus_tags.py``'s, with ``--clusters``, ``--gazetteer``
and ``--scheme``) tag alike are kept, to be read as auxiliary-domain data (MODEL.md,
"Agreed silver"; measured, not shipped).

    python tools/build_silver.py --model build/dev.akbm --sentences 3000 --output build/silver.txt
    python tools/build_silver.py --model build/teacher.akbm --agree TRAIN.txt \
        --clusters python/akhbar/data/clusters.tsv --scheme bilou --output build/agreed.txt
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from build_clusters import ROOT, documents
from build_corpus_tags import GAZETTEER, context_only_tagger

from akhbar import Tagger, tokenize

JAWHARA = Path("data") / "unlabeled" / "ant-jawhara.jsonl.gz"
SENTENCE_END = {".", "!", "?", "؟"}


def sentences(shared: Path) -> list[list[str]]:
    """The token lists of the Jawhara FM sentences (lines cut at . ! ? ؟)."""
    out: list[list[str]] = []
    for doc in documents(shared / JAWHARA):
        for line in doc.split("\n"):
            cur: list[str] = []
            for tok in tokenize(line):
                cur.append(tok.text)
                if tok.text in SENTENCE_END:
                    out.append(cur)
                    cur = []
            if cur:
                out.append(cur)
    return out


def write_sample(
    tagged: list[tuple[list[str], list[str]]], n: int, output: Path, seed: int = 1
) -> int:
    """Write a seeded sample of ``n`` tagged sentences as ``token TAG`` lines; the token count."""
    keep = list(tagged)
    random.Random(seed).shuffle(keep)
    keep = keep[:n]
    with output.open("w", encoding="utf-8") as f:
        for s, t in keep:
            f.writelines(f"{w} {x}\n" for w, x in zip(s, t, strict=True))
            f.write("\n")
    return sum(len(s) for s, _ in keep)


def write_silver(
    tagger: Tagger, sents: list[list[str]], n: int, output: Path, seed: int = 1
) -> int:
    """Tag ``sents``, sample ``n`` with an entity and write them; the token count."""
    tags = tagger.tag_tokens(sents)
    keep = [
        (s, t)
        for s, t in zip(sents, tags, strict=True)
        if 5 <= len(s) <= 60 and any(x != "O" for x in t)
    ]
    return write_sample(keep, n, output, seed)


def write_agreed_silver(
    tagger: Tagger, context: Tagger, sents: list[list[str]], n: int, output: Path, seed: int = 1
) -> int:
    """Write ``n`` sentences (5 to 60 tokens, with an entity) that ``tagger`` and the
    context-only ``context`` tag alike, a seeded sample; the token count.

    Two views of a sentence — one that reads the words, one that reads only their
    context — agree where the names are clear, so the sample holds fewer of the full
    tagger's own errors than plain self-training (MODEL.md, "Agreed silver").
    """
    sents = [s for s in sents if 5 <= len(s) <= 60]
    keep = [
        (s, a)
        for s, a, b in zip(sents, tagger.tag_tokens(sents), context.tag_tokens(sents), strict=True)
        if a == b and any(x != "O" for x in a)
    ]
    return write_sample(keep, n, output, seed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--agree", type=Path, nargs="+", metavar="TRAIN", help="CoNLL training files")
    ap.add_argument("--clusters", type=Path, help="clusters of the context-only tagger")
    ap.add_argument("--gazetteer", type=Path, default=GAZETTEER)
    ap.add_argument("--scheme", choices=("bio", "bilou"), default="bilou")
    args = ap.parse_args()
    sents = sentences(args.shared)
    model = Tagger.load(args.model)
    if args.agree:
        if args.clusters is None:
            ap.error("--agree needs --clusters")
        context = context_only_tagger(
            args.agree, gazetteer=args.gazetteer, clusters=args.clusters, scheme=args.scheme
        )
        n = write_agreed_silver(model, context, sents, args.sentences, args.output, args.seed)
    else:
        n = write_silver(model, sents, args.sentences, args.output, args.seed)
    print(f"{len(sents)} sentences tagged; {args.sentences} kept ({n} tokens) -> {args.output}")


if __name__ == "__main__":
    main()
