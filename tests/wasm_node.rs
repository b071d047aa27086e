//! wasm-bindgen tests of the exported functions, run in Node by
//! wasm-bindgen-test-runner (`scripts/test.sh wasm-node`).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

mod wasm_common;

wasm_suite!();
