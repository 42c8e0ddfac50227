//! Word tokenization with character offsets into the original text.

use super::chars::{
    continues_arabic_word, digit_value, is_arabic_letter, is_bidi_control, is_invisible,
    is_punctuation,
};
use super::clitics::{segment_word, Clitic};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// An Arabic-script word (or a word of another non-Latin script).
    Word,
    /// Digits of any script, with inner decimal/thousands separators.
    Number,
    /// A punctuation mark (a run of the same mark, like "...", is one token).
    Punctuation,
    /// A Latin-script word.
    Latin,
    /// Any other visible character.
    Symbol,
    Url,
    Email,
    Hashtag,
    Mention,
}

impl TokenKind {
    /// Every kind.
    pub const ALL: [TokenKind; 9] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punctuation,
        TokenKind::Latin,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
    ];

    /// The kind named `name` (as [`TokenKind::as_str`] gives it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The lower-case name used in Python.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Latin => "latin",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
        }
    }
}

/// A token: a half-open range of characters of the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Set when clitic segmentation split this piece off a word.
    pub clitic: Option<Clitic>,
}

/// Tokenizer settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenizeOptions {
    /// Split proclitics and pronoun suffixes off Arabic words where the stem
    /// left is a known word.
    pub clitics: bool,
}

/// Tokenize `text`; offsets are character (code point) offsets.
pub fn tokenize(text: &str, options: TokenizeOptions) -> Vec<Token> {
    let cs: Vec<char> = text.chars().collect();
    tokenize_chars(&cs, options)
}

/// Tokenize an already decoded character slice.
pub fn tokenize_chars(cs: &[char], options: TokenizeOptions) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(cs.len() / 5 + 1);
    let n = cs.len();
    let mut i = 0;
    while i < n {
        let c = cs[i];
        if c.is_whitespace() || is_bidi_control(c) || is_invisible(c) || c.is_control() {
            i += 1;
            continue;
        }
        let (end, kind) = if let Some(j) = scan_url(cs, i) {
            (j, TokenKind::Url)
        } else if let Some(j) = scan_email(cs, i) {
            (j, TokenKind::Email)
        } else if c == '#'
            && i + 1 < n
            && is_tag_char(cs[i + 1])
            && !(i > 0 && cs[i - 1].is_ascii_alphanumeric())
        {
            // "و#هاشتاغ" is a conjunction and a hashtag; "C#" is not a hashtag.
            (scan_while(cs, i + 1, is_tag_char), TokenKind::Hashtag)
        } else if c == '@' && i + 1 < n && is_handle_char(cs[i + 1]) && !preceded_by_word(cs, i) {
            (scan_while(cs, i + 1, is_handle_char), TokenKind::Mention)
        } else if digit_value(c).is_some() {
            (scan_number(cs, i), TokenKind::Number)
        } else if is_arabic_letter(c) {
            (
                scan_while(cs, i + 1, continues_arabic_word),
                TokenKind::Word,
            )
        } else if c.is_alphabetic() {
            let j = scan_while(cs, i + 1, |x| {
                x.is_alphanumeric() && !is_arabic_letter(x) && digit_value(x).is_none()
                    || is_combining(x)
            });
            let j = scan_inner_joiners(cs, j);
            let kind = if is_latin(c) {
                TokenKind::Latin
            } else {
                TokenKind::Word
            };
            (j, kind)
        } else if is_punctuation(c) {
            (scan_while(cs, i + 1, |x| x == c), TokenKind::Punctuation)
        } else {
            (i + 1, TokenKind::Symbol)
        };
        if kind == TokenKind::Word && options.clitics {
            for (s, e, clitic) in segment_word(&cs[i..end]) {
                tokens.push(Token {
                    start: i + s,
                    end: i + e,
                    kind,
                    clitic,
                });
            }
        } else {
            tokens.push(Token {
                start: i,
                end,
                kind,
                clitic: None,
            });
        }
        i = end;
    }
    tokens
}

fn scan_while(cs: &[char], mut i: usize, f: impl Fn(char) -> bool) -> usize {
    while i < cs.len() && f(cs[i]) {
        i += 1;
    }
    i
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        || matches!(c, '\u{FB00}'..='\u{FB06}')
}

/// Latin words keep inner apostrophes and hyphens: "don't", "Al-Assad".
fn scan_inner_joiners(cs: &[char], mut j: usize) -> usize {
    while j + 1 < cs.len()
        && matches!(cs[j], '\'' | '’' | '-')
        && cs[j + 1].is_alphabetic()
        && is_latin(cs[j + 1])
    {
        j = scan_while(cs, j + 1, |x| {
            x.is_alphanumeric() && is_latin(x) || x.is_ascii_digit()
        });
    }
    j
}

fn scan_number(cs: &[char], i: usize) -> usize {
    let mut j = scan_while(cs, i, |x| digit_value(x).is_some());
    while j + 1 < cs.len()
        && matches!(cs[j], '.' | ',' | '٫' | '٬')
        && digit_value(cs[j + 1]).is_some()
    {
        j = scan_while(cs, j + 1, |x| digit_value(x).is_some());
    }
    j
}

fn is_tag_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || continues_arabic_word(c) || digit_value(c).is_some()
}

fn is_handle_char(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric()
}

fn preceded_by_word(cs: &[char], i: usize) -> bool {
    i > 0 && (cs[i - 1].is_alphanumeric() || continues_arabic_word(cs[i - 1]))
}

fn starts_with_ci(cs: &[char], i: usize, prefix: &str) -> bool {
    let n = prefix.chars().count();
    i + n <= cs.len()
        && cs[i..i + n]
            .iter()
            .zip(prefix.chars())
            .all(|(c, p)| c.to_ascii_lowercase() == p)
}

/// `http://…`, `https://…` or `www.…` up to white space, without trailing punctuation.
fn scan_url(cs: &[char], i: usize) -> Option<usize> {
    let head = ["https://", "http://", "www."]
        .iter()
        .find(|p| starts_with_ci(cs, i, p))?;
    if preceded_by_word(cs, i) {
        return None;
    }
    let body = i + head.chars().count();
    let mut j = scan_while(cs, body, |x| {
        !x.is_whitespace() && !matches!(x, '"' | '<' | '>' | '«' | '»' | '\u{200F}' | '\u{200E}')
    });
    while j > body
        && matches!(
            cs[j - 1],
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '،' | '؛' | '؟'
        )
    {
        j -= 1;
    }
    (j > body).then_some(j)
}

/// `local@domain.tld` in ASCII.
fn scan_email(cs: &[char], i: usize) -> Option<usize> {
    let local = |x: char| x.is_ascii_alphanumeric() || matches!(x, '.' | '_' | '%' | '+' | '-');
    if !cs[i].is_ascii_alphanumeric() || preceded_by_word(cs, i) {
        return None;
    }
    let at = scan_while(cs, i, local);
    if at >= cs.len() || cs[at] != '@' {
        return None;
    }
    let label = |x: char| x.is_ascii_alphanumeric() || x == '-';
    let mut j = scan_while(cs, at + 1, label);
    if j == at + 1 {
        return None;
    }
    let mut dots = 0;
    while j + 1 < cs.len() && cs[j] == '.' && cs[j + 1].is_ascii_alphanumeric() {
        j = scan_while(cs, j + 1, label);
        dots += 1;
    }
    (dots > 0).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<(String, &'static str)> {
        let cs: Vec<char> = t.chars().collect();
        tokenize(t, TokenizeOptions::default())
            .into_iter()
            .map(|k| (cs[k.start..k.end].iter().collect(), k.kind.as_str()))
            .collect()
    }

    #[test]
    fn arabic_sentence_with_numbers_and_punctuation() {
        let got = toks("عقدت «قسد» اجتماعاً في ٣ ديسمبر ٢٠١٧، وقُتل 12.5% ...");
        let want = [
            ("عقدت", "word"),
            ("«", "punctuation"),
            ("قسد", "word"),
            ("»", "punctuation"),
            ("اجتماعاً", "word"),
            ("في", "word"),
            ("٣", "number"),
            ("ديسمبر", "word"),
            ("٢٠١٧", "number"),
            ("،", "punctuation"),
            ("وقُتل", "word"),
            ("12.5", "number"),
            ("%", "punctuation"),
            ("...", "punctuation"),
        ];
        let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn web_things() {
        let got = toks(
            "تابعونا @SPAregions #عاجل_الآن على https://www.spa.gov.sa/x?id=1. أو info@spa.gov.sa",
        );
        let kinds: Vec<&str> = got.iter().map(|t| t.1).collect();
        assert_eq!(
            kinds,
            [
                "word",
                "mention",
                "hashtag",
                "word",
                "url",
                "punctuation",
                "word",
                "email"
            ]
        );
        assert_eq!(got[4].0, "https://www.spa.gov.sa/x?id=1");
        assert_eq!(got[2].0, "#عاجل_الآن");
    }

    #[test]
    fn latin_and_mixed() {
        let got = toks("قالت CNN إن Al-Assad's");
        assert_eq!(got[1], ("CNN".to_string(), "latin"));
        assert_eq!(got[3], ("Al-Assad's".to_string(), "latin"));
    }

    #[test]
    fn tatweel_and_marks_stay_in_the_word() {
        let got = toks("الـعـربـيـة مُحَمَّدٌ");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "الـعـربـيـة");
        assert_eq!(got[1].0, "مُحَمَّدٌ");
    }
}
