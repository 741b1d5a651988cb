#!/usr/bin/env bash
# Builds the npm package `pacte-rules` into pkg/: the engine and the import
# of platform data, compiled to WebAssembly once each (cargo), wrapped for the
# browser and bundlers (web) and for Node's require (node) by wasm-bindgen,
# shrunk by wasm-opt; the <pacte-progress> widget; and a package.json whose
# `exports` map gives each environment its build. Then copies pkg/ into
# www/pkg/ for the pages. Idempotent.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/ensure-tools.sh"
cd "$ROOT"
ensure_wasm_target
ensure_wasm_bindgen_cli
ensure_node_deps # binaryen's wasm-opt

rm -rf pkg
# Two modules (pages that only show progress never load the import), each
# one cargo build, then one wasm-bindgen run per environment.
for module in engine import; do
  name=pacte_rules prefix=pkg
  if [ "$module" = import ]; then name=pacte_import prefix=pkg/import; fi
  echo "== wasm: $module module (cargo build --release)"
  cargo build --release --quiet --target wasm32-unknown-unknown -p pacte-wasm --features "$module"
  wasm="target/wasm32-unknown-unknown/release/pacte_wasm.wasm"
  for target in web nodejs; do
    dir="$prefix/${target/nodejs/node}"
    wasm-bindgen --target "$target" --out-dir "$dir" --out-name "$name" "$wasm"
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals -o "$dir/${name}_bg.wasm" "$dir/${name}_bg.wasm"
    # wasm-bindgen's Node build is CommonJS; the rest of the package is ES modules.
    if [ "$target" = nodejs ]; then echo '{ "type": "commonjs" }' > "$dir/package.json"; fi
  done
done
mkdir -p pkg/widget
cp www/widget/*.js pkg/widget/
cp README.md pkg/README.md
# The JSON Schemas of the documents people write (generated: pacte schemas schemas).
cp -r schemas pkg/schemas
node scripts/package-json.mjs > pkg/package.json

# Swapped in whole, so a page being served never sees half a package.
rm -rf www/pkg.next
cp -r pkg www/pkg.next
rm -rf www/pkg
mv www/pkg.next www/pkg
node scripts/wasm-size.mjs
