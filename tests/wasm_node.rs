//! wasm-bindgen tests of the exported functions, run in Node
//! (`wasm-pack test --node`).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

mod wasm_common;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn wage_rule_fires_in_node() {
    wasm_common::wage_rule_fires();
}

#[wasm_bindgen_test]
fn json_and_object_paths_agree_in_node() {
    wasm_common::json_and_object_paths_agree();
}

#[wasm_bindgen_test]
fn hostile_values_are_errors_in_node() {
    wasm_common::hostile_values_are_errors_not_panics();
}

#[wasm_bindgen_test]
fn catalogue_policy_version_in_node() {
    wasm_common::catalogue_policy_version();
}
