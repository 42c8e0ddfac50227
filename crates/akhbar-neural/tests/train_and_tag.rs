//! Training on a few hand-tagged Arabic sentences, then tagging, saving,
//! loading and running in thread pools of different sizes.

use akhbar_core::entities::extract::extract;
use akhbar_core::entities::{Gazetteer, Sentence, Tagger};
use akhbar_core::Error;
use akhbar_neural::inputs::InputSpace;
use akhbar_neural::train::{evaluate, micro};
use akhbar_neural::{train, NeuralTagger, TrainConfig};

/// Sentences written and tagged by hand (ANERcorp's scheme).
const TRAIN: &str = "\
زار O
الرئيس O
أوباما B-PERS
القاهرة B-LOC
أمس O

قال O
وزير O
الخارجية O
جون B-PERS
كيري I-PERS
في O
باريس B-LOC

التقى O
أوباما B-PERS
كيري B-PERS
في O
واشنطن B-LOC

أعلنت O
الأمم B-ORG
المتحدة I-ORG
من O
جنيف B-LOC

وصل O
ساركوزي B-PERS
إلى O
الرياض B-LOC

انتقدت O
منظمة B-ORG
العفو I-ORG
الدولية I-ORG
الحكومة O
في O
دمشق B-LOC

سافر O
كيري B-PERS
إلى O
جنيف B-LOC
للقاء O
ساركوزي B-PERS
";

fn sentences() -> Vec<Sentence> {
    akhbar_core::entities::conll::parse_conll(TRAIN.as_bytes(), "hand").unwrap()
}

fn config(seed: u64) -> TrainConfig {
    TrainConfig {
        bucket_bits: 12,
        embed: 16,
        hidden: 16,
        dilations: vec![1, 2],
        epochs: 40,
        batch: 2,
        learning_rate: 1e-2,
        dropout: 0.0,
        word_dropout: 0.0,
        seed,
        ..TrainConfig::default()
    }
}

fn space() -> InputSpace {
    let mut gazetteer = Gazetteer::new();
    gazetteer.add("LOC", "القاهرة").unwrap();
    InputSpace {
        gazetteer,
        ..InputSpace::default()
    }
}

fn trained(seed: u64) -> NeuralTagger {
    train(
        &sentences(),
        None,
        None,
        space(),
        &config(seed),
        &mut |_| {},
    )
    .unwrap()
}

fn tags(t: &dyn Tagger, words: &[&str]) -> Vec<String> {
    let out = t.tag_sentences(&[words.to_vec()]);
    out[0]
        .tags
        .iter()
        .map(|&x| t.labels().tag_name(x))
        .collect()
}

#[test]
fn learns_the_training_sentences_and_tags_new_text() {
    let t = trained(1);
    let (p, r, f) = micro(&evaluate(&t, &sentences()));
    assert!(f > 0.9, "training set P {p} R {r} F1 {f}");
    assert_eq!(t.labels().types(), ["LOC", "ORG", "PERS"]);
    assert_eq!(
        tags(&t, &["سافر", "أوباما", "إلى", "باريس"]),
        ["O", "B-PERS", "O", "B-LOC"]
    );
    // Through extract(): entities with their text.
    let text = "وصل ساركوزي إلى جنيف";
    let found = extract(&t, text);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|e| (e.label.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(got, [("PERS", "ساركوزي"), ("LOC", "جنيف")]);
    assert!(found.iter().all(|e| e.score > 0.0 && e.score <= 1.0));
}

#[test]
fn a_seed_fixes_the_model_and_a_folder_round_trips() {
    let a = trained(3);
    let b = trained(3);
    let dir = std::env::temp_dir().join(format!("akhbar-neural-test-{}", std::process::id()));
    a.save(&dir).unwrap();
    let loaded = NeuralTagger::load(&dir).unwrap();
    let gold = sentences();
    let doc: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let want = a.log_probs(&doc).unwrap();
    assert_eq!(b.log_probs(&doc).unwrap(), want);
    assert_eq!(loaded.log_probs(&doc).unwrap(), want);
    assert_eq!(loaded.tag_sentences(&doc), a.tag_sentences(&doc));

    // A broken folder is a typed error, never a panic.
    std::fs::write(dir.join("weights.safetensors"), b"\x08\0\0\0\0\0\0\0{}").unwrap();
    assert!(matches!(
        NeuralTagger::load(&dir),
        Err(Error::ModelFile { .. })
    ));
    std::fs::write(dir.join("config.json"), "{\"format\": \"other\"}").unwrap();
    assert!(matches!(
        NeuralTagger::load(&dir),
        Err(Error::ModelFile { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(NeuralTagger::load(&dir), Err(Error::Io { .. })));
}

#[test]
fn same_tags_alone_in_a_document_and_on_any_thread_count() {
    let t = trained(1);
    let gold = sentences();
    let doc: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let whole = t.tag_sentences(&doc);
    for (s, tagged) in doc.iter().zip(&whole) {
        assert_eq!(&t.tag_sentences(std::slice::from_ref(s))[0], tagged);
    }
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        assert_eq!(pool.install(|| t.tag_sentences(&doc)), whole);
    }
    // Empty input: no sentences, an empty sentence, non-Arabic tokens.
    assert!(t.tag_sentences(&[]).is_empty());
    let odd = t.tag_sentences(&[vec![], vec!["\u{FFFD}", "abc", "١٢٣"]]);
    assert!(odd[0].tags.is_empty());
    assert_eq!(odd[1].tags.len(), 3);
}

#[test]
fn training_data_without_entities_is_refused() {
    let plain =
        akhbar_core::entities::conll::parse_conll("قال O\nأمس O\n".as_bytes(), "x").unwrap();
    assert!(matches!(
        train(&plain, None, None, space(), &config(1), &mut |_| {}),
        Err(Error::TrainingData(_))
    ));
    let zero = TrainConfig {
        epochs: 0,
        ..config(1)
    };
    assert!(matches!(
        train(&sentences(), None, None, space(), &zero, &mut |_| {}),
        Err(Error::InvalidOption(_))
    ));
}

#[test]
fn combined_with_all_weight_on_one_side_agrees_with_that_side() {
    use akhbar_core::entities::train::train as train_fast;
    use akhbar_core::entities::TrainOptions;
    use akhbar_neural::Combined;
    use std::sync::Arc;

    let gold = sentences();
    let opts = TrainOptions {
        epochs: 5,
        ..TrainOptions::default()
    };
    let fast = Arc::new(train_fast(&gold, &[], None, &opts, &mut |_| {}).unwrap());
    let neural = trained(1);
    let doc: Vec<Vec<&str>> = vec![
        vec!["سافر", "أوباما", "إلى", "باريس"],
        vec!["أعلنت", "الأمم", "المتحدة", "من", "جنيف"],
    ];
    let tags = |t: &dyn Tagger| -> Vec<Vec<usize>> {
        t.tag_sentences(&doc).into_iter().map(|s| s.tags).collect()
    };
    let all_fast = Combined::new(Arc::clone(&fast), neural.clone(), 1.0).unwrap();
    let all_neural = Combined::new(Arc::clone(&fast), neural.clone(), 0.0).unwrap();
    // All weight on the perceptron: its marginals decoded, which on these
    // clear sentences give its own Viterbi path.
    assert_eq!(tags(&all_fast), tags(fast.as_ref()));
    assert_eq!(tags(&all_neural), tags(&neural));
    // The network alone tags the hand-checked sentence right.
    assert_eq!(
        tags(&neural)[1],
        vec![0, 3, 4, 0, 1],
        "O B-ORG I-ORG O B-LOC in the layout LOC, ORG, PERS"
    );
    assert!(Combined::new(fast, neural, 1.5).is_err());
}

#[test]
fn learns_with_pretrained_vectors_and_keeps_them_in_the_folder() {
    use akhbar_neural::vectors::Vectors;
    use std::sync::Arc;

    // Made-up 3-dimensional vectors: names near each other, places apart.
    let words = [
        "اوباما",
        "كيري",
        "ساركوزي",
        "باريس",
        "جنيف",
        "القاهره",
        "في",
        "الي",
    ];
    let dirs: [[f32; 3]; 8] = [
        [1.0, 0.0, 0.0],
        [0.9, 0.1, 0.0],
        [0.8, 0.0, 0.2],
        [0.0, 1.0, 0.0],
        [0.1, 0.9, 0.0],
        [0.0, 0.8, 0.2],
        [0.0, 0.0, 1.0],
        [0.1, 0.0, 0.9],
    ];
    let vectors = Vectors::new(
        words.iter().map(|w| w.to_string()).collect(),
        dirs.iter().flatten().copied().collect(),
        3,
    )
    .unwrap();
    let space = InputSpace {
        vectors: Some(Arc::new(vectors)),
        ..space()
    };
    let t = train(&sentences(), None, None, space, &config(2), &mut |_| {}).unwrap();
    assert_eq!(t.network().config.vector_dim, 3);
    let (p, r, f) = micro(&evaluate(&t, &sentences()));
    assert!(f > 0.9, "training set P {p} R {r} F1 {f}");
    let dir = std::env::temp_dir().join(format!("akhbar-neural-vec-{}", std::process::id()));
    t.save(&dir).unwrap();
    let loaded = NeuralTagger::load(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let doc = vec![vec!["سافر", "أوباما", "إلى", "باريس"]];
    // The folder keeps the vectors in f16, the precision they were trained at.
    assert_eq!(loaded.log_probs(&doc).unwrap(), t.log_probs(&doc).unwrap());
    assert_eq!(loaded.tag_sentences(&doc), t.tag_sentences(&doc));
}

#[test]
fn stacked_on_the_perceptron_trains_round_trips_and_refuses_mismatches() {
    use akhbar_core::entities::TrainOptions;
    use akhbar_neural::stack::{jackknife_marginals, read_marginals, write_marginals};
    use std::sync::Arc;

    let gold = sentences();
    let opts = TrainOptions {
        epochs: 5,
        gazetteer: space().gazetteer,
        ..TrainOptions::default()
    };
    let fast = akhbar_core::entities::train::train(&gold, &[], None, &opts, &mut |_| {}).unwrap();
    let mut lines = Vec::new();
    let jack = jackknife_marginals(&gold, fast.labels(), &opts, 2, &mut |l| {
        lines.push(l.to_string())
    })
    .unwrap();
    assert_eq!(lines.len(), 2);
    // In three folds the last two sentences' fold leaves no ORG to learn.
    assert!(matches!(
        jackknife_marginals(&gold, fast.labels(), &opts, 3, &mut |_| {}),
        Err(Error::TrainingData(_))
    ));
    // One row of BIO marginals (O + B/I of three types) per token, each a
    // distribution.
    assert_eq!(jack.len(), gold.len());
    for (m, s) in jack.iter().zip(&gold) {
        assert_eq!(m.len(), s.tokens.len() * 7);
        for row in m.chunks(7) {
            let sum: f32 = row.iter().sum();
            assert!((sum - 1.0).abs() < 1e-3, "{row:?}");
        }
    }
    // The cache file gives them back to its five decimals.
    let path = std::env::temp_dir().join(format!("akhbar-stack-{}.txt", std::process::id()));
    write_marginals(&path, &jack, 7).unwrap();
    let back = read_marginals(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    for (a, b) in jack.iter().flatten().zip(back.iter().flatten()) {
        assert!((a - b).abs() < 1e-5);
    }

    let stacked_space = InputSpace {
        stack: Some(Arc::new(fast)),
        ..space()
    };
    let t = train(
        &gold,
        Some(&jack),
        None,
        stacked_space.clone(),
        &config(4),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(t.network().config.stack_dim, 7);
    let (p, r, f) = micro(&evaluate(&t, &gold));
    assert!(f > 0.9, "training set P {p} R {r} F1 {f}");
    let doc = vec![vec!["سافر", "أوباما", "إلى", "باريس"]];
    assert_eq!(
        tags(&t, &doc[0]),
        ["O", "B-PERS", "O", "B-LOC"],
        "the hand-checked sentence"
    );
    // An empty sentence in a document (sorted first in its batch) leaves
    // the others' tags as they are alone.
    let with_empty = t.tag_sentences(&[vec![], doc[0].clone()]);
    assert!(with_empty[0].tags.is_empty());
    assert_eq!(with_empty[1], t.tag_sentences(&doc)[0]);
    // The folder carries the perceptron beside the network.
    let dir = std::env::temp_dir().join(format!("akhbar-neural-stack-{}", std::process::id()));
    t.save(&dir).unwrap();
    assert!(dir.join("perceptron.akbm").exists());
    let loaded = NeuralTagger::load(&dir).unwrap();
    assert_eq!(loaded.log_probs(&doc).unwrap(), t.log_probs(&doc).unwrap());
    // A stacked folder without its perceptron is a typed error, not a panic.
    std::fs::remove_file(dir.join("perceptron.akbm")).unwrap();
    assert!(matches!(
        NeuralTagger::load(&dir),
        Err(Error::Io { .. } | Error::ModelFile { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();

    // Marginals without a stacked perceptron, or of the wrong length, are refused.
    assert!(matches!(
        train(&gold, Some(&jack), None, space(), &config(4), &mut |_| {}),
        Err(Error::InvalidOption(_))
    ));
    assert!(matches!(
        train(
            &gold,
            None,
            None,
            stacked_space.clone(),
            &config(4),
            &mut |_| {}
        ),
        Err(Error::InvalidOption(_))
    ));
    let short: Vec<Vec<f32>> = jack.iter().map(|m| m[7..].to_vec()).collect();
    assert!(matches!(
        train(
            &gold,
            Some(&short),
            None,
            stacked_space,
            &config(4),
            &mut |_| {}
        ),
        Err(Error::InvalidOption(_))
    ));
}
