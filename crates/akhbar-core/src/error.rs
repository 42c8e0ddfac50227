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
    /// A bug inside akhbar (a panic) while processing one input, caught by
    /// [`crate::batch::isolate`]; `row` is the input's position in its batch.
    #[error("internal error{}: {reason} (please report it with the input)", row.map(|r| format!(" in row {r}")).unwrap_or_default())]
    Internal { row: Option<usize>, reason: String },
}

impl Error {
    /// This error, if internal, placed at batch row `row`.
    pub fn at_row(self, row: usize) -> Error {
        match self {
            Error::Internal { reason, .. } => Error::Internal {
                row: Some(row),
                reason,
            },
            e => e,
        }
    }

    /// This error with a batch row number shifted by `by` (a chunk's start).
    pub fn shift_row(self, by: usize) -> Error {
        match self {
            Error::Internal {
                row: Some(r),
                reason,
            } => Error::Internal {
                row: Some(r + by),
                reason,
            },
            e => e,
        }
    }
}

/// Result with the core error.
pub type Result<T> = std::result::Result<T, Error>;
