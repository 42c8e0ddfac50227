//! `config.json` of a Hugging Face checkpoint: the architecture check, the
//! model's label names (`id2label`) and candle's BERT configuration.

use std::path::Path;

use akhbar_core::{Error, Result};
use candle_transformers::models::bert::Config;
use serde_json::Value;

/// The architecture akhbar runs.
pub const ARCHITECTURE: &str = "BertForTokenClassification";

/// What akhbar reads from `config.json`.
#[derive(Debug, Clone)]
pub struct ModelConfig {
    /// candle's BERT configuration (sizes, activation, position limit).
    pub bert: Config,
    /// The model's label names in output order (`id2label`).
    pub id2label: Vec<String>,
}

/// A [`Error::ModelFile`] about `path`.
pub fn model_error(path: &Path, reason: impl Into<String>) -> Error {
    Error::ModelFile {
        path: path.display().to_string(),
        reason: reason.into(),
    }
}

impl ModelConfig {
    /// Read and check `<dir>/config.json`.
    pub fn read(dir: &Path) -> Result<Self> {
        let path = dir.join("config.json");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            model_error(
                &path,
                format!("cannot read the model configuration ({e}); a Hugging Face model folder has config.json, vocab.txt or tokenizer.json, and model.safetensors or pytorch_model.bin"),
            )
        })?;
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| model_error(&path, format!("bad configuration: {e}")))?;
        Self::from_json(&value).map_err(|reason| model_error(&path, reason))
    }

    /// Check a parsed `config.json`; the error is the reason.
    pub fn from_json(value: &Value) -> std::result::Result<Self, String> {
        let model_type = value.get("model_type").and_then(Value::as_str);
        let architectures: Vec<&str> = value
            .get("architectures")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let named = if architectures.is_empty() {
            format!("model_type {:?}", model_type.unwrap_or("?"))
        } else {
            architectures.join(", ")
        };
        let is_bert = model_type == Some("bert")
            && (architectures.is_empty() || architectures.contains(&ARCHITECTURE));
        if !is_bert {
            return Err(format!(
                "unsupported architecture {named}: akhbar runs BERT token classifiers ({ARCHITECTURE}, model_type \"bert\")"
            ));
        }
        let id2label = id2label(value)?;
        let bert: Config =
            serde_json::from_value(value.clone()).map_err(|e| format!("bad configuration: {e}"))?;
        if bert.num_attention_heads == 0
            || !bert.hidden_size.is_multiple_of(bert.num_attention_heads)
        {
            return Err(format!(
                "bad configuration: hidden_size {} is not a multiple of num_attention_heads {}",
                bert.hidden_size, bert.num_attention_heads
            ));
        }
        if bert.max_position_embeddings < 3 {
            return Err(format!(
                "bad configuration: max_position_embeddings {} leaves no room for text",
                bert.max_position_embeddings
            ));
        }
        Ok(Self { bert, id2label })
    }
}

/// `id2label` as a vector: keys must be exactly `0..n`.
fn id2label(value: &Value) -> std::result::Result<Vec<String>, String> {
    let map = value
        .get("id2label")
        .and_then(Value::as_object)
        .ok_or("bad configuration: no id2label (a token classifier names its labels there)")?;
    let mut labels = vec![None; map.len()];
    for (k, v) in map {
        let i: usize = k
            .parse()
            .ok()
            .filter(|&i| i < labels.len())
            .ok_or_else(|| {
                format!(
                    "bad configuration: id2label key {k:?} is not an index below {}",
                    map.len()
                )
            })?;
        let name = v
            .as_str()
            .ok_or_else(|| format!("bad configuration: id2label[{k}] is not a string"))?;
        labels[i] = Some(name.to_string());
    }
    let labels: Option<Vec<String>> = labels.into_iter().collect();
    match labels {
        Some(l) if !l.is_empty() => Ok(l),
        _ => Err("bad configuration: id2label is empty or has repeated indices".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn base() -> Value {
        json!({
            "architectures": ["BertForTokenClassification"], "model_type": "bert",
            "vocab_size": 30, "hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2,
            "intermediate_size": 16, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
            "max_position_embeddings": 16, "type_vocab_size": 2, "initializer_range": 0.02,
            "layer_norm_eps": 1e-12, "pad_token_id": 0,
            "id2label": {"1": "B-PER", "0": "O", "2": "I-PER"}
        })
    }

    #[test]
    fn reads_labels_in_index_order() {
        let c = ModelConfig::from_json(&base()).unwrap();
        assert_eq!(c.id2label, ["O", "B-PER", "I-PER"]);
        assert_eq!(c.bert.max_position_embeddings, 16);
    }

    #[test]
    fn rejects_other_architectures_and_bad_configs() {
        let mut v = base();
        v["model_type"] = json!("roberta");
        v["architectures"] = json!(["RobertaForTokenClassification"]);
        let e = ModelConfig::from_json(&v).unwrap_err();
        assert!(
            e.contains("unsupported architecture RobertaForTokenClassification"),
            "{e}"
        );

        let mut v = base();
        v["architectures"] = json!(["BertForSequenceClassification"]);
        assert!(ModelConfig::from_json(&v)
            .unwrap_err()
            .contains("BertForSequenceClassification"));

        let mut v = base();
        v["id2label"] = json!({"0": "O", "5": "B-PER"});
        assert!(ModelConfig::from_json(&v).unwrap_err().contains("\"5\""));

        let mut v = base();
        v["hidden_act"] = json!("swish");
        assert!(ModelConfig::from_json(&v)
            .unwrap_err()
            .starts_with("bad configuration"));

        let mut v = base();
        v["num_attention_heads"] = json!(3);
        assert!(ModelConfig::from_json(&v).unwrap_err().contains("multiple"));
    }
}
