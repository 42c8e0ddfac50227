"""Article parsing: field accuracy, HTML pages beside trafilatura/htmldate/newspaper4k, speed.

Run (after `make install`, a release build), with the peers in their own venv:

    python3 -m venv ~/peers-venv-html
    ~/peers-venv-html/bin/pip install trafilatura htmldate newspaper4k nltk lxml_html_clean
    nice .venv/bin/python bench/articles.py --peers-python ~/peers-venv-html/bin/python

Reports, in one run:
- field accuracy on ../shared/data/articles against tests/fixtures/articles_expected.jsonl
  (per field, over the articles that carry it; false positives where they do not);
- for the real pages in ../shared/data/articles/html (truth in their index.jsonl): body
  precision/recall/F1 (word multisets) where a body truth exists (lbcgroup: fundus's paragraphs;
  CNN Arabic: newspaper3k's expected body), publication-date accuracy where a date truth exists,
  and pages/s over all pages (single thread, median of runs), for akhbar, trafilatura,
  htmldate (dates only) and newspaper4k;
- articles/s and MB/s of akhbar.parse_article_batch over the whole news corpus on 1 and 2 threads.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
PAGES = DATA / "articles" / "html"
FIXTURES = ROOT / "tests" / "fixtures" / "articles_expected.jsonl"
NEWS = DATA / "news" / "saudinewsnet.jsonl.gz"
FIELDS = ["title", "section", "published", "dateline", "agency", "author", "source"]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def overlap(got: str, want: str) -> tuple[float, float, float]:
    g, w = collections.Counter(words(got)), collections.Counter(words(want))
    inter = sum((g & w).values())
    p = inter / max(1, sum(g.values()))
    r = inter / max(1, sum(w.values()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pages() -> list[dict[str, str]]:
    """The real pages with their truth: file, url, html, and published/body when known."""
    out = []
    for line in (PAGES / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        raw = (PAGES / row["file"]).read_bytes()
        row["html"] = (gzip.decompress(raw) if row["file"].endswith(".gz") else raw).decode()
        stem = row["file"].split(".html")[0]
        fundus = PAGES / f"{stem}.fundus.json"
        expected = PAGES / f"{stem}.expected_body.txt"
        if fundus.exists():
            v1 = json.loads(fundus.read_text(encoding="utf-8"))["V1"]
            row["body"] = "\n\n".join(p for s in v1["body"]["sections"] for p in s["paragraphs"])
        elif expected.exists():
            row["body"] = expected.read_text(encoding="utf-8")
        out.append(row)
    return out


def peer_worker(runs: int) -> None:
    """Run in the peers' venv: body, date and timing of each peer over the pages."""
    import warnings

    warnings.filterwarnings("ignore")
    rows = pages()
    out: dict[str, dict[str, object]] = {}

    def run_all(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        results = [fn(r) for r in rows]
        dt = timed(lambda: [fn(r) for r in rows], runs)
        out[name] = {
            "bodies": [b for b, _ in results],
            "dates": [d for _, d in results],
            "seconds": dt,
        }

    try:
        import trafilatura

        def traf(r: dict[str, str]) -> tuple[str | None, str | None]:
            doc = trafilatura.bare_extraction(r["html"], url=r.get("url"), with_metadata=True)
            if doc is None:
                return "", None
            return doc.text or "", doc.date

        run_all("trafilatura " + trafilatura.__version__, traf)
    except ImportError as e:
        out["trafilatura"] = {"error": str(e)}
    try:
        import htmldate

        def hd(r: dict[str, str]) -> tuple[str | None, str | None]:
            return None, htmldate.find_date(r["html"], url=r.get("url"))

        run_all("htmldate " + htmldate.__version__, hd)
    except ImportError as e:
        out["htmldate"] = {"error": str(e)}
    try:
        import newspaper

        def np4k(r: dict[str, str]) -> tuple[str | None, str | None]:
            url = quote(r.get("url") or "http://example.com/", safe=":/?&=#%")
            a = newspaper.Article(url, language="ar", fetch_images=False)
            a.download(input_html=r["html"])
            a.parse()
            d = a.publish_date.date().isoformat() if a.publish_date else None
            return a.text, d

        run_all("newspaper4k " + newspaper.__version__, np4k)
    except ImportError as e:
        out["newspaper4k"] = {"error": str(e)}
    print(json.dumps(out, ensure_ascii=False))


def accuracy() -> None:
    import akhbar

    rows = [json.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines()]
    hits: dict[str, list[bool]] = {f: [] for f in [*FIELDS, "body"]}
    fp = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    for e in rows:
        text = (DATA / "articles" / e["file"]).read_text(encoding="utf-8")
        a = akhbar.parse_article(text)
        for f in FIELDS:
            got = getattr(a, f)
            if e[f] is None:
                fp[f] += got is not None
            else:
                hits[f].append(got == e[f])
                if got != e[f]:
                    misses.append(f"{e['id']} {f}: got {got!r}, want {e[f]!r}")
        ws = a.body.replace("\u200b", "").split()
        ok = " ".join(ws[:4]) == e["body_start"] and " ".join(ws[-4:]) == e["body_end"]
        hits["body"].append(ok)
        if not ok:
            misses.append(f"{e['id']} body: {' '.join(ws[:4])!r} … {' '.join(ws[-4:])!r}")
    print(f"Field accuracy on {len(rows)} articles of ../shared/data/articles (hand-checked):")
    print(f"  {'field':<10} {'correct':>9} {'accuracy':>9} {'false+':>7}")
    for f, h in hits.items():
        print(f"  {f:<10} {sum(h):>4}/{len(h):<4} {sum(h) / len(h):>9.1%} {fp.get(f, 0):>7}")
    for m in misses:
        print("  miss:", m)


def html_pages(peers_python: str | None, runs: int) -> None:
    import akhbar

    rows = pages()

    def parse(r: dict[str, str]) -> akhbar.Article:
        return akhbar.parse_article(r["html"], url=r.get("url"))

    arts = [parse(r) for r in rows]
    # The CNN truth keeps the dateline line "دمشق، سوريا (CNN) --", which akhbar moves to fields:
    # a second row puts it back (the page text from the dateline to the body).
    with_head = []
    for r, a in zip(rows, arts, strict=True):
        d, b = a.spans["dateline"], a.spans["body"]
        with_head.append(r["html"][d[0] : b[0]] + " " + a.body if d and b else a.body)
    results: dict[str, dict[str, object]] = {
        f"akhbar {akhbar.__version__}": {
            "bodies": [a.body for a in arts],
            "dates": [a.published for a in arts],
            "seconds": timed(lambda: [parse(r) for r in rows], runs),
        },
        "akhbar (+ dateline line)": {"bodies": with_head, "dates": None, "seconds": None},
    }
    if peers_python:
        proc = subprocess.run(
            [peers_python, __file__, "--peer-worker", "--runs", str(runs)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode == 0:
            results.update(json.loads(proc.stdout.strip().splitlines()[-1]))
        else:
            print("peer worker failed:", proc.stderr[-2000:])
    with_body = [i for i, r in enumerate(rows) if "body" in r]
    with_date = [i for i, r in enumerate(rows) if r.get("published")]
    print(
        f"\nReal pages in ../shared/data/articles/html: {len(rows)} pages "
        f"({sum(len(r['html']) for r in rows) / 1e3:.0f} k chars); body truth on "
        f"{', '.join(rows[i]['file'].split('-')[0].split('_')[0] for i in with_body)}; "
        f"date truth on {len(with_date)}"
    )
    print(
        f"  {'parser':<26} {'body P':>7} {'R':>6} {'F1':>6}  {'dates':>6}"
        f" {'pages/s':>8} {'time vs akhbar':>15}"
    )
    base = results[f"akhbar {akhbar.__version__}"]["seconds"]
    for name, r in results.items():
        if "error" in r:
            print(f"  {name:<26} not available: {r['error']}")
            continue
        bodies, dates, s = r["bodies"], r["dates"], r["seconds"]
        cells = f"{'':>7} {'':>6} {'':>6}"
        if bodies and any(bodies):
            scores = [overlap(bodies[i] or "", rows[i]["body"]) for i in with_body]  # type: ignore[index]
            p, rec, f1 = (statistics.mean(x) for x in zip(*scores, strict=True))
            cells = f"{p:>7.3f} {rec:>6.3f} {f1:>6.3f}"
        ok = (
            f"{sum(dates[i] == rows[i]['published'] for i in with_date)}/{len(with_date)}"
            if dates
            else ""
        )  # type: ignore[index]
        speed = f"{len(rows) / s:>8.1f}" if s else f"{'':>8}"  # type: ignore[operator]
        ratio = f"{s / base:>14.1f}x" if s else ""  # type: ignore[operator]
        print(f"  {name:<26} {cells}  {ok:>6} {speed} {ratio}")
    for i, r in enumerate(rows):
        if r.get("published"):
            got = {n: v["dates"][i] for n, v in results.items() if v.get("dates")}  # type: ignore[index]
            print(
                f"  date {r['file']:<34} truth {r['published']}  "
                + "  ".join(f"{n.split()[0]}={d}" for n, d in got.items())
            )
    print("  (body P/R/F1: mean over the pages with a body truth; time vs akhbar: how many times")
    print("   longer the peer takes for all pages; single thread, median of runs)")


def corpus_speed(runs: int) -> None:
    import akhbar

    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"\nWhole corpus: {len(texts):,} articles, {mb:.0f} MB (SaudiNewsNet), text input")
    base = None
    for n in (1, 2):
        akhbar.parse_article_batch(texts[:2000], n_threads=n)  # warm-up
        dt = timed(lambda n=n: akhbar.parse_article_batch(texts, n_threads=n), runs)
        base = base or dt
        print(
            f"  akhbar.parse_article_batch n_threads={n}: {dt:6.2f} s"
            f"  {len(texts) / dt:8.0f} articles/s"
            f"  {mb / dt:6.1f} MB/s  speed-up {base / dt:.2f}x"
        )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--peers-python", help="python of a venv with trafilatura, htmldate and newspaper4k"
    )
    ap.add_argument("--only-html", action="store_true", help="only the HTML pages section")
    ap.add_argument("--runs", type=int, default=5, help="timing runs (median)")
    ap.add_argument("--peer-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer_worker:
        peer_worker(args.runs)
        return
    for p in (FIXTURES, PAGES / "index.jsonl", NEWS):
        if not p.exists():
            sys.exit(f"missing {p} (set AKHBAR_SHARED to the shared folder)")
    if not args.only_html:
        accuracy()
    html_pages(args.peers_python, max(args.runs, 10))
    if not args.only_html:
        corpus_speed(args.runs)


if __name__ == "__main__":
    main()
