//! The holy mosques by their names: "المسجد الحرام" (the Grand Mosque of
//! Mecca), "بيت الله الحرام", "المسجد النبوي", "المسجد الأقصى". ANERcorp tags
//! "(المسجد الحرام)" as الحرام ORG, so in the news corpus the tagger gave
//! "الحرام" alone as an ORG 555 times ("forbidden", a name of nothing),
//! while it tags "المسجد الأقصى" whole as MISC (329 times). A name that is
//! only the adjective of a holy mosque (الحرام، النبوي، الأقصى) right after
//! its head (المسجد with its proclitics, بيت الله, البيت) takes the head in
//! and becomes MISC, as "المسجد الأقصى" is. Other uses of the adjective
//! ("الدم الحرام") stay as the tagger found them.

use super::features::token_info;

/// The adjectives that name a holy mosque after its head (folded).
const ADJECTIVES: &[&str] = &["الحرام", "النبوي", "الاقصي"];

/// The words before the adjective that make it a mosque's name, as the
/// stems of one or two words (folded, proclitics off).
const HEADS: &[&[&str]] = &[&["المسجد"], &["بيت", "الله"], &["البيت"]];

/// The spans `(start, end, type)` of a sentence's `words` with each name
/// that is a holy mosque's adjective grown over its head, as MISC (where
/// the tagger has that label). A name that begins before the head keeps it;
/// one inside the head (الله of بيت الله) goes into the mosque's name.
pub(super) fn name_holy_mosques(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
) -> Vec<(usize, usize, usize)> {
    let Some(misc) = types.iter().position(|t| t == "MISC") else {
        return spans;
    };
    let stem = |i: usize| token_info(words[i]).stem;
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e, ty) in spans {
        let adjective = e - s == 1 && ADJECTIVES.contains(&token_info(words[s]).w.as_str());
        let head = adjective
            .then(|| {
                HEADS.iter().find_map(|head| {
                    let start = s.checked_sub(head.len())?;
                    (start..s)
                        .zip(head.iter())
                        .all(|(i, h)| stem(i) == *h)
                        .then_some(start)
                })
            })
            .flatten();
        // The head may hold the name before only whole: الله of "بيت الله
        // الحرام", which the tagger tags MISC on its own, goes into the name.
        let prev = out.last().copied();
        match head {
            Some(start) if prev.is_none_or(|(ps, pe, _)| pe <= start || ps >= start) => {
                if prev.is_some_and(|(ps, pe, _)| ps >= start && pe > start) {
                    out.pop();
                }
                out.push((start, e, misc));
            }
            _ => out.push((s, e, ty)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_types::{types, MISC, ORG};
    use super::*;

    fn named(sentence: &str, spans: Vec<(usize, usize, usize)>) -> Vec<(String, usize)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        name_holy_mosques(&words, spans, &types())
            .into_iter()
            .map(|(s, e, ty)| (words[s..e].join(" "), ty))
            .collect()
    }

    #[test]
    fn the_adjective_takes_its_head() {
        // Token indices counted by hand.
        assert_eq!(
            named("صلى في المسجد الحرام أمس", vec![(3, 4, ORG)]),
            [("المسجد الحرام".to_string(), MISC)]
        );
        assert_eq!(
            named("حجاج بيت الله الحرام", vec![(3, 4, ORG)]),
            [("بيت الله الحرام".to_string(), MISC)]
        );
        assert_eq!(
            named("التوسعة الكبرى للمسجد الحرام", vec![(3, 4, ORG)]),
            [("للمسجد الحرام".to_string(), MISC)]
        );
    }

    #[test]
    fn other_uses_and_taken_heads_stay() {
        assert_eq!(
            named("سفك الدم الحرام", vec![(2, 3, ORG)]),
            [("الحرام".to_string(), ORG)]
        );
        // A name before that begins ahead of the head keeps it.
        assert_eq!(
            named("أئمة المسجد الحرام", vec![(0, 2, ORG), (2, 3, ORG)]),
            [
                ("أئمة المسجد".to_string(), ORG),
                ("الحرام".to_string(), ORG)
            ]
        );
        // A name inside the head goes into the mosque's name.
        assert_eq!(
            named("حجاج بيت الله الحرام", vec![(2, 3, MISC), (3, 4, ORG)]),
            [("بيت الله الحرام".to_string(), MISC)]
        );
        // At the start of the sentence there is no head.
        assert_eq!(
            named("الحرام", vec![(0, 1, ORG)]),
            [("الحرام".to_string(), ORG)]
        );
    }
}
