//! Word lists of news layout: agencies, outlets, role words, boilerplate phrases, stop words.
//!
//! Entries are compared in *key* form ([`key`]): letters folded as the clitic
//! lexicon folds them (أ إ آ → ا, ى → ي), diacritics, tatweel, dots and spaces
//! removed, Latin lower-cased, so "أ.ف.ب", "ا ف ب" and "أ ف ب" are one key.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::clitics::fold;

/// The comparison key of a phrase (see the module docs).
pub fn key(phrase: &str) -> String {
    fold(phrase)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '\u{200F}' | '\u{200E}'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn set(words: &'static [&'static str]) -> HashSet<String> {
    words.iter().map(|w| key(w)).collect()
}

/// News agencies, as they appear in datelines (Arabic and Latin spellings).
const AGENCIES: &[&str] = &[
    "رويترز", "أ ف ب", "اف ب", "فرانس برس", "فرانس پرس", "أ ب", "اسوشيتد برس", "أسوشيتد برس",
    "د ب أ", "واس", "سانا", "كونا", "وام", "قنا", "بنا", "وفا", "معا", "سبأ", "سبا", "ومع", "واج",
    "لانا", "أ ش أ", "الأناضول", "يو بي أي", "يو بي اي", "يو بي آي", "شينخوا", "سبوتنيك", "إرنا",
    "ارنا", "تاس", "نوفوستي", "بترا", "قدس برس", "وات", "و م ع", "قنا", "الأناضول للأنباء", "وكالات", "الوكالات", "cnn", "bbc",
    "afp", "ap", "reuters", "dpa", "upi", "spa", "sana", "kuna", "wam", "qna", "bna",
];

/// Outlets (newspapers, sites, channels) seen in bylines and footers.
const OUTLETS: &[&str] = &[
    "سبق", "عين اليوم", "الوئام", "القدس العربي", "شبكة شام", "شام", "الجزيرة نت", "العربية نت",
    "الشرق الأوسط", "عكاظ", "الحياة", "اليوم السابع", "الأهرام", "المصري اليوم",
    "الخليج", "البيان", "الاتحاد", "عنب بلدي", "العربي الجديد", "إيلاف", "هسبريس", "الشروق",
    "النهار", "السفير", "الأخبار", "تواصل", "الرأي", "الغد", "الدستور",
];

/// Role words that introduce a writer.
const AUTHOR_ROLES: &[&str] = &[
    "كتب", "كتبت", "بقلم", "تقرير", "إعداد", "اعداد", "تحرير", "الكاتب", "الكاتبة", "المحرر",
    "حوار", "ترجمة", "مراسل", "مراسلة",
];

/// Role words that introduce a credit that is not the writer.
const CREDIT_ROLES: &[&str] = &["تصوير", "عدسة", "تصميم", "مونتاج", "فيديو"];

/// Role words that introduce the source (outlet).
const SOURCE_ROLES: &[&str] = &["المصدر", "مصدر الخبر", "نقلا عن"];

/// Header words that name no field ("compiled", "follow-up").
const GENERIC: &[&str] = &["متابعة", "متابعات", "خاص", "الوكالة", "وكالة"];

/// Whole lines that are page furniture.
const BOILERPLATE_LINES: &[&str] = &[
    "مشاركة", "شارك", "شاركها", "شارك الخبر", "شارك المقال", "شارك هذا المقال", "اقرأ أيضا",
    "اقرأ أيضاً", "إقرأ أيضا", "اقرأ المزيد", "المزيد", "أخبار ذات صلة", "مواضيع ذات صلة",
    "مقالات ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "تابعونا", "تابعنا", "طباعة", "إرسال",
    "أرسل", "تعليقات", "التعليقات", "أضف تعليق", "اضف تعليقك", "الكلمات الدلالية",
    "كلمات دلالية", "وسوم", "الوسوم", "سمات", "انتهى", "next", "previous", "share", "tweet",
    "print", "email", "comments", "related", "read more", "advertisement", "إعلان", "اعلان",
    "الرئيسية", "عاجل",
];

/// Lines after which short lines are related-story links.
const RELATED_HEADINGS: &[&str] = &[
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ المزيد", "أخبار ذات صلة", "مواضيع ذات صلة",
    "مقالات ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "related",
];

/// Introductions of a tag list at the end of an article.
pub const TAG_INTROS: &[&str] = &["سمات", "الكلمات الدلالية", "كلمات دلالية", "وسوم", "الوسوم"];

/// Frequent Arabic function words, for stop-word density (jusText's measure).
const STOP_WORDS: &[&str] = &[
    "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "إن", "التي", "الذي", "الذين", "هذا",
    "هذه", "ذلك", "تلك", "كان", "كانت", "قد", "لا", "لم", "لن", "ما", "و", "أو", "او", "ثم", "بين",
    "بعد", "قبل", "حيث", "كما", "وقد", "وفي", "ومن", "وأن", "أنه", "انه", "أنها", "عند", "خلال",
    "حتى", "هو", "هي", "هم", "كل", "غير", "لكن", "منذ", "إذا", "اذا", "فيه", "فيها", "عليه", "عليها",
    "به", "بها", "له", "لها", "لهم", "منه", "منها", "الى", "وكان", "وقال", "قال", "وأضاف", "أي",
    "أيضا", "ضمن", "دون", "نحو", "لدى", "وهو", "وهي", "تم", "يتم", "وذلك", "إلا", "الا", "بعض",
    "عدد", "بعد", "أكثر", "اكثر", "فقد", "لقد", "كما", "وكانت", "إنه", "وإن", "فإن", "بأن", "لأن",
];

macro_rules! lazy_set {
    ($name:ident, $list:expr) => {
        fn $name() -> &'static HashSet<String> {
            static S: OnceLock<HashSet<String>> = OnceLock::new();
            S.get_or_init(|| set($list))
        }
    };
}

lazy_set!(agencies, AGENCIES);
lazy_set!(outlets, OUTLETS);
lazy_set!(author_roles, AUTHOR_ROLES);
lazy_set!(credit_roles, CREDIT_ROLES);
lazy_set!(source_roles, SOURCE_ROLES);
lazy_set!(generic, GENERIC);
lazy_set!(boilerplate_lines, BOILERPLATE_LINES);
lazy_set!(related_headings, RELATED_HEADINGS);
lazy_set!(stop_words, STOP_WORDS);

/// What a header word or phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// A news agency.
    Agency,
    /// A newspaper or site.
    Outlet,
    /// A word introducing the writer ("كتب", "بقلم").
    AuthorRole,
    /// A word introducing a photo or other credit ("تصوير").
    CreditRole,
    /// A word introducing the source ("المصدر").
    SourceRole,
    /// A header word naming no field ("متابعات").
    Generic,
}

/// Look a key up in the header lexicons.
pub fn term(k: &str) -> Option<Term> {
    if agencies().contains(k) {
        Some(Term::Agency)
    } else if outlets().contains(k) {
        Some(Term::Outlet)
    } else if author_roles().contains(k) {
        Some(Term::AuthorRole)
    } else if credit_roles().contains(k) {
        Some(Term::CreditRole)
    } else if source_roles().contains(k) {
        Some(Term::SourceRole)
    } else if generic().contains(k) {
        Some(Term::Generic)
    } else {
        None
    }
}

/// Whether a whole line (as a key, trailing colon removed) is page furniture.
pub fn is_boilerplate_line(k: &str) -> bool {
    boilerplate_lines().contains(k)
}

/// Whether a line (as a key) heads a list of related-story links.
pub fn is_related_heading(k: &str) -> bool {
    related_headings().contains(k)
}

/// Whether a word is an Arabic function word.
pub fn is_stop_word(word: &str) -> bool {
    stop_words().contains(&key(word))
}

/// First names common in Arabic bylines (a person test for header parts; places
/// are the default).
const FIRST_NAMES: &[&str] = &[
    "محمد", "أحمد", "محمود", "مصطفى", "علي", "عمر", "عثمان", "خالد", "سعد", "سعيد", "سلمان",
    "سلطان", "فهد", "فيصل", "فايز", "فواز", "نايف", "نواف", "ماجد", "مشاري", "بندر", "تركي", "حمد",
    "حمود", "حمدان", "حسن", "حسين", "إبراهيم", "ابراهيم", "يوسف", "يحيى", "زكريا", "صالح", "سامي",
    "سامر", "طارق", "ياسر", "وليد", "هاني", "هشام", "عادل", "عماد", "جمال", "كمال", "منصور",
    "ناصر", "بدر", "راشد", "رائد", "زياد", "مريم", "فاطمة", "عائشة", "سارة", "نورة", "نوف",
    "هيفاء", "سلوى", "لجين", "ليلى", "هند", "منى", "رنا", "ريم", "أمل", "هدى", "سمر", "دعاء",
    "إيمان", "ايمان", "نادية", "رشا", "غادة", "لينا", "جود", "عبير", "أسماء", "خديجة", "زينب",
];

lazy_set!(first_names, FIRST_NAMES);

/// Whether a header part reads as a person's name: two to four words, the
/// first a common first name or an "عبد…/أبو" compound.
pub fn looks_like_person(words: &[&str]) -> bool {
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let first = key(words[0]);
    first_names().contains(&first) || first.starts_with("عبد") || first == "ابو"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_spellings_share_a_key() {
        assert_eq!(key("أ.ف.ب"), key("ا ف ب"));
        assert_eq!(term(&key("أ ف ب")), Some(Term::Agency));
        assert_eq!(term(&key("د ب أ")), Some(Term::Agency));
        assert_eq!(term(&key("CNN")), Some(Term::Agency));
        assert_eq!(term(&key("عين اليوم")), Some(Term::Outlet));
        assert_eq!(term(&key("بقلم")), Some(Term::AuthorRole));
        assert_eq!(term(&key("بيروت")), None);
    }

    #[test]
    fn boilerplate_and_people() {
        assert!(is_boilerplate_line(&key("اقرأ أيضاً")));
        assert!(is_boilerplate_line(&key("مشاركة")));
        assert!(!is_boilerplate_line(&key("قال الوزير")));
        assert!(looks_like_person(&["سلوى", "المدني"]));
        assert!(looks_like_person(&["عبدالرحمن", "الشهري"]));
        assert!(!looks_like_person(&["حفر", "الباطن"]));
        assert!(!looks_like_person(&["محمد"]));
    }
}
