//! Real inputs that the generators mutate: the research articles and pages in
//! `../shared/data` when present (never copied into the repository), else the
//! sample article shipped in the package; a CoNLL sample; a small model file
//! trained here and the shipped model file.

use std::path::{Path, PathBuf};

use akhbar_core::entities::conll::parse_conll;
use akhbar_core::entities::format::{to_bytes, to_uncompressed_bytes};
use akhbar_core::entities::train::train;
use akhbar_core::entities::{Model, TrainOptions};

/// The repository root (this crate lives in `fuzz/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// `AKHBAR_SHARED`, else `../shared` beside the repository.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("AKHBAR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("..").join("shared"))
}

/// A few hand-written tagged sentences (the CoNLL seed when the corpus is absent).
const CONLL: &str = "قال O\nالرئيس O\nمحمد B-PERS\nالحارثي I-PERS\nفي O\nدمشق B-LOC\n. O\n\n\
وزارة B-ORG\nالصحة I-ORG\nفي O\nالرياض B-LOC\nأعلنت O\n. O\n\n\
زار O\nأحمد B-PERS\nالقاهرة B-LOC\nمع O\nالأمم B-ORG\nالمتحدة I-ORG\n. O\n";

/// Inputs to mutate.
#[derive(Debug, Default)]
pub struct Seeds {
    /// Article texts.
    pub texts: Vec<String>,
    /// HTML pages.
    pub pages: Vec<String>,
    /// A CoNLL file's bytes.
    pub conll: Vec<u8>,
    /// A small valid model file (trained on the CoNLL seed), compressed (version 3).
    pub small_model: Vec<u8>,
    /// The same model uncompressed (version 1): its mutations reach the payload parser,
    /// which a mutated compressed stream seldom does.
    pub small_model_plain: Vec<u8>,
    /// The shipped model file (empty when absent).
    pub big_model: Vec<u8>,
}

fn read_dir_texts(dir: &Path, ext: &str) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == ext));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

impl Seeds {
    /// Load every seed that is available.
    pub fn load() -> Seeds {
        let root = repo_root();
        let data = shared_dir().join("data");
        let mut texts = read_dir_texts(&data.join("articles").join("text"), "txt");
        texts.extend(std::fs::read_to_string(
            root.join("python/akhbar/data/sample_article.txt"),
        ));
        let pages = read_dir_texts(&data.join("articles").join("html"), "html");
        let conll = std::fs::read(data.join("ner/anercorp/train.txt"))
            .map(|b| {
                // The first few hundred lines, cut at a sentence break.
                let text = String::from_utf8_lossy(&b);
                let lines: Vec<&str> = text.lines().take(400).collect();
                lines.join("\n").into_bytes()
            })
            .unwrap_or_else(|_| CONLL.as_bytes().to_vec());
        let small_model = small_model();
        let big_model =
            std::fs::read(root.join("python/akhbar/data/ner-anercorp.akbm")).unwrap_or_default();
        Seeds {
            texts,
            pages,
            conll,
            small_model: small_model
                .as_ref()
                .and_then(|m| to_bytes(m).ok())
                .unwrap_or_default(),
            small_model_plain: small_model
                .as_ref()
                .map(to_uncompressed_bytes)
                .unwrap_or_default(),
            big_model,
        }
    }
}

/// A real model, small enough that its file is mutated a million times.
fn small_model() -> Option<Model> {
    let sentences = parse_conll(CONLL.as_bytes(), "seed").unwrap_or_default();
    let opts = TrainOptions {
        epochs: 2,
        threads: Some(1),
        ..TrainOptions::default()
    };
    train(&sentences, &[], None, &opts, &mut |_| {}).ok()
}
