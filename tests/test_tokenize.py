"""Tokenization and clitic segmentation on real news text."""

from __future__ import annotations

import itertools
import pickle

from conftest import article

import akhbar
from akhbar import Token


def texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def test_offsets_point_into_the_original() -> None:
    text = article("shaam-2017-12-03-hmeimim.txt")
    tokens = akhbar.tokenize(text)
    assert len(tokens) > 300
    for t in tokens:
        assert text[t.start : t.end] == t.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))


def test_kinds_on_a_news_sentence() -> None:
    got = [(t.text, t.kind) for t in akhbar.tokenize("قالت «سانا»: قُتل ١٢ شخصاً، و12.5% من CNN")]
    assert got == [
        ("قالت", "word"),
        ("«", "punctuation"),
        ("سانا", "word"),
        ("»", "punctuation"),
        (":", "punctuation"),
        ("قُتل", "word"),
        ("١٢", "number"),
        ("شخصاً", "word"),
        ("،", "punctuation"),
        ("و", "word"),
        ("12.5", "number"),
        ("%", "punctuation"),
        ("من", "word"),
        ("CNN", "latin"),
    ]


def test_web_tokens() -> None:
    got = akhbar.tokenize(
        "تابعوا @SPAregions و#اليوم_الوطني عبر https://www.spa.gov.sa/1386983. أو info@spa.gov.sa"
    )
    assert [(t.text, t.kind) for t in got if t.kind not in ("word", "punctuation")] == [
        ("@SPAregions", "mention"),
        ("#اليوم_الوطني", "hashtag"),
        ("https://www.spa.gov.sa/1386983", "url"),
        ("info@spa.gov.sa", "email"),
    ]


def test_numbers_with_separators_of_both_scripts() -> None:
    assert texts(akhbar.tokenize("٢٥٠٬٠٠٠ و1,450 و١٫٢")) == ["٢٥٠٬٠٠٠", "و", "1,450", "و", "١٫٢"]
    # A separator not followed by a digit ends the number.
    assert texts(akhbar.tokenize("عام 2015.")) == ["عام", "2015", "."]


def test_clitics_hand_checked_on_the_shaam_article() -> None:
    text = article("shaam-2017-12-03-hmeimim.txt")
    words = {t.text: t for t in akhbar.tokenize(text)}
    pieces = akhbar.tokenize(text, clitics=True)
    expected = {
        "وبالتنسيق": ["وبال", "تنسيق"],
        "لوحدات": ["ل", "وحدات"],
        "لعملياتها": ["ل", "عمليات", "ها"],
        "وأعلنت": ["و", "أعلنت"],
        "الانفصالية": ["ال", "انفصالية"],
        "والرئيس": ["وال", "رئيس"],
        "الصالحية": ["ال", "صالحية"],
        "بلدة": ["بلدة"],
    }
    for word, want in expected.items():
        w = words[word]
        got = [p.text for p in pieces if w.start <= p.start < w.end]
        assert got == want, word


def test_clitic_roles_and_words_left_whole() -> None:
    got = akhbar.tokenize("وبالتنسيق مدرستها", clitics=True)
    assert [(t.text, t.clitic) for t in got] == [
        ("وبال", "proclitic"),
        ("تنسيق", None),
        ("مدرست", None),
        ("ها", "enclitic"),
    ]
    for word in ["ولاية", "بلاد", "كتاب", "كان", "الآن", "لكن", "بين", "الله"]:
        assert texts(akhbar.tokenize(word, clitics=True)) == [word]


def test_batch_and_pickle() -> None:
    docs = ["دمشق - سانا", "", "بيروت (رويترز) -"] * 100
    out = akhbar.tokenize_batch(docs, n_threads=2)
    assert out == [akhbar.tokenize(d) for d in docs]
    t = out[0][0]
    assert pickle.loads(pickle.dumps(t)) == t
    assert repr(t) == "Token('دمشق', 0, 4, 'word')"
