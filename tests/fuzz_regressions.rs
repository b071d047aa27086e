//! Replays, with the stable toolchain, every input in tests/fuzz-regressions/
//! through the check its fuzz target runs (fuzz/checks.rs, the same code):
//! seeds written by hand, and every crash `make fuzz` has found.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

#[path = "../fuzz/checks.rs"]
mod checks;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = format!(
        "{}/tests/fuzz-regressions/{target}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {dir}");
    for file in files {
        let data = std::fs::read(&file).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails its check", file.display());
    }
}

#[test]
fn evaluate() {
    replay("evaluate", checks::evaluate);
}

#[test]
fn policy() {
    replay("policy", checks::policy);
}

#[test]
fn compare() {
    replay("compare", checks::compare);
}

#[test]
fn ocds() {
    replay("ocds", checks::ocds);
}

#[test]
fn parse() {
    replay("parse", checks::parse);
}
