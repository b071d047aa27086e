# Sourced (not run) before every wasm build: picks the Rust toolchain that can
# build wasm32-unknown-unknown on this machine and exports what cargo,
# wasm-pack and wasm-bindgen need to use it.
#
# Routes, in order of preference:
#   rustup  - rustup's toolchain has the wasm32 target (normal machines);
#   debian  - Debian's rustc-web at /usr/bin with a wasm32 std built from
#             rust-web-src by scripts/setup.sh (machines where rustup cannot
#             download targets). Its linker is wasm-ld from the LLVM that
#             rustc itself was built with, and its build output lives in
#             target/wasm so the two compilers never rebuild each other's
#             host artifacts;
#   none    - neither yet: scripts/setup.sh installs one.

CARGO_BIN_DIR="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN_DIR:"*) ;; *) PATH="$PATH:$CARGO_BIN_DIR" ;; esac
export PATH

CTIP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"

DEBIAN_LLVM=22
if [ -x /usr/bin/rustc ]; then
  _llvm=$(/usr/bin/rustc -vV 2>/dev/null | awk '/^LLVM version:/ { split($3, v, "."); print v[1] }')
  [ -n "$_llvm" ] && DEBIAN_LLVM=$_llvm
  unset _llvm
fi
DEBIAN_WASM_LD="wasm-ld-${DEBIAN_LLVM}"

_rustup_has_wasm() {
  command -v rustup >/dev/null 2>&1 || return 1
  local libdir
  libdir=$(rustup run "$(rustup show active-toolchain 2>/dev/null | awk '{print $1}')" \
    rustc --target wasm32-unknown-unknown --print target-libdir 2>/dev/null) || return 1
  compgen -G "$libdir/libstd-*.rlib" >/dev/null
}

_debian_has_wasm() {
  [ -x /usr/bin/rustc ] && command -v "$DEBIAN_WASM_LD" >/dev/null 2>&1 \
    && compgen -G "/usr/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null
}

# CTIP_PREFER_DEBIAN=1 takes the Debian route even where rustup works (to
# check that route on a machine that has both).
if [ -z "${CTIP_PREFER_DEBIAN:-}" ] && _rustup_has_wasm; then
  CTIP_WASM_ROUTE=rustup
elif _debian_has_wasm; then
  CTIP_WASM_ROUTE=debian
  unset RUSTUP_TOOLCHAIN
  PATH="/usr/bin:$PATH"
  export PATH
  export RUSTC=/usr/bin/rustc
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$DEBIAN_WASM_LD"
  export CARGO_TARGET_DIR="$CTIP_ROOT/target/wasm"
else
  CTIP_WASM_ROUTE=none
fi

wasm_route() { echo "$CTIP_WASM_ROUTE"; }

# The modules ship to users, so the source paths their panic messages carry
# must not name this machine's directories: the registry's source folders
# (whose names include the registry's host), git checkouts and this checkout
# are written as /deps/..., /git/... and /ctip-screen/... instead. Only wasm
# builds take these flags; the host's builds keep their own.
_ctip_remap="--remap-path-prefix=$CTIP_ROOT=/ctip-screen"
for _dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$_dir" ] && _ctip_remap="$_ctip_remap --remap-path-prefix=${_dir%/}=/deps"
done
[ -d "${CARGO_HOME:-$HOME/.cargo}/git/checkouts" ] &&
  _ctip_remap="$_ctip_remap --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/git/checkouts=/git"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$_ctip_remap"
unset _ctip_remap _dir
