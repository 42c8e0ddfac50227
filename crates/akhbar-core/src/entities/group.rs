//! Grouping the mentions of one entity within a text: each mention gets a
//! key `LABEL:form`, where the form is the "search"-normalized mention
//! (اوباما/أوباما agree).
//!
//! Person mentions are grouped across title, partial and full forms: a
//! mention takes the key of the longest person in the text it names, when
//! that person is unique.
//! - Titles in front of a name do not count (الملك سلمان → سلمان).
//! - A shorter form names a longer one when it starts with the same given
//!   name and its words follow in order (سلمان, سلمان بن عبدالعزيز →
//!   سلمان بن عبدالعزيز آل سعود; مشعل بن عبدالله بن مساعد → مشعل بن عبدالله
//!   بن عبدالعزيز بن مساعد), or when it ends the longer one as a surname
//!   (كيم → ألكس كيم), not as a father's name (… بن عبدالعزيز).
//! - عبد and ابو and the word after each are one name (عبد العزيز =
//!   عبدالعزيز, ابو بكر = ابوبكر), and one word in every key, so a corpus
//!   counted by key does not split "سلمان بن عبد العزيز" from "سلمان بن
//!   عبدالعزيز" nor "أبو ظبي" from "أبوظبي" (in the news corpus 6,283 and
//!   1,965 mentions had the spaced spelling; a joined word is never split,
//!   since ابوت is Abbott, not ابو ت).
//! - Person mentions with only spaces between them are one name split by
//!   the tagger (عبد ربه | منصور هادي).
//!
//! A short form that fits two different people (محمد beside محمد بن سلمان
//! and محمد بن نايف) keeps its own key.
//!
//! Organisations and places are grouped across a generic head noun, as
//! people across titles: "تنظيم القاعدة" takes the key of "القاعدة" and
//! "هضبة الجولان" that of "الجولان" when the bare form is also a mention
//! of that label in the text. Without it the head noun stays ("حزب الله" is
//! never "الله"), so a key never names something the text does not. Heads
//! of natural features (جبل، نهر) do not give way: "جبل لبنان" is not لبنان.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::entity::Entity;
use crate::text::{NormalizeOptions, Normalizer};

fn search_normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| Normalizer::new(NormalizeOptions::preset("search").unwrap_or_default()))
}

/// Words joined to the word after them in a key ("search"-normalized).
const JOINED: &[&str] = &["عبد", "ابو"];

/// The spelling-independent form of a mention: "search"-normalized, with
/// a lone عبد or ابو joined to the word after it (عبد العزيز → عبدالعزيز).
pub fn key_form(normalized: &str) -> String {
    let form = search_normalizer().normalize(normalized);
    if !form.split(' ').any(|w| JOINED.contains(&w)) {
        return form;
    }
    joined_words(form.split(' ').filter(|w| !w.is_empty())).join(" ")
}

/// `words` with each word of [`JOINED`] joined to the word after it.
fn joined_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut join = false;
    for w in words {
        match out.last_mut() {
            Some(last) if join => last.push_str(w),
            _ => out.push(w.to_string()),
        }
        join = JOINED.contains(&w);
    }
    out
}

/// Titles that may stand inside a person span ("search"-normalized).
const TITLES: &[&str] = &[
    "الملك",
    "الملكه",
    "العاهل",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "السيد",
    "السيده",
    "الرئيس",
    "الرئيسه",
    "الدكتور",
    "الدكتوره",
    "د",
    "الحاج",
    "الامام",
    "سمو",
    "جلاله",
    "فخامه",
];

/// Generic head nouns in front of an organisation's name.
const ORG_HEADS: &[&str] = &[
    "منظمة",
    "حركة",
    "حزب",
    "تنظيم",
    "جماعة",
    "جمعية",
    "شركة",
    "مجموعة",
    "جامعة",
    "صحيفة",
    "جريدة",
    "مجلة",
    "وكالة",
    "قناة",
    "شبكة",
    "نادي",
    "فريق",
    "مؤسسة",
    "هيئة",
    "بنك",
    "مصرف",
    "ميليشيا",
    "ميليشيات",
    "كتائب",
    "لواء",
    "جبهة",
    "تحالف",
];

/// Generic head nouns in front of a place's name: administrative units,
/// which name the place itself. Natural features are left out: "جبل لبنان"
/// and "نهر الأردن" are not لبنان and الأردن.
const LOC_HEADS: &[&str] = &[
    "مدينة",
    "محافظة",
    "ولاية",
    "إقليم",
    "منطقة",
    "قرية",
    "بلدة",
    "مخيم",
    "حي",
    "دولة",
    "إمارة",
    "مملكة",
    "هضبة",
];

/// The head nouns of a label, "search"-normalized (none for people).
fn heads(label: &str) -> &'static [String] {
    static ORG: OnceLock<Vec<String>> = OnceLock::new();
    static LOC: OnceLock<Vec<String>> = OnceLock::new();
    let normalize = |list: &[&str]| list.iter().map(|w| key_form(w)).collect();
    match label {
        "ORG" => ORG.get_or_init(|| normalize(ORG_HEADS)),
        "LOC" => LOC.get_or_init(|| normalize(LOC_HEADS)),
        _ => &[],
    }
}

/// Words that link a name to the father's (or mother's) name.
const LINKS: &[&str] = &["بن", "ابن", "بنت"];

/// A person form without the titles in front.
fn without_titles(form: &[String]) -> &[String] {
    let mut rest = form;
    while rest.len() > 1 && TITLES.contains(&rest[0].as_str()) {
        rest = &rest[1..];
    }
    rest
}

/// A person form for matching and for its key: titles dropped, عبد and ابو
/// joined to the next word (as `key_form` does within a mention; here also
/// across two mentions the tagger split there, "عبد" | "ربه منصور هادي").
fn name_words(form: &[String]) -> Vec<String> {
    joined_words(without_titles(form).iter().map(String::as_str))
}

/// Whether the shorter person name `short` names the longer `long`.
fn names(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    // Same given name, the other words in order.
    if short[0] == long[0] {
        let mut rest = long[1..].iter();
        if short[1..].iter().all(|w| rest.any(|x| x == w)) {
            return true;
        }
    }
    // A surname: the end of the longer name, not after بن.
    let at = long.len() - short.len();
    long.ends_with(short) && !LINKS.contains(&long[at - 1].as_str())
}

/// Set `key` on every mention of `text` (its characters; mentions in text
/// order, offsets into it).
pub fn assign_keys(text: &[char], mentions: &mut [Entity]) {
    let forms: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| {
            key_form(&m.normalized)
                .split_whitespace()
                .map(String::from)
                .collect()
        })
        .collect();
    // Person names: adjacent person mentions form one name.
    let is_pers: Vec<bool> = mentions.iter().map(|m| m.label == "PERS").collect();
    let mut name_of = vec![usize::MAX; mentions.len()];
    let mut name_forms: Vec<Vec<String>> = Vec::new();
    for i in 0..mentions.len() {
        if !is_pers[i] {
            continue;
        }
        let joined = i > 0
            && is_pers[i - 1]
            && mentions[i - 1].end <= mentions[i].start
            && text[mentions[i - 1].end..mentions[i].start]
                .iter()
                .all(|c| c.is_whitespace());
        if joined {
            name_of[i] = name_of[i - 1];
            name_forms[name_of[i]].extend(forms[i].iter().cloned());
        } else {
            name_of[i] = name_forms.len();
            name_forms.push(forms[i].clone());
        }
    }
    let words: Vec<Vec<String>> = name_forms.iter().map(|f| name_words(f)).collect();
    // Each distinct name's root: the longest unique name it names, longest
    // first so that a longer name's root is known before a shorter one asks.
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by(|&a, &b| words[b].len().cmp(&words[a].len()).then(a.cmp(&b)));
    let mut root: Vec<usize> = (0..words.len()).collect();
    // A name can only name a longer one with its first or its last word.
    let mut by_end: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
    for &g in &order {
        if let (Some(first), Some(last)) = (words[g].first(), words[g].last()) {
            by_end.entry((true, first)).or_default().push(g);
            by_end.entry((false, last)).or_default().push(g);
        }
    }
    let mut first_of: HashMap<&[String], usize> = HashMap::new();
    for &n in &order {
        if let Some(&same) = first_of.get(words[n].as_slice()) {
            root[n] = root[same];
            continue;
        }
        first_of.insert(&words[n], n);
        let (Some(first), Some(last)) = (words[n].first(), words[n].last()) else {
            continue;
        };
        let mut roots: Vec<usize> = [(true, first.as_str()), (false, last.as_str())]
            .iter()
            .filter_map(|k| by_end.get(k))
            .flatten()
            .filter(|&&g| names(&words[n], &words[g]) && names(&words[n], &words[root[g]]))
            .map(|&g| root[g])
            .collect();
        // Names with the same words share one root, so distinct roots are
        // distinct people.
        roots.sort_unstable();
        roots.dedup();
        if let [one] = roots[..] {
            root[n] = one;
        }
    }
    // Other labels: a head noun in front gives way to the bare form when
    // the text names it too.
    let bare: HashSet<(&str, &[String])> = mentions
        .iter()
        .zip(&forms)
        .filter(|(m, _)| m.label != "PERS")
        .map(|(m, f)| (m.label.as_str(), f.as_slice()))
        .collect();
    let keys: Vec<String> = (0..mentions.len())
        .map(|i| {
            if is_pers[i] {
                return format!("PERS:{}", words[root[name_of[i]]].join(" "));
            }
            let label = mentions[i].label.as_str();
            let form = match forms[i].split_first() {
                Some((head, rest))
                    if !rest.is_empty()
                        && heads(label).contains(head)
                        && bare.contains(&(label, rest)) =>
                {
                    rest
                }
                _ => &forms[i][..],
            };
            format!("{label}:{}", form.join(" "))
        })
        .collect();
    for (m, key) in mentions.iter_mut().zip(keys) {
        m.key = key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions of `text` found as (label, substring) in order.
    fn mentions(text: &str, found: &[(&str, &str)]) -> (Vec<char>, Vec<Entity>) {
        let cs: Vec<char> = text.chars().collect();
        let mut from = 0;
        let mut out = Vec::new();
        for &(label, s) in found {
            let pat: Vec<char> = s.chars().collect();
            let start = (from..cs.len())
                .find(|&k| cs[k..].starts_with(&pat))
                .expect("mention in text");
            from = start + pat.len();
            out.push(Entity {
                start,
                end: from,
                text: s.into(),
                label: label.into(),
                normalized: s.into(),
                score: 1.0,
                key: String::new(),
            });
        }
        (cs, out)
    }

    fn keys(text: &str, found: &[(&str, &str)]) -> Vec<String> {
        let (cs, mut m) = mentions(text, found);
        assign_keys(&cs, &mut m);
        m.into_iter().map(|e| e.key).collect()
    }

    #[test]
    fn groups_spellings_and_surnames() {
        let text = "ألكس كيم و كيم و اوباما و باراك أوباما و كيم و وزارة الصحة و وزاره الصحه";
        let k = keys(
            text,
            &[
                ("PERS", "ألكس كيم"),
                ("PERS", "كيم"),
                ("PERS", "اوباما"),
                ("PERS", "باراك أوباما"),
                ("LOC", "كيم"),
                ("ORG", "وزارة الصحة"),
                ("ORG", "وزاره الصحه"),
            ],
        );
        assert_eq!(
            k,
            [
                "PERS:الكس كيم",
                "PERS:الكس كيم",
                "PERS:باراك اوباما",
                "PERS:باراك اوباما",
                "LOC:كيم",
                "ORG:وزاره الصحه",
                "ORG:وزاره الصحه",
            ]
        );
    }

    #[test]
    fn titles_partial_and_full_forms_share_a_key() {
        // Written after the Saudi news of July 2015 (SaudiNewsNet).
        let text = "استقبل الملك سلمان الرئيس الكولومبي. وأكد خادم الحرمين الشريفين \
                    الملك سلمان بن عبدالعزيز آل سعود أن المملكة ... وقال سلمان بن عبد العزيز \
                    إن ... ونقل الأمير مشعل بن عبدالله بن عبدالعزيز بن مساعد تحيات الأمير \
                    مشعل بن عبدالله بن مساعد وحضر مشعل بن عبدالله.";
        let k = keys(
            text,
            &[
                ("PERS", "الملك سلمان"),
                ("PERS", "الملك سلمان بن عبدالعزيز آل سعود"),
                ("PERS", "سلمان بن عبد العزيز"),
                ("PERS", "مشعل بن عبدالله بن عبدالعزيز بن مساعد"),
                ("PERS", "مشعل بن عبدالله بن مساعد"),
                ("PERS", "مشعل بن عبدالله"),
            ],
        );
        // The title stays out of the key.
        let salman = "PERS:سلمان بن عبدالعزيز ال سعود";
        let mishal = "PERS:مشعل بن عبدالله بن عبدالعزيز بن مساعد";
        assert_eq!(k, [salman, salman, salman, mishal, mishal, mishal]);
    }

    #[test]
    fn abd_and_abu_are_one_word_with_the_next_in_every_key() {
        // The two spellings of the news corpus, in two texts: one key.
        let spaced = keys(
            "وقال الملك سلمان بن عبد العزيز إن جامعة الملك عبد العزيز ...",
            &[
                ("PERS", "سلمان بن عبد العزيز"),
                ("ORG", "جامعة الملك عبد العزيز"),
            ],
        );
        let joined = keys(
            "وقال الملك سلمان بن عبدالعزيز إن جامعة الملك عبدالعزيز ...",
            &[
                ("PERS", "سلمان بن عبدالعزيز"),
                ("ORG", "جامعة الملك عبدالعزيز"),
            ],
        );
        assert_eq!(spaced, joined);
        assert_eq!(
            spaced,
            ["PERS:سلمان بن عبدالعزيز", "ORG:جامعه الملك عبدالعزيز"]
        );
        // A lone عبد at the end has nothing to join; a joined word is never
        // split.
        assert_eq!(key_form("محمد عبد"), "محمد عبد");
        assert_eq!(key_form("أبو بكر عبد الله"), "ابوبكر عبدالله");
        assert_eq!(key_form("أبو ظبي"), key_form("أبوظبي"));
        assert_eq!(key_form("توني أبوت"), "توني ابوت");
        // Both at once, as in a person's matching form.
        assert_eq!(key_form("أبو عبد الله"), "ابوعبدالله");
    }

    #[test]
    fn a_name_split_by_the_tagger_is_one_name() {
        let text = "أكد الرئيس عبد ربه منصور هادي أن ... وقال هادي إن علي عبد الله صالح ...";
        let k = keys(
            text,
            &[
                ("PERS", "عبد ربه"),
                ("PERS", "منصور هادي"),
                ("PERS", "هادي"),
                ("PERS", "علي عبد الله صالح"),
            ],
        );
        let hadi = "PERS:عبدربه منصور هادي";
        assert_eq!(k, [hadi, hadi, hadi, "PERS:علي عبدالله صالح"]);
    }

    #[test]
    fn head_nouns_give_way_to_the_bare_name_the_text_also_uses() {
        let text = "أعلن تنظيم القاعدة أن القاعدة ... وقال حزب الله إن الله ... \
                    منظمة الأمم المتحدة و الأمم المتحدة و منظمة التحرير و هضبة الجولان و \
                    الجولان و مدينة حلب و جبل لبنان و لبنان";
        let k = keys(
            text,
            &[
                ("ORG", "تنظيم القاعدة"),
                ("ORG", "القاعدة"),
                ("ORG", "حزب الله"),
                ("MISC", "الله"),
                ("ORG", "منظمة الأمم المتحدة"),
                ("ORG", "الأمم المتحدة"),
                ("ORG", "منظمة التحرير"),
                ("LOC", "هضبة الجولان"),
                ("LOC", "الجولان"),
                ("LOC", "مدينة حلب"),
                ("LOC", "جبل لبنان"),
                ("LOC", "لبنان"),
            ],
        );
        assert_eq!(
            k,
            [
                "ORG:القاعده",
                "ORG:القاعده",
                // The bare form is another label's mention: the head stays.
                "ORG:حزب الله",
                "MISC:الله",
                "ORG:الامم المتحده",
                "ORG:الامم المتحده",
                // No bare "التحرير" or "حلب" in the text.
                "ORG:منظمه التحرير",
                "LOC:الجولان",
                "LOC:الجولان",
                "LOC:مدينه حلب",
                // A mountain named after a country is not the country.
                "LOC:جبل لبنان",
                "LOC:لبنان",
            ]
        );
    }

    #[test]
    fn fathers_names_and_ambiguous_forms_keep_their_own_key() {
        let text = "محمد بن نايف و محمد بن سلمان و محمد و عبدالعزيز و نايف و سعد بن خالد، خالد";
        let k = keys(
            text,
            &[
                ("PERS", "محمد بن نايف"),
                ("PERS", "محمد بن سلمان"),
                ("PERS", "محمد"),
                ("PERS", "عبدالعزيز"),
                ("PERS", "نايف"),
                ("PERS", "سعد بن خالد"),
                ("PERS", "خالد"),
            ],
        );
        assert_eq!(
            k,
            [
                "PERS:محمد بن نايف",
                "PERS:محمد بن سلمان",
                "PERS:محمد",
                "PERS:عبدالعزيز",
                "PERS:نايف",
                "PERS:سعد بن خالد",
                // Mentions joined by a comma are not one name.
                "PERS:خالد",
            ]
        );
    }
}
