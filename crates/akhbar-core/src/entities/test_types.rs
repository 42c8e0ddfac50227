//! ANERcorp's entity types in a model's order, with their indices, for the
//! unit tests of the rules `extract` applies to a tagger's spans.

/// The types, as `Labels::types` gives them for an ANERcorp model.
pub(crate) fn types() -> Vec<String> {
    ["LOC", "MISC", "ORG", "PERS"].map(String::from).to_vec()
}

pub(crate) const LOC: usize = 0;
pub(crate) const MISC: usize = 1;
pub(crate) const ORG: usize = 2;
pub(crate) const PERS: usize = 3;
