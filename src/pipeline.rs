//! `_run_pipeline`: one chunk of articles through the core pipeline, returned
//! as columns (dicts of lists) that the Python `Pipeline` turns into tables.

use akhbar_core::pipeline::{run, MentionColumns, PipelineConfig};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::core_error;
use crate::normalize::PyNormalizer;
use crate::{input, parallel};

fn mention_columns<'py>(py: Python<'py>, m: MentionColumns) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("row", m.row)?;
    d.set_item("start", m.start)?;
    d.set_item("end", m.end)?;
    d.set_item("text", m.text)?;
    d.set_item("label", m.label)?;
    d.set_item("value", m.value)?;
    Ok(d)
}

/// Run the enabled stages on `texts` (a list of str, all valid) and return
/// `{"articles": {column: list}, "mentions": {table: {column: list}}}`.
#[pyfunction]
#[pyo3(signature = (texts, *, normalizer = None, tokens = true, n_threads = None))]
fn _run_pipeline<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    normalizer: Option<PyRef<'py, PyNormalizer>>,
    tokens: bool,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let texts = input::texts(texts)?;
    let threads = parallel::threads(py, n_threads)?;
    let config = PipelineConfig {
        normalizer: normalizer.map(|n| n.core().clone()),
        tokens,
    };
    let tables = py
        .detach(|| run(&texts, &config, threads))
        .map_err(|e| core_error(py, e))?;
    py.check_signals()?;

    let a = tables.articles;
    let articles = PyDict::new(py);
    articles.set_item("row", a.row)?;
    articles.set_item("n_chars", a.n_chars)?;
    if tokens {
        articles.set_item("n_tokens", a.n_tokens)?;
        articles.set_item("n_words", a.n_words)?;
    }
    if config.normalizer.is_some() {
        articles.set_item("normalized", a.normalized)?;
    }
    let mentions = PyDict::new(py);
    for (name, m) in tables.mentions {
        mentions.set_item(name, mention_columns(py, m)?)?;
    }
    let out = PyDict::new(py);
    out.set_item("articles", articles)?;
    out.set_item("mentions", mentions)?;
    Ok(out)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_run_pipeline, m)?)?;
    Ok(())
}
