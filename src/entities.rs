//! `Entity`, `Tagger`, training and evaluation of the named-entity tagger.

use std::path::PathBuf;
use std::sync::Arc;

use akhbar_bert::{BertOptions, BertTagger};
use akhbar_core::entities::cluster_learn::{learn_clusters, read_text_sentences, ClusterOptions};
use akhbar_core::entities::clusters::{Clusters, CLASSES_HEADER, CONTEXT_CLASSES_KEY};
use akhbar_core::entities::corpus_tags::CorpusTagCounts;
use akhbar_core::entities::embedding_classes::embedding_classes;
use akhbar_core::entities::embeddings_learn::{learn_embeddings, Corpus, EmbeddingOptions};
use akhbar_core::entities::exchange_clusters::{learn_exchange_clusters, ExchangeOptions};
use akhbar_core::entities::extract::extract;
use akhbar_core::entities::format::{from_bytes, to_bytes, to_uncompressed_bytes};
use akhbar_core::entities::train::{score, tag_sentences, train, EpochReport, TrainOptions};
use akhbar_core::entities::{
    evaluate_tags, read_conll, Entity, EvalCounts, Gazetteer, Model, Scheme, Tagger,
};
use akhbar_neural::NeuralTagger;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use crate::errors::{core_error, option_error};
use crate::offset::Offset;
use crate::{input, parallel};

/// An entity mention with character offsets into the original text.
#[pyclass(name = "Entity", module = "akhbar._core", frozen, eq)]
#[derive(PartialEq, Clone)]
pub struct PyEntity {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    label: String,
    #[pyo3(get)]
    normalized: String,
    #[pyo3(get)]
    score: f64,
    #[pyo3(get)]
    key: String,
}

impl From<Entity> for PyEntity {
    fn from(e: Entity) -> Self {
        Self {
            text: e.text,
            start: e.start,
            end: e.end,
            label: e.label,
            normalized: e.normalized,
            score: f64::from(e.score),
            key: e.key,
        }
    }
}

#[pymethods]
impl PyEntity {
    #[new]
    #[pyo3(signature = (text, start, end, label, normalized, score, key))]
    fn new(
        text: String,
        start: Offset,
        end: Offset,
        label: String,
        normalized: String,
        score: f64,
        key: String,
    ) -> Self {
        Self {
            text,
            start: start.0,
            end: end.0,
            label,
            normalized,
            score,
            key,
        }
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.text, self.start, self.end, &self.label, &self.key).hash(&mut h);
        self.score.to_bits().hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = pyo3::types::PyString::new(py, &self.text).repr()?;
        Ok(format!(
            "Entity({text}, {}, {}, '{}', score={:.3})",
            self.start, self.end, self.label, self.score
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let e = slf.get();
        let args = (
            e.text.clone(),
            e.start,
            e.end,
            e.label.clone(),
            e.normalized.clone(),
            e.score,
            e.key.clone(),
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// A named-entity tagger (immutable; share it freely between threads).
///
/// Any core [`Tagger`]; the methods that only a perceptron model has (its
/// gazetteer, `O` bias, model file) reach it through `perceptron`.
#[pyclass(name = "Tagger", module = "akhbar._core", frozen)]
pub struct PyTagger {
    tagger: Arc<dyn Tagger>,
    perceptron: Option<Arc<Model>>,
    /// Set for a tagger from `Tagger.from_pretrained`.
    bert: Option<Arc<BertTagger>>,
}

impl From<Model> for PyTagger {
    fn from(m: Model) -> Self {
        let m = Arc::new(m);
        Self {
            tagger: Arc::clone(&m) as Arc<dyn Tagger>,
            perceptron: Some(m),
            bert: None,
        }
    }
}

impl PyTagger {
    /// Wrap any core tagger (perceptron-only methods raise `OptionError`).
    pub fn from_tagger(tagger: Arc<dyn Tagger>) -> Self {
        Self {
            tagger,
            perceptron: None,
            bert: None,
        }
    }

    /// The core tagger, for other binding modules (the pipeline, `extract`).
    pub fn tagger(&self) -> Arc<dyn Tagger> {
        Arc::clone(&self.tagger)
    }

    /// The BERT tagger, or an `OptionError` saying `what` is for BERT only.
    fn bert(&self, py: Python<'_>, what: &str) -> PyResult<&Arc<BertTagger>> {
        self.bert.as_ref().ok_or_else(|| {
            option_error(
                py,
                format!("{what} is for taggers loaded with Tagger.from_pretrained"),
            )
        })
    }

    /// The perceptron model, for the methods only it has.
    fn perceptron(&self, py: Python<'_>, what: &str) -> PyResult<&Arc<Model>> {
        self.perceptron.as_ref().ok_or_else(|| {
            option_error(
                py,
                format!("{what} is only for the perceptron tagger (Tagger.load, Tagger.default)"),
            )
        })
    }
}

fn to_py(v: Vec<Entity>) -> Vec<PyEntity> {
    v.into_iter().map(PyEntity::from).collect()
}

fn counts_to_py(py: Python<'_>, e: &EvalCounts) -> PyResult<Py<PyAny>> {
    let per: Vec<(String, usize, usize, usize)> = e
        .per_type
        .iter()
        .map(|(t, c)| (t.clone(), c.correct, c.predicted, c.gold))
        .collect();
    Ok((per, e.tokens, e.correct_tags)
        .into_pyobject(py)?
        .into_any()
        .unbind())
}

fn gazetteer_from(py: Python<'_>, entries: Vec<(String, String)>) -> PyResult<Gazetteer> {
    let mut g = Gazetteer::new();
    for (label, phrase) in entries {
        g.add(&label, &phrase).map_err(|e| core_error(py, e))?;
    }
    Ok(g)
}

#[pymethods]
impl PyTagger {
    /// Load a model file.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let m = parallel::isolated(py, || Model::load(&path))?.map_err(|e| core_error(py, e))?;
        Ok(m.into())
    }

    /// A BERT token classifier from a local Hugging Face model folder or a
    /// hub id (resolved by `akhbar.bert.resolve_model`).
    #[staticmethod]
    #[pyo3(signature = (path_or_id, *, labels = None, max_length = None, stride = 128,
        batch_tokens = 512, revision = None, download = false))]
    #[allow(clippy::too_many_arguments)]
    fn from_pretrained(
        py: Python<'_>,
        path_or_id: &Bound<'_, PyAny>,
        labels: Option<&Bound<'_, PyAny>>,
        max_length: Option<usize>,
        stride: usize,
        batch_tokens: usize,
        revision: Option<String>,
        download: bool,
    ) -> PyResult<Self> {
        let dir: PathBuf = py
            .import("akhbar.bert")?
            .getattr("resolve_model")?
            .call1((path_or_id, revision, download))?
            .extract()?;
        let label_map: Vec<(String, Option<String>)> = match labels {
            Some(l) if !l.is_none() => l
                .call_method0("items")
                .and_then(|items| items.try_iter()?.map(|kv| kv?.extract()).collect())
                .map_err(|_| {
                    option_error(
                        py,
                        "labels must map model entity types to akhbar types (str) or None".into(),
                    )
                })?,
            _ => Vec::new(),
        };
        let options = BertOptions {
            label_map,
            max_length,
            stride,
            batch_tokens,
        };
        let b = py
            .detach(|| BertTagger::load(&dir, options))
            .map_err(|e| core_error(py, e))?;
        let b = Arc::new(b);
        Ok(Self {
            tagger: Arc::clone(&b) as Arc<dyn Tagger>,
            perceptron: None,
            bert: Some(b),
        })
    }

    /// The contextual (neural) tagger in a model folder written by
    /// `akhbar-neural train`; its kind is "custom".
    #[staticmethod]
    fn load_neural(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let n =
            parallel::isolated(py, || NeuralTagger::load(&path))?.map_err(|e| core_error(py, e))?;
        Ok(Self::from_tagger(Arc::new(n)))
    }

    /// "perceptron", "bert", or "custom".
    #[getter]
    fn kind(&self) -> &'static str {
        match (&self.perceptron, &self.bert) {
            (Some(_), _) => "perceptron",
            (_, Some(_)) => "bert",
            _ => "custom",
        }
    }

    /// A BERT tagger's checkpoint label names (`id2label`), in output order.
    #[getter]
    fn model_labels(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        Ok(self.bert(py, "model_labels")?.model_labels().to_vec())
    }

    /// The subwords a BERT tagger's model sees for pre-split words.
    fn subwords(&self, py: Python<'_>, words: Vec<String>) -> PyResult<Vec<String>> {
        let b = self.bert(py, "subwords()")?;
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        b.subwords(&refs)
            .map_err(|e| crate::errors::Class::Model.err(py, e, None))
    }

    /// A BERT tagger's logits: per sentence, per word, the model's logits at
    /// its first subword (None for a word with no subword).
    fn word_logits(
        &self,
        py: Python<'_>,
        sentences: Vec<Vec<String>>,
    ) -> PyResult<Vec<Vec<Option<Vec<f32>>>>> {
        let b = self.bert(py, "word_logits()")?;
        parallel::isolated(py, || {
            let refs: Vec<Vec<&str>> = sentences
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            b.word_logits(&refs)
        })?
        .map_err(|e| crate::errors::Class::Model.err(py, e, None))
    }

    /// How a BERT tagger was loaded: `(folder, labels, max_length, stride, batch_tokens)`.
    #[allow(clippy::type_complexity)]
    fn _bert_args(
        &self,
        py: Python<'_>,
    ) -> PyResult<(
        String,
        Vec<(String, Option<String>)>,
        Option<usize>,
        usize,
        usize,
    )> {
        let b = self.bert(py, "_bert_args()")?;
        let o = b.options();
        Ok((
            b.dir().to_string_lossy().into_owned(),
            o.label_map.clone(),
            o.max_length,
            o.stride,
            o.batch_tokens,
        ))
    }

    /// The shipped model, loaded once per process.
    #[staticmethod]
    pub fn default(py: Python<'_>) -> PyResult<Py<PyTagger>> {
        static DEFAULT: PyOnceLock<Py<PyTagger>> = PyOnceLock::new();
        DEFAULT
            .get_or_try_init(py, || {
                let path: PathBuf = py
                    .import("akhbar.entities")?
                    .getattr("default_model_path")?
                    .call0()?
                    .extract()?;
                Py::new(py, Self::load(py, path)?)
            })
            .map(|t| t.clone_ref(py))
    }

    /// Write the model file.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let m = self.perceptron(py, "save")?;
        parallel::isolated(py, || m.save(&path))?.map_err(|e| core_error(py, e))
    }

    /// A copy with user gazetteer lists `{label: [phrase, ...]}`.
    fn with_gazetteer(&self, py: Python<'_>, lists: &Bound<'_, PyDict>) -> PyResult<Self> {
        let mut entries = Vec::new();
        for (label, phrases) in lists.iter() {
            let label: String = label.extract().map_err(|_| {
                crate::errors::option_error(py, "gazetteer labels must be str".into())
            })?;
            let phrases = input::texts(&phrases).map_err(|_| {
                crate::errors::option_error(
                    py,
                    format!("gazetteer {label:?}: expected an iterable of str phrases"),
                )
            })?;
            entries.extend(phrases.into_iter().map(|p| (label.clone(), p)));
        }
        let g = gazetteer_from(py, entries)?;
        let m = self
            .perceptron(py, "with_gazetteer")?
            .with_gazetteer(&g)
            .map_err(|e| core_error(py, e))?;
        Ok(m.into())
    }

    /// Entity types the model tags.
    #[getter]
    pub fn labels(&self) -> Vec<String> {
        self.tagger.labels().types().to_vec()
    }

    /// Subtracted from the `O` score when decoding (> 0: more recall).
    #[getter]
    fn o_bias(&self, py: Python<'_>) -> PyResult<f32> {
        Ok(self.perceptron(py, "o_bias")?.o_bias())
    }

    /// A copy that decodes with another `O` bias (a finite number).
    fn with_o_bias(&self, py: Python<'_>, o_bias: f32) -> PyResult<Self> {
        Ok(self
            .perceptron(py, "with_o_bias")?
            .with_o_bias(o_bias)
            .map_err(|e| core_error(py, e))?
            .into())
    }

    /// Number of weighted features.
    #[getter]
    fn n_features(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.perceptron(py, "n_features")?.n_features())
    }

    /// Gazetteer entries `(label, phrase)` the features read.
    #[getter]
    fn gazetteer_size(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.perceptron(py, "gazetteer_size")?.gazetteer().len())
    }

    /// Number of words with a cluster.
    #[getter]
    fn cluster_size(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.perceptron(py, "cluster_size")?.clusters().len())
    }

    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyEntity>> {
        let t = input::text(text, None)?;
        parallel::isolated(py, || to_py(extract(self.tagger.as_ref(), &t)))
    }

    #[pyo3(signature = (texts, *, n_threads = None))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<parallel::ThreadCount>,
    ) -> PyResult<Bound<'py, PyList>> {
        let texts = input::texts(texts)?;
        let m = &self.tagger;
        parallel::map_list(py, &texts, n_threads, |t| to_py(extract(m.as_ref(), t)))
    }

    /// Tag pre-tokenized sentences: one list of tag names per sentence.
    /// Runs of 20 consecutive sentences are one document for the second stage.
    #[pyo3(signature = (sentences, *, n_threads = None))]
    fn tag_tokens(
        &self,
        py: Python<'_>,
        sentences: Vec<Vec<String>>,
        n_threads: Option<parallel::ThreadCount>,
    ) -> PyResult<Vec<Vec<String>>> {
        let threads = parallel::threads(py, n_threads)?;
        let tagger = self.tagger();
        let tags = parallel::isolated(py, || tag_sentences(tagger.as_ref(), &sentences, threads))?
            .map_err(|e| core_error(py, e))?;
        let labels = tagger.labels();
        Ok(tags
            .into_iter()
            .map(|t| t.into_iter().map(|x| labels.tag_name(x)).collect())
            .collect())
    }

    /// Score on a CoNLL file: `([(type, correct, predicted, gold)], tokens, correct_tags)`.
    #[pyo3(signature = (path, *, label_map = Vec::new(), n_threads = None))]
    fn _evaluate(
        &self,
        py: Python<'_>,
        path: PathBuf,
        label_map: Vec<(String, Option<String>)>,
        n_threads: Option<parallel::ThreadCount>,
    ) -> PyResult<Py<PyAny>> {
        let threads = parallel::threads(py, n_threads)?;
        let tagger = self.tagger();
        let e = parallel::isolated(py, || {
            let gold = read_conll(&path)?;
            score(tagger.as_ref(), &gold, &label_map, threads)
        })?
        .map_err(|e| core_error(py, e))?;
        counts_to_py(py, &e)
    }

    /// The model file's bytes, as `save` writes them.
    fn _to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let m = self.perceptron(py, "_to_bytes")?;
        let data = parallel::isolated(py, || to_bytes(m))?.map_err(|e| core_error(py, e))?;
        Ok(PyBytes::new(py, &data))
    }

    #[staticmethod]
    fn _from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let m = parallel::isolated(py, || from_bytes(data, "<bytes>"))?
            .map_err(|e| core_error(py, e))?;
        Ok(m.into())
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let this = slf.get();
        if this.bert.is_some() {
            // A BERT tagger pickles as its folder and options.
            let ctor = py.import("akhbar.bert")?.getattr("_reload")?;
            let args = this._bert_args(py)?.into_pyobject(py)?;
            return Ok((ctor, PyTuple::new(py, [args])?));
        }
        // Uncompressed: a pickle is a copy between processes, where deflating
        // the model would only cost time.
        let m = this.perceptron(py, "pickling")?;
        let data = PyBytes::new(py, &to_uncompressed_bytes(m));
        let ctor = slf.get_type().getattr("_from_bytes")?;
        Ok((ctor, PyTuple::new(py, [data])?))
    }

    fn __repr__(&self) -> String {
        match &self.perceptron {
            Some(m) => format!(
                "Tagger(labels={:?}, features={}, gazetteer={}, clusters={})",
                m.labels().types(),
                m.n_features(),
                m.gazetteer().len(),
                m.clusters().len()
            ),
            None => match &self.bert {
                Some(b) => format!(
                    "Tagger(bert={:?}, labels={:?})",
                    b.dir().display().to_string(),
                    b.labels().types()
                ),
                None => format!("Tagger(labels={:?})", self.tagger.labels().types()),
            },
        }
    }
}

/// Train a tagger; returns it and one `(epoch, mistakes, dev_counts|None)` per epoch.
#[pyfunction]
#[pyo3(signature = (train_files, dev_file = None, *, auxiliary_files = Vec::new(), epochs = 12, seed = 1, min_count = 1,
    label_map = Vec::new(), gazetteer = Vec::new(), clusters_file = None, two_stage = true,
    word_dropout = 0.0, o_bias = 0.0, ensemble = 1, scheme = "bio", n_threads = None))]
#[allow(clippy::too_many_arguments)]
fn _train<'py>(
    py: Python<'py>,
    train_files: Vec<PathBuf>,
    dev_file: Option<PathBuf>,
    auxiliary_files: Vec<PathBuf>,
    epochs: usize,
    seed: u64,
    min_count: u32,
    label_map: Vec<(String, Option<String>)>,
    gazetteer: Vec<(String, String)>,
    clusters_file: Option<PathBuf>,
    two_stage: bool,
    word_dropout: f64,
    o_bias: f32,
    ensemble: usize,
    scheme: &str,
    n_threads: Option<parallel::ThreadCount>,
) -> PyResult<(PyTagger, Bound<'py, PyList>)> {
    let threads = parallel::threads(py, n_threads)?;
    let scheme = Scheme::parse(scheme).ok_or_else(|| {
        core_error(
            py,
            akhbar_core::Error::InvalidOption(format!(
                "scheme must be \"bio\" or \"bilou\", got {scheme:?}"
            )),
        )
    })?;
    let gazetteer = gazetteer_from(py, gazetteer)?;
    let mut reports: Vec<EpochReport> = Vec::new();
    let model = parallel::isolated(py, || {
        let mut sentences = Vec::new();
        for f in &train_files {
            sentences.extend(read_conll(f)?);
        }
        let mut aux = Vec::new();
        for f in &auxiliary_files {
            aux.extend(read_conll(f)?);
        }
        let dev = dev_file.as_deref().map(read_conll).transpose()?;
        let clusters = match &clusters_file {
            Some(p) => Clusters::read(p)?,
            None => Clusters::new(),
        };
        let opts = TrainOptions {
            epochs,
            seed,
            min_count,
            label_map,
            gazetteer,
            clusters,
            threads,
            two_stage,
            word_dropout,
            o_bias,
            ensemble,
            scheme,
        };
        train(&sentences, &aux, dev.as_deref(), &opts, &mut |r| {
            reports.push(r.clone())
        })
    })?
    .map_err(|e| core_error(py, e))?;
    let out = PyList::empty(py);
    for r in &reports {
        let dev = match &r.dev {
            Some(d) => counts_to_py(py, d)?,
            None => py.None(),
        };
        out.append((r.epoch, r.mistakes, dev))?;
    }
    Ok((model.into(), out))
}

/// Learn word clusters from the tokens of CoNLL files (tags ignored) and of
/// plain-text files (one paragraph a line) and write them as `bits<TAB>word`
/// lines; returns the number of words.
/// `method` is "ppmi" (neighbour words, 2-means) or "exchange" (a class
/// bigram model, split top down).
#[pyfunction]
#[pyo3(signature = (files, output, *, texts = Vec::new(), min_count = 3, contexts = 1000, depth = 18, method = "ppmi"))]
#[allow(clippy::too_many_arguments)]
fn _learn_clusters(
    py: Python<'_>,
    files: Vec<PathBuf>,
    output: PathBuf,
    texts: Vec<PathBuf>,
    min_count: u32,
    contexts: usize,
    depth: usize,
    method: &str,
) -> PyResult<usize> {
    let exchange = match method {
        "ppmi" => false,
        "exchange" => true,
        other => {
            return Err(option_error(
                py,
                format!("method must be \"ppmi\" or \"exchange\", not {other:?}"),
            ))
        }
    };
    parallel::isolated(py, || {
        let mut sentences = Vec::new();
        for f in &files {
            sentences.extend(read_conll(f)?.into_iter().map(|s| s.tokens));
        }
        for f in &texts {
            sentences.extend(read_text_sentences(f)?);
        }
        let c = if exchange {
            let opts = ExchangeOptions {
                min_count,
                depth,
                ..Default::default()
            };
            learn_exchange_clusters(&sentences, &opts)
        } else {
            let opts = ClusterOptions {
                min_count,
                contexts,
                depth,
                ..Default::default()
            };
            learn_clusters(&sentences, &opts)
        };
        c.write(&output)?;
        Ok(c.len())
    })?
    .map_err(|e| core_error(py, e))
}

/// Learn subword skip-gram embeddings from the tokens of CoNLL files (tags
/// ignored) and plain-text files; write the vectors of the `limit` most
/// frequent words (word2vec text), the n-gram rows (f32), and the clusters
/// file `clusters` with the k-means classes (at each of `ks`) of the
/// `class_words` most frequent words added. Returns (vocabulary, tokens).
#[pyfunction]
#[pyo3(signature = (files, *, texts = Vec::new(), vectors = None, ngrams = None, clusters = None,
    clusters_output = None, limit = 200_000, class_words = 100_000, ks = vec![64, 256, 1024],
    dim = 100, epochs = 5, min_count = 5, buckets = 200_000, seed = 1))]
#[allow(clippy::too_many_arguments)]
fn _learn_embeddings(
    py: Python<'_>,
    files: Vec<PathBuf>,
    texts: Vec<PathBuf>,
    vectors: Option<PathBuf>,
    ngrams: Option<PathBuf>,
    clusters: Option<PathBuf>,
    clusters_output: Option<PathBuf>,
    limit: usize,
    class_words: usize,
    ks: Vec<usize>,
    dim: usize,
    epochs: usize,
    min_count: u64,
    buckets: usize,
    seed: u64,
) -> PyResult<(usize, u64)> {
    parallel::isolated(py, || {
        let mut corpus = Corpus::new();
        for f in &files {
            for s in read_conll(f)? {
                corpus.add_tokens(s.tokens.iter().map(String::as_str));
            }
        }
        for f in &texts {
            corpus.add_file(f)?;
        }
        let opts = EmbeddingOptions {
            dim,
            epochs,
            min_count,
            buckets,
            seed,
            ..Default::default()
        };
        let emb = learn_embeddings(&corpus, &opts);
        if let Some(p) = &vectors {
            emb.write_word2vec(p, limit)?;
        }
        if let Some(p) = &ngrams {
            emb.write_ngram_rows(p)?;
        }
        if let Some(out) = &clusters_output {
            let mut c = match &clusters {
                Some(p) => Clusters::read(p)?,
                None => Clusters::new(),
            };
            for (w, ids) in embedding_classes(&emb, class_words, &ks, 10, seed) {
                c.insert_classes(w, ids);
            }
            c.write(out)?;
        }
        Ok((emb.words.len(), corpus.n_tokens()))
    })?
    .map_err(|e| core_error(py, e))
}

/// Tag `texts` (one document each) with a perceptron tagger, count each
/// word's tags and write `clusters` plus the words' corpus tag classes
/// (`CorpusTagCounts::classes`) as its classes section to `output`; returns
/// the number of words with classes.
#[pyfunction]
#[pyo3(signature = (tagger, texts, clusters, output, *, min_count = 3, n_threads = None))]
fn _corpus_tag_classes(
    py: Python<'_>,
    tagger: &PyTagger,
    texts: Vec<String>,
    clusters: PathBuf,
    output: PathBuf,
    min_count: u32,
    n_threads: Option<parallel::ThreadCount>,
) -> PyResult<usize> {
    let threads = parallel::threads(py, n_threads)?;
    let model = Arc::clone(tagger.perceptron(py, "_corpus_tag_classes")?);
    parallel::isolated(py, || {
        let counts = CorpusTagCounts::count(&model, &texts, threads)?;
        let mut out = Clusters::new();
        for (w, p) in Clusters::read(&clusters)?.sorted() {
            out.insert(w.to_string(), p.to_string());
        }
        let n = counts.insert_into(&mut out, min_count);
        out.write(&output)?;
        Ok(n)
    })?
    .map_err(|e| core_error(py, e))
}

/// Score predicted tag sequences against gold ones (conlleval rules).
#[pyfunction]
fn _score_tags(
    py: Python<'_>,
    gold: Vec<Vec<String>>,
    pred: Vec<Vec<String>>,
) -> PyResult<Py<PyAny>> {
    if gold.len() != pred.len() {
        return Err(crate::errors::option_error(
            py,
            format!("{} gold sentences but {} predicted", gold.len(), pred.len()),
        ));
    }
    for (i, (g, p)) in gold.iter().zip(&pred).enumerate() {
        if g.len() != p.len() {
            return Err(crate::errors::Class::Option.err(
                py,
                format!(
                    "sentence {i}: {} gold tags but {} predicted",
                    g.len(),
                    p.len()
                ),
                Some(i),
            ));
        }
    }
    counts_to_py(py, &evaluate_tags(&gold, &pred))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_score_tags, m)?)?;
    m.add_function(wrap_pyfunction!(_learn_clusters, m)?)?;
    m.add_function(wrap_pyfunction!(_learn_embeddings, m)?)?;
    m.add_function(wrap_pyfunction!(_corpus_tag_classes, m)?)?;
    // The line that starts a clusters file's classes section, for the tools
    // that cut a file down to its paths.
    m.add("_CLUSTERS_CLASSES_HEADER", CLASSES_HEADER)?;
    // The classes entry that says how many of each word's last ids are
    // context classes.
    m.add("_CLUSTERS_CONTEXT_KEY", CONTEXT_CLASSES_KEY)?;
    m.add_class::<PyEntity>()?;
    m.add_class::<PyTagger>()?;
    m.add_function(wrap_pyfunction!(_train, m)?)?;
    Ok(())
}
