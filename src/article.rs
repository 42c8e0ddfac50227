//! `Article`, `parse_article`, `parse_article_batch`.

use std::collections::HashMap;

use akhbar_core::article::{
    self, Article, Extraction, Field, FieldName, InputKind, Segment, SegmentKind, Span,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use crate::errors::{option_error, Class};
use crate::input::OptionName;
use crate::{input, parallel};

type SpanT = Option<(usize, usize)>;

fn pair(s: Option<Span>) -> SpanT {
    s.map(|s| (s.start, s.end))
}

fn spans_of(fields: &[Field]) -> Vec<SpanT> {
    fields.iter().map(|p| pair(p.span)).collect()
}

fn texts_of(fields: &[Field]) -> Vec<String> {
    fields.iter().map(|p| p.text.clone()).collect()
}

/// A parsed article: fields, body and boilerplate, with character spans.
///
/// Its single-valued fields are the core's [`FieldName::ALL`]: the getters,
/// `to_dict`, `spans`, `repr` and pickling all follow that list.
#[pyclass(name = "Article", module = "akhbar._core", frozen)]
pub struct PyArticle {
    article: Article,
}

impl From<Article> for PyArticle {
    fn from(article: Article) -> Self {
        Self { article }
    }
}

impl PyArticle {
    fn value(&self, name: FieldName) -> Option<&str> {
        self.article.value(name)
    }
}

#[pymethods]
impl PyArticle {
    /// "text" or "html": how the input was read.
    #[getter]
    fn kind(&self) -> &str {
        self.article.kind.as_str()
    }
    /// How the body was found: "text", "json-ld", "article-element",
    /// "densest-block", "visible-text", or "empty" when there is no body text.
    #[getter]
    fn extraction(&self) -> &str {
        self.article.extraction.as_str()
    }
    #[getter]
    fn title(&self) -> Option<&str> {
        self.value(FieldName::Title)
    }
    #[getter]
    fn subtitle(&self) -> Option<&str> {
        self.value(FieldName::Subtitle)
    }
    #[getter]
    fn section(&self) -> Option<&str> {
        self.value(FieldName::Section)
    }
    #[getter]
    fn published(&self) -> Option<&str> {
        self.value(FieldName::Published)
    }
    #[getter]
    fn published_raw(&self) -> Option<&str> {
        self.value(FieldName::PublishedRaw)
    }
    #[getter]
    fn dateline(&self) -> Option<&str> {
        self.value(FieldName::Dateline)
    }
    #[getter]
    fn agency(&self) -> Option<&str> {
        self.value(FieldName::Agency)
    }
    #[getter]
    fn author(&self) -> Option<&str> {
        self.value(FieldName::Author)
    }
    #[getter]
    fn source(&self) -> Option<&str> {
        self.value(FieldName::Source)
    }
    #[getter]
    fn paragraphs(&self) -> Vec<String> {
        texts_of(&self.article.paragraphs)
    }
    /// Paragraphs joined by blank lines.
    #[getter]
    fn body(&self) -> String {
        self.article.body()
    }
    #[getter]
    fn boilerplate(&self) -> Vec<String> {
        texts_of(&self.article.boilerplate)
    }
    #[getter]
    fn paragraph_spans(&self) -> Vec<SpanT> {
        spans_of(&self.article.paragraphs)
    }
    #[getter]
    fn boilerplate_spans(&self) -> Vec<SpanT> {
        spans_of(&self.article.boilerplate)
    }
    /// Every piece of the input: (kind, start, end), kind in title/field/paragraph/boilerplate.
    #[getter]
    fn segments(&self) -> Vec<(&'static str, usize, usize)> {
        self.article
            .segments
            .iter()
            .map(|s| (s.kind.as_str(), s.span.start, s.span.end))
            .collect()
    }
    /// Field name → (start, end) character span in the input, or None.
    #[getter]
    fn spans<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for name in FieldName::ALL {
            d.set_item(name.as_str(), pair(self.article.span_of(name)))?;
        }
        d.set_item("body", pair(self.article.body_span()))?;
        Ok(d)
    }

    /// All fields, spans and pieces as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind())?;
        d.set_item("extraction", self.extraction())?;
        for name in FieldName::ALL {
            d.set_item(name.as_str(), self.value(name))?;
        }
        d.set_item("paragraphs", self.paragraphs())?;
        d.set_item("body", self.body())?;
        d.set_item("boilerplate", self.boilerplate())?;
        d.set_item("spans", self.spans(py)?)?;
        d.set_item("paragraph_spans", self.paragraph_spans())?;
        d.set_item("boilerplate_spans", self.boilerplate_spans())?;
        d.set_item("segments", self.segments())?;
        Ok(d)
    }

    /// Jupyter's rich display: the article rendered right to left (akhbar.render).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("akhbar.render")?
            .call_method1("render_article_html", (slf,))?
            .extract()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = Vec::new();
        for name in FieldName::ALL {
            if let Some(v) = self.value(name) {
                let short: String = v.chars().take(40).collect();
                let more = if v.chars().count() > 40 { "…" } else { "" };
                let r = pyo3::types::PyString::new(py, &format!("{short}{more}")).repr()?;
                parts.push(format!("{}={r}", name.as_str()));
            }
        }
        parts.push(format!("paragraphs={}", self.article.paragraphs.len()));
        Ok(format!("Article({})", parts.join(", ")))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyArticle>()
            .is_ok_and(|o| o.get().article == self.article)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let f = py.import("akhbar._core")?.getattr("_article_from_dict")?;
        let args = PyTuple::new(py, [slf.get().to_dict(py)?])?;
        Ok((f, args))
    }
}

/// `d[key]`, which must be there: a `CorpusError` naming the key otherwise.
fn get<'py, T: for<'a> FromPyObjectOwned<'py>>(d: &Bound<'py, PyDict>, k: &str) -> PyResult<T> {
    d.get_item(k)?
        .ok_or_else(|| Class::Corpus.err(d.py(), format!("article data without {k:?}"), None))?
        .extract()
        .map_err(Into::into)
}

fn fields(texts: Vec<String>, spans: Vec<SpanT>) -> Vec<Field> {
    texts
        .into_iter()
        .zip(spans)
        .map(|(text, span)| Field {
            text,
            span: span.map(|(start, end)| Span { start, end }),
        })
        .collect()
}

/// Rebuild an `Article` from `to_dict()` output (pickle support).
#[pyfunction]
fn _article_from_dict(d: &Bound<'_, PyDict>) -> PyResult<PyArticle> {
    let py = d.py();
    let bad = |what: String| Class::Corpus.err(py, format!("article data: {what}"), None);
    let kind: String = get(d, "kind")?;
    let extraction: String = get(d, "extraction")?;
    let spans: HashMap<String, SpanT> = get(d, "spans")?;
    let segments: Vec<(String, usize, usize)> = get(d, "segments")?;
    let mut article = Article {
        kind: InputKind::from_name(&kind).ok_or_else(|| bad(format!("kind {kind:?}")))?,
        extraction: Extraction::from_name(&extraction)
            .ok_or_else(|| bad(format!("extraction {extraction:?}")))?,
        title: None,
        subtitle: None,
        section: None,
        published: None,
        published_raw: None,
        dateline: None,
        agency: None,
        author: None,
        source: None,
        paragraphs: fields(get(d, "paragraphs")?, get(d, "paragraph_spans")?),
        boilerplate: fields(get(d, "boilerplate")?, get(d, "boilerplate_spans")?),
        segments: segments
            .into_iter()
            .map(|(k, start, end)| {
                let kind =
                    SegmentKind::from_name(&k).ok_or_else(|| bad(format!("segment {k:?}")))?;
                Ok(Segment {
                    kind,
                    span: Span { start, end },
                })
            })
            .collect::<PyResult<_>>()?,
    };
    for name in FieldName::ALL {
        let text: Option<String> = get(d, name.as_str())?;
        let span = spans.get(name.as_str()).copied().flatten();
        let field = text.map(|text| Field {
            text,
            span: span.map(|(start, end)| Span { start, end }),
        });
        article.set(name, field);
    }
    Ok(article.into())
}

fn kind_of(py: Python<'_>, kind: Option<&str>) -> PyResult<Option<InputKind>> {
    match kind {
        None => Ok(None),
        Some(k) => InputKind::from_name(k).map(Some).ok_or_else(|| {
            option_error(
                py,
                format!("unknown kind {k:?} (choose from 'text', 'html')"),
            )
        }),
    }
}

/// Parse one article (text or HTML; bytes are an HTML page in its declared encoding).
#[pyfunction]
#[pyo3(signature = (text, *, url = None, kind = None))]
fn parse_article(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    url: Option<&Bound<'_, PyAny>>,
    kind: Option<OptionName>,
) -> PyResult<PyArticle> {
    let mut kind = kind_of(py, kind.as_ref().map(|k| k.0.as_str()))?;
    let url = match url.filter(|u| !u.is_none()) {
        Some(u) => Some(input::option_text(u, "url")?),
        None => None,
    };
    let t = if let Ok(b) = text.cast::<PyBytes>() {
        kind = kind.or(Some(InputKind::Html));
        let bytes = b.as_bytes();
        parallel::isolated(py, || article::decode_html(bytes).0)?
    } else {
        input::text(text, None)?
    };
    let a = parallel::isolated(py, || article::parse(&t, kind, url.as_deref()))?;
    Ok(a.into())
}

/// Parse many articles in parallel; one `Article` per item, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, kind = None, n_threads = None))]
fn parse_article_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    kind: Option<OptionName>,
    n_threads: Option<parallel::ThreadCount>,
) -> PyResult<Bound<'py, PyList>> {
    let kind = kind_of(py, kind.as_ref().map(|k| k.0.as_str()))?;
    let texts = input::texts(texts)?;
    parallel::map_list(py, &texts, n_threads, |t| {
        PyArticle::from(article::parse(t, kind, None))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyArticle>()?;
    let names: Vec<&str> = FieldName::ALL.iter().map(|f| f.as_str()).collect();
    m.add("ARTICLE_FIELDS", PyTuple::new(m.py(), names)?)?;
    m.add_function(wrap_pyfunction!(parse_article, m)?)?;
    m.add_function(wrap_pyfunction!(parse_article_batch, m)?)?;
    m.add_function(wrap_pyfunction!(_article_from_dict, m)?)?;
    Ok(())
}
