//! The Arabic normalizer: one pass over the characters, every step optional,
//! with an optional offset map back to the original.

use unicode_normalization::UnicodeNormalization;

use super::chars::{
    is_bidi_control, is_diacritic, is_horizontal_space, is_invisible, is_line_break,
    is_presentation_form, SHADDA, TATWEEL,
};
use super::offsets::OffsetMap;
use super::options::NormalizeOptions;

/// What the normalizer does with one character of the U+0600–06FF block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Keep,
    /// Deleted, its range attached to the preceding letter (diacritics, tatweel).
    Attach,
    /// Deleted, leaving a gap in the map (bidi and zero-width controls).
    Drop,
    Replace(char),
}

/// A configured normalizer. Cheap to copy; holds a 256-entry table for the
/// Arabic block built from the options.
#[derive(Debug, Clone)]
pub struct Normalizer {
    options: NormalizeOptions,
    arabic: [Action; 256],
}

impl Normalizer {
    /// Build a normalizer for the given options.
    pub fn new(options: NormalizeOptions) -> Self {
        let mut arabic = [Action::Keep; 256];
        for (i, slot) in arabic.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).unwrap_or('\0');
            *slot = arabic_action(&options, c);
        }
        Self { options, arabic }
    }

    /// The options this normalizer applies.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    /// Normalize `text`.
    pub fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.run(text, &mut out, &mut NoMap);
        out
    }

    /// Normalize `text` and return the offset map back to it.
    pub fn normalize_with_map(&self, text: &str) -> (String, OffsetMap) {
        let mut out = String::with_capacity(text.len());
        let mut rec = MapRecorder::with_capacity(text.len() / 2);
        let n = self.run(text, &mut out, &mut rec);
        (out, OffsetMap::from_parts(rec.starts, rec.ends, n))
    }

    fn run<R: Recorder>(&self, text: &str, out: &mut String, rec: &mut R) -> u32 {
        let mut w = Writer {
            out,
            rec,
            collapse: self.options.whitespace,
            space: None,
            breaks: [(0, 0); 2],
            n_breaks: 0,
            cr_end: None,
        };
        let bytes = text.as_bytes();
        let mut i: u32 = 0;
        let mut pos = 0;
        while pos < bytes.len() {
            if !R::MAPS && self.visible_at(bytes, pos) {
                // Fast path (no map): whole segments of ASCII and Arabic-block
                // characters, copied in slices between the characters that change.
                w.begin_visible();
                let (end, chars) = self.segment(text, pos, w.out);
                pos = end;
                i += chars;
                continue;
            }
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            pos += c.len_utf8();
            let (s, e) = (i, i + 1);
            i = e;
            if c.is_ascii() && !c.is_ascii_whitespace() && c != '\u{0B}' {
                w.emit_visible(c, s, e);
            } else if self.options.presentation_forms && is_presentation_form(c) {
                // NFKC of the single character: the compatibility
                // decomposition, recomposed (ﻷ → ل + أ, not ل + ا + hamza).
                for d in std::iter::once(c).nfkc() {
                    self.step(d, s, e, &mut w);
                }
            } else {
                self.step(c, s, e, &mut w);
            }
        }
        i
    }

    /// The action for the two-byte character at `pos` when it is in the
    /// Arabic block (U+0600–06FF: lead bytes D8–DB).
    #[inline(always)]
    fn arabic_at(&self, bytes: &[u8], pos: usize) -> Option<Action> {
        let b = *bytes.get(pos)?;
        if !(0xD8..=0xDB).contains(&b) {
            return None;
        }
        let n = *bytes.get(pos + 1)?;
        (n & 0xC0 == 0x80)
            .then(|| self.arabic[((b as usize & 0x1F) << 6 | (n as usize & 0x3F)) - 0x600])
    }

    /// Whether the character at `pos` is output as a visible character by the
    /// fast path: graphic ASCII, or an Arabic-block character kept or replaced.
    #[inline(always)]
    fn visible_at(&self, bytes: &[u8], pos: usize) -> bool {
        match bytes.get(pos) {
            Some(&b) if b < 0x80 => b > b' ',
            Some(_) => matches!(
                self.arabic_at(bytes, pos),
                Some(Action::Keep | Action::Replace(_))
            ),
            None => false,
        }
    }

    /// Normalize from `pos` (a visible character) while the characters are
    /// ASCII or in the Arabic block, writing to `out`; returns the byte where
    /// it stopped and the characters it read. Same output as the general path.
    fn segment(&self, text: &str, mut pos: usize, out: &mut String) -> (usize, u32) {
        let bytes = text.as_bytes();
        let collapse = self.options.whitespace;
        let mut copied = pos;
        let mut chars = 0;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b < 0x80 {
                if b <= b' ' && collapse {
                    let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
                    // A lone ' ' before a visible character is output as it is.
                    if space && !(b == b' ' && self.visible_at(bytes, pos + 1)) {
                        break;
                    }
                }
                pos += 1;
            } else {
                match self.arabic_at(bytes, pos) {
                    Some(Action::Keep) => {}
                    Some(Action::Replace(r)) => {
                        out.push_str(&text[copied..pos]);
                        out.push(r);
                        copied = pos + 2;
                    }
                    Some(Action::Attach | Action::Drop) => {
                        out.push_str(&text[copied..pos]);
                        copied = pos + 2;
                    }
                    None => break,
                }
                pos += 2;
            }
            chars += 1;
        }
        out.push_str(&text[copied..pos]);
        (pos, chars)
    }

    #[inline]
    fn step<R: Recorder>(&self, c: char, s: u32, e: u32, w: &mut Writer<'_, R>) {
        if let cp @ 0x0600..=0x06FF = c as u32 {
            // The Arabic block holds no white space: skip the collapsing checks.
            match self.arabic[(cp - 0x0600) as usize] {
                Action::Keep => w.emit_visible(c, s, e),
                Action::Replace(r) => w.emit_visible(r, s, e),
                Action::Attach => w.rec.attach(s, e),
                Action::Drop => {}
            }
            return;
        }
        match other_action(&self.options, c) {
            Action::Keep => w.emit(c, s, e),
            Action::Replace(r) => w.emit(r, s, e),
            Action::Attach => w.rec.attach(s, e),
            Action::Drop => {}
        }
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Self::new(NormalizeOptions::default())
    }
}

/// The action for a character of the Arabic block under `o`.
fn arabic_action(o: &NormalizeOptions, c: char) -> Action {
    use Action::*;
    if o.diacritics && is_diacritic(c) && !(o.keep_shadda && c == SHADDA) {
        return Attach;
    }
    if o.tatweel && c == TATWEEL {
        return Attach;
    }
    if o.bidi && is_bidi_control(c) {
        return Drop;
    }
    let replaced = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' if o.alef => 'ا',
        'ؤ' if o.hamza_carriers => 'و',
        'ئ' if o.hamza_carriers => 'ي',
        'ى' if o.alef_maksura => 'ي',
        'ة' if o.teh_marbuta => 'ه',
        'ک' | 'ڪ' if o.persian_letters => 'ك',
        'ی' | 'ے' | 'ې' if o.persian_letters => 'ي',
        'ہ' | 'ھ' | 'ە' | 'ۀ' | 'ۂ' if o.persian_letters => 'ه',
        'ۃ' if o.persian_letters => {
            if o.teh_marbuta {
                'ه'
            } else {
                'ة'
            }
        }
        '٠'..='٩' if o.digits => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '۰'..='۹' if o.digits => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '٫' if o.digits => '.',
        '٬' if o.digits => ',',
        '،' if o.punctuation => ',',
        '؛' if o.punctuation => ';',
        '؟' if o.punctuation => '?',
        '٪' if o.punctuation => '%',
        '۔' if o.punctuation => '.',
        _ => return Keep,
    };
    Replace(replaced)
}

/// The action for a character outside the Arabic block under `o`.
fn other_action(o: &NormalizeOptions, c: char) -> Action {
    use Action::*;
    if (o.bidi && is_bidi_control(c)) || (o.invisible && is_invisible(c)) {
        return Drop;
    }
    if o.punctuation {
        match c {
            '«' | '»' | '“' | '”' | '„' | '‟' | '″' => return Replace('"'),
            '‘' | '’' | '‚' | '‛' | '′' => return Replace('\''),
            _ => {}
        }
    }
    Keep
}

/// Records, for each output character, the original range it came from.
trait Recorder {
    /// Whether this recorder keeps a map (the run fast path is for `NoMap` only).
    const MAPS: bool;
    fn push(&mut self, s: u32, e: u32);
    /// A deleted character at `[s, e)`: extend the previous output character
    /// over it when they are contiguous in the original.
    fn attach(&mut self, s: u32, e: u32);
}

/// The fast path: no map.
struct NoMap;

impl Recorder for NoMap {
    const MAPS: bool = false;
    #[inline(always)]
    fn push(&mut self, _: u32, _: u32) {}
    #[inline(always)]
    fn attach(&mut self, _: u32, _: u32) {}
}

struct MapRecorder {
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl MapRecorder {
    fn with_capacity(n: usize) -> Self {
        Self {
            starts: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
        }
    }
}

impl Recorder for MapRecorder {
    const MAPS: bool = true;
    #[inline]
    fn push(&mut self, s: u32, e: u32) {
        self.starts.push(s);
        self.ends.push(e);
    }

    #[inline]
    fn attach(&mut self, s: u32, e: u32) {
        if let Some(last) = self.ends.last_mut() {
            if *last >= s {
                *last = e;
            }
        }
    }
}

/// Writes output characters, collapsing white space when asked.
struct Writer<'a, R: Recorder> {
    out: &'a mut String,
    rec: &'a mut R,
    collapse: bool,
    /// A pending run of horizontal space.
    space: Option<(u32, u32)>,
    /// Pending line breaks (at most two are written).
    breaks: [(u32, u32); 2],
    n_breaks: usize,
    /// End of the last CR, so that CR LF becomes one break.
    cr_end: Option<u32>,
}

impl<R: Recorder> Writer<'_, R> {
    /// Prepare for a visible character written straight to `out`: write the
    /// pending white space (no map is kept on this path).
    #[inline]
    fn begin_visible(&mut self) {
        if self.collapse {
            self.cr_end = None;
            if self.n_breaks > 0 || self.space.is_some() {
                self.flush_space();
            }
        }
    }

    /// Emit a character known to be neither white space nor a line break.
    #[inline(always)]
    fn emit_visible(&mut self, c: char, s: u32, e: u32) {
        if self.collapse {
            self.cr_end = None;
            if self.n_breaks > 0 || self.space.is_some() {
                self.flush_space();
            }
        }
        self.out.push(c);
        self.rec.push(s, e);
    }

    #[inline]
    fn emit(&mut self, c: char, s: u32, e: u32) {
        if self.collapse {
            if is_horizontal_space(c) {
                self.cr_end = None;
                if self.n_breaks == 0 {
                    self.space = Some(match self.space {
                        Some((s0, _)) => (s0, e),
                        None => (s, e),
                    });
                }
                return;
            }
            if is_line_break(c) {
                self.space = None;
                if c == '\n' && self.cr_end == Some(s) && self.n_breaks > 0 {
                    self.breaks[self.n_breaks - 1].1 = e;
                } else if self.n_breaks < 2 {
                    self.breaks[self.n_breaks] = (s, e);
                    self.n_breaks += 1;
                }
                self.cr_end = if c == '\r' { Some(e) } else { None };
                return;
            }
            self.cr_end = None;
            self.flush_space();
        }
        self.out.push(c);
        self.rec.push(s, e);
    }

    #[inline]
    fn flush_space(&mut self) {
        if self.n_breaks > 0 {
            if !self.out.is_empty() {
                for &(s, e) in &self.breaks[..self.n_breaks] {
                    self.out.push('\n');
                    self.rec.push(s, e);
                }
            }
            self.n_breaks = 0;
            self.space = None;
        } else if let Some((s, e)) = self.space.take() {
            if !self.out.is_empty() {
                self.out.push(' ');
                self.rec.push(s, e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(t: &str) -> String {
        Normalizer::new(NormalizeOptions::SEARCH).normalize(t)
    }

    #[test]
    fn folds_letters_marks_and_digits() {
        assert_eq!(search("أَحْمَدُ"), "احمد");
        assert_eq!(search("مدرسة الـعـربـيـة"), "مدرسه العربيه");
        assert_eq!(search("إلى مستشفى"), "الي مستشفي");
        assert_eq!(search("سُؤال مسائل"), "سوال مسايل");
        assert_eq!(search("٣ ديسمبر ٢٠١٧"), "3 ديسمبر 2017");
        assert_eq!(search("۱۲٫۵"), "12.5");
        assert_eq!(search("«قسد»، لماذا؟"), "\"قسد\", لماذا?");
        assert_eq!(search("کتاب فارسی"), "كتاب فارسي");
    }

    #[test]
    fn presentation_forms_and_ligatures() {
        assert_eq!(search("ﻻ"), "لا");
        assert_eq!(search("ﷲ"), "الله");
        assert_eq!(search("ﺑﺴﻢ"), "بسم");
        let light = Normalizer::new(NormalizeOptions::LIGHT);
        assert_eq!(light.normalize("ﻷ"), "لأ");
    }

    #[test]
    fn whitespace_and_invisibles() {
        assert_eq!(
            search("  a\u{00A0}\u{00A0}b \u{200F}c\u{200B}d  "),
            "a b cd"
        );
        assert_eq!(search("a \r\n\r\n\r\n  b\rc"), "a\n\nb\nc");
        assert_eq!(search("\n\n a"), "a");
    }

    #[test]
    fn latin_text_is_untouched() {
        let t = "Café naïve résumé ﬁ ½ (x) – ok";
        assert_eq!(search(t), t);
    }

    #[test]
    fn keep_shadda() {
        let mut o = NormalizeOptions::SEARCH;
        o.keep_shadda = true;
        assert_eq!(Normalizer::new(o).normalize("مُحَمَّد"), "محمّد");
    }

    #[test]
    fn map_points_at_the_original() {
        let n = Normalizer::new(NormalizeOptions::SEARCH);
        let text = "قال: ﻻ  كِتابٌ ﷲ";
        let (norm, map) = n.normalize_with_map(text);
        assert_eq!(norm, "قال: لا كتاب الله");
        let orig: Vec<char> = text.chars().collect();
        let sub = |(s, e): (usize, usize)| orig[s..e].iter().collect::<String>();
        let nchars: Vec<char> = norm.chars().collect();
        let find = |w: &str| {
            let wc: Vec<char> = w.chars().collect();
            (0..nchars.len())
                .find(|&i| nchars[i..].starts_with(&wc))
                .map(|i| (i, i + wc.len()))
                .unwrap()
        };
        let (s, e) = find("كتاب");
        assert_eq!(sub(map.to_original_span(s, e)), "كِتابٌ");
        let (s, e) = find("لا");
        assert_eq!(sub(map.to_original_span(s, e)), "ﻻ");
        let (s, e) = find("لا");
        assert_eq!(sub(map.to_original_span(s + 1, e)), "ﻻ");
        let (s, e) = find("الله");
        assert_eq!(sub(map.to_original_span(s, e)), "ﷲ");
        assert_eq!(map.normalized_len(), nchars.len());
    }

    #[test]
    fn idempotent_on_examples() {
        for t in ["ﷺ  ﹼ", "a\u{FE7C}", "\r\n\u{0651}", "ﯼ", "\u{FDFA}"] {
            let once = search(t);
            assert_eq!(search(&once), once, "{t:?}");
        }
    }
}
