//! The parser's working result, in byte offsets, before it becomes an [`Article`](super::Article).

use super::header::{FieldKind, Header};

/// The single-valued fields of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    /// Headline.
    Title,
    /// Second headline or lead-in.
    Subtitle,
    /// Section or category.
    Section,
    /// Publication date as written.
    Published,
    /// Dateline place.
    Dateline,
    /// News agency.
    Agency,
    /// Writer.
    Author,
    /// Outlet.
    Source,
}

/// What a top-level piece of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The headline line.
    Title,
    /// A line (or line prefix) of fields: section/date, dateline, byline, source.
    Field,
    /// A body paragraph.
    Paragraph,
    /// Removed page furniture.
    Boilerplate,
}

/// A value with an optional byte range in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The value.
    pub text: String,
    /// Byte range in the input, when the value is a piece of it.
    pub span: Option<(usize, usize)>,
}

/// Fields and pieces found so far.
#[derive(Debug, Default, Clone)]
pub struct Draft {
    /// Single-valued fields; the first value found for a slot wins.
    pub fields: Vec<(Slot, Value)>,
    /// The ISO publication date.
    pub published_iso: Option<String>,
    /// Top-level pieces in input order (body paragraphs, boilerplate, field lines, title).
    pub pieces: Vec<(Piece, Value)>,
    /// How an HTML page's body was found (None for text input).
    pub extraction: Option<super::Extraction>,
}

impl Draft {
    /// The value of a slot.
    pub fn get(&self, slot: Slot) -> Option<&Value> {
        self.fields.iter().find(|(s, _)| *s == slot).map(|(_, v)| v)
    }

    /// Set a slot unless it is set (empty values are ignored).
    pub fn set(&mut self, slot: Slot, value: Value) -> bool {
        if value.text.trim().is_empty() || self.get(slot).is_some() {
            return false;
        }
        self.fields.push((slot, value));
        true
    }

    /// Set a slot from a byte range of `text`.
    pub fn set_range(&mut self, text: &str, slot: Slot, start: usize, end: usize) -> bool {
        self.set(
            slot,
            Value {
                text: text[start..end].to_string(),
                span: Some((start, end)),
            },
        )
    }

    /// Add a top-level piece from a byte range of `text`.
    pub fn piece(&mut self, text: &str, kind: Piece, start: usize, end: usize) {
        self.pieces.push((
            kind,
            Value {
                text: text[start..end].to_string(),
                span: Some((start, end)),
            },
        ));
    }

    /// Record the fields of a header found in `text`.
    pub fn add_header(&mut self, text: &str, h: &Header) {
        for f in &h.fields {
            let slot = match f.field {
                FieldKind::Dateline => Slot::Dateline,
                FieldKind::Agency => Slot::Agency,
                FieldKind::Author => Slot::Author,
                FieldKind::Source => Slot::Source,
                FieldKind::Published => Slot::Published,
                FieldKind::Credit => continue,
            };
            if self.set_range(text, slot, f.start, f.end) && slot == Slot::Published {
                self.published_iso = f.iso.clone();
            }
        }
    }
}
