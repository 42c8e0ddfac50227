//! akhbar-fuzz: seeded, structure-aware fuzzing of every akhbar-core entry
//! point with invariant checks (see `fuzz/README.md`).
//!
//! - [`gen`]: input generators and mutators.
//! - [`seeds`]: real inputs to mutate.
//! - [`targets`]: the entry points and their invariants.
//! - [`driver`]: running, shrinking and saving failures.

pub mod driver;
pub mod gen;
pub mod seeds;
pub mod targets;
