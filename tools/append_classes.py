#!/usr/bin/env python3
"""Append the classes of one clusters file after those of another, word by word.

A clusters file has one classes section; the tagger reads each word's classes as a list
and makes a feature of every position (its neighbours get position 0 only). To try two
kinds of classes together — the corpus tag classes of ``tools/build_corpus_tags.py`` and
the embedding classes of ``tools/build_embeddings.py`` — this writes the word clusters of
``first``, then for every word with classes in either file its ``first`` classes
followed by its ``second`` classes, with 65535 ("none") in the places of the file that
has none for that word. Context classes at the end of ``first``'s classes (the
``#context`` entry says how many) stay at the end, after ``second``'s. MODEL.md's rows
"+ embedding classes after the corpus tag classes" were measured with it (not shipped).

    python tools/append_classes.py build/clusters-dev-tags-bilou.tsv \\
        build/clusters-dev-emb.tsv build/clusters-dev-merged.tsv
"""

from __future__ import annotations

import argparse
from pathlib import Path

from akhbar._core import _CLUSTERS_CLASSES_HEADER, _CLUSTERS_CONTEXT_KEY

NONE = "65535"


def read_clusters(path: Path) -> tuple[str, dict[str, list[str]]]:
    """The word-cluster lines of ``path`` (as text) and its classes by word."""
    text = path.read_text(encoding="utf-8")
    paths, _, classes = text.partition(f"\n{_CLUSTERS_CLASSES_HEADER}\n")
    by_word: dict[str, list[str]] = {}
    for line in classes.splitlines():
        word, _, ids = line.partition("\t")
        by_word[word] = ids.split()
    return paths.rstrip("\n") + "\n", by_word


def append_classes(first: Path, second: Path, output: Path) -> int:
    """Write ``first``'s clusters with ``second``'s classes after its own; the word count."""
    paths, a = read_clusters(first)
    _, b = read_clusters(second)
    if not a or not b:
        raise ValueError(f"both files need a {_CLUSTERS_CLASSES_HEADER} section")
    if _CLUSTERS_CONTEXT_KEY in b:
        raise ValueError(f"{second}: classes with context classes go first")
    marker = a.pop(_CLUSTERS_CONTEXT_KEY, None)
    tail = int(marker[0]) if marker else 0
    width_a = len(next(iter(a.values())))
    width_b = len(next(iter(b.values())))

    def merged(word: str) -> list[str]:
        ids = a.get(word, [NONE] * width_a)
        own, context = ids[: width_a - tail], ids[width_a - tail :]
        return own + b.get(word, [NONE] * width_b) + context

    lines = [word + "\t" + " ".join(merged(word)) for word in sorted(a.keys() | b.keys())]
    if marker:
        lines.append(_CLUSTERS_CONTEXT_KEY + "\t" + " ".join(marker))
    output.write_text(
        paths + _CLUSTERS_CLASSES_HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    return len(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path, help="clusters file whose word clusters are kept")
    ap.add_argument("second", type=Path, help="clusters file whose classes are appended")
    ap.add_argument("output", type=Path)
    args = ap.parse_args()
    n = append_classes(args.first, args.second, args.output)
    print(f"{n} words with classes -> {args.output}")


if __name__ == "__main__":
    main()
