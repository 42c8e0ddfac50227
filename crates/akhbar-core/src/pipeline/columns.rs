//! Column-wise tables built from per-article results, in batch order.

use super::document::{DateRow, Document, EntityRow, Fields, NumberRow, Place};

/// One row per article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleColumns {
    /// Position of the article in the batch.
    pub row: Vec<usize>,
    pub n_chars: Vec<usize>,
    pub fields: Vec<Fields>,
    pub body: Vec<String>,
    pub n_tokens: Vec<Option<usize>>,
    pub n_words: Vec<Option<usize>>,
    pub normalized: Vec<Option<String>>,
}

/// The columns every mention table has: where the mention is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceColumns {
    /// Position of the article the mention is in.
    pub row: Vec<usize>,
    /// Offsets into the article's body.
    pub start: Vec<usize>,
    pub end: Vec<usize>,
    /// Offsets into the original input (None where the body was rebuilt).
    pub raw_start: Vec<Option<usize>>,
    pub raw_end: Vec<Option<usize>>,
    pub text: Vec<String>,
}

impl PlaceColumns {
    fn push(&mut self, row: usize, p: Place, text: String) {
        self.row.push(row);
        self.start.push(p.start);
        self.end.push(p.end);
        self.raw_start.push(p.raw.map(|r| r.0));
        self.raw_end.push(p.raw.map(|r| r.1));
        self.text.push(text);
    }
}

/// The `entities` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityColumns {
    pub place: PlaceColumns,
    pub label: Vec<String>,
    pub normalized: Vec<String>,
    pub key: Vec<String>,
    pub score: Vec<f32>,
}

/// The `dates` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateColumns {
    pub place: PlaceColumns,
    pub label: Vec<&'static str>,
    pub value: Vec<Option<String>>,
    pub calendar: Vec<&'static str>,
    pub granularity: Vec<&'static str>,
    pub relative: Vec<bool>,
}

/// The `numbers` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NumberColumns {
    pub place: PlaceColumns,
    pub label: Vec<&'static str>,
    pub value: Vec<Option<f64>>,
    pub unit: Vec<Option<String>>,
}

/// The tables of one batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    pub articles: ArticleColumns,
    pub entities: EntityColumns,
    pub dates: DateColumns,
    pub numbers: NumberColumns,
}

impl Tables {
    /// Append one article's results as row `row`.
    pub fn push(&mut self, row: usize, doc: Document) {
        let a = &mut self.articles;
        a.row.push(row);
        a.n_chars.push(doc.n_chars);
        a.fields.push(doc.fields);
        a.body.push(doc.body);
        a.n_tokens.push(doc.n_tokens);
        a.n_words.push(doc.n_words);
        a.normalized.push(doc.normalized);
        for EntityRow {
            place,
            text,
            label,
            normalized,
            key,
            score,
        } in doc.entities
        {
            let t = &mut self.entities;
            t.place.push(row, place, text);
            t.label.push(label);
            t.normalized.push(normalized);
            t.key.push(key);
            t.score.push(score);
        }
        for d in doc.dates {
            let DateRow {
                place,
                text,
                label,
                value,
                calendar,
                granularity,
                relative,
            } = d;
            let t = &mut self.dates;
            t.place.push(row, place, text);
            t.label.push(label);
            t.value.push(value);
            t.calendar.push(calendar);
            t.granularity.push(granularity);
            t.relative.push(relative);
        }
        for NumberRow {
            place,
            text,
            label,
            value,
            unit,
        } in doc.numbers
        {
            let t = &mut self.numbers;
            t.place.push(row, place, text);
            t.label.push(label);
            t.value.push(value);
            t.unit.push(unit);
        }
    }
}
