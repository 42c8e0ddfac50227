//! The fuzz targets: one per core entry point, each an input generator and a
//! check of the entry point's invariants on that input (a panic is a failure
//! too). To add one, write a `check_*` function returning `Err(reason)` when
//! an invariant breaks and list it in [`all`] with a generator from
//! [`crate::gen::Gen`].

use std::sync::{Arc, OnceLock};

use akhbar_core::article::{parse, Article, InputKind};
use akhbar_core::calendar::Date;
use akhbar_core::entities::conll::parse_conll;
use akhbar_core::entities::extract::extract;
use akhbar_core::entities::format::from_bytes;
use akhbar_core::entities::{Entity, Model, Tagger};
use akhbar_core::mentions::{find_dates, find_numbers};
use akhbar_core::pipeline::{run, PipelineConfig, PlaceColumns, Tables};
use akhbar_core::text::{tokenize, NormalizeOptions, Normalizer, TokenizeOptions};

use crate::gen::Gen;
use crate::seeds::repo_root;

/// A check's verdict: `Err` names the broken invariant.
pub type Verdict = Result<(), String>;

/// One fuzz target.
pub struct Target {
    /// Its name (also the folder of its regression inputs).
    pub name: &'static str,
    /// Make input `i` (bytes; UTF-8 text for the text targets).
    pub input: fn(&mut Gen) -> Vec<u8>,
    /// Run the entry point on an input and check its invariants.
    pub check: fn(&[u8]) -> Verdict,
}

/// Every target.
pub fn all() -> Vec<Target> {
    fn text(g: &mut Gen) -> Vec<u8> {
        g.article_text().into_bytes()
    }
    fn html(g: &mut Gen) -> Vec<u8> {
        g.html().into_bytes()
    }
    fn batch(g: &mut Gen) -> Vec<u8> {
        g.batch().join(DOC_SEPARATOR).into_bytes()
    }
    type Input = fn(&mut Gen) -> Vec<u8>;
    type Check = fn(&[u8]) -> Verdict;
    let table: [(&'static str, Input, Check); 13] = [
        ("article_text", text, check_article_text),
        ("article_html", html, check_article_html),
        ("dates", text, check_dates),
        ("numbers", text, check_numbers),
        ("normalize_none", text, |b| check_normalize("none", b)),
        ("normalize_light", text, |b| check_normalize("light", b)),
        ("normalize_search", text, |b| check_normalize("search", b)),
        ("normalize_ner", text, |b| check_normalize("ner", b)),
        ("tokenize", text, check_tokenize),
        ("entities", text, check_entities),
        ("model_file", |g| g.model(), check_model_file),
        ("conll", |g| g.conll(), check_conll),
        ("pipeline", batch, check_pipeline),
    ];
    table
        .into_iter()
        .map(|(name, input, check)| Target { name, input, check })
        .collect()
}

/// Separates the documents of a `pipeline` input (U+001E RECORD SEPARATOR).
pub const DOC_SEPARATOR: &str = "\u{1e}";

fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("input is not UTF-8: {e}"))
}

fn ensure(ok: bool, what: impl FnOnce() -> String) -> Verdict {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

/// `[start, end)` is a span of `chars` whose text is `text` (when given).
fn check_span(chars: &[char], start: usize, end: usize, text: Option<&str>, what: &str) -> Verdict {
    ensure(start <= end && end <= chars.len(), || {
        format!("{what}: span {start}..{end} outside 0..{}", chars.len())
    })?;
    if let Some(t) = text {
        let got: String = chars[start..end].iter().collect();
        ensure(got == t, || {
            format!("{what}: text[{start}..{end}] = {got:?} but mention says {t:?}")
        })?;
    }
    Ok(())
}

fn check_article(input: &str, a: &Article, exact_text: bool) -> Verdict {
    let chars: Vec<char> = input.chars().collect();
    let fields = [
        ("title", &a.title),
        ("subtitle", &a.subtitle),
        ("section", &a.section),
        ("published_raw", &a.published_raw),
        ("dateline", &a.dateline),
        ("agency", &a.agency),
        ("author", &a.author),
        ("source", &a.source),
    ];
    let named = fields
        .iter()
        .filter_map(|(n, f)| f.as_ref().map(|f| (*n, f)));
    let listed = a
        .paragraphs
        .iter()
        .chain(&a.boilerplate)
        .map(|f| ("paragraph", f));
    for (name, f) in named.chain(listed) {
        if let Some(s) = f.span {
            let text = exact_text.then_some(f.text.as_str());
            check_span(&chars, s.start, s.end, text, name)?;
        }
    }
    for s in &a.segments {
        check_span(&chars, s.span.start, s.span.end, None, "segment")?;
    }
    if a.kind == InputKind::Text {
        // Text segments are in order, do not overlap, and cover every
        // character but white space between them.
        let mut at = 0;
        for s in &a.segments {
            ensure(s.span.start >= at, || {
                format!("segments overlap or are unsorted at {}", s.span.start)
            })?;
            let gap = &chars[at..s.span.start];
            ensure(gap.iter().all(|c| c.is_whitespace()), || {
                format!("segments leave out text at {at}")
            })?;
            at = s.span.end;
        }
        let tail = &chars[at..];
        ensure(tail.iter().all(|c| c.is_whitespace()), || {
            format!("segments leave out text at {at}")
        })?;
    }
    Ok(())
}

fn check_article_text(bytes: &[u8]) -> Verdict {
    let input = utf8(bytes)?;
    let a = parse(input, Some(InputKind::Text), None);
    check_article(input, &a, true)?;
    // Detection and a URL must not change the outcome's soundness either.
    let b = parse(
        input,
        None,
        Some(input.get(..input.len().min(40)).unwrap_or("")),
    );
    check_article(input, &b, b.kind == InputKind::Text)
}

fn check_article_html(bytes: &[u8]) -> Verdict {
    let input = utf8(bytes)?;
    let a = parse(
        input,
        Some(InputKind::Html),
        Some("https://www.example.com/news/1"),
    );
    check_article(input, &a, false)
}

fn reference() -> Option<Date> {
    Date::from_iso("2024-03-12")
}

fn check_dates(bytes: &[u8]) -> Verdict {
    let input = utf8(bytes)?;
    let chars: Vec<char> = input.chars().collect();
    for r in [None, reference()] {
        let found = find_dates(input, r);
        let mut last = 0;
        for m in &found {
            check_span(&chars, m.start, m.end, None, "date")?;
            ensure(m.start < m.end, || {
                format!("empty date mention at {}", m.start)
            })?;
            ensure(m.start >= last, || {
                format!("date mentions overlap or are unsorted at {}", m.start)
            })?;
            last = m.end;
        }
    }
    Ok(())
}

fn check_numbers(bytes: &[u8]) -> Verdict {
    let input = utf8(bytes)?;
    let chars: Vec<char> = input.chars().collect();
    let mut last = 0;
    for m in find_numbers(input) {
        check_span(&chars, m.start, m.end, None, "number")?;
        ensure(m.start < m.end, || {
            format!("empty number mention at {}", m.start)
        })?;
        ensure(m.start >= last, || {
            format!("number mentions overlap or are unsorted at {}", m.start)
        })?;
        ensure(!matches!(m.value, Some(v) if !v.is_finite()), || {
            format!("number {}..{} has value {:?}", m.start, m.end, m.value)
        })?;
        last = m.end;
    }
    Ok(())
}

fn check_normalize(preset: &str, bytes: &[u8]) -> Verdict {
    let input = utf8(bytes)?;
    let options = NormalizeOptions::preset(preset).map_err(|e| e.to_string())?;
    let n = Normalizer::new(options);
    let (out, map) = n.normalize_with_map(input);
    ensure(out == n.normalize(input), || {
        "normalize and normalize_with_map differ".into()
    })?;
    let n_out = out.chars().count();
    let n_in = input.chars().count();
    ensure(map.normalized_len() == n_out, || {
        format!(
            "map has {} entries for {n_out} characters",
            map.normalized_len()
        )
    })?;
    ensure(map.original_len() == n_in, || {
        format!("map original_len {} != {n_in}", map.original_len())
    })?;
    let (starts, ends) = (map.starts(), map.ends());
    for i in 0..starts.len() {
        ensure(starts[i] < ends[i] && ends[i] as usize <= n_in, || {
            format!(
                "map entry {i} is {}..{} (original has {n_in})",
                starts[i], ends[i]
            )
        })?;
        ensure(i == 0 || starts[i - 1] <= starts[i], || {
            format!("map not monotone at {i}")
        })?;
    }
    let (s, e) = map.to_original_span(0, n_out);
    ensure(s <= e && e <= n_in, || {
        format!("whole-span maps to {s}..{e} of {n_in}")
    })?;
    let again = n.normalize(&out);
    ensure(again == out, || {
        format!("not idempotent: {out:?} -> {again:?}")
    })
}

fn check_tokens(chars: &[char], clitics: bool) -> Result<Vec<(usize, usize)>, String> {
    let text: String = chars.iter().collect();
    let tokens = tokenize(&text, TokenizeOptions { clitics });
    let mut last = 0;
    for t in &tokens {
        check_span(chars, t.start, t.end, None, "token")?;
        ensure(t.start < t.end, || format!("empty token at {}", t.start))?;
        ensure(t.start >= last, || {
            format!("tokens overlap or are unsorted at {}", t.start)
        })?;
        last = t.end;
    }
    Ok(tokens.iter().map(|t| (t.start, t.end)).collect())
}

fn check_tokenize(bytes: &[u8]) -> Verdict {
    let chars: Vec<char> = utf8(bytes)?.chars().collect();
    let plain = check_tokens(&chars, false)?;
    let split = check_tokens(&chars, true)?;
    // Clitic splitting cuts words into pieces: the same characters are covered.
    let covered = |spans: &[(usize, usize)]| -> Vec<bool> {
        let mut c = vec![false; chars.len()];
        for &(s, e) in spans {
            c[s..e].iter_mut().for_each(|x| *x = true);
        }
        c
    };
    ensure(covered(&plain) == covered(&split), || {
        "tokens with clitics cover other characters than without".into()
    })
}

/// The shipped tagger, loaded once.
fn tagger() -> Result<&'static Arc<Model>, String> {
    static MODEL: OnceLock<Result<Arc<Model>, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            Model::load(&repo_root().join("python/akhbar/data/ner-anercorp.akbm"))
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| format!("cannot load the shipped model: {e}"))
}

fn check_entity_list(input: &str, found: &[Entity], labels: &[String]) -> Verdict {
    let chars: Vec<char> = input.chars().collect();
    for e in found {
        check_span(&chars, e.start, e.end, Some(&e.text), "entity")?;
        ensure(e.start < e.end, || format!("empty entity at {}", e.start))?;
        ensure((0.0..=1.0).contains(&e.score), || {
            format!("entity score {}", e.score)
        })?;
        ensure(labels.contains(&e.label), || {
            format!("unknown label {:?}", e.label)
        })?;
    }
    Ok(())
}

fn check_entities(bytes: &[u8]) -> Verdict {
    let input = utf8(bytes)?;
    let model = tagger()?;
    let found = extract(model.as_ref(), input);
    check_entity_list(input, &found, model.labels().types())
}

fn check_model_file(bytes: &[u8]) -> Verdict {
    // A bad file must be an error, never a panic; a file that loads must tag.
    if let Ok(m) = from_bytes(bytes, "fuzz") {
        let text = "قال الرئيس محمد الحارثي في دمشق إن وزارة الصحة ستفتتح مستشفى.";
        let found = extract(&m, text);
        check_entity_list(text, &found, m.labels().types())?;
    }
    Ok(())
}

fn check_conll(bytes: &[u8]) -> Verdict {
    if let Ok(sentences) = parse_conll(bytes, "fuzz") {
        for s in &sentences {
            ensure(
                !s.tokens.is_empty() && s.tokens.len() == s.tags.len(),
                || {
                    format!(
                        "sentence with {} tokens and {} tags",
                        s.tokens.len(),
                        s.tags.len()
                    )
                },
            )?;
        }
    }
    Ok(())
}

fn check_places(p: &PlaceColumns, t: &Tables, inputs: &[&str], what: &str) -> Verdict {
    for k in 0..p.row.len() {
        let row = p.row[k];
        let a = t
            .articles
            .row
            .iter()
            .position(|&r| r == row)
            .ok_or(format!("{what} row {row} has no article"))?;
        let body: Vec<char> = t.articles.body[a].chars().collect();
        check_span(&body, p.start[k], p.end[k], Some(&p.text[k]), what)?;
        if let (Some(s), Some(e)) = (p.raw_start[k], p.raw_end[k]) {
            let raw: Vec<char> = inputs[row].chars().collect();
            check_span(&raw, s, e, None, what)?;
        }
    }
    Ok(())
}

fn check_pipeline(bytes: &[u8]) -> Verdict {
    let input = utf8(bytes)?;
    let docs: Vec<&str> = input.split(DOC_SEPARATOR).collect();
    let model = tagger()?;
    let config = PipelineConfig {
        parse: true,
        normalizer: Some(Normalizer::new(
            NormalizeOptions::preset("search").map_err(|e| e.to_string())?,
        )),
        tokens: true,
        entities: Some(Arc::clone(model) as Arc<dyn Tagger>),
        dates: true,
        numbers: true,
        panic_on: None,
    };
    let one = run(&docs, &[], &config, Some(1)).map_err(|e| e.to_string())?;
    let two = run(&docs, &[], &config, Some(2)).map_err(|e| e.to_string())?;
    ensure(one == two, || "tables differ on 1 and 2 threads".into())?;
    ensure(one.failed.is_empty(), || {
        format!("documents failed: {:?}", one.failed)
    })?;
    ensure(
        one.articles.row == (0..docs.len()).collect::<Vec<_>>(),
        || "article rows lost".into(),
    )?;
    check_places(&one.entities.place, &one, &docs, "entity")?;
    check_places(&one.dates.place, &one, &docs, "date")?;
    check_places(&one.numbers.place, &one, &docs, "number")
}
