"""HTML pages: the five real pages in ../shared against their truth, encodings, deep markup.

The synthetic pages covering each fallback step and each metadata source are Rust unit tests
(crates/akhbar-core/src/article/html/tests.rs); these check the same behaviour through Python.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import DATA, need

import akhbar

PAGES = DATA / "articles" / "html"


def read_page(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def index() -> list[dict[str, str]]:
    lines = need(PAGES / "index.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def word_overlap(got: str, want: str) -> tuple[float, float]:
    """Precision and recall of the word multiset of `got` against `want`."""
    g, w = Counter(re.findall(r"\w+", got)), Counter(re.findall(r"\w+", want))
    inter = sum((g & w).values())
    return inter / max(1, sum(g.values())), inter / max(1, sum(w.values()))


@pytest.mark.parametrize(
    "name", ["youm7-2020-08-24.html", "alyaum-2020-12-01.html", "beirutobserver-2020-11-09.html"]
)
def test_htmldate_pages_date_and_body(name: str) -> None:
    row = next(r for r in index() if r["file"] == name)
    html = read_page(PAGES / name)
    a = akhbar.parse_article(html, url=row["url"])
    assert a.published == row["published"]
    # No body truth for these pages: the body is found, starts with its lead (checked by hand
    # against the page), and every paragraph's span holds it (markup inside a paragraph, such
    # as a link, lies inside its span).
    leads = {
        "youm7-2020-08-24.html": "شهد الدكتور محمد عبد العاطي وزير الموارد المائية والرى",
        "alyaum-2020-12-01.html": "وسط تهديدات إيرانية بالانتقام وتوعد إسرائيلي برد قاس",
        "beirutobserver-2020-11-09.html": "نشر موقع Middle East Eye البريطاني",
    }
    assert a.extraction in ("article-element", "densest-block")
    assert a.paragraphs[0].startswith(leads[name])
    for p, span in zip(a.paragraphs, a.paragraph_spans, strict=True):
        if span is not None:
            assert " ".join(re.sub(r"<[^>]*>", "", html[span[0] : span[1]]).split()) == p


def test_lbcgroup_page_against_fundus() -> None:
    html = read_page(need(PAGES / "lbcgroup-2026-01-08.html.gz"))
    truth = json.loads((PAGES / "lbcgroup-2026-01-08.fundus.json").read_text("utf-8"))["V1"]
    a = akhbar.parse_article(html)
    want = [p for s in truth["body"]["sections"] for p in s["paragraphs"]]
    assert a.paragraphs == want
    assert a.published == truth["publishing_date"][:10]
    # The page's JSON-LD headline writes the quotes as &quot;: decoded once. fundus takes the
    # og:title, which drops them; otherwise the same title.
    assert a.title is not None and "&" not in a.title
    assert a.title.replace('"', "") == truth["title"]


def test_cnn_page_body_overlap() -> None:
    html = read_page(need(PAGES / "newspaper3k_cnnarabic_syria_clashes_2013.html"))
    want = (PAGES / "newspaper3k_cnnarabic_syria_clashes_2013.expected_body.txt").read_text(
        encoding="utf-8"
    )
    a = akhbar.parse_article(html)
    # The expected body keeps the dateline "دمشق، سوريا (CNN) --", which akhbar moves to fields.
    p, r = word_overlap(f"{a.dateline} {a.agency} {a.body}", want)
    assert p == 1.0 and r == 1.0
    assert not any("التعليقات" in p for p in a.paragraphs)  # the comment rules are left out


def test_every_page_has_a_body() -> None:
    for row in index():
        a = akhbar.parse_article(read_page(PAGES / row["file"]), url=row.get("url"))
        assert a.paragraphs and a.extraction not in ("visible-text", "empty"), row["file"]


PAGE = (
    '<html><head><meta charset="{charset}"><title>الميزانية</title></head><body><article>'
    "<p>قال وزير المالية إن الحكومة ستعلن عن الميزانية الجديدة في الأسبوع المقبل.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("charset", ["windows-1256", "ISO-8859-6", "cp1256", "arabic"])
def test_bytes_in_a_legacy_arabic_encoding(charset: str) -> None:
    page = PAGE.format(charset=charset)
    codec = "cp1256" if "1256" in charset else "iso8859_6"
    raw = page.encode(codec)
    a = akhbar.parse_article(raw)
    assert a.kind == "html" and a.title == "الميزانية"
    assert a.paragraphs == [
        "قال وزير المالية إن الحكومة ستعلن عن الميزانية الجديدة في الأسبوع المقبل."
    ]
    # Spans index the decoded page.
    s, e = a.paragraph_spans[0]  # type: ignore[misc]
    assert page[s:e] == a.paragraphs[0]


def test_bytes_http_equiv_and_bom() -> None:
    page = PAGE.replace(
        '<meta charset="{charset}">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
    )
    assert akhbar.parse_article(page.encode("cp1256")).title == "الميزانية"
    # A UTF-8 BOM overrides a wrong declaration.
    bom = b"\xef\xbb\xbf" + PAGE.format(charset="iso-8859-6").encode("utf-8")
    assert akhbar.parse_article(bom).title == "الميزانية"


def test_empty_page_says_so() -> None:
    for page in ["<html><body></body></html>", "<script>var x = 1;</script>", ""]:
        a = akhbar.parse_article(page, kind="html")
        assert a.paragraphs == [] and a.extraction == "empty"
    a = akhbar.parse_article("<html><body><div>قال الرئيس</div></body></html>")
    assert (a.paragraphs, a.extraction) == (["قال الرئيس"], "visible-text")
    assert a.to_dict()["extraction"] == "visible-text"


@pytest.mark.parametrize(
    "page",
    [
        # Issue 10: this killed the process with a stack overflow.
        "<html><body>" + "<b>" * 30000 + "<p>قال الرئيس</p>" + "</b>" * 30000 + "</body></html>",
        "<html><body>" + "<div>" * 100_000 + "<p>قال الرئيس</p>" + "</div>" * 100_000,
        "<html><body>" + "<span><i>" * 50_000 + "<p>قال الرئيس</p>",
        "<html><body><table><tr><td>" * 30_000 + "قال الرئيس",
    ],
)
def test_deep_markup(page: str) -> None:
    a = akhbar.parse_article(page)
    assert a.paragraphs == ["قال الرئيس"]
