//! Numbers, percentages, money and quantities in Arabic news text.
//!
//! A number is digits (either script, with separators and a scale word:
//! "3 ملايين") or number words ("ثلاثة آلاف"). What follows decides the kind:
//! "%"/"في المئة" → percent, a currency (CLDR names, "ريالات") → money, a
//! measure unit → quantity; otherwise it is a number and the noun it counts,
//! if any, is its `unit` ("672 ضربة" → unit "ضربة"). Digits that belong to a
//! date or time, ordinals ("الـ16"), phone numbers and codes ("F-16") are
//! not numbers.

use super::dates::date_matches;
use super::dates::grammar::Found;
use super::names::{names, NameKind};
use super::numwords::{self, fraction};
use super::scan::{Scan, Tok};
use crate::text::TokenKind;

/// What a number mention measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A count or other figure.
    Number,
    /// A percentage; the value is the percent figure (30 for 30%).
    Percent,
    /// An amount of money; `unit` is the ISO 4217 code or the currency word.
    Money,
    /// A measured quantity; `unit` is the measure ("كيلومتر", "طن").
    Quantity,
}

impl NumberKind {
    /// Every kind.
    pub const ALL: [NumberKind; 4] = [
        NumberKind::Number,
        NumberKind::Percent,
        NumberKind::Money,
        NumberKind::Quantity,
    ];

    /// The kind named `name` (as [`NumberKind::as_str`] gives it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The lower-case name used in Python.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Number => "number",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Quantity => "quantity",
        }
    }

    /// The entity label: NUMBER, PERCENT, MONEY, QUANTITY.
    pub fn label(self) -> &'static str {
        match self {
            NumberKind::Number => "NUMBER",
            NumberKind::Percent => "PERCENT",
            NumberKind::Money => "MONEY",
            NumberKind::Quantity => "QUANTITY",
        }
    }
}

/// A number mention with character offsets into the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    /// The mention as written (the characters `start..end` of the text).
    pub text: String,
    /// The value; `None` for vague counts (عشرات، مئات، بضعة).
    pub value: Option<f64>,
    pub kind: NumberKind,
    /// Currency code or word, measure unit, "%" or the counted noun (as written).
    pub unit: Option<String>,
}

impl NumberMention {
    /// The value as text, as Python prints it: whole values as integers
    /// ("12000000"), others in the shortest form that reads back the same
    /// ("4.56", "1e-05"). `None` for vague counts.
    pub fn value_text(&self) -> Option<String> {
        self.value.map(number_text)
    }
}

fn number_text(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else if v.abs() < 1e-4 {
        // Python's repr switches to an exponent below 1e-4: "1e-05".
        let s = format!("{v:e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        format!("{mantissa}e-{:02}", exp.abs())
    } else {
        v.to_string()
    }
}

/// Measure units (normalized forms) and the unit name reported.
fn measure(w: &str) -> Option<&'static str> {
    Some(match w {
        "كم" | "كيلومتر" | "كيلومترا" | "كيلومترات" | "كلم" => {
            "كيلومتر"
        }
        "متر" | "مترا" | "امتار" | "مترات" | "م2" => "متر",
        "سم" | "سنتيمتر" | "سنتيمترا" | "سنتيمترات" => "سنتيمتر",
        "ملم" | "مليمتر" | "مليمترا" => "مليمتر",
        "كجم" | "كغ" | "كيلوغرام" | "كيلوجرام" | "كيلوغراما" | "كيلوجراما" | "كيلو" => {
            "كيلوغرام"
        }
        "غرام" | "جرام" | "غراما" | "جراما" | "غرامات" | "جرامات" => {
            "غرام"
        }
        "طن" | "طنا" | "اطنان" => "طن",
        "لتر" | "لترا" | "لترات" => "لتر",
        "برميل" | "براميل" | "برميلا" => "برميل",
        "هكتار" | "هكتارا" | "هكتارات" => "هكتار",
        "دونم" | "دونما" | "دونمات" => "دونم",
        "ميل" | "ميلا" | "اميال" => "ميل",
        "درجه" | "درجات" => "درجة",
        "ميغاواط" | "ميجاوات" | "ميجاواط" | "ميغاوات" => "ميغاواط",
        "كيلوواط" | "كيلووات" => "كيلوواط",
        "قدم" | "قدما" | "اقدام" => "قدم",
        _ => return None,
    })
}

/// Words after a number that are not the noun it counts.
const NOT_NOUNS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "او",
    "ثم",
    "حتي",
    "منذ",
    "قبل",
    "بعد",
    "خلال",
    "ان",
    "انه",
    "كما",
    "الا",
    "لا",
    "لم",
    "لن",
    "قد",
    "هو",
    "هي",
    "هم",
    "التي",
    "الذي",
    "الذين",
    "اذ",
    "فقط",
    "تقريبا",
    "نحو",
    "حوالي",
    "اي",
    "بين",
    "عند",
    "لدي",
    "ضد",
    "تحت",
    "فوق",
    "اخر",
    "اخري",
];

/// Whether the token at `i` is a percent sign or "في المئة"/"بالمئة".
fn percent(toks: &[Tok], i: usize) -> Option<usize> {
    let at = |k: usize| toks.get(k).filter(|t| !t.line_before);
    let t = at(i)?;
    if t.is_punct('%') {
        return Some(i + 1);
    }
    if matches!(t.text.as_str(), "بالميه" | "بالمايه" | "%") {
        return Some(i + 1);
    }
    if t.text == "في" && at(i + 1).is_some_and(|n| matches!(n.text.as_str(), "الميه" | "المايه"))
    {
        return Some(i + 2);
    }
    None
}

/// Find the numbers in `text`. Offsets are characters of `text`.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let scan = Scan::new(text);
    let dates = date_matches(&scan, None);
    numbers_in(&scan, &dates)
}

/// The numbers of a prepared text, outside the tokens of the date matches `dates`.
pub(crate) fn numbers_in(scan: &Scan, dates: &[Found]) -> Vec<NumberMention> {
    let toks = &scan.toks;
    let in_date = date_tokens(toks.len(), dates);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = (!in_date[i]).then(|| read_at(toks, i)).flatten();
        let Some((mut r, pre_percent)) = found else {
            i += 1;
            continue;
        };
        if (r.first..r.next).any(|k| in_date[k]) {
            i += 1;
            continue;
        }
        close_mark(toks, &mut r);
        let (kind, unit, end) = if pre_percent {
            (NumberKind::Percent, Some("%".to_string()), r.next)
        } else {
            measured(scan, &mut r)
        };
        // A vague word with nothing counted ("آلاف" alone) is not a mention; "العشرات" is.
        if r.value.is_none() && unit.is_none() && !numwords::definite_vague(&toks[r.first].text) {
            i += 1;
            continue;
        }
        let s = if pre_percent {
            toks[r.first - 1].s
        } else {
            toks[r.first].s + r.skip
        };
        let (start, stop) = scan.original(s, toks[end - 1].e);
        out.push(NumberMention {
            start,
            end: stop,
            text: scan.slice(start, stop).to_string(),
            value: r.value,
            kind,
            unit,
        });
        i = end;
    }
    out
}

/// Which of `n` tokens lie inside one of the date matches.
fn date_tokens(n: usize, dates: &[Found]) -> Vec<bool> {
    let mut in_date = vec![false; n];
    for f in dates {
        for slot in &mut in_date[f.first..f.next] {
            *slot = true;
        }
    }
    in_date
}

/// The token at `k`, unless a line break comes before it.
fn on_line(toks: &[Tok], k: usize) -> Option<&Tok> {
    toks.get(k).filter(|t| !t.line_before)
}

/// "(15) مليار ريال", "\"5000\" ريال": a closing mark between the number and
/// its scale or unit, when the number was opened by it, is taken into `r`.
fn close_mark(toks: &[Tok], r: &mut Read) {
    let opened = r.first > 0
        && toks[r.first - 1].kind == TokenKind::Punctuation
        && matches!(toks[r.first - 1].text.as_str(), "(" | "\"");
    let closed = on_line(toks, r.next).is_some_and(|t| matches!(t.text.as_str(), ")" | "\""));
    if !opened || !closed {
        return;
    }
    let close = r.next;
    let Some(n) = on_line(toks, close + 1) else {
        return;
    };
    let scaled = numwords::scale_of(&n.text).filter(|_| r.value.is_some());
    if let Some(mult) = scaled {
        r.value = r.value.map(|v| v * mult);
        r.next = close + 2;
    } else if names().at(toks, close + 1, NameKind::Currency).is_some()
        || names()
            .at(toks, close + 1, NameKind::CurrencyWord)
            .is_some()
        || measure(&n.text).is_some()
    {
        r.next = close + 1;
    }
}

/// What follows the number decides what it measures: a percent sign, a
/// currency, a measure unit, or else the noun it counts. Returns the kind,
/// the unit and the token after the mention.
fn measured(scan: &Scan, r: &mut Read) -> (NumberKind, Option<String>, usize) {
    let toks = &scan.toks;
    if let Some(end) = percent(toks, r.next) {
        return (NumberKind::Percent, Some("%".to_string()), end);
    }
    if let Some(m) = names()
        .at(toks, r.next, NameKind::Currency)
        .or_else(|| names().at(toks, r.next, NameKind::CurrencyWord))
        .filter(|m| m.skip == 0 && on_line(toks, r.next).is_some())
    {
        let code = &names().currency_codes[m.value as usize];
        let unit = if code == "-" {
            scan.original_text(toks[r.next].s, toks[m.next - 1].e)
        } else {
            code.clone()
        };
        return (NumberKind::Money, Some(unit), m.next);
    }
    if let Some((unit, end)) = quantity(toks, r.next) {
        return (NumberKind::Quantity, Some(unit), end);
    }
    (NumberKind::Number, counted_noun(scan, r), r.next)
}

/// A measure unit at token `i` ("كيلومترا", "كيلو مترات", "متر مربع"): its
/// name and the token after it.
fn quantity(toks: &[Tok], i: usize) -> Option<(String, usize)> {
    let at = |k: usize| on_line(toks, k);
    let u = at(i).and_then(|t| measure(&t.text))?;
    let mut e = i + 1;
    let mut name = u.to_string();
    // "كيلو مترات", "كيلو غراماً": the prefix written apart.
    if at(i).is_some_and(|t| t.text == "كيلو") {
        if let Some(second) = at(e).and_then(|t| measure(&t.text)) {
            if second == "متر" {
                name = "كيلومتر".to_string();
                e += 1;
            } else if second == "غرام" {
                e += 1;
            }
        }
    }
    let shape = at(e).and_then(|t| match t.text.as_str() {
        "مربع" | "مربعا" => Some("مربع"),
        "مكعب" | "مكعبا" => Some("مكعب"),
        "مئويه" => Some("مئوية"),
        _ => None,
    });
    if let Some(shape) = shape {
        name = format!("{u} {shape}");
        e += 1;
    }
    Some((name, e))
}

/// The noun a plain number counts ("672 ضربة" → "ضربة"), as written; a
/// count read with a thousands dot becomes whole ("209.020 عبوة").
fn counted_noun(scan: &Scan, r: &mut Read) -> Option<String> {
    let toks = &scan.toks;
    let n = on_line(toks, r.next)?;
    let counted = n.kind == TokenKind::Word
        && !NOT_NOUNS.contains(&n.text.as_str())
        && !n.text.starts_with('و')
        && (r.value.is_none() || !n.text.starts_with("ال"))
        && numwords::read(toks, r.next).is_none();
    // A count cannot be fractional: "209.020 عبوة" is 209,020 boxes.
    let t = &toks[r.first];
    if counted && r.next == r.first + 1 && t.int.is_none() && thousands_dot(&t.text) {
        r.value = t.text.replace('.', "").parse().ok();
    }
    (counted || r.value.is_none() && n.text.starts_with("ال")).then(|| scan.original_text(n.s, n.e))
}

/// Words (normalized) after which a plain number names a thing rather than
/// counts: model and flight codes in transliterated letters, makers, "number".
const IDENTIFIER_CUES: &[&str] = &[
    "اتش",
    "ايه",
    "بي",
    "سي",
    "دي",
    "جي",
    "تي",
    "كيو",
    "اكس",
    "بوينغ",
    "بوينج",
    "ايرباص",
    "طراز",
    "موديل",
    "رقم",
    "الرقم",
    "نموذج",
    "النموذج",
];

/// A number at token `i`, with its first token and whether a "%" precedes it ("%30").
struct Read {
    first: usize,
    next: usize,
    skip: usize,
    value: Option<f64>,
}

fn read_at(toks: &[Tok], i: usize) -> Option<(Read, bool)> {
    let t = &toks[i];
    if t.kind == TokenKind::Number && names_no_count(toks, i) {
        return None;
    }
    if t.kind == TokenKind::Word {
        if let Some(r) = fraction_at(toks, i) {
            return Some((r, false));
        }
    }
    let r = numwords::read(toks, i)?;
    let pre =
        t.kind == TokenKind::Number && i > 0 && toks[i - 1].is_punct('%') && toks[i - 1].e == t.s;
    Some((
        Read {
            first: i,
            next: r.next,
            skip: r.skip,
            value: r.value,
        },
        pre,
    ))
}

/// Whether the digits at `i` name or order rather than count: an ordinal
/// ("الـ16"), a code ("F-16", "G20", "101/ أ"), an identifier ("بوينغ 777"),
/// a phone number, a score or ratio ("2-1", "1/2").
fn names_no_count(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if i > 0 {
        let p = &toks[i - 1];
        // Ordinals ("الـ16", "المرتبة الـ 3") and codes glued to Latin ("F-16", "G20").
        if p.text == "ال" && !t.line_before {
            return true;
        }
        let glued = p.e == t.s;
        if glued
            && (p.kind == TokenKind::Latin
                || p.is_punct('-') && i > 1 && toks[i - 2].kind == TokenKind::Latin)
        {
            return true;
        }
        if glued && p.kind == TokenKind::Number {
            return true;
        }
        // Identifiers, not quantities: "بوينغ 777", "إم إتش 370", "طراز 300",
        // "المادة رقم 5", "نموذج «101/ أ»".
        if t.int.is_some() && !t.line_before && IDENTIFIER_CUES.contains(&p.text.as_str()) {
            return true;
        }
        let slash_code = toks.get(i + 1).is_some_and(|n| n.is_punct('/'))
            && toks
                .get(i + 2)
                .is_some_and(|n| n.kind == TokenKind::Word && n.text.chars().count() == 1);
        if t.int.is_some() && slash_code {
            return true;
        }
    }
    // Phone numbers and codes: a leading zero, or nine digits and more.
    if t.int.is_some() && (t.text.starts_with('0') && t.text.len() > 1 || t.text.len() >= 9) {
        return true;
    }
    // "2-1", "1/2": scores, ratios, references — not read as one value.
    toks.get(i + 1).is_some_and(|n| {
        n.e == n.s + 1
            && n.s == t.e
            && (n.is_punct('-') || n.is_punct('/'))
            && toks
                .get(i + 2)
                .is_some_and(|x| x.kind == TokenKind::Number && x.s == n.e)
    })
}

/// A fraction word at `i`, alone or before a scale word ("نصف", "نصف مليون").
fn fraction_at(toks: &[Tok], i: usize) -> Option<Read> {
    let t = &toks[i];
    let f = std::iter::once((0, t.text.as_str()))
        .chain(t.bares.iter().map(|(n, b)| (*n, b.as_str())))
        .find_map(|(n, w)| fraction(w).map(|v| (n, v)));
    // "ونصف" after a count belongs to it ("مترين ونصف"); "ونصف مليون" is a number.
    let scaled = toks
        .get(i + 1)
        .is_some_and(|n| !n.line_before && numwords::scale_of(&n.text).is_some());
    let (skip, v) = f.filter(|(skip, _)| *skip == 0 || scaled)?;
    let scale = numwords::read(toks, i + 1)
        .filter(|r| r.words && !toks[i + 1].line_before)
        .and_then(|r| Some((r.value.filter(|x| [1e3, 1e6, 1e9].contains(x))?, r.next)));
    Some(match scale {
        Some((scale, next)) => Read {
            first: i,
            next,
            skip,
            value: Some(v * scale),
        },
        None => Read {
            first: i,
            next: i + 1,
            skip,
            value: Some(v),
        },
    })
}

/// "209.020": one dot followed by exactly three digits.
fn thousands_dot(s: &str) -> bool {
    let mut parts = s.split('.');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(a), Some(b), None) if !a.is_empty() && a.len() <= 3 && b.len() == 3
            && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<(String, Option<f64>, &'static str, Option<String>)> {
        find_numbers(text)
            .into_iter()
            .map(|m| {
                let t: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                (t, m.value, m.kind.as_str(), m.unit)
            })
            .collect()
    }

    fn n(
        t: &str,
        v: f64,
        k: &'static str,
        u: Option<&str>,
    ) -> (String, Option<f64>, &'static str, Option<String>) {
        (t.to_string(), Some(v), k, u.map(str::to_string))
    }

    #[test]
    fn counts_and_their_nouns() {
        assert_eq!(
            nums("شن التحالف 672 ضربة"),
            vec![n("672", 672.0, "number", Some("ضربة"))]
        );
        assert_eq!(
            nums("سجل 1450 هدفاً"),
            vec![n("1450", 1450.0, "number", Some("هدفاً"))]
        );
        assert_eq!(
            nums("ضبط ثلاثة آلاف شخص"),
            vec![n("ثلاثة آلاف", 3000.0, "number", Some("شخص"))]
        );
        assert_eq!(
            nums("قتل ١٠ مدنيين"),
            vec![n("١٠", 10.0, "number", Some("مدنيين"))]
        );
        assert_eq!(nums("أصيب عشرات الجرحى")[0].1, None);
        // Date digits are not numbers; ordinals and codes neither.
        assert!(nums("في 10 أغسطس 2015").is_empty());
        assert!(nums("الدورة الـ16").is_empty());
        assert!(nums("طائرات F-16").is_empty());
        assert!(nums("اتصل على 0555123456").is_empty());
        // Model, flight and form codes name things; they count nothing.
        assert!(nums("طائرة بوينغ 777 التابعة للرحلة إم إتش 370").is_empty());
        assert!(nums("المادة رقم 5 ونموذج التوظيف «101/ أ»").is_empty());
        // Counts beside such words still count.
        assert_eq!(nums("اشترت 12 طائرة بوينغ")[0].1, Some(12.0));
    }

    #[test]
    fn percent_money_quantity() {
        assert_eq!(
            nums("ارتفع 30 في المئة"),
            vec![n("30 في المئة", 30.0, "percent", Some("%"))]
        );
        assert_eq!(
            nums("بنسبة %30"),
            vec![n("%30", 30.0, "percent", Some("%"))]
        );
        assert_eq!(
            nums("بنسبة ٢٫٥٪"),
            vec![n("٢٫٥٪", 2.5, "percent", Some("%"))]
        );
        assert_eq!(
            nums("بلغت 500 مليون ريال سعودي"),
            vec![n("500 مليون ريال سعودي", 5e8, "money", Some("SAR"))]
        );
        assert_eq!(
            nums("بقيمة 3 ملايين دولار"),
            vec![n("3 ملايين دولار", 3e6, "money", Some("USD"))]
        );
        assert_eq!(
            nums("غرامة 500 ريال"),
            vec![n("500 ريال", 500.0, "money", Some("ريال"))]
        );
        assert_eq!(
            nums("بسعر 20 ليرة سورية"),
            vec![n("20 ليرة سورية", 20.0, "money", Some("SYP"))]
        );
        assert_eq!(
            nums("مليون ونصف يورو"),
            vec![n("مليون ونصف يورو", 1.5e6, "money", Some("EUR"))]
        );
        assert_eq!(
            nums("على بعد 40 كيلومترا"),
            vec![n("40 كيلومترا", 40.0, "quantity", Some("كيلومتر"))]
        );
        assert_eq!(
            nums("مساحة 500 متر مربع"),
            vec![n("500 متر مربع", 500.0, "quantity", Some("متر مربع"))]
        );
        assert_eq!(
            nums("نصف مليون لاجئ"),
            vec![n("نصف مليون", 5e5, "number", Some("لاجئ"))]
        );
    }

    #[test]
    fn wire_and_layout_conventions() {
        // SPA decimals, fraction first, with or without spaces.
        assert_eq!(
            nums("بنسبة 56 ر 4 %"),
            vec![n("56 ر 4 %", 4.56, "percent", Some("%"))]
        );
        // Dots between groups of three are thousands; a count is never fractional.
        assert_eq!(
            nums("تبلغ 33.939.500 ريال"),
            vec![n("33.939.500 ريال", 33_939_500.0, "money", Some("ريال"))]
        );
        assert_eq!(
            nums("محملة بـ 209.020 عبوة"),
            vec![n("209.020", 209_020.0, "number", Some("عبوة"))]
        );
        assert_eq!(
            nums("تزن 614.196 طناً"),
            vec![n("614.196 طناً", 614.196, "quantity", Some("طن"))]
        );
        // A closing parenthesis or quote between the number and its scale or unit.
        assert_eq!(
            nums("بقيمة ( 15) مليار ريال سعودي"),
            vec![n("15) مليار ريال سعودي", 15e9, "money", Some("SAR"))]
        );
        assert_eq!(
            nums("قيمته \"5000\" ريال"),
            vec![n("5000\" ريال", 5000.0, "money", Some("ريال"))]
        );
        assert_eq!(
            nums("لمسافة 4 كيلو مترات"),
            vec![n("4 كيلو مترات", 4.0, "quantity", Some("كيلومتر"))]
        );
    }

    #[test]
    fn words_that_only_look_like_numbers() {
        // A definite cardinal agreeing with its noun is a number; a definite tens word
        // after a singular noun is an ordinal; اثني alone is the verb أثنى.
        assert_eq!(nums("السفن الثلاث"), vec![n("الثلاث", 3.0, "number", None)]);
        assert_eq!(
            nums("الساعات الأربع والعشرين الأخيرة"),
            vec![n("الأربع والعشرين", 24.0, "number", None)]
        );
        assert!(nums("عند الدقيقة الثلاثين").is_empty());
        assert!(nums("وأثنى على تفاعله").is_empty());
        assert!(nums("اللواء الخامس عشر").is_empty());
        assert!(nums("صف واحد").is_empty());
        assert_eq!(
            nums("بين أسبوع إلى عشرة أيام"),
            vec![n("عشرة", 10.0, "number", Some("أيام"))]
        );
    }

    #[test]
    fn values_as_text() {
        // Checked against Python's str(int(v)) / str(v).
        assert_eq!(number_text(12e6), "12000000");
        assert_eq!(number_text(4.56), "4.56");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(1.5e6), "1500000");
        assert_eq!(number_text(1e-5), "1e-05");
        assert_eq!(number_text(2.5e-7), "2.5e-07");
        assert_eq!(number_text(1e22), "10000000000000000000000");
        assert_eq!(number_text(0.1 + 0.2), "0.30000000000000004");
    }
}
