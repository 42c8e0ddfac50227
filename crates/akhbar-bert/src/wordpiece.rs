//! The checkpoint's WordPiece tokenizer, through the Hugging Face
//! `tokenizers` crate (the same code `transformers`' fast tokenizers run).
//!
//! `tokenizer.json` is used when the folder has one; otherwise the tokenizer
//! is built from `vocab.txt` the way `transformers` converts a BERT
//! vocabulary: BERT's normalizer (control characters removed, CJK characters
//! split; lowercasing per `do_lower_case`, default true; accents stripped per
//! `strip_accents`, by default only when lowercasing), BERT's whitespace and
//! punctuation pre-tokenizer, and WordPiece with `##` continuations. The
//! Arabic detail: stripping accents decomposes (NFD) and drops every
//! combining mark, so a lowercasing checkpoint sees أ as ا and loses
//! harakat, exactly as `transformers` feeds it; a cased one sees text as is.
//! `tokenizer_config.json`'s `do_lower_case`, `strip_accents` and
//! `tokenize_chinese_chars` override the normalizer of `tokenizer.json`, as
//! `transformers` does.

use std::path::Path;

use akhbar_core::Result;
use serde_json::Value;
use tokenizers::models::wordpiece::WordPiece;
use tokenizers::normalizers::bert::BertNormalizer;
use tokenizers::pre_tokenizers::bert::BertPreTokenizer;
use tokenizers::{AddedToken, NormalizerWrapper, Tokenizer};

use crate::config::model_error;

/// Subword ids of a sentence and where each word starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EncodedWords {
    /// Subword ids (no special tokens).
    pub ids: Vec<u32>,
    /// Per word, the index in `ids` of its first subword (`None` for a word
    /// the normalizer empties, e.g. only combining marks when they are stripped).
    pub first: Vec<Option<usize>>,
}

/// A checkpoint's tokenizer and its special token ids.
#[derive(Debug, Clone)]
pub struct WordPieceTokenizer {
    tokenizer: Tokenizer,
    /// `[CLS]`.
    pub cls: u32,
    /// `[SEP]`.
    pub sep: u32,
    /// `[PAD]`.
    pub pad: u32,
}

/// A special token's text in `tokenizer_config.json` (a string or an
/// `AddedToken` object), else `default`.
fn special(config: &Value, key: &str, default: &str) -> String {
    match config.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(o)) => o
            .get("content")
            .and_then(Value::as_str)
            .unwrap_or(default)
            .to_string(),
        _ => default.to_string(),
    }
}

fn read_json(path: &Path) -> Result<Value> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            serde_json::from_str(&text).map_err(|e| model_error(path, format!("bad JSON: {e}")))
        }
        Err(_) => Ok(Value::Object(Default::default())),
    }
}

impl WordPieceTokenizer {
    /// Load the tokenizer of the checkpoint in `dir`; ids must fall below
    /// the model's `vocab_size`.
    pub fn load(dir: &Path, vocab_size: usize) -> Result<Self> {
        let mut config = read_json(&dir.join("special_tokens_map.json"))?;
        if let (Value::Object(base), Value::Object(over)) =
            (&mut config, read_json(&dir.join("tokenizer_config.json"))?)
        {
            base.extend(over);
        }
        let json = dir.join("tokenizer.json");
        let vocab = dir.join("vocab.txt");
        let unk = special(&config, "unk_token", "[UNK]");
        let mut tokenizer = if json.is_file() {
            let mut t = Tokenizer::from_file(&json)
                .map_err(|e| model_error(&json, format!("cannot read the tokenizer: {e}")))?;
            if let Some(NormalizerWrapper::BertNormalizer(n)) = t.get_normalizer() {
                let n = *n;
                let lowercase = config
                    .get("do_lower_case")
                    .and_then(Value::as_bool)
                    .unwrap_or(n.lowercase);
                let strip = match config.get("strip_accents") {
                    Some(Value::Bool(b)) => Some(*b),
                    Some(Value::Null) => None,
                    _ => n.strip_accents,
                };
                let chinese = config
                    .get("tokenize_chinese_chars")
                    .and_then(Value::as_bool)
                    .unwrap_or(n.handle_chinese_chars);
                let n = BertNormalizer::new(n.clean_text, chinese, strip, lowercase);
                t.with_normalizer(Some(n))
                    .map_err(|e| model_error(&json, e.to_string()))?;
            }
            t
        } else if vocab.is_file() {
            let path = vocab.to_string_lossy().into_owned();
            let model = WordPiece::from_file(&path)
                .unk_token(unk.clone())
                .build()
                .map_err(|e| model_error(&vocab, format!("cannot read the vocabulary: {e}")))?;
            let mut t = Tokenizer::new(model);
            let normalizer = BertNormalizer::new(
                true,
                config
                    .get("tokenize_chinese_chars")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
                config.get("strip_accents").and_then(Value::as_bool),
                config
                    .get("do_lower_case")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
            );
            t.with_normalizer(Some(normalizer))
                .map_err(|e| model_error(&vocab, e.to_string()))?;
            t.with_pre_tokenizer(Some(BertPreTokenizer));
            t
        } else {
            return Err(model_error(
                dir,
                "no tokenizer: the folder needs vocab.txt or tokenizer.json",
            ));
        };
        tokenizer
            .with_truncation(None)
            .map_err(|e| model_error(dir, e.to_string()))?;
        tokenizer.with_padding(None);
        let names = [
            unk,
            special(&config, "cls_token", "[CLS]"),
            special(&config, "sep_token", "[SEP]"),
            special(&config, "pad_token", "[PAD]"),
            special(&config, "mask_token", "[MASK]"),
        ];
        let mut ids = Vec::new();
        for name in &names[..4] {
            let id = tokenizer
                .token_to_id(name)
                .ok_or_else(|| model_error(dir, format!("the vocabulary has no {name} token")))?;
            ids.push(id);
        }
        let specials: Vec<AddedToken> = names
            .iter()
            .filter(|n| tokenizer.token_to_id(n).is_some())
            .map(|n| AddedToken::from(n.clone(), true))
            .collect();
        tokenizer
            .add_special_tokens(specials)
            .map_err(|e| model_error(dir, e.to_string()))?;
        let size = tokenizer.get_vocab_size(true);
        if size > vocab_size {
            return Err(model_error(
                dir,
                format!("vocabulary/weights mismatch: the tokenizer has {size} entries but the model's vocab_size is {vocab_size}"),
            ));
        }
        Ok(Self {
            tokenizer,
            cls: ids[1],
            sep: ids[2],
            pad: ids[3],
        })
    }

    /// Subwords of pre-split words (each word tokenized on its own, as
    /// `transformers` does with `is_split_into_words=True`).
    pub fn encode(&self, words: &[&str]) -> std::result::Result<EncodedWords, String> {
        if words.is_empty() {
            return Ok(EncodedWords::default());
        }
        let enc = self
            .tokenizer
            .encode(words, false)
            .map_err(|e| e.to_string())?;
        let mut first = vec![None; words.len()];
        for (i, w) in enc.get_word_ids().iter().enumerate() {
            if let Some(w) = w {
                first[*w as usize].get_or_insert(i);
            }
        }
        Ok(EncodedWords {
            ids: enc.get_ids().to_vec(),
            first,
        })
    }

    /// The subword strings of a text (for inspection and tests).
    pub fn subwords(&self, words: &[&str]) -> std::result::Result<Vec<String>, String> {
        let enc = self
            .tokenizer
            .encode(words, false)
            .map_err(|e| e.to_string())?;
        Ok(enc.get_tokens().to_vec())
    }
}
