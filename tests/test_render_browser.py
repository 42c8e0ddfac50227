"""Look at the rendering as a reader would: headless Chromium screenshots, checked with Pillow.

Skips with a message when no Chromium is installed (``make test`` installs Debian's
``chromium`` when it can). ``AKHBAR_WRITE_DOCS=1 pytest tests/test_render_browser.py``
also refreshes ``docs/render.png``, the README's screenshot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

Image = pytest.importorskip("PIL.Image", reason="Pillow is a test dependency")

from _render_data import Article, Entity, sample  # noqa: E402

import akhbar  # noqa: E402
from akhbar.render import LABEL_COLORS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 900


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)  # make test installs Debian's chromium when it can
        if path:
            return path
    pytest.skip(
        "no headless Chromium on PATH (Debian: apt-get install chromium): screenshots skipped"
    )


def screenshot(html: str, tmp: Path, name: str, height: int = 900) -> Image.Image:
    page = tmp / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    png = tmp / f"{name}.png"
    cmd = [
        chromium(),
        "--headless",
        "--no-sandbox",  # root in CI containers
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--force-device-scale-factor=1",
        f"--user-data-dir={tmp / 'profile'}",
        f"--window-size={WIDTH},{height}",
        f"--screenshot={png}",
        page.as_uri(),
    ]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert png.exists(), f"chromium wrote no screenshot (exit {r.returncode}): {r.stderr[-2000:]}"
    return Image.open(png).convert("RGB")


def text_rows(img: Image.Image, box: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """(leftmost, rightmost) x of dark "ink" pixels in each pixel row inside ``box``."""
    x0, y0, x1, y1 = box
    px = img.load()
    assert px is not None
    rows = []
    for y in range(y0, y1):
        xs = [x for x in range(x0, x1) if sum(px[x, y]) < 200]  # dark text pixels
        if xs:
            rows.append((xs[0], xs[-1]))
    return rows


def content_box(img: Image.Image) -> tuple[int, int, int, int]:
    """The white article box: the bounding box of pure-white pixels."""
    mask = img.point(lambda v: 255 if v == 255 else 0).convert("L")
    white = mask.point(lambda v: 255 if v == 255 else 0)
    bbox = white.getbbox()
    assert bbox is not None, "no white article box on the page"
    return bbox


def color_pixels(img: Image.Image, hex_color: str, tol: int = 4) -> int:
    target = tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return sum(
        n
        for n, c in img.getcolors(maxcolors=1 << 20) or []
        if all(abs(a - b) <= tol for a, b in zip(c, target, strict=True))
    )


def lines_article(title: str, lines: list[str]) -> Article:
    return Article(title=title, body="\n".join(lines))


def hug(img: Image.Image) -> tuple[float, float]:
    """Median gap between the ink and the box's left and right edges, over short lines."""
    x0, y0, x1, y1 = content_box(img)
    rows = text_rows(img, (x0 + 2, y0 + 2, x1 - 2, y1 - 2))
    lefts = sorted(left - x0 for left, _ in rows)
    rights = sorted(x1 - right for _, right in rows)
    return lefts[len(lefts) // 2], rights[len(rights) // 2]


def test_arabic_hugs_the_right_edge_and_english_the_left(tmp_path: Path) -> None:
    short_ar = ["عاجل: زلزال في تركيا", "قتلى وجرحى", "الدفاع المدني يواصل البحث"]
    short_en = ["Breaking: earthquake in Turkey", "Casualties reported", "Search goes on"]
    ar = screenshot(
        akhbar.render(lines_article("خبر عاجل", short_ar), page=True, jupyter=False) or "",
        tmp_path,
        "ar",
        height=400,
    )
    en = screenshot(
        akhbar.render(lines_article("Breaking news", short_en), page=True, jupyter=False) or "",
        tmp_path,
        "en",
        height=400,
    )
    ar_left, ar_right = hug(ar)
    en_left, en_right = hug(en)
    # Arabic: lines start at the right padding (~18 px plus glyph bearings) and end
    # far from the left edge; the control, English, is the mirror image
    assert ar_right < 60 and ar_left > WIDTH / 2, (ar_left, ar_right)
    assert en_left < 60 and en_right > WIDTH / 2, (en_left, en_right)


def test_article_screenshot_reads_right_to_left_with_highlights(tmp_path: Path) -> None:
    article, spans = sample()
    html = akhbar.render(article, entities=spans, page=True, jupyter=False) or ""
    img = screenshot(html, tmp_path, "article")
    # every label drawn has its colour on screen, in more than a sliver
    for label in ("PERS", "LOC", "ORG", "DATE", "NUMBER", "PERCENT", "MONEY", "QUANTITY"):
        assert color_pixels(img, LABEL_COLORS[label]) > 150, label
    # the title line (short, first ink rows) hugs the right edge
    x0, y0, x1, y1 = content_box(img)
    rows = text_rows(img, (x0 + 2, y0 + 2, x1 - 2, y0 + 60))
    assert rows, "no title ink"
    right_gap = x1 - max(r for _, r in rows)
    left_gap = min(left for left, _ in rows) - x0
    # starts at the right padding and ends short of the left (by how much depends on the font)
    assert right_gap < 60 and left_gap > max(60, 2 * right_gap), (left_gap, right_gap)
    # the first highlighted entity (الدمام, LOC) opens the body on the right
    loc = LABEL_COLORS["LOC"]
    target = tuple(int(loc[i : i + 2], 16) for i in (1, 3, 5))
    px = img.load()
    assert px is not None
    xs = [x for y in range(y0, y1, 2) for x in range(x0, x1) if px[x, y] == target]
    assert xs and min(xs) > (x0 + x1) / 2, "the LOC highlight should sit in the right half"
    if os.environ.get("AKHBAR_WRITE_DOCS"):
        bottom = max(y for y in range(img.height) if img.getpixel((x0 + 1, y)) != (249, 250, 251))
        img.crop((0, 0, WIDTH, min(img.height, bottom + 14))).save(ROOT / "docs" / "render.png")


def test_entity_text_is_escaped_in_the_browser(tmp_path: Path) -> None:
    text = 'نشر <script>document.body.innerHTML="PWNED"</script> بيان الرئاسة'
    s = text.index("بيان")
    html = akhbar.render(text, entities=[Entity("بيان", s, s + 4, "MISC")], page=True)
    img = screenshot(html or "", tmp_path, "escaped", height=300)
    # the script did not run: the page still shows the box and the MISC highlight
    assert color_pixels(img, LABEL_COLORS["MISC"]) > 100
