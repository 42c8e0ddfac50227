//! HTML pages: metadata ([`metadata`]), the page flattened into text blocks
//! ([`dom`]), the main text found in fallback steps ([`extract`], scored by
//! [`scoring`]), and the text-side rules (dateline, agency, byline in the
//! first paragraph; boilerplate lines) applied to what was found. Pages given
//! as bytes are decoded by [`encoding`].
//!
//! Parser: `scraper` (html5ever, Servo's WHATWG parser) — it recovers from
//! broken and truncated markup exactly as browsers do. Its tree lives in one
//! vector (no recursive drop) and every walk here is an iterator, so markup
//! nested arbitrarily deep costs no stack. It keeps no source positions, so
//! spans are found by locating each text node in the page source, in document
//! order (None when a node cannot be located, e.g. text written with entities).

mod dom;
pub mod encoding;
mod extract;
mod flat;
mod metadata;
mod scoring;
mod tree;

use super::dates_link;
use super::draft::{Draft, Piece, Slot, Value};
use super::header;
use super::lexicon;
use dom::Page;
use scoring::words;

/// A piece of a block's text, with its span when the block's span holds it.
fn sub_value(src: &str, span: Option<(usize, usize)>, text: &str) -> Value {
    Value {
        text: text.to_string(),
        span: span.and_then(|(s, e)| src[s..e].find(text).map(|p| (s + p, s + p + text.len()))),
    }
}

/// No date in the metadata: a short dated block just above the body
/// ("الأربعاء، 28 آب/اغسطس 2013"), nearest first, then one just below it.
fn date_line(page: &Page, src: &str, body: &[usize], d: &mut Draft) {
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else {
        return;
    };
    let before = page.blocks[first.saturating_sub(8)..first].iter().rev();
    let after = page.blocks[last + 1..page.blocks.len().min(last + 4)].iter();
    for b in before.chain(after) {
        if words(&b.text).count() > 15 {
            continue;
        }
        if let Some(h) = dates_link::find(&b.text).into_iter().next() {
            let v = sub_value(src, b.span, &b.text[h.start..h.end]);
            if d.set(Slot::Published, v) {
                d.published_iso = h.iso;
            }
            return;
        }
    }
}

/// Fields at the head of the first body paragraph (dateline, agency, byline):
/// recorded, and the head set apart as a field piece.
fn first_paragraph_header(src: &str, v: Value, d: &mut Draft) -> Option<Value> {
    let Some(h) = header::parse(&v.text, 0, v.text.len(), false) else {
        return Some(v);
    };
    for f in &h.fields {
        let slot = match f.field {
            header::FieldKind::Dateline => Slot::Dateline,
            header::FieldKind::Agency => Slot::Agency,
            header::FieldKind::Author => Slot::Author,
            header::FieldKind::Source => Slot::Source,
            header::FieldKind::Published => Slot::Published,
            header::FieldKind::Credit => continue,
        };
        let fv = sub_value(src, v.span, &v.text[f.start..f.end]);
        if d.set(slot, fv) && slot == Slot::Published {
            d.published_iso = f.iso.clone();
        }
    }
    d.pieces
        .push((Piece::Field, sub_value(src, v.span, &v.text[..h.end])));
    let rest = v.text[h.end..].trim();
    (!rest.is_empty()).then(|| sub_value(src, v.span, rest))
}

/// Parse an HTML page; `url` is one more source of the publication date.
pub fn parse(src: &str, url: Option<&str>) -> Draft {
    let mut d = Draft::default();
    let (page, choice) = match tree::parse(src) {
        Some(doc) => {
            let ld_body = metadata::fill(&doc, src, url, &mut d);
            let page = dom::flatten(&doc, src);
            drop(doc);
            let choice = extract::choose(&page, ld_body.as_deref());
            (page, choice)
        }
        None => {
            // Nested past the browsers' limit: metadata from the head alone,
            // the body as flat visible text.
            let head_end = src
                .char_indices()
                .find(|&(i, c)| {
                    c == '<'
                        && src[i..]
                            .get(..5)
                            .is_some_and(|t| t.eq_ignore_ascii_case("<body"))
                })
                .map_or(0, |(i, _)| i);
            if let Some(head) = tree::parse(&src[..head_end]) {
                metadata::fill(&head, src, url, &mut d);
            }
            let page = flat::flatten(src);
            let choice = extract::visible(&page);
            (page, choice)
        }
    };
    d.extraction = Some(choice.step);
    if d.get(Slot::Published).is_none() {
        date_line(&page, src, &choice.blocks, &mut d);
    }

    let title_key = d.get(Slot::Title).map(|v| lexicon::key(&v.text));
    let mut body = choice.blocks.iter().copied().peekable();
    let mut first_para = true;
    let mut paragraph = |v: Value, d: &mut Draft| {
        let v = if std::mem::take(&mut first_para) {
            first_paragraph_header(src, v, d)
        } else {
            Some(v)
        };
        if let Some(v) = v {
            d.pieces.push((Piece::Paragraph, v));
        }
    };
    for (i, b) in page.blocks.iter().enumerate() {
        let v = Value {
            text: b.text.clone(),
            span: b.span,
        };
        if body.next_if_eq(&i).is_some() {
            paragraph(v, &mut d);
        } else if b.heading && title_key.as_deref() == Some(lexicon::key(&b.text).as_str()) {
            d.pieces.push((Piece::Title, v));
        } else {
            d.pieces.push((Piece::Boilerplate, v));
        }
    }
    for p in choice.paragraphs {
        paragraph(
            Value {
                text: p,
                span: None,
            },
            &mut d,
        );
    }
    d
}

#[cfg(test)]
mod tests;
