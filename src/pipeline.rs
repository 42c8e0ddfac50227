//! `_run_pipeline`: one chunk of articles through the core pipeline, returned
//! as columns (dicts of lists) that the Python `Pipeline` turns into tables.

use akhbar_core::pipeline::{run, PipelineConfig, PlaceColumns, Tables};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::entities::PyTagger;
use crate::errors::core_error;
use crate::normalize::PyNormalizer;
use crate::{input, parallel};

fn place_columns<'py>(py: Python<'py>, p: PlaceColumns) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("row", p.row)?;
    d.set_item("start", p.start)?;
    d.set_item("end", p.end)?;
    d.set_item("raw_start", p.raw_start)?;
    d.set_item("raw_end", p.raw_end)?;
    d.set_item("text", p.text)?;
    Ok(d)
}

fn articles<'py>(
    py: Python<'py>,
    t: &mut Tables,
    c: &PipelineConfig,
) -> PyResult<Bound<'py, PyDict>> {
    let a = std::mem::take(&mut t.articles);
    let d = PyDict::new(py);
    d.set_item("row", a.row)?;
    if c.parse {
        let f = &a.fields;
        macro_rules! field {
            ($name:ident) => {
                d.set_item(
                    stringify!($name),
                    f.iter().map(|x| x.$name.clone()).collect::<Vec<_>>(),
                )?;
            };
        }
        field!(title);
        field!(subtitle);
        field!(published);
        field!(published_raw);
        field!(section);
        field!(dateline);
        field!(agency);
        field!(author);
        field!(source);
        field!(kind);
        field!(n_paragraphs);
        field!(n_boilerplate);
    }
    d.set_item("body", a.body)?;
    d.set_item("n_chars", a.n_chars)?;
    if c.tokens {
        d.set_item("n_tokens", a.n_tokens)?;
        d.set_item("n_words", a.n_words)?;
    }
    if c.normalizer.is_some() {
        d.set_item("normalized", a.normalized)?;
    }
    Ok(d)
}

/// Run the enabled stages on `texts` (a list of str, all valid) and return
/// `{"articles": {column: list}, "entities"|"dates"|"numbers": {column: list} | None}`.
#[pyfunction]
#[pyo3(signature = (
    texts, *, parse = false, normalizer = None, tokens = true, tagger = None,
    dates = false, numbers = false, n_threads = None
))]
#[allow(clippy::too_many_arguments)]
fn _run_pipeline<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    parse: bool,
    normalizer: Option<PyRef<'py, PyNormalizer>>,
    tokens: bool,
    tagger: Option<PyRef<'py, PyTagger>>,
    dates: bool,
    numbers: bool,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let texts = input::texts(texts)?;
    let threads = parallel::threads(py, n_threads)?;
    let config = PipelineConfig {
        parse,
        normalizer: normalizer.map(|n| n.core().clone()),
        tokens,
        entities: tagger.map(|t| t.model()),
        dates,
        numbers,
    };
    let mut tables = py
        .detach(|| run(&texts, &config, threads))
        .map_err(|e| core_error(py, e))?;
    py.check_signals()?;

    let out = PyDict::new(py);
    out.set_item("articles", articles(py, &mut tables, &config)?)?;
    if config.entities.is_some() {
        let e = tables.entities;
        let d = place_columns(py, e.place)?;
        d.set_item("label", e.label)?;
        d.set_item("normalized", e.normalized)?;
        d.set_item("group", e.group)?;
        d.set_item("score", e.score)?;
        out.set_item("entities", d)?;
    }
    if dates {
        let t = tables.dates;
        let d = place_columns(py, t.place)?;
        d.set_item("label", t.label)?;
        d.set_item("value", t.value)?;
        d.set_item("calendar", t.calendar)?;
        d.set_item("granularity", t.granularity)?;
        d.set_item("relative", t.relative)?;
        out.set_item("dates", d)?;
    }
    if numbers {
        let t = tables.numbers;
        let d = place_columns(py, t.place)?;
        d.set_item("label", t.label)?;
        d.set_item("value", t.value)?;
        d.set_item("unit", t.unit)?;
        out.set_item("numbers", d)?;
    }
    Ok(out)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_run_pipeline, m)?)?;
    Ok(())
}
