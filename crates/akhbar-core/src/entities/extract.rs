//! Entities in raw text: tokenize, split into sentences, tag, and turn tag
//! spans into entities with offsets into the original text.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::clean_span::{clean_name_start, split_before_listed_phrase};
use super::coordinated::{rest_after_and, split_coordinated};
use super::entity::Entity;
use super::features::token_info;
use super::group::assign_keys;
use super::holy_places::name_holy_mosques;
use super::honorifics::drop_honorifics;
use super::known_phrases::{grow_to_known_phrases, join_known_phrases};
use super::label_vote::one_label_per_name;
use super::labels::spans;
use super::name_spans::{acronym_dot, name_spans};
use super::named_after::named_after_people;
use super::place_heads::places_after_heads;
use super::prayer_formulas::prayers_are_no_names;
use super::purpose_bodies::grow_to_purpose_heads;
use super::royal_title::drop_royal_title;
use super::tagger::Tagger;
use super::to_me::drop_to_me;
use crate::text::chars::{is_arabic_letter, is_invisible};
use crate::text::clitics::fold;
use crate::text::tokenize::{tokenize_chars, Token};
use crate::text::{NormalizeOptions, Normalizer, TokenizeOptions};

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

/// A hashtag's words: "#سعود_الدوسري" names سعود الدوسري.
fn hashtag_words(word: &str) -> std::borrow::Cow<'_, str> {
    match word.strip_prefix('#') {
        Some(tag) => tag
            .split('_')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .into(),
        None => word.into(),
    }
}

fn is_one_arabic_letter(form: &str) -> bool {
    let mut cs = form.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if is_arabic_letter(c))
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
    // A word the tagger's gazetteer lists as a name of the entity's type
    // keeps its first letters (clean_span.rs): PERS or PERS_WD (the Wikidata
    // name tokens) for a person, LOC for a place. The word lists of
    // WikiFANE's tokens (labels `*_W`) hold proclitic forms (للجامعة، لحركة)
    // and do not count.
    let listed_as = |w: &str, ty: &str| {
        tagger.gazetteer().is_some_and(|g| {
            g.word_labels(w)
                .any(|l| l.strip_suffix("_WD").unwrap_or(l) == ty)
        })
    };
    // A word the gazetteer holds as a one-word name under any label, word
    // lists included (وليام).
    let listed_any = |w: &str| {
        tagger
            .gazetteer()
            .is_some_and(|g| g.word_labels(w).next().is_some())
    };
    // Whether a name of type `ty` whose first word is `first` (folded) and
    // whose other words are `rest` is a phrase the gazetteer lists as `ty`.
    let listed_phrase = |first: &str, rest: &[&str], ty: &str| {
        let Some(g) = tagger.gazetteer() else {
            return false;
        };
        let forms: Vec<String> = std::iter::once(first.to_string())
            .chain(rest.iter().map(|w| token_info(w).w))
            .collect();
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        g.find(&forms, &forms).iter().any(|m| {
            m.start == 0
                && m.end == forms.len()
                && g.labels()[m.label]
                    .strip_suffix("_WD")
                    .unwrap_or(&g.labels()[m.label])
                    == ty
        })
    };
    let org = types.iter().position(|t| t == "ORG");
    let mut out = Vec::new();
    for (((&(a, b), words), sentence), sp) in
        split.bounds.iter().zip(words).zip(&tagged).zip(&spans_of)
    {
        let sent = &tokens[a..b];
        let names = named_after_people(cs, sent, name_spans(cs, sent, sp), types);
        let names = drop_royal_title(words, names, types);
        let names = drop_to_me(words, names, types, &named_alone);
        let names = prayers_are_no_names(words, names, types);
        let names = name_holy_mosques(words, names, types);
        // The word after و in an inner word of a person name (coordinated.rs).
        let listed_person = |w: &str| listed_as(w, "PERS");
        let after_and = |i: usize| {
            let before = if i > 0 { words[i - 1] } else { "" };
            let word = &cs[sent[i].start..sent[i].end];
            rest_after_and(word, before, &named_alone, &listed_person, &listed_any)
        };
        let is_name = |w: &str| named_alone(w) || listed_person(w);
        let names = split_coordinated(names, types, &after_and, &is_name);
        // After the split: "محمد العايش ومعالي" leaves "معالي" as a name of its own.
        let names = drop_honorifics(words, names);
        let mut names = grow_to_purpose_heads(words, names, org, &|w| listed_as(w, "ORG"));
        if let Some(gazetteer) = tagger.gazetteer() {
            names = join_known_phrases(words, names, types, gazetteer);
            names = grow_to_known_phrases(words, names, types, gazetteer);
            names = places_after_heads(words, names, types, gazetteer);
        }
        for (s, e, ty) in names {
            // The span leaves out the first word's proclitics (و ف ب ك ل).
            let listed = |w: &str| listed_as(w, &types[ty]);
            let word = &cs[sent[s].start..sent[s].end];
            let mut first =
                clean_name_start(word, &named_alone, &listed, &listed_any, types[ty] == "LOC");
            if first.skip == 0 && e - s >= 2 {
                let phrase_listed = |w: &str| listed_phrase(w, &words[s + 1..e], &types[ty]);
                if let Some(clean) = split_before_listed_phrase(word, &phrase_listed, &listed_any) {
                    first = clean;
                }
            }
            let begin = sent[s].start + first.skip;
            // A ZWNJ/ZWJ the tokenizer keeps at a word's end ("أ\u{200C}") is
            // not part of the name's text.
            let mut end = sent[e - 1].end;
            while end > begin && is_invisible(cs[end - 1]) {
                end -= 1;
            }
            // An acronym's dots are not words of its form: بي.بي.سي is بي بي سي.
            let normalized = std::iter::once(first.full.as_str())
                .chain(words[s + 1..e].iter().copied().filter(|&w| w != "."))
                .map(|w| ner_normalizer().normalize(&hashtag_words(w)))
                .collect::<Vec<_>>()
                .join(" ");
            if is_one_arabic_letter(&normalized) {
                // A letter on its own ("أ" of a list, an initial) is not a name.
                continue;
            }
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
    one_label_per_name(&mut out);
    assign_keys(cs, &mut out);
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::conll::Sentence;
    use super::super::model::Model;
    use super::super::train::{train, TrainOptions};
    use super::*;

    /// A hand-tagged training sentence.
    fn mk(toks: &[&str], tags: &[&str]) -> Sentence {
        Sentence {
            tokens: toks.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// A model trained on three hand-tagged sentences (أوباما PERS, القاهرة LOC).
    pub(crate) fn obama_cairo_model() -> Model {
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
    fn hashtags_name_their_words_a_lone_letter_is_no_name_and_joiners_trail_off() {
        // The tagger is taught a hashtag as a person, a letter as an
        // organisation (as the shipped model tags "أ‌" in a few articles) and
        // a name written with a ZWNJ after it.
        let data = vec![
            mk(&["رحم", "الله", "#سعود_الدوسري"], &["O", "O", "B-PERS"]),
            mk(&["الفقرة", "أ\u{200C}", "من"], &["O", "B-ORG", "O"]),
            mk(&["زار", "أوباما", "القاهرة"], &["O", "B-PERS", "B-LOC"]),
            mk(&["التقى", "كيري\u{200C}", "أمس"], &["O", "B-PERS", "O"]),
        ];
        let m = train(&data, &[], None, &TrainOptions::default(), &mut |_| {}).unwrap();
        let e = extract(&m, "رحم الله #سعود_الدوسري\nالفقرة أ\u{200C} من");
        let got: Vec<_> = e
            .iter()
            .map(|x| (x.text.as_str(), x.label.as_str(), x.normalized.as_str()))
            .collect();
        assert_eq!(got, [("#سعود_الدوسري", "PERS", "سعود الدوسري")]);
        // A name's text ends at its last visible character.
        let e = extract(&m, "التقى كيري\u{200C} أمس");
        assert_eq!((e[0].text.as_str(), e[0].start, e[0].end), ("كيري", 6, 10));
    }
}
