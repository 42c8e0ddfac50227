//! Structure-aware input generators: Arabic news-like text built from the
//! pieces that trip parsers (every Unicode colon, dash, quote and bracket,
//! both digit sets, diacritics, bidi and zero-width marks, presentation forms,
//! emoji with ZWJ), HTML with deep and broken markup, CoNLL lines, and
//! mutations of real inputs (the [`Seeds`]).

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

use crate::seeds::Seeds;

/// Characters grouped by what they exercise.
pub mod pools {
    /// Arabic letters (hamza forms, taa marbuta, alef maksura included).
    pub const LETTERS: &str = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي";
    /// Harakat, tanwin, shadda, sukun, dagger alef, tatweel, Quranic marks.
    pub const DIACRITICS: &str = "\u{64b}\u{64c}\u{64d}\u{64e}\u{64f}\u{650}\u{651}\u{652}\u{670}\u{640}\u{6d6}\u{6e1}\u{610}";
    /// ASCII, Arabic-Indic and Persian digits.
    pub const DIGITS: [&str; 3] = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"];
    /// Every colon-like mark.
    pub const COLONS: &str = ":：︓﹕꞉˸׃؛∶ː᠄";
    /// Every dash-like mark.
    pub const DASHES: &str = "-‐‑‒–—―−﹘﹣－⸺⸻";
    /// Quotes of all kinds.
    pub const QUOTES: &str = "\"'«»“”‘’„‟‹›＂＇";
    /// Brackets, ornate parentheses included.
    pub const BRACKETS: &str = "()[]{}（）【】﴾﴿⟨⟩<>《》";
    /// Bidi controls, zero-width characters, soft hyphen, BOM, Arabic letter mark.
    pub const INVISIBLE: &str = "\u{200b}\u{200c}\u{200d}\u{200e}\u{200f}\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{feff}\u{61c}\u{ad}\u{34f}\u{2060}";
    /// Spaces and line breaks of all kinds.
    pub const SPACES: &str =
        " \n\t\r\u{a0}\u{2028}\u{2029}\u{3000}\u{202f}\u{2009}\u{85}\u{b}\u{c}";
    /// Sentence and number punctuation.
    pub const PUNCT: &str = ".،,؟?!…/%٪٫٬;|*•●#@&_=+~^$€£";
    /// Odd code points: replacement, noncharacters, the last one, CJK, Latin with combining marks.
    pub const ODD: &str =
        "\u{fffd}\u{fdd0}\u{ffff}\u{10ffff}\u{0}\u{1}\u{7f}中文éa\u{301}ßİ\u{130}ﬀ";
    /// Emoji with ZWJ sequences, flags, skin tones and variation selectors.
    pub const EMOJI: [&str; 7] = [
        "👨\u{200d}👩\u{200d}👧",
        "🏳\u{fe0f}\u{200d}🌈",
        "👍🏽",
        "🇸🇦",
        "❤\u{fe0f}",
        "🧑\u{200d}💻",
        "😀",
    ];
}

/// Words and phrases that the article, date, number and entity code look for.
const VOCAB: &[&str] = &[
    "قال",
    "الرئيس",
    "الوزير",
    "في",
    "من",
    "إلى",
    "على",
    "أن",
    "إن",
    "مع",
    "عن",
    "وزارة",
    "الصحة",
    "الحكومة",
    "محمد",
    "عبدالله",
    "عبد الله",
    "الحارثي",
    "أحمد",
    "فاطمة",
    "بن",
    "دمشق",
    "الرياض",
    "جدة",
    "القاهرة",
    "بيروت",
    "تونس",
    "الأمم المتحدة",
    "واس",
    "سانا",
    "أ ف ب",
    "(أ ف ب)",
    "رويترز",
    "(رويترز)",
    "كتب",
    "تصوير",
    "متابعة",
    "المصدر",
    "الكاتب",
    "مشاركة",
    "اقرأ أيضاً",
    "اقرأ أيضا",
    "// انتهى //",
    "سمات",
    "رابط الخبر بصحيفة الوئام",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون الثاني",
    "كانون 2",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "جانفي",
    "أوت",
    "محرم",
    "صفر",
    "ربيع الأول",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو الحجة",
    "هـ",
    "م",
    "الموافق",
    "عام",
    "سنة",
    "القرن",
    "الثمانينيات",
    "أمس",
    "اليوم",
    "غدا",
    "الأسبوع الماضي",
    "الشهر المقبل",
    "الساعة",
    "صباحا",
    "مساء",
    "الثلاثاء",
    "الجمعة",
    "مليون",
    "مليار",
    "ألف",
    "آلاف",
    "دولار",
    "ريال",
    "جنيه",
    "يورو",
    "في المئة",
    "بالمئة",
    "كيلومتر",
    "طن",
    "عشرات",
    "مئات",
    "بضعة",
    "ثلاثة",
    "عشرين",
    "الأول",
    "نصف",
    "وبالتنسيق",
    "فسيكتبونها",
    "بالمدرسة",
    "وللحكومة",
    "كالأسد",
    "ﻻ",
    "ﷲ",
    "ﷺ",
    "ﻟﻠﻪ",
    "Next Previous",
    "https://example.com/a?b=1",
    "info@example.com",
    "#عاجل",
    "@akhbar",
    "NEWS",
    "COVID-19",
    "1/2",
    "3.5",
    "1,000",
    "١٬٠٠٠",
    "٣٫٥",
    "12:30",
];

/// A seeded generator; input `i` of a target's run is reproducible from
/// (seed, i) alone.
pub struct Gen<'a> {
    pub rng: SmallRng,
    pub seeds: &'a Seeds,
    /// Maximum markup nesting depth for generated HTML.
    pub max_depth: usize,
}

impl<'a> Gen<'a> {
    /// The generator of input `index` of a run with `seed`.
    pub fn new(seed: u64, index: u64, seeds: &'a Seeds, max_depth: usize) -> Self {
        let mixed = seed
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(index.wrapping_mul(0xbf58_476d_1ce4_e5b9));
        Gen {
            rng: SmallRng::seed_from_u64(mixed),
            seeds,
            max_depth,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.rng.gen_range(0..n)
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p)
    }

    fn pick_char(&mut self, pool: &str) -> char {
        let cs: Vec<char> = pool.chars().collect();
        cs[self.below(cs.len())]
    }

    fn pick<'s>(&mut self, xs: &[&'s str]) -> &'s str {
        xs[self.below(xs.len())]
    }

    /// A length: mostly short, sometimes long, rarely very long.
    fn len(&mut self, short: usize, long: usize) -> usize {
        if self.chance(0.02) {
            self.below(long) + 1
        } else {
            self.below(short) + 1
        }
    }

    /// A number in one digit set, with separators, sometimes hundreds of digits.
    fn number(&mut self, out: &mut String) {
        let digits: Vec<char> = pools::DIGITS[self.below(3)].chars().collect();
        let n = if self.chance(0.01) {
            300 + self.below(200)
        } else {
            1 + self.below(8)
        };
        for k in 0..n {
            out.push(digits[self.below(10)]);
            if k + 1 < n && self.chance(0.1) {
                out.push(self.pick_char(".,٫٬ /:-"));
            }
        }
    }

    /// One piece of text.
    fn piece(&mut self, out: &mut String) {
        match self.below(16) {
            0..=4 => out.push_str(self.pick(VOCAB)),
            5 => {
                for _ in 0..self.len(8, 64) {
                    out.push(self.pick_char(pools::LETTERS));
                    if self.chance(0.3) {
                        out.push(self.pick_char(pools::DIACRITICS));
                    }
                }
            }
            6 | 7 => self.number(out),
            8 => out.push(self.pick_char(pools::COLONS)),
            9 => out.push(self.pick_char(pools::DASHES)),
            10 => out.push(self.pick_char(pools::QUOTES)),
            11 => out.push(self.pick_char(pools::BRACKETS)),
            12 => out.push(self.pick_char(pools::INVISIBLE)),
            13 => out.push(self.pick_char(pools::PUNCT)),
            14 => {
                // Presentation forms A and B, and odd code points.
                let c = match self.below(3) {
                    0 => char::from_u32(0xfb50 + self.below(0x2b0) as u32),
                    1 => char::from_u32(0xfe70 + self.below(0x8f) as u32),
                    _ => Some(self.pick_char(pools::ODD)),
                };
                out.extend(c);
            }
            _ => out.push_str(pools::EMOJI[self.below(pools::EMOJI.len())]),
        }
    }

    /// News-like text: lines of pieces with varied separators.
    pub fn text(&mut self) -> String {
        let mut out = String::new();
        let lines = self.len(6, 200);
        for _ in 0..lines {
            for _ in 0..self.len(12, 400) {
                self.piece(&mut out);
                let sep = if self.chance(0.8) {
                    ' '
                } else {
                    self.pick_char(pools::SPACES)
                };
                if self.chance(0.9) {
                    out.push(sep);
                }
            }
            out.push_str(self.pick(&["\n", "\n\n", "\r\n", " ", "\u{2029}", ".\n"]));
        }
        out
    }

    /// Text: a generated one or a mutated real article (half each when seeds exist).
    pub fn article_text(&mut self) -> String {
        if !self.seeds.texts.is_empty() && self.chance(0.5) {
            let k = self.below(self.seeds.texts.len());
            let base = self.window(&self.seeds.texts[k]);
            self.mutate_text(&base)
        } else {
            self.text()
        }
    }

    /// Mostly a stretch of `base` (a few hundred characters from anywhere in
    /// it), rarely all of it: keeps inputs small so a run covers many.
    fn window(&mut self, base: &str) -> String {
        if self.chance(0.02) {
            return base.to_string();
        }
        let n = base.chars().count();
        let start = self.below(n);
        let len = self.len(600, 6000);
        base.chars().skip(start).take(len).collect()
    }

    /// Apply a few random edits to `base` (on characters, so the result is valid UTF-8).
    pub fn mutate_text(&mut self, base: &str) -> String {
        let mut cs: Vec<char> = base.chars().collect();
        for _ in 0..1 + self.below(8) {
            let n = cs.len();
            let at = self.below(n + 1);
            match self.below(7) {
                0 | 1 => {
                    let mut s = String::new();
                    self.piece(&mut s);
                    cs.splice(at..at, s.chars());
                }
                2 => {
                    let end = (at + self.len(16, 4096)).min(n);
                    cs.drain(at..end);
                }
                3 => {
                    let end = (at + self.len(32, 2048)).min(n);
                    let copy: Vec<char> = cs[at..end].to_vec();
                    let to = self.below(n + 1);
                    cs.splice(to..to, copy);
                }
                4 if at < n => {
                    let pool = [
                        pools::COLONS,
                        pools::DASHES,
                        pools::QUOTES,
                        pools::INVISIBLE,
                    ];
                    let k = self.below(pool.len());
                    cs[at] = self.pick_char(pool[k]);
                }
                5 if !self.seeds.texts.is_empty() => {
                    let other = &self.seeds.texts[self.below(self.seeds.texts.len())];
                    let take: Vec<char> = other.chars().take(self.len(200, 4000)).collect();
                    cs.splice(at..at, take);
                }
                _ => cs.truncate(at),
            }
        }
        cs.into_iter().collect()
    }

    /// An HTML page: nested, often broken markup around generated text,
    /// or a mutated real page.
    pub fn html(&mut self) -> String {
        if !self.seeds.pages.is_empty() && self.chance(0.3) {
            let k = self.below(self.seeds.pages.len());
            let base = self.window(&self.seeds.pages[k]);
            return self.mutate_text(&base);
        }
        let mut out = String::new();
        if self.chance(0.8) {
            out.push_str(self.pick(&["<!DOCTYPE html>", "<!doctype html>", "\u{feff}", ""]));
            out.push_str("<html lang=\"ar\" dir=\"rtl\"><head>");
            if self.chance(0.5) {
                out.push_str("<title>");
                out.push_str(&self.short_text());
                out.push_str("</title>");
            }
            if self.chance(0.4) {
                out.push_str("<meta property=\"article:published_time\" content=\"");
                self.number(&mut out);
                out.push_str("-0");
                self.number(&mut out);
                out.push_str("\">");
            }
            if self.chance(0.3) {
                out.push_str("<script type=\"application/ld+json\">");
                out.push_str(&self.json_ld());
                out.push_str("</script>");
            }
            out.push_str("</head><body>");
        }
        // Mostly shallow pages, sometimes as deep as allowed.
        let depth = if self.chance(0.05) {
            self.below(self.max_depth.max(1)) + 1
        } else {
            self.below(12) + 1
        };
        self.tree(&mut out, depth);
        if self.chance(0.7) {
            out.push_str("</body></html>");
        }
        out
    }

    fn short_text(&mut self) -> String {
        let mut s = String::new();
        for _ in 0..self.len(8, 40) {
            self.piece(&mut s);
            s.push(' ');
        }
        s
    }

    fn json_ld(&mut self) -> String {
        let mut s = String::from("{\"@type\":\"NewsArticle\",\"headline\":\"");
        s.push_str(&self.short_text().replace(['"', '\\'], ""));
        s.push_str("\",\"datePublished\":\"2024-0");
        self.number(&mut s);
        s.push_str("\",\"author\":{\"name\":\"");
        s.push_str(self.pick(VOCAB));
        s.push_str("\"}");
        if self.chance(0.7) {
            s.push('}');
        }
        s
    }

    /// Nested elements `depth` deep with text, attributes and broken bits.
    fn tree(&mut self, out: &mut String, depth: usize) {
        const TAGS: &[&str] = &[
            "p",
            "div",
            "b",
            "span",
            "h1",
            "h2",
            "article",
            "section",
            "a",
            "time",
            "li",
            "ul",
            "table",
            "td",
            "tr",
            "blockquote",
            "em",
            "strong",
            "font",
            "header",
            "footer",
            "nav",
        ];
        const ATTRS: &[&str] = &[
            "",
            " class=\"byline\"",
            " class=\"author\"",
            " itemprop=\"datePublished\"",
            " class=\"article-body\"",
            " id=\"content\"",
            " datetime=\"2024-03-12T10:00\"",
            " class=\"date\"",
            " href=\"/x\"",
            " style=\"display:none\"",
            " class='x",
            " a=<",
        ];
        let mut open = Vec::with_capacity(depth);
        for _ in 0..depth {
            let tag = self.pick(TAGS);
            out.push('<');
            out.push_str(tag);
            out.push_str(self.pick(ATTRS));
            out.push('>');
            open.push(tag);
            if self.chance(0.15) {
                out.push_str(&self.short_text());
            }
        }
        out.push_str(&self.short_text());
        if self.chance(0.1) {
            out.push_str(self.pick(&[
                "<!-- ",
                "<![CDATA[",
                "&#x",
                "&#99999999;",
                "&amp",
                "<",
                "</",
                "<p",
                "<script>",
                "<style>",
                "&nbsp;",
                "<br/>",
                "</div></div></div>",
            ]));
        }
        while let Some(tag) = open.pop() {
            if self.chance(0.9) {
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
            if self.chance(0.1) {
                self.paragraphs(out);
            }
        }
    }

    fn paragraphs(&mut self, out: &mut String) {
        for _ in 0..self.len(3, 50) {
            out.push_str("<p>");
            out.push_str(&self.short_text());
            out.push_str("</p>");
        }
    }

    /// A CoNLL file: generated `token TAG` lines or a mutated real file, as bytes.
    pub fn conll(&mut self) -> Vec<u8> {
        if !self.seeds.conll.is_empty() && self.chance(0.5) {
            let base = self.seeds.conll.clone();
            return self.mutate_bytes(&base);
        }
        const TAGS: &[&str] = &[
            "O",
            "B-PERS",
            "I-PERS",
            "B-LOC",
            "I-LOC",
            "B-ORG",
            "I-ORG",
            "B-MISC",
            "I-MISC",
            "B-",
            "I-",
            "X",
            "B-UNKNOWN",
            "S-PER",
            "E-LOC",
            "-",
            "b-pers",
            "",
        ];
        let mut out = String::new();
        if self.chance(0.1) {
            out.push('\u{feff}');
        }
        for _ in 0..self.len(40, 2000) {
            if self.chance(0.1) {
                out.push_str(self.pick(&["\n", "\r\n", " \n", "\t\n"]));
                continue;
            }
            let mut tok = String::new();
            self.piece(&mut tok);
            out.push_str(&tok);
            out.push_str(self.pick(&[" ", "\t", "  ", "\t\t", ""]));
            out.push_str(self.pick(TAGS));
            out.push_str(self.pick(&["\n", "\n", "\r\n", " x\n"]));
        }
        let mut bytes = out.into_bytes();
        if self.chance(0.05) {
            let at = self.below(bytes.len() + 1);
            bytes.insert(at, 0xff);
        }
        bytes
    }

    /// A model file: the small seed model or the shipped one, mutated.
    pub fn model(&mut self) -> Vec<u8> {
        let base = if !self.seeds.big_model.is_empty() && self.chance(0.002) {
            &self.seeds.big_model
        } else if self.chance(0.5) {
            &self.seeds.small_model
        } else {
            &self.seeds.small_model_plain
        };
        let base = base.clone();
        self.mutate_bytes(&base)
    }

    /// Byte-level edits: bit flips, boundary values, 32-bit overwrites, cuts, splices.
    pub fn mutate_bytes(&mut self, base: &[u8]) -> Vec<u8> {
        let mut b = base.to_vec();
        for _ in 0..1 + self.below(6) {
            let n = b.len();
            let at = self.below(n + 1);
            match self.below(7) {
                0 if at < n => b[at] ^= 1 << self.below(8),
                1 if at < n => b[at] = [0u8, 0xff, 0x7f, 0x80, 1, b'\n', b' '][self.below(7)],
                2 if at + 4 <= n => {
                    let v: u32 = [u32::MAX, 0x8000_0000, 0, 1, 0x7fff_ffff, 1 << 20][self.below(6)];
                    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
                }
                3 => b.truncate(at),
                4 => {
                    let end = (at + self.len(16, 1 << 16)).min(n);
                    b.drain(at..end);
                }
                5 => {
                    let end = (at + self.len(16, 4096)).min(n);
                    let copy = b[at..end].to_vec();
                    let to = self.below(n + 1);
                    b.splice(to..to, copy);
                }
                _ => {
                    let mut s = String::new();
                    self.piece(&mut s);
                    b.splice(at..at, s.into_bytes());
                }
            }
        }
        b
    }

    /// Several documents for a batch (pipeline) run.
    pub fn batch(&mut self) -> Vec<String> {
        (0..1 + self.below(4))
            .map(|_| match self.below(4) {
                0 => self.html(),
                1 => String::new(),
                _ => self.article_text(),
            })
            .collect()
    }
}
