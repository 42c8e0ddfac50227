use super::*;
use crate::entities::{Labels, TaggedSentence};

/// A tagger that knows two words: أوباما (PERS) and دولار (MISC, as ANERcorp
/// tags currencies).
#[derive(Debug)]
struct TwoWords(Labels);

impl TwoWords {
    fn new() -> Self {
        Self(Labels::new(vec!["MISC".into(), "PERS".into()]))
    }
}

impl Tagger for TwoWords {
    fn labels(&self) -> &Labels {
        &self.0
    }

    fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<TaggedSentence> {
        let tag = |w: &str| match w {
            "أوباما" => Labels::begin(self.0.type_index("PERS").unwrap()),
            "دولار" | "نيسان" => Labels::begin(self.0.type_index("MISC").unwrap()),
            _ => 0,
        };
        sentences
            .iter()
            .map(|s| TaggedSentence {
                tags: s.iter().map(|w| tag(w)).collect(),
                confidence: vec![1.0; s.len()],
            })
            .collect()
    }
}

fn summary(m: Mentions) -> Vec<(String, String, String)> {
    m.into_entities()
        .into_iter()
        .map(|e| (e.text, e.label, e.normalized))
        .collect()
}

fn row(text: &str, label: &str, normalized: &str) -> (String, String, String) {
    (text.into(), label.into(), normalized.into())
}

#[test]
fn one_scan_gives_every_kind_in_text_order() {
    let text = "قال أوباما يوم 3 أغسطس 2015 إن 30% من 12 مليون دولار صرفت أمس";
    let t = TwoWords::new();
    let found = find_mentions(
        text,
        Some(&t),
        &LabelFilter::all(),
        Date::from_iso("2015-08-10"),
    );
    // Checked by reading: the currency word is part of the amount, not a name;
    // أمس resolves against the reference.
    assert_eq!(
        summary(found),
        [
            row("أوباما", "PERS", "اوباما"),
            row("يوم 3 أغسطس 2015", "DATE", "2015-08-03"),
            row("30%", "PERCENT", "30"),
            row("12 مليون دولار", "MONEY", "12000000"),
            row("أمس", "DATE", "2015-08-09"),
        ]
    );
    // Unresolved: the text is the value.
    let found = find_mentions("وصل أمس", None, &LabelFilter::all(), None);
    assert_eq!(summary(found), [row("أمس", "DATE", "أمس")]);
}

#[test]
fn labels_narrow_what_is_reported_not_what_is_found() {
    let text = "أنفق أوباما 12 مليون دولار";
    let t = TwoWords::new();
    let names = find_mentions(text, Some(&t), &LabelFilter::names(), None);
    // Amounts not reported: the currency word is still the amount's, not a
    // name, as when every label is asked for.
    assert_eq!(summary(names), [row("أوباما", "PERS", "اوباما")]);
    let misc = LabelFilter::only(&["MISC"], &[]).unwrap();
    assert!(find_mentions(text, Some(&t), &misc, None).names.is_empty());
    // A currency word outside an amount stays a name.
    let alone = find_mentions("ارتفع سعر دولار", Some(&t), &LabelFilter::names(), None);
    assert_eq!(summary(alone), [row("دولار", "MISC", "دولار")]);
    let money = LabelFilter::only(&["MONEY", "MISC"], &[]).unwrap();
    let found = find_mentions(text, Some(&t), &money, None);
    assert_eq!(summary(found), [row("12 مليون دولار", "MONEY", "12000000")]);
    // No tagger: no names.
    let found = find_mentions(text, None, &LabelFilter::all(), None);
    assert!(found.names.is_empty() && found.numbers.len() == 1);
}

#[test]
fn a_name_inside_a_date_is_left_to_the_date() {
    // "نيسان" is April in "أبريل (نيسان) الماضي" and Nissan in "تقرير نيسان";
    // a time keeps the names in it.
    let t = TwoWords::new();
    let text = "باعت نيسان في أبريل (نيسان) الماضي أكثر مما باعت في الساعة 10 بتوقيت نيسان";
    let found = find_mentions(text, Some(&t), &LabelFilter::all(), None);
    let names: Vec<(usize, &str)> = found
        .names
        .iter()
        .map(|e| (e.start, e.text.as_str()))
        .collect();
    let last = text.chars().count() - "نيسان".chars().count();
    assert_eq!(names, [(5, "نيسان"), (last, "نيسان")]);
    let dates: Vec<(&str, &str)> = found
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.label()))
        .collect();
    assert_eq!(
        dates,
        [
            ("أبريل (نيسان) الماضي", "DATE"),
            ("الساعة 10 بتوقيت نيسان", "TIME")
        ]
    );
    // Only names asked for: the same names.
    let names_only = find_mentions(text, Some(&t), &LabelFilter::names(), None);
    assert_eq!(names_only.names, found.names);
}

#[test]
fn the_pipeline_kinds_match_the_separate_finders() {
    let text = "في 10 أغسطس 2015 قتل 12 شخصا وأصيب 30 في المئة من 500 ألف";
    let both = find_mentions(text, None, &LabelFilter::kinds(false, true, true), None);
    assert_eq!(both.dates, find_dates(text, None));
    assert_eq!(both.numbers, find_numbers(text));
    let dates_only = find_mentions(text, None, &LabelFilter::kinds(false, true, false), None);
    assert!(dates_only.numbers.is_empty() && dates_only.dates == both.dates);
}

#[test]
fn many_amounts_in_linear_time() {
    // 100,000 amounts, each with a currency word the tagger calls MISC: the
    // rule that leaves those names to their amounts once compared every name
    // with every amount (10^10 pairs here).
    let n = 100_000;
    let text = (1..=n)
        .map(|i| format!("{i} مليون دولار"))
        .collect::<Vec<_>>()
        .join("، ");
    let t = TwoWords::new();
    let found = find_mentions(&text, Some(&t), &LabelFilter::all(), None);
    assert_eq!(found.numbers.len(), n);
    assert!(found.names.is_empty());
    assert_eq!(found.numbers[41].text, "42 مليون دولار");
    assert_eq!(found.numbers[41].value, Some(42e6));
}
