//! Scenario fixtures: every `tests/scenarios/NAME.json` is a realistic bid
//! and `NAME.expected.json` says which findings (rule and severity), which
//! gaps, what score and what tier it must get. Adding a case is adding two
//! files. `UPDATE_EXPECTED=1 cargo test --test scenarios` rewrites the
//! expectations from the current engine: review the diff before committing.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use ctip_screen::api;
use ctip_screen::date::Date;
use serde_json::{json, Value};
use std::path::PathBuf;

/// The date bids without `submittedOn` are evaluated at, so results do not
/// depend on the day the tests run.
const TODAY: &str = "2026-03-02";

fn scenario_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".expected.json")
        })
        .collect();
    files.sort();
    files
}

fn summary(assessment: &ctip_screen::Assessment) -> Value {
    json!({
        "score": assessment.score,
        "tier": assessment.tier,
        "reviewRequired": assessment.review_required,
        "findings": assessment.findings.iter().map(|f| format!("{}:{}", f.rule, f.severity)).collect::<Vec<_>>(),
        "gaps": assessment.gaps.iter().map(|g| g.rule).collect::<Vec<_>>(),
    })
}

#[test]
fn every_scenario_gets_its_expected_findings_and_tier() {
    let files = scenario_files();
    assert!(
        files.len() >= 20,
        "expected at least 20 scenarios, found {}",
        files.len()
    );
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let today = Date::parse(TODAY).unwrap();
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let assessment = api::evaluate_value(
            &ctip_screen::json::Json::from(&value),
            &api::EvaluateOptions::default(),
            today,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let got = summary(&assessment);
        if let Some(expected) =
            expectation(file, &file.with_extension("expected.json"), &got, update)
        {
            if got != expected {
                failures.push(format!(
                    "{}:\n  expected {expected}\n  got      {got}",
                    file.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} scenario(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn scenarios_cover_clean_and_risky_bids_in_every_sector_asked_for() {
    let names: Vec<String> = scenario_files()
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for prefix in [
        "janitorial",
        "construction",
        "hotel",
        "event-staffing",
        "uniforms",
        "security",
    ] {
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(prefix) && n.ends_with("clean")),
            "{prefix}"
        );
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(prefix) && !n.ends_with("clean")),
            "{prefix}"
        );
    }
}

/// The words a Spanish assessment shows: every finding's title, message and
/// next step, and every gap's message.
fn spanish_texts(assessment: &ctip_screen::Assessment) -> Value {
    json!({
        "findings": assessment.findings.iter().map(|f| json!({
            "rule": f.rule,
            "title": f.title,
            "message": f.message,
            "action": f.action,
        })).collect::<Vec<_>>(),
        "gaps": assessment.gaps.iter().map(|g| json!({
            "rule": g.rule,
            "message": g.message,
        })).collect::<Vec<_>>(),
    })
}

/// English words that a Spanish text would hold only if part of it was
/// left untranslated (vendor-supplied names, in quotes, are removed first).
const ENGLISH_TELLS: &[&str] = &[
    " the ",
    "The ",
    " and ",
    " bid",
    " ask",
    " with ",
    " workers",
    " vendor",
    " is ",
    " are ",
    " not ",
    " no longer",
    " below ",
    " above ",
];

/// Every scenario also runs in Spanish: the same findings, gaps, score and
/// tier as in English, and every text in Spanish, as its
/// `NAME.es.expected.json` records it (written by `UPDATE_EXPECTED=1`).
#[test]
fn every_scenario_reads_the_same_in_spanish() {
    let files = scenario_files();
    assert!(files.len() >= 20);
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let today = Date::parse(TODAY).unwrap();
    let spanish = api::EvaluateOptions {
        locale: Some("es-US".to_owned()),
        ..api::EvaluateOptions::default()
    };
    let policy: Value =
        serde_json::from_str(&std::fs::read_to_string("src/policy/la-2026.json").unwrap()).unwrap();
    let mut failures = Vec::new();
    for file in &files {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let json = ctip_screen::json::Json::from(&value);
        let en = api::evaluate_value(&json, &api::EvaluateOptions::default(), today).unwrap();
        let es = api::evaluate_value(&json, &spanish, today).unwrap();
        assert_eq!(es.locale, ctip_screen::text::Lang::Es);
        assert_eq!(summary(&en), summary(&es), "{}", file.display());
        let got = spanish_texts(&es);
        // Data is shown as given, in whatever language it was written: the
        // bid's own strings and the policy's (a wage floor's source).
        let mut data = Vec::new();
        strings(&value, &mut data);
        strings(&policy, &mut data);
        data.sort_by_key(|s| std::cmp::Reverse(s.len()));
        for text in got
            .as_object()
            .unwrap()
            .values()
            .flat_map(|v| v.as_array().unwrap())
        {
            for (key, field) in text.as_object().unwrap() {
                if key == "rule" {
                    continue;
                }
                let mut own = field.as_str().unwrap().to_owned();
                for d in &data {
                    own = own.replace(d.as_str(), "");
                }
                for tell in ENGLISH_TELLS {
                    if own.contains(tell) {
                        failures.push(format!(
                            "{}: untranslated ({tell:?}): {field}",
                            file.display()
                        ));
                    }
                }
            }
        }
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let expected_path = file.with_file_name(format!("{name}.es.expected.json"));
        if let Some(expected) = expectation(file, &expected_path, &got, update) {
            if got != expected {
                failures.push(format!(
                    "{}: differs from {}",
                    file.display(),
                    expected_path.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a scenario's expectation file says, or, with `UPDATE_EXPECTED`,
/// `None` after writing `got` into it.
fn expectation(
    file: &std::path::Path,
    path: &std::path::Path,
    got: &Value,
    update: bool,
) -> Option<Value> {
    if update {
        std::fs::write(path, serde_json::to_string_pretty(got).unwrap() + "\n").unwrap();
        return None;
    }
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("{} has no {}", file.display(), path.display()));
    Some(serde_json::from_str(&text).unwrap())
}

/// Every string in a JSON value.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.len() > 3 => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}
