//! One article through every enabled stage.

use super::config::PipelineConfig;
use crate::article::{parse, Article, Field, FieldName};
use crate::calendar::Date;
use crate::mentions::{find_mentions, LabelFilter};
use crate::text::{tokenize, TokenKind, TokenizeOptions};

/// Where a mention is: offsets into the body, and into the original input
/// when the body piece it lies in is a verbatim slice of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    pub raw: Option<(usize, usize)>,
}

/// A named entity found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    pub place: Place,
    pub text: String,
    pub label: String,
    pub normalized: String,
    /// Shared by the mentions of one entity in the article.
    pub key: String,
    pub score: f32,
}

/// A date or time found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct DateRow {
    pub place: Place,
    pub text: String,
    pub label: &'static str,
    pub value: Option<String>,
    pub calendar: &'static str,
    pub granularity: &'static str,
    pub relative: bool,
}

/// A number, percentage, amount of money or quantity found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberRow {
    pub place: Place,
    pub text: String,
    pub label: &'static str,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

/// The article fields of the `articles` table (all None when parsing is off).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fields {
    pub kind: Option<&'static str>,
    /// The value of each of [`FieldName::ALL`], in that order.
    pub values: [Option<String>; FieldName::ALL.len()],
    pub n_paragraphs: Option<usize>,
    pub n_boilerplate: Option<usize>,
}

/// What the pipeline found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Length of the original input in characters.
    pub n_chars: usize,
    pub fields: Fields,
    /// The body (the input itself when parsing is off).
    pub body: String,
    pub n_tokens: Option<usize>,
    pub n_words: Option<usize>,
    pub normalized: Option<String>,
    pub entities: Vec<EntityRow>,
    pub dates: Vec<DateRow>,
    pub numbers: Vec<NumberRow>,
}

/// Maps body offsets to input offsets, paragraph by paragraph.
struct BodyMap {
    /// (body start, body end, input start) of each verbatim paragraph.
    pieces: Vec<(usize, usize, Option<usize>)>,
}

impl BodyMap {
    fn identity(len: usize) -> Self {
        Self {
            pieces: vec![(0, len, Some(0))],
        }
    }

    fn of(article: &Article, input: &[char]) -> Self {
        let mut pieces = Vec::new();
        let mut at = 0;
        for (i, p) in article.paragraphs.iter().enumerate() {
            if i > 0 {
                at += 2; // the "\n\n" between paragraphs
            }
            let len = p.text.chars().count();
            pieces.push((at, at + len, verbatim(p, input)));
            at += len;
        }
        Self { pieces }
    }

    /// The input span of body span `start..end`, when it lies within one
    /// verbatim paragraph. The pieces are sorted and disjoint, so the only one
    /// that can hold it is the last that starts at or before `start`: a binary
    /// search, O(log paragraphs) per mention.
    fn place(&self, start: usize, end: usize) -> Place {
        let after = self.pieces.partition_point(|&(s, _, _)| s <= start);
        let raw = after
            .checked_sub(1)
            .map(|i| self.pieces[i])
            .filter(|&(_, e, _)| end <= e)
            .and_then(|(s, _, raw)| raw.map(|r| (r + start - s, r + end - s)));
        Place { start, end, raw }
    }
}

/// The input offset of a paragraph whose text is exactly its span of the input.
fn verbatim(p: &Field, input: &[char]) -> Option<usize> {
    let span = p.span?;
    let slice = input.get(span.start..span.end)?;
    slice
        .iter()
        .copied()
        .eq(p.text.chars())
        .then_some(span.start)
}

/// Run every enabled stage of `config` on one article.
///
/// Relative dates ("أمس", "العام الماضي") resolve against `reference` when it is
/// given (a corpus' own date of the article, e.g. from its metadata), else
/// against the date parsed from the article's header; with neither they stay
/// unresolved.
pub fn process_document(input: &str, reference: Option<Date>, config: &PipelineConfig) -> Document {
    if config.panic_on.as_deref() == Some(input) {
        panic!("forced failure (PipelineConfig::panic_on)");
    }
    let n_chars = input.chars().count();
    let mut doc = Document {
        n_chars,
        ..Document::default()
    };
    let (body, map, reference) = if config.parse {
        let article = parse(input, None, None);
        // An input with no body paragraphs (a headline, a one-line text) is
        // analysed whole, so short texts still get their entities and dates.
        let (body, map) = if article.paragraphs.is_empty() {
            (input.to_string(), BodyMap::identity(n_chars))
        } else {
            let input_chars: Vec<char> = input.chars().collect();
            (article.body(), BodyMap::of(&article, &input_chars))
        };
        doc.fields = Fields {
            kind: Some(article.kind.as_str()),
            values: FieldName::ALL.map(|f| article.value(f).map(String::from)),
            n_paragraphs: Some(article.paragraphs.len()),
            n_boilerplate: Some(article.boilerplate.len()),
        };
        let published = article.published.as_deref().and_then(Date::from_iso);
        (body, map, reference.or(published))
    } else {
        (input.to_string(), BodyMap::identity(n_chars), reference)
    };
    if config.tokens {
        let tokens = tokenize(&body, TokenizeOptions::default());
        let words = tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Latin))
            .count();
        doc.n_tokens = Some(tokens.len());
        doc.n_words = Some(words);
    }
    if let Some(normalizer) = &config.normalizer {
        doc.normalized = Some(normalizer.normalize(&body));
    }
    let labels = LabelFilter::kinds(config.entities.is_some(), config.dates, config.numbers);
    let found = find_mentions(&body, config.entities.as_deref(), &labels, reference);
    doc.entities = found
        .names
        .into_iter()
        .map(|e| EntityRow {
            place: map.place(e.start, e.end),
            text: e.text,
            label: e.label,
            normalized: e.normalized,
            key: e.key,
            score: e.score,
        })
        .collect();
    doc.dates = found
        .dates
        .into_iter()
        .map(|d| DateRow {
            place: map.place(d.start, d.end),
            label: d.label(),
            value: d.iso(),
            calendar: d.calendar.as_str(),
            granularity: d.granularity.as_str(),
            relative: d.relative,
            text: d.text,
        })
        .collect();
    doc.numbers = found
        .numbers
        .into_iter()
        .map(|n| NumberRow {
            place: map.place(n.start, n.end),
            text: n.text,
            label: n.kind.label(),
            value: n.value,
            unit: n.unit,
        })
        .collect();
    doc.body = body;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{NormalizeOptions, Normalizer};

    fn slice(chars: &[char], start: usize, end: usize) -> String {
        chars[start..end].iter().collect()
    }

    #[test]
    fn stages_are_switches() {
        let text = "قالت وكالة «واس» إنّ 3 أشخاص أصيبوا.";
        let bare = process_document(text, None, &PipelineConfig::default());
        assert_eq!(bare.n_chars, 36);
        assert_eq!(bare.body, text);
        assert_eq!(bare.n_tokens, None);
        assert_eq!(bare.normalized, None);
        assert!(bare.dates.is_empty() && bare.numbers.is_empty());

        let config = PipelineConfig {
            normalizer: Some(Normalizer::new(NormalizeOptions::preset("search").unwrap())),
            tokens: true,
            numbers: true,
            ..PipelineConfig::default()
        };
        let doc = process_document(text, None, &config);
        // قالت وكالة « واس » إنّ 3 أشخاص أصيبوا . -> 10 tokens, 6 of them words.
        assert_eq!(doc.n_tokens, Some(10));
        assert_eq!(doc.n_words, Some(6));
        assert_eq!(
            doc.normalized.as_deref(),
            Some("قالت وكاله \"واس\" ان 3 اشخاص اصيبوا.")
        );
        assert_eq!(doc.numbers.len(), 1);
        let n = &doc.numbers[0];
        assert_eq!(n.value, Some(3.0));
        // The span is into the body, which is the input here.
        assert_eq!(n.place.raw, Some((n.place.start, n.place.end)));
    }

    #[test]
    fn place_finds_the_paragraph_holding_a_span() {
        // Body "ab\n\n\n\ncde\n\nfg": paragraphs at 0..2, 4..4 (empty),
        // 6..9 (rebuilt, not verbatim), 11..13; input offsets 10, 20, -, 40.
        let map = BodyMap {
            pieces: vec![
                (0, 2, Some(10)),
                (4, 4, Some(20)),
                (6, 9, None),
                (11, 13, Some(40)),
            ],
        };
        assert_eq!(map.place(0, 2).raw, Some((10, 12)));
        assert_eq!(map.place(1, 2).raw, Some((11, 12)));
        assert_eq!(map.place(4, 4).raw, Some((20, 20)));
        assert_eq!(map.place(7, 8).raw, None); // a rebuilt paragraph
        assert_eq!(map.place(12, 13).raw, Some((41, 42)));
        assert_eq!(map.place(1, 5).raw, None); // across paragraphs
        assert_eq!(map.place(3, 3).raw, None); // in the separator
        assert_eq!(map.place(13, 14).raw, None); // past the end
        assert_eq!(BodyMap { pieces: Vec::new() }.place(0, 0).raw, None);
    }

    #[test]
    fn a_one_line_text_is_analysed_whole() {
        let config = PipelineConfig {
            parse: true,
            numbers: true,
            ..PipelineConfig::default()
        };
        let doc = process_document("أصيب 12 شخصا في الحادث", None, &config);
        assert_eq!(doc.body, "أصيب 12 شخصا في الحادث");
        assert_eq!(doc.numbers.len(), 1);
        assert_eq!(doc.numbers[0].place.raw, Some((5, 7))); // "12"; the counted noun is the unit
    }

    #[test]
    fn parsed_offsets_point_into_body_and_input() {
        let input = "عنوان الخبر\n\nالرياض - واس\n\nأعلن المركز في 3 ديسمبر 2017 عن 12 إصابة.";
        let config = PipelineConfig {
            parse: true,
            dates: true,
            numbers: true,
            ..PipelineConfig::default()
        };
        let doc = process_document(input, None, &config);
        let body: Vec<char> = doc.body.chars().collect();
        let raw: Vec<char> = input.chars().collect();
        assert!(!doc.dates.is_empty(), "{doc:?}");
        for d in &doc.dates {
            let in_body = slice(&body, d.place.start, d.place.end);
            assert_eq!(in_body, d.text);
            if let Some((s, e)) = d.place.raw {
                assert_eq!(slice(&raw, s, e), d.text);
            }
        }
        let date = doc
            .dates
            .iter()
            .find(|d| d.text.contains("ديسمبر"))
            .unwrap();
        assert_eq!(date.value.as_deref(), Some("2017-12-03"));
        assert!(date.place.raw.is_some());
    }

    #[test]
    fn relative_dates_resolve_against_a_given_reference_first() {
        let config = PipelineConfig {
            parse: true,
            dates: true,
            ..PipelineConfig::default()
        };
        let date = |input: &str, reference: Option<Date>| {
            let doc = process_document(input, reference, &config);
            let d = doc.dates.iter().find(|d| d.text == "أمس").unwrap().clone();
            (d.value, d.relative)
        };
        let metadata = Date::new(2015, 7, 21);
        // No date in the text: unresolved without a reference, the day before with one.
        let plain = "وصل الوفد إلى الرياض أمس في زيارة رسمية";
        assert_eq!(date(plain, None), (None, true));
        assert_eq!(date(plain, metadata), (Some("2015-07-20".into()), true));
        // A dated header: its date is the fallback, a given reference wins.
        let dated =
            "الرياض - واس - 3 ديسمبر 2017\n\nوصل الوفد إلى الرياض أمس في زيارة رسمية لبحث التعاون.";
        let parsed = process_document(dated, None, &config);
        assert_eq!(
            parsed.fields.values[FieldName::ALL
                .iter()
                .position(|f| *f == FieldName::Published)
                .unwrap()]
            .as_deref(),
            Some("2017-12-03")
        );
        assert_eq!(date(dated, None), (Some("2017-12-02".into()), true));
        assert_eq!(date(dated, metadata), (Some("2015-07-20".into()), true));
        // Parsing off: only a given reference.
        let unparsed = PipelineConfig {
            parse: false,
            ..config.clone()
        };
        let doc = process_document(plain, metadata, &unparsed);
        assert_eq!(doc.dates[0].value.as_deref(), Some("2015-07-20"));
    }
}
