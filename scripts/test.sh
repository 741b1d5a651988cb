#!/usr/bin/env bash
# Every test: the Rust engine (native), its wasm build, the npm package in
# Node (engine, parity with native, install as a portal developer would), the
# pages' JavaScript against the package's types, the pages in a real browser,
# and the formatting of Rust. Installs what is missing; safe to run again.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/ensure-tools.sh"
cd "$ROOT"

ensure_rust_toolchain

echo "== Rust: tests"
cargo test --all-targets

echo "== Rust: clippy on every feature set (native engine and CLI; wasm32 engine module; wasm32 import module)"
cargo clippy --all-targets -- -D warnings
for module in engine import; do
  cargo clippy -p pacte-wasm --features "$module" --target wasm32-unknown-unknown -- -D warnings
done

echo "== npm package: build, then Node tests (the install test opens Debian chromium too)"
bash scripts/build-package.sh
ensure_node_deps
ensure_chromium
node --test --test-reporter=spec tests/package/

echo "== pages: tsc --checkJs against the package's types (www/tsconfig.json)"
tsc -p www

echo "== pages: browser tests (Debian chromium)"
node --test --test-concurrency=1 --test-reporter=spec tests/browser/

# Last, so that a formatting slip does not hide the tests' verdict.
echo "== formatting: cargo fmt --check"
cargo fmt --all --check
