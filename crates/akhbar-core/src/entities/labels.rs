//! The BIO tag set: `O`, then `B-X`, `I-X` for each entity type `X`.

/// Tag index of `O`.
pub const O: usize = 0;

/// The entity types of a model and their BIO tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    types: Vec<String>,
}

impl Labels {
    /// Labels over the given entity types (sorted and deduplicated).
    pub fn new(mut types: Vec<String>) -> Self {
        types.sort();
        types.dedup();
        Self { types }
    }

    /// The entity types, sorted.
    pub fn types(&self) -> &[String] {
        &self.types
    }

    /// Number of tags (`1 + 2 * types`).
    pub fn n_tags(&self) -> usize {
        1 + 2 * self.types.len()
    }

    /// Index of an entity type.
    pub fn type_index(&self, name: &str) -> Option<usize> {
        self.types.iter().position(|t| t == name)
    }

    /// Tag index of `B-<type>`.
    pub fn begin(ty: usize) -> usize {
        1 + 2 * ty
    }

    /// Tag index of `I-<type>`.
    pub fn inside(ty: usize) -> usize {
        2 + 2 * ty
    }

    /// `(is_begin, type)` of a non-`O` tag, `None` for `O`.
    pub fn split(tag: usize) -> Option<(bool, usize)> {
        (tag != O).then(|| ((tag - 1) & 1 == 0, (tag - 1) / 2))
    }

    /// The tag's name: `O`, `B-PERS` ...
    pub fn tag_name(&self, tag: usize) -> String {
        match Self::split(tag) {
            None => "O".into(),
            Some((true, t)) => format!("B-{}", self.types[t]),
            Some((false, t)) => format!("I-{}", self.types[t]),
        }
    }

    /// Parse a tag name; `None` when its type is not one of ours.
    pub fn parse(&self, name: &str) -> Option<usize> {
        if name == "O" {
            return Some(O);
        }
        let (bio, ty) = parse_tag(name)?;
        let t = self.type_index(ty)?;
        Some(if bio == 'B' {
            Self::begin(t)
        } else {
            Self::inside(t)
        })
    }

    /// Whether the transition `prev -> next` is allowed (`prev = None` at the
    /// start of a sentence): `I-X` only after `B-X` or `I-X`.
    pub fn allowed(prev: Option<usize>, next: usize) -> bool {
        match Self::split(next) {
            Some((false, t)) => matches!(prev.and_then(Self::split), Some((_, p)) if p == t),
            _ => true,
        }
    }
}

/// Split a tag name `B-X` / `I-X` into its letter and type; `None` when
/// malformed (`O` is not handled here).
pub fn parse_tag(name: &str) -> Option<(char, &str)> {
    let (bio, ty) = name.split_once('-')?;
    let bio = match bio {
        "B" => 'B',
        "I" => 'I',
        _ => return None,
    };
    (!ty.is_empty() && !ty.chars().any(char::is_whitespace)).then_some((bio, ty))
}

/// Entity spans `(start, end, type)` of a tag sequence, read as the conlleval
/// script reads them: a chunk starts at `B-X` and at an `I-X` that does not
/// continue a chunk of type `X` (an orphan `I-` starts an entity).
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        match Labels::split(tag) {
            None => {
                if let Some((s, t)) = open.take() {
                    out.push((s, i, t));
                }
            }
            Some((begin, t)) => {
                let continues = !begin && matches!(open, Some((_, o)) if o == t);
                if !continues {
                    if let Some((s, o)) = open.take() {
                        out.push((s, i, o));
                    }
                    open = Some((i, t));
                }
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), t));
    }
    out
}

/// Rewrite orphan `I-X` tags as `B-X`, so a sequence obeys the BIO constraints
/// and means the same entities.
pub fn repair(tags: &mut [usize]) {
    let mut prev = None;
    for tag in tags.iter_mut() {
        if !Labels::allowed(prev, *tag) {
            if let Some((_, t)) = Labels::split(*tag) {
                *tag = Labels::begin(t);
            }
        }
        prev = Some(*tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels {
        Labels::new(vec!["PERS".into(), "LOC".into()])
    }

    #[test]
    fn names_round_trip() {
        let l = labels();
        assert_eq!(l.types(), ["LOC", "PERS"]);
        for tag in 0..l.n_tags() {
            assert_eq!(l.parse(&l.tag_name(tag)), Some(tag));
        }
        assert_eq!(l.parse("B-ORG"), None);
        assert_eq!(parse_tag("X-ORG"), None);
        assert_eq!(parse_tag("B-"), None);
    }

    #[test]
    fn spans_like_conlleval() {
        let l = labels();
        let t = |s: &str| {
            s.split(' ')
                .map(|x| l.parse(x).unwrap())
                .collect::<Vec<_>>()
        };
        // orphan I-PERS starts an entity; I-LOC after B-PERS starts another.
        let tags = t("I-PERS I-PERS O B-PERS I-LOC B-LOC B-LOC I-LOC");
        assert_eq!(
            spans(&tags),
            vec![(0, 2, 1), (3, 4, 1), (4, 5, 0), (5, 6, 0), (6, 8, 0)]
        );
        let mut fixed = tags.clone();
        repair(&mut fixed);
        assert_eq!(fixed, t("B-PERS I-PERS O B-PERS B-LOC B-LOC B-LOC I-LOC"));
        assert_eq!(spans(&fixed), spans(&tags));
    }
}
