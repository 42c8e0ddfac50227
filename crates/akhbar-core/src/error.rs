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
}

/// Result with the core error.
pub type Result<T> = std::result::Result<T, Error>;
