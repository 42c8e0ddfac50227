//! Page metadata where htmldate and trafilatura look for it: JSON-LD
//! `NewsArticle` objects, `<meta>` tags (Open Graph, Dublin Core, article and
//! schema.org names), `<time>`/`itemprop` elements and the URL; the visible
//! date line near the body is read in [`super::parse`] once the body is known.
//!
//! Titles and names are HTML-unescaped once: attribute and element text come
//! decoded by the parser; JSON-LD strings (raw script text) and values a
//! publisher escaped twice (`&amp;quot;`) are decoded here.

use scraper::{ElementRef, Html, Node};
use serde_json::Value as Json;

use super::scoring::words;
use crate::article::dates_link;
use crate::article::draft::{Draft, Slot, Value};
use crate::article::header;

/// Meta names of the publication date, most specific first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date_published",
    "published_time",
    "publishdate",
    "publish_date",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "originalpublicationdate",
    "release_date",
    "date",
];

/// The meta values of the page: (key, value), key lower-cased.
pub fn metas(doc: &Html) -> Vec<(String, String)> {
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
                        out.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
        }
    }
    out
}

/// Decode the HTML entities left in a value (`&quot;` → `"`), once; markup
/// in it (JSON-LD bodies written as HTML) is dropped, its blocks kept as lines.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') && !s.contains('<') {
        return s.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    // The parser's tokenizer: its entity table, linear time whatever the markup.
    let page = super::flat::flatten(s);
    let lines: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
    lines.join("\n")
}

/// Text of the first element with this tag name, white space collapsed.
fn first_text(doc: &Html, tag: &str) -> Option<String> {
    doc.tree
        .nodes()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == tag)
        .map(element_text)
        .find(|t| !t.is_empty())
}

fn element_text(e: ElementRef<'_>) -> String {
    let t: Vec<&str> = e.text().collect();
    t.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// JSON-LD objects of an article type (NewsArticle, Article, BlogPosting …).
pub fn json_ld(doc: &Html) -> Vec<Json> {
    let mut out = Vec::new();
    for e in doc.tree.nodes().filter_map(ElementRef::wrap) {
        if e.value().name() == "script"
            && e.value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            let raw: String = e.text().collect();
            // Raw line breaks inside strings are common and invalid JSON.
            let raw = raw.replace(['\n', '\r', '\t'], " ");
            if let Ok(v) = serde_json::from_str::<Json>(raw.trim()) {
                collect_articles(&v, &mut out);
            }
        }
    }
    out
}

fn collect_articles(v: &Json, out: &mut Vec<Json>) {
    // JSON-LD nests shallowly; an explicit stack keeps odd inputs harmless.
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Json::Array(xs) => stack.extend(xs.iter().rev()),
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
                    stack.push(g);
                }
                if let Some(g) = m.get("mainEntity") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
}

/// A name from a JSON-LD person/organization value (string, object or list).
fn ld_name(v: &Json) -> Option<String> {
    let one = |v: &Json| match v {
        Json::String(s) => Some(s.clone()),
        Json::Object(m) => m.get("name").and_then(|n| n.as_str().map(str::to_string)),
        _ => None,
    };
    let name = match v {
        Json::Array(xs) => {
            let names: Vec<String> = xs.iter().filter_map(one).collect();
            (!names.is_empty()).then(|| names.join("، "))
        }
        _ => one(v),
    }?;
    let name = unescape(&name);
    (!name.is_empty()).then_some(name)
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

fn valid_ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// An ISO date from a machine-written date: `2013-08-28T10:00:00Z`,
/// `2020-12-01 02:00:00`, `2020/12/01`, `20201201`.
pub fn machine_date(s: &str) -> Option<String> {
    let s = s.trim();
    let digits: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let num = |p: &str| p.parse::<u32>().ok();
    match digits.as_slice() {
        [ymd, ..] if ymd.len() == 8 && s.starts_with(ymd) => {
            valid_ymd(num(&ymd[..4])?, num(&ymd[4..6])?, num(&ymd[6..])?)
        }
        [y, m, d, ..] if y.len() == 4 && s.starts_with(y) && m.len() <= 2 && d.len() <= 2 => {
            valid_ymd(num(y)?, num(m)?, num(d)?)
        }
        _ => None,
    }
}

/// A publication date as written somewhere machine-readable, with its ISO
/// form; free text (an Arabic date in a meta tag) goes to the date grammar.
fn dated(s: &str) -> Option<String> {
    machine_date(s).or_else(|| dates_link::find(s).into_iter().find_map(|h| h.iso))
}

/// The date in a URL path: `/2020/8/24/…`, `/2020-08-24-…`, `/20200824/`.
pub fn url_date(url: &str) -> Option<(String, String)> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segs: Vec<&str> = path.split('/').collect();
    for (i, seg) in segs.iter().enumerate() {
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if seg.len() == 4 && all_digits(seg) && i + 2 < segs.len() {
            let (m, d) = (segs[i + 1], segs[i + 2]);
            if all_digits(m) && all_digits(d) && m.len() <= 2 && d.len() <= 2 {
                if let Some(iso) = valid_ymd(seg.parse().ok()?, m.parse().ok()?, d.parse().ok()?) {
                    return Some((format!("{seg}/{m}/{d}"), iso));
                }
            }
        }
        // A date written inside one segment.
        for (start, _) in seg.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
            if start > 0 && seg.as_bytes()[start - 1].is_ascii_digit() {
                continue;
            }
            let rest = &seg[start..];
            let end = rest
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '-' | '_')))
                .map_or(rest.len(), |(e, _)| e);
            let cand = rest[..end].trim_end_matches(['-', '_']);
            let parts: Vec<&str> = cand.split(['-', '_']).collect();
            let iso = match parts.as_slice() {
                [y, m, d, ..] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                    valid_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                }
                [ymd, ..] if ymd.len() == 8 => valid_ymd(
                    ymd[..4].parse().ok()?,
                    ymd[4..6].parse().ok()?,
                    ymd[6..].parse().ok()?,
                ),
                _ => None,
            };
            if let Some(iso) = iso {
                return Some((cand.to_string(), iso));
            }
        }
    }
    None
}

/// Fill title, subtitle, author, source, section and the publication date
/// from the page's machine-readable metadata and its URL.
pub fn fill(doc: &Html, src: &str, url: Option<&str>, d: &mut Draft) -> Option<String> {
    let metas = metas(doc);
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(mk, _)| mk == k)
                .map(|(_, v)| unescape(v))
                .filter(|v| !v.is_empty())
        })
    };
    let ld = json_ld(doc);
    let ld_get = |k: &str| ld.iter().find_map(|o| o.get(k).filter(|v| !v.is_null()));
    let ld_str = |k: &str| {
        ld_get(k)
            .and_then(|v| v.as_str().map(unescape))
            .filter(|v| !v.is_empty())
    };

    // Title: JSON-LD headline, og:title, an <h1> the <title> contains, <title>.
    let page_title = first_text(doc, "title");
    let title = ld_str("headline")
        .or_else(|| meta(&["og:title", "twitter:title", "title", "dc.title"]))
        .or_else(|| {
            doc.tree
                .nodes()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "h1")
                .map(element_text)
                .find(|h| {
                    h.chars().count() > 8
                        && page_title
                            .as_deref()
                            .is_some_and(|t| t.contains(h.as_str()))
                })
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

    // Publication date: JSON-LD, metas, itemprop/<time> elements, the URL.
    let published = ld_str("datePublished")
        .into_iter()
        .chain(DATE_METAS.iter().filter_map(|k| meta(&[k])))
        .find_map(|v| dated(&v).map(|iso| (v, iso)))
        .or_else(|| time_element(doc))
        .map(|(v, iso)| (located(src, v), iso))
        .or_else(|| {
            url.and_then(url_date)
                .map(|(text, iso)| (Value { text, span: None }, iso))
        });
    if let Some((v, iso)) = published {
        if d.set(Slot::Published, v) {
            d.published_iso = Some(iso);
        }
    }

    if let Some(a) = ld_get("author").and_then(ld_name).or_else(|| {
        meta(&[
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "sailthru.author",
        ])
        .filter(|a| !a.starts_with("http"))
    }) {
        d.set(Slot::Author, located(src, a));
    }
    if d.get(Slot::Author).is_none() {
        if let Some(name) = byline_element(doc) {
            d.set(Slot::Author, located(src, name));
        }
    }
    if let Some(s) = ld_get("publisher")
        .and_then(ld_name)
        .or_else(|| meta(&["og:site_name", "application-name"]))
    {
        d.set(Slot::Source, located(src, s));
    }
    if let Some(t) = title {
        let t = match d.get(Slot::Source) {
            Some(site) => strip_site_name(&t, &site.text),
            None => t,
        };
        d.set(Slot::Title, located(src, t));
    }
    if let Some(s) = ld_get("articleSection")
        .and_then(ld_name)
        .or_else(|| meta(&["article:section"]))
    {
        d.set(Slot::Section, located(src, s));
    }
    if let Some(s) = ld_str("alternativeHeadline") {
        d.set(Slot::Subtitle, located(src, s));
    }
    // A body written as escaped HTML: its markup, once decoded, is dropped too.
    ld_str("articleBody").map(|b| if b.contains('<') { unescape(&b) } else { b })
}

/// A title without the outlet's name appended ("… - اليوم السابع").
fn strip_site_name(title: &str, site: &str) -> String {
    for sep in [" - ", " | ", " – ", " — ", " :: ", " « ", " » "] {
        if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some(tail) = title.strip_prefix(site).and_then(|h| h.strip_prefix(sep)) {
            if !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// `<time datetime>` or an `itemprop="datePublished"` element: marked
/// publication dates first, then the first dated `<time>`.
fn time_element(doc: &Html) -> Option<(String, String)> {
    let mut first: Option<(String, String)> = None;
    for e in doc.tree.nodes().filter_map(ElementRef::wrap) {
        let el = e.value();
        let itemprop = el.attr("itemprop").unwrap_or("").to_ascii_lowercase();
        let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
        let marked = itemprop == "datepublished"
            || el.attr("pubdate").is_some()
            || (el.name() == "time" && class.contains("publish"));
        if el.name() != "time" && !marked {
            continue;
        }
        let raw = el
            .attr("datetime")
            .or_else(|| el.attr("content"))
            .map(str::to_string)
            .unwrap_or_else(|| element_text(e));
        if let Some(iso) = dated(&raw) {
            if marked {
                return Some((raw, iso));
            }
            first.get_or_insert((raw, iso));
        }
    }
    first
}

/// The writer's name in an author/byline element (`class="byline"`, `rel="author"`).
fn byline_element(doc: &Html) -> Option<String> {
    for e in doc.tree.nodes().filter_map(ElementRef::wrap) {
        let el = e.value();
        let marks = format!(
            "{} {} {}",
            el.attr("class").unwrap_or(""),
            el.attr("rel").unwrap_or(""),
            el.attr("itemprop").unwrap_or("")
        )
        .to_ascii_lowercase();
        if !(marks.contains("author") || marks.contains("byline")) {
            continue;
        }
        let t = element_text(e);
        let n = words(&t).count();
        if !(1..=8).contains(&n) {
            continue;
        }
        let name = header::parse(&t, 0, t.len(), true)
            .and_then(|h| {
                h.fields
                    .iter()
                    .find(|f| f.field == header::FieldKind::Author)
                    .map(|f| t[f.start..f.end].to_string())
            })
            .or_else(|| (n <= 4 && !t.contains(':')).then(|| t.clone()));
        if name.is_some() {
            return name;
        }
    }
    None
}
