//! Which element holds the article text, after the published ideas of
//! readability (paragraph scores — length and commas — given to the
//! paragraph's container and, less, to its ancestors; scores scaled down by
//! link density and nudged by class names) and jusText (a block is good text
//! when it is long, poor in links and rich in function words).

use super::dom::{Block, Page};
use crate::article::lexicon;

/// Words of a block that hold a letter or digit.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// jusText's "good" block: at least 10 words, few links, Arabic function words.
pub fn is_good(b: &Block) -> bool {
    let (mut n, mut stops) = (0usize, 0usize);
    for w in words(&b.text) {
        n += 1;
        stops += usize::from(lexicon::is_stop_word(w));
    }
    !b.furniture
        && !b.heading
        && n >= 10
        && b.link_density() <= 0.35
        && stops as f64 / n.max(1) as f64 >= 0.10
}

/// Whether a block found inside the article container is body text: not
/// furniture, not a heading, mostly not links, not a known boilerplate line.
pub fn is_body_text(b: &Block) -> bool {
    let k = lexicon::key(b.text.trim_end_matches([':', '：']));
    !b.furniture
        && !b.heading
        && b.link_density() < 0.5
        && b.text.chars().any(char::is_alphanumeric)
        && !lexicon::is_boilerplate_line(&k)
        && !lexicon::is_related_heading(&k)
}

/// Phrases of the rules and disclaimers printed above a comment thread.
const COMMENT_RULES: &[&str] = &[
    "لا تعبر عن رأي",
    "لا تعبر بالضرورة",
    "تعبر عن وجهة نظر",
    "تعكس وجهات نظر",
    "إرشادات الاستخدام",
    "قواعد النشر",
    "شروط النشر",
    "مراجعة التعليقات",
    "سياسة التعليقات",
    "التعليقات المسيئة",
];

/// Whether a short block reads as comment rules or a reader-opinion disclaimer.
pub fn is_comment_rules(b: &Block) -> bool {
    words(&b.text).count() <= 80 && COMMENT_RULES.iter().any(|p| b.text.contains(p))
}

/// Element scores of a page.
pub struct Scores {
    /// Final score per element (0 for elements holding no scored text).
    pub score: Vec<f64>,
    /// Characters and link characters of all blocks before each block (prefix sums).
    chars: Vec<usize>,
    links: Vec<usize>,
}

impl Scores {
    /// Score every block element of the page.
    pub fn new(page: &Page) -> Self {
        let mut chars = Vec::with_capacity(page.blocks.len() + 1);
        let mut links = Vec::with_capacity(page.blocks.len() + 1);
        let (mut c, mut l) = (0, 0);
        chars.push(0);
        links.push(0);
        for b in &page.blocks {
            c += b.chars;
            l += b.link_chars;
            chars.push(c);
            links.push(l);
        }
        let mut raw = vec![0.0f64; page.elements.len()];
        for b in &page.blocks {
            if b.furniture || b.heading || b.chars < 25 || b.link_density() >= 0.5 {
                continue;
            }
            let commas = b.text.chars().filter(|c| matches!(c, ',' | '،')).count();
            let s = 1.0 + commas as f64 + (b.chars as f64 / 100.0).min(3.0);
            // Text straight inside a generic container scores that container;
            // a paragraph-like element's text scores the paragraph's parent.
            let owner = &page.elements[b.owner];
            let first = if matches!(
                owner.tag.as_str(),
                "p" | "li" | "td" | "dd" | "blockquote" | "pre" | "figcaption" | "address"
            ) {
                owner.parent.unwrap_or(b.owner)
            } else {
                b.owner
            };
            let mut at = Some(first);
            for share in [1.0, 0.5, 1.0 / 6.0] {
                let Some(i) = at else { break };
                raw[i] += s * share;
                at = page.elements[i].parent;
            }
        }
        let mut scores = Self {
            score: vec![0.0; page.elements.len()],
            chars,
            links,
        };
        for (i, e) in page.elements.iter().enumerate() {
            if raw[i] > 0.0 && !e.furniture {
                let (c, l) = scores.totals(page, i);
                let density = l as f64 / c.max(1) as f64;
                scores.score[i] = raw[i] * (1.0 - density) + e.weight;
            }
        }
        scores
    }

    /// Index range of the blocks inside an element.
    pub fn block_range(page: &Page, element: usize) -> std::ops::Range<usize> {
        let e = &page.elements[element];
        let a = page.blocks.partition_point(|b| b.pos <= e.start);
        let z = page.blocks.partition_point(|b| b.pos < e.end);
        a..z.max(a)
    }

    /// Characters and link characters inside an element.
    fn totals(&self, page: &Page, element: usize) -> (usize, usize) {
        let r = Self::block_range(page, element);
        (
            self.chars[r.end] - self.chars[r.start],
            self.links[r.end] - self.links[r.start],
        )
    }

    /// The best-scoring element inside `within` (itself included); ties go to
    /// the outer (earlier) element.
    pub fn best(&self, page: &Page, within: usize) -> Option<usize> {
        let w = &page.elements[within];
        let mut best: Option<usize> = None;
        for (i, e) in page.elements.iter().enumerate().skip(within) {
            if e.start > w.end {
                break;
            }
            if e.end > w.end || self.score[i] <= 0.0 {
                continue;
            }
            if best.is_none_or(|b| self.score[i] > self.score[b]) {
                best = Some(i);
            }
        }
        best
    }

    /// The body blocks around a chosen container: its body text, that of
    /// siblings scoring near it (a body split by an advert), and good
    /// paragraphs just before it under the same parent (a lead set apart).
    pub fn body(&self, page: &Page, best: usize) -> Vec<usize> {
        let mut take: Vec<usize> = Self::block_range(page, best)
            .filter(|&i| is_body_text(&page.blocks[i]))
            .collect();
        let top = self.score[best];
        let parent = page.elements[best].parent;
        if let Some(p) = parent {
            let pe = &page.elements[p];
            for (i, e) in page.elements.iter().enumerate().skip(p + 1) {
                if e.start > pe.end {
                    break;
                }
                if i != best && e.parent == Some(p) && self.score[i] >= (0.2 * top).max(10.0) {
                    take.extend(
                        Self::block_range(page, i).filter(|&j| is_body_text(&page.blocks[j])),
                    );
                }
            }
            take.sort_unstable();
            take.dedup();
            // A lead paragraph set apart just before the body.
            if let Some(&first) = take.first() {
                let mut added = 0;
                for j in (0..first).rev() {
                    let b = &page.blocks[j];
                    if !pe.holds(b) || b.heading || added == 3 {
                        break;
                    }
                    if b.furniture {
                        continue;
                    }
                    if is_good(b) {
                        take.push(j);
                        added += 1;
                    } else if words(&b.text).count() >= 8 {
                        break;
                    }
                }
            }
        }
        take.sort_unstable();
        take.dedup();
        // Comment rules closing the body.
        while take
            .last()
            .is_some_and(|&i| is_comment_rules(&page.blocks[i]))
        {
            take.pop();
        }
        take
    }
}
