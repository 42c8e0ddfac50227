//! Tag texts with a model file on one thread, for profiling the perceptron
//! without Python (`perf record -g target/release/examples/tag_speed ...`).
//!
//! ```sh
//! cargo run --release -p akhbar-core --example tag_speed -- \
//!     python/akhbar/data/ner-anercorp.akbm texts.jsonl [runs] [dump.tsv]
//! ```
//!
//! `texts.jsonl` holds one JSON string per line. Prints tokens/s (tokens as
//! the tokenizer counts them) and, with `dump.tsv`, writes every entity
//! (offsets, label, score bits, normalized form, key) so that two builds can
//! be compared exactly.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use akhbar_core::entities::extract::extract;
use akhbar_core::entities::Model;
use akhbar_core::text::tokenize::tokenize_chars;
use akhbar_core::text::TokenizeOptions;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: tag_speed MODEL TEXTS.jsonl [RUNS] [DUMP]");
        std::process::exit(2);
    }
    let model = Model::load(Path::new(&args[1])).expect("model");
    let texts: Vec<String> = std::fs::read_to_string(&args[2])
        .expect("texts")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON string per line"))
        .collect();
    let runs: usize = args.get(3).map_or(3, |r| r.parse().expect("runs"));
    let tokens: usize = texts
        .iter()
        .map(|t| {
            let cs: Vec<char> = t.chars().collect();
            tokenize_chars(&cs, TokenizeOptions::default()).len()
        })
        .sum();
    let mut dump = String::new();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    for run in 0..runs {
        let (t0, c0) = (Instant::now(), cpu_seconds());
        let out: Vec<_> = texts.iter().map(|t| extract(&model, t)).collect();
        let s = t0.elapsed().as_secs_f64();
        let c = cpu_seconds() - c0;
        best = best.min(s);
        best_cpu = best_cpu.min(c);
        println!(
            "run {run}: {:.0} tokens/s, {:.0} tokens per CPU-second",
            tokens as f64 / s,
            tokens as f64 / c
        );
        if run == 0 {
            for (i, es) in out.iter().enumerate() {
                for e in es {
                    let _ = writeln!(
                        dump,
                        "{i}\t{}\t{}\t{}\t{:08x}\t{}\t{}\t{}",
                        e.start,
                        e.end,
                        e.label,
                        e.score.to_bits(),
                        e.text,
                        e.normalized,
                        e.key
                    );
                }
            }
        }
    }
    println!(
        "{} texts, {tokens} tokens, best {:.0} tokens/s, {:.0} tokens per CPU-second",
        texts.len(),
        tokens as f64 / best,
        tokens as f64 / best_cpu
    );
    if let Some(path) = args.get(4) {
        std::fs::write(path, dump).expect("dump");
    }
}

/// CPU time of this process (user + system), from /proc (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which ends with ')'): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    // Clock ticks of 1/100 s (USER_HZ on Linux).
    f.iter().sum::<f64>() / 100.0
}
