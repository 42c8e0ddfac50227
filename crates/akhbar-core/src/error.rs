//! The core's error type; the Python layer maps each variant to an exception.

/// Errors from akhbar-core.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("unknown normalization preset {0:?} (choose from none, light, search, ner)")]
    UnknownPreset(String),
    #[error("unknown normalization option {0:?}")]
    UnknownOption(String),
    #[error("invalid thread count {0}: must be at least 1")]
    InvalidThreads(usize),
    /// An option value outside its domain (a non-finite float, a share above 1).
    #[error("{0}")]
    InvalidOption(String),
    /// A model file that cannot be used (corrupt, truncated, wrong version).
    #[error("{path}: {reason}")]
    ModelFile { path: String, reason: String },
    /// A bad line in a CoNLL training or evaluation file (1-based line number).
    #[error("{path}:{line}: {reason}")]
    Conll {
        path: String,
        line: usize,
        reason: String,
    },
    /// A file that cannot be read or written.
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    /// Bad training settings or data (no sentences, unknown label ...).
    #[error("{0}")]
    Training(String),
}

/// Result with the core error.
pub type Result<T> = std::result::Result<T, Error>;
