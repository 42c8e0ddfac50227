//! The checkpoint's weights: `model.safetensors` (or shards listed in
//! `model.safetensors.index.json`), else PyTorch's `pytorch_model.bin`
//! (read by candle's pickle reader, no torch needed).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use akhbar_core::Result;
use candle_core::{Device, Tensor};
use serde_json::Value;

use crate::config::model_error;

/// The weight files of the checkpoint in `dir`, in the order they are read.
pub fn weight_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let single = dir.join("model.safetensors");
    if single.is_file() {
        return Ok(vec![single]);
    }
    let index = dir.join("model.safetensors.index.json");
    if index.is_file() {
        let text =
            std::fs::read_to_string(&index).map_err(|e| model_error(&index, e.to_string()))?;
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| model_error(&index, format!("bad JSON: {e}")))?;
        let mut files: Vec<PathBuf> = value
            .get("weight_map")
            .and_then(Value::as_object)
            .ok_or_else(|| model_error(&index, "no weight_map"))?
            .values()
            .filter_map(Value::as_str)
            .map(|f| dir.join(f))
            .collect();
        files.sort();
        files.dedup();
        return Ok(files);
    }
    let bin = dir.join("pytorch_model.bin");
    if bin.is_file() {
        return Ok(vec![bin]);
    }
    Err(model_error(
        dir,
        "no weights: the folder needs model.safetensors or pytorch_model.bin",
    ))
}

/// All tensors of the checkpoint in `dir`, by name.
pub fn read_weights(dir: &Path) -> Result<HashMap<String, Tensor>> {
    let mut out = HashMap::new();
    for file in weight_files(dir)? {
        let bad =
            |e: candle_core::Error| model_error(&file, format!("cannot read the weights: {e}"));
        if file.extension().is_some_and(|e| e == "safetensors") {
            out.extend(candle_core::safetensors::load(&file, &Device::Cpu).map_err(bad)?);
        } else {
            out.extend(candle_core::pickle::read_all(&file).map_err(bad)?);
        }
    }
    Ok(out)
}
