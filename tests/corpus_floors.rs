//! Quality floors: scores the extractor on the shared corpora and fails below the numbers in
//! `quality-floors.json`.
//!
//! The floors only ever go up. When a change raises a score, raise its floor to the measured
//! value rounded down to the printed digits (the scores are deterministic, so no margin is
//! needed). Never lower a floor to make a change pass: fix the change instead.
//!
//! The corpora live outside the repository (`../shared/corpus`, see its README); on a clone
//! without them these tests print why and pass.

use std::path::{Path, PathBuf};

use quietpage::eval::{self, EvalConfig};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Floors {
    readability: ReadabilityFloors,
    boilerplate: BoilerplateFloors,
}

// Unknown keys are refused so that a floor added to the JSON without a check here fails loudly
// instead of guarding nothing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadabilityFloors {
    mean_f1: f64,
    title_exact: f64,
    /// Share of pages where `probably_readable` agrees with Readability's `readerable`.
    readerable_agreement: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateFloors {
    f1: f64,
    /// Share of the pages whose annotation names an author where the byline names the same.
    byline: f64,
}

fn floors() -> Floors {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("quality-floors.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The corpus folder, or `None` (with the reason printed) when this checkout has none.
fn corpus(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "SKIPPED: corpus {name} not found at ../shared/corpus/{name} (relative to the \
             crate); the quality floors were not checked"
        );
        None
    }
}

/// Compares one score with its floor, collecting failures so every shortfall is reported.
fn check(failures: &mut Vec<String>, what: &str, measured: f64, floor: f64) {
    let verdict = if measured < floor {
        failures.push(format!(
            "{what} {measured:.4} is below its floor {floor:.4}"
        ));
        "BELOW FLOOR"
    } else if measured - floor >= 0.005 {
        "ok; the floor can be raised"
    } else {
        "ok"
    };
    println!("{what}: {measured:.4} (floor {floor:.4}) {verdict}");
}

#[test]
fn readability_corpus_meets_floors() {
    let floors = floors().readability;
    let Some(dir) = corpus("readability") else {
        return;
    };
    let report = eval::eval_readability(&dir, &EvalConfig::default())
        .unwrap_or_else(|e| panic!("cannot score the readability corpus: {e}"));
    let s = &report.summary;
    assert!(
        s.pages > 0,
        "the readability corpus at {} has no pages",
        dir.display()
    );
    println!(
        "readability: {} pages, {} errors, mean P {:.4} R {:.4} F1 {:.4}, title {}/{}, byline {}/{}",
        s.pages,
        s.errors,
        s.mean_precision,
        s.mean_recall,
        s.mean_f1,
        s.title_matches,
        s.title_pages,
        s.byline_matches,
        s.byline_pages
    );
    let mut failures = Vec::new();
    check(
        &mut failures,
        "readability mean_f1",
        s.mean_f1,
        floors.mean_f1,
    );
    check(
        &mut failures,
        "readability title_exact",
        s.title_exact,
        floors.title_exact,
    );
    check(
        &mut failures,
        "readability readerable_agreement",
        s.readerable_matches as f64 / s.readerable_pages.max(1) as f64,
        floors.readerable_agreement,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn boilerplate_corpus_meets_floors() {
    let floors = floors().boilerplate;
    let Some(dir) = corpus("boilerplate") else {
        return;
    };
    let report = eval::eval_boilerplate(&dir, &EvalConfig::default())
        .unwrap_or_else(|e| panic!("cannot score the boilerplate corpus: {e}"));
    let s = &report.summary;
    assert!(
        s.pages > 0,
        "the boilerplate corpus at {} has no pages",
        dir.display()
    );
    println!(
        "boilerplate: {} pages, {} errors, TP {} FP {} FN {}, P {:.4} R {:.4} F1 {:.4}",
        s.pages, s.errors, s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1
    );
    let mut failures = Vec::new();
    check(&mut failures, "boilerplate f1", s.f1, floors.f1);
    let byline = s.byline_matches as f64 / s.byline_pages.max(1) as f64;
    check(&mut failures, "boilerplate byline", byline, floors.byline);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
