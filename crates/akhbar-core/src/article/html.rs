//! HTML pages (placeholder until the HTML reader lands).

use super::draft::Draft;

/// Parse an HTML page.
pub fn parse(html: &str) -> Draft {
    let _ = html;
    Draft::default()
}
