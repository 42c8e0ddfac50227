//! Pre-training on unlabeled sentences: the encoder learns which cluster
//! a context calls for, round-trips through its folder, and starts an
//! entity tagger's training.

use akhbar_core::entities::clusters::Clusters;
use akhbar_core::entities::conll::parse_conll;
use akhbar_core::Error;
use akhbar_neural::inputs::InputSpace;
use akhbar_neural::pretrain::{cluster_classes, pretrain, Encoder, PretrainConfig};
use akhbar_neural::{train, TrainConfig};

const NAMES: [&str; 4] = ["زيد", "عمرو", "خالد", "سعيد"];
const PLACES: [&str; 4] = ["دمشق", "حلب", "حمص", "إدلب"];

/// Names in one cluster, places in another, the other words in a third.
fn space() -> InputSpace {
    let mut clusters = Clusters::new();
    for n in NAMES {
        clusters.insert(n.into(), "0001".into());
    }
    for p in PLACES {
        clusters.insert(p.into(), "1110".into());
    }
    for w in ["قال", "الرئيس", "أمس", "وصل", "إلى", "مدينة", "ثم", "عاد"]
    {
        clusters.insert(w.into(), "0110".into());
    }
    InputSpace {
        clusters,
        ..Default::default()
    }
}

/// "قال الرئيس NAME أمس" and "وصل إلى مدينة PLACE ثم عاد", 64 of each.
fn corpus() -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for i in 0..64 {
        let n = NAMES[i % 4];
        let p = PLACES[(i / 4) % 4];
        out.push(["قال", "الرئيس", n, "أمس"].map(String::from).to_vec());
        out.push(
            ["وصل", "إلى", "مدينة", p, "ثم", "عاد"]
                .map(String::from)
                .to_vec(),
        );
    }
    out
}

fn config(seed: u64) -> PretrainConfig {
    PretrainConfig {
        network: TrainConfig {
            bucket_bits: 12,
            embed: 16,
            hidden: 16,
            dilations: vec![1, 2],
            epochs: 30,
            batch: 8,
            learning_rate: 1e-2,
            dropout: 0.0,
            seed,
            ..TrainConfig::default()
        },
        mask: 0.3,
        cluster_bits: 4,
        checkpoint_every: 1_000_000,
    }
}

fn same_parameters(a: &Encoder, b: &Encoder) -> bool {
    a.network
        .named()
        .iter()
        .zip(b.network.named())
        .all(|((n, x), (m, y))| {
            n == &m
                && x.flatten_all().unwrap().to_vec1::<f32>().unwrap()
                    == y.flatten_all().unwrap().to_vec1::<f32>().unwrap()
        })
}

#[test]
fn the_encoder_learns_which_cluster_a_context_calls_for() {
    let s = space();
    assert_eq!(cluster_classes(&s, 4), ["0001", "0110", "1110", ""]);
    let enc = pretrain(&corpus(), &s, &config(1), None, &mut |_| {}).unwrap();
    // A word it never saw, masked: the context alone says name or place.
    let name = enc
        .predict_masked(&s, &["قال", "الرئيس", "مجهول", "أمس"], 2)
        .unwrap();
    assert_eq!(name, "0001");
    let place = enc
        .predict_masked(&s, &["وصل", "إلى", "مدينة", "مجهول", "ثم", "عاد"], 3)
        .unwrap();
    assert_eq!(place, "1110");
    // The verb before the title is an ordinary word.
    let verb = enc
        .predict_masked(&s, &["قال", "الرئيس", "زيد", "أمس"], 0)
        .unwrap();
    assert_eq!(verb, "0110");
    assert!(enc.predict_masked(&s, &["قال"], 1).is_err());
    // The seed fixes the encoder.
    let again = pretrain(&corpus(), &s, &config(1), None, &mut |_| {}).unwrap();
    assert!(same_parameters(&enc, &again));
    let other = pretrain(&corpus(), &s, &config(2), None, &mut |_| {}).unwrap();
    assert!(!same_parameters(&enc, &other));
}

#[test]
fn bad_settings_and_folders_are_refused_with_typed_errors() {
    let s = space();
    let no_mask = PretrainConfig {
        mask: 0.0,
        ..config(1)
    };
    assert!(matches!(
        pretrain(&corpus(), &s, &no_mask, None, &mut |_| {}),
        Err(Error::InvalidOption(_))
    ));
    // Nothing to predict without clusters.
    assert!(matches!(
        pretrain(
            &corpus(),
            &InputSpace::default(),
            &config(1),
            None,
            &mut |_| {}
        ),
        Err(Error::InvalidOption(_))
    ));
    let dir = std::env::temp_dir().join(format!("akhbar-encoder-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.json"), "{\"format\": \"something else\"}").unwrap();
    assert!(matches!(Encoder::load(&dir), Err(Error::ModelFile { .. })));
    std::fs::write(dir.join("config.json"), "not json").unwrap();
    assert!(matches!(Encoder::load(&dir), Err(Error::ModelFile { .. })));
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(Encoder::load(&dir).is_err());
}

const TRAIN: &str = "\
قال O
الرئيس O
زيد B-PERS
أمس O

وصل O
إلى O
مدينة O
دمشق B-LOC
ثم O
عاد O
";

#[test]
fn a_tagger_starts_from_the_encoder_it_is_given() {
    let s = space();
    let mut c = config(1);
    c.network.epochs = 2;
    let enc = pretrain(&corpus(), &s, &c, None, &mut |_| {}).unwrap();
    let dir = std::env::temp_dir().join(format!("akhbar-encoder-{}", std::process::id()));
    enc.save(&dir).unwrap();
    let back = Encoder::load(&dir).unwrap();
    assert_eq!(back.classes, enc.classes);
    assert!(same_parameters(&enc, &back));

    let sentences = parse_conll(TRAIN.as_bytes(), "hand").unwrap();
    // Learning rate 0: the tagger's parameters are where training started.
    let start = TrainConfig {
        learning_rate: 0.0,
        epochs: 1,
        init: Some(dir.clone()),
        ..c.network.clone()
    };
    let tagger = train(&sentences, None, None, s.clone(), &start, &mut |_| {}).unwrap();
    let net = tagger.network();
    assert_eq!(net.table, enc.network.table);
    let mine: Vec<_> = net.named();
    let pre: Vec<_> = enc.network.named();
    for k in 1..5 {
        // conv0.w, conv0.b, conv1.w, conv1.b
        assert_eq!(mine[k].0, pre[k].0);
        let a: Vec<f32> = mine[k].1.flatten_all().unwrap().to_vec1().unwrap();
        let b: Vec<f32> = pre[k].1.flatten_all().unwrap().to_vec1().unwrap();
        assert_eq!(a, b, "{}", mine[k].0);
    }
    // The output layer is the tagger's own: 5 tags, not the 4 classes.
    assert_eq!(mine[5].1.dims(), [16, 5]);

    // An encoder of other sizes is refused.
    let wider = TrainConfig {
        hidden: 32,
        ..start.clone()
    };
    assert!(matches!(
        train(&sentences, None, None, s, &wider, &mut |_| {}),
        Err(Error::InvalidOption(_))
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}
