//! The page flattened into text blocks and the block-level elements that hold
//! them, in one iterative pass over the parsed tree (no recursion: markup
//! nested 100,000 deep is walked like any other page).
//!
//! Positions: a single counter ticks at every element opening, element closing
//! and block; an element spans the ticks `[start, end]` and a block lies inside
//! every element whose span holds its tick, so "the blocks of this element" is
//! a range query.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// One run of text between block-level boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    /// The text, white space collapsed.
    pub text: String,
    /// Its length in characters.
    pub chars: usize,
    /// Characters of it inside links.
    pub link_chars: usize,
    /// Byte range in the page source, when the text could be located.
    pub span: Option<(usize, usize)>,
    /// Position tick.
    pub pos: usize,
    /// Index (in [`Page::elements`]) of the innermost block element holding it.
    pub owner: usize,
    /// Inside navigation, footer, comments, share/related/subscription widgets.
    pub furniture: bool,
    /// Inside a heading (`h1`–`h6`).
    pub heading: bool,
}

impl Block {
    /// Share of its characters inside links.
    pub fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }
}

/// A block-level element.
#[derive(Debug, Clone)]
pub struct Element {
    /// Tag name.
    pub tag: String,
    /// Tick at its opening.
    pub start: usize,
    /// Tick at its closing.
    pub end: usize,
    /// The enclosing block element.
    pub parent: Option<usize>,
    /// Itself furniture or inside furniture.
    pub furniture: bool,
    /// Class/id hint: positive for content-like names, negative for furniture-like.
    pub weight: f64,
    /// `<article>`, `<main>`, `role=main|article` or `itemprop=articleBody`:
    /// 2 for an explicit article body, 1 otherwise, 0 for none.
    pub semantic: u8,
}

impl Element {
    /// Whether a block lies inside this element.
    pub fn holds(&self, b: &Block) -> bool {
        self.start < b.pos && b.pos < self.end
    }
}

/// The flattened page.
#[derive(Debug, Default)]
pub struct Page {
    /// Text blocks in document order.
    pub blocks: Vec<Block>,
    /// Block-level elements in document order; index 0 is the root.
    pub elements: Vec<Element>,
}

/// Elements whose content is never visible text.
pub(super) const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "svg", "object", "embed",
    "select", "button", "textarea", "canvas", "video", "audio", "math", "title",
];

/// Elements that end a text block.
pub(super) const BLOCK: &[&str] = &[
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
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "main",
    "body",
    "html",
    "form",
    "center",
    "address",
    "details",
    "summary",
    "menu",
];

/// Void elements that only break a block.
pub(super) const BREAK: &[&str] = &["br", "hr"];

/// Furniture by tag.
const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "menu"];

/// Furniture by class/id word (a word of the attribute, or its start).
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "comment",
    "comments",
    "disqus",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "relatedarticles",
    "breadcrumb",
    "breadcrumbs",
    "banner",
    "advert",
    "ads",
    "ad",
    "promo",
    "widget",
    "login",
    "subscribe",
    "subscription",
    "newsletter",
    "copyright",
    "tags",
    "tag",
    "keywords",
    "most",
    "popular",
    "trending",
    "readmore",
    "recommend",
    "outbrain",
    "taboola",
    "sponsor",
    "sponsored",
    "rules",
    "policy",
    "cookie",
    "modal",
    "popup",
];

/// Content-like class/id words.
const CONTENT_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "details",
    "detail",
    "news",
    "single",
];

/// The lower-cased words of an element's class and id ("post-comments" → post, comments).
fn attr_words(class: &str, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in class.split_whitespace().chain(id.split_whitespace()) {
        let part = part.to_ascii_lowercase();
        out.extend(
            part.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
        // camelCase and glued names ("relatedNews", "shareBox") as one more word each.
        out.push(part.replace(['-', '_'], ""));
    }
    out
}

fn furniture_word(w: &str) -> bool {
    FURNITURE_WORDS.contains(&w)
        || (w.starts_with("comment") && !w.starts_with("commentar"))
        || [
            "related",
            "share",
            "social",
            "sidebar",
            "footer",
            "breadcrumb",
        ]
        .iter()
        .any(|p| w.starts_with(p))
}

fn content_word(w: &str) -> bool {
    CONTENT_WORDS.contains(&w)
}

/// What an open node contributes while its subtree is walked.
struct Frame {
    element: Option<usize>,
    skip: bool,
    furniture: bool,
    heading: bool,
    link: bool,
}

/// Builds a [`Page`] from a walk over the page (tree or token stream).
pub(super) struct Builder<'a> {
    src: &'a str,
    cursor: usize,
    page: Page,
    tick: usize,
    open: Vec<usize>,
    cur: String,
    cur_links: usize,
    cur_span: Option<(usize, usize)>,
    skip: usize,
    furniture: usize,
    heading: usize,
    link: usize,
}

/// How far past the cursor a text node is looked for in the source.
const LOCATE_WINDOW: usize = 1 << 16;

impl<'a> Builder<'a> {
    /// A builder over the page source (for spans), holding only the root element.
    pub(super) fn new(src: &'a str) -> Self {
        let mut b = Builder {
            src,
            cursor: 0,
            page: Page::default(),
            tick: 0,
            open: Vec::new(),
            cur: String::new(),
            cur_links: 0,
            cur_span: None,
            skip: 0,
            furniture: 0,
            heading: 0,
            link: 0,
        };
        b.page.elements.push(Element {
            tag: String::new(),
            start: 0,
            end: usize::MAX,
            parent: None,
            furniture: false,
            weight: 0.0,
            semantic: 0,
        });
        b.open.push(0);
        b
    }

    /// The page, once the walk is over.
    pub(super) fn finish(mut self) -> Page {
        self.flush();
        self.tick += 1;
        self.page.elements[0].end = self.tick;
        self.page
    }

    /// Enter (+1) or leave (-1) invisible content or a link (flat reading).
    pub(super) fn nest(&mut self, skip: isize, link: isize) {
        self.skip = self.skip.saturating_add_signed(skip);
        self.link = self.link.saturating_add_signed(link);
    }

    /// Whether the walk is inside invisible content.
    pub(super) fn skipping(&self) -> bool {
        self.skip > 0
    }

    /// End the current block.
    pub(super) fn flush(&mut self) {
        let text = self.cur.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.tick += 1;
            self.page.blocks.push(Block {
                chars: text.chars().count(),
                text,
                link_chars: self.cur_links,
                span: self.cur_span,
                pos: self.tick,
                owner: self.open.last().copied().unwrap_or(0),
                furniture: self.furniture > 0,
                heading: self.heading > 0,
            });
        }
        self.cur.clear();
        self.cur_links = 0;
        self.cur_span = None;
    }

    /// Where `t` is in the source at or after the cursor, within a window.
    pub(super) fn locate(&mut self, t: &str) -> Option<(usize, usize)> {
        let from = self.cursor;
        let to = self.src.len().min(from + LOCATE_WINDOW + t.len());
        let to = (to..=self.src.len())
            .find(|&i| self.src.is_char_boundary(i))
            .unwrap_or(self.src.len());
        let p = self.src.get(from..to)?.find(t)?;
        let span = (from + p, from + p + t.len());
        self.cursor = span.1;
        Some(span)
    }

    /// Add a text node.
    pub(super) fn text(&mut self, t: &str) {
        let trimmed = t.trim();
        if trimmed.is_empty() {
            self.cur.push(' ');
            return;
        }
        if let Some((s, e)) = self.locate(trimmed) {
            self.cur_span = Some(match self.cur_span {
                Some((a, _)) => (a, e),
                None => (s, e),
            });
        }
        self.cur.push_str(t);
        if self.link > 0 {
            self.cur_links += trimmed.chars().count();
        }
    }

    fn open_element(&mut self, el: &scraper::node::Element) -> Frame {
        let name = el.name();
        let hidden = el.attr("hidden").is_some()
            || el.attr("aria-hidden") == Some("true")
            || el.attr("style").is_some_and(|s| {
                let s = s.to_ascii_lowercase().replace(' ', "");
                s.contains("display:none") || s.contains("visibility:hidden")
            });
        if SKIP.contains(&name) || hidden {
            return Frame {
                element: None,
                skip: true,
                furniture: false,
                heading: false,
                link: false,
            };
        }
        if BREAK.contains(&name) {
            self.flush();
        }
        let words = attr_words(el.attr("class").unwrap_or(""), el.attr("id").unwrap_or(""));
        let role = el.attr("role").unwrap_or("").to_ascii_lowercase();
        let itemprop = el.attr("itemprop").unwrap_or("").to_ascii_lowercase();
        let explicit_body = itemprop.contains("articlebody")
            || words
                .iter()
                .any(|w| w == "articlebody" || w == "storybody" || w == "entrycontent");
        let body_like = name == "body" || name == "html" || explicit_body;
        let furniture = !body_like
            && (FURNITURE_TAGS.contains(&name)
                || matches!(
                    role.as_str(),
                    "navigation" | "banner" | "contentinfo" | "complementary"
                )
                || (words.iter().any(|w| furniture_word(w))
                    && !words.iter().any(|w| content_word(w))));
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if furniture
            && words
                .iter()
                .any(|w| w.starts_with("comment") || w == "disqus")
        {
            self.comment_preamble();
        }
        let element = if BLOCK.contains(&name) || explicit_body {
            self.flush();
            self.tick += 1;
            let semantic = if explicit_body {
                2
            } else {
                u8::from(
                    matches!(name, "article" | "main")
                        || matches!(role.as_str(), "main" | "article"),
                )
            };
            let weight = if furniture {
                -25.0
            } else if words.iter().any(|w| content_word(w)) || semantic > 0 {
                25.0
            } else {
                0.0
            };
            self.page.elements.push(Element {
                tag: name.to_string(),
                start: self.tick,
                end: usize::MAX,
                parent: self.open.last().copied(),
                furniture: furniture || self.furniture > 0,
                weight,
                semantic,
            });
            let i = self.page.elements.len() - 1;
            self.open.push(i);
            Some(i)
        } else {
            None
        };
        Frame {
            element,
            skip: false,
            furniture,
            heading,
            link: name == "a",
        }
    }

    /// A comment thread opens: a short element just before it, under the same
    /// parent, is its heading or rules ("ترحب الشبكة بالنقاش…"), not the article.
    fn comment_preamble(&mut self) {
        self.flush();
        let Some(&parent) = self.open.last() else {
            return;
        };
        let Some(prev) = (parent + 1..self.page.elements.len())
            .rev()
            .take(64)
            .find(|&i| self.page.elements[i].parent == Some(parent))
        else {
            return;
        };
        let range = (self.page.elements[prev].start, self.page.elements[prev].end);
        let inside: Vec<usize> = (0..self.page.blocks.len())
            .rev()
            .take_while(|&i| self.page.blocks[i].pos > range.0)
            .filter(|&i| self.page.blocks[i].pos < range.1)
            .take(4)
            .collect();
        let n_words: usize = inside
            .iter()
            .map(|&i| self.page.blocks[i].text.split_whitespace().count())
            .sum();
        let about_comments = inside.iter().any(|&i| {
            let t = &self.page.blocks[i].text;
            t.contains("تعليق") || t.to_lowercase().contains("comment")
        });
        if inside.len() <= 3 && n_words <= 100 && about_comments {
            for i in inside {
                self.page.blocks[i].furniture = true;
            }
        }
    }

    fn enter(&mut self, f: &Frame) {
        self.skip += usize::from(f.skip);
        self.furniture += usize::from(f.furniture);
        self.heading += usize::from(f.heading);
        self.link += usize::from(f.link);
    }

    fn leave(&mut self, f: &Frame) {
        if let Some(i) = f.element {
            self.flush();
            self.tick += 1;
            self.page.elements[i].end = self.tick;
            self.open.pop();
        }
        self.skip -= usize::from(f.skip);
        self.furniture -= usize::from(f.furniture);
        self.heading -= usize::from(f.heading);
        self.link -= usize::from(f.link);
    }
}

/// Flatten a parsed page into blocks and block elements.
pub fn flatten(doc: &Html, src: &str) -> Page {
    let mut b = Builder::new(src);
    let mut frames: Vec<Frame> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let f = if b.skip > 0 {
                        Frame {
                            element: None,
                            skip: false,
                            furniture: false,
                            heading: false,
                            link: false,
                        }
                    } else {
                        b.open_element(el)
                    };
                    b.enter(&f);
                    frames.push(f);
                }
                Node::Text(t) => {
                    if b.skip == 0 {
                        b.text(&t[..]);
                    } else if !t.contains('&') {
                        // Raw text (scripts, styles): step the cursor past it.
                        let _ = b.locate(&t[..]);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    if let Some(f) = frames.pop() {
                        b.leave(&f);
                    }
                }
            }
        }
    }
    b.finish()
}
