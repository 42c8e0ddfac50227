//! The fuzz harness as part of the test suite: every saved regression input
//! passes its target, and a short seeded run of each target finds nothing.
//! `AKHBAR_FUZZ_INPUTS` scales the short run (`make fuzz` runs a million).

use akhbar_fuzz::driver::{quiet_panics, regressions, run_check, run_target, show};
use akhbar_fuzz::gen::Gen;
use akhbar_fuzz::seeds::Seeds;
use akhbar_fuzz::targets::{all, Target};

fn target(name: &str) -> Target {
    all()
        .into_iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no fuzz target {name}"))
}

/// Inputs per target in the short run (the slow targets run fewer in a debug build).
fn short_run(name: &str) -> u64 {
    let base: u64 = std::env::var("AKHBAR_FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    match name {
        "pipeline" => base / 10,
        "entities" | "article_text" => base / 2,
        _ => base,
    }
}

fn fuzz(name: &str) {
    quiet_panics();
    let t = target(name);
    let mut failures = Vec::new();
    for path in regressions(name) {
        let input = std::fs::read(&path).expect("readable regression input");
        if let Err(reason) = run_check(&t, &input) {
            failures.push(format!("{}: {reason}", path.display()));
        }
    }
    let seeds = Seeds::load();
    let report = run_target(&t, &seeds, 1, 0..short_run(name), 200);
    assert_eq!(report.inputs, short_run(name));
    for f in &report.failures {
        failures.push(format!(
            "input {}: {} (minimal {})",
            f.index,
            f.reason,
            show(&f.minimal)
        ));
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

macro_rules! fuzz_tests {
    ($($name:ident),*) => {$(
        #[test]
        fn $name() {
            fuzz(stringify!($name));
        }
    )*};
}

fuzz_tests!(
    article_text,
    article_html,
    dates,
    numbers,
    normalize_none,
    normalize_light,
    normalize_search,
    normalize_ner,
    tokenize,
    entities,
    model_file,
    conll,
    pipeline
);

#[test]
fn every_target_is_tested_and_every_regression_folder_is_a_target() {
    let names: Vec<&str> = all().iter().map(|t| t.name).collect();
    assert_eq!(names.len(), 13, "add the new target to fuzz_tests! above");
    let root = akhbar_fuzz::seeds::repo_root().join("fuzz/regressions");
    for dir in std::fs::read_dir(root).unwrap().flatten() {
        if dir.path().is_dir() {
            let name = dir.file_name().to_string_lossy().to_string();
            assert!(
                names.contains(&name.as_str()),
                "regressions/{name} is no target"
            );
        }
    }
}

#[test]
fn inputs_are_reproducible_from_seed_and_index() {
    let seeds = Seeds::load();
    for t in all() {
        let a = (t.input)(&mut Gen::new(7, 42, &seeds, 200));
        let b = (t.input)(&mut Gen::new(7, 42, &seeds, 200));
        let c = (t.input)(&mut Gen::new(7, 43, &seeds, 200));
        assert_eq!(a, b, "{}", t.name);
        assert_ne!(a, c, "{}", t.name);
    }
}

#[test]
fn a_panic_is_reported_with_its_place_and_shrunk() {
    quiet_panics();
    let t = Target {
        name: "demo",
        input: |g| g.text().into_bytes(),
        check: |b| {
            let s = std::str::from_utf8(b).map_err(|e| e.to_string())?;
            assert!(!s.contains('：'), "fullwidth colon");
            Ok(())
        },
    };
    let input = "قال الرئيس：محمد علي في دمشق".as_bytes();
    let reason = run_check(&t, input).unwrap_err();
    assert!(
        reason.starts_with("panic at fuzz/tests/fuzz.rs:"),
        "{reason}"
    );
    assert!(reason.ends_with("fullwidth colon"), "{reason}");
    let minimal = akhbar_fuzz::driver::minimize(&t, input, &reason, 1000);
    assert_eq!(minimal, "：".as_bytes());
}
