//! Running a pipeline over a batch of articles.

use super::columns::Tables;
use super::config::PipelineConfig;
use super::document::process_document;
use crate::batch;
use crate::calendar::Date;
use crate::error::{Error, Result};

/// Process `texts` on `threads` threads and gather the tables; row `i` of every
/// table refers to `texts[i]`. `references` is empty (each article's relative
/// dates resolve against its parsed date) or holds one reference date per text
/// (see [`process_document`]). The result does not depend on the thread count.
/// A document that fails inside akhbar (a panic) is listed in
/// [`Tables::failed`] and the others are unaffected.
pub fn run<S: AsRef<str> + Sync>(
    texts: &[S],
    references: &[Option<Date>],
    config: &PipelineConfig,
    threads: Option<usize>,
) -> Result<Tables> {
    if !references.is_empty() && references.len() != texts.len() {
        return Err(Error::InvalidOption(format!(
            "got {} reference dates for {} texts",
            references.len(),
            texts.len()
        )));
    }
    let items: Vec<(&S, Option<Date>)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (t, references.get(i).copied().flatten()))
        .collect();
    let docs = batch::map_each(&items, threads, |(t, r)| {
        process_document(t.as_ref(), *r, config)
    })?;
    let mut tables = Tables::default();
    for (row, doc) in docs.into_iter().enumerate() {
        match doc {
            Ok(doc) => tables.push(row, doc),
            Err(Error::Internal { reason, .. }) => tables.failed.push((row, reason)),
            Err(e) => tables.failed.push((row, e.to_string())),
        }
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
            panic_on: None,
        };
        let one = run(&texts, &[], &config, Some(1)).unwrap();
        let two = run(&texts, &[], &config, Some(2)).unwrap();
        assert_eq!(one, two);
        assert_eq!(one.articles.row, (0..500).collect::<Vec<_>>());
        assert_eq!(one.articles.n_words[3], Some(3 + 3 * 2));
        assert!(one.failed.is_empty());
    }

    #[test]
    fn a_failing_document_costs_its_row_only() {
        let texts = ["خبر أول عن دمشق", "سيفشل", "خبر ثالث عن القاهرة"];
        let config = PipelineConfig {
            tokens: true,
            panic_on: Some("سيفشل".into()),
            ..PipelineConfig::default()
        };
        for threads in [Some(1), Some(2)] {
            let t = run(&texts, &[], &config, threads).unwrap();
            assert_eq!(t.articles.row, vec![0, 2]);
            assert_eq!(t.articles.n_words, vec![Some(4), Some(4)]);
            assert_eq!(t.failed.len(), 1);
            assert_eq!(t.failed[0].0, 1);
            assert_eq!(t.failed[0].1, "forced failure (PipelineConfig::panic_on)");
        }
    }

    #[test]
    fn references_go_to_their_own_rows_for_any_thread_count() {
        let texts: Vec<String> = (0..300).map(|i| format!("خبر رقم {i} وقع أمس")).collect();
        let refs: Vec<Option<Date>> = (0..300)
            .map(|i| (i % 3 != 0).then(|| Date::new(2015, 1 + i % 12, 1 + i % 28).unwrap()))
            .collect();
        let config = PipelineConfig {
            dates: true,
            ..PipelineConfig::default()
        };
        let one = run(&texts, &refs, &config, Some(1)).unwrap();
        assert_eq!(one, run(&texts, &refs, &config, Some(2)).unwrap());
        let values = &one.dates.value;
        assert_eq!(one.dates.place.row.len(), 300);
        for (i, r) in refs.iter().enumerate() {
            let expected = r.map(|d| d.add_days(-1).to_iso());
            assert_eq!(values[i], expected, "row {i}");
        }
        let err = run(&texts, &refs[..2], &config, None).unwrap_err();
        assert_eq!(err.to_string(), "got 2 reference dates for 300 texts");
    }
}
