//! The Saudi king's title "خادم الحرمين الشريفين" (Custodian of the Two Holy
//! Mosques) is a title, not a name: ANERcorp leaves titles out of names
//! ("الرئيس" is O) and never has this one, so the tagger guesses. In the news
//! corpus it came back as MISC 1,631 times (the whole title) and its last two
//! words as a place 2,199 times, which would make the two mosques the most
//! named places after Riyadh and Jeddah. The person after the title is
//! tagged on its own ("خادم الحرمين الشريفين الملك سلمان": سلمان PERS).
//!
//! A name that is the title, with a proclitic or not ("لخادم الحرمين"), or
//! that is "الحرمين (الشريفين)" right after خادم, is dropped, unless a head
//! noun stands before the title: then the name is the thing named after the
//! king and spans the head, with the head's label ("معهد خادم الحرمين
//! الشريفين" ORG as `named_after.rs` makes "معهد الملك سلمان"; "كأس خادم
//! الحرمين الشريفين", the King's Cup, MISC). A name of one word and the
//! title is the same: after a head the thing named, after any other word
//! ("أصدر خادم الحرمين الشريفين" 24 times in the news corpus, "بقيادة"،
//! "ومواساة"، "ضيوف") no name. A longer name that holds the title is left as
//! the tagger found it, and so are the two mosques outside the title ("رئاسة
//! شؤون الحرمين الشريفين").

use super::features::token_info;
use super::named_after::head;
use crate::text::clitics::fold;

/// Key forms of the title's words.
const SERVANT: &str = "خادم";
const MOSQUES: &str = "الحرمين";
const HOLY: &str = "الشريفين";

/// Cups and prizes named after the king (folded, ة as ه), beside the heads
/// of `named_after.rs`.
const CUPS: &[&str] = &["كاس", "جائزه", "بطوله"];

/// The spans `(start, end, type)` of a sentence's `words` without the names
/// that are the king's title or its last words; after a head noun, the name
/// of the thing named after the king instead. `types` are the tagger's
/// labels.
pub(super) fn drop_royal_title(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
) -> Vec<(usize, usize, usize)> {
    let stem = |i: usize| token_info(words[i]).stem;
    let form = |i: usize| token_info(words[i]).w;
    // "الحرمين" or "الحرمين الشريفين" from `i` to `end`.
    let mosques = |i: usize, end: usize| {
        (end == i + 1 || (end == i + 2 && form(i + 1) == HOLY)) && form(i) == MOSQUES
    };
    // The label of a head noun at `i` (with its proclitics), as a type.
    let head_type = |i: usize| {
        let w = fold(words[i]).replace('ة', "ه");
        let label = head(&w).map(|(label, _)| label).or_else(|| {
            // The word as written or without its proclitics: the segmenter
            // reads كأس itself as ك + أس.
            let bare = token_info(words[i]).stem.replace('ة', "ه");
            (CUPS.contains(&w.as_str()) || CUPS.contains(&bare.as_str())).then_some("MISC")
        })?;
        types.iter().position(|t| t == label)
    };
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        let title_at = if e - s >= 2 && stem(s) == SERVANT && mosques(s + 1, e) {
            Some(s)
        } else if s >= 1 && mosques(s, e) && stem(s - 1) == SERVANT {
            Some(s - 1)
        } else if e - s >= 3 && stem(s + 1) == SERVANT && mosques(s + 2, e) {
            // One word and the title: a head (كأس) names the thing, any other
            // word (أصدر، بقيادة، ومواساة) is no part of a name.
            Some(s + 1)
        } else {
            None
        };
        let Some(t) = title_at else {
            out.push((s, e, ty));
            continue;
        };
        let free = t >= 1 && out.last().is_none_or(|&(_, pe, _)| pe < t);
        if let Some(head_ty) = free.then(|| head_type(t - 1)).flatten() {
            out.push((t - 1, e, head_ty));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_types::{types, MISC, ORG};
    use super::*;

    #[test]
    fn the_title_and_its_words_after_servant_are_no_names() {
        // Sentences written for this test; token indices counted by hand.
        // أصدر(0) خادم(1) الحرمين(2) الشريفين(3) الملك(4) سلمان(5) أمرا(6)
        let words = [
            "أصدر",
            "خادم",
            "الحرمين",
            "الشريفين",
            "الملك",
            "سلمان",
            "أمرا",
        ];
        let person = (5, 6, 3);
        assert_eq!(
            drop_royal_title(&words, vec![(1, 4, 1), person], &types()),
            [person]
        );
        assert_eq!(
            drop_royal_title(&words, vec![(2, 4, 0), person], &types()),
            [person]
        );
        // With a proclitic, and the short form: رفع(0) الشكر(1) لخادم(2) الحرمين(3)
        let words = ["رفع", "الشكر", "لخادم", "الحرمين"];
        assert!(drop_royal_title(&words, vec![(2, 4, 1)], &types()).is_empty());
        assert!(drop_royal_title(&words, vec![(3, 4, 0)], &types()).is_empty());
    }

    #[test]
    fn after_a_head_the_title_names_the_thing() {
        // توج(0) الهلال(1) بكأس(2) خادم(3) الحرمين(4) الشريفين(5): the cup.
        let words = ["توج", "الهلال", "بكأس", "خادم", "الحرمين", "الشريفين"];
        let got = drop_royal_title(&words, vec![(1, 2, 2), (3, 6, 1)], &types());
        assert_eq!(got, [(1, 2, 2), (2, 6, 1)]);
        // درس(0) في(1) معهد(2) خادم(3) الحرمين(4) الشريفين(5): an institute.
        let words = ["درس", "في", "معهد", "خادم", "الحرمين", "الشريفين"];
        assert_eq!(
            drop_royal_title(&words, vec![(4, 6, 0)], &types()),
            [(2, 6, 2)]
        );
        // The head inside the name before: that name stays, the title goes.
        let words = ["كأس", "خادم", "الحرمين"];
        assert_eq!(
            drop_royal_title(&words, vec![(0, 1, 1), (1, 3, 1)], &types()),
            [(0, 1, 1)]
        );
    }

    #[test]
    fn a_word_and_the_title_is_no_name() {
        // أصدر(0) خادم(1) الحرمين(2) الشريفين(3) أمرا(4): a verb and the title.
        let words = ["أصدر", "خادم", "الحرمين", "الشريفين", "أمرا"];
        assert!(drop_royal_title(&words, vec![(0, 4, MISC)], &types()).is_empty());
        // فاز(0) بكأس(1) خادم(2) الحرمين(3) الشريفين(4): a head and the title,
        // with a proclitic or without.
        let words = ["فاز", "بكأس", "خادم", "الحرمين", "الشريفين"];
        assert_eq!(
            drop_royal_title(&words, vec![(1, 5, ORG)], &types()),
            [(1, 5, MISC)]
        );
        let words = ["نهائي", "كأس", "خادم", "الحرمين", "الشريفين"];
        assert_eq!(
            drop_royal_title(&words, vec![(1, 5, MISC)], &types()),
            [(1, 5, MISC)]
        );
    }

    #[test]
    fn longer_names_and_the_mosques_outside_the_title_stay() {
        // فاز(0) بكأس(1) خادم(2) الحرمين(3) الشريفين(4): the King's Cup.
        let words = ["فاز", "بكأس", "خادم", "الحرمين", "الشريفين"];
        let spans = vec![(1, 5, 1)];
        assert_eq!(drop_royal_title(&words, spans.clone(), &types()), spans);
        // رئاسة(0) شؤون(1) الحرمين(2) الشريفين(3): the two mosques.
        let words = ["رئاسة", "شؤون", "الحرمين", "الشريفين"];
        let spans = vec![(2, 4, 0)];
        assert_eq!(drop_royal_title(&words, spans.clone(), &types()), spans);
        // A name that runs on past the title is the tagger's to keep.
        let words = ["خادم", "الحرمين", "الشريفين", "سلمان"];
        let spans = vec![(0, 4, 3)];
        assert_eq!(drop_royal_title(&words, spans.clone(), &types()), spans);
    }
}
