//! Character classes of Arabic text, by code point.
//!
//! Every normalization step and the tokenizer ask these questions, so they
//! live in one place.

/// Arabic presentation forms A and B (U+FB50–FDFF, U+FE70–FEFF), which fold
/// to base letters by compatibility decomposition.
pub fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Harakat (U+064B–0652 without shadda), the hamza/madda marks U+0653–0655,
/// and the tanween/hamza-below extensions U+0656–065F.
pub fn is_haraka(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0650}' | '\u{0652}'..='\u{065F}')
}

/// Shadda (U+0651), the one diacritic that can be kept on its own.
pub const SHADDA: char = '\u{0651}';

/// Superscript (dagger) alef U+0670.
pub const SUPERSCRIPT_ALEF: char = '\u{0670}';

/// Tatweel (kashida) U+0640.
pub const TATWEEL: char = '\u{0640}';

/// Quranic annotation marks: U+0610–061A and the combining marks of
/// U+06D6–06ED. U+06DD (end of ayah), U+06DE (rub el hizb), U+06E5/06E6
/// (small waw/yeh, letters) and U+06E9 (sajdah sign) are not combining marks
/// and are kept.
pub fn is_quranic_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
    )
}

/// Any Arabic diacritic removed by the `diacritics` option (shadda included).
pub fn is_diacritic(c: char) -> bool {
    is_haraka(c) || c == SHADDA || c == SUPERSCRIPT_ALEF || is_quranic_mark(c)
}

/// Bidirectional controls: LRM/RLM, ALM, the embeddings/overrides
/// U+202A–202E and the isolates U+2066–2069.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) and the soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Line breaks: LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{000B}' | '\u{000C}' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

/// Horizontal white space (Unicode `White_Space` minus line breaks): space,
/// tab, NBSP, the U+2000–200A spaces, narrow NBSP, math space, ideographic space.
pub fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace() && !is_line_break(c)
}

/// Digit value of an ASCII, Arabic-Indic (U+0660–0669) or Extended
/// Arabic-Indic (U+06F0–06F9) digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Arabic-script letters (not marks, digits or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(
        c,
        '\u{0620}'..='\u{063F}'
            | '\u{0641}'..='\u{064A}'
            | '\u{066E}'..='\u{066F}'
            | '\u{0671}'..='\u{06D3}'
            | '\u{06D5}'
            | '\u{06E5}'..='\u{06E6}'
            | '\u{06EE}'..='\u{06EF}'
            | '\u{06FA}'..='\u{06FC}'
            | '\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08C9}'
    ) || (is_presentation_form(c) && c.is_alphabetic())
}

/// Characters that may continue an Arabic word once it has started: letters,
/// diacritics, tatweel, ZWNJ/ZWJ.
pub fn continues_arabic_word(c: char) -> bool {
    is_arabic_letter(c)
        || is_diacritic(c)
        || c == TATWEEL
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{08CA}'..='\u{08FF}')
}

/// Punctuation: ASCII punctuation that Unicode files under `P*`, and the
/// Arabic and typographic punctuation found in news text.
pub fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '!' | '"'
            | '#'
            | '%'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | ','
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '?'
            | '@'
            | '['
            | '\\'
            | ']'
            | '_'
            | '{'
            | '}'
            | '\u{00A1}'
            | '\u{00A7}'
            | '\u{00AB}'
            | '\u{00B6}'
            | '\u{00B7}'
            | '\u{00BB}'
            | '\u{00BF}'
            | '\u{060C}'
            | '\u{060D}'
            | '\u{061B}'
            | '\u{061E}'
            | '\u{061F}'
            | '\u{066A}'..='\u{066D}'
            | '\u{06D4}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3003}'
            | '\u{FD3E}'
            | '\u{FD3F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_three_scripts() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('۹'), Some(9));
        assert_eq!(digit_value('a'), None);
    }

    #[test]
    fn diacritics_and_letters_are_disjoint() {
        for cp in 0x0600u32..0x0700 {
            let c = char::from_u32(cp).unwrap();
            assert!(!(is_diacritic(c) && is_arabic_letter(c)), "{cp:X}");
        }
        assert!(is_diacritic('\u{064E}'));
        assert!(is_diacritic(SHADDA));
        assert!(!is_diacritic(TATWEEL));
        assert!(is_arabic_letter('ب'));
    }

    #[test]
    fn spaces_and_breaks() {
        assert!(is_horizontal_space('\u{00A0}'));
        assert!(is_horizontal_space('\t'));
        assert!(!is_horizontal_space('\n'));
        assert!(is_line_break('\u{2029}'));
    }
}
