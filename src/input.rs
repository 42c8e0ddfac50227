//! Turning Python objects into owned Rust text.
//!
//! Lone surrogates (which scraped text can hold and Rust strings cannot) are
//! replaced by U+FFFD one for one, so character offsets into the Python
//! string stay valid. Anything that is not a `str` raises
//! `akhbar.InvalidTextError` naming the row.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors::Class;

/// One text argument; `index` names the row in a batch.
pub fn text(obj: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<String> {
    let py = obj.py();
    let s = obj.cast::<PyString>().map_err(|_| {
        let place = index.map(|i| format!("row {i}: ")).unwrap_or_default();
        Class::InvalidText.err(
            py,
            format!("{place}expected str, got {}", type_name(obj)),
            index,
        )
    })?;
    match s.to_str() {
        Ok(t) => Ok(t.to_owned()),
        Err(_) => replace_surrogates(s),
    }
}

fn replace_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let raw = s.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes = raw.cast::<PyBytes>()?.as_bytes();
    let units = bytes
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]));
    Ok(char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect())
}

/// A batch of texts from any iterable of `str`.
pub fn texts(obj: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(Class::InvalidText.err(
            obj.py(),
            "expected an iterable of str, got a single str",
            None,
        ));
    }
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in obj.try_iter()?.enumerate() {
        out.push(text(&item?, Some(i))?);
    }
    Ok(out)
}

/// A str option (a URL, a name): anything else, or a str with a lone
/// surrogate (which no URL or name holds), raises `akhbar.OptionError`.
pub fn option_text(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    let py = obj.py();
    let s = obj.cast::<PyString>().map_err(|_| {
        let what = type_name(obj);
        Class::Option.err(py, format!("{name} must be a str, got {what}"), None)
    })?;
    s.to_str()
        .map(str::to_owned)
        .map_err(|_| surrogate_error(py, name))
}

fn surrogate_error(py: Python<'_>, what: &str) -> PyErr {
    Class::Option.err(py, format!("{what} holds a lone surrogate"), None)
}

/// A str naming a choice (a preset, an option, a kind): a lone surrogate
/// raises `akhbar.OptionError` (not `UnicodeEncodeError`); a non-str, the
/// usual `TypeError`.
pub struct OptionName(pub String);

impl From<&str> for OptionName {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for OptionName {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>()?;
        match s.to_str() {
            Ok(t) => Ok(Self(t.to_owned())),
            Err(_) => Err(surrogate_error(
                obj.py(),
                &format!("option {}", obj.repr()?),
            )),
        }
    }
}

/// The name of `obj`'s type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into())
}
