#!/usr/bin/env python3
"""Carve a dev split from the end of a CoNLL file (sequential, as CAMeL Lab split ANERcorp).

    python tools/split_conll.py ../shared/data/ner/anercorp/train.txt build/ner --dev 0.1

writes build/ner/train.txt (the first 90% of sentences) and build/ner/dev.txt
(the last 10%). The files hold corpus text: keep them out of the repository.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def sentences(path: Path) -> list[list[str]]:
    out: list[list[str]] = []
    cur: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def words_and_tags(path: Path) -> tuple[list[list[str]], list[list[str]]]:
    """Each sentence's tokens (first column) and tags (last column)."""
    rows = [[line.split() for line in s] for s in sentences(path)]
    return [[r[0] for r in s] for s in rows], [[r[-1] for r in s] for s in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--dev", type=float, default=0.1, help="share of sentences for dev")
    args = ap.parse_args()
    s = sentences(args.source)
    cut = len(s) - round(len(s) * args.dev)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, part in (("train.txt", s[:cut]), ("dev.txt", s[cut:])):
        text = "\n\n".join("\n".join(x) for x in part) + "\n"
        (args.out_dir / name).write_text(text, encoding="utf-8")
        print(f"{args.out_dir / name}: {len(part)} sentences, {sum(map(len, part))} tokens")


if __name__ == "__main__":
    main()
