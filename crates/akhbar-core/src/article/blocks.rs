//! Splitting raw text into blocks (lines, and paragraphs run together with
//! NBSP separators), and mapping byte offsets to character offsets.

use crate::text::chars::is_line_break;

/// A byte range of the input, trimmed of surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
}

/// Characters that end a sentence (before a paragraph break run together with NBSP).
pub fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '…' | '"' | '”' | '»' | ')' | '\u{200B}' | '\u{06D4}'
    )
}

/// The trimmed range of `text[start..end]`, or None when it is all white space.
pub fn trim(text: &str, start: usize, end: usize) -> Option<Block> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(Block {
            start: start + lead,
            end: start + lead + t.len(),
        })
    }
}

/// Lines, each split again where paragraphs were run together: a white-space
/// run holding an NBSP and a plain space after the end of a sentence
/// ("… الاجتماع. \u{a0} وتم …", the layout of scraped sabq.org items).
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if is_line_break(c) {
            split_runs(text, line_start, i, &mut out);
            line_start = i + c.len_utf8();
        }
    }
    out
}

fn split_runs(text: &str, start: usize, end: usize, out: &mut Vec<Block>) {
    let line = &text[start..end];
    let mut seg_start = start;
    let mut iter = line.char_indices().peekable();
    let mut prev_non_space: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            let run_start = i;
            let mut run_end = i + c.len_utf8();
            let (mut nbsp, mut space) = (c == '\u{a0}', c != '\u{a0}');
            while let Some(&(j, d)) = iter.peek() {
                if !d.is_whitespace() {
                    break;
                }
                nbsp |= d == '\u{a0}';
                space |= d != '\u{a0}';
                run_end = j + d.len_utf8();
                iter.next();
            }
            if nbsp && space && prev_non_space.is_some_and(is_sentence_end) {
                if let Some(b) = trim(text, seg_start, start + run_start) {
                    out.push(b);
                }
                seg_start = start + run_end;
            }
        } else {
            prev_non_space = Some(c);
        }
    }
    if let Some(b) = trim(text, seg_start, end) {
        out.push(b);
    }
}

/// Byte → character offset conversion for one text.
pub struct CharIndex {
    /// Byte offset of every character, plus the text length.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// The character offset of a byte offset on a character boundary.
    pub fn char_at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }

    /// The byte offset of character offset `c` (the text length past the end).
    pub fn byte_at(&self, c: usize) -> usize {
        self.starts[c.min(self.starts.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(t: &'a str, bs: &[Block]) -> Vec<&'a str> {
        bs.iter().map(|b| &t[b.start..b.end]).collect()
    }

    #[test]
    fn lines_and_nbsp_paragraphs() {
        let t = " سبق- ينبع: اجتمع الرئيس. \u{a0} وتطرّق الاجتماع.\u{a0} \n\n  // انتهى //\n";
        assert_eq!(
            texts(t, &blocks(t)),
            ["سبق- ينبع: اجتمع الرئيس.", "وتطرّق الاجتماع.", "// انتهى //"]
        );
        // An NBSP inside a sentence is no paragraph break.
        let t = "والدها\u{a0} ليس بجوارها";
        assert_eq!(blocks(t).len(), 1);
    }

    #[test]
    fn char_offsets() {
        let t = "دمشق - سانا";
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_at(0), 0);
        assert_eq!(ix.char_at(t.find('-').unwrap()), 5);
        assert_eq!(ix.char_at(t.len()), 11);
        assert_eq!(ix.byte_at(5), t.find('-').unwrap());
        assert_eq!(ix.byte_at(11), t.len());
        assert_eq!(ix.byte_at(99), t.len());
    }
}
