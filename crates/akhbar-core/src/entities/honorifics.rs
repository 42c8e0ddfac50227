//! An honorific of address ("سماحة", "معالي": His Eminence, His Excellency)
//! is a title, not a name. ANERcorp tags every one of them O (جلالة 24,
//! سعادة 19, سمو 16, معالي 7, فخامة 4, فضيلة 2 times in its training split),
//! but سماحة never occurs there and is a surname in the Wikidata name list
//! (Michel Samaha), so before a role the tagger calls it a person: in the
//! news corpus "سماحة مفتي عام المملكة" gave "سماحة" PERS 50 times and
//! "معالي رئيس هيئة الأركان" "معالي" 18 times.
//!
//! A name that is an honorific alone, right before a role or a word with
//! the article (سماحة المفتي، معالي الدكتور، سماحة الشيخ), or an honorific
//! followed only by roles ("سماحة المفتي"), is dropped. The person's name
//! after the title is tagged on its own. An honorific elsewhere stays as the
//! tagger found it: "ميشال سماحة" is a name, and so is "قال سماحة إن" (the
//! surname on its own). The tagger's tags (`tag_tokens`, CoNLL scores) are
//! not changed.

use super::features::token_info;

/// Honorifics of address (stems, ة as ه).
const HONORIFICS: &[&str] = &["سماحه", "معالي", "فضيله", "سعاده", "فخامه", "سمو", "جلاله"];

/// Roles and titles that follow an honorific (stems without ال, ة as ه).
const ROLES: &[&str] = &[
    "مفتي",
    "رئيس",
    "نائب",
    "وزير",
    "مدير",
    "امين",
    "محافظ",
    "سفير",
    "مستشار",
    "قائد",
    "مساعد",
    "وكيل",
    "شيخ",
    "دكتور",
    "مهندس",
    "امير",
    "ملك",
    "امام",
    "استاذ",
];

/// Relative pronouns, which take ال but follow a name ("سماحة الذي").
const RELATIVES: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللتان",
    "اللواتي",
    "اللاتي",
];

fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&token_info(word).stem.replace('ة', "ه").as_str())
}

/// A role, with or without ال and proclitics.
fn is_role(word: &str) -> bool {
    ROLES.contains(&token_info(word).bare.replace('ة', "ه").as_str())
}

/// The word after an honorific makes it a title: a role, or an ال-word that
/// is not a relative pronoun.
fn title_follows(word: &str) -> bool {
    let stem = token_info(word).stem;
    is_role(word) || (stem.starts_with("ال") && !RELATIVES.contains(&stem.as_str()))
}

/// The spans `(start, end, type)` of a sentence's `words` without the names
/// that are an honorific used as a title (see the module's doc).
pub(super) fn drop_honorifics(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    spans
        .into_iter()
        .filter(|&(s, e, _)| {
            if !is_honorific(words[s]) {
                return true;
            }
            let title = if e - s == 1 {
                words.get(e).is_some_and(|w| title_follows(w))
            } else {
                words[s + 1..e].iter().all(|w| is_role(w))
            };
            !title
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(sentence: &str, spans: &[(usize, usize)]) -> Vec<String> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let spans = spans.iter().map(|&(s, e)| (s, e, 0)).collect();
        drop_honorifics(&words, spans)
            .into_iter()
            .map(|(s, e, _)| words[s..e].join(" "))
            .collect()
    }

    #[test]
    fn an_honorific_before_a_role_is_no_name() {
        assert!(kept("وأكد سماحة مفتي عام المملكة أن", &[(1, 2)]).is_empty());
        assert!(kept("ونبه سماحة الشيخ عبدالعزيز آل الشيخ", &[(1, 2)]).is_empty());
        assert!(kept("بحضور ومعالي الدكتور عزام الدخيل", &[(1, 2)]).is_empty());
        assert!(kept("وتابع سماحة المفتي قائلا", &[(1, 3)]).is_empty());
        // The name after the title stays.
        assert_eq!(
            kept("ونبه سماحة الشيخ عبدالعزيز آل الشيخ", &[(1, 2), (3, 6)]),
            ["عبدالعزيز آل الشيخ"]
        );
    }

    #[test]
    fn a_surname_stays() {
        assert_eq!(kept("قال ميشال سماحة إن", &[(1, 3)]), ["ميشال سماحة"]);
        assert_eq!(kept("وقال سماحة إن المحكمة", &[(1, 2)]), ["سماحة"]);
        assert_eq!(kept("حكم على سماحة الذي اعترف", &[(2, 3)]), ["سماحة"]);
        assert_eq!(kept("حكم على سماحة", &[(2, 3)]), ["سماحة"]);
        // An honorific with a name in the same span is left to the tagger.
        assert_eq!(
            kept("معالي المهندس آل الشيخ", &[(0, 4)]),
            ["معالي المهندس آل الشيخ"]
        );
    }
}
