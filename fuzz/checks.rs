#![allow(dead_code)] // each fuzz target uses one of these
//! What each fuzz target checks, shared by the targets (fuzz_targets/) and
//! by the stable replay of what they found (tests/fuzz_regressions.rs):
//! the same code under libFuzzer and under `cargo test`.
//!
//! Every function takes any bytes and panics only when ctip-screen is
//! wrong: a panic, a result that breaks the contract, or (parse) a
//! disagreement with serde_json.

use ctip_screen::api;
use ctip_screen::date::Date;
use ctip_screen::json::Json;

fn today() -> Date {
    Date::from_ymd(2026, 12, 7).unwrap_or(Date::from_days(0))
}

/// A submission from bytes: an assessment whose score is 0 to 100, or an
/// error with a SPEC code and at least one issue.
pub fn evaluate(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match api::evaluate_text(text, &Json::Null, "2026-12-07") {
        Ok(a) => {
            assert!(a.score <= 100, "score {}", a.score);
            let json = api::to_json(&a);
            assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        }
        Err(e) => {
            assert!(!e.issues().is_empty(), "{e:?}");
            assert!(
                ["invalid-submission", "limit-exceeded"].contains(&e.code()),
                "{e:?}"
            );
        }
    }
}

/// A policy from bytes: loads, or is refused naming the field.
pub fn policy(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match ctip_screen::policy::LoadedPolicy::from_json_text(text) {
        Ok(p) => {
            let json = api::to_json(p.policy());
            assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        }
        Err(e) => assert!(!e.issues().is_empty(), "{e:?}"),
    }
}

/// The bids of one solicitation from bytes: a comparison with one
/// assessment per bid, or an error.
pub fn compare(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = ctip_screen::engine::parse_json(text) else {
        return;
    };
    match api::compare_value(&value, &api::EvaluateOptions::default(), today()) {
        Ok(c) => {
            let n = value.as_array().map_or(0, Vec::len);
            assert_eq!(c.assessments.len(), n);
            assert!(c.assessments.iter().all(|a| a.score <= 100));
        }
        Err(e) => assert!(!e.issues().is_empty(), "{e:?}"),
    }
}

/// OCDS from bytes, in any form: every output is a process or a line
/// error, and a failure is an error with an issue; one thread, so that a
/// run is repeatable.
pub fn ocds(data: &[u8]) {
    let options = api::EvaluateOptions::default();
    let screening = api::OcdsScreening {
        threads: Some(1),
        ..api::OcdsScreening::new(&options, today())
    };
    let mut outputs = 0usize;
    match screening.run(
        data,
        |o| o,
        |o| {
            if let api::OcdsOutput::Process(p) = &o {
                assert!(p.assessments.iter().all(|a| a.score <= 100));
            }
            outputs += 1;
        },
    ) {
        Ok(n) => assert_eq!(n, outputs),
        Err(e) => assert!(!e.issues().is_empty(), "{e:?}"),
    }
}

/// The JSON parser against serde_json: the same texts accepted, and the
/// same values read from them (numbers compared as f64, which is what both
/// hold; a key given twice keeps its last value, as serde_json does).
pub fn parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = Json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same(a, b), "{text:?}: {a:?} vs {b:?}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

fn same(a: &Json<'_>, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(x), Value::Bool(y)) => x == y,
        (Json::Number(x), Value::Number(y)) => y.as_f64() == Some(*x),
        (Json::Str(x), Value::String(y)) => x == y,
        (Json::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Json::Object(pairs), Value::Object(map)) => {
            // serde_json keeps the last value of a repeated key.
            let mut last: Vec<(&str, &Json<'_>)> = Vec::new();
            for (k, v) in pairs {
                match last.iter_mut().find(|(key, _)| *key == k.as_ref()) {
                    Some(slot) => slot.1 = v,
                    None => last.push((k.as_ref(), v)),
                }
            }
            last.len() == map.len()
                && last
                    .iter()
                    .all(|(k, v)| map.get(*k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}
