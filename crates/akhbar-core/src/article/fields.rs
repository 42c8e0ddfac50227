//! The article's single-valued fields, described once: their names, order,
//! values and spans. The Python `Article` (attributes, `to_dict`, `repr`,
//! pickling) and the pipeline's `articles` table columns follow this list.

use super::{Article, Field, Span};

/// A single-valued field of an [`Article`], in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldName {
    Title,
    Subtitle,
    Section,
    /// The publication date, resolved (`YYYY-MM-DD` or coarser).
    Published,
    /// The publication date as written.
    PublishedRaw,
    Dateline,
    Agency,
    Author,
    Source,
}

impl FieldName {
    /// Every field, in display order.
    pub const ALL: [FieldName; 9] = [
        FieldName::Title,
        FieldName::Subtitle,
        FieldName::Section,
        FieldName::Published,
        FieldName::PublishedRaw,
        FieldName::Dateline,
        FieldName::Agency,
        FieldName::Author,
        FieldName::Source,
    ];

    /// The field's name in Python and in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldName::Title => "title",
            FieldName::Subtitle => "subtitle",
            FieldName::Section => "section",
            FieldName::Published => "published",
            FieldName::PublishedRaw => "published_raw",
            FieldName::Dateline => "dateline",
            FieldName::Agency => "agency",
            FieldName::Author => "author",
            FieldName::Source => "source",
        }
    }

    /// The field named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

impl Article {
    /// The field as located in the input (`Published` is the raw date's place).
    fn located(&self, name: FieldName) -> &Option<Field> {
        match name {
            FieldName::Title => &self.title,
            FieldName::Subtitle => &self.subtitle,
            FieldName::Section => &self.section,
            FieldName::Published | FieldName::PublishedRaw => &self.published_raw,
            FieldName::Dateline => &self.dateline,
            FieldName::Agency => &self.agency,
            FieldName::Author => &self.author,
            FieldName::Source => &self.source,
        }
    }

    /// A field's value.
    pub fn value(&self, name: FieldName) -> Option<&str> {
        match name {
            FieldName::Published => self.published.as_deref(),
            _ => self.located(name).as_ref().map(|f| f.text.as_str()),
        }
    }

    /// Where a field is in the input (for `Published`, where its raw form is).
    pub fn span_of(&self, name: FieldName) -> Option<Span> {
        self.located(name).as_ref().and_then(|f| f.span)
    }

    /// Set a field (`Published` takes the value only; its place is the raw date's).
    pub fn set(&mut self, name: FieldName, value: Option<Field>) {
        let slot = match name {
            FieldName::Title => &mut self.title,
            FieldName::Subtitle => &mut self.subtitle,
            FieldName::Section => &mut self.section,
            FieldName::Published => {
                self.published = value.map(|f| f.text);
                return;
            }
            FieldName::PublishedRaw => &mut self.published_raw,
            FieldName::Dateline => &mut self.dateline,
            FieldName::Agency => &mut self.agency,
            FieldName::Author => &mut self.author,
            FieldName::Source => &mut self.source,
        };
        *slot = value;
    }

    /// The body's span: from the first to the last located paragraph.
    pub fn body_span(&self) -> Option<Span> {
        let mut located = self.paragraphs.iter().filter_map(|p| p.span);
        let first = located.next()?;
        let last = located.next_back().unwrap_or(first);
        Some(Span {
            start: first.start,
            end: last.end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    #[test]
    fn values_and_spans_by_name() {
        let input = "أمطار غزيرة في جدة\n\nجدة - واس\n\nهطلت أمطار غزيرة على جدة اليوم.";
        let a = parse(input, None, None);
        let chars: Vec<char> = input.chars().collect();
        let at = |s: Span| chars[s.start..s.end].iter().collect::<String>();
        assert_eq!(a.value(FieldName::Title), Some("أمطار غزيرة في جدة"));
        assert_eq!(
            at(a.span_of(FieldName::Title).unwrap()),
            "أمطار غزيرة في جدة"
        );
        assert_eq!(a.value(FieldName::Agency), Some("واس"));
        assert_eq!(a.value(FieldName::Published), None);
        assert_eq!(
            at(a.body_span().unwrap()),
            "هطلت أمطار غزيرة على جدة اليوم."
        );
        for f in FieldName::ALL {
            assert_eq!(FieldName::from_name(f.as_str()), Some(f));
        }
        let mut b = a.clone();
        b.set(FieldName::Agency, None);
        assert_eq!(b.value(FieldName::Agency), None);
    }
}
