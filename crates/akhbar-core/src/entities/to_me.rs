//! "لي" after a verb is "to me" (ل + the pronoun ي), not the name Li or Lee.
//!
//! ANERcorp spells Li Zhaoxing and Spike Lee "لي" and tags "ويقول لي" (Lee
//! says) B-PERS, and the context classes learned that a person often comes
//! right after قال. So in first-person text the tagger reads "قال لي"
//! ("he told me") as a person: 183 times as a name of its own in the news
//! corpus (its 42nd most frequent person), and at the start of longer names
//! ("قال لي يوسف شاهين", "Youssef Chahine told me"; "كان لي شرف"). The real
//! names mostly follow nouns (الصيني لي تشاو شينغ، عائلة لي، السيدة لي).
//!
//! After such a word (`BEFORE_TO_ME`, with و or ف or س in front), a person
//! name that is only "لي" is dropped, and one that goes on starts at the
//! next word when what is left is two words or more, or one word the text
//! names on its own elsewhere (the name after "قال لي" is often the
//! speaker); otherwise it is dropped too ("قال لي متنبئاً"). The tagger's
//! tags (`tag_tokens`, CoNLL scores) are not changed.
//!
//! Over the news corpus (`akhbar process`, before and after; every change
//! read): 170 names dropped (132 a lone "لي", 38 longer ones), of which four
//! were real (وقال لي كيشيانغ، كتب لي جونج- وا, and two more Lees after قال
//! and كان); 16 names now start after "لي", 9 of them right (السيد بلاتر،
//! يوسف شاهين، وودي ألن، عمر) and 7 not ("شغلك جميل", "حسن" of "حسن
//! التصرف"; all wrong before too, with "لي"). 51 lone "لي" persons are left, most of them real (السيدة لي of
//! Harper Lee, عائلة لي of Samsung) or after words not listed (حبه لي).

use super::features::token_info;

/// The pronoun form, folded.
const TO_ME: &str = "لي";

/// Words after which "لي" is "to me" (folded: ا for أ/إ/آ, ي for ى): verbs
/// of saying, telling, sending, giving, leaving and allowing, كان/بدا/بقي/
/// سبق ("I had", "it seemed to me"), "اغفر لي" (forgive me), and the nouns
/// of "بالنسبة لي" and "صديق لي".
const BEFORE_TO_ME: &[&str] = &[
    "قال",
    "قالت",
    "قالوا",
    "يقول",
    "تقول",
    "اقول",
    "نقول",
    "يقولون",
    "روي",
    "يروي",
    "تروي",
    "حكي",
    "يحكي",
    "تحكي",
    "اكد",
    "اكدت",
    "يؤكد",
    "اضاف",
    "اضافت",
    "يضيف",
    "ذكر",
    "يذكر",
    "اوضح",
    "يوضح",
    "صرح",
    "كشف",
    "شرح",
    "يشرح",
    "اسر",
    "همس",
    "كتب",
    "يكتب",
    "ارسل",
    "ارسلت",
    "يرسل",
    "سمح",
    "يسمح",
    "اتاح",
    "يتيح",
    "قدم",
    "يقدم",
    "اعطي",
    "يعطي",
    "منح",
    "يمنح",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "بدا",
    "يبدو",
    "بقي",
    "يبقي",
    "سبق",
    "يسبق",
    "اتضح",
    "تبين",
    "يتبين",
    "اعرب",
    "زعم",
    "قاله",
    "قالها",
    "ترك",
    "يترك",
    "اغفر",
    "بالنسبه",
    "بالنسبة",
    "صديق",
    "صديقه",
    "صديقة",
];

/// Whether "لي" after `word` is "to me".
fn before_to_me(word: &str) -> bool {
    let w = token_info(word).w;
    let listed = |w: &str| BEFORE_TO_ME.contains(&w);
    if listed(&w) {
        return true;
    }
    // و، ف and the future prefix س (فقال، وقال، ستقول, وسيقول).
    let mut rest = w.as_str();
    for p in ['و', 'ف', 'س'] {
        rest = rest.strip_prefix(p).unwrap_or(rest);
        if listed(rest) {
            return true;
        }
    }
    false
}

/// The spans `(start, end, type)` of a sentence's `words` without "لي"
/// ("to me") at the start of a person name after a verb ([`BEFORE_TO_ME`]).
/// `named_alone` says whether the text has a name beginning with a given
/// folded word.
pub(super) fn drop_to_me(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
    named_alone: &dyn Fn(&str) -> bool,
) -> Vec<(usize, usize, usize)> {
    spans
        .into_iter()
        .filter_map(|(s, e, ty)| {
            let to_me = types[ty] == "PERS"
                && s >= 1
                && token_info(words[s]).w == TO_ME
                && before_to_me(words[s - 1]);
            if !to_me {
                return Some((s, e, ty));
            }
            let rest_named = e - s >= 3 || (e - s == 2 && named_alone(&token_info(words[s + 1]).w));
            rest_named.then_some((s + 1, e, ty))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_types::{types, PERS};
    use super::*;

    #[test]
    fn li_after_a_verb_of_saying_is_no_name() {
        // Written after the first-person columns of the news corpus.
        // فقال(0) لي(1) :(2) أنا(3) ما(4) عنديش(5) مانع(6)
        let words = ["فقال", "لي", ":", "أنا", "ما", "عنديش", "مانع"];
        assert!(drop_to_me(&words, vec![(1, 2, PERS)], &types(), &|_| false).is_empty());
        // وأرسل(0) لي(1) السيد(2) بلاتر(3) رسالة(4): Blatter sent me a letter.
        let words = ["وأرسل", "لي", "السيد", "بلاتر", "رسالة"];
        assert_eq!(
            drop_to_me(&words, vec![(1, 4, PERS)], &types(), &|_| false),
            [(2, 4, PERS)]
        );
        // بالنسبة(0) لي(1) هذا(2) مهم(3)
        let words = ["بالنسبة", "لي", "هذا", "مهم"];
        assert!(drop_to_me(&words, vec![(1, 2, PERS)], &types(), &|_| false).is_empty());
    }

    #[test]
    fn one_word_after_li_stays_a_name_only_where_the_text_names_it() {
        // قال(0) لي(1) عمر(2) إن(3) ...: Omar told me that ...
        let words = ["قال", "لي", "عمر", "إن"];
        let omar = |w: &str| w == "عمر";
        assert_eq!(
            drop_to_me(&words, vec![(1, 3, PERS)], &types(), &omar),
            [(2, 3, PERS)]
        );
        // فقال(0) لي(1) متهكماً(2): "he told me mockingly" names no one.
        let words = ["فقال", "لي", "متهكماً"];
        assert!(drop_to_me(&words, vec![(1, 3, PERS)], &types(), &omar).is_empty());
    }

    #[test]
    fn li_after_a_noun_or_at_the_start_and_other_labels_stay() {
        // وزير(0) الخارجية(1) الصيني(2) لي(3) تشاو(4) شينغ(5)
        let words = ["وزير", "الخارجية", "الصيني", "لي", "تشاو", "شينغ"];
        let spans = vec![(3, 6, PERS)];
        assert_eq!(
            drop_to_me(&words, spans.clone(), &types(), &|_| false),
            spans
        );
        // لي(0) جاي(1) يونج(2) at a sentence's start, عائلة(0) لي(1)
        let words = ["لي", "جاي", "يونج"];
        let spans = vec![(0, 3, PERS)];
        assert_eq!(
            drop_to_me(&words, spans.clone(), &types(), &|_| false),
            spans
        );
        let words = ["عائلة", "لي"];
        let spans = vec![(1, 2, PERS)];
        assert_eq!(
            drop_to_me(&words, spans.clone(), &types(), &|_| false),
            spans
        );
        // Not a person: left to the tagger.
        let words = ["قال", "لي"];
        let spans = vec![(1, 2, 2)];
        assert_eq!(
            drop_to_me(&words, spans.clone(), &types(), &|_| false),
            spans
        );
    }
}
