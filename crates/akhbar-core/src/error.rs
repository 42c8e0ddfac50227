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
    /// A bad setting: zero epochs, a non-finite float, a share above 1, a bad
    /// gazetteer entry, a gazetteer label the model does not tag.
    #[error("{0}")]
    InvalidOption(String),
    /// Training data a tagger cannot learn from (no entities, too many types).
    #[error("{0}")]
    TrainingData(String),
    /// Labels asked for that no tagger or grammar gives.
    #[error("unknown entity labels {}; known: {}", quoted(unknown), quoted(known))]
    UnknownLabels {
        unknown: Vec<String>,
        known: Vec<String>,
    },
    /// A bug inside akhbar (a panic) while processing one input, caught by
    /// [`crate::batch::isolate`]; `row` is the input's position in its batch.
    #[error("internal error{}: {reason} (please report it with the input)", row.map(|r| format!(" in row {r}")).unwrap_or_default())]
    Internal { row: Option<usize>, reason: String },
}

/// `['A', 'B']`, as Python prints a list of strings.
fn quoted(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| format!("'{s}'")).collect();
    format!("[{}]", inner.join(", "))
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
