//! The main text of a page, found in steps so that a page with text never
//! yields an empty body: the JSON-LD `articleBody`, the article/main elements,
//! the densest text block of the whole page, then the whole visible text.

use super::dom::Page;
use super::scoring::{words, Scores};
use crate::article::Extraction;

/// The body found and the step that found it.
#[derive(Debug)]
pub struct Choice {
    /// Body blocks (indices into [`Page::blocks`]), in document order.
    pub blocks: Vec<usize>,
    /// Body paragraphs that are not page text (a JSON-LD `articleBody` that
    /// the page does not show), used when `blocks` is empty.
    pub paragraphs: Vec<String>,
    /// Which step found the body.
    pub step: Extraction,
}

fn chars(page: &Page, blocks: &[usize]) -> usize {
    blocks.iter().map(|&i| page.blocks[i].chars).sum()
}

/// Collapse white space, for comparing page text with JSON-LD text.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Bytes of JSON-LD text searched at most, over all blocks (a bound on huge pages).
const LD_SEARCH_BUDGET: usize = 1 << 28;

/// Page blocks whose text is part of the JSON-LD body, when they cover most of it.
fn blocks_of_ld(page: &Page, ld: &str) -> Option<Vec<usize>> {
    let ld_chars = ld.chars().count();
    let mut found = Vec::new();
    let mut covered = 0;
    let candidates = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.chars >= 20);
    let budget = LD_SEARCH_BUDGET / ld.len().max(1);
    for (i, b) in candidates.take(budget) {
        if !b.heading && ld.contains(b.text.as_str()) {
            found.push(i);
            covered += b.chars;
        }
    }
    (covered * 2 >= ld_chars).then_some(found)
}

/// The body from the semantic elements: explicit article-body markup first,
/// then the `<article>`/`<main>` element whose densest block holds most text.
fn from_semantic(page: &Page, scores: &Scores) -> Option<(Vec<usize>, bool)> {
    let mut best: Option<(Vec<usize>, bool)> = None;
    for (i, e) in page.elements.iter().enumerate() {
        if e.semantic == 0 || e.furniture {
            continue;
        }
        let Some(c) = scores.best(page, i) else {
            continue;
        };
        let body = scores.body(page, c);
        if body.is_empty() {
            continue;
        }
        let explicit = e.semantic == 2;
        let better = match &best {
            None => true,
            Some((b, was_explicit)) => {
                (explicit && !was_explicit)
                    || (explicit == *was_explicit && chars(page, &body) > chars(page, b))
            }
        };
        if better {
            best = Some((body, explicit));
        }
    }
    best
}

/// Find the body of a flattened page; `ld_body` is the JSON-LD `articleBody`.
pub fn choose(page: &Page, ld_body: Option<&str>) -> Choice {
    let scores = Scores::new(page);
    let ld = ld_body.map(collapse).filter(|t| words(t).count() >= 20);
    if let Some(ld) = &ld {
        if let Some(blocks) = blocks_of_ld(page, ld) {
            return Choice {
                blocks,
                paragraphs: Vec::new(),
                step: Extraction::JsonLd,
            };
        }
    }
    let densest = scores
        .best(page, 0)
        .map(|c| scores.body(page, c))
        .unwrap_or_default();
    let dom = match from_semantic(page, &scores) {
        Some((body, explicit)) if explicit || chars(page, &body) * 2 >= chars(page, &densest) => {
            Some((body, Extraction::ArticleElement))
        }
        _ => (!densest.is_empty()).then_some((densest, Extraction::DensestBlock)),
    };
    if let Some(ld) = ld {
        // The page shows less than the JSON-LD holds: take the JSON-LD text.
        if dom
            .as_ref()
            .is_none_or(|(b, _)| chars(page, b) < ld.chars().count())
        {
            let paragraphs = ld_body
                .unwrap_or_default()
                .lines()
                .map(collapse)
                .filter(|p| !p.is_empty())
                .collect();
            return Choice {
                blocks: Vec::new(),
                paragraphs,
                step: Extraction::JsonLd,
            };
        }
    }
    if let Some((blocks, step)) = dom {
        return Choice {
            blocks,
            paragraphs: Vec::new(),
            step,
        };
    }
    visible(page)
}

/// The whole visible text: blocks that are not furniture and mostly not
/// links, or, when there are none, every block; `Empty` when there is no text.
pub fn visible(page: &Page) -> Choice {
    let mut blocks: Vec<usize> = (0..page.blocks.len())
        .filter(|&i| !page.blocks[i].furniture && page.blocks[i].link_density() < 0.5)
        .collect();
    if blocks.is_empty() {
        blocks = (0..page.blocks.len()).collect();
    }
    let step = if blocks.is_empty() {
        Extraction::Empty
    } else {
        Extraction::VisibleText
    };
    Choice {
        blocks,
        paragraphs: Vec::new(),
        step,
    }
}
