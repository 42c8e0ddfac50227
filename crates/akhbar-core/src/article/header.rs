//! Datelines, bylines and label lines: "بيروت (رويترز) -", "القاهرة - أ ف ب:",
//! "سبق- ينبع:", "عين اليوم – غزة", "سلوى المدني – عين اليوم", "كتب: …",
//! "المصدر: شبكة شام الكاتب: فريق التحرير", "الباحة 26 شوال 1436 هـ … واس".
//!
//! A header is a short run of *parts* (word groups) split by dashes, colons,
//! commas and brackets, holding at least one known agency, outlet, role word or
//! date. Parts are read by kind and position: agency → `agency`, outlet →
//! `source`, the value after "كتب:"/"بقلم" → `author`, after "المصدر:" →
//! `source`, a date → `published`; an unknown part is a person when it reads as
//! a name, else the first one is the dateline place and a later one the author.

use super::dates_link::{self, DateHit};
use super::lexicon::{self, key, Term};

/// Most words a header may hold before it must have ended.
const MAX_WORDS: usize = 12;

/// A field found in a header, as a byte range of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// Which field.
    pub field: FieldKind,
    /// Byte offset of the value.
    pub start: usize,
    /// Byte offset after the value.
    pub end: usize,
    /// The ISO date, for `Published`.
    pub iso: Option<String>,
}

/// The fields a header can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Place of the dateline.
    Dateline,
    /// News agency.
    Agency,
    /// Writer.
    Author,
    /// Outlet.
    Source,
    /// Publication date.
    Published,
    /// A credit that is not the writer (photographs); kept in the field line.
    Credit,
}

/// A recognised header: where it ends and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Byte offset where the header (with its closing separator) ends.
    pub end: usize,
    /// The fields, in text order.
    pub fields: Vec<HeaderField>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Dash,
    Colon,
    Comma,
    Open,
    Close,
    Slash,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(usize, usize),
    Sep(Sep, usize, usize),
    Date(usize, usize, Option<String>),
}

fn sep_of(c: char) -> Option<Sep> {
    Some(match c {
        '-' | '–' | '—' | '−' => Sep::Dash,
        ':' => Sep::Colon,
        '،' | ',' | '؛' | ';' => Sep::Comma,
        '(' | '«' | '“' | '[' | '"' | '‹' => Sep::Open,
        ')' | '»' | '”' | ']' | '›' => Sep::Close,
        '/' | '|' | '\\' => Sep::Slash,
        _ => return None,
    })
}

/// Tokens of `text[start..end]` (absolute byte offsets), dates as one token each.
fn tokens(text: &str, start: usize, end: usize, dates: &[DateHit]) -> Vec<Tok> {
    let mut out = Vec::new();
    let s = &text[start..end];
    let mut i = 0;
    let mut d = 0;
    while i < s.len() {
        while d < dates.len() && dates[d].start < i {
            d += 1;
        }
        if let Some(h) = dates.get(d).filter(|h| h.start == i) {
            out.push(Tok::Date(start + h.start, start + h.end, h.iso.clone()));
            i = h.end;
            d += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let w = c.len_utf8();
        if c.is_whitespace() || c == '\u{200F}' || c == '\u{200E}' {
            i += w;
        } else if let Some(k) = sep_of(c) {
            out.push(Tok::Sep(k, start + i, start + i + w));
            i += w;
        } else {
            let mut j = i;
            for (k, ch) in s[i..].char_indices() {
                if ch.is_whitespace() || sep_of(ch).is_some() {
                    break;
                }
                j = i + k + ch.len_utf8();
            }
            // "الأحساء25": letters run into digits are two words.
            if let Some(k) = s[i..j]
                .char_indices()
                .zip(s[i..j].chars().skip(1))
                .find(|((_, a), b)| a.is_alphabetic() && b.is_numeric())
                .map(|((k, a), _)| i + k + a.len_utf8())
            {
                j = k;
            }
            let word = &s[i..j];
            if word.chars().all(|ch| ch == '\u{0640}') {
                // A free-standing tatweel run is a dash: "بيروت ـ «القدس العربي»".
                out.push(Tok::Sep(Sep::Dash, start + i, start + j));
            } else {
                out.push(Tok::Word(start + i, start + j));
            }
            i = j;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Unknown,
    Term(Term),
    Date(Option<String>),
    /// Words from a digit on, when the date grammar found nothing there.
    DateLike,
}

#[derive(Debug, Clone, PartialEq)]
struct Part {
    kind: Kind,
    start: usize,
    end: usize,
    words: Vec<(usize, usize)>,
    sep_before: Option<Sep>,
    /// The value of the role word just before it.
    role_value: bool,
    /// Made of parts joined by a comma or brackets ("دمشق، سوريا").
    joined: bool,
}

/// Glue words between a Hijri and a Gregorian date ("… هـ الموافق … م").
fn is_date_glue(k: &str) -> bool {
    matches!(
        k,
        "الموافق" | "الموافقل" | "م" | "ه" | "هـ" | "مـ" | "ميلادي" | "هجري"
    )
}

/// Parse a header at the start of `text[start..end]`; `whole` demands that it
/// take the whole range.
pub fn parse(text: &str, start: usize, end: usize, whole: bool) -> Option<Header> {
    let limit = end.min(start + 400);
    let limit = (limit..=end)
        .find(|&b| text.is_char_boundary(b))
        .unwrap_or(end);
    let dates = dates_link::find(&text[start..limit]);
    let toks = tokens(text, start, limit, &dates);
    let mut parts: Vec<Part> = Vec::new();
    let mut words = 0usize;
    let mut pending_sep: Option<Sep> = None;
    let mut candidate: Option<(usize, usize)> = None; // (end byte, parts kept)
    let mut awaiting_value = false;
    let mut i = 0;
    let push = |parts: &mut Vec<Part>,
                kind: Kind,
                s: usize,
                e: usize,
                sep: &mut Option<Sep>,
                awaiting: &mut bool| {
        parts.push(Part {
            kind,
            start: s,
            end: e,
            words: Vec::new(),
            sep_before: sep.take(),
            role_value: std::mem::take(awaiting),
            joined: false,
        });
    };
    while i < toks.len() {
        match &toks[i] {
            Tok::Word(..) => {
                let mut best = longest_term(text, &toks, i);
                let mut paren_outlet = false;
                if let Some((n, paren)) = bracketed_outlet(text, &toks, i) {
                    if !matches!(best, Some((m, _)) if m >= n) {
                        best = Some((n, Term::Outlet));
                        paren_outlet = paren;
                    }
                }
                // A term counts only at the start, or after a separator or a date:
                // "… مجلس التعاون لدول الخليج العربية" holds no outlet.
                // An opening bracket places an agency ("بيروت (رويترز)"); other
                // terms need a separator or the start before the bracket
                // ("أجرت صحيفة «الشرق الأوسط»" is a sentence).
                let bracket_ok = |j: usize| match toks[j] {
                    Tok::Sep(Sep::Open, bs, _) => {
                        let agency = best.is_some_and(|(_, t)| t == Term::Agency);
                        (agency && text[bs..].starts_with('('))
                            || paren_outlet
                            || j == 0
                            || matches!(
                                toks[j - 1],
                                Tok::Sep(Sep::Dash | Sep::Colon | Sep::Comma, ..)
                            )
                    }
                    _ => true,
                };
                let placed = i == 0
                    || (matches!(toks[i - 1], Tok::Sep(..) | Tok::Date(..)) && bracket_ok(i - 1))
                    || parts
                        .last()
                        .is_some_and(|p| matches!(p.kind, Kind::DateLike | Kind::Date(_)));
                // A role word with its colon ("… الكاتب: …") is placed anywhere.
                // Inside a role's value ("المصدر: وكالة الأناضول") only another role counts.
                let in_value = awaiting_value
                    || (pending_sep.is_none() && parts.last().is_some_and(|p| p.role_value));
                let is_role =
                    |t: &Term| matches!(t, Term::AuthorRole | Term::CreditRole | Term::SourceRole);
                let best = best.filter(|(_, t)| !in_value || is_role(t));
                let best = best.filter(|(n, t)| {
                    placed
                        || in_value
                        || (matches!(t, Term::AuthorRole | Term::CreditRole | Term::SourceRole)
                            && matches!(toks.get(i + n), Some(Tok::Sep(Sep::Colon, ..))))
                });
                if let Some((n, t)) = best {
                    let Tok::Word(s, _) = toks[i] else {
                        unreachable!()
                    };
                    let Tok::Word(_, e) = toks[i + n - 1] else {
                        unreachable!()
                    };
                    words += n;
                    let is_role =
                        matches!(t, Term::AuthorRole | Term::CreditRole | Term::SourceRole);
                    push(
                        &mut parts,
                        Kind::Term(t),
                        s,
                        e,
                        &mut pending_sep,
                        &mut awaiting_value,
                    );
                    i += n;
                    if is_role {
                        awaiting_value = true;
                        continue;
                    }
                    if matches!(t, Term::Agency | Term::Outlet) {
                        // Close brackets and a dash after an agency or outlet end a header.
                        let mut j = i;
                        let mut cend = e;
                        while let Some(Tok::Sep(Sep::Close, _, ce)) = toks.get(j) {
                            cend = *ce;
                            j += 1;
                        }
                        let mut dashed = false;
                        while let Some(Tok::Sep(Sep::Dash, _, ce)) = toks.get(j) {
                            cend = *ce;
                            j += 1;
                            dashed = true;
                        }
                        candidate = Some((cend, parts.len()));
                        if !more_header(&toks, j) {
                            break;
                        }
                        if dashed {
                            pending_sep = Some(Sep::Dash);
                        }
                        i = j;
                    }
                    continue;
                }
                let Tok::Word(s, e) = toks[i] else {
                    unreachable!()
                };
                words += 1;
                if words > MAX_WORDS {
                    break;
                }
                let digit = text[s..e].chars().any(|c| c.is_numeric());
                let extend = match parts.last() {
                    Some(p) if pending_sep.is_none() && !awaiting_value => match p.kind {
                        _ if p.role_value => true,
                        Kind::Unknown => !digit,
                        Kind::DateLike => true,
                        _ => false,
                    },
                    _ => false,
                };
                if extend {
                    let p = parts.last_mut().expect("checked");
                    p.end = e;
                    p.words.push((s, e));
                } else {
                    let kind = if digit { Kind::DateLike } else { Kind::Unknown };
                    push(
                        &mut parts,
                        kind,
                        s,
                        e,
                        &mut pending_sep,
                        &mut awaiting_value,
                    );
                    parts.last_mut().expect("pushed").words.push((s, e));
                }
                i += 1;
            }
            Tok::Date(s, e, iso) => {
                words += 1;
                push(
                    &mut parts,
                    Kind::Date(iso.clone()),
                    *s,
                    *e,
                    &mut pending_sep,
                    &mut awaiting_value,
                );
                i += 1;
            }
            Tok::Sep(Sep::Colon, _, ce) => {
                if awaiting_value {
                    i += 1;
                    continue;
                }
                if !parts.is_empty() {
                    candidate = Some((*ce, parts.len()));
                }
                break;
            }
            Tok::Sep(k, ..) => {
                if !matches!(k, Sep::Close) || pending_sep.is_none() {
                    pending_sep = Some(*k);
                }
                i += 1;
            }
        }
    }
    if i >= toks.len() && words <= 8 && limit == end && !parts.is_empty() {
        candidate = Some((end, parts.len()));
    }
    let (hend, keep) = candidate?;
    parts.truncate(keep);
    if whole && !text[hend..end].trim().is_empty() {
        return None;
    }
    if !is_header(text, &parts, hend == end) || words > MAX_WORDS {
        return None;
    }
    Some(Header {
        end: hend,
        fields: assign(text, merge(text, parts)),
    })
}

/// The longest lexicon term (up to four words) starting at word `i`.
fn longest_term(text: &str, toks: &[Tok], i: usize) -> Option<(usize, Term)> {
    let mut best = None;
    let mut joined = String::new();
    for n in 0..4 {
        let Some(Tok::Word(s, e)) = toks.get(i + n) else {
            break;
        };
        joined.push_str(&key(&text[*s..*e]));
        if let Some(t) = lexicon::term(&joined) {
            best = Some((n + 1, t));
        }
    }
    best
}

/// An outlet named in brackets at word `i`: «…» right after a dash or colon
/// (or at the start), "القاهرة - «الخليج الجديد»:"; or "(…)" between a
/// one-to-three-word place at the start and a dash, "الدمام (أخبار الساحل) - …".
/// Returns its length in words and whether it is the parenthesized form.
fn bracketed_outlet(text: &str, toks: &[Tok], i: usize) -> Option<(usize, bool)> {
    let Tok::Sep(Sep::Open, bs, _) = toks[i.checked_sub(1)?] else {
        return None;
    };
    let guillemet = text[bs..].starts_with(['«', '“']);
    let after_sep = i == 1 || matches!(toks[i - 2], Tok::Sep(Sep::Dash | Sep::Colon, ..));
    let n = toks[i..]
        .iter()
        .take_while(|t| matches!(t, Tok::Word(..)))
        .count();
    let closed = matches!(toks.get(i + n), Some(Tok::Sep(Sep::Close, ..)));
    let paren = text[bs..].starts_with('(')
        && (2..=4).contains(&i)
        && toks[..i - 1].iter().all(|t| matches!(t, Tok::Word(..)))
        && matches!(toks.get(i + n + 1), Some(Tok::Sep(Sep::Dash, ..)));
    ((guillemet && after_sep || paren) && closed && (1..=4).contains(&n)).then_some((n, paren))
}

/// After an agency or outlet, whether what follows token `j` is more header:
/// a colon, or a few words reaching a separator, a date or the end.
fn more_header(toks: &[Tok], j: usize) -> bool {
    let mut ahead = 0;
    for t in &toks[j.min(toks.len())..] {
        match t {
            Tok::Word(..) => {
                ahead += 1;
                if ahead > 4 {
                    return false;
                }
            }
            Tok::Sep(Sep::Colon | Sep::Dash, ..) | Tok::Date(..) => return true,
            Tok::Sep(..) => return ahead == 0,
        }
    }
    ahead <= 3
}

/// Whether the parts read make a header: a known term or date, or
/// ("الرياض - محمد الحيدر") a whole short line of a place and a known name.
fn is_header(text: &str, parts: &[Part], whole_line: bool) -> bool {
    let known = parts.iter().any(|p| {
        matches!(p.kind, Kind::Term(_) | Kind::Date(_))
            || (p.kind == Kind::DateLike && parts.iter().any(|q| matches!(q.kind, Kind::Term(_))))
    });
    let byline_pair = whole_line
        && parts.len() == 2
        && parts
            .iter()
            .all(|p| p.kind == Kind::Unknown && p.words.len() <= 4)
        && parts[1].sep_before == Some(Sep::Dash)
        && parts.iter().any(|p| {
            let ws: Vec<&str> = p.words.iter().map(|&(s, e)| &text[s..e]).collect();
            lexicon::looks_like_person(&ws)
        });
    known || byline_pair
}

/// Join a place with its country ("دمشق، سوريا", "تبليسي (جورجيا)") and a
/// Hijri date with its Gregorian equivalent.
fn merge(text: &str, parts: Vec<Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    for p in parts {
        if let Some(last) = out.last_mut() {
            let both_unknown =
                last.kind == Kind::Unknown && p.kind == Kind::Unknown && !p.role_value;
            let first_is_person = {
                let ws: Vec<&str> = last.words.iter().map(|&(s, e)| &text[s..e]).collect();
                lexicon::looks_like_person(&ws)
            };
            if both_unknown
                && matches!(p.sep_before, Some(Sep::Comma | Sep::Open))
                && !first_is_person
                && p.words.len() <= 2
            {
                let close = text[p.end..].trim_start().starts_with([')', '»', ']']);
                last.end = match text[p.end..]
                    .char_indices()
                    .find(|(_, c)| !c.is_whitespace())
                {
                    Some((k, c)) if close => p.end + k + c.len_utf8(),
                    _ => p.end,
                };
                last.words.extend(p.words);
                last.joined = true;
                continue;
            }
            let is_date = |k: &Kind| matches!(k, Kind::Date(_) | Kind::DateLike);
            let glue = p.kind == Kind::Unknown
                && p.words
                    .iter()
                    .all(|&(s, e)| is_date_glue(&key(&text[s..e])));
            if is_date(&last.kind) && (is_date(&p.kind) || glue) {
                last.end = p.end;
                if let Kind::Date(Some(_)) = p.kind {
                    last.kind = p.kind;
                }
                continue;
            }
        }
        out.push(p);
    }
    out
}

fn assign(text: &str, parts: Vec<Part>) -> Vec<HeaderField> {
    let mut out: Vec<HeaderField> = Vec::new();
    let has = |out: &Vec<HeaderField>, f: FieldKind| out.iter().any(|h| h.field == f);
    let mut role: Option<Term> = None;
    for (k, p) in parts.iter().enumerate() {
        let field = match &p.kind {
            _ if p.role_value => match role.take() {
                Some(Term::AuthorRole) => Some(FieldKind::Author),
                Some(Term::SourceRole) => Some(FieldKind::Source),
                Some(Term::CreditRole) => Some(FieldKind::Credit),
                _ => None,
            },
            Kind::Term(Term::Agency) if !p.role_value => Some(FieldKind::Agency),
            Kind::Term(Term::Outlet) if !p.role_value => Some(FieldKind::Source),
            Kind::Term(t @ (Term::AuthorRole | Term::CreditRole | Term::SourceRole)) => {
                role = Some(*t);
                None
            }
            Kind::Term(Term::Generic) => None,
            Kind::Date(_) | Kind::DateLike => Some(FieldKind::Published),
            Kind::Term(_) => None,
            Kind::Unknown => {
                let ws: Vec<&str> = p.words.iter().map(|&(s, e)| &text[s..e]).collect();
                // Before an agency or a date it is the wire dateline's place
                // ("إسلام آباد (رويترز)"); joined parts ("دمشق، سوريا") are places.
                let next = parts.get(k + 1).map(|q| &q.kind);
                let wire = matches!(
                    next,
                    Some(Kind::Term(Term::Agency) | Kind::Date(_) | Kind::DateLike)
                );
                let person = !wire && !p.joined && lexicon::maybe_person(&ws);
                let run_on = p.sep_before.is_none() && out.iter().any(|h| h.end <= p.start);
                if run_on {
                    // Words run on from an outlet without a separator ("سبق تقول …:").
                    None
                } else if person {
                    // A second name is a co-author, never the place.
                    (!has(&out, FieldKind::Author)).then_some(FieldKind::Author)
                } else if !has(&out, FieldKind::Dateline) && ws.len() <= 4 {
                    Some(FieldKind::Dateline)
                } else if !has(&out, FieldKind::Author) && ws.len() <= 4 {
                    Some(FieldKind::Author)
                } else {
                    None
                }
            }
        };
        if let Some(f) = field {
            if f != FieldKind::Credit && has(&out, f) {
                continue;
            }
            let iso = match &p.kind {
                Kind::Date(iso) => iso.clone(),
                _ => None,
            };
            out.push(HeaderField {
                field: f,
                start: p.start,
                end: p.end,
                iso,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(t: &str) -> Option<(String, Vec<(FieldKind, String)>)> {
        let h = parse(t, 0, t.len(), false)?;
        Some((
            t[..h.end].to_string(),
            h.fields
                .iter()
                .map(|f| (f.field, t[f.start..f.end].to_string()))
                .collect(),
        ))
    }

    use FieldKind::*;

    #[test]
    fn wire_datelines() {
        let (h, f) = fields("بيروت (رويترز) - قال مسؤول كبير إن الحكومة ستجتمع غدا").unwrap();
        assert_eq!(h, "بيروت (رويترز) -");
        assert_eq!(f, [(Dateline, "بيروت".into()), (Agency, "رويترز".into())]);
        let (h, f) = fields("القاهرة - أ ف ب: أعلنت الحكومة المصرية").unwrap();
        assert_eq!(h, "القاهرة - أ ف ب:");
        assert_eq!(f, [(Dateline, "القاهرة".into()), (Agency, "أ ف ب".into())]);
        let (_, f) = fields("دمشق - سانا").unwrap();
        assert_eq!(f, [(Dateline, "دمشق".into()), (Agency, "سانا".into())]);
        let (h, f) = fields("بيروت ـ «القدس العربي»: قالت مصادر").unwrap();
        assert_eq!(h, "بيروت ـ «القدس العربي»:");
        assert_eq!(
            f,
            [(Dateline, "بيروت".into()), (Source, "القدس العربي".into())]
        );
        let (h, f) = fields("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل").unwrap();
        assert_eq!(h, "دمشق، سوريا (CNN) --");
        assert_eq!(
            f,
            [(Dateline, "دمشق، سوريا".into()), (Agency, "CNN".into())]
        );
        let (_, f) = fields("واشنطن (د ب أ) - ذكرت").unwrap();
        assert_eq!(f[1], (Agency, "د ب أ".into()));
        for (line, place, agency) in [
            ("بغداد - واع قال", "بغداد", "واع"),
            ("مسقط - العمانية أعلن", "مسقط", "العمانية"),
            ("الخرطوم - سونا أكد", "الخرطوم", "سونا"),
        ] {
            let (_, f) = fields(line).unwrap();
            assert_eq!(
                f,
                [(Dateline, place.into()), (Agency, agency.into())],
                "{line}"
            );
        }
    }

    #[test]
    fn outlet_bylines() {
        let (h, f) = fields("سبق- ينبع: اجتمع الرئيس التنفيذي").unwrap();
        assert_eq!(h, "سبق- ينبع:");
        assert_eq!(f, [(Source, "سبق".into()), (Dateline, "ينبع".into())]);
        let (_, f) = fields("عين اليوم – غزة").unwrap();
        assert_eq!(f, [(Source, "عين اليوم".into()), (Dateline, "غزة".into())]);
        let (_, f) = fields("سلوى المدني – عين اليوم").unwrap();
        assert_eq!(
            f,
            [(Author, "سلوى المدني".into()), (Source, "عين اليوم".into())]
        );
        let (h, f) = fields("عبدالرحمن الشهري – عين اليوم علمت “عين اليوم ” عن تعرض").unwrap();
        assert_eq!(h, "عبدالرحمن الشهري – عين اليوم");
        assert_eq!(f[0], (Author, "عبدالرحمن الشهري".into()));
        let (_, f) = fields("سبق - عدن - تصوير : عبد الملك سرور: وصلت اليوم").unwrap();
        assert_eq!(
            f,
            [
                (Source, "سبق".into()),
                (Dateline, "عدن".into()),
                (Credit, "عبد الملك سرور".into())
            ]
        );
        let (_, f) = fields("سبق تقول للمسؤول: لا يكف الملك").unwrap();
        assert_eq!(f, [(Source, "سبق".into())]);
        let (_, f) = fields("الأحساء25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس").unwrap();
        assert_eq!(f[0], (Dateline, "الأحساء".into()));
        assert_eq!(f[1].0, Published);
        let (_, f) = fields("الرياض - محمد الحيدر").unwrap();
        assert_eq!(
            f,
            [(Dateline, "الرياض".into()), (Author, "محمد الحيدر".into())]
        );
        let (_, f) = fields("ذياب الشمري- سبق- الرياض: قال").unwrap();
        assert_eq!(
            f,
            [
                (Author, "ذياب الشمري".into()),
                (Source, "سبق".into()),
                (Dateline, "الرياض".into())
            ]
        );
        let (_, f) = fields("إسلام آباد (رويترز) - قال").unwrap();
        assert_eq!(f[0], (Dateline, "إسلام آباد".into()));
        let (_, f) = fields("سبق- وكالات: قتل 20 شخصا").unwrap();
        assert_eq!(f, [(Source, "سبق".into()), (Agency, "وكالات".into())]);
    }

    #[test]
    fn label_lines() {
        let t = "المصدر: شبكة شام الكاتب: فريق التحرير";
        let h = parse(t, 0, t.len(), true).unwrap();
        let f: Vec<_> = h
            .fields
            .iter()
            .map(|f| (f.field, &t[f.start..f.end]))
            .collect();
        assert_eq!(f, [(Source, "شبكة شام"), (Author, "فريق التحرير")]);
        let (_, f) = fields("كتب: محمد علي").unwrap();
        assert_eq!(f, [(Author, "محمد علي".into())]);
        let (_, f) = fields("بقلم: د. سامي الخطيب").unwrap();
        assert_eq!(f[0].0, Author);
    }

    #[test]
    fn not_headers() {
        assert!(fields("الداخلية الكويتية: غير صحيح منع سعوديين من دخول الكويت").is_none());
        assert!(
            fields("قال الوزير إن الحكومة ستجتمع غدا لمناقشة الميزانية العامة للدولة").is_none()
        );
        assert!(fields("").is_none());
        assert!(fields("السعودية - إيران").is_none());
        let (_, f) = fields("القاهرة - «الخليج الجديد»: قالت مصادر").unwrap();
        assert_eq!(
            f,
            [
                (Dateline, "القاهرة".into()),
                (Source, "الخليج الجديد".into())
            ]
        );
        assert!(fields("أجرت صحيفة «الشرق الأوسط» حوارا مع الوزير").is_none());
        assert!(fields("العربية يوم غد الثلاثاء اجتماعا لدول الخليج العربية في الرياض").is_none());
    }
}
