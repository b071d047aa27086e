#!/usr/bin/env bash
# Builds the npm package in pkg/: the engine's wasm module (wasm-pack,
# release, no CLI features) and the OCDS import module, both shrunk by
# wasm-opt, plus the JavaScript shim, types, panel CSS and package.json
# (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh
if [ "$(wasm_route)" = none ]; then
  echo "build-pkg: no wasm32 toolchain yet; run scripts/setup.sh (make does this for you)" >&2
  exit 1
fi
echo "build-pkg: wasm-pack build (route: $(wasm_route))"
# The engine module at opt-level 2: 13% faster than at "s" in Chromium, which
# brings evaluateBid within 3x the JSON round trip there, for 53 KB (10 KB
# gzip) more (README, Performance). CTIP_WASM_OPT_LEVEL=s builds the smaller,
# slower module. Natively the crate builds at 3 (Cargo.toml).
# The dependencies' own code (SHA-256 above all) is built for size: 18 KB
# (2 KB gzip) less, with no change in speed, as the time goes to this
# crate's code (README, Performance).
CARGO_PROFILE_RELEASE_OPT_LEVEL="${CTIP_WASM_OPT_LEVEL:-2}" wasm-pack --quiet build --mode no-install --no-pack --target web --release \
  --out-dir pkg --out-name ctip_screen_wasm . -- --no-default-features \
  --config 'profile.release.package."*".opt-level="s"'
# The OCDS import module: the same crate with the `ocds-module` feature, in a
# target directory of its own so that the two builds do not undo each
# other's caching. The shim fetches it the first time ocdsToBids is called;
# built for size, as it runs once per imported file.
echo "build-pkg: OCDS import module"
ocds_target="${CARGO_TARGET_DIR:-$PWD/target}/ocds-module"
CARGO_TARGET_DIR="$ocds_target" CARGO_PROFILE_RELEASE_OPT_LEVEL=s cargo build --quiet --locked \
  --target wasm32-unknown-unknown --release --lib --no-default-features --features ocds-module
wasm-bindgen --target web --out-dir pkg --out-name ctip_screen_ocds \
  "$ocds_target/wasm32-unknown-unknown/release/ctip_screen.wasm"
node scripts/package.mjs
