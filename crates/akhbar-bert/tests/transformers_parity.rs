//! The committed tiny checkpoints (`tests/fixtures/bert`, built by
//! `tools/build_bert_fixtures.py` with torch and transformers) give the same
//! subwords, logits and labels here as in `transformers`.

use std::path::PathBuf;

use akhbar_bert::{BertOptions, BertTagger};
use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bert")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn load(name: &str, stride: usize) -> BertTagger {
    let options = BertOptions {
        stride,
        ..BertOptions::default()
    };
    BertTagger::load(&fixtures().join(name), options).unwrap()
}

fn words(row: &Value) -> Vec<&str> {
    row["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect()
}

#[test]
fn logits_and_subwords_equal_transformers() {
    let exp = expected();
    for name in ["cased", "uncased"] {
        let model = &exp[name];
        let tagger = load(name, model["stride"].as_u64().unwrap() as usize);
        let rows = model["sentences"].as_array().unwrap();
        assert!(rows.iter().any(|r| r["windows"].as_u64().unwrap() > 1));
        for row in rows {
            let w = words(row);
            let subwords: Vec<&str> = row["subwords"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            assert_eq!(tagger.subwords(&w).unwrap(), subwords, "{name}: {w:?}");
            let got = &tagger.word_logits(std::slice::from_ref(&w)).unwrap()[0];
            let want = row["logits"].as_array().unwrap();
            assert_eq!(got.len(), want.len());
            for (k, (g, e)) in got.iter().zip(want).enumerate() {
                match (g, e.as_array()) {
                    (None, None) => {}
                    (Some(g), Some(e)) => {
                        for (a, b) in g.iter().zip(e) {
                            let b = b.as_f64().unwrap() as f32;
                            assert!((a - b).abs() < 1e-4, "{name} {w:?} word {k}: {a} vs {b}");
                        }
                    }
                    other => panic!("{name} {w:?} word {k}: {other:?}"),
                }
            }
            // The arg-max label is transformers' one.
            let labels = tagger.model_labels();
            for (g, e) in got.iter().zip(row["labels"].as_array().unwrap()) {
                let top = g
                    .as_ref()
                    .map(|l| labels[akhbar_bert::tagger::best_label(l).0].as_str());
                assert_eq!(top, e.as_str());
            }
        }
    }
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let exp = expected();
    let tagger = load("cased", exp["cased"]["stride"].as_u64().unwrap() as usize);
    let rows = exp["cased"]["sentences"].as_array().unwrap();
    let doc: Vec<Vec<&str>> = rows.iter().map(words).collect();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| tagger.word_logits(&doc).unwrap())
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(3));
}
