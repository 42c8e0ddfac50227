//! Reading CoNLL-style files: one `token TAG` per line (the tag is the last
//! whitespace-separated field), a blank line between sentences.

use std::path::Path;

use super::labels::parse_tag;
use crate::error::{Error, Result};

/// A sentence: tokens and their tag names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// Read a CoNLL file. Errors name the file and the 1-based line.
pub fn read_conll(path: &Path) -> Result<Vec<Sentence>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: name.clone(),
        reason: e.to_string(),
    })?;
    parse_conll(&bytes, &name)
}

/// Parse CoNLL text held in memory; `name` is used in error messages.
pub fn parse_conll(bytes: &[u8], name: &str) -> Result<Vec<Sentence>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let err = |reason: String| Error::Conll {
            path: name.to_string(),
            line: i + 1,
            reason,
        };
        let line = std::str::from_utf8(raw).map_err(|e| err(format!("not UTF-8 ({e})")))?;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 2 {
            return Err(err(format!(
                "expected 'token TAG', got {line:?} (one field)"
            )));
        }
        let tag = fields[fields.len() - 1];
        if tag != "O" && parse_tag(tag).is_none() {
            return Err(err(format!(
                "bad tag {tag:?}: expected O, B-<TYPE> or I-<TYPE>"
            )));
        }
        cur.tokens.push(fields[0].to_string());
        cur.tags.push(tag.to_string());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_reports_bad_lines() {
        let s = parse_conll(
            "\u{feff}قال O\r\nأوباما B-PERS\n\n\nفي O\n".as_bytes(),
            "x.txt",
        )
        .unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["قال", "أوباما"]);
        assert_eq!(s[0].tags, ["O", "B-PERS"]);
        let e = parse_conll(b"a O\nb\n", "x.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.txt:2: expected 'token TAG', got \"b\" (one field)"
        );
        let e = parse_conll(b"a O\n\nb B_PER\n", "x.txt").unwrap_err();
        assert!(e.to_string().starts_with("x.txt:3: bad tag \"B_PER\""));
        let e = parse_conll(b"a O\n\xff O\n", "x.txt").unwrap_err();
        assert!(e.to_string().starts_with("x.txt:2: not UTF-8"));
    }
}
