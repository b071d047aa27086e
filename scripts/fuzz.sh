#!/usr/bin/env bash
# `make fuzz`: runs each fuzz target (fuzz/fuzz_targets/, cargo-fuzz and
# libFuzzer on the nightly toolchain) for FUZZ_SECONDS seconds (default
# 300), starting from the inputs in tests/fuzz-regressions/ and the corpus
# kept in fuzz/corpus/ (not committed). Every crash or timeout found is
# copied to tests/fuzz-regressions/<target>/, which `make test` replays with
# the stable toolchain; commit it with the fix.
#
#   scripts/fuzz.sh [target...]     (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || export PATH="$PATH:${CARGO_HOME:-$HOME/.cargo}/bin"
SECONDS_EACH=${FUZZ_SECONDS:-300}
say() { printf '\033[1mfuzz:\033[0m %s\n' "$*"; }

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  say "cargo fuzz needs a nightly toolchain (rustup toolchain install nightly); make test does not"
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "cargo install cargo-fuzz (a few minutes, once)"
  timeout 1800 cargo install --quiet cargo-fuzz --locked
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(evaluate policy compare ocds parse)
found=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  say "$t for ${SECONDS_EACH} s"
  status=0
  # -timeout: an input that takes 10 s is a finding (a slow path), as a crash is.
  cargo +nightly fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" "tests/fuzz-regressions/$t" -- \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    > "fuzz/artifacts/$t.log" 2>&1 || status=$?
  grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "fuzz/artifacts/$t.log" | tail -2 || true
  for artifact in fuzz/artifacts/"$t"/*; do
    [ -f "$artifact" ] || continue
    name=$(basename "$artifact")
    cp "$artifact" "tests/fuzz-regressions/$t/$name"
    rm -f "$artifact"
    say "$t: found $name; copied to tests/fuzz-regressions/$t/ (see fuzz/artifacts/$t.log)"
    found=$((found + 1))
  done
  if [ "$status" != 0 ] && [ "$found" = 0 ]; then
    tail -20 "fuzz/artifacts/$t.log"
    say "$t: cargo fuzz failed (status $status)"
    exit 1
  fi
done
if [ "$found" != 0 ]; then
  say "$found finding(s): fix them, then 'make test' replays them"
  exit 1
fi
say "no findings"
