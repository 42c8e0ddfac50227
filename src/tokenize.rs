//! `Token`, `tokenize`, `tokenize_batch`.

use akhbar_core::text::{tokenize, Clitic, Token, TokenKind, TokenizeOptions};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::errors::Class;
use crate::input::OptionName;
use crate::offset::Offset;
use crate::{input, parallel};

/// A token with character offsets into the original string.
#[pyclass(name = "Token", module = "akhbar._core", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash, Clone)]
pub struct PyToken {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    clitic: Option<&'static str>,
}

#[pymethods]
impl PyToken {
    #[new]
    #[pyo3(signature = (text, start, end, kind, clitic = None))]
    fn new(
        py: Python<'_>,
        text: String,
        start: Offset,
        end: Offset,
        kind: OptionName,
        clitic: Option<OptionName>,
    ) -> PyResult<Self> {
        let kind = TokenKind::from_name(&kind.0).ok_or_else(|| {
            Class::Option.err(py, format!("unknown token kind {:?}", kind.0), None)
        })?;
        let clitic = match clitic {
            None => None,
            Some(OptionName(role)) => Some(Clitic::from_name(&role).ok_or_else(|| {
                Class::Option.err(py, format!("unknown clitic role {role:?}"), None)
            })?),
        };
        Ok(Self {
            text,
            start: start.0,
            end: end.0,
            kind: kind.as_str(),
            clitic: clitic.map(Clitic::as_str),
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = pyo3::types::PyString::new(py, &self.text).repr()?;
        let clitic = self
            .clitic
            .map(|c| format!(", clitic='{c}'"))
            .unwrap_or_default();
        Ok(format!(
            "Token({text}, {}, {}, '{}'{clitic})",
            self.start, self.end, self.kind
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let t = slf.get();
        let args = (t.text.clone(), t.start, t.end, t.kind, t.clitic).into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

fn to_py(text: &str, tokens: Vec<Token>) -> Vec<PyToken> {
    // Tokens come in order, so one forward walk maps char offsets to bytes.
    let mut byte_at = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let mut positions: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        while positions.len() <= t.end {
            match byte_at.next() {
                Some(b) => positions.push(b),
                None => break,
            }
        }
        out.push(PyToken {
            text: text[positions[t.start]..positions[t.end]].to_string(),
            start: t.start,
            end: t.end,
            kind: t.kind.as_str(),
            clitic: t.clitic.map(|c| c.as_str()),
        });
    }
    out
}

fn run(text: &str, options: TokenizeOptions) -> Vec<PyToken> {
    to_py(text, tokenize(text, options))
}

/// Tokenize one text.
#[pyfunction]
#[pyo3(name = "tokenize", signature = (text, *, clitics = false))]
fn tokenize_py(py: Python<'_>, text: &Bound<'_, PyAny>, clitics: bool) -> PyResult<Vec<PyToken>> {
    let t = input::text(text, None)?;
    parallel::isolated(py, || run(&t, TokenizeOptions { clitics }))
}

/// Tokenize many texts in parallel; one list of tokens per text, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, clitics = false, n_threads = None))]
fn tokenize_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    clitics: bool,
    n_threads: Option<parallel::ThreadCount>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = input::texts(texts)?;
    let options = TokenizeOptions { clitics };
    parallel::map_list(py, &texts, n_threads, |t| run(t, options))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyToken>()?;
    m.add_function(wrap_pyfunction!(tokenize_py, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize_batch, m)?)?;
    Ok(())
}
