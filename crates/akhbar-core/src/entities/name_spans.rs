//! From the tagger's spans to names: a span that reaches a dotted acronym
//! (بي.بي.سي) covers all of it, links (URLs, e-mail addresses, @handles)
//! and hashtags are cut out, and a name begins and ends with a letter or digit.

use crate::text::tokenize::{Token, TokenKind};
use unicode_normalization::char::is_combining_mark;

/// The names of a sentence's tokens `sent` from the tagger's spans
/// `(start, end, type)` over them: acronyms widened ([`widen_acronyms`]),
/// links cut out ([`split_at_links`]), edges trimmed ([`trim_to_letters`]).
pub(super) fn name_spans(
    cs: &[char],
    sent: &[Token],
    spans: &[(usize, usize, usize)],
) -> Vec<(usize, usize, usize)> {
    trim_to_letters(
        cs,
        sent,
        split_at_links(sent, widen_acronyms(cs, sent, spans)),
    )
}

/// Latin letters as Arabic news spells them in dotted acronyms (بي.بي.سي,
/// إم. بي. سي, إتش. إس. بي. سي).
const LETTER_NAMES: &[&str] = &[
    "إيه",
    "ايه",
    "بي",
    "سي",
    "دي",
    "إي",
    "إف",
    "اف",
    "جي",
    "إتش",
    "اتش",
    "آي",
    "جيه",
    "كيه",
    "إل",
    "إم",
    "ام",
    "كيو",
    "آر",
    "ار",
    "إس",
    "اس",
    "تي",
    "يو",
    "دبليو",
    "إكس",
    "اكس",
    "واي",
    "زد",
];

/// Letter names that are also common words (إن.بي.سي, أو.سي.آي, إل.في.إم.إتش):
/// in an acronym only where the dot touches both letters, since a dot after
/// or before such a word with a space may end a sentence.
const WORD_LETTER_NAMES: &[&str] = &["إن", "ان", "أو", "او", "أي", "اي", "في", "ال"];

fn is_in(names: &[&str], cs: &[char]) -> bool {
    names.iter().any(|l| l.chars().eq(cs.iter().copied()))
}

/// Whether token `i` is the dot inside a dotted acronym: "." between two
/// letter names on one line. It does not end a sentence, and an entity that
/// reaches it spans the whole acronym.
pub(super) fn acronym_dot(cs: &[char], tokens: &[Token], i: usize) -> bool {
    if i == 0 || i + 1 >= tokens.len() {
        return false;
    }
    let (a, dot, b) = (&tokens[i - 1], &tokens[i], &tokens[i + 1]);
    if cs[dot.start..dot.end] != ['.'] || cs[a.end..b.start].contains(&'\n') {
        return false;
    }
    let (wa, wb) = (&cs[a.start..a.end], &cs[b.start..b.end]);
    let glued = a.end == dot.start && dot.end == b.start;
    let name = |w: &[char]| is_in(LETTER_NAMES, w) || (glued && is_in(WORD_LETTER_NAMES, w));
    name(wa) && name(wb)
}

/// Widen each span `(start, end, type)` of a sentence's tokens `sent` over
/// the dotted acronym it touches ("بي" of "بي.بي.سي" becomes the whole
/// acronym) and drop the spans the widened one then covers.
fn widen_acronyms(
    cs: &[char],
    sent: &[Token],
    spans: &[(usize, usize, usize)],
) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for &(mut s, mut e, ty) in spans {
        while s >= 2 && acronym_dot(cs, sent, s - 1) {
            s -= 2;
        }
        while e + 1 < sent.len() && acronym_dot(cs, sent, e) {
            e += 2;
        }
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e, ty)),
        }
    }
    out
}

/// Whether a token can never be part of a name: a URL, an e-mail address or
/// an @handle ("ناصر العمران @ALOMRAN789" is the name ناصر العمران).
fn is_link(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Url | TokenKind::Email | TokenKind::Mention
    )
}

/// Cut each span `(start, end, type)` at the links it holds ([`is_link`]):
/// the runs of other tokens stay names of the span's type, a span of links
/// alone is dropped. A hashtag is cut out of a longer span too ("عزام#يتخبط"
/// is the name عزام): it tags a post, it is not a word of a name. A span
/// that is one hashtag alone stays a name (#سعود_الدوسري; its normalized
/// form is its words, extract.rs).
fn split_at_links(sent: &[Token], spans: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        let mut run = s;
        let cut = |t: &Token| is_link(t) || (t.kind == TokenKind::Hashtag && e - s > 1);
        let cuts = (s..e).filter(|&i| cut(&sent[i])).chain(std::iter::once(e));
        for i in cuts {
            if run < i {
                out.push((run, i, ty));
            }
            run = i + 1;
        }
    }
    out
}

/// Whether a token holds a letter or a digit (not only punctuation, symbols
/// or stray diacritics).
fn has_letter(cs: &[char], t: &Token) -> bool {
    cs[t.start..t.end]
        .iter()
        .any(|&c| c.is_alphanumeric() && !is_combining_mark(c))
}

/// Trim each span `(start, end, type)` to its first and last tokens with a
/// letter or digit: "«فتح" is the name فتح, and a span of "••" or of a
/// lone diacritic is no name at all.
fn trim_to_letters(
    cs: &[char],
    sent: &[Token],
    spans: Vec<(usize, usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    spans
        .into_iter()
        .filter_map(|(mut s, mut e, ty)| {
            while s < e && !has_letter(cs, &sent[s]) {
                s += 1;
            }
            while e > s && !has_letter(cs, &sent[e - 1]) {
                e -= 1;
            }
            (s < e).then_some((s, e, ty))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::extract::split_sentences;
    use super::*;

    #[test]
    fn dotted_acronyms_stay_in_one_sentence_and_one_span() {
        let text = "قالت (بي.بي.سي) إن. وقال إم. بي. سي\nبي. سي إن.بي.سي أو. سي";
        let split = split_sentences(text);
        let words: Vec<String> = split.words.iter().map(|w| w.join("|")).collect();
        // The dot after إن ends a sentence; the line break cuts "سي\nبي"; إن
        // is a letter only where the dot is glued to it, as in إن.بي.سي.
        assert_eq!(
            words,
            [
                "قالت|(|بي|.|بي|.|سي|)|إن|.",
                "وقال|إم|.|بي|.|سي",
                "بي|.|سي|إن|.|بي|.|سي|أو|.",
                "سي"
            ]
        );
        let sent = &split.tokens[split.bounds[0].0..split.bounds[0].1];
        // The tagger's pieces "بي" and "سي" become one span over the acronym.
        let widened = widen_acronyms(&split.cs, sent, &[(2, 3, 1), (6, 7, 1), (8, 9, 0)]);
        assert_eq!(widened, [(2, 7, 1), (8, 9, 0)]);
    }

    #[test]
    fn links_are_never_part_of_a_name() {
        let text = "ناصر العمران @ALOMRAN789 و www.kfsc.edu.sa info@x.sa";
        let split = split_sentences(text);
        let sent = &split.tokens;
        let kinds: Vec<TokenKind> = sent.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Word, Mention, Word, Url, Email]);
        let kept = split_at_links(sent, vec![(0, 4, 1), (4, 6, 2)]);
        // The handle leaves the name and cuts it in two; a span of links alone goes.
        assert_eq!(kept, [(0, 2, 1), (3, 4, 1)]);
    }

    #[test]
    fn hashtags_leave_longer_names_but_may_be_names_alone() {
        let text = "عزام#يتخبط استودعتك أخي #سعود_الدوسري";
        let split = split_sentences(text);
        let kinds: Vec<TokenKind> = split.tokens.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Hashtag, Word, Word, Hashtag]);
        let kept = split_at_links(&split.tokens, vec![(0, 2, 0), (2, 5, 0)]);
        assert_eq!(kept, [(0, 1, 0), (2, 4, 0)]);
        let kept = split_at_links(&split.tokens, vec![(4, 5, 0)]);
        assert_eq!(kept, [(4, 5, 0)]);
    }

    #[test]
    fn names_begin_and_end_with_a_letter() {
        let text = "لحركة «فتح» و•• ِ ###السيسي";
        let split = split_sentences(text);
        let words: Vec<&str> = split.words.concat();
        assert_eq!(
            words,
            ["لحركة", "«", "فتح", "»", "و", "••", "ِ", "###", "السيسي"]
        );
        let spans = vec![(1, 4, 2), (5, 6, 0), (6, 7, 0), (7, 9, 3)];
        let kept = trim_to_letters(&split.cs, &split.tokens, spans);
        assert_eq!(kept, [(2, 3, 2), (8, 9, 3)]);
    }
}
