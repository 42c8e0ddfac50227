//! Web-page code scraped into the text: a run of CSS rules and script
//! ("#vote_area2 ul { padding: 0; } … jQuery(document).ready(function(){ … });")
//! that a poll or ad widget left inside a paragraph.

/// Share of letters inside a brace block that may be Arabic for it to count as
/// code (a script's message string such as 'انتظر لحظات…' is allowed; a Qur'anic
/// quotation in braces, all Arabic, is not code).
const MAX_ARABIC_SHARE: f64 = 0.3;
/// Statement ends (`;`) a run needs, so a lone "{x}" in a sentence stays text.
const MIN_SEMICOLONS: usize = 3;

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// The byte offset just past the `}` matching the `{` at `open`, if any.
fn matching_brace(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// A brace block's text reads as code: rules or statements (`:` or `;`) in
/// Latin script, with little Arabic.
fn is_code_block(inner: &str) -> bool {
    let (mut latin, mut arabic) = (0usize, 0usize);
    for c in inner.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_arabic_letter(c) {
            arabic += 1;
        }
    }
    let letters = latin + arabic;
    (inner.contains(':') || inner.contains(';') || inner.trim().is_empty())
        && latin > 0
        && (arabic as f64) <= MAX_ARABIC_SHARE * letters as f64
}

/// Where the code before a block's `{` begins: back over ASCII (the selector
/// or the call that opens it) up to a sentence's end, then forward past
/// whitespace and punctuation that does not start a selector ("؟. #vote_area2
/// ul {" starts at '#'; "عام 2015. #poll ul {" too, not at 2015).
fn head_start(s: &str, open: usize) -> usize {
    let mut start = open;
    let mut after_space = false;
    for (i, c) in s[..open].char_indices().rev() {
        if !c.is_ascii() || (after_space && matches!(c, '.' | '!' | '?')) {
            break;
        }
        after_space = c.is_whitespace();
        start = i;
    }
    let bytes = s.as_bytes();
    while start < open {
        let c = bytes[start];
        let next_is_word = bytes
            .get(start + 1)
            .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'_');
        let starts_code =
            c.is_ascii_alphanumeric() || (matches!(c, b'#' | b'.' | b'[') && next_is_word);
        if starts_code {
            break;
        }
        start += 1;
    }
    start
}

/// The first run of web-page code in `s`, as a byte range: consecutive code
/// brace blocks joined by text without Arabic letters, from the selector or
/// call before the first to the `)` / `;` after the last. None when there is
/// no such run with at least [`MIN_SEMICOLONS`] statement ends.
pub fn find_code_run(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(rel) = s[from..].find('{') {
        let open = from + rel;
        let Some(close) = matching_brace(s, open) else {
            from = open + 1;
            continue;
        };
        if !is_code_block(&s[open + 1..close - 1]) {
            from = close;
            continue;
        }
        let start = head_start(s, open);
        let mut end = close;
        // Later blocks join the run while no Arabic letter lies between.
        let mut at = end;
        while let Some(rel) = s[at..].find('{') {
            let next = at + rel;
            if s[end..next].chars().any(is_arabic_letter) {
                break;
            }
            let Some(close) = matching_brace(s, next) else {
                break;
            };
            if !is_code_block(&s[next + 1..close - 1]) {
                break;
            }
            end = close;
            at = close;
        }
        end += s[end..]
            .find(|c: char| !(c.is_ascii_punctuation() || c.is_whitespace()) || c == '{')
            .unwrap_or(s.len() - end);
        let end = start + s[start..end].trim_end().len();
        if s[start..end].matches(';').count() >= MIN_SEMICOLONS {
            return Some((start, end));
        }
        from = end.max(open + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str) -> Option<&str> {
        find_code_run(s).map(|(a, z)| &s[a..z])
    }

    #[test]
    fn a_poll_widgets_style_and_script_inside_a_paragraph() {
        let code = "#vote_area2 ul { padding: 0; margin: 0; } .box_vote { padding:18px; overflow: hidden; } \
                    jQuery.noConflict(); jQuery(document).ready(function(){ jQuery('#vote_area2').html('انتظر لحظات…'); \
                    url = jQuery(this).attr('action'); return false; });";
        let s = format!("ما النوع الذي تفضله؟. {code} كيف تتناول إفطارك في رمضان؟");
        assert_eq!(cut(&s), Some(code));
    }

    #[test]
    fn text_with_braces_stays() {
        // A Qur'anic quotation, a placeholder, a short formula.
        assert_eq!(cut("قال الله تعالى: {وَلَقَدْ صَرَّفْنَا لِلنَّاسِ} صدق الله"), None);
        assert_eq!(cut("اكتب {name} في الخانة"), None);
        assert_eq!(cut("الدالة f(x) = {x: x > 0; x < 5} معرفة"), None);
        assert_eq!(cut("قوس مفتوح { بلا إغلاق; ; ;"), None);
        assert_eq!(cut(""), None);
    }

    #[test]
    fn a_sentence_ending_in_digits_stays_before_the_run() {
        let code = "#poll ul { padding: 0; margin: 0; } .box { color: red; }";
        let s = format!("أجري الاستطلاع عام 2015. {code}");
        assert_eq!(cut(&s), Some(code));
    }

    #[test]
    fn a_run_at_the_very_start_or_end() {
        let s = "p { margin: 0; padding: 0; color: red; }";
        assert_eq!(cut(s), Some(s));
        let s = format!("نص الخبر. {s}");
        assert_eq!(cut(&s), Some("p { margin: 0; padding: 0; color: red; }"));
    }
}
