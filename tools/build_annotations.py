#!/usr/bin/env python3
"""Turn the hand annotations of dates and numbers into offset-checked JSONL.

``tests/fixtures/dates_numbers.ann`` is written by hand while reading each article of
``../shared/data/articles`` (the text itself stays there: research use only). Its lines:

    @ <article id>                      start of an article (reference date = its date_extracted)
    D|T <mention text> = <ISO value>     a DATE or TIME (value "None" when unresolvable)
    N|P|M|Q <mention text> = <value> [; <unit>]   NUMBER, PERCENT, MONEY, QUANTITY

Mentions are listed in text order; each is located after the previous one, at a position where
it is not glued to further digits or letters. The output ``tests/fixtures/dates_numbers.jsonl``
has one line per article: ``{"id", "file", "reference", "mentions": [{"label", "start", "end",
"text", "value", "unit"}]}``, offsets in characters of the article file.

``dates_numbers_heldout.ann`` is the same for articles of the news corpus
(``../shared/data/news/saudinewsnet.jsonl.gz``, rows with ``"file": null``), annotated after the
grammar was written and not used to tune it.

    python tools/build_annotations.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"
LABELS = {
    "D": "DATE",
    "T": "TIME",
    "N": "NUMBER",
    "P": "PERCENT",
    "M": "MONEY",
    "Q": "QUANTITY",
}


def glued(text: str, start: int, end: int, mention: str) -> bool:
    """Whether the match at [start, end) continues a longer digit or letter run."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if mention[0].isdigit() and before.isdigit():
        return True
    if mention[-1].isdigit() and after.isdigit():
        return True
    return mention[-1].isalpha() and after.isalpha() and not mention[-1].isdigit()


def locate(text: str, mention: str, cursor: int) -> int:
    pos = cursor
    while True:
        i = text.find(mention, pos)
        if i < 0:
            raise ValueError(f"not found after {cursor}: {mention!r}")
        if not glued(text, i, i + len(mention), mention):
            return i
        pos = i + 1


def parse_value(label: str, raw: str) -> str | float | None:
    raw = raw.strip()
    if raw == "None":
        return None
    if label in ("DATE", "TIME"):
        return raw
    return float(raw)


def news_texts(shared: Path, ids: set[str]) -> dict[str, dict[str, str]]:
    """The news-corpus records with the given ids."""
    out: dict[str, dict[str, str]] = {}
    path = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in ids:
                out[r["id"]] = r
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    for name in ("dates_numbers", "dates_numbers_heldout"):
        build(args.shared, name)


def build(shared: Path, name: str) -> None:
    articles = shared / "data" / "articles"
    index = {
        r["id"]: r
        for r in map(json.loads, (articles / "index.jsonl").read_text("utf-8").splitlines())
    }
    lines = (FIX / f"{name}.ann").read_text("utf-8").splitlines()
    wanted = {line[2:].strip() for line in lines if line.startswith("@ ")} - set(index)
    news = news_texts(shared, wanted) if wanted else {}
    out: list[dict[str, object]] = []
    text = ""
    cursor = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("@ "):
            rid = line[2:].strip()
            if rid in index:
                r = index[rid]
                file = r["file"]
                text = (articles / file).read_text("utf-8")
            else:
                r = news[rid]
                file = None
                text = r["text"]
            cursor = 0
            out.append(
                {
                    "id": rid,
                    "file": file,
                    "reference": r["date_extracted"][:10],
                    "mentions": [],
                }
            )
            continue
        kind, rest = line.split(" ", 1)
        label = LABELS[kind]
        mention, _, tail = rest.partition(" = ")
        value, _, unit = tail.partition(";")
        try:
            start = locate(text, mention, cursor)
        except ValueError as e:
            raise SystemExit(f"{name}.ann line {n}: {e}") from None
        end = start + len(mention)
        cursor = end
        m: dict[str, object] = {
            "label": label,
            "start": start,
            "end": end,
            "text": mention,
            "value": parse_value(label, value),
        }
        if unit.strip():
            m["unit"] = unit.strip()
        mentions = out[-1]["mentions"]
        assert isinstance(mentions, list)
        mentions.append(m)
    with (FIX / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_mentions = sum(len(r["mentions"]) for r in out)  # type: ignore[arg-type]
    print(f"{name}: {len(out)} articles, {n_mentions} mentions")


if __name__ == "__main__":
    main()
