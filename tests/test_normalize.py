"""Normalization: presets, options, offset maps, batches, on hand-checked text."""

from __future__ import annotations

import pickle

import pytest
from conftest import article

import akhbar
from akhbar import Normalizer


def test_search_preset_folds_every_variant() -> None:
    assert akhbar.normalize("أَحْمَدُ إلى الـمـدرسة") == "احمد الي المدرسه"
    assert akhbar.normalize("سُؤال مسائل") == "سوال مسايل"
    assert akhbar.normalize("ٱلرَّحمن آمن") == "الرحمن امن"
    assert akhbar.normalize("٣ ديسمبر ٢٠١٧") == "3 ديسمبر 2017"
    assert akhbar.normalize("۱۲٫۵ و ٢٥٠٬٠٠٠") == "12.5 و 250,000"
    assert akhbar.normalize("«قسد»، لماذا؟ ٣٠٪") == '"قسد", لماذا? 30%'
    assert akhbar.normalize("کتاب فارسی ہے") == "كتاب فارسي هي"


def test_presentation_forms_and_ligatures() -> None:
    assert akhbar.normalize("ﻻ ﷲ ﺑﺴﻢ") == "لا الله بسم"
    assert akhbar.normalize("ﻷ", preset="light") == "لأ"
    assert akhbar.normalize("ﷺ") == "صلي الله عليه وسلم"


def test_light_keeps_letters_and_marks() -> None:
    text = "أكّد «سانا» ٣ إصابات"
    assert akhbar.normalize(text, preset="light") == text
    assert akhbar.normalize(" أكّد\u200f\u00a0\u00a0سانا ", preset="light") == "أكّد سانا"


def test_ner_preset_keeps_teh_marbuta_and_punctuation() -> None:
    assert akhbar.normalize("الإدارةُ الذاتيّة، «قسد»", preset="ner") == "الادارة الذاتية، «قسد»"


def test_options_switch_single_steps() -> None:
    assert akhbar.normalize("مُحَمَّد", keep_shadda=True) == "محمّد"
    assert akhbar.normalize("مدرسة", teh_marbuta=False) == "مدرسة"
    assert akhbar.normalize("أحمد", preset="none", alef=True) == "احمد"
    assert akhbar.normalize("a  b", preset="none") == "a  b"


def test_whitespace_keeps_paragraphs() -> None:
    text = "  سطر أول \r\n\r\n\r\n\tسطر ثان\u2029ثالث  "
    assert akhbar.normalize(text, preset="light") == "سطر أول\n\nسطر ثان\nثالث"


def test_unknown_preset_and_option_raise_option_error() -> None:
    with pytest.raises(akhbar.OptionError, match="preset"):
        Normalizer("loud")
    with pytest.raises(ValueError, match="option"):
        Normalizer("search", shout=True)
    with pytest.raises(akhbar.OptionError, match="True or False"):
        Normalizer("search", alef="yes")  # type: ignore[arg-type]


def test_normalizer_is_immutable_picklable_and_comparable() -> None:
    n = Normalizer("light", diacritics=True)
    m = pickle.loads(pickle.dumps(n))
    assert m == n and hash(m) == hash(n)
    assert m.normalize("كِتاب") == "كتاب"
    assert repr(n) == "Normalizer(preset='light', diacritics=True)"
    assert n.options["diacritics"] is True and n.options["alef"] is False
    with pytest.raises(AttributeError):
        n.preset = "search"  # type: ignore[misc]


def test_batch_keeps_order_and_matches_single_calls() -> None:
    texts = [f"الخبر رقم {i} «عاجل»" for i in range(5000)] + ["", "ﻻ"]
    n = Normalizer()
    out = n.normalize_batch(texts, n_threads=2)
    assert out == [n.normalize(t) for t in texts]
    assert n.normalize_batch(iter(texts), n_threads=1) == out
    assert akhbar.normalize_batch(texts[:3]) == out[:3]


def test_offset_map_expansions_and_deletions() -> None:
    text = "قال: ﻻ  كِتابٌ ﷲ"
    norm, m = Normalizer().normalize_with_map(text)
    assert norm == "قال: لا كتاب الله"
    assert (m.normalized_len, m.original_len) == (len(norm), len(text))
    i = norm.index("كتاب")
    s, e = m.to_original_span(i, i + 4)
    assert text[s:e] == "كِتابٌ"
    i = norm.index("الله")
    s, e = m.to_original_span(i, i + 4)
    assert text[s:e] == "ﷲ"
    # Half of an expanded ligature still maps to the whole ligature.
    i = norm.index("لا")
    assert text[slice(*m.to_original_span(i + 1, i + 2))] == "ﻻ"
    # Original → normalized: the span of "كِتابٌ" is the span of "كتاب".
    o = text.index("كِتابٌ")
    assert m.to_normalized_span(o, o + 6) == (norm.index("كتاب"), norm.index("كتاب") + 4)
    with pytest.raises(akhbar.OffsetError):
        m.to_original(len(norm) + 1)
    with pytest.raises(IndexError):
        m.to_normalized(len(text) + 1)


def test_hand_checked_examples_from_real_articles() -> None:
    # saudinewsnet-2015-07-21-02718: marks and a doubled tanween, as scraped.
    text = article("saudinewsnet-2015-07-21-02718.txt")
    for scraped, folded in [
        ("\u0627\u0644\u0633\u064f\u0646\u0651\u064e\u0629", "السنه"),  # السُنَّة
        ("\u062c\u0645\u0644\u0629\u064b\u064b", "جمله"),  # جملةًً
        ("\u0639\u0644\u064a\u0651\u0627\u064b", "عليا"),  # عليّاً
        ("\u0648\u0623\u0643\u0651\u062f", "واكد"),  # وأكّد
    ]:
        assert scraped in text
        assert akhbar.normalize(scraped) == folded
    # saudinewsnet-2015-07-31-00112: an RLM inside the sentence is removed.
    text = article("saudinewsnet-2015-07-31-00112.txt")
    i = text.index("عن \u200fتعرض")
    assert akhbar.normalize(text[i : i + 9], preset="light") == "عن تعرض"
    # The Shaam article's section/date line in Arabic-Indic digits.
    text = article("shaam-2017-12-03-hmeimim.txt")
    assert "● أخبار سورية ٣ ديسمبر ٢٠١٧" in text
    assert akhbar.normalize("● أخبار سورية ٣ ديسمبر ٢٠١٧") == "● اخبار سوريه 3 ديسمبر 2017"


def test_every_word_of_a_real_article_maps_back_to_its_source() -> None:
    text = article("saudinewsnet-2015-07-21-02718.txt")
    norm, m = Normalizer().normalize_with_map(text)
    for tok in akhbar.tokenize(norm):
        s, e = m.to_original_span(tok.start, tok.end)
        assert akhbar.normalize(text[s:e]) == tok.text


def test_fast_path_equals_the_mapped_path_on_the_corpus(news_sample: list[str]) -> None:
    for preset in ("light", "ner", "search"):
        n = Normalizer(preset)
        for text in news_sample[:1500]:
            assert n.normalize(text) == n.normalize_with_map(text)[0]
