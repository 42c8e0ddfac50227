//! Clitic-aware light segmentation of Arabic words.
//!
//! A word may carry a proclitic cluster (conjunction و/ف, then a preposition
//! ب/ك/ل or the future marker س, then the article ال; ل + ال is written لل)
//! and a pronoun suffix (ه، ها، هما، هم، هن، كم، كما، كن، نا). A split is made
//! only where the stem left is a word form seen in the lexicon and, unless the
//! article is part of the split, at least as frequent as the whole word, so
//! ولاية، بلاد، كتاب stay whole. The lexicon
//! (`data/lexicon.tsv`) holds word counts from the CC BY-SA training corpora,
//! built by `tools/build_lexicon.py`.

use std::sync::OnceLock;

use foldhash::{HashMap, HashSet};

use super::chars::{is_arabic_letter, is_diacritic, TATWEEL};

/// The role of a piece split off a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clitic {
    /// The proclitic cluster at the front (و، بال، لل، وس ...).
    Proclitic,
    /// The pronoun suffix at the end (ه، ها، هم ...).
    Enclitic,
}

impl Clitic {
    /// The role named `name` (as [`Clitic::as_str`] gives it).
    pub fn from_name(name: &str) -> Option<Self> {
        [Clitic::Proclitic, Clitic::Enclitic]
            .into_iter()
            .find(|c| c.as_str() == name)
    }

    /// The lower-case name used in Python.
    pub fn as_str(self) -> &'static str {
        match self {
            Clitic::Proclitic => "proclitic",
            Clitic::Enclitic => "enclitic",
        }
    }
}

/// Words never segmented: closed-class forms whose first or last letters
/// look like clitics (كان = ك + ان is wrong, الآن is not ال + آن).
const WHOLE_WORDS: &[&str] = &[
    "كان",
    "كانت",
    "كانوا",
    "كانا",
    "لكن",
    "لكنه",
    "لكي",
    "كما",
    "كيف",
    "كلما",
    "لدي",
    "لقد",
    "ليس",
    "ليست",
    "لان",
    "لما",
    "لهذا",
    "لذلك",
    "الان",
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللتان",
    "اللاتي",
    "اللواتي",
    "اللذين",
    "اللتين",
    "الي",
    "الا",
    "الله",
    "اللهم",
    "بها",
    "به",
    "بهم",
    "له",
    "لها",
    "لهم",
    "فيه",
    "فيها",
    "فيهم",
    "وهو",
    "وهي",
    "فهو",
    "فهي",
    "هنا",
    "هناك",
    "سوف",
];

/// Whether a folded word is one of [`WHOLE_WORDS`].
fn is_whole_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| WHOLE_WORDS.iter().copied().collect())
        .contains(word)
}

/// Pronoun suffixes, longest first.
const ENCLITICS: &[&str] = &["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه"];

/// Minimum letters in a stem.
const MIN_STEM: usize = 2;

fn lexicon() -> &'static HashMap<&'static str, u32> {
    static LEXICON: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        include_str!("../../data/lexicon.tsv")
            .lines()
            .filter_map(|line| {
                let (w, c) = line.split_once('\t')?;
                Some((w, c.parse().ok()?))
            })
            .collect()
    })
}

/// Count of a folded word form in the lexicon (0 when unseen).
pub fn word_count(folded: &str) -> u32 {
    lexicon().get(folded).copied().unwrap_or(0)
}

/// Fold one letter for lexicon lookup: alef variants → ا, ى → ي, Persian
/// forms → Arabic. Must agree with `tools/build_lexicon.py`.
pub fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | 'ی' | 'ے' | 'ې' => 'ي',
        'ک' | 'ڪ' => 'ك',
        'ہ' | 'ھ' | 'ە' | 'ۀ' | 'ۂ' => 'ه',
        'ۃ' => 'ة',
        _ => c,
    }
}

/// The folded letters of a word, without diacritics and tatweel.
pub fn fold(word: &str) -> String {
    word.chars()
        .filter(|&c| !is_diacritic(c) && c != TATWEEL)
        .map(fold_letter)
        .collect()
}

/// A word's analysis in letters: `pro` proclitic letters, `enc` suffix letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Letters in the proclitic cluster.
    pub pro: usize,
    /// Whether the cluster ends with the article (ال, or the ل of لل).
    pub article: bool,
    /// Letters in the pronoun suffix.
    pub enc: usize,
}

/// Analyse the letters of a word (diacritics and tatweel already removed).
///
/// Lookups use the folded letters; the raw ones tell the article ال (bare
/// alef) from a hamzated alef (ألمانيا is not ال + مانيا).
pub fn analyze(raw: &[char]) -> Analysis {
    let letters: Vec<char> = raw.iter().map(|&c| fold_letter(c)).collect();
    let letters = letters.as_slice();
    let word: String = letters.iter().collect();
    if letters.len() <= MIN_STEM || is_whole_word(&word) {
        return Analysis::default();
    }
    // The whole word's count, looked up only when a split needs it.
    let whole = std::cell::OnceCell::new();
    let mut best: Option<(usize, Analysis)> = None;
    let mut stem_buf = String::with_capacity(word.len());
    for (pro, article) in proclitic_candidates(letters) {
        // Stripping stops at a closed-class word (و + كان, not وك + ان).
        if pro > 0 && stops_at_whole_word(letters, &word, pro) {
            continue;
        }
        for enc in enclitic_candidates(letters, pro, article) {
            let stem = &letters[pro..letters.len() - enc];
            if stem.len() < MIN_STEM || (pro + enc == 0) {
                continue;
            }
            let count = stem_count(stem, enc > 0, &mut stem_buf);
            // After the article a known stem is enough (المياه → ال + مياه even
            // where the definite form is the commoner one); single-letter
            // proclitics and suffixes are ambiguous, so the stem must also be at
            // least as frequent as the whole word (كتاب is not ك + تاب).
            // An unseen stem of three letters or more after a bare-alef
            // article is still split: such words are overwhelmingly definite.
            let unseen_definite = article
                && enc == 0
                && count == 0
                && stem.len() >= 3
                && raw[pro.saturating_sub(2)] == 'ا';
            if unseen_definite
                || (count >= 2 && (article || count >= *whole.get_or_init(|| word_count(&word))))
            {
                let a = Analysis { pro, article, enc };
                if best.is_none_or(|(n, _)| pro + enc > n) {
                    best = Some((pro + enc, a));
                }
            }
        }
    }
    best.map(|(_, a)| a).unwrap_or_default()
}

/// True when a shorter proclitic already leaves a whole closed-class word,
/// so stripping `pro` letters would cut into it. `word` is `letters` as a string.
fn stops_at_whole_word(letters: &[char], word: &str, pro: usize) -> bool {
    word.char_indices()
        .take(pro)
        .enumerate()
        .any(|(k, (at, _))| {
            (k == 0 || matches!(letters[k - 1], 'و' | 'ف')) && is_whole_word(&word[at..])
        })
}

/// Count of a stem; a stem before a suffix may end in ت for ة (مدرستها).
/// `buf` is scratch space.
fn stem_count(stem: &[char], before_suffix: bool, buf: &mut String) -> u32 {
    buf.clear();
    buf.extend(stem);
    let mut n = word_count(buf);
    if before_suffix && stem.last() == Some(&'ت') {
        buf.pop();
        buf.push('ة');
        n = n.max(word_count(buf));
    }
    n
}

/// Proclitic clusters that fit the front of `w`: (letters, ends with article).
fn proclitic_candidates(w: &[char]) -> Vec<(usize, bool)> {
    let mut out = vec![(0, false)];
    let conj: &[usize] = if matches!(w.first(), Some('و' | 'ف')) {
        &[0, 1]
    } else {
        &[0]
    };
    for &c in conj {
        let rest = &w[c..];
        let preps: &[usize] = match rest.first() {
            Some('ب' | 'ك') => &[0, 1],
            Some('ل') => &[0, 1],
            // The future marker only before an imperfect verb prefix.
            Some('س') if matches!(rest.get(1), Some('ي' | 'ت' | 'ن' | 'ا')) => &[0, 1],
            _ => &[0],
        };
        for &p in preps {
            let after = &rest[p..];
            if c + p > 0 {
                out.push((c + p, false));
            }
            if p == 1 && rest[0] == 'س' {
                continue;
            }
            if p == 1 && rest[0] == 'ل' && after.first() == Some(&'ل') {
                // لل = ل + ال with the alef dropped.
                out.push((c + p + 1, true));
            } else if after.len() > 2 && after[0] == 'ا' && after[1] == 'ل' {
                out.push((c + p + 2, true));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Suffix lengths that fit the end of `w` (none after the article).
fn enclitic_candidates(w: &[char], pro: usize, article: bool) -> Vec<usize> {
    let mut out = vec![0];
    if article {
        return out;
    }
    for e in ENCLITICS {
        let n = e.chars().count();
        if w.len() >= pro + n && w[w.len() - n..].iter().copied().eq(e.chars()) {
            out.push(n);
        }
    }
    out
}

/// Split an Arabic word (original characters, marks included) into pieces:
/// `(start, end, role)` offsets within the word. A word that is not split
/// gives one piece. Diacritics and tatweel stay with the letter before them.
pub fn segment_word(word: &[char]) -> Vec<(usize, usize, Option<Clitic>)> {
    let mut letters = Vec::with_capacity(word.len());
    let mut positions = Vec::with_capacity(word.len());
    for (i, &c) in word.iter().enumerate() {
        if is_arabic_letter(c) {
            letters.push(c);
            positions.push(i);
        }
    }
    let a = analyze(&letters);
    if a.pro == 0 && a.enc == 0 {
        return vec![(0, word.len(), None)];
    }
    let mut pieces = Vec::with_capacity(3);
    let stem_start = if a.pro > 0 { positions[a.pro] } else { 0 };
    let stem_end = if a.enc > 0 {
        positions[letters.len() - a.enc]
    } else {
        word.len()
    };
    if a.pro > 0 {
        pieces.push((0, stem_start, Some(Clitic::Proclitic)));
    }
    pieces.push((stem_start, stem_end, None));
    if a.enc > 0 {
        pieces.push((stem_end, word.len(), Some(Clitic::Enclitic)));
    }
    pieces
}

/// The word without its non-article proclitics (و، ف، ب، ل، ك، س), keeping
/// ال: لوحدات → وحدات, والشعب → الشعب, للحكومة → الحكومة. Works on folded text.
pub fn strip_proclitics(word: &str) -> String {
    let letters: Vec<char> = word.chars().collect();
    let a = analyze(&letters);
    if a.pro == 0 {
        return word.to_string();
    }
    let rest: String = letters[a.pro..].iter().collect();
    if !a.article {
        return rest;
    }
    // Put the article back: the cluster ended with ال, or with the ل of لل.
    if a.pro >= 2 && letters[a.pro - 2] == 'ا' && letters[a.pro - 1] == 'ل' {
        format!("ال{rest}")
    } else {
        format!("ا{}{rest}", letters[a.pro - 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(w: &str) -> Vec<String> {
        let cs: Vec<char> = w.chars().collect();
        segment_word(&cs)
            .into_iter()
            .map(|(s, e, _)| cs[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn lexicon_is_folded() {
        for (w, _) in lexicon().iter().take(2000) {
            assert_eq!(&fold(w), w);
        }
        assert!(word_count("الحكومة") > 100);
    }

    #[test]
    fn splits_clitics_from_news_words() {
        assert_eq!(seg("والحكومة"), ["وال", "حكومة"]);
        assert_eq!(seg("وقال"), ["و", "قال"]);
        assert_eq!(seg("للحكومة"), ["لل", "حكومة"]);
        assert_eq!(seg("لوحدات"), ["ل", "وحدات"]);
        assert_eq!(seg("بالتنسيق"), ["بال", "تنسيق"]);
        assert_eq!(seg("عملياتها"), ["عمليات", "ها"]);
        assert_eq!(seg("وأعلنت"), ["و", "أعلنت"]);
        assert_eq!(seg("المياه"), ["ال", "مياه"]);
        assert_eq!(seg("الوطنية"), ["ال", "وطنية"]);
        assert_eq!(seg("الانفصالية"), ["ال", "انفصالية"]);
        assert_eq!(seg("ألمانيا"), ["ألمانيا"]);
    }

    #[test]
    fn keeps_words_that_only_look_cliticized() {
        for w in [
            "ولاية",
            "بلاد",
            "كتاب",
            "كان",
            "وكان",
            "الآن",
            "الله",
            "بين",
            "لكن",
            "فقط",
        ] {
            let pieces = seg(w);
            if w == "وكان" {
                assert_eq!(pieces, ["و", "كان"]);
            } else {
                assert_eq!(pieces, [w], "{w}");
            }
        }
    }

    #[test]
    fn marks_stay_with_their_letter() {
        assert_eq!(seg("وَالحُكومةِ"), ["وَال", "حُكومةِ"]);
    }

    #[test]
    fn strip_keeps_the_article() {
        assert_eq!(strip_proclitics("لوحدات"), "وحدات");
        assert_eq!(strip_proclitics("للحكومة"), "الحكومة");
        assert_eq!(strip_proclitics("والشعب"), "الشعب");
        assert_eq!(strip_proclitics("ولاية"), "ولاية");
    }
}
