//! A prayer is not a name: "حفظهم الله" (may God preserve them), "بتوفيق
//! الله" (with God's help), "رحمه الله" (God rest his soul). ANERcorp tags
//! such a formula's verb or noun `O` and الله `B-MISC` (رعاه O الله B-MISC,
//! صلى O الله B-MISC), but the tagger, which learned "حزب الله" ORG and
//! "عبد الله"، "نصر الله" PERS, reads the two words as one name: over the
//! news corpus "حفظهم الله" was its 19th most frequent organisation (199
//! times), and the formulas below came back as ORG 282 times and as PERS
//! 249 ("حمد الله" 73, "توفيق الله" 64, "عون الله" 40); all 533 are الله
//! MISC now (44 distinct forms, all read: formulas).
//!
//! A name of two words whose second is الله and whose first (without the
//! proclitics و ف ب) is a listed formula word is الله alone, MISC. The list
//! holds verbs of blessing with their object pronoun (حفظه، رعاها، وفقهم …;
//! a name does not end in one), and the nouns and verbs of praise and
//! prayer that are no first names before الله (حمد، توفيق، عون، رضوان،
//! بارك، جزى …). Names built on الله stay: عبد الله، نصر الله، فضل الله،
//! حزب الله، رام الله. "ضيوف الرحمن" (the guests of the Merciful: the
//! pilgrims) is such a formula too, and gives الرحمن MISC: it was a person
//! 99 times in the news corpus (and "عباد الرحمن" 5). The tagger's tags are
//! not changed.

use super::features::token_info;
use crate::text::clitics::fold;

/// Verbs of blessing before الله, which take an object pronoun (folded).
const BLESSING_VERBS: &[&str] = &[
    "حفظ",
    "يحفظ",
    "رعا",
    "يرعي",
    "رحم",
    "يرحم",
    "وفق",
    "يوفق",
    "ايد",
    "يؤيد",
    "هدا",
    "يهدي",
    "اعان",
    "يعين",
    "اكرم",
    "يكرم",
    "اعز",
    "يعز",
    "ثبت",
    "يثبت",
    "خذل",
    "سدد",
    "يسدد",
    "نصر",
    "ينصر",
    "عافا",
    "يعافي",
    "شفا",
    "يشفي",
    "جزا",
    "جزي",
    "يجزي",
    "بارك",
    "يبارك",
    "تقبل",
    "يتقبل",
    "غفر",
    "يغفر",
    "سامح",
    "يسامح",
    "حما",
    "يحمي",
    "اطال",
    "لعن",
    "قاتل",
];

/// Object pronouns a blessing verb takes (him, her, them both, them, you,
/// us), or none where the bare verb is no name (رحم الله، بارك الله).
const PRONOUNS: &[&str] = &["ه", "ها", "هما", "هم", "هن", "ك", "كم", "كما", "نا"];

/// Blessing verbs that make a name with الله bare (نصر الله, Nasrallah): a
/// formula only with a pronoun (نصره الله).
const NAMES_BARE: &[&str] = &["نصر"];

/// Nouns and verbs of praise and prayer before الله (folded).
const PRAISE: &[&str] = &[
    "حمد",
    "نحمد",
    "احمد",
    "توفيق",
    "عون",
    "رضوان",
    "رضي",
    "صلي",
    "شاء",
    "معاذ",
    "سبحان",
    "عباد",
    "دين",
    "سائلا",
    "سائلين",
    "داعيا",
    "داعين",
    "ادعو",
    "ندعو",
    "ارجو",
    "نرجو",
    "اسال",
    "نسال",
    "بسم",
    "اذن",
    "امان",
    "ضيوف",
    "ضيف",
];

/// Names of God a formula ends with (folded): "ضيوف الرحمن" (the guests of
/// the Merciful, the pilgrims) came back as a person 101 times in the news
/// corpus, since ANERcorp has "عبد الرحمن" PERS.
const DIVINE: &[&str] = &["الله", "الرحمن"];

/// Whether `word` (a name's first word, before الله) is a formula word.
fn formula_word(word: &str) -> bool {
    let w = fold(word);
    let mut forms = vec![w.as_str()];
    // The proclitics و ف ب, one or two (وبتوفيق).
    let mut rest = w.as_str();
    for _ in 0..2 {
        match rest.strip_prefix(['و', 'ف', 'ب']) {
            Some(r) if r.chars().count() >= 2 => {
                forms.push(r);
                rest = r;
            }
            _ => break,
        }
    }
    forms.iter().any(|&f| {
        PRAISE.contains(&f)
            || BLESSING_VERBS.iter().any(|v| match f.strip_prefix(v) {
                Some("") => !NAMES_BARE.contains(v),
                Some(p) => PRONOUNS.contains(&p),
                None => false,
            })
    })
}

/// The spans `(start, end, type)` of a sentence's `words` with each
/// two-word name "formula + الله" (or الرحمن) turned into الله alone, labelled MISC
/// (where the tagger has that label).
pub(super) fn prayers_are_no_names(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
) -> Vec<(usize, usize, usize)> {
    let Some(misc) = types.iter().position(|t| t == "MISC") else {
        return spans;
    };
    spans
        .into_iter()
        .map(|(s, e, ty)| {
            let divine = |i: usize| DIVINE.contains(&token_info(words[i]).w.as_str());
            if e - s == 2 && divine(s + 1) && formula_word(words[s]) {
                (s + 1, e, misc)
            } else {
                (s, e, ty)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_types::{types, MISC, ORG, PERS};
    use super::*;

    #[test]
    fn a_blessing_or_praise_before_allah_is_no_name() {
        // Phrases of the news corpus' reports; token indices counted by hand.
        // القيادة(0) حفظهم(1) الله(2)
        let words = ["القيادة", "حفظهم", "الله"];
        assert_eq!(
            prayers_are_no_names(&words, vec![(1, 3, ORG)], &types()),
            [(2, 3, MISC)]
        );
        // نجحنا(0) بتوفيق(1) الله(2); ونحمد(0) الله(1)
        let words = ["نجحنا", "بتوفيق", "الله"];
        assert_eq!(
            prayers_are_no_names(&words, vec![(1, 3, PERS)], &types()),
            [(2, 3, MISC)]
        );
        let words = ["ونحمد", "اللهَ"];
        assert_eq!(
            prayers_are_no_names(&words, vec![(0, 2, PERS)], &types()),
            [(1, 2, MISC)]
        );
        // رحمه(0) الله(1), with the diacritics of a quotation.
        let words = ["رَحِمَهُ", "اللهُ"];
        assert_eq!(
            prayers_are_no_names(&words, vec![(0, 2, ORG)], &types()),
            [(1, 2, MISC)]
        );
        // A one-word name at the sentence's end is left alone.
        let words = ["حفظه"];
        assert_eq!(
            prayers_are_no_names(&words, vec![(0, 1, PERS)], &types()),
            [(0, 1, PERS)]
        );
        // خدمة(0) ضيوف(1) الرحمن(2): the pilgrims.
        let words = ["خدمة", "ضيوف", "الرحمن"];
        assert_eq!(
            prayers_are_no_names(&words, vec![(1, 3, PERS)], &types()),
            [(2, 3, MISC)]
        );
    }

    #[test]
    fn names_built_on_allah_stay() {
        for name in [
            ["عبد", "الله"],
            ["عبد", "الرحمن"],
            ["نصر", "الله"],
            ["فضل", "الله"],
            ["حزب", "الله"],
            ["رام", "الله"],
        ] {
            let spans = vec![(0, 2, PERS)];
            assert_eq!(
                prayers_are_no_names(&name, spans.clone(), &types()),
                spans,
                "{name:?}"
            );
        }
        // نصره الله (may God grant him victory) is a prayer.
        assert_eq!(
            prayers_are_no_names(&["نصره", "الله"], vec![(0, 2, PERS)], &types()),
            [(1, 2, MISC)]
        );
        // Longer names are the tagger's: خالد(0) حمد(1) الله(2)
        let words = ["خالد", "حمد", "الله"];
        let spans = vec![(0, 3, PERS)];
        assert_eq!(prayers_are_no_names(&words, spans.clone(), &types()), spans);
    }
}
