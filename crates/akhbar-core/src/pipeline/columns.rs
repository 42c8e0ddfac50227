//! Column-wise tables built from per-article results, in batch order.

use super::document::{Document, Mention};

/// One row per article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleColumns {
    /// Position of the article in the batch.
    pub row: Vec<usize>,
    pub n_chars: Vec<usize>,
    pub n_tokens: Vec<Option<usize>>,
    pub n_words: Vec<Option<usize>>,
    pub normalized: Vec<Option<String>>,
}

/// One row per mention (entities, dates or numbers).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MentionColumns {
    /// Position of the article the mention is in.
    pub row: Vec<usize>,
    pub start: Vec<usize>,
    pub end: Vec<usize>,
    pub text: Vec<String>,
    pub label: Vec<String>,
    pub value: Vec<Option<String>>,
}

impl MentionColumns {
    fn push(&mut self, row: usize, m: Mention) {
        self.row.push(row);
        self.start.push(m.start);
        self.end.push(m.end);
        self.text.push(m.text);
        self.label.push(m.label);
        self.value.push(m.value);
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.row.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.row.is_empty()
    }
}

/// The tables of one batch: articles, and mention tables by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    pub articles: ArticleColumns,
    pub mentions: Vec<(&'static str, MentionColumns)>,
}

impl Tables {
    /// Append one article's results as row `row`.
    pub fn push(&mut self, row: usize, doc: Document) {
        let a = &mut self.articles;
        a.row.push(row);
        a.n_chars.push(doc.n_chars);
        a.n_tokens.push(doc.n_tokens);
        a.n_words.push(doc.n_words);
        a.normalized.push(doc.normalized);
        for (name, mentions) in doc.mentions {
            let table = match self.mentions.iter().position(|(n, _)| *n == name) {
                Some(i) => &mut self.mentions[i].1,
                None => {
                    self.mentions.push((name, MentionColumns::default()));
                    &mut self.mentions.last_mut().expect("just pushed").1
                }
            };
            for m in mentions {
                table.push(row, m);
            }
        }
    }
}
