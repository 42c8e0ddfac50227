//! The token view the date and number grammars read: the text normalized with
//! the `search` preset (alef forms, ة/ه, digits and Arabic punctuation folded),
//! tokenized by the shared tokenizer, with spans mapped back to the original.

use std::sync::OnceLock;

use crate::text::tokenize::tokenize_chars;
use crate::text::{NormalizeOptions, Normalizer, OffsetMap, TokenKind};

/// The normalizer every date/number pattern is matched with.
pub(crate) fn normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| Normalizer::new(NormalizeOptions::SEARCH))
}

/// One token of the normalized text.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Start, end in normalized characters.
    pub s: usize,
    pub e: usize,
    pub kind: TokenKind,
    /// Normalized text.
    pub text: String,
    /// Proclitic-stripped forms of a word (letters stripped, rest), e.g.
    /// وأغسطس → (1, "اغسطس"), للعام → (1, "العام").
    pub bares: Vec<(usize, String)>,
    /// Value of a plain digit run.
    pub int: Option<u64>,
    /// A line break lies between the previous token and this one.
    pub line_before: bool,
}

impl Tok {
    /// Number of digits of a plain digit run.
    pub fn digits(&self) -> usize {
        if self.int.is_some() {
            self.text.len()
        } else {
            0
        }
    }

    /// The text, or a proclitic-stripped form, equal to `w`: returns letters stripped.
    pub fn form(&self, w: &str) -> Option<usize> {
        if self.text == w {
            return Some(0);
        }
        self.bares.iter().find(|(_, b)| b == w).map(|(n, _)| *n)
    }

    /// The proclitic-stripped form when there is one, else the text
    /// ("والخامس" → "الخامس").
    pub fn form_any_bare(&self) -> &str {
        self.bares
            .iter()
            .find(|(n, _)| *n == 1)
            .map_or(self.text.as_str(), |(_, b)| b.as_str())
    }

    /// Like [`Tok::form`] for any of `ws`.
    pub fn any(&self, ws: &[&str]) -> Option<usize> {
        ws.iter().find_map(|w| self.form(w))
    }

    /// Whether this is the punctuation mark `c` (a one-character token).
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punctuation
            && self.text.len() == c.len_utf8()
            && self.text.starts_with(c)
    }
}

/// Proclitic clusters stripped before lexicon lookups, longest first.
const PROCLITICS: [&str; 10] = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

fn bare_forms(w: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for p in PROCLITICS {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                out.push((p.chars().count(), rest.to_string()));
            }
        }
    }
    // ل + ال is written لل (للعام = ل + العام): the alef is not in the text, so
    // the mention keeps the whole word, less و/ف.
    for (p, skip) in [("لل", 0), ("ولل", 1), ("فلل", 1)] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                out.push((skip, format!("ال{rest}")));
            }
        }
    }
    out
}

/// A text prepared for the grammars.
pub(crate) struct Scan<'t> {
    pub toks: Vec<Tok>,
    map: OffsetMap,
    /// The original text, and the byte offset of each of its characters (and of its end).
    text: &'t str,
    bytes: Vec<usize>,
}

impl<'t> Scan<'t> {
    /// Normalize and tokenize `text`.
    pub fn new(text: &'t str) -> Self {
        let (norm, map) = normalizer().normalize_with_map(text);
        let bytes = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        Self {
            toks: Self::tokens(&norm),
            map,
            text,
            bytes,
        }
    }

    fn tokens(norm: &str) -> Vec<Tok> {
        let cs: Vec<char> = norm.chars().collect();
        let mut prev_end = 0;
        tokenize_chars(&cs, Default::default())
            .into_iter()
            .map(|t| {
                let line_before = cs[prev_end.min(t.start)..t.start].contains(&'\n');
                prev_end = t.end;
                let text: String = cs[t.start..t.end].iter().collect();
                let int = if t.kind == TokenKind::Number && text.bytes().all(|b| b.is_ascii_digit())
                {
                    text.parse().ok()
                } else {
                    None
                };
                let bares = if t.kind == TokenKind::Word {
                    bare_forms(&text)
                } else {
                    Vec::new()
                };
                Tok {
                    s: t.start,
                    e: t.end,
                    kind: t.kind,
                    text,
                    bares,
                    int,
                    line_before,
                }
            })
            .collect()
    }

    /// Tokenize a lexicon entry the way running text is tokenized.
    pub fn words(name: &str) -> Vec<String> {
        let norm = normalizer().normalize(name);
        let cs: Vec<char> = norm.chars().collect();
        tokenize_chars(&cs, Default::default())
            .into_iter()
            .map(|t| cs[t.start..t.end].iter().collect())
            .collect()
    }

    /// Original character span of normalized span `[s, e)`.
    pub fn original(&self, s: usize, e: usize) -> (usize, usize) {
        self.map.to_original_span(s, e)
    }

    /// The original text of original character span `[a, b)`.
    pub fn slice(&self, a: usize, b: usize) -> &'t str {
        &self.text[self.bytes[a]..self.bytes[b]]
    }

    /// The original text behind normalized span `[s, e)`.
    pub fn original_text(&self, s: usize, e: usize) -> String {
        let (a, b) = self.original(s, e);
        self.slice(a, b).to_string()
    }
}
