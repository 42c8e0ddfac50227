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
    "رويترز",
    "أ ف ب",
    "اف ب",
    "فرانس برس",
    "فرانس پرس",
    "أ ب",
    "اسوشيتد برس",
    "أسوشيتد برس",
    "د ب أ",
    "واس",
    "سانا",
    "كونا",
    "وام",
    "قنا",
    "بنا",
    "وفا",
    "معا",
    "سبأ",
    "سبا",
    "ومع",
    "واج",
    "لانا",
    "أ ش أ",
    "الأناضول",
    "يو بي أي",
    "يو بي اي",
    "يو بي آي",
    "شينخوا",
    "سبوتنيك",
    "إرنا",
    "ارنا",
    "تاس",
    "نوفوستي",
    "بترا",
    "قدس برس",
    "وات",
    "و م ع",
    "قنا",
    "الأناضول للأنباء",
    // More national and foreign agencies as Arab papers name them.
    "واع",
    "العمانية",
    "سونا",
    "وال",
    "ينا",
    "الأسوشيتد برس",
    "إيتار تاس",
    "كيودو",
    "يونهاب",
    "آكي",
    "إفي",
    "أنسا",
    "سي إن إن",
    "بي بي سي",
    "وكالات",
    "الوكالات",
    "cnn",
    "bbc",
    "afp",
    "ap",
    "reuters",
    "dpa",
    "upi",
    "spa",
    "sana",
    "kuna",
    "wam",
    "qna",
    "bna",
];

/// Outlets (newspapers, sites, channels) seen in bylines and footers.
const OUTLETS: &[&str] = &[
    "سبق",
    "عين اليوم",
    "الوئام",
    "القدس العربي",
    "شبكة شام",
    "شام",
    "الجزيرة نت",
    "العربية نت",
    "الشرق الأوسط",
    "عكاظ",
    "الحياة",
    "اليوم السابع",
    "الأهرام",
    "المصري اليوم",
    "الخليج",
    "البيان",
    "الاتحاد",
    "عنب بلدي",
    "العربي الجديد",
    "إيلاف",
    "هسبريس",
    "الشروق",
    "النهار",
    "السفير",
    "الأخبار",
    "تواصل",
    "الرأي",
    "الغد",
    "الدستور",
];

/// Role words that introduce a writer.
const AUTHOR_ROLES: &[&str] = &[
    "كتب",
    "كتبت",
    "بقلم",
    "تقرير",
    "إعداد",
    "اعداد",
    "تحرير",
    "الكاتب",
    "الكاتبة",
    "المحرر",
    "حوار",
    "ترجمة",
    "مراسل",
    "مراسلة",
];

/// Role words that introduce a credit that is not the writer.
const CREDIT_ROLES: &[&str] = &["تصوير", "عدسة", "تصميم", "مونتاج", "فيديو"];

/// Role words that introduce the source (outlet).
const SOURCE_ROLES: &[&str] = &["المصدر", "مصدر الخبر", "نقلا عن"];

/// Header words that name no field ("compiled", "follow-up").
const GENERIC: &[&str] = &["متابعة", "متابعات", "خاص", "الوكالة", "وكالة"];

/// Whole lines that are page furniture.
const BOILERPLATE_LINES: &[&str] = &[
    "مشاركة",
    "شارك",
    "شاركها",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا المقال",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "اقرأ المزيد",
    "المزيد",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "مقالات ذات صلة",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "تابعونا",
    "تابعنا",
    // "تويتر: @handle" of a columnist, alone on its line.
    "تويتر",
    "طباعة",
    "إرسال",
    "أرسل",
    "تعليقات",
    "التعليقات",
    "أضف تعليق",
    "اضف تعليقك",
    "الكلمات الدلالية",
    "كلمات دلالية",
    "وسوم",
    "الوسوم",
    "سمات",
    "انتهى",
    "next",
    "previous",
    "share",
    "tweet",
    "print",
    "email",
    "comments",
    "related",
    "read more",
    "advertisement",
    "إعلان",
    "اعلان",
    "الرئيسية",
    "عاجل",
];

/// Lines after which short lines are related-story links.
const RELATED_HEADINGS: &[&str] = &[
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "اقرأ المزيد",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "مقالات ذات صلة",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "related",
];

/// Introductions of a tag list at the end of an article.
pub const TAG_INTROS: &[&str] = &["سمات", "الكلمات الدلالية", "كلمات دلالية", "وسوم", "الوسوم"];

/// The columnist's contact footer of Saudi dailies: "للتواصل مع الكاتب ارسل
/// رسالة SMS تبدأ بالرمز (3) … 737221 - Zain" (also the start of "… الكاتبة").
pub const CONTACT_FOOTER: &str = "للتواصل مع الكاتب";

/// A share widget's label at the start of a line ("شارك من خلال", "مشاركة:"),
/// longest first.
pub const SHARE_LABELS: &[&str] = &[
    "شارك هذا المقال",
    "شارك هذا الخبر",
    "شارك المقال",
    "شارك الخبر",
    "شاركها",
    "مشاركة",
    "شارك",
];

/// Words between a share label and its buttons.
pub const SHARE_LINKERS: &[&str] = &["من خلال", "عبر", "على", ":"];

/// A share widget's buttons (networks) and the calls after them, longest first.
pub const SHARE_BUTTONS: &[&str] = &[
    "البريد الإلكتروني",
    "جوجل بلس",
    "غوغل بلس",
    "لينكد إن",
    "سناب شات",
    "فيس بوك",
    "واتس اب",
    "فيسبوك",
    "تويتر",
    "واتساب",
    "لينكدإن",
    "تيليجرام",
    "تلغرام",
    "انستغرام",
    "إنستغرام",
    "جوجل+",
    "طباعة",
];

/// Calls to comment that may end a share widget.
pub const SHARE_CALLS: &[&str] = &["اكتب رأيك", "أضف تعليقك", "أضف تعليق", "علق"];

/// Labels before a date that name no section ("نشر في", "آخر تحديث").
const DATE_LABELS: &[&str] = &[
    "نشر في",
    "نشر",
    "نشرت في",
    "تاريخ النشر",
    "آخر تحديث",
    "تحديث",
    "بتاريخ",
    "في",
    "التاريخ",
    "published",
    "updated",
    "posted",
];

/// Frequent Arabic function words, for stop-word density (jusText's measure).
const STOP_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "الى",
    "عن",
    "مع",
    "أن",
    "ان",
    "إن",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كان",
    "كانت",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "و",
    "أو",
    "او",
    "ثم",
    "بين",
    "بعد",
    "قبل",
    "حيث",
    "كما",
    "وقد",
    "وفي",
    "ومن",
    "وأن",
    "أنه",
    "انه",
    "أنها",
    "عند",
    "خلال",
    "حتى",
    "هو",
    "هي",
    "هم",
    "كل",
    "غير",
    "لكن",
    "منذ",
    "إذا",
    "اذا",
    "فيه",
    "فيها",
    "عليه",
    "عليها",
    "به",
    "بها",
    "له",
    "لها",
    "لهم",
    "منه",
    "منها",
    "الى",
    "وكان",
    "وقال",
    "قال",
    "وأضاف",
    "أي",
    "أيضا",
    "ضمن",
    "دون",
    "نحو",
    "لدى",
    "وهو",
    "وهي",
    "تم",
    "يتم",
    "وذلك",
    "إلا",
    "الا",
    "بعض",
    "عدد",
    "بعد",
    "أكثر",
    "اكثر",
    "فقد",
    "لقد",
    "كما",
    "وكانت",
    "إنه",
    "وإن",
    "فإن",
    "بأن",
    "لأن",
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
lazy_set!(date_labels, DATE_LABELS);

/// Whether a label before a date (as a key) only says "published on".
pub fn is_date_label(k: &str) -> bool {
    date_labels().contains(k)
}

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
    "محمد",
    "أحمد",
    "محمود",
    "مصطفى",
    "علي",
    "عمر",
    "عثمان",
    "خالد",
    "سعد",
    "سعيد",
    "سلمان",
    "سلطان",
    "فهد",
    "فيصل",
    "فايز",
    "فواز",
    "نايف",
    "نواف",
    "ماجد",
    "مشاري",
    "بندر",
    "تركي",
    "حمد",
    "حمود",
    "حمدان",
    "حسن",
    "حسين",
    "إبراهيم",
    "ابراهيم",
    "يوسف",
    "يحيى",
    "زكريا",
    "صالح",
    "سامي",
    "سامر",
    "طارق",
    "ياسر",
    "وليد",
    "هاني",
    "هشام",
    "عادل",
    "عماد",
    "جمال",
    "كمال",
    "منصور",
    "ناصر",
    "بدر",
    "راشد",
    "رائد",
    "زياد",
    "مريم",
    "فاطمة",
    "عائشة",
    "سارة",
    "نورة",
    "نوف",
    "هيفاء",
    "سلوى",
    "لجين",
    "ليلى",
    "هند",
    "منى",
    "رنا",
    "ريم",
    "أمل",
    "هدى",
    "سمر",
    "دعاء",
    "إيمان",
    "ايمان",
    "نادية",
    "رشا",
    "غادة",
    "لينا",
    "جود",
    "عبير",
    "أسماء",
    "خديجة",
    "زينب",
    "حامد",
    "قاسم",
    "داليا",
    "أميرة",
    "ذياب",
    "جاسر",
    "زهير",
    "عبيد",
    "مساعد",
    "مشعل",
    "متعب",
    "عايض",
    "عواد",
    "عوض",
    "مبارك",
    "مسفر",
    "مفلح",
    "ضيف",
    "شاكر",
    "هادي",
    "رامي",
    "باسم",
    "بسام",
    "أيمن",
    "ايمن",
    "أنس",
    "انس",
    "أسامة",
    "اسامة",
    "حازم",
    "حاتم",
    "حسام",
    "خليل",
    "رياض",
    "سالم",
    "سليمان",
    "سمير",
    "شادي",
    "صلاح",
    "طلال",
    "عاطف",
    "عصام",
    "علاء",
    "غازي",
    "فؤاد",
    "فراس",
    "كريم",
    "ماهر",
    "مازن",
    "مراد",
    "مروان",
    "معاذ",
    "مهند",
    "نبيل",
    "نزار",
    "نضال",
    "هيثم",
    "وائل",
    "وسام",
    "يزيد",
    "يونس",
    "إسماعيل",
    "اسماعيل",
    "إياد",
    "اياد",
    "بشير",
    "توفيق",
    "جابر",
    "جميل",
    "حمزة",
    "رضا",
    "زيد",
    "سعود",
    "عبدالله",
    "عبدالعزيز",
    "عبدالرحمن",
    "فلاح",
    "لطيفة",
    "مها",
    "ندى",
    "نهى",
    "هالة",
    "وفاء",
    "سحر",
    "أروى",
    "بشرى",
    "حنان",
    "رحاب",
    "سلمى",
    "شيماء",
    "صفاء",
    "عزة",
    "فدوى",
    "كوثر",
    "ميساء",
    "نجلاء",
    "هبة",
    "ياسمين",
];

/// Honorifics and ranks before a name in a byline ("د.", "العقيد").
const HONORIFICS: &[&str] = &[
    "د",
    "الدكتور",
    "الدكتورة",
    "العقيد",
    "اللواء",
    "العميد",
    "المقدم",
    "الرائد",
    "النقيب",
    "الأمير",
    "الأميرة",
    "المهندس",
    "الشيخ",
    "الأستاذ",
    "الأستاذة",
    "أ",
];

/// First words of multi-word places ("مكة المكرمة", "سان فرانسيسكو", "حفر الباطن").
const PLACE_STARTERS: &[&str] = &[
    "مكة",
    "سان",
    "سانت",
    "لوس",
    "نيو",
    "حفر",
    "خميس",
    "وادي",
    "رأس",
    "راس",
    "أبو",
    "ابو",
    "دير",
    "عين",
    "بيت",
    "تل",
    "كفر",
    "شرم",
    "بندر",
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
    "إسلام",
    "هونج",
    "كوالا",
    "بوينس",
    "ريو",
    "سيدي",
    "بئر",
    "جبل",
    "قصر",
    "مرسى",
    "بني",
    "أم",
    "ام",
];

lazy_set!(first_names, FIRST_NAMES);

lazy_set!(honorifics, HONORIFICS);
lazy_set!(place_starters, PLACE_STARTERS);

/// The words of a name without a leading honorific ("د. سامي" → "سامي").
fn strip_honorific<'a, 'b>(words: &'a [&'b str]) -> &'a [&'b str] {
    match words.first() {
        Some(w) if honorifics().contains(&key(w)) => &words[1..],
        _ => words,
    }
}

/// Whether a header part reads as a person's name: two to four words (after
/// an honorific), the first a common first name or an "عبد…" compound.
pub fn looks_like_person(words: &[&str]) -> bool {
    let name = strip_honorific(words);
    if name.len() < words.len() {
        return (1..=4).contains(&name.len());
    }
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let first = key(words[0]);
    first_names().contains(&first) || first.starts_with("عبد")
}

/// Whether an unknown byline part is more likely a person than a place: a
/// known name, or two to four words whose first neither carries the article
/// "ال" nor starts a multi-word place name.
pub fn maybe_person(words: &[&str]) -> bool {
    if looks_like_person(words) {
        return true;
    }
    let Some(first) = words.first().map(|w| key(w)) else {
        return false;
    };
    (2..=4).contains(&words.len()) && !first.starts_with("ال") && !place_starters().contains(&first)
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
        assert!(looks_like_person(&["د.", "الصالح"]));
        assert!(maybe_person(&["أميرة", "المولد"]));
        assert!(!maybe_person(&["مكة", "المكرمة"]));
        assert!(!maybe_person(&["المدينة", "المنورة"]));
        assert!(!maybe_person(&["الرياض"]));
    }
}
