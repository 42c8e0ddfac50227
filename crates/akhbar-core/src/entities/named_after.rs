//! Places and institutions named after people: "مطار الملك عبدالعزيز" is an
//! airport, not the king. ANERcorp, which the shipped tagger learned from,
//! leaves the head noun out and gives the rest the person's label (مسجد
//! الحسن الثاني: الحسن الثاني PERS), so over the news corpus 3,919 PERS
//! mentions were airports, hospitals, universities, roads and centres (the
//! bare عبدالعزيز as PERS falls from 821 mentions to 273 with this rule).
//! مدينة is taken as a place, so "مدينة الملك عبدالعزيز للعلوم والتقنية", a
//! body, comes out LOC. A PERS name right after such a head
//! noun (and a title, الملك، الأمير …) becomes a name of the head's kind that
//! spans the head: "مطار الملك عبدالعزيز" LOC, "جامعة الملك سعود" ORG. So
//! does a name of another label after a head with a title before or at its
//! start: the tagger also reads "فهد" of "مستشفى الملك فهد" as a place, and
//! "الملك فيصل" of "مستشفى الملك فيصل" as an organisation.
//! A university's name spans جامعة whatever it is named after, as in
//! ANERcorp: "جامعة تبوك" ORG, not تبوك MISC.

use super::clean_span::PROCLITICS;
use crate::text::clitics::fold;
use crate::text::tokenize::Token;

/// Head nouns (folded) that name a place or body right before a person's
/// name, with or without a title between, and the label the named thing
/// takes.
const HEADS: &[(&str, &str)] = &[
    ("مطار", "LOC"),
    ("مستشفي", "ORG"),
    ("جامعه", "ORG"),
    ("كليه", "ORG"),
    ("معهد", "ORG"),
    ("مكتبه", "ORG"),
    ("مسجد", "LOC"),
    ("جامع", "LOC"),
    ("ملعب", "LOC"),
    ("استاد", "LOC"),
    ("ستاد", "LOC"),
    ("شارع", "LOC"),
    ("ميناء", "LOC"),
    ("جائزه", "MISC"),
];

/// Heads that are also common words before a person (مركز "position", طريق
/// of عن طريق "by way of", مدينة of "the city of"): only with a title between.
const TITLED_HEADS: &[(&str, &str)] = &[
    ("مركز", "ORG"),
    ("مؤسسه", "ORG"),
    ("داره", "ORG"),
    ("مجمع", "ORG"),
    ("كرسي", "ORG"),
    ("صندوق", "ORG"),
    ("مدينه", "LOC"),
    ("طريق", "LOC"),
    ("حي", "LOC"),
    ("حديقه", "LOC"),
    ("جسر", "LOC"),
    ("قاعده", "LOC"),
    ("ميدان", "LOC"),
    ("ساحه", "LOC"),
    ("قصر", "LOC"),
];

/// Titles (folded) that may stand between the head and the name.
const TITLES: &[&str] = &[
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "الامام",
    "السلطان",
    "الرئيس",
    "الشهيد",
];

/// A word folded for the lists: alef and yeh variants as the lexicon folds
/// them, teh marbuta as heh.
fn folded(cs: &[char], t: &Token) -> String {
    fold(&cs[t.start..t.end].iter().collect::<String>()).replace('ة', "ه")
}

/// Whether a word begins with a preposition and the article (بالرياض، للمدينة).
fn prepositional(word: &str) -> bool {
    ["بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل"]
        .iter()
        .any(|p| word.starts_with(p))
}

/// A word without none, one or two leading proclitic letters (ولجامعة:
/// ولجامعه, لجامعه, جامعه), shortest cut first.
fn without_proclitics(word: &str) -> impl Iterator<Item = String> + '_ {
    let cs: Vec<char> = word.chars().collect();
    (0..=2.min(cs.len()))
        .take_while(move |&k| cs[..k].iter().all(|c| PROCLITICS.contains(c)))
        .map(move |k| word.chars().skip(k).collect())
}

/// The head a word (folded, ة as ه) is, with up to two proclitics in front
/// (بمطار، ولجامعة): its label and whether it needs a title.
pub(super) fn head(word: &str) -> Option<(&'static str, bool)> {
    without_proclitics(word).find_map(|rest| {
        let find = |table: &[(&str, &'static str)]| {
            table
                .iter()
                .find(|(w, _)| *w == rest)
                .map(|&(_, label)| label)
        };
        find(HEADS)
            .map(|label| (label, false))
            .or_else(|| find(TITLED_HEADS).map(|label| (label, true)))
    })
}

/// Whether a word (folded, ة as ه) is جامعة with up to two proclitics, not
/// the article's لل (للجامعة is "to the university").
fn is_university(word: &str) -> bool {
    !word.starts_with("لل") && without_proclitics(word).any(|rest| rest == "جامعه")
}

/// Turn each PERS span `(start, end, type)` of a sentence's tokens `sent`
/// that follows a head noun ([`HEADS`], [`TITLED_HEADS`] with a title
/// between) into a span from the head, of the head's label. `types`
/// are the tagger's labels; a tagger without PERS or the head's label is
/// left as it is.
pub(super) fn named_after_people(
    cs: &[char],
    sent: &[Token],
    spans: Vec<(usize, usize, usize)>,
    types: &[String],
) -> Vec<(usize, usize, usize)> {
    let type_of = |label: &str| types.iter().position(|t| t == label);
    let Some(pers) = type_of("PERS") else {
        return spans;
    };
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    let title_at = |i: usize| TITLES.contains(&folded(cs, &sent[i]).as_str());
    for (s, e, ty) in spans {
        let mut span = (s, e, ty);
        // A person's name, or any name right after a title: the tagger also
        // reads the king's name in "مستشفى الملك فهد" as a place (فهد LOC).
        // A name with a preposition and the article on it is no title's
        // ("بمكتبه الرئيس بالرياض": in his office, the president, in Riyadh).
        let after_title = s >= 1 && title_at(s - 1) && !prepositional(&folded(cs, &sent[s]));
        // Or it begins with one: "مستشفى الملك فيصل" with "الملك فيصل" ORG.
        let titled = title_at(s) && s + 1 < e;
        // Or it follows جامعة, which ANERcorp puts in a university's name
        // whatever it is named after (جامعة القاهرة B-ORG I-ORG, 11 of 14):
        // the tagger left it out of "جامعة تبوك" (تبوك MISC) and "جامعة
        // لشبونة" (لشبونة LOC).
        // A name with a preposition and the article is not the university's
        // ("الجامعة بالرياض": the university in Riyadh).
        let after_university = s >= 1
            && is_university(&folded(cs, &sent[s - 1]))
            && !prepositional(&folded(cs, &sent[s]));
        if ty == pers || after_title || titled || after_university {
            // The title inside the span or just before it.
            let (title, first) = if title_at(s) && s + 1 < e {
                (true, s)
            } else if s >= 1 && title_at(s - 1) {
                (true, s - 1)
            } else {
                (false, s)
            };
            let found = first
                .checked_sub(1)
                .and_then(|h| head(&folded(cs, &sent[h])).map(|x| (h, x)));
            let by_way_of = |h: usize| h >= 1 && folded(cs, &sent[h - 1]) == "عن";
            if let Some((h, (label, needs_title))) = found {
                let taken = out.last().is_some_and(|&(_, pe, _)| pe > h);
                if (title || !needs_title) && !by_way_of(h) && !taken {
                    if let Some(label) = type_of(label) {
                        span = (h, e, label);
                    }
                }
            }
        }
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::extract::split_sentences;
    use super::super::test_types::{types, PERS};
    use super::*;

    /// The spans of `text` (one sentence) after the rule, as (text, label).
    fn named(text: &str, spans: &[(usize, usize)]) -> Vec<(String, String)> {
        let split = split_sentences(text);
        let pers = spans.iter().map(|&(s, e)| (s, e, PERS)).collect();
        named_after_people(&split.cs, &split.tokens, pers, &types())
            .into_iter()
            .map(|(s, e, ty)| {
                let a = split.tokens[s].start;
                let b = split.tokens[e - 1].end;
                (split.cs[a..b].iter().collect(), types()[ty].clone())
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_university_takes_in_its_head_whatever_it_is_named_after() {
        // Sentence written for this test: تخرج(0) في(1) جامعة(2) تبوك(3)
        // وجامعة(4) لشبونة(5); تبوك tagged MISC, لشبونة LOC.
        let split = split_sentences("تخرج في جامعة تبوك وجامعة لشبونة");
        let got = named_after_people(
            &split.cs,
            &split.tokens,
            vec![(3, 4, 1), (5, 6, 0)],
            &types(),
        );
        assert_eq!(got, [(2, 4, 2), (4, 6, 2)]);
        // The article's لل, or a preposition on the name: not its name.
        for text in ["وقدم الدعم للجامعة تبوك", "تخرج في جامعة بالرياض"]
        {
            let split = split_sentences(text);
            let n = split.tokens.len();
            let got = named_after_people(&split.cs, &split.tokens, vec![(n - 1, n, 0)], &types());
            assert_eq!(got, [(n - 1, n, 0)], "{text}");
        }
        // Another head leaves a place as it is: مدينة(0) تبوك(1).
        let split = split_sentences("مدينة تبوك");
        let got = named_after_people(&split.cs, &split.tokens, vec![(1, 2, 0)], &types());
        assert_eq!(got, [(1, 2, 0)]);
    }

    #[test]
    fn airports_universities_and_roads_named_after_people() {
        // Sentences written for this test; token indices counted by hand.
        // وصل(0) إلى(1) مطار(2) الملك(3) عبدالعزيز(4) الدولي(5) قادما(6)
        // من(7) جامعة(8) الملك(9) سعود(10)
        let got = named(
            "وصل إلى مطار الملك عبدالعزيز الدولي قادما من جامعة الملك سعود",
            &[(4, 5), (10, 11)],
        );
        assert_eq!(
            got,
            pairs(&[("مطار الملك عبدالعزيز", "LOC"), ("جامعة الملك سعود", "ORG")])
        );
        // A title inside the tagger's span, a proclitic on the head: بمستشفى(0)
        // الملك(1) فيصل(2) التخصصي(3)
        let got = named("بمستشفى الملك فيصل التخصصي", &[(1, 3)]);
        assert_eq!(got, pairs(&[("بمستشفى الملك فيصل", "ORG")]));
        // A head that names a place without a title: مطار(0) رفيق(1) الحريري(2)
        let got = named("مطار رفيق الحريري", &[(1, 3)]);
        assert_eq!(got, pairs(&[("مطار رفيق الحريري", "LOC")]));
        // After a title, a name the tagger read as a place: مستشفى(0) الملك(1)
        // فهد(2), فهد tagged LOC; without the title the place stays.
        let split = split_sentences("مستشفى الملك فهد");
        let got = named_after_people(&split.cs, &split.tokens, vec![(2, 3, 0)], &types());
        assert_eq!(got, [(0, 3, 2)]);
        let split = split_sentences("مطار جدة");
        let got = named_after_people(&split.cs, &split.tokens, vec![(1, 2, 0)], &types());
        assert_eq!(got, [(1, 2, 0)]);
        // The title inside a name of another label: مستشفى(0) الملك(1) فيصل(2)
        // with الملك فيصل tagged ORG.
        let split = split_sentences("مستشفى الملك فيصل");
        let got = named_after_people(&split.cs, &split.tokens, vec![(1, 3, 2)], &types());
        assert_eq!(got, [(0, 3, 2)]);
        // بمكتبه(0) الرئيس(1) بالرياض(2): "in his office, the president, in
        // Riyadh"; the place after a preposition is no title's name.
        let split = split_sentences("بمكتبه الرئيس بالرياض");
        let got = named_after_people(&split.cs, &split.tokens, vec![(2, 3, 0)], &types());
        assert_eq!(got, [(2, 3, 0)]);
    }

    #[test]
    fn people_stay_people() {
        // عن طريق is "by way of"; مركز without a title is a position.
        // تم(0) ذلك(1) عن(2) طريق(3) الأمير(4) خالد(5)
        let got = named("تم ذلك عن طريق الأمير خالد", &[(5, 6)]);
        assert_eq!(got, pairs(&[("خالد", "PERS")]));
        // عزز(0) مركز(1) محمد(2) في(3) الحزب(4)
        let got = named("عزز مركز محمد في الحزب", &[(2, 3)]);
        assert_eq!(got, pairs(&[("محمد", "PERS")]));
        // A visit is not a place: زيارة(0) الملك(1) سلمان(2)
        let got = named("زيارة الملك سلمان", &[(2, 3)]);
        assert_eq!(got, pairs(&[("سلمان", "PERS")]));
        // A tagger without the head's label keeps its spans.
        let split = split_sentences("مطار الملك عبدالعزيز");
        let only_pers = vec!["PERS".to_string()];
        let kept = named_after_people(&split.cs, &split.tokens, vec![(2, 3, 0)], &only_pers);
        assert_eq!(kept, [(2, 3, 0)]);
    }
}
