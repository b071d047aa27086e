#!/usr/bin/env bash
# Builds the npm package in pkg/: the wasm module (wasm-pack, release, no
# CLI features), shrunk by wasm-opt, plus the JavaScript shim, types, panel
# CSS and package.json (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh
if [ "$(wasm_route)" = none ]; then
  echo "build-pkg: no wasm32 toolchain yet; run scripts/setup.sh (make does this for you)" >&2
  exit 1
fi
echo "build-pkg: wasm-pack build (route: $(wasm_route))"
# Optimized for size here (the download), for speed natively (Cargo.toml).
CARGO_PROFILE_RELEASE_OPT_LEVEL=s wasm-pack --quiet build --mode no-install --no-pack --target web --release \
  --out-dir pkg --out-name ctip_screen_wasm . -- --no-default-features
node scripts/package.mjs
