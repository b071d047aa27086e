#!/usr/bin/env bash
# Runs every test suite, prints how many tests each ran, and fails if any
# suite fails or runs none. `make test` calls it after setup and `make pkg`.
#
#   scripts/test.sh            all suites
#   scripts/test.sh js browser only the named suites
set -uo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || export PATH="$PATH:${CARGO_HOME:-$HOME/.cargo}/bin"
LOGS=target/test-logs
mkdir -p "$LOGS"

declare -a SUMMARY=()
TOTAL=0
FAILED_SUITES=0

# run_suite NAME COUNTER COMMAND...
#   COUNTER is how the suite's own output gives its count: cargo (sums
#   "test result: ok. N passed"), node (the "tests N" line of node --test),
#   or check (no count: a pass/fail check such as rustfmt).
run_suite() {
  local name=$1 counter=$2
  shift 2
  local log="$LOGS/$name.log"
  printf '\n\033[1m== %s ==\033[0m %s\n' "$name" "$*"
  local status=0
  "$@" 2>&1 | tee "$log" || status=$?
  local count=0
  case "$counter" in
    cargo) count=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}') ;;
    node) count=$(grep -E '^(ℹ|#) tests [0-9]+' "$log" | tail -1 | awk '{print $3}') ;;
    check) count=1 ;;
  esac
  count=${count:-0}
  if [ "$status" -ne 0 ]; then
    SUMMARY+=("FAIL  $name (exit $status; log: $log)")
    FAILED_SUITES=$((FAILED_SUITES + 1))
  elif [ "$counter" != check ] && [ "$count" -eq 0 ]; then
    SUMMARY+=("FAIL  $name ran no tests (log: $log)")
    FAILED_SUITES=$((FAILED_SUITES + 1))
  elif [ "$counter" = check ]; then
    SUMMARY+=("ok    $name")
  else
    SUMMARY+=("ok    $name: $count tests passed")
    TOTAL=$((TOTAL + count))
  fi
}

wasm_test() (
  # A subshell: the wasm toolchain's environment must not leak into the
  # native suites. The wasm-bindgen test runner runs each wasm test binary,
  # in Node or, for suites configured run_in_browser, in headless Chromium.
  . scripts/wasm-env.sh
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --locked --target wasm32-unknown-unknown --no-default-features "$@"
)

SELECTED="$*"
sel() { [ -z "$SELECTED" ] || [[ " $SELECTED " == *" $1 "* ]]; }

sel fmt && run_suite fmt check cargo fmt --all --check
sel clippy && run_suite clippy check cargo clippy --all-targets --locked -- -D warnings
# Both wasm builds: the engine module, and the OCDS import module (in the
# target directory build-pkg.sh gives it).
sel clippy-wasm && run_suite clippy-wasm check bash -c '. scripts/wasm-env.sh && cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings \
  && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/ocds-module" cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --features ocds-module --lib -- -D warnings'
sel rust && run_suite rust cargo cargo test --locked --all-targets
sel doc && run_suite doctest cargo cargo test --locked --doc
sel wasm-node && run_suite wasm-node cargo wasm_test --test wasm_node
sel wasm-chromium && run_suite wasm-chromium cargo wasm_test --test wasm_browser
sel types && run_suite types check node_modules/.bin/tsc -p tests/types/tsconfig.json
# Licenses, banned crates and sources (deny.toml); advisories need a
# database download these machines cannot make.
sel deny && run_suite deny check cargo deny --locked check licenses bans sources
sel js && run_suite js node node --test --test-reporter=spec --test-timeout=120000 tests/js/
sel browser && run_suite browser node node --test --test-reporter=spec --test-concurrency=1 --test-timeout=180000 tests/browser/

printf '\n\033[1m== summary ==\033[0m\n'
printf '%s\n' "${SUMMARY[@]}"
if [ "$FAILED_SUITES" -ne 0 ]; then
  echo "tests: $TOTAL passed, $FAILED_SUITES suite(s) failed"
  exit 1
fi
echo "tests: $TOTAL passed, 0 failed"
