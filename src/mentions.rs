//! `_extract`, `_extract_batch`: every kind of mention of a text (names,
//! dates, times, numbers, amounts) as `Entity` objects, found by the core's
//! one scan (`akhbar_core::mentions`).

use std::sync::Arc;

use akhbar_core::calendar::Date;
use akhbar_core::entities::Tagger;
use akhbar_core::mentions::{find_mentions, LabelFilter};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::dates::{reference, references};
use crate::entities::{PyEntity, PyTagger};
use crate::errors::{core_error, option_error};
use crate::input::OptionName;
use crate::{input, parallel};

/// `labels`: "all", "names" or an iterable of labels. Returns the filter and
/// the tagger to run (the given one, or the shipped one when names are wanted).
fn query(
    py: Python<'_>,
    labels: &Bound<'_, PyAny>,
    tagger: Option<PyRef<'_, PyTagger>>,
) -> PyResult<(LabelFilter, Option<Arc<dyn Tagger>>)> {
    let chosen = || -> PyResult<Arc<dyn Tagger>> {
        Ok(match &tagger {
            Some(t) => t.tagger(),
            None => PyTagger::default(py)?.get().tagger(),
        })
    };
    let filter = if labels.is_instance_of::<PyString>() {
        let OptionName(name) = labels.extract()?;
        match name.as_str() {
            "all" => LabelFilter::all(),
            "names" => LabelFilter::names(),
            other => {
                return Err(option_error(
                    py,
                    format!("labels must be 'all', 'names' or a set of labels, got {other:?}"),
                ))
            }
        }
    } else {
        let listed = input::texts(labels).map_err(|_| {
            option_error(
                py,
                "labels must be 'all', 'names' or a set of labels".into(),
            )
        })?;
        let known = match &tagger {
            Some(t) => t.labels(),
            None => Vec::new(),
        };
        LabelFilter::only(&listed, &known).map_err(|e| core_error(py, e))?
    };
    let tagger = if filter.wants_names() {
        Some(chosen()?)
    } else {
        None
    };
    Ok((filter, tagger))
}

fn entities(
    text: &str,
    tagger: Option<&dyn Tagger>,
    filter: &LabelFilter,
    reference: Option<Date>,
) -> Vec<PyEntity> {
    find_mentions(text, tagger, filter, reference)
        .into_entities()
        .into_iter()
        .map(PyEntity::from)
        .collect()
}

/// Every mention of one text whose label `labels` selects, as entities in text order.
#[pyfunction]
#[pyo3(signature = (text, *, tagger = None, labels, reference = None))]
fn _extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    tagger: Option<PyRef<'_, PyTagger>>,
    labels: &Bound<'_, PyAny>,
    reference: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyEntity>> {
    let t = input::text(text, None)?;
    let r = self::reference(reference, None)?;
    let (filter, tagger) = query(py, labels, tagger)?;
    parallel::isolated(py, || entities(&t, tagger.as_deref(), &filter, r))
}

/// `_extract` over many texts in parallel; one list per text, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, tagger = None, labels, references = None, n_threads = None))]
fn _extract_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    tagger: Option<PyRef<'py, PyTagger>>,
    labels: &Bound<'py, PyAny>,
    references: Option<&Bound<'py, PyAny>>,
    n_threads: Option<parallel::ThreadCount>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = input::texts(texts)?;
    let refs = self::references(py, references, texts.len())?;
    let (filter, tagger) = query(py, labels, tagger)?;
    let items: Vec<(&String, Option<Date>)> = texts.iter().zip(refs).collect();
    parallel::map_list(py, &items, n_threads, |(t, r)| {
        entities(t, tagger.as_deref(), &filter, *r)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_extract, m)?)?;
    m.add_function(wrap_pyfunction!(_extract_batch, m)?)?;
    Ok(())
}
