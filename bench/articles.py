"""Article parsing: field accuracy, HTML body overlap, whole-corpus speed vs peers.

Run (after `make install`), with the peers in their own venv:

    python3 -m venv ~/article-peers && ~/article-peers/bin/pip install trafilatura newspaper4k nltk
    nice .venv/bin/python bench/articles.py --peers-python ~/article-peers/bin/python

Reports, in one run:
- field accuracy on ../shared/data/articles against tests/fixtures/articles_expected.jsonl
  (per field, over the articles that carry it; false positives where they do not);
- word overlap (precision/recall/F1 of word multisets) of the CNN Arabic page's body with the
  body newspaper3k's test expects, for akhbar, trafilatura and newspaper4k;
- articles/s and MB/s of akhbar.parse_article_batch over the whole news corpus on 1 and 2 threads;
- pages/s on the HTML page for akhbar, trafilatura and newspaper4k (single thread, median).
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

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
HTML = DATA / "articles" / "html" / "newspaper3k_cnnarabic_syria_clashes_2013.html"
EXPECTED_BODY = HTML.with_name(HTML.name.replace(".html", ".expected_body.txt"))
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


def peer_worker(runs: int) -> None:
    """Run in the peers' venv: body and timing of trafilatura and newspaper4k on the page."""
    import warnings

    warnings.filterwarnings("ignore")
    html = HTML.read_text(encoding="utf-8")
    out = {}
    try:
        import trafilatura

        body = trafilatura.extract(html) or ""
        dt = timed(lambda: trafilatura.extract(html), runs)
        out["trafilatura " + trafilatura.__version__] = {"body": body, "seconds": dt}
    except ImportError as e:
        out["trafilatura"] = {"error": str(e)}
    try:
        import newspaper

        def run() -> str:
            a = newspaper.Article(
                "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/", language="ar"
            )
            a.download(input_html=html)
            a.parse()
            return a.text

        body = run()
        dt = timed(run, runs)
        out["newspaper4k " + newspaper.__version__] = {"body": body, "seconds": dt}
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


def html_overlap_and_speed(peers_python: str | None, runs: int) -> None:
    import akhbar

    html = HTML.read_text(encoding="utf-8")
    want = EXPECTED_BODY.read_text(encoding="utf-8")
    a = akhbar.parse_article(html)
    # The expected body keeps the dateline "دمشق، سوريا (CNN) --", which akhbar moves to fields.
    head = html[a.spans["dateline"][0] : a.spans["body"][0]] if a.spans["dateline"] else ""
    results = {
        f"akhbar {akhbar.__version__}": {
            "body": a.body,
            "seconds": timed(lambda: akhbar.parse_article(html), runs),
        },
        "akhbar (+ dateline line)": {"body": head + " " + a.body, "seconds": None},
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
    print(f"\nCNN Arabic page ({len(html):,} chars): body vs newspaper3k's expected body")
    print(
        f"  {'parser':<28} {'precision':>9} {'recall':>7} {'F1':>6}"
        f" {'pages/s':>9} {'vs akhbar':>10}"
    )
    base = results[f"akhbar {akhbar.__version__}"]["seconds"]
    for name, r in results.items():
        if "error" in r:
            print(f"  {name:<28} not available: {r['error']}")
            continue
        p, rec, f1 = overlap(r["body"], want)
        s = r["seconds"]
        speed = f"{1 / s:>9.0f}" if s else f"{'':>9}"
        ratio = f"{s / base:>9.1f}x" if s else ""
        print(f"  {name:<28} {p:>9.3f} {rec:>7.3f} {f1:>6.3f} {speed} {ratio}")
    print("  (vs akhbar: how many times longer the peer takes per page; single thread, median)")


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
    ap.add_argument("--peers-python", help="python of a venv with trafilatura and newspaper4k")
    ap.add_argument("--runs", type=int, default=5, help="timing runs (median)")
    ap.add_argument("--peer-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer_worker:
        peer_worker(args.runs)
        return
    for p in (FIXTURES, HTML, NEWS):
        if not p.exists():
            sys.exit(f"missing {p} (set AKHBAR_SHARED to the shared folder)")
    accuracy()
    html_overlap_and_speed(args.peers_python, max(args.runs, 20))
    corpus_speed(args.runs)


if __name__ == "__main__":
    main()
