#!/usr/bin/env bash
# `make bench`: the one place speed and size are measured. Runs the criterion
# benches (native), the Node harness (wasm) and the same figures in headless
# Chromium in one go, prints one table, and writes target/bench/results.json.
# Figures are medians after warm-up; ratios come from the same run. Shared
# machines are noisy: compare ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || export PATH="$PATH:${CARGO_HOME:-$HOME/.cargo}/bin"
mkdir -p target/bench
echo "bench: criterion (native)"
# Without the CLI feature, so the CLI binary is not built: under the bench
# profile (release settings with unwinding forced) rust-lld has failed to
# link it, depending on the code. The benches only use the library. A target
# directory of its own keeps the bench profile's objects apart.
CARGO_TARGET_DIR=target/bench-build \
  cargo bench --locked --no-default-features --bench evaluate -- --warm-up-time 1 --measurement-time 3 --noplot \
  > target/bench/criterion.log 2>&1 \
  || { cat target/bench/criterion.log; echo "bench: cargo bench failed" >&2; exit 1; }
grep -E -A1 "^(native_|write_|compare/|ocds/|limits/)[a-z_0-9]*$|^(native_|write_|compare/|ocds/|limits/)[a-z_0-9]* +time:" target/bench/criterion.log | grep -v "^--$" || true
echo "bench: the engine module without its Spanish texts (to weigh them)"
# The same build as scripts/build-pkg.sh's engine module, with the feature
# `english-only`: the difference in gzip size is what the Spanish texts cost.
(
  . scripts/wasm-env.sh
  english_target="${CARGO_TARGET_DIR:-$PWD/target}/english-only"
  CARGO_TARGET_DIR="$english_target" CARGO_PROFILE_RELEASE_OPT_LEVEL="${CTIP_WASM_OPT_LEVEL:-2}" \
    cargo build --quiet --locked --target wasm32-unknown-unknown --release --lib \
    --no-default-features --features english-only --config 'profile.release.package."*".opt-level="s"'
  wasm-bindgen --target web --out-dir target/bench/english-only --out-name ctip_screen_wasm \
    "$english_target/wasm32-unknown-unknown/release/ctip_screen.wasm"
  node scripts/wasm-opt.mjs target/bench/english-only/ctip_screen_wasm_bg.wasm
)
echo "bench: node harness (wasm)"
node tests/bench/wasm-bench.mjs > target/bench/wasm.json
echo "bench: headless Chromium (wasm in the browser)"
rm -f target/bench/chromium.json
node tests/bench/chromium-bench.mjs > target/bench/chromium.json \
  || { rm -f target/bench/chromium.json; echo "bench: no Chromium figures (scripts/setup.sh browser installs it)" >&2; }
node scripts/bench-report.mjs
