//! For `make bench` only: the native side of `wasm_rust_over_native`,
//! measured in turns with the wasm side (tests/bench/wasm-bench.mjs runs
//! this once per turn), so that a change in the host's load between the two
//! measurements does not skew their ratio. Parses, evaluates and serializes
//! the typical bid as `native_end_to_end` does (criterion), with the CLI's
//! allocator, and prints the median time per call in nanoseconds of
//! `BATCHES` batches after a warm-up.
//!
//! Usage: `evaluate_loop [CALLS_PER_BATCH]` (default 200).

use ctip_screen::{api, date::Date, engine};
use std::hint::black_box;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TYPICAL: &str = include_str!("../tests/fixtures/typical-bid.json");
const BATCHES: usize = 9;

fn call(as_of: Date) -> usize {
    let Ok(value) = engine::parse_json(black_box(TYPICAL)) else {
        return 0;
    };
    let options = api::EvaluateOptions::default();
    api::evaluate_value(&value, &options, as_of).map_or(0, |a| api::to_json(&a).len())
}

fn main() -> std::process::ExitCode {
    let calls = std::env::args()
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(200)
        .max(1);
    let Some(as_of) = Date::parse("2026-03-02") else {
        return std::process::ExitCode::FAILURE;
    };
    let mut sink = 0usize;
    for _ in 0..calls {
        sink = sink.wrapping_add(call(as_of));
    }
    let mut times: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..calls {
                sink = sink.wrapping_add(call(as_of));
            }
            start.elapsed().as_nanos() as f64 / calls as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    if sink == 0 {
        return std::process::ExitCode::FAILURE;
    }
    println!("{:.0}", times.get(BATCHES / 2).copied().unwrap_or(0.0));
    std::process::ExitCode::SUCCESS
}
