# shellcheck shell=bash
# scripts/ensure-tools.sh — idempotent tool installation for pacte-rules.
#
# Usage (from any directory):
#   source scripts/ensure-tools.sh
#   ensure_rust_toolchain     # rust-toolchain.toml's Rust, clippy, rustfmt, wasm32 target
#   ensure_wasm_bindgen_cli   # wasm-bindgen-cli at the version Cargo.lock pins
#   ensure_node_deps          # npm ci (when needed) + node_modules/.bin on PATH
#   ensure_chromium           # Debian chromium + chromium-driver, CHROMIUM_PATH
#   ensure_all                # all of the above, in that order
#
# or, without sourcing:  bash scripts/ensure-tools.sh [ensure_fn ...]
#
# Every function is silent when its tool is already present and prints exactly
# one line (on stderr) when it installs something. Installer output goes to a
# log file whose tail is shown only on failure. Functions return non-zero on
# failure and are safe under `set -euo pipefail`. Sourcing this file does not
# change the caller's shell options; it only adds ~/.cargo/bin to PATH.
#
# Notes for this environment:
#  * Prebuilt binaries cannot be downloaded here, so wasm-bindgen-cli is built
#    with `cargo install` (the slowest step of a fresh machine, done once).
#  * wasm-bindgen-cli must match the `wasm-bindgen` crate version in Cargo.lock
#    exactly: it refuses a .wasm made by another version.
#  * wasm-opt comes from the npm package `binaryen` (node_modules/.bin/wasm-opt),
#    hence ensure_node_deps puts .bin on PATH.
#  * Never `npx playwright install` (cannot download); browser tests drive the
#    Debian chromium at /usr/bin/chromium through `playwright-core`.

# Repository root, derived from this file's location (works when sourced).
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
export ROOT

# Where installer logs go.
: "${ENSURE_TOOLS_LOG_DIR:=${TMPDIR:-/tmp}/pacte-ensure-tools}"

# --- helpers ------------------------------------------------------------------

_et_say() { printf 'ensure-tools: %s\n' "$*" >&2; }

# Prepend a directory to PATH unless it is already there.
_et_path_prepend() {
  case ":${PATH:-}:" in
    *":$1:"*) ;;
    *) PATH="$1${PATH:+:$PATH}"; export PATH ;;
  esac
}

# _et_run NAME CMD... : run CMD with its output captured in a log file; on
# failure print the log's tail and return the command's status.
_et_run() {
  local name="$1"; shift
  local log rc=0
  mkdir -p -- "$ENSURE_TOOLS_LOG_DIR" || return 1
  log="$ENSURE_TOOLS_LOG_DIR/$name.log"
  "$@" >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    _et_say "FAILED ($rc): $* — last lines of $log:"
    tail -n 40 -- "$log" >&2 || true
  fi
  return "$rc"
}

_et_need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    _et_say "required command '$1' not found${2:+ ($2)}"
    return 1
  fi
}

# Commands needing root: run directly as root, else through sudo if present.
_et_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    _et_say "need root to run: $*"
    return 1
  fi
}

# _et_cargo_install CRATE VERSION: `cargo install CRATE --version VERSION
# --locked`. If the crate's own lockfile pins a dependency version that this
# machine's registry does not serve (seen here: wasm-bindgen-cli 0.2.130 locks
# webpki-roots 1.0.11, absent from the reachable index), retry once without
# --locked so cargo resolves the newest semver-compatible versions available.
_et_cargo_install() {
  local crate="$1" version="$2" log
  _et_need cargo "install Rust via rustup" || return 1
  log="$ENSURE_TOOLS_LOG_DIR/$crate.log"
  if _et_run "$crate" cargo install "$crate" --version "$version" --locked --force 2>/dev/null; then
    hash -r; return 0
  fi
  if grep -q 'failed to select a version' "$log" 2>/dev/null; then
    _et_say "$crate $version: its Cargo.lock pins a dependency the registry lacks; retrying without --locked"
    _et_run "$crate" cargo install "$crate" --version "$version" --force || return 1
    hash -r; return 0
  fi
  _et_say "cargo install $crate $version --locked failed — last lines of $log:"
  tail -n 40 -- "$log" >&2 || true
  return 1
}

# Cargo-installed binaries must be found.
_et_path_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"

# --- Rust / wasm ---------------------------------------------------------------

# The toolchain that rust-toolchain.toml names, with its components and the
# wasm target. rustup does not install it by itself where RUSTUP_AUTO_INSTALL=0;
# `rustup toolchain install` with no argument reads that file.
ensure_rust_toolchain() {
  _et_need rustup "install Rust via rustup" || return 1
  if (cd "$ROOT" && cargo fmt --version && cargo clippy --version \
      && rustup target list --installed | grep -qx wasm32-unknown-unknown) >/dev/null 2>&1; then
    return 0
  fi
  _et_say "installing the Rust toolchain of rust-toolchain.toml (rustup toolchain install)"
  (cd "$ROOT" && _et_run rustup-toolchain rustup toolchain install)
}

# Prints the version of the `wasm-bindgen` crate pinned in $ROOT/Cargo.lock.
wasm_bindgen_lock_version() {
  local lock="$ROOT/Cargo.lock" versions count
  if [ ! -f "$lock" ]; then
    _et_say "no Cargo.lock at $lock (run 'cargo generate-lockfile' first); cannot tell which wasm-bindgen-cli to install"
    return 1
  fi
  versions="$(awk '
    /^\[\[package\]\]/ { name = ""; next }
    /^name = /         { name = $3; gsub(/"/, "", name); next }
    /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v }
  ' "$lock" | sort -u)" || return 1
  count="$(printf '%s' "$versions" | grep -c . || true)"
  if [ "$count" -eq 0 ]; then
    _et_say "Cargo.lock does not contain the wasm-bindgen crate; cannot tell which wasm-bindgen-cli to install"
    return 1
  fi
  if [ "$count" -gt 1 ]; then
    _et_say "Cargo.lock pins several wasm-bindgen versions ($(printf '%s' "$versions" | tr '\n' ' ')); pin exactly one"
    return 1
  fi
  printf '%s\n' "$versions"
}

# ensure_wasm_bindgen_cli [VERSION]
# VERSION defaults to the wasm-bindgen version in Cargo.lock (the normal use);
# passing it explicitly is only meant for pre-warming a machine.
ensure_wasm_bindgen_cli() {
  local want="${1:-}" have=""
  if [ -z "$want" ]; then
    want="$(wasm_bindgen_lock_version)" || return 1
  fi
  if command -v wasm-bindgen >/dev/null 2>&1; then
    # Output looks like: "wasm-bindgen 0.2.130"
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2; exit}')" || have=""
  fi
  if [ "$have" = "$want" ]; then
    return 0
  fi
  _et_say "installing wasm-bindgen-cli $want${have:+ (found $have)} via cargo install (slow)"
  _et_cargo_install wasm-bindgen-cli "$want"
}

# --- Node ----------------------------------------------------------------------

ensure_node_deps() {
  local nm="$ROOT/node_modules"
  if [ ! -f "$ROOT/package-lock.json" ]; then
    _et_say "no package-lock.json at $ROOT"
    return 1
  fi
  if [ ! -d "$nm" ] || [ ! -f "$nm/.package-lock.json" ] \
     || [ "$ROOT/package-lock.json" -nt "$nm/.package-lock.json" ]; then
    _et_need npm "install Node.js" || return 1
    _et_say "installing node dependencies (npm ci)"
    _et_run npm-ci npm --prefix "$ROOT" ci --no-audit --no-fund --loglevel=error || return 1
  fi
  # wasm-opt (binaryen), tsc, esbuild, ...
  _et_path_prepend "$nm/.bin"
  hash -r
}

# --- Browser -------------------------------------------------------------------

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    _et_need apt-get "Debian/Ubuntu only" || return 1
    _et_say "installing chromium and chromium-driver (apt-get)"
    _et_run apt-get-update _et_as_root env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    _et_run apt-get-install _et_as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y chromium chromium-driver || return 1
  fi
  CHROMIUM_PATH=/usr/bin/chromium
  export CHROMIUM_PATH
}

# --- everything ----------------------------------------------------------------

ensure_all() {
  ensure_rust_toolchain &&
  ensure_wasm_bindgen_cli &&
  ensure_node_deps &&
  ensure_chromium
}

# Executed rather than sourced: run the named functions (default: ensure_all).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ "$#" -eq 0 ]; then set -- ensure_all; fi
  for _et_fn in "$@"; do
    case "$_et_fn" in
      ensure_*|wasm_bindgen_lock_version) "$_et_fn" ;;
      *) _et_say "unknown function: $_et_fn"; exit 2 ;;
    esac
  done
fi
