"""Where an akhbar option does what a peer function does, the results agree on
the real news corpus; each adjustment below is a documented, deliberate
difference (README, "Where akhbar differs from the peers on purpose")."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from akhbar import Normalizer

pyarabic = pytest.importorskip("pyarabic.araby", reason="PyArabic is a test dependency")
camel_norm = pytest.importorskip("camel_tools.utils.normalize", reason="camel-tools not installed")
camel_dediac = pytest.importorskip("camel_tools.utils.dediac", reason="camel-tools not installed")

# Marks akhbar's `diacritics` removes beyond U+064B–0652 (PyArabic) and U+0670 (CAMeL).
EXTRA_MARKS = re.compile(
    "[\u0653-\u065f\u0670\u0610-\u061a\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]"
)
EXTRA_ALEFS = str.maketrans({"ٱ": "ا", "\u0672": "ا", "\u0673": "ا"})


def only(**steps: bool) -> Normalizer:
    return Normalizer("none", **steps)


def agree(
    texts: list[str], ours: Normalizer, theirs: Callable[[str], str], adjust: Callable[[str], str]
) -> None:
    changed = 0
    for i, text in enumerate(texts):
        want = adjust(theirs(text))
        got = ours.normalize(text)
        assert got == want, f"article {i}: first difference at {_diff(got, want)}"
        changed += got != text
    assert changed > 0, "the step never fired on the corpus: the comparison proves nothing"


def _diff(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"{i}: {a[i - 10 : i + 10]!r} vs {b[i - 10 : i + 10]!r}"


def test_strip_tashkeel(news_sample: list[str]) -> None:
    agree(
        news_sample,
        only(diacritics=True),
        pyarabic.strip_tashkeel,
        lambda s: EXTRA_MARKS.sub("", s),
    )


def test_strip_tatweel(news_sample: list[str]) -> None:
    agree(news_sample, only(tatweel=True), pyarabic.strip_tatweel, lambda s: s)


def test_normalize_hamza_tasheel(news_sample: list[str]) -> None:
    # PyArabic turns the combining hamza marks U+0654/0655 into alef; akhbar leaves
    # them to the diacritics step. Texts holding them are compared without them.
    texts = [re.sub("[\u0654\u0655]", "", t) for t in news_sample]
    agree(
        texts,
        only(alef=True, hamza_carriers=True),
        lambda s: pyarabic.normalize_hamza(s, method="tasheel"),
        lambda s: s.translate(EXTRA_ALEFS),
    )


def test_camel_alef(news_sample: list[str]) -> None:
    agree(
        news_sample,
        only(alef=True),
        camel_norm.normalize_alef_ar,
        lambda s: s.translate(EXTRA_ALEFS),
    )


def test_camel_alef_maksura(news_sample: list[str]) -> None:
    agree(news_sample, only(alef_maksura=True), camel_norm.normalize_alef_maksura_ar, lambda s: s)


def test_camel_teh_marbuta(news_sample: list[str]) -> None:
    agree(news_sample, only(teh_marbuta=True), camel_norm.normalize_teh_marbuta_ar, lambda s: s)


def test_camel_dediac(news_sample: list[str]) -> None:
    agree(
        news_sample,
        only(diacritics=True),
        camel_dediac.dediac_ar,
        lambda s: EXTRA_MARKS.sub("", s),
    )
