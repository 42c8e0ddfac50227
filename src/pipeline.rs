//! `_run_pipeline`: one chunk of articles through the core pipeline, returned
//! as Arrow buffers (one `bytes` per buffer, no object per value) that the
//! Python `Pipeline` wraps into Arrow arrays without copying.

use akhbar_core::article::FieldName;
use akhbar_core::pipeline::arrow::{ArrowColumn, IntoArrow};
use akhbar_core::pipeline::{run, PipelineConfig, PlaceColumns, Tables};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

/// `(type, length, null_count, validity, offsets, data)`, buffers as `bytes` or None.
fn col<'py>(py: Python<'py>, c: ArrowColumn) -> PyResult<Bound<'py, PyTuple>> {
    let bytes = |b: Option<Vec<u8>>| b.map(|b| PyBytes::new(py, &b));
    (
        c.kind.as_str(),
        c.len,
        c.null_count,
        bytes(c.validity),
        bytes(c.offsets),
        PyBytes::new(py, &c.data),
    )
        .into_pyobject(py)
}

/// Set `d[name]` to the Arrow buffers of `values`.
fn put<V: IntoArrow>(d: &Bound<'_, PyDict>, name: &str, values: V) -> PyResult<()> {
    d.set_item(name, col(d.py(), values.into_arrow())?)
}

use crate::entities::PyTagger;
use crate::errors::core_error;
use crate::normalize::PyNormalizer;
use crate::{input, parallel};

fn place_columns<'py>(py: Python<'py>, p: PlaceColumns) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    put(&d, "row", p.row)?;
    put(&d, "start", p.start)?;
    put(&d, "end", p.end)?;
    put(&d, "raw_start", p.raw_start)?;
    put(&d, "raw_end", p.raw_end)?;
    put(&d, "text", p.text)?;
    Ok(d)
}

fn articles<'py>(
    py: Python<'py>,
    t: &mut Tables,
    c: &PipelineConfig,
) -> PyResult<Bound<'py, PyDict>> {
    let a = std::mem::take(&mut t.articles);
    let d = PyDict::new(py);
    put(&d, "row", a.row)?;
    if c.parse {
        let f = &a.fields;
        for (k, name) in FieldName::ALL.iter().enumerate() {
            let values: Vec<Option<String>> = f.iter().map(|x| x.values[k].clone()).collect();
            put(&d, name.as_str(), values)?;
        }
        put(&d, "kind", f.iter().map(|x| x.kind).collect::<Vec<_>>())?;
        put(
            &d,
            "n_paragraphs",
            f.iter().map(|x| x.n_paragraphs).collect::<Vec<_>>(),
        )?;
        put(
            &d,
            "n_boilerplate",
            f.iter().map(|x| x.n_boilerplate).collect::<Vec<_>>(),
        )?;
    }
    put(&d, "body", a.body)?;
    put(&d, "n_chars", a.n_chars)?;
    if c.tokens {
        put(&d, "n_tokens", a.n_tokens)?;
        put(&d, "n_words", a.n_words)?;
    }
    if c.normalizer.is_some() {
        put(&d, "normalized", a.normalized)?;
    }
    Ok(d)
}

/// Run the enabled stages on `texts` (a list of str, all valid) and return
/// `{"articles": {column: list}, "entities"|"dates"|"numbers": {column: list} | None,
/// "failed": [(row, reason)]}`; a failed row has no row in the other tables.
/// `references`: None, or one reference date per text (None, an ISO string or a
/// date) for its relative dates. `_panic_on` is for tests only (see
/// `PipelineConfig::panic_on`).
#[pyfunction]
#[pyo3(signature = (
    texts, *, references = None, parse = false, normalizer = None, tokens = true,
    tagger = None, dates = false, numbers = false, n_threads = None, _panic_on = None
))]
#[allow(clippy::too_many_arguments)]
fn _run_pipeline<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    references: Option<&Bound<'py, PyAny>>,
    parse: bool,
    normalizer: Option<PyRef<'py, PyNormalizer>>,
    tokens: bool,
    tagger: Option<PyRef<'py, PyTagger>>,
    dates: bool,
    numbers: bool,
    n_threads: Option<parallel::ThreadCount>,
    _panic_on: Option<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let texts = input::texts(texts)?;
    let references = crate::dates::references(py, references, texts.len())?;
    let threads = parallel::threads(py, n_threads)?;
    let config = PipelineConfig {
        parse,
        normalizer: normalizer.map(|n| n.core().clone()),
        tokens,
        entities: tagger.map(|t| t.tagger()),
        dates,
        numbers,
        panic_on: _panic_on,
    };
    // Each document is isolated inside `run`; this guards the assembly too.
    let mut tables = parallel::isolated(py, || run(&texts, &references, &config, threads))?
        .map_err(|e| core_error(py, e))?;
    py.check_signals()?;

    let out = PyDict::new(py);
    out.set_item("articles", articles(py, &mut tables, &config)?)?;
    out.set_item("failed", std::mem::take(&mut tables.failed))?;
    if config.entities.is_some() {
        let e = tables.entities;
        let d = place_columns(py, e.place)?;
        put(&d, "label", e.label)?;
        put(&d, "normalized", e.normalized)?;
        put(&d, "key", e.key)?;
        put(&d, "score", e.score)?;
        out.set_item("entities", d)?;
    }
    if dates {
        let t = tables.dates;
        let d = place_columns(py, t.place)?;
        put(&d, "label", t.label)?;
        put(&d, "value", t.value)?;
        put(&d, "calendar", t.calendar)?;
        put(&d, "granularity", t.granularity)?;
        put(&d, "relative", t.relative)?;
        out.set_item("dates", d)?;
    }
    if numbers {
        let t = tables.numbers;
        let d = place_columns(py, t.place)?;
        put(&d, "label", t.label)?;
        put(&d, "value", t.value)?;
        put(&d, "unit", t.unit)?;
        out.set_item("numbers", d)?;
    }
    Ok(out)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_run_pipeline, m)?)?;
    Ok(())
}
