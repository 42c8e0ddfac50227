//! Entities in raw text: tokenize, split into sentences, tag, and turn tag
//! spans into entities with offsets into the original text.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::clean_span::clean_first_word;
use super::entity::Entity;
use super::group::assign_keys;
use super::labels::spans;
use super::tagger::Tagger;
use crate::text::clitics::fold;
use crate::text::tokenize::{tokenize_chars, Token, TokenKind};
use crate::text::{NormalizeOptions, Normalizer, TokenizeOptions};
use unicode_normalization::char::is_combining_mark;

fn ner_normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| Normalizer::new(NormalizeOptions::preset("ner").unwrap_or_default()))
}

/// Sentences longer than this many tokens are tagged in pieces (bounds memory
/// on pathological input without sentence breaks).
const MAX_SENTENCE: usize = 400;

fn ends_sentence(s: &[char]) -> bool {
    matches!(s.last(), Some('.' | '!' | '?' | '؟' | '…'))
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
fn acronym_dot(cs: &[char], tokens: &[Token], i: usize) -> bool {
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

/// A text cut into tokens and sentences, as [`extract`] tags it.
pub struct SentenceSplit<'a> {
    /// The text's characters.
    pub cs: Vec<char>,
    /// Its tokens (character offsets into `cs`).
    pub tokens: Vec<Token>,
    /// Each sentence as a range of `tokens`.
    pub bounds: Vec<(usize, usize)>,
    /// Each sentence's words as written (slices of the text, not copies):
    /// the input of [`Tagger::tag_sentences`].
    pub words: Vec<Vec<&'a str>>,
}

/// Cut `text` into sentences of tokens. Sentences end at `. ! ? ؟ …` (but
/// not at an acronym's dots, [`acronym_dot`]) and at line breaks (and after
/// [`MAX_SENTENCE`] tokens).
pub fn split_sentences(text: &str) -> SentenceSplit<'_> {
    let cs: Vec<char> = text.chars().collect();
    let tokens = tokenize_chars(&cs, TokenizeOptions::default());
    // Sentences: token ranges.
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let last = i + 1 == tokens.len();
        let brk = last
            || (ends_sentence(&cs[tokens[i].start..tokens[i].end])
                && !acronym_dot(&cs, &tokens, i))
            || cs[tokens[i].end..tokens[i + 1].start].contains(&'\n')
            || i + 1 - start >= MAX_SENTENCE;
        if brk {
            bounds.push((start, i + 1));
            start = i + 1;
        }
    }
    // Byte offset of each character (and of the end): tokens are slices of `text`.
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let words: Vec<Vec<&str>> = bounds
        .iter()
        .map(|&(a, b)| {
            tokens[a..b]
                .iter()
                .map(|t| &text[byte_at[t.start]..byte_at[t.end]])
                .collect()
        })
        .collect();
    SentenceSplit {
        cs,
        tokens,
        bounds,
        words,
    }
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
/// alone is dropped.
fn split_at_links(sent: &[Token], spans: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        let mut run = s;
        let cuts = (s..e)
            .filter(|&i| is_link(&sent[i]))
            .chain(std::iter::once(e));
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

/// Find the entities of `text`, tagged sentence by sentence ([`split_sentences`]).
pub fn extract(tagger: &dyn Tagger, text: &str) -> Vec<Entity> {
    let split = split_sentences(text);
    let (cs, tokens, words) = (&split.cs, &split.tokens, &split.words);
    let tagged = tagger.tag_sentences(words);
    let types = tagger.labels().types();
    let spans_of: Vec<_> = tagged.iter().map(|t| spans(&t.tags)).collect();
    // First words of the document's entities (folded), which make a split
    // of a proclitic clear (clean_span.rs).
    let first_words: HashSet<String> = spans_of
        .iter()
        .zip(words)
        .flat_map(|(sp, w)| sp.iter().map(move |&(s, _, _)| fold(w[s])))
        .collect();
    let named_alone = |w: &str| first_words.contains(w);
    let mut out = Vec::new();
    for (((&(a, b), words), sentence), sp) in
        split.bounds.iter().zip(words).zip(&tagged).zip(&spans_of)
    {
        let sent = &tokens[a..b];
        let spans = trim_to_letters(cs, sent, split_at_links(sent, widen_acronyms(cs, sent, sp)));
        for (s, e, ty) in spans {
            // The span leaves out the first word's proclitics (و ف ب ك ل).
            let first = clean_first_word(&cs[sent[s].start..sent[s].end], &named_alone);
            let begin = sent[s].start + first.skip;
            let end = sent[e - 1].end;
            // An acronym's dots are not words of its form: بي.بي.سي is بي بي سي.
            let normalized = std::iter::once(first.full.as_str())
                .chain(words[s + 1..e].iter().copied().filter(|&w| w != "."))
                .map(|w| ner_normalizer().normalize(w))
                .collect::<Vec<_>>()
                .join(" ");
            let score = sentence.confidence[s..e].iter().sum::<f32>() / (e - s) as f32;
            out.push(Entity {
                start: begin,
                end,
                text: cs[begin..end].iter().collect(),
                label: types[ty].clone(),
                normalized,
                score,
                key: String::new(),
            });
        }
    }
    assign_keys(cs, &mut out);
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::conll::Sentence;
    use super::super::model::Model;
    use super::super::train::{train, TrainOptions};
    use super::*;

    /// A model trained on three hand-tagged sentences (أوباما PERS, القاهرة LOC).
    pub(crate) fn obama_cairo_model() -> Model {
        let mk = |toks: &[&str], tags: &[&str]| Sentence {
            tokens: toks.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
        };
        let data = vec![
            mk(&["زار", "أوباما", "القاهرة"], &["O", "B-PERS", "B-LOC"]),
            mk(&["قال", "أوباما", "إن"], &["O", "B-PERS", "O"]),
            mk(&["في", "القاهرة", "أمس"], &["O", "B-LOC", "O"]),
        ];
        train(&data, &[], None, &TrainOptions::default(), &mut |_| {}).unwrap()
    }

    #[test]
    fn offsets_are_original_characters() {
        let m = obama_cairo_model();
        let text = "قالَ  أوباما: «زار القاهرة».\nوفي القاهرة";
        let e = extract(&m, text);
        let cs: Vec<char> = text.chars().collect();
        assert!(!e.is_empty());
        for x in &e {
            assert_eq!(cs[x.start..x.end].iter().collect::<String>(), x.text);
            assert!(x.score > 0.0 && x.score <= 1.0);
        }
        assert_eq!(e[0].text, "أوباما");
        assert_eq!(e[0].normalized, "اوباما");
    }

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
