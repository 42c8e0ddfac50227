//! Two people joined by و are two names: the tagger runs a person name on
//! over the conjunction ("جيب بوش وسكوت ووكر", "صالح والحوثي", "خالد وفهد"),
//! where ANERcorp begins a new name at the و-word (460 of its names start
//! with و right after another name; inside a person name a word with the
//! conjunction is part of the name only where the و is the name's own
//! letter: وليد، ويلكس، وينفري، ولد of Mauritanian names).
//!
//! A person name is cut before an inner word whose first letter is the
//! proclitic و by the test `clean_span.rs` applies to a name's first word
//! (the word without و is far more frequent, or the text names it alone;
//! a listed name stays whole: والكوت is Walcott, not و + الكوت). What follows
//! stays a name where it is two words or more, or one the text names on its
//! own elsewhere or the tagger's lists hold as a person's ("صالح والحوثي":
//! صالح and الحوثي); otherwise it was the sentence running on ("روزينباخ
//! وكبير المستشارين") and is dropped. Only persons: ANERcorp writes
//! organisations and places with a coordinated part as one name ("وزارة العمل
//! والتدريب", "البوسنة والهرسك", and even "خوست وبكتيكا").
//!
//! In `extract` the test is stricter than for a first word: a word the lists
//! hold as a person's (وهبة، وجيه) is not cut, and a rest with the article
//! must be a name of the text or the lists or a title (والملك فهد), since a
//! foreign surname read as و + an unseen ال-word passes the lexicon's test
//! (والكوت، والتون، والاس were cut before this). Over the news corpus
//! (`akhbar process`, before and after): 423 person names cut (315 distinct,
//! read in full: all but about ten are two or more people, "هتلر
//! وموسوليني", "خالد والملك فهد", "زين وسابك"; the rest were no persons
//! before either, "عمران وصعده"), giving 830 names (8 of them ORG by the
//! label vote: سابك).

use super::clean_span::clean_name_start;
use super::features::token_info;
use crate::text::chars::is_arabic_letter;
use crate::text::clitics::fold;

/// Words that link a person's name to the next word (folded): after آل, بن,
/// أبو … a word with و is that name's (آل وديان، بن وشاي، أبو وليد).
const NAME_LINKS: &[&str] = &["ال", "بن", "ابن", "بنت", "ابو", "ابا", "ابي", "ام", "عبد"];

/// The rest of `word` (an inner word of a person name, its characters) after
/// the conjunction و, folded, where the و is one; `before` is the word before
/// it. The و is the conjunction by the test a name's first word gets
/// (`clean_span.rs`), unless the whole word is a listed person name (وهبة،
/// وجيه) or follows a linking word; where the rest has the article, only if
/// it is a name of the text or the lists or a title (والملك), since a
/// foreign name read as و + an unseen ال-word (والكوت، والتون) passes the
/// test. `named_alone`, `listed_person` and `listed_any` as for
/// [`clean_name_start`].
pub(super) fn rest_after_and(
    word: &[char],
    before: &str,
    named_alone: &dyn Fn(&str) -> bool,
    listed_person: &dyn Fn(&str) -> bool,
    listed_any: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let whole = fold(&word.iter().collect::<String>());
    if NAME_LINKS.contains(&fold(before).as_str()) || listed_person(&whole) {
        return None;
    }
    let clean = clean_name_start(word, named_alone, listed_person, listed_any, false);
    let mut cut = word[..clean.skip].iter().filter(|&&c| is_arabic_letter(c));
    if cut.next() != Some(&'و') || cut.next().is_some() {
        return None;
    }
    let rest = fold(&clean.full);
    let known = named_alone(&rest) || listed_person(&rest) || token_info(&rest).trig & 1 != 0;
    (!rest.starts_with("ال") || known).then_some(rest)
}

/// The spans `(start, end, type)` of a sentence with each person name cut
/// before its inner words that begin with the conjunction. `rest_at(i)` is
/// the rest of word `i` after و where it is و + a word; what follows the cut
/// stays a name where it is two words or more or `is_name` holds for that
/// rest.
pub(super) fn split_coordinated(
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
    rest_at: &dyn Fn(usize) -> Option<String>,
    is_name: &dyn Fn(&str) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        if types[ty] != "PERS" {
            out.push((s, e, ty));
            continue;
        }
        let mut start = s;
        loop {
            match (start + 1..e).find_map(|i| rest_at(i).map(|rest| (i, rest))) {
                None => {
                    out.push((start, e, ty));
                    break;
                }
                Some((cut, rest)) => {
                    out.push((start, cut, ty));
                    if e - cut < 2 && !is_name(&rest) {
                        break;
                    }
                    start = cut;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_types::{types, PERS};
    use super::*;

    #[test]
    fn two_people_joined_by_and_are_two_names() {
        // ترشح(0) جيب(1) بوش(2) وسكوت(3) ووكر(4): و of وسكوت is the
        // conjunction, that of ووكر the name's.
        let rest_at = |i: usize| (i == 3).then(|| "سكوت".to_string());
        let named = |_: &str| false;
        assert_eq!(
            split_coordinated(vec![(1, 5, PERS)], &types(), &rest_at, &named),
            [(1, 3, PERS), (3, 5, PERS)]
        );
        // خالد(0) وفهد(1) وسلطان(2): three names where the text names each.
        let rest_at = |i: usize| (i >= 1).then(|| ["", "فهد", "سلطان"][i].to_string());
        let named = |_: &str| true;
        assert_eq!(
            split_coordinated(vec![(0, 3, PERS)], &types(), &rest_at, &named),
            [(0, 1, PERS), (1, 2, PERS), (2, 3, PERS)]
        );
    }

    #[test]
    fn a_run_on_word_after_and_is_dropped() {
        // إريك(0) روزينباخ(1) وكبير(2): "and the chief (advisers)".
        let rest_at = |i: usize| (i == 2).then(|| "كبير".to_string());
        let named = |_: &str| false;
        assert_eq!(
            split_coordinated(vec![(0, 3, PERS)], &types(), &rest_at, &named),
            [(0, 2, PERS)]
        );
    }

    #[test]
    fn the_conjunction_is_told_from_a_names_letter() {
        let chars = |w: &str| w.chars().collect::<Vec<char>>();
        let people = ["فهد", "نايف", "وهبة"];
        let listed = |w: &str| people.contains(&w);
        let none = |_: &str| false;
        let rest =
            |w: &str, before: &str| rest_after_and(&chars(w), before, &none, &listed, &listed);
        // و + a listed name, with or without the lexicon's help.
        assert_eq!(rest("وفهد", "خالد").as_deref(), Some("فهد"));
        assert_eq!(rest("ونايف", "خالد").as_deref(), Some("نايف"));
        // The name's own letter: a listed whole word, a word after آل.
        assert_eq!(rest("وهبة", "أسامة"), None);
        assert_eq!(rest("ونايف", "آل"), None);
        // و + an ال-word the text does not name (Walcott) stays; a title goes.
        assert_eq!(rest("والكوت", "ثيو"), None);
        assert_eq!(rest("والملك", "خالد").as_deref(), Some("الملك"));
    }

    #[test]
    fn other_labels_and_a_first_word_stay() {
        // البوسنة(0) والهرسك(1) is one place; وبرنار(0) هنري(1) ليفي(2)
        // begins with the conjunction, which the span leaves out later.
        let rest_at = |i: usize| (i <= 1).then(|| "الهرسك".to_string());
        let named = |_: &str| true;
        assert_eq!(
            split_coordinated(vec![(0, 2, 0)], &types(), &rest_at, &named),
            [(0, 2, 0)]
        );
        let rest_at = |i: usize| (i == 0).then(|| "برنار".to_string());
        assert_eq!(
            split_coordinated(vec![(0, 3, PERS)], &types(), &rest_at, &named),
            [(0, 3, PERS)]
        );
    }
}
