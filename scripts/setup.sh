#!/usr/bin/env bash
# Installs everything `make demo`, `make test` and `make bench` need, and
# nothing twice: every step first checks whether its result is already there.
#
#   1. a Rust target for wasm32-unknown-unknown: rustup's when it can download,
#      otherwise Debian's rustc-web with a wasm32 std built from its source
#      (see the README's "Toolchain" section for why);
#   2. wasm-bindgen-cli at exactly the version in Cargo.lock, and wasm-pack;
#   3. Chromium and ChromeDriver from Debian (tests never download a browser);
#   4. the Node packages of package-lock.json (npm ci);
#   5. cargo-deny, which `make test` runs on licenses, bans and sources.
#
# Usage: scripts/setup.sh [all|rust|wasm|browser|node|deny]   (default: all)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/wasm-env.sh
. scripts/wasm-env.sh

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    timeout 600 $SUDO apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive timeout 1200 $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* failed"
}

# --- 1. wasm32 target -------------------------------------------------------

# scripts/wasm-env.sh picks a route only where a wasm32 std is really there.
wasm_std_present() {
  . scripts/wasm-env.sh
  [ "$(wasm_route)" != none ]
}

setup_wasm_target() {
  if wasm_std_present; then
    say "wasm32 target: present ($(wasm_route))"
    return
  fi
  if [ -z "${CTIP_PREFER_DEBIAN:-}" ] && command -v rustup >/dev/null; then
    say "wasm32 target: trying 'rustup target add' (60 s at most)"
    if timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
      . scripts/wasm-env.sh
      if wasm_std_present; then say "wasm32 target: installed by rustup"; return; fi
    fi
    say "wasm32 target: rustup could not download it; building std from Debian's rust-web-src"
  fi
  build_debian_wasm_std
  . scripts/wasm-env.sh
  wasm_std_present || die "the wasm32 std was built but rustc still cannot find it"
  say "wasm32 target: built from source ($(wasm_route))"
}

build_debian_wasm_std() {
  if ! [ -x /usr/bin/rustc ] || ! /usr/bin/rustc --version 2>/dev/null | grep -q '^rustc 1\.\(8[5-9]\|9[0-9]\|1[0-9][0-9]\)' \
     || ! [ -d /usr/lib/rustlib/src/rust/library ] || ! command -v "$DEBIAN_WASM_LD" >/dev/null \
     || ! [ -x /usr/bin/cargo-clippy ]; then
    apt_install rustc-web cargo-web rust-web-src rust-web-clippy "lld-${DEBIAN_LLVM}"
  fi
  local libdir=/usr/lib/rustlib/wasm32-unknown-unknown/lib
  local work="$ROOT/target/wasm-std-build"
  rm -rf "$work"
  mkdir -p "$work/src"
  cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "ctip_std_probe"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
  echo '#![no_std]' >"$work/src/lib.rs"
  say "building the wasm32 std with /usr/bin/cargo (about 2 minutes on 2 cores)"
  (cd "$work" && env -u RUSTUP_TOOLCHAIN PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      RUSTFLAGS="-Cembed-bitcode=yes" CARGO_TARGET_DIR="$work/target" \
      timeout 1800 /usr/bin/cargo build --quiet --release --target wasm32-unknown-unknown \
      -Zbuild-std=std,panic_abort,test) || die "building the wasm32 std failed"
  $SUDO mkdir -p "$libdir"
  find "$work/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libctip_std_probe-*' \
    -exec $SUDO cp {} "$libdir/" \;
  rm -rf "$work" "$ROOT/target/wasm"
}

# --- 2. wasm-bindgen-cli and wasm-pack ---------------------------------------

locked_version() {
  # The version of crate $1 in Cargo.lock (the wasm-bindgen CLI must match it exactly).
  awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_wasm_tools() {
  local want
  want=$(locked_version wasm-bindgen)
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$want" ]; then
    say "wasm-bindgen-cli $want: present"
  else
    say "cargo install wasm-bindgen-cli $want (about 4 minutes)"
    # Not --locked: one locked dependency version of 0.2.130 has been yanked.
    timeout 1800 cargo install --quiet wasm-bindgen-cli --version "=$want" --force \
      || die "cargo install wasm-bindgen-cli failed"
  fi
  if command -v wasm-pack >/dev/null && wasm-pack --version >/dev/null 2>&1; then
    say "wasm-pack: present ($(wasm-pack --version))"
  else
    say "cargo install wasm-pack (about 5 minutes)"
    timeout 1800 cargo install --quiet wasm-pack --locked || die "cargo install wasm-pack failed"
  fi
}

# --- 3. Chromium --------------------------------------------------------------

setup_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "chromium + chromedriver: present"
    return
  fi
  apt_install chromium chromium-driver fonts-dejavu-core
}

# --- 4. Node packages ---------------------------------------------------------

setup_node() {
  command -v node >/dev/null || apt_install nodejs npm
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"
  local stamp=node_modules/.package-lock.json
  if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ -x node_modules/.bin/tsc ]; then
    say "node packages: present"
    return
  fi
  say "npm ci"
  timeout 600 npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
}

# --- 5. cargo-deny -----------------------------------------------------------

setup_deny() {
  if cargo deny --version >/dev/null 2>&1; then
    say "cargo-deny: present ($(cargo deny --version))"
    return
  fi
  say "cargo install cargo-deny (about 6 minutes)"
  timeout 1800 cargo install --quiet cargo-deny --locked || die "cargo install cargo-deny failed"
}

case "${1:-all}" in
  rust) ;;
  wasm) setup_wasm_target; setup_wasm_tools ;;
  browser) setup_browser ;;
  node) setup_node ;;
  deny) setup_deny ;;
  all) setup_wasm_target; setup_wasm_tools; setup_browser; setup_node; setup_deny ;;
  *) die "unknown step '$1' (all, wasm, browser, node or deny)" ;;
esac
say "done"
