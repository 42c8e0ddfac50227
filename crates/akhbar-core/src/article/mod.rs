//! Article structure: raw Arabic news text or HTML → title, section, date,
//! dateline, agency, author, source, body paragraphs and boilerplate, each with
//! its character span in the original input.
//!
//! Nothing is dropped silently: in a text article every non-space character
//! lies in a [`Segment`] — the title line, a field line (section/date line,
//! dateline, byline, source line), a body paragraph or a boilerplate piece.

mod blocks;
mod code_run;
mod dates_link;
mod draft;
mod fields;
mod header;
mod html;
mod lexicon;
mod text;

use draft::{Draft, Piece, Slot, Value};

pub use blocks::CharIndex;
pub use fields::FieldName;
pub use html::encoding::decode as decode_html;

/// A character range `[start, end)` of the original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A field value and where it is in the input (None when it came from
/// elsewhere, e.g. an HTML attribute that could not be located).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The value as written.
    pub text: String,
    /// Its character span in the input.
    pub span: Option<Span>,
}

/// What a segment of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// The headline line.
    Title,
    /// A line or line prefix of fields.
    Field,
    /// A body paragraph.
    Paragraph,
    /// Removed page furniture.
    Boilerplate,
}

impl SegmentKind {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Field => "field",
            Self::Paragraph => "paragraph",
            Self::Boilerplate => "boilerplate",
        }
    }

    /// The kind named `name` (as [`SegmentKind::as_str`] gives it).
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Title, Self::Field, Self::Paragraph, Self::Boilerplate]
            .into_iter()
            .find(|k| k.as_str() == name)
    }
}

/// A top-level piece of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Segment {
    /// What it is.
    pub kind: SegmentKind,
    /// Where it is.
    pub span: Span,
}

/// How the input was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
}

impl InputKind {
    /// "text" or "html".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "html",
        }
    }

    /// Parse "text" / "html".
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "text" => Some(Self::Text),
            "html" => Some(Self::Html),
            _ => None,
        }
    }
}

/// How the body was found: in text, or by which step of the HTML
/// extractor's fallbacks; `Empty` when the input holds no body text at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Extraction {
    /// Plain-text input, split into paragraphs.
    Text,
    /// The page's JSON-LD `articleBody`.
    JsonLd,
    /// The densest text block inside an `<article>`/`<main>`/`articleBody` element.
    ArticleElement,
    /// The densest text block of the whole page.
    DensestBlock,
    /// The whole visible text (no block looked like an article).
    VisibleText,
    /// No body text.
    Empty,
}

impl Extraction {
    /// Lower-case name: "text", "json-ld", "article-element", "densest-block", "visible-text", "empty".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::JsonLd => "json-ld",
            Self::ArticleElement => "article-element",
            Self::DensestBlock => "densest-block",
            Self::VisibleText => "visible-text",
            Self::Empty => "empty",
        }
    }

    /// Parse a name given by [`Extraction::as_str`].
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Text,
            Self::JsonLd,
            Self::ArticleElement,
            Self::DensestBlock,
            Self::VisibleText,
            Self::Empty,
        ]
        .into_iter()
        .find(|e| e.as_str() == name)
    }
}

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Article {
    /// How the input was read.
    pub kind: InputKind,
    /// How the body was found; `Empty` when there is none.
    pub extraction: Extraction,
    /// Headline.
    pub title: Option<Field>,
    /// Second headline.
    pub subtitle: Option<Field>,
    /// Section or category.
    pub section: Option<Field>,
    /// Publication date, `YYYY-MM-DD` (or coarser) when resolved.
    pub published: Option<String>,
    /// Publication date as written.
    pub published_raw: Option<Field>,
    /// Dateline place.
    pub dateline: Option<Field>,
    /// News agency.
    pub agency: Option<Field>,
    /// Writer.
    pub author: Option<Field>,
    /// Outlet.
    pub source: Option<Field>,
    /// Body paragraphs.
    pub paragraphs: Vec<Field>,
    /// Removed pieces.
    pub boilerplate: Vec<Field>,
    /// Every piece of the input in order (text input: they cover it).
    pub segments: Vec<Segment>,
}

impl Article {
    /// The body: paragraphs separated by blank lines.
    pub fn body(&self) -> String {
        let parts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        parts.join("\n\n")
    }
}

/// Guess the input kind: HTML when, after leading white space and a BOM, it
/// starts with a tag or holds `<html`/`<body`/`<p>`-like markup early on.
pub fn detect(input: &str) -> InputKind {
    let head: String = input
        .trim_start_matches(['\u{feff}', ' ', '\n', '\r', '\t'])
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let starts_tag = head.starts_with('<')
        && head[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!' || c == '?');
    let markup = [
        "<html", "<body", "<head", "<div", "<p>", "<p ", "<article", "<meta",
    ]
    .iter()
    .any(|t| head.contains(t));
    if starts_tag || markup {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// Parse an article; `kind` None detects it. `url` fills `source` (its host)
/// when the page names no outlet.
pub fn parse(input: &str, kind: Option<InputKind>, url: Option<&str>) -> Article {
    let kind = kind.unwrap_or_else(|| detect(input));
    let mut d = match kind {
        InputKind::Text => text::parse(input),
        InputKind::Html => html::parse(input, url),
    };
    if let Some(host) = url.and_then(host_of) {
        d.set(
            Slot::Source,
            Value {
                text: host,
                span: None,
            },
        );
    }
    finish(input, kind, d)
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

fn finish(input: &str, kind: InputKind, d: Draft) -> Article {
    let ix = CharIndex::new(input);
    let conv = |v: &Value| Field {
        text: v.text.clone(),
        span: v.span.map(|(s, e)| Span {
            start: ix.char_at(s),
            end: ix.char_at(e),
        }),
    };
    let get = |slot: Slot| d.get(slot).map(conv);
    let mut paragraphs = Vec::new();
    let mut boilerplate = Vec::new();
    let mut segments = Vec::new();
    for (k, v) in &d.pieces {
        let f = conv(v);
        let kind = match k {
            Piece::Title => SegmentKind::Title,
            Piece::Field => SegmentKind::Field,
            Piece::Paragraph => SegmentKind::Paragraph,
            Piece::Boilerplate => SegmentKind::Boilerplate,
        };
        if let Some(span) = f.span {
            segments.push(Segment { kind, span });
        }
        match k {
            Piece::Paragraph => paragraphs.push(f),
            Piece::Boilerplate => boilerplate.push(f),
            _ => {}
        }
    }
    let extraction = match d.extraction {
        _ if paragraphs.is_empty() => Extraction::Empty,
        Some(e) => e,
        None => Extraction::Text,
    };
    Article {
        kind,
        extraction,
        title: get(Slot::Title),
        subtitle: get(Slot::Subtitle),
        section: get(Slot::Section),
        published: d.published_iso.clone(),
        published_raw: get(Slot::Published),
        dateline: get(Slot::Dateline),
        agency: get(Slot::Agency),
        author: get(Slot::Author),
        source: get(Slot::Source),
        paragraphs,
        boilerplate,
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_kind() {
        assert_eq!(detect("<!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(detect("  <p>نص</p>"), InputKind::Html);
        assert_eq!(detect("دمشق - سانا: 3 < 5"), InputKind::Text);
    }

    #[test]
    fn spans_are_char_offsets_and_cover_text() {
        let t =
            "دمشق - سانا\nأعلنت الوزارة اليوم عن افتتاح المشروع الجديد في المدينة.\n// انتهى //";
        let a = parse(t, None, Some("https://www.sana.sy/?p=1"));
        let chars: Vec<char> = t.chars().collect();
        let at = |s: Span| chars[s.start..s.end].iter().collect::<String>();
        let d = a.dateline.unwrap();
        assert_eq!(at(d.span.unwrap()), "دمشق");
        assert_eq!(a.agency.unwrap().text, "سانا");
        assert_eq!(a.source.unwrap().text, "sana.sy");
        let mut covered = vec![false; chars.len()];
        for s in &a.segments {
            covered[s.span.start..s.span.end]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        assert!(chars
            .iter()
            .zip(&covered)
            .all(|(c, k)| *k || c.is_whitespace()));
    }

    #[test]
    fn empty_and_odd_inputs() {
        for t in [
            "",
            "   \n\n",
            "\u{0}\u{1}\u{fffd}",
            "hello world",
            "<<<>>>",
            "<html><body></body>",
        ] {
            let a = parse(t, None, None);
            assert!(a.title.is_none() || !a.title.unwrap().text.is_empty());
        }
    }
}
