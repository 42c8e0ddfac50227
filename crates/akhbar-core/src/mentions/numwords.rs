//! Arabic cardinal numbers written in words or digits and words
//! ("ثلاثة آلاف", "خمسة وعشرون", "ألفين", "مليون ونصف", "3 ملايين", "1.5 مليار").
//!
//! Word forms are matched after `search` normalization (ة → ه, أ/إ/آ → ا,
//! ى → ي), so "مائة"، "مئة"، "ثلاثمئة" and "ثلاثمائة" are all covered.

use super::scan::Tok;

/// A number read at some token: value, token after it, letters of
/// proclitic skipped in the first token, and whether it is vague (عشرات).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberRead {
    pub value: Option<f64>,
    pub next: usize,
    pub skip: usize,
    /// Written in words only (no digits).
    pub words: bool,
}

/// Units 1..=10 in their masculine and feminine forms (and 11/12 heads).
fn unit(w: &str) -> Option<f64> {
    Some(match w {
        "واحد" | "واحده" | "احد" | "احدي" => 1.0,
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" | "اثنا" | "اثني" | "اثنتا" | "اثنتي" => {
            2.0
        }
        "ثلاث" | "ثلاثه" => 3.0,
        "اربع" | "اربعه" => 4.0,
        "خمس" | "خمسه" => 5.0,
        "ست" | "سته" => 6.0,
        "سبع" | "سبعه" => 7.0,
        "ثماني" | "ثمانيه" | "ثمان" => 8.0,
        "تسع" | "تسعه" => 9.0,
        "عشر" | "عشره" => 10.0,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<f64> {
    Some(match w {
        "عشرون" | "عشرين" => 20.0,
        "ثلاثون" | "ثلاثين" => 30.0,
        "اربعون" | "اربعين" => 40.0,
        "خمسون" | "خمسين" => 50.0,
        "ستون" | "ستين" => 60.0,
        "سبعون" | "سبعين" => 70.0,
        "ثمانون" | "ثمانين" => 80.0,
        "تسعون" | "تسعين" => 90.0,
        _ => return None,
    })
}

fn hundreds(w: &str) -> Option<f64> {
    // After normalization مئة → ميه and مائة → مايه (ئ → ي).
    let w = w.replace("مايه", "ميه").replace("مايت", "ميت");
    Some(match w.as_str() {
        "ميه" => 100.0,
        "ميتان" | "ميتين" | "ميتا" | "ميتي" => 200.0,
        _ => {
            let head = w.strip_suffix("ميه")?;
            let n = unit(head)?;
            if !(3.0..=9.0).contains(&n) {
                return None;
            }
            n * 100.0
        }
    })
}

/// Scale words: (multiplier, dual form gives 2×, plural form needs a count).
fn scale(w: &str) -> Option<(f64, Form)> {
    Some(match w {
        "الف" | "الفا" => (1e3, Form::One),
        "الفان" | "الفين" | "الفي" => (1e3, Form::Dual),
        "الاف" | "الافا" => (1e3, Form::Plural),
        "مليون" | "مليونا" => (1e6, Form::One),
        "مليونان" | "مليونين" | "مليوني" => (1e6, Form::Dual),
        "ملايين" => (1e6, Form::Plural),
        "مليار" | "مليارا" | "بليون" => (1e9, Form::One),
        "ملياران" | "مليارين" | "ملياري" => (1e9, Form::Dual),
        "مليارات" | "بلايين" => (1e9, Form::Plural),
        "تريليون" => (1e12, Form::One),
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    One,
    Dual,
    Plural,
}

/// Vague counts: "عشرات" (tens of), "مئات", "بضعة".
fn vague(w: &str) -> bool {
    matches!(
        w,
        "عشرات" | "ميات" | "مايات" | "بضعه" | "بضع" | "الاف" | "ملايين" | "مليارات"
    ) || definite_vague(w)
}

/// "العشرات", "المئات", "الآلاف": a vague count standing alone.
pub(crate) fn definite_vague(w: &str) -> bool {
    w.strip_prefix("ال")
        .is_some_and(|x| matches!(x, "عشرات" | "ميات" | "مايات" | "الاف" | "ملايين" | "مليارات"))
}

/// Fractions as words.
pub(crate) fn fraction(w: &str) -> Option<f64> {
    Some(match w {
        "نصف" => 0.5,
        "ربع" => 0.25,
        "ثلث" => 1.0 / 3.0,
        "ثلثي" | "ثلثا" => 2.0 / 3.0,
        "ثلاثه ارباع" => 0.75,
        _ => return None,
    })
}

/// The value of a digit token: "1,000" (thousands), "3.5", "2,5" (decimal comma).
pub(crate) fn digits_value(t: &Tok) -> Option<f64> {
    if t.kind != crate::text::TokenKind::Number {
        return None;
    }
    if let Some(i) = t.int {
        return Some(i as f64);
    }
    let s = t.text.as_str();
    let groups: Vec<&str> = s.split(',').collect();
    let thousands = groups.len() > 1
        && groups[1..]
            .iter()
            .all(|g| g.split('.').next().is_some_and(|x| x.len() == 3));
    let cleaned = if thousands {
        s.replace(',', "")
    } else if groups.len() == 2 && !s.contains('.') {
        s.replace(',', ".")
    } else {
        s.to_string()
    };
    if cleaned.matches('.').count() > 1 {
        // "33.939.500": dots between groups of three are thousands separators.
        let groups: Vec<&str> = cleaned.split('.').collect();
        if groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3 {
            return cleaned.replace('.', "").parse().ok();
        }
        return None;
    }
    cleaned.parse().ok()
}

/// Read a cardinal number at token `i`: digits with an optional scale word,
/// or number words joined by و. Returns `None` when token `i` starts no number.
pub(crate) fn read(toks: &[Tok], i: usize) -> Option<NumberRead> {
    let t = toks.get(i)?;
    let on_line = |k: usize| toks.get(k).filter(|x| !x.line_before);
    if let Some(v) = digits_value(t) {
        let mut next = i + 1;
        let mut value = v;
        // Wire copy writes decimals with ر and the fraction first: "20ر6401" = 6401.20.
        if let (Some(r), Some(whole)) = (toks.get(i + 1), toks.get(i + 2)) {
            let spaced = !r.line_before && !whole.line_before;
            if r.text == "ر" && (r.s == t.e && whole.s == r.e || spaced) && t.int.is_some() {
                if let Some(w) = whole.int {
                    // Parsed as text, so 4.56 stays 4.56 (no float rounding).
                    value = format!("{w}.{}", t.text).parse().unwrap_or(value);
                    next = i + 3;
                }
            }
        }
        if let Some(n) = on_line(next) {
            if let Some((mult, form)) = scale(&n.text) {
                if form != Form::Dual {
                    value *= mult;
                    next += 1;
                    value += half(toks, next, mult)
                        .map(|(h, k)| {
                            next = k;
                            h
                        })
                        .unwrap_or(0.0);
                }
            }
        }
        return Some(NumberRead {
            value: Some(value),
            next,
            skip: 0,
            words: false,
        });
    }
    if t.kind != crate::text::TokenKind::Word {
        return None;
    }
    // The first word may carry a proclitic (وثلاثة، بخمسة).
    // (كميات is not ك + ميات: the simile particle never starts a number.)
    let forms = std::iter::once((0usize, t.text.as_str())).chain(
        t.bares
            .iter()
            .filter(|(n, _)| !t.text.chars().take(*n).any(|c| c == 'ك'))
            .map(|(n, b)| (*n, b.as_str())),
    );
    // A definite cardinal agreeing with a definite noun: "السفن الثلاث",
    // "الساعات الأربع والعشرين", "الخلفاء الأربعة".
    let definite = t.text.strip_prefix("ال").filter(|rest| {
        // Units only: a definite tens word is as often an ordinal ("الدقيقة الثلاثين").
        unit(rest).is_some_and(|u| u >= 3.0)
            && i > 0
            && toks[i - 1].text.starts_with("ال")
            && toks[i - 1].kind == crate::text::TokenKind::Word
            && !t.line_before
    });
    if let Some(rest) = definite {
        let mut value = unit(rest)?;
        let mut next = i + 1;
        if let Some(n) = toks.get(next).filter(|x| !x.line_before) {
            if let Some(t2) = n.text.strip_prefix("وال").and_then(tens) {
                if value < 10.0 {
                    value += t2;
                    next += 1;
                }
            }
        }
        return Some(NumberRead {
            value: Some(value),
            next,
            skip: 0,
            words: true,
        });
    }
    for (skip, w) in forms {
        if vague(w) {
            return Some(NumberRead {
                value: None,
                next: i + 1,
                skip,
                words: true,
            });
        }
        // أحد/واحد alone is "one of", "a single": not read as a count.
        if matches!(w, "واحد" | "واحده") {
            return None;
        }
        // "عشر" after an ordinal ("الخامس عشر") is part of the ordinal.
        let ordinal_before = i > 0
            && matches!(
                toks[i - 1].text.as_str(),
                "الحادي"
                    | "الثاني"
                    | "الثالث"
                    | "الرابع"
                    | "الخامس"
                    | "السادس"
                    | "السابع"
                    | "الثامن"
                    | "التاسع"
                    | "الحاديه"
                    | "الثانيه"
                    | "الثالثه"
                    | "الرابعه"
                    | "الخامسه"
                    | "السادسه"
                    | "السابعه"
                    | "الثامنه"
                    | "التاسعه"
            );
        if matches!(w, "عشر" | "عشره") && ordinal_before {
            return None;
        }
        if let Some((v, next)) = words_from(toks, i, w) {
            return Some(NumberRead {
                value: Some(v),
                next,
                skip,
                words: true,
            });
        }
    }
    None
}

/// "ونصف" after a scale word: half of it.
fn half(toks: &[Tok], k: usize, mult: f64) -> Option<(f64, usize)> {
    let t = toks.get(k).filter(|x| !x.line_before)?;
    (t.text == "ونصف").then_some((mult / 2.0, k + 1))
}

/// Number words from token `i`, whose (proclitic-stripped) text is `first`.
fn words_from(toks: &[Tok], i: usize, first: &str) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut k = i;
    let mut any = false;
    let mut w = first.to_string();
    loop {
        let mut consumed = true;
        if let Some(u) = unit(&w) {
            // "ثلاثة عشر", "احد عشر": a unit followed by عشر/عشره is a teen.
            let teen = toks
                .get(k + 1)
                .filter(|x| !x.line_before)
                .is_some_and(|x| x.text == "عشر" || x.text == "عشره");
            if teen && u < 10.0 {
                current += u + 10.0;
                k += 1;
            } else if matches!(
                w.as_str(),
                "احد" | "احدي" | "اثنا" | "اثني" | "اثنتا" | "اثنتي"
            ) {
                // أحد alone is "one of"/"someone"; اثني alone is also the verb
                // أثنى (praised): both are numbers only before عشر.
                if !any {
                    return None;
                }
                consumed = false;
            } else {
                current += u;
            }
        } else if let Some(t) = tens(&w) {
            current += t;
        } else if let Some(h) = hundreds(&w) {
            // "ثلاث مئة" is 3 × 100; "مئة وخمسون" is 100 + 50.
            if h == 100.0 && (3.0..=9.0).contains(&current) {
                current *= 100.0;
            } else {
                current += h;
            }
        } else if let Some((mult, form)) = scale(&w) {
            match form {
                Form::One => current = if current == 0.0 { 1.0 } else { current } * mult,
                Form::Dual if current == 0.0 => current = 2.0 * mult,
                Form::Plural if current >= 3.0 => current *= mult,
                _ => consumed = false,
            }
            if consumed {
                total += current;
                current = 0.0;
                if let Some((h, nk)) = half(toks, k + 1, mult) {
                    total += h;
                    k = nk - 1;
                }
            }
        } else {
            consumed = false;
        }
        if !consumed {
            break;
        }
        any = true;
        k += 1;
        // Continue with "و" + number word, or directly with a scale word / hundreds.
        let Some(n) = toks.get(k).filter(|x| !x.line_before) else {
            break;
        };
        if scale(&n.text).is_some() || hundreds(&n.text).is_some() {
            w = n.text.clone();
        } else if let Some(rest) = n.text.strip_prefix('و') {
            // "خمسة وعشرون" (unit + tens) and "مئة وخمسون" (larger + smaller) are one
            // number; "خمس وسبع وعشر سنوات" is a list.
            let fits = if tens(rest).is_some() {
                current % 100.0 < 10.0 && (current > 0.0 || total > 0.0)
            } else if unit(rest).is_some() {
                current == 0.0 && total > 0.0 || current >= 100.0 && current % 100.0 == 0.0
            } else if hundreds(rest).is_some() {
                current == 0.0 && total >= 1000.0
            } else {
                false
            };
            if fits {
                w = rest.to_string();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    any.then_some((total + current, k))
}

/// The multiplier of a scale word ("مليار" → 1e9), any form.
pub(crate) fn scale_of(w: &str) -> Option<f64> {
    scale(w).map(|(m, form)| if form == Form::Dual { 2.0 * m } else { m })
}

#[cfg(test)]
mod tests {
    use super::super::scan::Scan;
    use super::*;

    fn val(text: &str) -> Option<(Option<f64>, usize)> {
        let s = Scan::new(text);
        read(&s.toks, 0).map(|r| (r.value, r.next))
    }

    #[test]
    fn cardinals_in_words() {
        assert_eq!(val("ثلاثة آلاف شخص"), Some((Some(3000.0), 2)));
        assert_eq!(val("ألفين"), Some((Some(2000.0), 1)));
        assert_eq!(val("مليون ونصف"), Some((Some(1_500_000.0), 2)));
        assert_eq!(val("خمسة وعشرون"), Some((Some(25.0), 2)));
        assert_eq!(val("ثلاثة عشر قتيلا"), Some((Some(13.0), 2)));
        assert_eq!(val("ثلاثمائة"), Some((Some(300.0), 1)));
        assert_eq!(val("ثلاث مئة"), Some((Some(300.0), 2)));
        assert_eq!(val("مئتي"), Some((Some(200.0), 1)));
        assert_eq!(val("مئة وخمسون ألفاً"), Some((Some(150_000.0), 3)));
        assert_eq!(val("عشرات الجرحى"), Some((None, 1)));
        assert_eq!(val("بضعة أيام"), Some((None, 1)));
        assert_eq!(val("خمس وسبع وعشر سنوات"), Some((Some(5.0), 1)));
        assert_eq!(val("ألف ومئتان وخمسون"), Some((Some(1250.0), 3)));
        assert_eq!(val("كميات"), None);
        assert_eq!(val("أحد المواطنين"), None);
        assert_eq!(val("الوزارة"), None);
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(val("3 ملايين"), Some((Some(3e6), 2)));
        assert_eq!(val("1.5 مليار"), Some((Some(1.5e9), 2)));
        assert_eq!(val("٣٠٠ ألف"), Some((Some(300_000.0), 2)));
        assert_eq!(val("1,250"), Some((Some(1250.0), 1)));
        assert_eq!(val("٢٫٥"), Some((Some(2.5), 1)));
        assert_eq!(val("2 مليون ونصف"), Some((Some(2_500_000.0), 3)));
        assert_eq!(val("20ر6401 نقطة"), Some((Some(6401.2), 3)));
    }
}
