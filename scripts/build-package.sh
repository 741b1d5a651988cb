#!/usr/bin/env bash
# Builds the npm package `pacte-rules` into pkg/: the engine compiled to
# WebAssembly for the browser (web), bundlers and Node, the <pacte-progress>
# widget, and a package.json whose `exports` map gives each environment its build.
# Then copies pkg/ into www/pkg/ for the pages. Idempotent.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/ensure-tools.sh"
cd "$ROOT"
ensure_wasm_target
ensure_wasm_pack
ensure_wasm_bindgen_cli
ensure_node_deps # puts binaryen's wasm-opt on PATH, which wasm-pack uses

rm -rf pkg
for target in web bundler nodejs; do
  dir=${target/nodejs/node}
  wasm-pack --log-level warn build --release --no-pack --target "$target" --out-dir "pkg/$dir" --out-name pacte_rules \
    -- --no-default-features --features wasm
  rm -f "pkg/$dir/.gitignore"
done
# wasm-bindgen's Node build is CommonJS; the rest of the package is ES modules.
echo '{ "type": "commonjs" }' > pkg/node/package.json
mkdir -p pkg/widget
cp www/widget/*.js pkg/widget/ 2>/dev/null || true
cp README.md pkg/README.md
node scripts/package-json.mjs > pkg/package.json

rm -rf www/pkg
cp -r pkg www/pkg
node scripts/wasm-size.mjs
