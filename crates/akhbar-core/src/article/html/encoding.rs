//! Pages given as bytes: the character encoding found as the HTML standard's
//! prescan does it — a byte-order mark, else a `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
//! 1024 bytes, else UTF-8 — and decoded by `encoding_rs` (the Encoding
//! Standard's decoders, labels included: `windows-1256`, `cp1256`,
//! `iso-8859-6`, `arabic`, …). Malformed bytes become U+FFFD.

use encoding_rs::{Encoding, UTF_8};

/// How far into the page the declaration is looked for (the standard's prescan length).
const PRESCAN: usize = 1024;

/// The `charset=` value after a position in the lower-cased head.
fn charset_after(head: &str, at: usize) -> Option<&str> {
    let rest = &head[at..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '=');
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || matches!(c, '"' | '\'' | ';' | '>' | '/'))
        .unwrap_or(rest.len());
    let label = &rest[..end];
    (!label.is_empty()).then_some(label)
}

/// The encoding a `<meta>` declares in the first bytes of the page.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    // Labels are ASCII; anything else is irrelevant to the search.
    let head: String = head
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                ' '
            }
        })
        .collect();
    let mut from = 0;
    while let Some(p) = head[from..].find("<meta") {
        let start = from + p;
        let end = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = tag.find("charset") {
            if let Some(enc) = charset_after(tag, c + "charset".len())
                .and_then(|l| Encoding::for_label(l.as_bytes()))
            {
                // The standard reads a declared UTF-16 as UTF-8 (the bytes were ASCII-compatible).
                return Some(if enc.is_single_byte() || enc == UTF_8 {
                    enc
                } else {
                    enc.output_encoding()
                });
            }
        }
        from = end;
    }
    None
}

/// The page's encoding: BOM, then `<meta>` declaration, then UTF-8.
pub fn sniff(bytes: &[u8]) -> &'static Encoding {
    Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared(bytes))
        .unwrap_or(UTF_8)
}

/// Decode a page given as bytes; returns the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let enc = sniff(bytes);
    // `decode` removes a BOM and replaces malformed sequences with U+FFFD.
    let (text, used, _) = enc.decode(bytes);
    (text.into_owned(), used.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "قال الرئيس";

    fn page(charset_tag: &str, enc: &'static Encoding) -> Vec<u8> {
        let html = format!("<html><head>{charset_tag}</head><body><p>{ARABIC}</p></body></html>");
        let (bytes, _, unmappable) = enc.encode(&html);
        assert!(!unmappable);
        bytes.into_owned()
    }

    #[test]
    fn meta_charset_windows_1256_and_iso_8859_6() {
        let win = page(
            r#"<meta charset="windows-1256">"#,
            encoding_rs::WINDOWS_1256,
        );
        // One byte a letter: not UTF-8.
        assert!(std::str::from_utf8(&win).is_err());
        let (text, name) = decode(&win);
        assert_eq!(name, "windows-1256");
        assert!(text.contains(ARABIC));
        let iso = page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">"#,
            encoding_rs::ISO_8859_6,
        );
        let (text, name) = decode(&iso);
        assert_eq!(name, "ISO-8859-6");
        assert!(text.contains(ARABIC));
        // The two legacy encodings put "ق" on different bytes: the label matters.
        assert_ne!(win, iso);
    }

    #[test]
    fn bom_wins_and_default_is_utf8() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(format!("<meta charset='windows-1256'><p>{ARABIC}</p>").as_bytes());
        let (text, name) = decode(&bytes);
        assert_eq!(name, "UTF-8");
        assert!(text.starts_with("<meta") && text.contains(ARABIC));
        let (text, name) = decode(format!("<p>{ARABIC}</p>").as_bytes());
        assert_eq!((text.as_str(), name), ("<p>قال الرئيس</p>", "UTF-8"));
        // A UTF-16 BOM.
        let mut le = vec![0xFF, 0xFE];
        le.extend(ARABIC.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).0, ARABIC);
        // Unknown labels and bad bytes: UTF-8 with replacement characters.
        let (text, _) = decode(b"<meta charset=\"x-nonsense\"><p>\xff</p>");
        assert_eq!(text, "<meta charset=\"x-nonsense\"><p>\u{fffd}</p>");
    }
}
