#!/usr/bin/env bash
# `make bench`: the one place speed and size are measured. Runs the criterion
# benches (native) and the Node harness (wasm) in one go, prints one table,
# and writes target/bench/results.json. Figures are medians after warm-up;
# ratios come from the same run. Shared machines are noisy: compare ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
echo "bench: criterion (native)"
cargo bench --locked --bench evaluate -- --warm-up-time 1 --measurement-time 3 --noplot 2>&1 | grep -E "^[a-z_/0-9]+ +time:|^(native|compare|ocds)" || true
echo "bench: node harness (wasm)"
node tests/bench/wasm-bench.mjs > target/bench/wasm.json
node scripts/bench-report.mjs
