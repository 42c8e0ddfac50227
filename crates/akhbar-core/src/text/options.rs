//! Normalization options and the named presets.

use crate::error::{Error, Result};

/// Which normalization steps run. Every field is one independent step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NormalizeOptions {
    /// Fold Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) and ligatures
    /// (ﻻ → لا, ﷲ → الله) to base letters by compatibility decomposition.
    pub presentation_forms: bool,
    /// Remove harakat, tanween, sukun, superscript alef and Quranic marks.
    pub diacritics: bool,
    /// Keep shadda when `diacritics` removes the rest.
    pub keep_shadda: bool,
    /// Remove tatweel (U+0640).
    pub tatweel: bool,
    /// أ إ آ ٱ (and wavy-hamza alefs) → ا.
    pub alef: bool,
    /// ؤ → و, ئ → ي.
    pub hamza_carriers: bool,
    /// ى → ي.
    pub alef_maksura: bool,
    /// ة → ه.
    pub teh_marbuta: bool,
    /// Persian/Urdu letter forms → Arabic: ک → ك, ی ے → ي, ہ ھ ە ۀ → ه, ۃ → ة.
    pub persian_letters: bool,
    /// Arabic-Indic and Extended Arabic-Indic digits → 0–9; ٫ → '.', ٬ → ','.
    pub digits: bool,
    /// ، ؛ ؟ ٪ ۔ → , ; ? % . and guillemets/curly quotes → '"' and '\''.
    pub punctuation: bool,
    /// Remove bidi controls (LRM, RLM, ALM, embeddings, isolates).
    pub bidi: bool,
    /// Remove zero-width characters and the soft hyphen.
    pub invisible: bool,
    /// NBSP and other spaces → ' '; runs collapsed; CR/CRLF and other line
    /// breaks → '\n'; spaces at line ends and at the ends of the text dropped;
    /// more than one blank line → one blank line (paragraph breaks kept).
    pub whitespace: bool,
}

/// The named presets, documented in the Python `Normalizer` docstring.
pub const PRESETS: [&str; 4] = ["none", "light", "search", "ner"];

impl NormalizeOptions {
    /// Every step off.
    pub const NONE: Self = Self {
        presentation_forms: false,
        diacritics: false,
        keep_shadda: false,
        tatweel: false,
        alef: false,
        hamza_carriers: false,
        alef_maksura: false,
        teh_marbuta: false,
        persian_letters: false,
        digits: false,
        punctuation: false,
        bidi: false,
        invisible: false,
        whitespace: false,
    };

    /// `light`: Unicode clean-up only; letters, marks, digits and punctuation untouched.
    pub const LIGHT: Self = Self {
        presentation_forms: true,
        bidi: true,
        invisible: true,
        whitespace: true,
        ..Self::NONE
    };

    /// `search`: every step, for matching and counting words across spellings.
    pub const SEARCH: Self = Self {
        diacritics: true,
        tatweel: true,
        alef: true,
        hamza_carriers: true,
        alef_maksura: true,
        teh_marbuta: true,
        persian_letters: true,
        digits: true,
        punctuation: true,
        ..Self::LIGHT
    };

    /// `ner`: what the entity tagger reads: spelling variation folded, but
    /// teh marbuta, hamza carriers and punctuation kept as cues.
    pub const NER: Self = Self {
        diacritics: true,
        tatweel: true,
        alef: true,
        alef_maksura: true,
        persian_letters: true,
        digits: true,
        ..Self::LIGHT
    };

    /// The options of a named preset.
    pub fn preset(name: &str) -> Result<Self> {
        match name {
            "none" => Ok(Self::NONE),
            "light" => Ok(Self::LIGHT),
            "search" => Ok(Self::SEARCH),
            "ner" => Ok(Self::NER),
            other => Err(Error::UnknownPreset(other.to_string())),
        }
    }

    /// Option names, in a fixed order, with their values.
    pub fn fields(&self) -> [(&'static str, bool); 14] {
        [
            ("presentation_forms", self.presentation_forms),
            ("diacritics", self.diacritics),
            ("keep_shadda", self.keep_shadda),
            ("tatweel", self.tatweel),
            ("alef", self.alef),
            ("hamza_carriers", self.hamza_carriers),
            ("alef_maksura", self.alef_maksura),
            ("teh_marbuta", self.teh_marbuta),
            ("persian_letters", self.persian_letters),
            ("digits", self.digits),
            ("punctuation", self.punctuation),
            ("bidi", self.bidi),
            ("invisible", self.invisible),
            ("whitespace", self.whitespace),
        ]
    }

    /// Set one option by name.
    pub fn set(&mut self, name: &str, value: bool) -> Result<()> {
        let slot = match name {
            "presentation_forms" => &mut self.presentation_forms,
            "diacritics" => &mut self.diacritics,
            "keep_shadda" => &mut self.keep_shadda,
            "tatweel" => &mut self.tatweel,
            "alef" => &mut self.alef,
            "hamza_carriers" => &mut self.hamza_carriers,
            "alef_maksura" => &mut self.alef_maksura,
            "teh_marbuta" => &mut self.teh_marbuta,
            "persian_letters" => &mut self.persian_letters,
            "digits" => &mut self.digits,
            "punctuation" => &mut self.punctuation,
            "bidi" => &mut self.bidi,
            "invisible" => &mut self.invisible,
            "whitespace" => &mut self.whitespace,
            other => return Err(Error::UnknownOption(other.to_string())),
        };
        *slot = value;
        Ok(())
    }
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Self::SEARCH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_by_name() {
        assert_eq!(
            NormalizeOptions::preset("search").unwrap(),
            NormalizeOptions::SEARCH
        );
        assert!(NormalizeOptions::preset("loud").is_err());
        let light = NormalizeOptions::LIGHT;
        assert!(light.presentation_forms && !light.alef && !light.diacritics);
    }

    #[test]
    fn set_by_name_round_trips_through_fields() {
        let mut o = NormalizeOptions::NONE;
        for (name, _) in NormalizeOptions::SEARCH.fields() {
            o.set(name, true).unwrap();
        }
        assert!(o.fields().iter().all(|(_, v)| *v));
        assert!(o.set("nope", true).is_err());
    }
}
