//! `Article`, `parse_article`, `parse_articles`.

use akhbar_core::article::{self, Article, Extraction, Field, InputKind};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use crate::errors::option_error;
use crate::input::OptionName;
use crate::{input, parallel};

/// The single-valued fields, in display order.
const FIELDS: [&str; 9] = [
    "title",
    "subtitle",
    "section",
    "published_raw",
    "dateline",
    "agency",
    "author",
    "source",
    "body",
];

type SpanT = Option<(usize, usize)>;

/// A parsed article: fields, body and boilerplate, with character spans.
#[pyclass(name = "Article", module = "akhbar._core", frozen)]
pub struct PyArticle {
    kind: String,
    extraction: &'static str,
    title: Option<String>,
    subtitle: Option<String>,
    section: Option<String>,
    published: Option<String>,
    published_raw: Option<String>,
    dateline: Option<String>,
    agency: Option<String>,
    author: Option<String>,
    source: Option<String>,
    paragraphs: Vec<String>,
    paragraph_spans: Vec<SpanT>,
    boilerplate: Vec<String>,
    boilerplate_spans: Vec<SpanT>,
    segments: Vec<(String, usize, usize)>,
    spans: Vec<(&'static str, SpanT)>,
}

fn text(f: &Option<Field>) -> Option<String> {
    f.as_ref().map(|f| f.text.clone())
}

fn span(f: &Option<Field>) -> SpanT {
    f.as_ref().and_then(|f| f.span).map(|s| (s.start, s.end))
}

impl From<Article> for PyArticle {
    fn from(a: Article) -> Self {
        let body_span = {
            let ps: Vec<_> = a.paragraphs.iter().filter_map(|p| p.span).collect();
            match (ps.first(), ps.last()) {
                (Some(f), Some(l)) => Some((f.start, l.end)),
                _ => None,
            }
        };
        let spans = vec![
            ("title", span(&a.title)),
            ("subtitle", span(&a.subtitle)),
            ("section", span(&a.section)),
            ("published", span(&a.published_raw)),
            ("published_raw", span(&a.published_raw)),
            ("dateline", span(&a.dateline)),
            ("agency", span(&a.agency)),
            ("author", span(&a.author)),
            ("source", span(&a.source)),
            ("body", body_span),
        ];
        Self {
            kind: a.kind.as_str().to_string(),
            extraction: a.extraction.as_str(),
            title: text(&a.title),
            subtitle: text(&a.subtitle),
            section: text(&a.section),
            published: a.published.clone(),
            published_raw: text(&a.published_raw),
            dateline: text(&a.dateline),
            agency: text(&a.agency),
            author: text(&a.author),
            source: text(&a.source),
            paragraph_spans: a
                .paragraphs
                .iter()
                .map(|p| p.span.map(|s| (s.start, s.end)))
                .collect(),
            paragraphs: a.paragraphs.into_iter().map(|p| p.text).collect(),
            boilerplate_spans: a
                .boilerplate
                .iter()
                .map(|p| p.span.map(|s| (s.start, s.end)))
                .collect(),
            boilerplate: a.boilerplate.into_iter().map(|p| p.text).collect(),
            segments: a
                .segments
                .iter()
                .map(|s| (s.kind.as_str().to_string(), s.span.start, s.span.end))
                .collect(),
            spans,
        }
    }
}

impl PyArticle {
    fn field(&self, name: &str) -> Option<&str> {
        match name {
            "title" => self.title.as_deref(),
            "subtitle" => self.subtitle.as_deref(),
            "section" => self.section.as_deref(),
            "published" => self.published.as_deref(),
            "published_raw" => self.published_raw.as_deref(),
            "dateline" => self.dateline.as_deref(),
            "agency" => self.agency.as_deref(),
            "author" => self.author.as_deref(),
            "source" => self.source.as_deref(),
            _ => None,
        }
    }
}

#[pymethods]
impl PyArticle {
    /// "text" or "html": how the input was read.
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }
    /// How the body was found: "text", "json-ld", "article-element",
    /// "densest-block", "visible-text", or "empty" when there is no body text.
    #[getter]
    fn extraction(&self) -> &str {
        self.extraction
    }
    #[getter]
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    #[getter]
    fn subtitle(&self) -> Option<&str> {
        self.subtitle.as_deref()
    }
    #[getter]
    fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }
    #[getter]
    fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }
    #[getter]
    fn published_raw(&self) -> Option<&str> {
        self.published_raw.as_deref()
    }
    #[getter]
    fn dateline(&self) -> Option<&str> {
        self.dateline.as_deref()
    }
    #[getter]
    fn agency(&self) -> Option<&str> {
        self.agency.as_deref()
    }
    #[getter]
    fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }
    #[getter]
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    #[getter]
    fn paragraphs(&self) -> Vec<String> {
        self.paragraphs.clone()
    }
    /// Paragraphs joined by blank lines.
    #[getter]
    fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }
    #[getter]
    fn boilerplate(&self) -> Vec<String> {
        self.boilerplate.clone()
    }
    #[getter]
    fn paragraph_spans(&self) -> Vec<SpanT> {
        self.paragraph_spans.clone()
    }
    #[getter]
    fn boilerplate_spans(&self) -> Vec<SpanT> {
        self.boilerplate_spans.clone()
    }
    /// Every piece of the input: (kind, start, end), kind in title/field/paragraph/boilerplate.
    #[getter]
    fn segments(&self) -> Vec<(String, usize, usize)> {
        self.segments.clone()
    }
    /// Field name → (start, end) character span in the input, or None.
    #[getter]
    fn spans<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.spans {
            d.set_item(k, *v)?;
        }
        Ok(d)
    }

    /// All fields, spans and pieces as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", &self.kind)?;
        d.set_item("extraction", self.extraction)?;
        for name in [
            "title",
            "subtitle",
            "section",
            "published",
            "published_raw",
            "dateline",
            "agency",
            "author",
            "source",
        ] {
            d.set_item(name, self.field(name))?;
        }
        d.set_item("paragraphs", self.paragraphs.clone())?;
        d.set_item("body", self.body())?;
        d.set_item("boilerplate", self.boilerplate.clone())?;
        d.set_item("spans", self.spans(py)?)?;
        d.set_item("paragraph_spans", self.paragraph_spans.clone())?;
        d.set_item("boilerplate_spans", self.boilerplate_spans.clone())?;
        d.set_item("segments", self.segments.clone())?;
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
        for name in FIELDS {
            if name == "body" {
                continue;
            }
            if let Some(v) = self.field(name) {
                let short: String = v.chars().take(40).collect();
                let more = if v.chars().count() > 40 { "…" } else { "" };
                let r = pyo3::types::PyString::new(py, &format!("{short}{more}")).repr()?;
                parts.push(format!("{name}={r}"));
            }
        }
        if let Some(p) = self.published.as_deref() {
            parts.push(format!("published='{p}'"));
        }
        parts.push(format!("paragraphs={}", self.paragraphs.len()));
        Ok(format!("Article({})", parts.join(", ")))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<PyArticle>() else {
            return Ok(false);
        };
        let py = other.py();
        let a = self.to_dict(py)?;
        let b = o.get().to_dict(py)?;
        a.eq(b)
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

fn opt(d: &Bound<'_, PyDict>, k: &str) -> PyResult<Option<String>> {
    match d.get_item(k)? {
        Some(v) if !v.is_none() => Ok(Some(v.extract()?)),
        _ => Ok(None),
    }
}

fn get<'py, T: for<'a> FromPyObjectOwned<'py>>(d: &Bound<'py, PyDict>, k: &str) -> PyResult<T> {
    d.get_item(k)?
        .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(k.to_string()))?
        .extract()
        .map_err(Into::into)
}

/// Rebuild an `Article` from `to_dict()` output (pickle support).
#[pyfunction]
fn _article_from_dict(d: &Bound<'_, PyDict>) -> PyResult<PyArticle> {
    let spans_d: Bound<'_, PyDict> = get(d, "spans")?;
    let mut spans = Vec::new();
    for name in [
        "title",
        "subtitle",
        "section",
        "published",
        "published_raw",
        "dateline",
        "agency",
        "author",
        "source",
        "body",
    ] {
        let v: SpanT = match spans_d.get_item(name)? {
            Some(v) if !v.is_none() => Some(v.extract()?),
            _ => None,
        };
        spans.push((name, v));
    }
    let extraction: String = get(d, "extraction")?;
    let extraction = Extraction::from_name(&extraction)
        .ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!("extraction {extraction:?}"))
        })?
        .as_str();
    Ok(PyArticle {
        kind: get(d, "kind")?,
        extraction,
        title: opt(d, "title")?,
        subtitle: opt(d, "subtitle")?,
        section: opt(d, "section")?,
        published: opt(d, "published")?,
        published_raw: opt(d, "published_raw")?,
        dateline: opt(d, "dateline")?,
        agency: opt(d, "agency")?,
        author: opt(d, "author")?,
        source: opt(d, "source")?,
        paragraphs: get(d, "paragraphs")?,
        paragraph_spans: get(d, "paragraph_spans")?,
        boilerplate: get(d, "boilerplate")?,
        boilerplate_spans: get(d, "boilerplate_spans")?,
        segments: get(d, "segments")?,
        spans,
    })
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
        py.detach(|| article::decode_html(bytes).0)
    } else {
        input::text(text, None)?
    };
    let a = py.detach(|| article::parse(&t, kind, url.as_deref()));
    Ok(a.into())
}

/// Parse many articles in parallel; one `Article` per item, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, kind = None, n_threads = None))]
fn parse_articles<'py>(
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
    m.add_function(wrap_pyfunction!(parse_article, m)?)?;
    m.add_function(wrap_pyfunction!(parse_articles, m)?)?;
    m.add_function(wrap_pyfunction!(_article_from_dict, m)?)?;
    Ok(())
}
