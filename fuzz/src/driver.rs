//! Running a target over many inputs: each check runs under `catch_unwind`
//! (a panic is a failure, with its message and source location), a failing
//! input is shrunk to a minimal one that fails the same way, and saved as a
//! regression case.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Once;
use std::time::{Duration, Instant};

use crate::gen::Gen;
use crate::seeds::{repo_root, Seeds};
use crate::targets::{Target, Verdict};

thread_local! {
    static IN_CHECK: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Record panics inside [`run_check`] quietly (message and location) instead
/// of printing them; other panics print as usual. Installed once per process.
pub fn quiet_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_CHECK.with(Cell::get) {
                return default(info);
            }
            let msg = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("panic at {at}: {msg}")));
        }));
    });
}

/// Run one check; a panic becomes `Err("panic at file:line: message")`.
pub fn run_check(target: &Target, input: &[u8]) -> Verdict {
    IN_CHECK.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| (target.check)(input)));
    IN_CHECK.with(|c| c.set(false));
    match result {
        Ok(v) => v,
        Err(_) => Err(LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "panic".into())),
    }
}

/// What makes two failures the same bug: the panic location, or the invariant
/// message up to its first digit (offsets differ between inputs).
pub fn signature(reason: &str) -> String {
    match reason.strip_prefix("panic at ") {
        Some(rest) => rest.split(':').take(2).collect::<Vec<_>>().join(":"),
        None => reason
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("")
            .to_string(),
    }
}

/// Shrink `input` while it still fails with the same signature: remove
/// chunks, halving their size, of characters when it is text, else of bytes.
pub fn minimize(target: &Target, input: &[u8], reason: &str, budget: usize) -> Vec<u8> {
    let sig = signature(reason);
    let fails = |b: &[u8]| matches!(run_check(target, b), Err(r) if signature(&r) == sig);
    match std::str::from_utf8(input) {
        Ok(text) => {
            let chars: Vec<char> = text.chars().collect();
            let encode = |cs: &[char]| cs.iter().collect::<String>().into_bytes();
            encode(&shrink(chars, |cs| fails(&encode(cs)), budget))
        }
        Err(_) => shrink(input.to_vec(), |b| fails(b), budget),
    }
}

/// Delta debugging: the smallest `units` found (within `budget` tries) that still `fails`.
fn shrink<U: Clone>(mut best: Vec<U>, fails: impl Fn(&[U]) -> bool, budget: usize) -> Vec<U> {
    let mut tries = 0;
    let mut chunk = best.len().div_ceil(2).max(1);
    while tries < budget {
        let mut at = 0;
        let mut shrunk = false;
        while at < best.len() && tries < budget {
            let end = (at + chunk).min(best.len());
            let mut cand = best[..at].to_vec();
            cand.extend_from_slice(&best[end..]);
            tries += 1;
            if fails(&cand) {
                best = cand;
                shrunk = true;
            } else {
                at += chunk;
            }
        }
        if !shrunk {
            if chunk == 1 {
                break;
            }
            chunk /= 2;
        }
    }
    best
}

/// A failure found by a run.
#[derive(Debug, Clone)]
pub struct Failure {
    pub target: &'static str,
    pub index: u64,
    pub reason: String,
    pub minimal: Vec<u8>,
}

/// Totals of one target's run.
#[derive(Debug, Clone)]
pub struct Report {
    pub target: &'static str,
    pub inputs: u64,
    pub bytes: u64,
    pub elapsed: Duration,
    /// The slowest input: its time, size in bytes and index.
    pub slowest: (Duration, usize, u64),
    pub failures: Vec<Failure>,
}

impl Report {
    fn new(target: &'static str) -> Report {
        Report {
            target,
            inputs: 0,
            bytes: 0,
            elapsed: Duration::ZERO,
            slowest: (Duration::ZERO, 0, 0),
            failures: Vec::new(),
        }
    }
}

/// Run inputs `indices` of `target` with `seed`; at most one failure per signature.
pub fn run_target(
    target: &Target,
    seeds: &Seeds,
    seed: u64,
    indices: Range<u64>,
    max_depth: usize,
) -> Report {
    let start = Instant::now();
    let mut report = Report::new(target.name);
    let mut seen = Vec::new();
    for i in indices {
        let input = (target.input)(&mut Gen::new(seed, i, seeds, max_depth));
        let t = Instant::now();
        let verdict = run_check(target, &input);
        let took = t.elapsed();
        if took > report.slowest.0 {
            report.slowest = (took, input.len(), i);
        }
        report.inputs += 1;
        report.bytes += input.len() as u64;
        if let Err(reason) = verdict {
            let sig = signature(&reason);
            if !seen.contains(&sig) {
                seen.push(sig);
                let minimal = minimize(target, &input, &reason, 4000);
                report.failures.push(Failure {
                    target: target.name,
                    index: i,
                    reason,
                    minimal,
                });
            }
        }
    }
    report.elapsed = start.elapsed();
    report
}

/// Run `n` inputs of `target` split over `jobs` threads (the inputs and
/// the failures found do not depend on `jobs`; the failures are in input order).
pub fn run_parallel(
    target: &Target,
    seeds: &Seeds,
    seed: u64,
    n: u64,
    max_depth: usize,
    jobs: u64,
) -> Report {
    let start = Instant::now();
    let jobs = jobs.clamp(1, n.max(1));
    let parts: Vec<Report> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|j| {
                let range = n * j / jobs..n * (j + 1) / jobs;
                s.spawn(move || run_target(target, seeds, seed, range, max_depth))
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut total = Report::new(target.name);
    for r in parts {
        total.inputs += r.inputs;
        total.bytes += r.bytes;
        total.slowest = total.slowest.max(r.slowest);
        for f in r.failures {
            let sig = signature(&f.reason);
            if !total.failures.iter().any(|g| signature(&g.reason) == sig) {
                total.failures.push(f);
            }
        }
    }
    total.elapsed = start.elapsed();
    total
}

/// The regression folder of a target: `fuzz/regressions/<target>/`.
pub fn regression_dir(target: &str) -> PathBuf {
    repo_root().join("fuzz").join("regressions").join(target)
}

/// Save a failure's minimal input as a regression case; returns its path.
pub fn save(f: &Failure) -> std::io::Result<PathBuf> {
    let dir = regression_dir(f.target);
    std::fs::create_dir_all(&dir)?;
    let ext = if std::str::from_utf8(&f.minimal).is_ok() {
        "txt"
    } else {
        "bin"
    };
    let path = dir.join(format!("{}-{}.{ext}", f.target, f.index));
    std::fs::write(&path, &f.minimal)?;
    Ok(path)
}

/// Every saved regression input of `target`.
pub fn regressions(target: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(regression_dir(target))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.is_file());
    v.sort();
    v
}

/// Shorten a failing input for display.
pub fn show(input: &[u8]) -> String {
    match std::str::from_utf8(input) {
        Ok(s) if s.chars().count() <= 200 => format!("{s:?}"),
        Ok(s) => format!(
            "{:?}… ({} chars)",
            s.chars().take(200).collect::<String>(),
            s.chars().count()
        ),
        Err(_) => format!(
            "{} bytes: {:02x?}…",
            input.len(),
            &input[..input.len().min(64)]
        ),
    }
}
