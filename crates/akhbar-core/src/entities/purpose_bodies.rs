//! Bodies named by a head noun and their purpose: "الرئاسة العامة للأرصاد
//! وحماية البيئة" (the General Presidency of Meteorology and Environmental
//! Protection), "الهيئة العامة للطيران المدني", "المؤسسة العامة لتحلية المياه".
//! The tagger often tags only the purpose, from its ل on, as the
//! organisation: in the news corpus "للأرصاد …" came back as an ORG 188
//! times, 180 of them right after "الرئاسة العامة". Without its head such a
//! name is no name of anything a researcher can count ("للأرصاد" is "for
//! meteorology").
//!
//! An ORG name whose first word begins with ل (the purpose), right after a
//! head noun with the article ([`HEADS`]) and up to two adjectives
//! ([`ADJECTIVES`]: العامة، الوطنية، السعودية …), grows back to take them in.
//! A head written with a proclitic ("بالرئاسة العامة") is taken in too;
//! `clean_span.rs` then leaves the proclitic out of the span. Where what
//! follows the ل is a body's own name — a head of names (لهيئة، لمنظمة،
//! للأمم، لحزب، لكلية) or a listed organisation (لطالبان) — the name stays
//! as it is: "الأمانة العامة لهيئة كبار العلماء" keeps "هيئة كبار العلماء",
//! which a researcher counts, and "الجمعية العامة للأمم المتحدة" keeps "الأمم
//! المتحدة" (66 names of the news corpus would otherwise have grown).

use super::features::token_info;
use super::named_after::head;

/// Heads of bodies (the stem without proclitics, ة as ه, with ال).
const HEADS: &[&str] = &[
    "الرئاسه",
    "الهيئه",
    "المؤسسه",
    "الاداره",
    "المديريه",
    "الامانه",
    "الشركه",
    "الوكاله",
    "المركز",
    "المنظمه",
    "اللجنه",
    "الجمعيه",
    "المجلس",
    "الاتحاد",
    "الصندوق",
    "البرنامج",
    "المصلحه",
    "المعهد",
    "الاكاديميه",
];

/// Adjectives that may stand between the head and the purpose (ة as ه).
const ADJECTIVES: &[&str] = &[
    "العامه",
    "العام",
    "الوطنيه",
    "الوطني",
    "السعوديه",
    "السعودي",
    "العليا",
    "الاعلي",
    "الدوليه",
    "الدولي",
    "العربيه",
    "العربي",
    "الخيريه",
    "الخيري",
    "الاهليه",
    "الملكيه",
    "الخليجيه",
    "الاسلاميه",
];

fn stem(word: &str) -> String {
    token_info(word).stem.replace('ة', "ه")
}

/// Whether a ل-word is ل + a body's own name: a head of names (a trigger
/// word, or a head of `named_after.rs`) or a listed organisation.
fn own_name(word: &str, listed_org: &dyn Fn(&str) -> bool) -> bool {
    let info = token_info(word);
    let folded = info.w.replace('ة', "ه");
    info.trig != 0
        || head(&folded).is_some()
        || listed_org(&info.stem)
        || listed_org(&format!("ا{}", info.w.trim_start_matches('ل')))
}

/// The spans `(start, end, type)` of a sentence's `words` with each ORG
/// name that begins with a ل-purpose grown back over its head and
/// adjectives (see the module's doc). `org` is the ORG type's index;
/// `listed_org` says whether a (folded) word is listed as an organisation.
pub(super) fn grow_to_purpose_heads(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    org: Option<usize>,
    listed_org: &dyn Fn(&str) -> bool,
) -> Vec<(usize, usize, usize)> {
    let Some(org) = org else { return spans };
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        let purpose =
            ty == org && token_info(words[s]).w.starts_with('ل') && !own_name(words[s], listed_org);
        let mut start = s;
        if purpose {
            let mut k = s;
            let mut adjectives = 0;
            while k > 0 && adjectives < 2 && ADJECTIVES.contains(&stem(words[k - 1]).as_str()) {
                k -= 1;
                adjectives += 1;
            }
            // The head must not already belong to the name before.
            let free = out.last().is_none_or(|&(_, prev_end, _)| prev_end < k);
            if k > 0 && free && HEADS.contains(&stem(words[k - 1]).as_str()) {
                start = k - 1;
            }
        }
        out.push((start, e, ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: usize = 1;

    fn grown(sentence: &str, spans: &[(usize, usize, usize)]) -> Vec<String> {
        let words: Vec<&str> = sentence.split(' ').collect();
        grow_to_purpose_heads(&words, spans.to_vec(), Some(ORG), &|w| w == "طالبان")
            .into_iter()
            .map(|(s, e, _)| words[s..e].join(" "))
            .collect()
    }

    #[test]
    fn the_purpose_takes_its_head_and_adjectives() {
        assert_eq!(
            grown(
                "توقعت الرئاسة العامة للأرصاد وحماية البيئة هطول أمطار",
                &[(3, 6, ORG)]
            ),
            ["الرئاسة العامة للأرصاد وحماية البيئة"]
        );
        assert_eq!(
            grown("أعلنت المؤسسة العامة لتحلية المياه المالحة", &[(3, 5, ORG)]),
            ["المؤسسة العامة لتحلية المياه"]
        );
        assert_eq!(
            grown("المتحدث بالهيئة العامة للطيران المدني", &[(3, 5, ORG)]),
            ["بالهيئة العامة للطيران المدني"]
        );
        assert_eq!(
            grown(
                "أكدت اللجنة الوطنية السعودية لمكافحة التدخين",
                &[(4, 6, ORG)]
            ),
            ["اللجنة الوطنية السعودية لمكافحة التدخين"]
        );
    }

    #[test]
    fn other_names_stay() {
        // Not ORG, no ل, no head, or a head already in the name before.
        assert_eq!(grown("الرئاسة العامة للأرصاد", &[(2, 3, 0)]), ["للأرصاد"]);
        assert_eq!(grown("الرئاسة العامة الأرصاد", &[(2, 3, ORG)]), ["الأرصاد"]);
        assert_eq!(grown("قال الخبير للأرصاد", &[(2, 3, ORG)]), ["للأرصاد"]);
        assert_eq!(
            grown("الرئاسة العامة للأرصاد", &[(0, 2, ORG), (2, 3, ORG)]),
            ["الرئاسة العامة", "للأرصاد"]
        );
        assert!(
            grow_to_purpose_heads(&["للأرصاد"], vec![(0, 1, ORG)], None, &|_| false)
                == [(0, 1, ORG)]
        );
        // A body's own name after the ل keeps its span.
        for (sentence, name) in [
            ("الأمانة العامة لهيئة كبار العلماء", "لهيئة كبار العلماء"),
            ("الجمعية العامة للأمم المتحدة", "للأمم المتحدة"),
            ("المديرية العامة لكلية الملك فهد", "لكلية الملك فهد"),
            ("المجلس الأعلى لطالبان", "لطالبان"),
        ] {
            let n = sentence.split(' ').count();
            assert_eq!(grown(sentence, &[(2, n, ORG)]), [name]);
        }
    }
}
