#!/usr/bin/env python3
"""Dates and numbers: accuracy on the hand-annotated articles, and speed, against dateparser.

Reads ``tests/fixtures/dates_numbers.jsonl`` (mentions annotated by hand in 104 real articles
of ``../shared/data/articles``, the set the grammar was developed on) and
``dates_numbers_heldout.jsonl`` (27 articles drawn at random from the news corpus, two per
newspaper, annotated afterwards and not used for tuning); the article text is read from
``../shared``. For each set it reports, for akhbar's
``extract_dates`` (DATE + TIME) and ``extract_numbers`` (NUMBER, PERCENT, MONEY, QUANTITY):

- precision and recall of exact spans (and of overlapping spans, for reference);
- value accuracy: the share of span-matched mentions whose value equals the annotated one
  (ISO string for dates; numbers within 1e-9 relative);
- label accuracy for numbers (NUMBER vs PERCENT vs MONEY vs QUANTITY).

In the same run, dateparser's ``search_dates(text, languages=["ar"])`` (with the article's date
as ``RELATIVE_BASE``) is scored on the same DATE + TIME mentions, its value compared at the
annotated granularity, and both are timed on the annotated articles and on the first
``--speed-articles`` articles of the news corpus (single thread, median of ``--runs``).

    pip install dateparser            # the peer: bench-only, not a test dependency
    python bench/dates.py [--shared ../shared] [--no-peer] [--errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import akhbar

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = {
    "dev (104 articles, tuned on)": ROOT / "tests" / "fixtures" / "dates_numbers.jsonl",
    "held-out (27 corpus articles)": ROOT / "tests" / "fixtures" / "dates_numbers_heldout.jsonl",
}
DATE_LABELS = {"DATE", "TIME"}

Span = tuple[int, int]


def load(shared: Path, fixture: Path) -> list[tuple[dict[str, Any], str]]:
    rows = [json.loads(line) for line in fixture.read_text("utf-8").splitlines() if line]
    articles = shared / "data" / "articles"
    if not articles.exists():
        sys.exit(f"research data not present: {articles} (pass --shared)")
    wanted = {r["id"] for r in rows if r["file"] is None}
    corpus: dict[str, str] = {}
    if wanted:
        path = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    corpus[rec["id"]] = rec["text"]
    return [
        (r, (articles / r["file"]).read_text("utf-8") if r["file"] else corpus[r["id"]])
        for r in rows
    ]


def same_value(gold: Any, got: Any) -> bool:
    if isinstance(gold, float) or isinstance(got, (int, float)):
        if gold is None or got is None:
            return gold is None and got is None
        return abs(float(gold) - float(got)) <= 1e-9 * max(1.0, abs(float(gold)))
    return bool(gold == got)


class Score:
    """Span precision/recall and value accuracy over many articles."""

    def __init__(self) -> None:
        self.gold = self.pred = self.exact = self.overlap_p = self.overlap_g = 0
        self.value_ok = self.label_ok = 0
        self.errors: list[str] = []

    def add(
        self,
        doc: str,
        text: str,
        gold: Sequence[tuple[Span, str, Any]],
        pred: Sequence[tuple[Span, str, Any]],
    ) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        gold_by_span = {g[0]: g for g in gold}
        pred_spans = {p[0] for p in pred}
        for span, label, value in pred:
            g = gold_by_span.get(span)
            if g is None:
                self.errors.append(f"{doc} FP {text[span[0] : span[1]]!r} {label} {value!r}")
                continue
            self.exact += 1
            self.label_ok += g[1] == label
            if same_value(g[2], value):
                self.value_ok += 1
            else:
                self.errors.append(
                    f"{doc} VALUE {text[span[0] : span[1]]!r} gold={g[2]!r} got={value!r}"
                )
        for span, label, value in gold:
            if span not in pred_spans:
                self.errors.append(f"{doc} FN {text[span[0] : span[1]]!r} {label} {value!r}")

        def overlaps(a: Span, spans: Sequence[Span]) -> bool:
            return any(a[0] < b[1] and b[0] < a[1] for b in spans)

        self.overlap_p += sum(overlaps(p[0], [g[0] for g in gold]) for p in pred)
        self.overlap_g += sum(overlaps(g[0], [p[0] for p in pred]) for g in gold)

    def row(self, name: str) -> str:
        p = self.exact / self.pred if self.pred else 0.0
        r = self.exact / self.gold if self.gold else 0.0
        op = self.overlap_p / self.pred if self.pred else 0.0
        orc = self.overlap_g / self.gold if self.gold else 0.0
        v = self.value_ok / self.exact if self.exact else 0.0
        return (
            f"{name:<28} {self.gold:>5} {self.pred:>5} {p:>6.3f} {r:>6.3f} "
            f"{op:>6.3f} {orc:>6.3f} {v:>6.3f}"
        )


def akhbar_dates(text: str, ref: str) -> list[tuple[Span, str, Any]]:
    return [((m.start, m.end), m.label, m.value) for m in akhbar.extract_dates(text, reference=ref)]


def akhbar_numbers(text: str) -> list[tuple[Span, str, Any]]:
    return [((m.start, m.end), m.label, m.value) for m in akhbar.extract_numbers(text)]


def dateparser_dates(
    search: Callable[..., Any], text: str, ref: str, gold: Sequence[tuple[Span, str, Any]]
) -> list[tuple[Span, str, Any]]:
    base = dt.datetime.fromisoformat(ref)
    found = search(text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
    out: list[tuple[Span, str, Any]] = []
    cursor = 0
    gold_by_span = {g[0]: g for g in gold}
    for sub, value in found:
        i = text.find(sub, cursor)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        cursor = i + len(sub)
        span = (i, i + len(sub))
        g = gold_by_span.get(span)
        # dateparser returns a datetime: render it at the annotated granularity.
        iso = None
        if g is not None and isinstance(g[2], str):
            want = g[2]
            if want.startswith("T"):
                iso = value.strftime("T%H:%M")
            elif len(want) == 4:
                iso = value.strftime("%Y")
            elif len(want) == 7 and want[4] == "-" and "W" not in want:
                iso = value.strftime("%Y-%m")
            else:
                iso = value.strftime("%Y-%m-%d")
        out.append((span, "DATE", iso))
    return out


def timed(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def news(shared: Path, n: int) -> list[str]:
    path = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    out: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)["text"]
            if t:
                out.append(t)
                if len(out) >= n:
                    break
    return out


def evaluate(
    title: str, data: list[tuple[dict[str, Any], str]], search: Callable[..., Any] | None
) -> list[str]:
    """Score akhbar (and dateparser) on one annotated set; print the table."""
    dates, numbers, peer = Score(), Score(), Score()
    by_label: dict[str, Score] = {}
    for row, text in data:
        gold_d = [
            ((m["start"], m["end"]), m["label"], m["value"])
            for m in row["mentions"]
            if m["label"] in DATE_LABELS
        ]
        gold_n = [
            ((m["start"], m["end"]), m["label"], m["value"])
            for m in row["mentions"]
            if m["label"] not in DATE_LABELS
        ]
        doc = row["id"][-16:]
        pred_d = akhbar_dates(text, row["reference"])
        pred_n = akhbar_numbers(text)
        dates.add(doc, text, gold_d, pred_d)
        numbers.add(doc, text, gold_n, pred_n)
        for label in ("DATE", "TIME", "NUMBER", "PERCENT", "MONEY", "QUANTITY"):
            by_label.setdefault(label, Score()).add(
                doc,
                text,
                [g for g in gold_d + gold_n if g[1] == label],
                [p for p in pred_d + pred_n if p[1] == label],
            )
        if search is not None:
            peer.add(doc, text, gold_d, dateparser_dates(search, text, row["reference"], gold_d))

    print(f"\n== {title}: {len(data)} articles, {dates.gold + numbers.gold} mentions")
    print(f"{'':<28} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'P~':>6} {'R~':>6} {'value':>6}")
    print(dates.row("akhbar dates (DATE+TIME)"))
    if search is not None:
        print(peer.row("dateparser search_dates"))
    print(numbers.row("akhbar numbers"))
    lab = numbers.label_ok / numbers.exact if numbers.exact else 0.0
    print(f"  number label accuracy on matched spans: {lab:.3f}")
    for label, s in by_label.items():
        print(s.row(f"  {label}"))
    print("P, R: exact spans; P~, R~: overlapping spans; value: accuracy on exact matches")
    return [f"[{title[:8]}] {e}" for e in dates.errors + numbers.errors]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared")),
    )
    ap.add_argument("--no-peer", action="store_true", help="skip dateparser")
    ap.add_argument("--errors", action="store_true", help="print every mismatch")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--speed-articles", type=int, default=2000)
    ap.add_argument("--peer-speed-articles", type=int, default=100)
    args = ap.parse_args()

    search: Callable[..., Any] | None = None
    if not args.no_peer:
        try:
            from dateparser.search import search_dates

            search = search_dates
        except ImportError:
            print("dateparser not installed: peer columns skipped (pip install dateparser)")

    errors: list[str] = []
    data: list[tuple[dict[str, Any], str]] = []
    for title, fixture in FIXTURES.items():
        part = load(args.shared, fixture)
        data += part
        errors += evaluate(title, part, search)
    texts = [t for _, t in data]
    refs = [r["reference"] for r, _ in data]
    corpus = news(args.shared, args.speed_articles)
    print("\nspeed (single thread, median of runs):")

    def ak_dates(ts: list[str], rs: list[str | None]) -> None:
        for t, r in zip(ts, rs, strict=True):
            akhbar.extract_dates(t, reference=r)

    for name, ts, rs in (
        ("annotated", texts, refs),
        (f"news[:{len(corpus)}]", corpus, [None] * len(corpus)),
    ):
        mb = sum(len(t.encode()) for t in ts) / 1e6
        t_d = timed(lambda ts=ts, rs=rs: ak_dates(ts, rs), args.runs)
        t_n = timed(lambda ts=ts: [akhbar.extract_numbers(t) for t in ts], args.runs)
        print(
            f"  akhbar extract_dates   {name:<12} {len(ts) / t_d:>10.0f} articles/s "
            f"{mb / t_d:>8.2f} MB/s"
        )
        print(
            f"  akhbar extract_numbers {name:<12} {len(ts) / t_n:>10.0f} articles/s "
            f"{mb / t_n:>8.2f} MB/s"
        )
        t_b = timed(lambda ts=ts: akhbar.extract_dates_batch(ts), args.runs)
        print(
            f"  akhbar extract_dates_batch (all cores) {name:<12} {len(ts) / t_b:>8.0f} articles/s"
        )
        if search is not None:
            sub = ts[: args.peer_speed_articles]
            mb_sub = sum(len(t.encode()) for t in sub) / 1e6
            t_p = timed(lambda sub=sub, s=search: [s(t, languages=["ar"]) for t in sub], 1)
            t_a = timed(lambda sub=sub: [akhbar.extract_dates(t) for t in sub], args.runs)
            print(
                f"  dateparser search_dates {name:<12} {len(sub) / t_p:>9.1f} articles/s "
                f"{mb_sub / t_p:>8.3f} MB/s  (first {len(sub)}; akhbar on the same: "
                f"{len(sub) / t_a:.0f} articles/s, {t_p / t_a:.0f}x)"
            )
    if args.errors:
        print("\nmismatches:")
        for e in errors:
            print(" ", e)


if __name__ == "__main__":
    main()
