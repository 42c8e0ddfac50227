//! Listed places after a word that says "place". The shipped tagger learned
//! تبوك as MISC from the one time ANERcorp has it ("غزوة تبوك", the battle),
//! and so tags the Saudi city MISC in "بمنطقة تبوك" (410 of its 790 mentions
//! in the news corpus); likewise "مدينة لوس أنجلوس" MISC, "محافظة بريدة" ORG.
//!
//! Where the word before a name is a head of settlements and administrative
//! areas (مدينة، منطقة، محافظة، ولاية …, with a proclitic or not, never with
//! the article: "المدينة" is Medina) and the whole name is a phrase the
//! tagger's gazetteer lists as a place and under none of the tagger's other
//! types, the name is a place. ANERcorp leaves the head out of the name
//! ("مدينة جدة" is جدة LOC), so the span stays as it is; only the label
//! changes. A name listed under another type as well (a club named after its
//! city) is left to the tagger.

use super::features::token_info;
use super::gazetteer::Gazetteer;
use super::known_phrases::whole_listed_type;

/// Heads after which a listed place is that place, in key form (hamza
/// folded; both spellings of ة).
const PLACE_HEADS: &[&str] = &[
    "مدينة",
    "مدينه",
    "منطقة",
    "منطقه",
    "محافظة",
    "محافظه",
    "ولاية",
    "ولايه",
    "قرية",
    "قريه",
    "بلدة",
    "بلده",
    "اقليم",
    "مقاطعة",
    "مقاطعه",
    "امارة",
    "اماره",
];

/// Relabel as `LOC` each span `(start, end, type)` of a sentence's `words`
/// that follows a place head (not inside another name) and that the
/// gazetteer lists, as a whole, as `LOC` and as no other of `types`.
pub(super) fn places_after_heads(
    words: &[&str],
    mut spans: Vec<(usize, usize, usize)>,
    types: &[String],
    gazetteer: &Gazetteer,
) -> Vec<(usize, usize, usize)> {
    let Some(loc) = types.iter().position(|t| t == "LOC") else {
        return spans;
    };
    if gazetteer.is_empty() {
        return spans;
    }
    let mut prev_end = 0;
    for span in spans.iter_mut() {
        let (s, e, ty) = *span;
        let after_head = s >= 1 && prev_end < s && is_place_head(words[s - 1]);
        prev_end = e;
        if ty != loc && after_head && whole_listed_type(&words[s..e], types, gazetteer) == Some(loc)
        {
            span.2 = loc;
        }
    }
    spans
}

/// A place head with or without a proclitic (بمنطقة، ومدينة), not with the
/// article.
fn is_place_head(word: &str) -> bool {
    PLACE_HEADS.contains(&token_info(word).stem.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::test_types::{types, LOC, MISC, ORG, PERS};
    use super::*;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::new();
        g.add("LOC", "تبوك").unwrap();
        g.add("LOC_W", "تبوك").unwrap();
        g.add("LOC", "لوس أنجلوس").unwrap();
        g.add("LOC", "بورتو").unwrap();
        g.add("ORG", "بورتو").unwrap();
        g
    }

    #[test]
    fn a_listed_place_after_a_place_head_is_a_place() {
        // Sentences written for this test; token indices counted by hand.
        // قال(0) المتحدث(1) بمنطقة(2) تبوك(3): تبوك tagged MISC.
        let words = ["قال", "المتحدث", "بمنطقة", "تبوك"];
        let got = places_after_heads(&words, vec![(3, 4, MISC)], &types(), &gazetteer());
        assert_eq!(got, [(3, 4, LOC)]);
        // تستضيفها(0) مدينة(1) لوس(2) أنجلوس(3) الأمريكية(4): two words, ORG.
        let words = ["تستضيفها", "مدينة", "لوس", "أنجلوس", "الأمريكية"];
        let got = places_after_heads(&words, vec![(2, 4, ORG)], &types(), &gazetteer());
        assert_eq!(got, [(2, 4, LOC)]);
    }

    #[test]
    fn other_heads_unlisted_ambiguous_or_partial_names_stay() {
        let g = gazetteer();
        // The head with the article: المدينة is Medina, not "the city of".
        let words = ["في", "المدينة", "تبوك"];
        let spans = vec![(2, 3, MISC)];
        assert_eq!(
            places_after_heads(&words, spans.clone(), &types(), &g),
            spans
        );
        // Not a place head: غزوة تبوك is the battle.
        let words = ["غزوة", "تبوك"];
        let spans = vec![(1, 2, MISC)];
        assert_eq!(
            places_after_heads(&words, spans.clone(), &types(), &g),
            spans
        );
        // Listed as a place and as an organisation: left to the tagger.
        let words = ["مدينة", "بورتو"];
        let spans = vec![(1, 2, ORG)];
        assert_eq!(
            places_after_heads(&words, spans.clone(), &types(), &g),
            spans
        );
        // Only part of the name is listed: "تبوك الجديدة" is not تبوك.
        let words = ["منطقة", "تبوك", "الجديدة"];
        let spans = vec![(1, 3, MISC)];
        assert_eq!(
            places_after_heads(&words, spans.clone(), &types(), &g),
            spans
        );
        // The head is inside the name before: two names, the second stays.
        let words = ["مدينة", "تبوك"];
        let spans = vec![(0, 1, PERS), (1, 2, MISC)];
        assert_eq!(
            places_after_heads(&words, spans.clone(), &types(), &g),
            spans
        );
        // A name at the start of the sentence has no word before it.
        let spans = vec![(0, 1, MISC)];
        assert_eq!(
            places_after_heads(&["تبوك"], spans.clone(), &types(), &g),
            spans
        );
    }
}
