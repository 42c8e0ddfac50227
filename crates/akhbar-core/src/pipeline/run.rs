//! Running a pipeline over a batch of articles.

use super::columns::Tables;
use super::config::PipelineConfig;
use super::document::process_document;
use crate::batch;
use crate::error::Result;

/// Process `texts` on `threads` threads and gather the tables; row `i` of every
/// table refers to `texts[i]`. The result does not depend on the thread count.
pub fn run<S: AsRef<str> + Sync>(
    texts: &[S],
    config: &PipelineConfig,
    threads: Option<usize>,
) -> Result<Tables> {
    let docs = batch::map(texts, threads, |t| process_document(t.as_ref(), config))?;
    let mut tables = Tables::default();
    for (row, doc) in docs.into_iter().enumerate() {
        tables.push(row, doc);
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{NormalizeOptions, Normalizer};

    #[test]
    fn rows_follow_input_order_for_any_thread_count() {
        let texts: Vec<String> = (0..500)
            .map(|i| format!("خبر رقم {i} عن {}", "الأمم المتحدة ".repeat(i % 7)))
            .collect();
        let config = PipelineConfig {
            normalizer: Some(Normalizer::new(NormalizeOptions::preset("search").unwrap())),
            tokens: true,
            parse: false,
            dates: true,
            numbers: true,
            entities: None,
        };
        let one = run(&texts, &config, Some(1)).unwrap();
        let two = run(&texts, &config, Some(2)).unwrap();
        assert_eq!(one, two);
        assert_eq!(one.articles.row, (0..500).collect::<Vec<_>>());
        assert_eq!(one.articles.n_words[3], Some(3 + 3 * 2));
    }
}
