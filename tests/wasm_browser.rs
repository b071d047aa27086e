//! wasm-bindgen tests of the exported functions, run in headless Chromium by
//! wasm-bindgen-test-runner and ChromeDriver (`scripts/test.sh wasm-chromium`).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

mod wasm_common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

wasm_suite!();
