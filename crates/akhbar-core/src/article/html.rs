//! HTML pages: metadata (`<title>`, Open Graph and article metas, JSON-LD
//! `NewsArticle`) and the main text, found as jusText and readability do:
//! text blocks scored by length, link density and Arabic stop-word density,
//! and the body taken from the container holding the most good text.
//!
//! Parser: `scraper` (html5ever, Servo's WHATWG parser) — it recovers from
//! broken and truncated markup exactly as browsers do, is actively kept, and
//! needs no unsafe code here. It keeps no source positions, so spans are
//! found by locating each text node in the page source, in document order
//! (None when a node cannot be located, e.g. text written with entities).

use scraper::{ElementRef, Html, Node};
use serde_json::Value as Json;

use super::dates_link;
use super::draft::{Draft, Piece, Slot, Value};
use super::header;
use super::lexicon;

/// One text block of the page.
#[derive(Debug, Clone)]
struct TextBlock {
    text: String,
    link_chars: usize,
    span: Option<(usize, usize)>,
    /// Id of the container: the parent of the element that owns the text.
    parent: usize,
    grandparent: usize,
    furniture: bool,
    heading: bool,
}

struct Walker<'a> {
    src: &'a str,
    cursor: usize,
    blocks: Vec<TextBlock>,
    cur: String,
    cur_links: usize,
    cur_span: Option<(usize, usize)>,
    next_id: usize,
    /// Container ids of the open block elements.
    stack: Vec<usize>,
    furniture_depth: usize,
    heading_depth: usize,
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "svg", "object", "embed",
    "select", "button", "textarea", "canvas", "video", "audio",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "table",
    "article",
    "section",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "br",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "main",
    "body",
    "form",
    "center",
    "hr",
    "address",
];
const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "form", "menu"];
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "comment",
    "sidebar",
    "share",
    "social",
    "related",
    "breadcrumb",
    "banner",
    "advert",
    "promo",
    "widget",
    "login",
    "subscribe",
    "copyright",
    "tags",
];

impl<'a> Walker<'a> {
    fn flush(&mut self) {
        let text = self.cur.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            let n = self.stack.len();
            self.blocks.push(TextBlock {
                text,
                link_chars: self.cur_links,
                span: self.cur_span,
                parent: if n >= 2 { self.stack[n - 2] } else { 0 },
                grandparent: if n >= 3 { self.stack[n - 3] } else { 0 },
                furniture: self.furniture_depth > 0,
                heading: self.heading_depth > 0,
            });
        }
        self.cur.clear();
        self.cur_links = 0;
        self.cur_span = None;
    }

    fn text(&mut self, t: &str, in_link: bool) {
        if t.trim().is_empty() {
            self.cur.push(' ');
            return;
        }
        let trimmed = t.trim();
        if let Some(p) = self.src[self.cursor..].find(trimmed) {
            let s = self.cursor + p;
            let e = s + trimmed.len();
            self.cursor = e;
            self.cur_span = Some(match self.cur_span {
                Some((a, _)) => (a, e),
                None => (s, e),
            });
        }
        self.cur.push_str(t);
        if in_link {
            self.cur_links += trimmed.chars().count();
        }
    }

    fn walk(&mut self, el: ElementRef<'_>, in_link: bool) {
        let name = el.value().name();
        if SKIP.contains(&name) {
            return;
        }
        let block = BLOCK.contains(&name);
        let attrs = format!(
            "{} {}",
            el.value().attr("class").unwrap_or(""),
            el.value().attr("id").unwrap_or("")
        )
        .to_ascii_lowercase();
        let furniture = FURNITURE_TAGS.contains(&name)
            || (name != "body" && FURNITURE_WORDS.iter().any(|w| attrs.contains(w)));
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if block {
            self.flush();
            self.next_id += 1;
            self.stack.push(self.next_id);
        }
        self.furniture_depth += usize::from(furniture);
        self.heading_depth += usize::from(heading);
        let link = in_link || name == "a";
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t, link),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.walk(e, link);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
            self.stack.pop();
        }
        self.furniture_depth -= usize::from(furniture);
        self.heading_depth -= usize::from(heading);
    }
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// jusText-style quality of a block: good (body-like), short, or bad.
fn is_good(b: &TextBlock) -> bool {
    let ws = words(&b.text);
    let chars = b.text.chars().count().max(1);
    let link_density = b.link_chars as f64 / chars as f64;
    let stops = ws.iter().filter(|w| lexicon::is_stop_word(w)).count();
    let stop_density = stops as f64 / ws.len().max(1) as f64;
    !b.furniture && !b.heading && ws.len() >= 10 && link_density <= 0.35 && stop_density >= 0.10
}

/// The meta values of the page: (key, value), key lower-cased.
fn metas(doc: &Html) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        if let Node::Element(e) = node.value() {
            if e.name() == "meta" {
                let k = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"));
                if let (Some(k), Some(v)) = (k, e.attr("content")) {
                    if !v.trim().is_empty() {
                        out.push((k.to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
        }
    }
    out
}

/// Text of the first element with this tag name.
fn first_text(doc: &Html, tag: &str) -> Option<String> {
    for node in doc.tree.nodes() {
        if let Some(e) = ElementRef::wrap(node) {
            if e.value().name() == tag {
                let t = e.text().collect::<Vec<_>>().join(" ");
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    return Some(t);
                }
            }
        }
    }
    None
}

/// JSON-LD objects of type NewsArticle / Article / ReportageNewsArticle …
fn json_ld(doc: &Html) -> Vec<Json> {
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        if let Some(e) = ElementRef::wrap(node) {
            if e.value().name() == "script"
                && e.value()
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
            {
                let raw: String = e.text().collect();
                if let Ok(v) = serde_json::from_str::<Json>(raw.trim()) {
                    collect_articles(&v, &mut out);
                }
            }
        }
    }
    out
}

fn collect_articles(v: &Json, out: &mut Vec<Json>) {
    match v {
        Json::Array(xs) => xs.iter().for_each(|x| collect_articles(x, out)),
        Json::Object(m) => {
            let is_article = |t: &Json| {
                t.as_str()
                    .is_some_and(|s| s.ends_with("Article") || s == "BlogPosting")
            };
            let typed = match m.get("@type") {
                Some(Json::Array(ts)) => ts.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                out.push(v.clone());
            }
            if let Some(g) = m.get("@graph") {
                collect_articles(g, out);
            }
        }
        _ => {}
    }
}

/// A name from a JSON-LD person/organization value (string, object or list).
fn ld_name(v: &Json) -> Option<String> {
    match v {
        Json::String(s) => Some(s.clone()),
        Json::Object(m) => m.get("name").and_then(ld_name),
        Json::Array(xs) => {
            let names: Vec<String> = xs.iter().filter_map(ld_name).collect();
            (!names.is_empty()).then(|| names.join("، "))
        }
        _ => None,
    }
}

/// Where a value is written in the page source (raw, or with `&quot;`/`&amp;`).
fn locate(src: &str, value: &str) -> Option<(usize, usize)> {
    if value.is_empty() {
        return None;
    }
    if let Some(p) = src.find(value) {
        return Some((p, p + value.len()));
    }
    let escaped = value.replace('&', "&amp;").replace('"', "&quot;");
    src.find(&escaped).map(|p| (p, p + escaped.len()))
}

fn located(src: &str, text: String) -> Value {
    let span = locate(src, &text);
    Value { text, span }
}

/// An ISO date from the start of a machine date ("2013-08-28T10:00:00Z").
fn iso_prefix(s: &str) -> Option<String> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| d.to_string())
}

/// Parse an HTML page.
pub fn parse(src: &str) -> Draft {
    let doc = Html::parse_document(src);
    let mut d = Draft::default();
    let metas = metas(&doc);
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
    };
    let ld = json_ld(&doc);
    let ld_get = |k: &str| {
        ld.iter()
            .find_map(|o| o.get(k).filter(|v| !v.is_null()).cloned())
    };

    // Title: JSON-LD headline, og:title, <h1> that the <title> contains, <title>.
    let page_title = first_text(&doc, "title");
    let h1s: Vec<String> = doc
        .tree
        .nodes()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "h1")
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    let title = ld_get("headline")
        .and_then(|v| v.as_str().map(str::to_string))
        .or_else(|| meta(&["og:title", "twitter:title", "title"]))
        .or_else(|| {
            h1s.iter()
                .find(|h| {
                    page_title
                        .as_deref()
                        .is_some_and(|t| t.contains(h.as_str()))
                        && h.chars().count() > 8
                })
                .cloned()
        })
        .or_else(|| {
            page_title.as_ref().map(|t| {
                t.replace(" | ", " - ")
                    .replace(" – ", " - ")
                    .split(" - ")
                    .max_by_key(|p| p.chars().count())
                    .unwrap_or(t)
                    .trim()
                    .to_string()
            })
        });
    if let Some(t) = title {
        d.set(Slot::Title, located(src, t));
    }
    if let Some(v) = ld_get("datePublished")
        .and_then(|v| v.as_str().map(str::to_string))
        .or_else(|| {
            meta(&[
                "article:published_time",
                "datepublished",
                "pubdate",
                "date",
                "dc.date",
                "og:published_time",
            ])
        })
    {
        d.published_iso = iso_prefix(&v);
        d.set(Slot::Published, located(src, v));
    }
    if let Some(a) = ld_get("author").and_then(|v| ld_name(&v)).or_else(|| {
        meta(&["author", "article:author", "dc.creator"]).filter(|a| !a.starts_with("http"))
    }) {
        d.set(Slot::Author, located(src, a));
    }
    // <time datetime="…"> and author/byline elements, when the metas say nothing.
    for e in doc.tree.nodes().filter_map(ElementRef::wrap) {
        let el = e.value();
        if el.name() == "time" && d.get(Slot::Published).is_none() {
            if let Some(v) = el.attr("datetime").filter(|v| iso_prefix(v).is_some()) {
                d.published_iso = iso_prefix(v);
                d.set(Slot::Published, located(src, v.to_string()));
            }
        }
        let marks = format!(
            "{} {} {}",
            el.attr("class").unwrap_or(""),
            el.attr("rel").unwrap_or(""),
            el.attr("itemprop").unwrap_or("")
        )
        .to_ascii_lowercase();
        if d.get(Slot::Author).is_none() && (marks.contains("author") || marks.contains("byline")) {
            let t = e.text().collect::<Vec<_>>().join(" ");
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if (1..=8).contains(&words(&t).len()) {
                let name = header::parse(&t, 0, t.len(), true)
                    .and_then(|h| {
                        h.fields
                            .iter()
                            .find(|f| f.field == header::FieldKind::Author)
                            .map(|f| t[f.start..f.end].to_string())
                    })
                    .or_else(|| (words(&t).len() <= 4 && !t.contains(':')).then(|| t.clone()));
                if let Some(name) = name {
                    d.set(Slot::Author, located(src, name));
                }
            }
        }
    }
    if let Some(s) = ld_get("publisher")
        .and_then(|v| ld_name(&v))
        .or_else(|| meta(&["og:site_name"]))
    {
        d.set(Slot::Source, located(src, s));
    }
    if let Some(s) = ld_get("articleSection")
        .and_then(|v| ld_name(&v))
        .or_else(|| meta(&["article:section"]))
    {
        d.set(Slot::Section, located(src, s));
    }
    if let Some(s) = ld_get("alternativeHeadline").and_then(|v| v.as_str().map(str::to_string)) {
        d.set(Slot::Subtitle, located(src, s));
    }

    // Text blocks, scored; the body is the good text of the best container.
    let mut w = Walker {
        src,
        cursor: 0,
        blocks: Vec::new(),
        cur: String::new(),
        cur_links: 0,
        cur_span: None,
        next_id: 0,
        stack: Vec::new(),
        furniture_depth: 0,
        heading_depth: 0,
    };
    w.walk(doc.root_element(), false);
    w.flush();
    let blocks = w.blocks;
    let good: Vec<bool> = blocks.iter().map(is_good).collect();
    let mut score: std::collections::HashMap<usize, f64> = Default::default();
    for (b, g) in blocks.iter().zip(&good) {
        if *g {
            let n = b.text.chars().count() as f64;
            *score.entry(b.parent).or_default() += n;
            *score.entry(b.grandparent).or_default() += n / 2.0;
        }
    }
    let best = score
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k);
    // No machine date: a short dated block just above the body ("الأربعاء، 28 آب/اغسطس 2013").
    if d.get(Slot::Published).is_none() {
        let first = blocks
            .iter()
            .position(|b| best.is_some_and(|c| b.parent == c));
        if let Some(first) = first {
            for b in blocks[first.saturating_sub(4)..first].iter().rev() {
                if words(&b.text).len() > 15 {
                    continue;
                }
                if let Some(h) = dates_link::find(&b.text).into_iter().next() {
                    let t = b.text[h.start..h.end].to_string();
                    let span = b
                        .span
                        .and_then(|(s, e)| src[s..e].find(&t).map(|p| (s + p, s + p + t.len())));
                    d.set(Slot::Published, Value { text: t, span });
                    d.published_iso = h.iso;
                    break;
                }
            }
        }
    }
    let title_key = d.get(Slot::Title).map(|v| lexicon::key(&v.text));
    let mut first_para = true;
    for (b, g) in blocks.iter().zip(&good) {
        let in_body = best.is_some_and(|c| b.parent == c)
            && (*g || (!b.furniture && !b.heading && b.link_chars * 2 < b.text.chars().count()));
        let mut v = Value {
            text: b.text.clone(),
            span: b.span,
        };
        if in_body {
            if first_para {
                first_para = false;
                if let Some(h) = header::parse(&b.text, 0, b.text.len(), false) {
                    for f in &h.fields {
                        let slot = match f.field {
                            header::FieldKind::Dateline => Slot::Dateline,
                            header::FieldKind::Agency => Slot::Agency,
                            header::FieldKind::Author => Slot::Author,
                            header::FieldKind::Source => Slot::Source,
                            header::FieldKind::Published => Slot::Published,
                            header::FieldKind::Credit => continue,
                        };
                        let t = b.text[f.start..f.end].to_string();
                        let span = b.span.and_then(|(s, e)| {
                            src[s..e].find(&t).map(|p| (s + p, s + p + t.len()))
                        });
                        if d.set(slot, Value { text: t, span }) && slot == Slot::Published {
                            d.published_iso = f.iso.clone();
                        }
                    }
                    let head = b.text[..h.end].to_string();
                    let rest = b.text[h.end..].trim().to_string();
                    let hspan = b.span.and_then(|(s, e)| {
                        src[s..e].find(&head).map(|p| (s + p, s + p + head.len()))
                    });
                    d.pieces.push((
                        Piece::Field,
                        Value {
                            text: head,
                            span: hspan,
                        },
                    ));
                    if rest.is_empty() {
                        continue;
                    }
                    v = Value {
                        span: b.span.and_then(|(s, e)| {
                            src[s..e].find(&rest).map(|p| (s + p, s + p + rest.len()))
                        }),
                        text: rest,
                    };
                }
            }
            d.pieces.push((Piece::Paragraph, v));
        } else if b.heading && title_key.as_deref() == Some(lexicon::key(&b.text).as_str()) {
            d.pieces.push((Piece::Title, v));
        } else {
            d.pieces.push((Piece::Boilerplate, v));
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>عنوان الخبر - الموقع</title>
<meta property="og:site_name" content="الموقع"/>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"/>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"عنوان الخبر","author":{"@type":"Person","name":"سامي الخطيب"},"publisher":{"@type":"Organization","name":"الموقع"}}</script>
</head><body><nav><a href="/">الرئيسية</a> <a href="/a">أخبار</a></nav>
<h1>عنوان الخبر</h1>
<div class="story"><p>بيروت (رويترز) - قال مسؤول كبير في الحكومة إن المحادثات التي جرت في جنيف ستستأنف غدا بعد أن توقفت لمدة أسبوع.</p>
<p>وأضاف أن الوفد الذي يمثل الحكومة في المحادثات لم يتلق أي رد على المقترحات التي قدمها من قبل.</p></div>
<div class="footer"><a href="/x">اتصل بنا</a> | <a href="/y">سياسة الخصوصية</a></div>
</body></html>"#;

    #[test]
    fn metas_json_ld_and_body() {
        let d = parse(PAGE);
        let get = |s| d.get(s).map(|v| v.text.clone());
        assert_eq!(get(Slot::Title).as_deref(), Some("عنوان الخبر"));
        assert_eq!(get(Slot::Author).as_deref(), Some("سامي الخطيب"));
        assert_eq!(get(Slot::Source).as_deref(), Some("الموقع"));
        assert_eq!(d.published_iso.as_deref(), Some("2024-03-05"));
        assert_eq!(get(Slot::Dateline).as_deref(), Some("بيروت"));
        assert_eq!(get(Slot::Agency).as_deref(), Some("رويترز"));
        let paras: Vec<&str> = d
            .pieces
            .iter()
            .filter(|(k, _)| *k == Piece::Paragraph)
            .map(|(_, v)| v.text.as_str())
            .collect();
        assert_eq!(paras.len(), 2);
        assert!(paras[0].starts_with("قال مسؤول"));
        let (s, e) = d
            .pieces
            .iter()
            .find(|(k, _)| *k == Piece::Paragraph)
            .unwrap()
            .1
            .span
            .unwrap();
        assert_eq!(&PAGE[s..e], paras[0]);
        let boiler: Vec<&str> = d
            .pieces
            .iter()
            .filter(|(k, _)| *k == Piece::Boilerplate)
            .map(|(_, v)| v.text.as_str())
            .collect();
        assert!(boiler.iter().any(|b| b.contains("سياسة الخصوصية")));
    }

    #[test]
    fn time_element_and_byline_class() {
        let page = r#"<html><body><h1>عنوان الخبر</h1><span class="byline">بقلم: هدى عمر</span>
<time datetime="2021-06-01T08:00">1 يونيو</time><div><p>قال مسؤول في الوزارة إن الحكومة ستعلن عن الميزانية الجديدة في الأسبوع المقبل بعد مراجعتها.</p></div></body></html>"#;
        let d = parse(page);
        assert_eq!(
            d.get(Slot::Author).map(|v| v.text.as_str()),
            Some("هدى عمر")
        );
        assert_eq!(d.published_iso.as_deref(), Some("2021-06-01"));
        let (s, e) = d.get(Slot::Author).unwrap().span.unwrap();
        assert_eq!(&page[s..e], "هدى عمر");
    }

    #[test]
    fn broken_html_does_not_panic() {
        for t in [
            "<html><body><p>نص غير مكتمل",
            "<<p>>",
            "<div><p></div></p>",
            "<script>",
            "<a href='x'>",
        ] {
            let _ = parse(t);
        }
    }
}
