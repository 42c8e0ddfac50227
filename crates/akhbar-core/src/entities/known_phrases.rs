//! Known names of which the tagger read only the tail, or which it cut in
//! two. "قناة السويس" is the Suez canal, but the shipped tagger, for which
//! قناة is mostly a television channel, tags السويس alone as ORG (1,037
//! mentions of the news corpus); likewise "منتخب فرنسا" (a team, tagged
//! فرنسا LOC), "بورصة نيويورك", "فلاي دبي", "منطقة اليورو" (tagged اليورو
//! MISC, the currency). And it tags "سلطنة عمان" as two places.
//!
//! Where the word before a tagged name and the name (or its first words: قناة
//! السويس الجديدة) are a phrase of the tagger's gazetteer under exactly one of
//! the tagger's labels, and that label is not the one the tagger gave, the
//! name takes in that word and the phrase's label: the head word decided the type, and the list
//! knows the whole name. Where the labels agree the span stays as it is
//! (ANERcorp leaves generic heads out: "مدينة جدة" is جدة LOC).

use super::features::token_info;
use super::gazetteer::{Gazetteer, Match};

/// Grow each span `(start, end, type)` of a sentence's `words` whose word
/// before it and its first word or words are a gazetteer phrase of another of
/// `types` (not PERS) to take that word, with the phrase's type. A word
/// already in a name is never taken.
pub(super) fn grow_to_known_phrases(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
    gazetteer: &Gazetteer,
) -> Vec<(usize, usize, usize)> {
    if gazetteer.is_empty() {
        return spans;
    }
    // A word before a name does not make it a person's: a title stays out
    // of a person's name (ANERcorp's convention), and a listed "الملك فهد"
    // in "مستشفى الملك فهد" is the hospital's (`named_after.rs`).
    let pers = types.iter().position(|t| t == "PERS");
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        let free = s >= 1 && out.last().is_none_or(|&(_, pe, _)| pe < s);
        let phrase_type = free
            .then(|| known_type(&words[s - 1..e], types, gazetteer))
            .flatten();
        // A title before a person stays a title: "الشيخ بدر" is also a
        // listed town, but not in "الشيخ بدر العتيبي".
        let titled_person = || Some(ty) == pers && token_info(words[s - 1]).trig & 1 != 0;
        out.push(match phrase_type {
            Some(t) if t != ty && Some(t) != pers && !titled_person() => (s - 1, e, t),
            _ => (s, e, ty),
        });
    }
    out
}

/// Join each two adjacent spans `(start, end, type)` of one type whose words
/// together are a gazetteer phrase of that type (and of no other of
/// `types`): the tagger cut "سلطنة عمان" (227 times in the news corpus),
/// "كردستان العراق" and "أديس أبابا" into two places.
pub(super) fn join_known_phrases(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
    gazetteer: &Gazetteer,
) -> Vec<(usize, usize, usize)> {
    if gazetteer.is_empty() {
        return spans;
    }
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        if let Some(last) = out.last_mut() {
            let (ps, pe, pty) = *last;
            if pe == s
                && pty == ty
                && whole_listed_type(&words[ps..e], types, gazetteer) == Some(ty)
            {
                last.1 = e;
                continue;
            }
        }
        out.push((s, e, ty));
    }
    out
}

/// The one type of `types` under which the gazetteer lists the first word of
/// `words` (its proclitics allowed) with the next one or more: the whole
/// sequence, or its start ("قناة السويس" of "قناة السويس الجديدة", whose
/// head still decides the type).
fn known_type(words: &[&str], types: &[String], gazetteer: &Gazetteer) -> Option<usize> {
    one_listed_type(words, types, gazetteer, |m| m.end >= 2)
}

/// The one type of `types` under which the gazetteer lists all of `words`
/// (the first one's proclitics allowed) as one phrase.
pub(super) fn whole_listed_type(
    words: &[&str],
    types: &[String],
    gazetteer: &Gazetteer,
) -> Option<usize> {
    one_listed_type(words, types, gazetteer, |m| m.end == words.len())
}

/// The one type of `types` under which the gazetteer lists a phrase that
/// starts at the first word of `words` (its proclitics allowed) and whose
/// match `keep` accepts; `None` for none or several.
fn one_listed_type(
    words: &[&str],
    types: &[String],
    gazetteer: &Gazetteer,
    keep: impl Fn(&Match) -> bool,
) -> Option<usize> {
    let infos: Vec<_> = words.iter().map(|w| token_info(w)).collect();
    let forms: Vec<&str> = infos.iter().map(|t| t.w.as_str()).collect();
    let first: Vec<&str> = infos.iter().map(|t| t.stem.as_str()).collect();
    let mut found = gazetteer
        .find(&forms, &first)
        .into_iter()
        .filter(|m| m.start == 0 && keep(m))
        .filter_map(|m| {
            let label = &gazetteer.labels()[m.label];
            types.iter().position(|t| t == label)
        });
    match (found.next(), found.next()) {
        (Some(t), None) => Some(t),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_types::types;
    use super::*;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::new();
        g.add("LOC", "قناة السويس").unwrap();
        g.add("ORG", "منتخب فرنسا").unwrap();
        g.add("LOC", "مدينة جدة").unwrap();
        g.add("LOC", "قناة بنما").unwrap();
        g.add("ORG", "قناة بنما").unwrap();
        g.add("PERS_W", "قناة الجزيرة").unwrap();
        g.add("PERS", "الملك فهد").unwrap();
        g
    }

    #[test]
    fn the_head_before_a_tail_decides_the_type() {
        // Sentences written for this test; token indices counted by hand.
        // عبرت(0) السفينة(1) لقناة(2) السويس(3) أمس(4): السويس tagged ORG.
        let words = ["عبرت", "السفينة", "لقناة", "السويس", "أمس"];
        let got = grow_to_known_phrases(&words, vec![(3, 4, 2)], &types(), &gazetteer());
        assert_eq!(got, [(2, 4, 0)]);
        // فاز(0) منتخب(1) فرنسا(2): فرنسا tagged LOC, the team is ORG.
        let words = ["فاز", "منتخب", "فرنسا"];
        let got = grow_to_known_phrases(&words, vec![(2, 3, 0)], &types(), &gazetteer());
        assert_eq!(got, [(1, 3, 2)]);
        // The phrase is the start of the name: قناة(0) السويس(1) الجديدة(2),
        // السويس الجديدة tagged ORG.
        let words = ["قناة", "السويس", "الجديدة"];
        let got = grow_to_known_phrases(&words, vec![(1, 3, 2)], &types(), &gazetteer());
        assert_eq!(got, [(0, 3, 0)]);
    }

    #[test]
    fn two_names_that_are_one_listed_phrase_join() {
        let mut g = gazetteer();
        g.add("LOC", "سلطنة عمان").unwrap();
        // أعربت(0) سلطنة(1) عمان(2) عن(3) عزائها(4): two LOC names.
        let words = ["أعربت", "سلطنة", "عمان", "عن", "عزائها"];
        let got = join_known_phrases(&words, vec![(1, 2, 0), (2, 3, 0)], &types(), &g);
        assert_eq!(got, [(1, 3, 0)]);
        // Another type, a gap, or an unlisted pair: no join.
        let spans = vec![(1, 2, 2), (2, 3, 0)];
        assert_eq!(
            join_known_phrases(&words, spans.clone(), &types(), &g),
            spans
        );
        let words = ["سلطنة", "و", "عمان"];
        let spans = vec![(0, 1, 0), (2, 3, 0)];
        assert_eq!(
            join_known_phrases(&words, spans.clone(), &types(), &g),
            spans
        );
        let words = ["مصر", "عمان"];
        let spans = vec![(0, 1, 0), (1, 2, 0)];
        assert_eq!(
            join_known_phrases(&words, spans.clone(), &types(), &g),
            spans
        );
    }

    #[test]
    fn agreeing_ambiguous_or_unknown_phrases_leave_the_span() {
        let g = gazetteer();
        // The same label: مدينة stays outside جدة.
        let words = ["في", "مدينة", "جدة"];
        assert_eq!(
            grow_to_known_phrases(&words, vec![(2, 3, 0)], &types(), &g),
            [(2, 3, 0)]
        );
        // Listed under two of the tagger's labels: no decision.
        let words = ["عبر", "قناة", "بنما"];
        assert_eq!(
            grow_to_known_phrases(&words, vec![(2, 3, 3)], &types(), &g),
            [(2, 3, 3)]
        );
        // A list label that is no type of the tagger's.
        let words = ["على", "قناة", "الجزيرة"];
        assert_eq!(
            grow_to_known_phrases(&words, vec![(2, 3, 2)], &types(), &g),
            [(2, 3, 2)]
        );
        // The word before is part of another name: it is not taken.
        let words = ["منتخب", "فرنسا"];
        let spans = vec![(0, 1, 3), (1, 2, 0)];
        assert_eq!(
            grow_to_known_phrases(&words, spans.clone(), &types(), &g),
            spans
        );
        // A person after a title stays a person, though "الشيخ بدر" is a town.
        let mut with_town = gazetteer();
        with_town.add("LOC", "الشيخ بدر").unwrap();
        let words = ["قال", "الشيخ", "بدر", "العتيبي"];
        let got = grow_to_known_phrases(&words, vec![(2, 4, 3)], &types(), &with_town);
        assert_eq!(got, [(2, 4, 3)]);
        // A title does not make a place a person: مستشفى(0) الملك(1) فهد(2).
        let words = ["مستشفى", "الملك", "فهد"];
        assert_eq!(
            grow_to_known_phrases(&words, vec![(2, 3, 0)], &types(), &g),
            [(2, 3, 0)]
        );
        // A name at the start of the sentence has no word before it.
        assert_eq!(
            grow_to_known_phrases(&["فرنسا"], vec![(0, 1, 0)], &types(), &g),
            [(0, 1, 0)]
        );
    }
}
