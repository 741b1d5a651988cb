#!/usr/bin/env bash
# Every test: the Rust engine (native), a bounded fuzzing of every parser,
# its wasm build, the npm package in
# Node (engine, parity with native, install as a portal developer would), the
# pages' JavaScript against the package's types, the pages in a real browser,
# and the formatting and lints of the Rust and the JavaScript. Installs what
# is missing; safe to run again.
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

echo "== fuzz: every parser's target, 20,000 inputs each from the fixtures, a fixed seed (scripts/fuzz.sh --runs)"
bash scripts/fuzz.sh --runs 20000

echo "== npm package: build, then Node tests (the install test opens Debian chromium too)"
bash scripts/build-package.sh
ensure_node_deps
ensure_chromium
node --test --test-reporter=spec tests/package/

echo "== pages: tsc --checkJs against the package's types (www/tsconfig.json)"
tsc -p www

echo "== pages: browser tests (Debian chromium)"
node --test --test-concurrency=1 --test-reporter=spec tests/browser/

# Last, so that a formatting slip does not hide the tests' verdict; both run,
# so one report names everything to reformat.
echo "== formatting and JS lints: cargo fmt --check, biome check (biome.jsonc)"
status=0
cargo fmt --all --check || status=1
biome check --error-on-warnings || status=1
exit "$status"
