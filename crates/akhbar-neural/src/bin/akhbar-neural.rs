//! `akhbar-neural`: train and score the contextual entity tagger.
//!
//! ```text
//! akhbar-neural train TRAIN.txt --gazetteer G.tsv --clusters C.tsv -o DIR
//!     [--dev DEV.txt] [--epochs 20] [--seed 1] [--embed 64] [--hidden 128]
//!     [--dilations 1,2,4] [--bucket-bits 16] [--batch 16] [--lr 0.002]
//!     [--dropout 0.25] [--word-dropout 0.1]
//!     [--vectors VECTORS.txt] [--vector-limit 200000]
//!     [--stack FAST.akbm [--stack-marginals FILE] [--stack-folds 5]
//!      [--stack-epochs 10] [--stack-ensemble 5] [--stack-seed 1] [--stack-scheme bilou]]
//!     [--init ENCODER_DIR] [--table-lr-scale 1]
//! akhbar-neural evaluate DIR TEST.txt [--fast FAST.akbm [--fast-weight 0.5]]
//! akhbar-neural pretrain TEXT.txt... --clusters C.tsv -o ENCODER_DIR
//!     [--gazetteer G.tsv] [--epochs 1] [--seed 1] [--mask 0.15] [--cluster-bits 10]
//!     [--bucket-bits 18] [--batch 32] [--lr 0.002] [--dropout 0.1]
//!     [--max-sentences N] [--checkpoint-every 5000]
//! ```
//!
//! `pretrain` reads plain text, one paragraph per line, split into sentences
//! and tokens as `extract` splits them; it writes the encoder folder after
//! each epoch and every `--checkpoint-every` batches.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use akhbar_core::entities::clusters::Clusters;
use akhbar_core::entities::extract::split_sentences;
use akhbar_core::entities::{read_conll, Model, Scheme, TrainOptions};
use akhbar_neural::inputs::InputSpace;
use akhbar_neural::pretrain::{pretrain, PretrainConfig};
use akhbar_neural::stack::{jackknife_marginals, read_marginals, write_marginals};
use akhbar_neural::tagger::read_gazetteer;
use akhbar_neural::train::{evaluate, micro, prf};
use akhbar_neural::vectors::Vectors;
use akhbar_neural::{train, Combined, NeuralTagger, TrainConfig};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("akhbar-neural: {e}");
            ExitCode::FAILURE
        }
    }
}

fn value<T: std::str::FromStr>(flag: &str, v: Option<&String>) -> Result<T, String> {
    v.ok_or(format!("{flag} needs a value"))?
        .parse()
        .map_err(|_| format!("bad value for {flag}"))
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("train") => run_train(&args[1..]),
        Some("pretrain") => run_pretrain(&args[1..]),
        Some("evaluate") if args.len() == 3 || args.len() == 5 || args.len() == 7 => {
            let tagger = NeuralTagger::load(&PathBuf::from(&args[1])).map_err(|e| e.to_string())?;
            let test = read_conll(&PathBuf::from(&args[2])).map_err(|e| e.to_string())?;
            let (mut fast, mut weight) = (None, 0.5);
            let mut it = args[3..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--fast" => fast = Some(PathBuf::from(value::<String>(a, it.next())?)),
                    "--fast-weight" => weight = value(a, it.next())?,
                    other => return Err(format!("unknown argument {other:?}")),
                }
            }
            match fast {
                Some(f) => {
                    let model = Model::load(&f).map_err(|e| e.to_string())?;
                    let both = Combined::new(Arc::new(model), tagger, weight)
                        .map_err(|e| e.to_string())?;
                    print_scores(&evaluate(&both, &test));
                }
                None => print_scores(&evaluate(&tagger, &test)),
            }
            Ok(())
        }
        _ => Err("usage: akhbar-neural train TRAIN --gazetteer G --clusters C -o DIR [options] | evaluate DIR TEST".into()),
    }
}

fn run_train(args: &[String]) -> Result<(), String> {
    let mut config = TrainConfig::default();
    let (mut train_path, mut dev, mut gaz, mut clusters, mut out) = (None, None, None, None, None);
    let (mut vectors, mut vector_limit) = (None, 200_000);
    let (mut stack, mut stack_cache, mut folds) = (None, None, 5usize);
    let mut popts = TrainOptions {
        epochs: 10,
        ensemble: 5,
        scheme: Scheme::Bilou,
        ..TrainOptions::default()
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--table-lr-scale" => config.table_lr_scale = value(a, it.next())?,
            "--init" => config.init = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--vectors" => vectors = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--vector-limit" => vector_limit = value(a, it.next())?,
            "--stack" => stack = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--stack-marginals" => {
                stack_cache = Some(PathBuf::from(value::<String>(a, it.next())?))
            }
            "--stack-folds" => folds = value(a, it.next())?,
            "--stack-epochs" => popts.epochs = value(a, it.next())?,
            "--stack-ensemble" => popts.ensemble = value(a, it.next())?,
            "--stack-seed" => popts.seed = value(a, it.next())?,
            "--stack-scheme" => {
                popts.scheme = match value::<String>(a, it.next())?.as_str() {
                    "bio" => Scheme::Bio,
                    "bilou" => Scheme::Bilou,
                    _ => return Err("--stack-scheme is bio or bilou".into()),
                }
            }
            "--dev" => dev = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--gazetteer" => gaz = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--clusters" => clusters = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "-o" | "--output" => out = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--epochs" => config.epochs = value(a, it.next())?,
            "--seed" => config.seed = value(a, it.next())?,
            "--embed" => config.embed = value(a, it.next())?,
            "--hidden" => config.hidden = value(a, it.next())?,
            "--bucket-bits" => config.bucket_bits = value(a, it.next())?,
            "--batch" => config.batch = value(a, it.next())?,
            "--lr" => config.learning_rate = value(a, it.next())?,
            "--dropout" => config.dropout = value(a, it.next())?,
            "--word-dropout" => config.word_dropout = value(a, it.next())?,
            "--dilations" => {
                config.dilations = value::<String>(a, it.next())?
                    .split(',')
                    .map(|d| d.parse().map_err(|_| "bad --dilations".to_string()))
                    .collect::<Result<_, _>>()?
            }
            p if !p.starts_with('-') && train_path.is_none() => train_path = Some(PathBuf::from(p)),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let train_path = train_path.ok_or("no training file")?;
    let out = out.ok_or("no output folder (-o)")?;
    let sentences = read_conll(&train_path).map_err(|e| e.to_string())?;
    let dev = dev
        .map(|d| read_conll(&d))
        .transpose()
        .map_err(|e| e.to_string())?;
    let stack = stack
        .map(|p| Model::load(&p).map(Arc::new))
        .transpose()
        .map_err(|e| e.to_string())?;
    let train_stack = match &stack {
        None => None,
        Some(model) => {
            // The jackknife's perceptrons use the stacked model's own
            // gazetteer and clusters; the other settings are the flags'.
            popts.gazetteer = model.gazetteer().clone();
            popts.clusters = model.clusters().clone();
            let n_tags = model.labels().n_tags();
            match stack_cache.as_ref().filter(|p| p.exists()) {
                Some(p) => Some(read_marginals(p).map_err(|e| format!("{}: {e}", p.display()))?),
                None => {
                    let m =
                        jackknife_marginals(&sentences, model.labels(), &popts, folds, &mut |l| {
                            eprintln!("{l}")
                        })
                        .map_err(|e| e.to_string())?;
                    if let Some(p) = &stack_cache {
                        write_marginals(p, &m, n_tags).map_err(|e| e.to_string())?;
                    }
                    Some(m)
                }
            }
        }
    };
    let space = InputSpace {
        stack,
        gazetteer: match gaz {
            Some(g) => read_gazetteer(&g).map_err(|e| e.to_string())?,
            None => Default::default(),
        },
        clusters: match clusters {
            Some(c) => Clusters::read(&c).map_err(|e| e.to_string())?,
            None => Clusters::new(),
        },
        buckets: 0,
        vectors: match vectors {
            Some(v) => Some(Arc::new(
                Vectors::read_word2vec(&v, vector_limit).map_err(|e| e.to_string())?,
            )),
            None => None,
        },
    };
    eprintln!("{config:?}");
    let tagger = train(
        &sentences,
        train_stack.as_deref(),
        dev.as_deref(),
        space,
        &config,
        &mut |l| eprintln!("{l}"),
    )
    .map_err(|e| e.to_string())?;
    tagger.save(&out).map_err(|e| e.to_string())?;
    if let Some(dev) = dev {
        print_scores(&evaluate(&tagger, &dev));
    }
    Ok(())
}

fn run_pretrain(args: &[String]) -> Result<(), String> {
    let mut config = PretrainConfig::default();
    let (mut files, mut gaz, mut clusters, mut out) = (Vec::new(), None, None, None);
    let mut max_sentences = usize::MAX;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let n = &mut config.network;
        match a.as_str() {
            "--gazetteer" => gaz = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--clusters" => clusters = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "-o" | "--output" => out = Some(PathBuf::from(value::<String>(a, it.next())?)),
            "--epochs" => n.epochs = value(a, it.next())?,
            "--seed" => n.seed = value(a, it.next())?,
            "--bucket-bits" => n.bucket_bits = value(a, it.next())?,
            "--batch" => n.batch = value(a, it.next())?,
            "--lr" => n.learning_rate = value(a, it.next())?,
            "--dropout" => n.dropout = value(a, it.next())?,
            "--mask" => config.mask = value(a, it.next())?,
            "--cluster-bits" => config.cluster_bits = value(a, it.next())?,
            "--checkpoint-every" => config.checkpoint_every = value(a, it.next())?,
            "--max-sentences" => max_sentences = value(a, it.next())?,
            p if !p.starts_with('-') => files.push(PathBuf::from(p)),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let out = out.ok_or("no output folder (-o)")?;
    let clusters = clusters.ok_or("pre-training predicts word clusters: give --clusters")?;
    let space = InputSpace {
        gazetteer: match gaz {
            Some(g) => read_gazetteer(&g).map_err(|e| e.to_string())?,
            None => Default::default(),
        },
        clusters: Clusters::read(&clusters).map_err(|e| e.to_string())?,
        ..Default::default()
    };
    let mut sentences: Vec<Vec<String>> = Vec::new();
    'files: for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        for line in text.lines() {
            for words in split_sentences(line).words {
                if sentences.len() == max_sentences {
                    break 'files;
                }
                sentences.push(words.iter().map(|w| w.to_string()).collect());
            }
        }
    }
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("{} sentences, {tokens} tokens; {config:?}", sentences.len());
    let encoder = pretrain(&sentences, &space, &config, Some(&out), &mut |l| {
        eprintln!("{l}")
    })
    .map_err(|e| e.to_string())?;
    encoder.save(&out).map_err(|e| e.to_string())
}

fn print_scores(c: &akhbar_core::entities::EvalCounts) {
    // A closed pipe (`| head`) ends the listing, not the process.
    let mut out = std::io::stdout().lock();
    let (p, r, f) = micro(c);
    let mut lines = vec![format!("micro P {p:.4} R {r:.4} F1 {f:.4}")];
    for (ty, x) in &c.per_type {
        let (p, r, f) = prf(x.correct, x.predicted, x.gold);
        lines.push(format!(
            "{ty:<5} P {p:.4} R {r:.4} F1 {f:.4} ({} gold)",
            x.gold
        ));
    }
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            return;
        }
    }
}
