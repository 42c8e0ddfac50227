//! Arabic text: character classes, normalization with offset maps, tokenization.

pub mod chars;
pub mod clitics;
pub mod normalize;
pub mod offsets;
pub mod options;
pub mod tokenize;

pub use clitics::Clitic;
pub use normalize::Normalizer;
pub use offsets::OffsetMap;
pub use options::NormalizeOptions;
pub use tokenize::{tokenize, Token, TokenKind, TokenizeOptions};
