//! `akhbar-fuzz`: run the fuzz targets (see `fuzz/README.md`).
//!
//! ```text
//! akhbar-fuzz [--inputs N] [--seed S] [--target NAME]... [--max-depth D] [--jobs J] [--save] [--list] [--show I]
//! ```
//! Replays the regression corpus, then runs N generated inputs per target
//! (default 1,000,000), prints a line per target and every distinct failure
//! with its minimal input; `--save` writes those to `fuzz/regressions/`.
//! `--show I` prints input I of each target instead (to replay or time it).
//! Exits 1 when anything fails.

use std::process::ExitCode;

use akhbar_fuzz::driver::{quiet_panics, regressions, run_check, run_parallel, save, show};
use akhbar_fuzz::gen::Gen;
use akhbar_fuzz::seeds::Seeds;
use akhbar_fuzz::targets::all;

struct Args {
    inputs: u64,
    seed: u64,
    targets: Vec<String>,
    max_depth: usize,
    jobs: u64,
    save: bool,
    list: bool,
    show: Option<u64>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        inputs: 1_000_000,
        seed: 1,
        targets: Vec::new(),
        max_depth: 200,
        jobs: 1,
        save: false,
        list: false,
        show: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|e| format!("{arg}: {e}"));
        match arg.as_str() {
            "--inputs" => a.inputs = number(value()?)?,
            "--seed" => a.seed = number(value()?)?,
            "--target" => a.targets.push(value()?),
            "--max-depth" => a.max_depth = number(value()?)? as usize,
            "--jobs" => a.jobs = number(value()?)?,
            "--save" => a.save = true,
            "--list" => a.list = true,
            "--show" => a.show = Some(number(value()?)?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("akhbar-fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    let targets: Vec<_> = all()
        .into_iter()
        .filter(|t| args.targets.is_empty() || args.targets.iter().any(|n| n == t.name))
        .collect();
    if args.list || targets.is_empty() {
        for t in all() {
            println!("{}", t.name);
        }
        return if targets.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    quiet_panics();
    let seeds = Seeds::load();
    if let Some(i) = args.show {
        use std::io::Write;
        for t in &targets {
            let input = (t.input)(&mut Gen::new(args.seed, i, &seeds, args.max_depth));
            let _ = std::io::stdout().write_all(&input);
        }
        return ExitCode::SUCCESS;
    }
    println!(
        "seeds: {} texts, {} pages, {} CoNLL bytes, models {} ({} uncompressed) and {} bytes",
        seeds.texts.len(),
        seeds.pages.len(),
        seeds.conll.len(),
        seeds.small_model.len(),
        seeds.small_model_plain.len(),
        seeds.big_model.len()
    );
    let mut failed = false;
    for t in &targets {
        for path in regressions(t.name) {
            let input = std::fs::read(&path).unwrap_or_default();
            if let Err(reason) = run_check(t, &input) {
                failed = true;
                println!("REGRESSION {}: {reason}", path.display());
            }
        }
        let r = run_parallel(t, &seeds, args.seed, args.inputs, args.max_depth, args.jobs);
        let secs = r.elapsed.as_secs_f64();
        println!(
            "{:<18} {:>9} inputs {:>8.1} MB {:>8.1} s {:>9.0} inputs/s  slowest {:.1} ms ({} bytes, input {})  failures {}",
            r.target,
            r.inputs,
            r.bytes as f64 / 1e6,
            secs,
            r.inputs as f64 / secs.max(1e-9),
            r.slowest.0.as_secs_f64() * 1e3,
            r.slowest.1,
            r.slowest.2,
            r.failures.len()
        );
        for f in &r.failures {
            failed = true;
            println!("  FAIL input {}: {}", f.index, f.reason);
            println!("    minimal: {}", show(&f.minimal));
            if args.save {
                match save(f) {
                    Ok(p) => println!("    saved: {}", p.display()),
                    Err(e) => println!("    not saved: {e}"),
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
