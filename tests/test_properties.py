"""Property tests over arbitrary Unicode: idempotence, no change outside what
the options touch, and offset maps that always point at the right source."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar import Normalizer

PRESETS = ["none", "light", "ner", "search"]
ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from(" \n\r\t\u00a0\u200f\u200b\u00ad«»“”"),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


def touched(c: str) -> bool:
    """Characters some option may change: the Arabic blocks, spaces and
    line breaks, format controls, and the punctuation that option maps."""
    o = ord(c)
    return (
        0x0600 <= o <= 0x06FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
        or c.isspace()
        or c in "\u200b\u200c\u200d\u200e\u200f\u2060\u00ad\u061c«»“”„‟″‘’‚‛′"
        or 0x202A <= o <= 0x202E
        or 0x2066 <= o <= 0x2069
    )


@settings(max_examples=400, deadline=None)
@given(text=ARABIC_HEAVY, preset=st.sampled_from(PRESETS))
def test_idempotent(text: str, preset: str) -> None:
    n = Normalizer(preset)
    once = n.normalize(text)
    assert n.normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(codec="utf-8"), max_size=80), preset=st.sampled_from(PRESETS))
def test_text_outside_the_arabic_blocks_is_untouched(text: str, preset: str) -> None:
    text = "".join(c for c in text if not touched(c))
    assert Normalizer(preset).normalize(text) == text


@settings(max_examples=300, deadline=None)
@given(text=ARABIC_HEAVY, preset=st.sampled_from(PRESETS))
def test_offset_map_points_at_the_source_of_every_character(text: str, preset: str) -> None:
    n = Normalizer(preset)
    norm, m = n.normalize_with_map(text)
    assert norm == n.normalize(text)
    assert (len(m), m.original_len) == (len(norm), len(text))
    prev = 0
    for i in range(len(norm)):
        s, e = m.to_original_span(i, i + 1)
        assert prev <= s < e <= len(text)
        prev = s
        # The source of a character normalizes to a string containing it.
        assert norm[i] in n.normalize(text[s:e]) or norm[i] in " \n"
        assert m.to_normalized(s) <= i
    # Whole-string spans map to whole-string spans.
    if norm:
        s, e = m.to_original_span(0, len(norm))
        assert n.normalize(text[s:e]) == norm


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(ARABIC_HEAVY, max_size=20))
def test_batch_equals_single_calls_for_any_thread_count(texts: list[str]) -> None:
    n = Normalizer()
    want = [n.normalize(t) for t in texts]
    assert n.normalize_batch(texts, n_threads=1) == want
    assert n.normalize_batch(texts, n_threads=3) == want


OPTION_NAMES = sorted(Normalizer("none").options)


@settings(max_examples=400, deadline=None)
@given(text=ARABIC_HEAVY, flags=st.lists(st.booleans(), min_size=14, max_size=14))
def test_fast_path_equals_the_mapped_path_for_any_options(text: str, flags: list[bool]) -> None:
    # normalize() copies unchanged stretches in slices; normalize_with_map() goes
    # character by character. Both must give the same string under any options.
    n = Normalizer("none", **dict(zip(OPTION_NAMES, flags, strict=True)))
    assert n.normalize(text) == n.normalize_with_map(text)[0]
