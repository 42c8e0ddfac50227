//! Feature extraction: each token gets a list of hashed feature keys built
//! from its key form, its clitic-stripped stem, affixes, shape, ±2 context
//! words, trigger words, gazetteer matches and word clusters.

use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt};

use super::clusters::{Clusters, PREFIXES};
use super::gazetteer::{key_form, Gazetteer, MAX_LABELS};
use super::hash::Fnv;
use crate::text::chars::{digit_value, is_arabic_letter, is_punctuation};
use crate::text::clitics::{strip_proclitics, word_count};

/// Titles and roles that precede person names.
const PERSON_TRIGGERS: &[&str] = &[
    "رئيس",
    "الرئيس",
    "الجنرال",
    "وزير",
    "الوزير",
    "الناطق",
    "المتحدث",
    "الشيخ",
    "الملك",
    "الامير",
    "امير",
    "السيد",
    "السيده",
    "الدكتور",
    "د",
    "العقيد",
    "العميد",
    "اللواء",
    "نائب",
    "مدير",
    "الامين",
    "قائد",
    "القائد",
    "المستشار",
    "السفير",
    "المبعوث",
    "الزعيم",
    "النائب",
    "المدير",
    "الشيخه",
    "الاستاذ",
    "الكاتب",
    "الصحفي",
    "المراسل",
    "الفنان",
    "الفنانه",
    "اللاعب",
    "المدرب",
    "الرئيسه",
    "الملكه",
    "الاميره",
    "البابا",
    "الجنرالات",
    "الفريق",
    "المشير",
    "الحاج",
    "الامام",
    "المطران",
    "القس",
    "الاب",
    "ابن",
    "بن",
    "بنت",
    "ابو",
    "ام",
    "قال",
    "اكد",
    "اعلن",
    "اوضح",
    "اضاف",
    "صرح",
    "يقول",
];

/// Heads of organisation names.
const ORG_TRIGGERS: &[&str] = &[
    "وزاره",
    "وزارة",
    "حزب",
    "مجلس",
    "شركه",
    "شركة",
    "جامعه",
    "جامعة",
    "وكاله",
    "وكالة",
    "منظمه",
    "منظمة",
    "هيئه",
    "هيئة",
    "جمعيه",
    "جمعية",
    "اتحاد",
    "حركه",
    "حركة",
    "جبهه",
    "جبهة",
    "مؤسسه",
    "مؤسسة",
    "بنك",
    "مصرف",
    "صحيفه",
    "صحيفة",
    "قناه",
    "قناة",
    "تنظيم",
    "جيش",
    "لجنه",
    "لجنة",
    "محكمه",
    "محكمة",
    "نادي",
    "فريق",
    "مركز",
    "معهد",
    "برلمان",
    "البرلمان",
    "الامم",
    "مكتب",
    "دائره",
    "دائرة",
    "قوات",
    "ميليشيا",
    "كتائب",
    "لواء",
    "شبكه",
    "شبكة",
    "تحالف",
    "التحالف",
    "اذاعه",
    "اذاعة",
];

/// Heads of place names.
const LOC_TRIGGERS: &[&str] = &[
    "مدينه",
    "مدينة",
    "محافظه",
    "محافظة",
    "ولايه",
    "ولاية",
    "قريه",
    "قرية",
    "بلده",
    "بلدة",
    "منطقه",
    "منطقة",
    "ريف",
    "جزيره",
    "جزيرة",
    "نهر",
    "بحر",
    "جبل",
    "عاصمه",
    "عاصمة",
    "مطار",
    "ميناء",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "حي",
    "اقليم",
    "مقاطعه",
    "مقاطعة",
    "دوله",
    "دولة",
    "بلاد",
    "في",
    "الى",
    "من",
    "الي",
];

/// Token kinds for shape features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Arabic = b'a',
    Number = b'0',
    Latin = b'l',
    Punct = b'.',
    Other = b'x',
}

/// What the features read from one token.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// Key form: folded letters, digits as 0, Latin lowercased.
    pub w: String,
    /// Without non-article proclitics (لوحدات → وحدات).
    pub stem: String,
    /// Stem without the article (الرقة → رقة).
    pub bare: String,
    pub kind: Kind,
    /// Trigger classes: bit 0 person, 1 organisation, 2 place.
    pub trig: u8,
    /// Gazetteer marks: bit 2l = begins a match of label l, 2l+1 = inside.
    pub gaz: u64,
}

fn kind_of(raw: &str) -> Kind {
    let Some(c) = raw.chars().find(|c| !matches!(c, '\u{0640}')) else {
        return Kind::Other;
    };
    if is_arabic_letter(c) {
        Kind::Arabic
    } else if digit_value(c).is_some() {
        Kind::Number
    } else if c.is_alphabetic() {
        Kind::Latin
    } else if is_punctuation(c) {
        Kind::Punct
    } else {
        Kind::Other
    }
}

/// Word -> its trigger classes (bit 0 person, 1 organisation, 2 place).
fn trigger_classes() -> &'static HashMap<&'static str, u8> {
    static MAP: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for (bit, list) in [(0, PERSON_TRIGGERS), (1, ORG_TRIGGERS), (2, LOC_TRIGGERS)] {
            for &w in list {
                *m.entry(w).or_default() |= 1 << bit;
            }
        }
        m
    })
}

fn triggers(bare: &str, stem: &str) -> u8 {
    let classes = trigger_classes();
    classes.get(stem).copied().unwrap_or(0) | classes.get(bare).copied().unwrap_or(0)
}

/// Analyse one token.
pub fn token_info(raw: &str) -> TokenInfo {
    let kind = kind_of(raw);
    let w: String = match kind {
        Kind::Arabic => key_form(raw),
        Kind::Number => raw
            .chars()
            .map(|c| if digit_value(c).is_some() { '0' } else { c })
            .collect(),
        Kind::Latin => raw.to_lowercase(),
        _ => raw.to_string(),
    };
    let stem = if kind == Kind::Arabic {
        strip_proclitics(&w)
    } else {
        w.clone()
    };
    let bare = match stem.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
        _ => stem.clone(),
    };
    let trig = triggers(&bare, &stem);
    TokenInfo {
        w,
        stem,
        bare,
        kind,
        trig,
        gaz: 0,
    }
}

/// Analyse a sentence and mark gazetteer matches.
pub fn sentence_info(raw: &[&str], gaz: &Gazetteer) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = raw.iter().map(|t| token_info(t)).collect();
    mark_gazetteer(&mut infos, gaz);
    infos
}

/// Set the gazetteer marks of analysed tokens.
pub fn mark_gazetteer(infos: &mut [TokenInfo], gaz: &Gazetteer) {
    if gaz.is_empty() {
        return;
    }
    let words: Vec<&str> = infos.iter().map(|t| t.w.as_str()).collect();
    let first: Vec<&str> = infos.iter().map(|t| t.stem.as_str()).collect();
    for m in gaz.find(&words, &first) {
        infos[m.start].gaz |= 1 << (2 * m.label);
        for t in &mut infos[m.start + 1..m.end] {
            t.gaz |= 1 << (2 * m.label + 1);
        }
    }
}

/// The version of the feature templates. A model stores the version it was
/// trained with and is refused by a build that computes other features.
pub const FEATURE_SET: u32 = 1;

/// Every token's keys start with this many keys of the word's identity
/// (word, stem, bare stem, the two bigrams).
pub const IDENTITY: usize = 5;

/// Template ids (part of the model format: changing them changes the model).
mod t {
    pub const BIAS: u8 = 0;
    pub const W: u8 = 1;
    pub const STEM: u8 = 2;
    pub const BARE: u8 = 3;
    pub const PREFIX: u8 = 4;
    pub const SUFFIX: u8 = 7;
    pub const SHAPE: u8 = 10;
    pub const W_AT: u8 = 11; // +offset index
    pub const BARE_PREV: u8 = 15;
    pub const BARE_NEXT: u8 = 16;
    pub const BIGRAM_PREV: u8 = 17;
    pub const BIGRAM_NEXT: u8 = 18;
    pub const TRIG_AT: u8 = 19; // +offset index
    pub const GAZ_AT: u8 = 24; // +offset index
    pub const CLUSTER: u8 = 27;
    pub const CLUSTER_PREV: u8 = 28;
    pub const CLUSTER_NEXT: u8 = 29;
    pub const KINDS: u8 = 30;
    pub const PROCLITIC: u8 = 31;
    pub const STEM_SUFFIX: u8 = 32;
    pub const FREQ: u8 = 33;
    pub const GAZ_FAR: u8 = 34; // +0 at -2, +1 at +2
    pub const CLUSTER_FAR: u8 = 36; // +0 at -2, +1 at +2
    pub const PREFIX4: u8 = 38;
    pub const SUFFIX4: u8 = 39;
    pub const TRIG_NEXT2: u8 = 40;
    pub const CHAR3: u8 = 41;
    pub const EMB_CLASS: u8 = 42; // +0 this token, +1 previous, +2 next
    pub const CTX_CLASS: u8 = 45; // +0 previous word's next class, +1 next word's previous class
}

/// Frequency class of a word in the clitic lexicon (0: unseen ... 5: common).
fn freq_class(w: &str) -> u8 {
    match word_count(w) {
        0 => 0,
        1..=2 => 1,
        3..=9 => 2,
        10..=49 => 3,
        50..=499 => 4,
        _ => 5,
    }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

fn key1(id: u8, a: &str) -> u64 {
    let mut h = Fnv::with_template(id);
    h.str(a);
    h.finish()
}

fn key2(id: u8, a: &str, b: &str) -> u64 {
    let mut h = Fnv::with_template(id);
    h.str(a);
    h.str(b);
    h.finish()
}

fn key_bytes(id: u8, bs: &[u8]) -> u64 {
    let mut h = Fnv::with_template(id);
    h.bytes(bs);
    h.finish()
}

fn char_prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(b, _)| b)?;
    Some(&s[..end])
}

fn char_suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    (count > n).then(|| {
        let start = s.char_indices().nth(count - n).map(|(b, _)| b).unwrap_or(0);
        &s[start..]
    })
}

/// Hashed feature keys of every token, flattened: keys of token `i` are
/// `keys[offsets[i]..offsets[i + 1]]`.
pub struct SentenceFeatures {
    pub keys: Vec<u64>,
    pub offsets: Vec<usize>,
}

impl SentenceFeatures {
    /// Keys of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        &self.keys[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether the sentence is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A token's classes, if its word has any.
type Classes<'a> = Option<&'a [u16]>;

/// Compute the features of an analysed sentence.
pub fn features(infos: &[TokenInfo], clusters: &Clusters) -> SentenceFeatures {
    let n = infos.len();
    let mut keys = Vec::with_capacity(n * 40);
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let word = |j: isize| -> &str {
        if j < 0 {
            BOS
        } else if j as usize >= n {
            EOS
        } else {
            &infos[j as usize].w
        }
    };
    // Each token's cluster path, looked up once.
    let paths: Vec<Option<&str>> = if clusters.is_empty() {
        Vec::new()
    } else {
        infos
            .iter()
            .map(|ti| clusters.get(&ti.w).or_else(|| clusters.get(&ti.stem)))
            .collect()
    };
    // Each token's own classes and context classes (its form's, else its
    // stem's), looked up once.
    let (classes, context): (Vec<Classes>, Vec<Classes>) = if clusters.has_classes() {
        infos
            .iter()
            .map(|ti| {
                let key = match clusters.classes(&ti.w) {
                    Some(_) => &ti.w,
                    None => &ti.stem,
                };
                let context = clusters.context_classes(key).filter(|c| !c.is_empty());
                (clusters.own_classes(key), context)
            })
            .unzip()
    } else {
        (Vec::new(), Vec::new())
    };
    let at = |j: isize| (j >= 0 && (j as usize) < n).then_some(j as usize);
    let cluster_of = |j: isize| at(j).and_then(|j| paths.get(j).copied().flatten());
    let class_of = |j: isize| at(j).and_then(|j| classes.get(j).copied().flatten());
    let context_of = |j: isize| at(j).and_then(|j| context.get(j).copied().flatten());
    for (i, ti) in infos.iter().enumerate() {
        let ii = i as isize;
        // The word's identity first: IDENTITY keys, which training may hide.
        keys.push(key1(t::W, &ti.w));
        keys.push(key1(t::STEM, &ti.stem));
        keys.push(key1(t::BARE, &ti.bare));
        keys.push(key2(t::BIGRAM_PREV, word(ii - 1), &ti.w));
        keys.push(key2(t::BIGRAM_NEXT, &ti.w, word(ii + 1)));
        keys.push(key1(t::BIAS, ""));
        for k in 1..=3 {
            if let Some(p) = char_prefix(&ti.bare, k) {
                keys.push(key1(t::PREFIX + (k as u8 - 1), p));
            }
            if let Some(s) = char_suffix(&ti.w, k) {
                keys.push(key1(t::SUFFIX + (k as u8 - 1), s));
            }
        }
        if ti.kind == Kind::Arabic {
            // Three letters at a time, from the second letter to the fourth
            // from the end: the bytes of `bare` from char j to char j + 3.
            let n_chars = ti.bare.chars().count();
            if n_chars >= 4 {
                let at = ti.bare.char_indices().map(|(b, _)| b);
                let at = at.chain(std::iter::once(ti.bare.len()));
                for (a, b) in at.clone().skip(1).zip(at.skip(4)).take(n_chars - 4) {
                    keys.push(key_bytes(t::CHAR3, &ti.bare.as_bytes()[a..b]));
                }
            }
        }
        if let Some(p) = char_prefix(&ti.bare, 4) {
            keys.push(key1(t::PREFIX4, p));
        }
        if let Some(s) = char_suffix(&ti.w, 4) {
            keys.push(key1(t::SUFFIX4, s));
        }
        if let Some(s) = char_suffix(&ti.stem, 2) {
            keys.push(key1(t::STEM_SUFFIX, s));
        }
        let len = ti.w.chars().count().min(9) as u8;
        let article = ti.stem.len() != ti.bare.len();
        let pro = ti.w.len() != ti.stem.len();
        keys.push(key_bytes(
            t::SHAPE,
            &[ti.kind as u8, len, u8::from(article), u8::from(pro)],
        ));
        if ti.kind == Kind::Arabic {
            keys.push(key_bytes(
                t::FREQ,
                &[freq_class(&ti.w), freq_class(&ti.stem), u8::from(pro)],
            ));
        }
        if pro {
            let cut = ti.w.len().saturating_sub(ti.stem.len());
            if ti.w.is_char_boundary(cut) {
                keys.push(key1(t::PROCLITIC, &ti.w[..cut]));
            }
        }
        for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            keys.push(key1(t::W_AT + k as u8, word(ii + d)));
        }
        let bare_at = |j: isize| {
            if j < 0 {
                BOS
            } else if j as usize >= n {
                EOS
            } else {
                infos[j as usize].bare.as_str()
            }
        };
        keys.push(key1(t::BARE_PREV, bare_at(ii - 1)));
        keys.push(key1(t::BARE_NEXT, bare_at(ii + 1)));
        for (k, d) in [-2isize, -1, 0, 1].into_iter().enumerate() {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                let tr = infos[j as usize].trig;
                if tr != 0 {
                    keys.push(key_bytes(t::TRIG_AT + k as u8, &[tr]));
                }
            }
        }
        for (k, d) in [-1isize, 0, 1].into_iter().enumerate() {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                let g = infos[j as usize].gaz;
                for bit in 0..2 * MAX_LABELS {
                    if g >> bit & 1 == 1 {
                        keys.push(key_bytes(t::GAZ_AT + k as u8, &[bit as u8]));
                    }
                }
            }
        }
        for (k, d) in [-2isize, 2].into_iter().enumerate() {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                let g = infos[j as usize].gaz;
                for bit in 0..2 * MAX_LABELS {
                    if g >> bit & 1 == 1 {
                        keys.push(key_bytes(t::GAZ_FAR + k as u8, &[bit as u8]));
                    }
                }
                if d == 2 && infos[j as usize].trig != 0 {
                    keys.push(key_bytes(t::TRIG_NEXT2, &[infos[j as usize].trig]));
                }
            }
        }
        if !clusters.is_empty() {
            for (k, d) in [-2isize, 2].into_iter().enumerate() {
                if let Some(c) = cluster_of(ii + d) {
                    keys.push(key1(t::CLUSTER_FAR + k as u8, &c[..6.min(c.len())]));
                }
            }
            if let Some(c) = cluster_of(ii) {
                for p in PREFIXES {
                    let p = p.min(c.len());
                    keys.push(key1(t::CLUSTER, &c[..p]));
                }
            } else {
                keys.push(key1(t::CLUSTER, "?"));
            }
            for (id, d) in [(t::CLUSTER_PREV, -1isize), (t::CLUSTER_NEXT, 1)] {
                match cluster_of(ii + d) {
                    Some(c) => {
                        keys.push(key1(id, &c[..6.min(c.len())]));
                        keys.push(key1(id, c));
                    }
                    None => keys.push(key1(id, "?")),
                }
            }
        }
        if clusters.has_classes() {
            for (k, d) in [0isize, -1, 1].into_iter().enumerate() {
                let id = t::EMB_CLASS + k as u8;
                match class_of(ii + d) {
                    Some(cs) => {
                        for (level, &c) in cs.iter().enumerate() {
                            if d == 0 || level == 0 {
                                let [lo, hi] = c.to_le_bytes();
                                keys.push(key_bytes(id, &[level as u8, lo, hi]));
                            }
                        }
                    }
                    None => keys.push(key_bytes(id, &[0xff])),
                }
            }
        }
        // What the words on either side say about this position: the
        // previous word's "entity begins after me" class, the next word's
        // "entity ends before me" class.
        for (k, c) in [
            context_of(ii - 1).and_then(|c| c.first()),
            context_of(ii + 1).and_then(|c| c.get(1)),
        ]
        .into_iter()
        .enumerate()
        {
            if let Some(c) = c {
                let [lo, hi] = c.to_le_bytes();
                keys.push(key_bytes(t::CTX_CLASS + k as u8, &[lo, hi]));
            }
        }
        let kind_at = |j: isize| {
            if j < 0 || j as usize >= n {
                b'^'
            } else {
                infos[j as usize].kind as u8
            }
        };
        keys.push(key_bytes(
            t::KINDS,
            &[kind_at(ii - 1), ti.kind as u8, kind_at(ii + 1)],
        ));
        offsets.push(keys.len());
    }
    SentenceFeatures { keys, offsets }
}

#[cfg(test)]
mod tests {
    use super::super::clusters::CONTEXT_CLASSES_KEY;
    use super::*;

    #[test]
    fn token_analysis() {
        let t = token_info("لوحدات");
        assert_eq!((t.w.as_str(), t.stem.as_str()), ("لوحدات", "وحدات"));
        let t = token_info("والرَّقة");
        assert_eq!((t.stem.as_str(), t.bare.as_str()), ("الرقة", "رقة"));
        let t = token_info("وزارة");
        assert_eq!(t.trig, 2);
        let t = token_info("٢٠١٧");
        assert_eq!((t.w.as_str(), t.kind), ("0000", Kind::Number));
        assert_eq!(token_info("،").kind, Kind::Punct);
    }

    #[test]
    fn features_depend_on_context() {
        let g = Gazetteer::new();
        let c = Clusters::new();
        let a = features(&sentence_info(&["قال", "أوباما"], &g), &c);
        let b = features(&sentence_info(&["زار", "أوباما"], &g), &c);
        assert_eq!(a.len(), 2);
        assert_ne!(a.token(1), b.token(1));
        // Same word features, different context.
        assert_eq!(a.token(1)[1], b.token(1)[1]);
    }

    #[test]
    fn context_classes_of_the_neighbours_are_features_of_the_token() {
        let g = Gazetteer::new();
        let mut c = Clusters::new();
        // الرئيس: own classes [0, 3], context: PERS (6) begins after it,
        // nothing ends before it. قال: own [0, 5], nothing either side.
        c.insert_classes("الرئيس".into(), vec![0, 3, 6, 0]);
        c.insert_classes("قال".into(), vec![0, 5, 0, 0]);
        let words = ["قال", "الرئيس", "زيد"];
        let without = features(&sentence_info(&words, &g), &c);
        c.insert_classes(CONTEXT_CLASSES_KEY.into(), vec![2]);
        let with = features(&sentence_info(&words, &g), &c);
        let after_president = key_bytes(t::CTX_CLASS, &6u16.to_le_bytes());
        // "زيد" (after الرئيس) gets the "PERS begins after me" class.
        assert!(with.token(2).contains(&after_president));
        assert!(!without.token(2).contains(&after_president));
        // الرئيس itself does not: its context classes are not among its own
        // classes (level 2 was, before the marker); it gets قال's "nothing
        // begins after me" class 0.
        assert!(!with.token(1).contains(&after_president));
        let own_level2 = key_bytes(t::EMB_CLASS, &[2, 6, 0]);
        assert!(without.token(1).contains(&own_level2));
        assert!(!with.token(1).contains(&own_level2));
        let zero_after = key_bytes(t::CTX_CLASS, &0u16.to_le_bytes());
        assert!(with.token(1).contains(&zero_after));
    }
}
