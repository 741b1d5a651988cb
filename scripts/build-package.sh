#!/usr/bin/env bash
# Builds the npm package `pacte-rules` into pkg/: the engine and the import
# of platform data, compiled to WebAssembly for the browser (web), bundlers and
# Node, the <pacte-progress> widget, and a package.json whose `exports` map gives each environment its build.
# Then copies pkg/ into www/pkg/ for the pages. Idempotent.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/ensure-tools.sh"
cd "$ROOT"
ensure_wasm_target
ensure_wasm_pack
ensure_wasm_bindgen_cli
ensure_node_deps # puts binaryen's wasm-opt on PATH, which wasm-pack uses

rm -rf pkg
# Two modules, each for the browser (web), bundlers and Node: the engine, and
# the import of platform data (pages that only show progress never load it).
for module in engine import; do
  features=wasm name=pacte_rules prefix=pkg
  if [ "$module" = import ]; then features=wasm-import name=pacte_import prefix=pkg/import; fi
  for target in web bundler nodejs; do
    dir="$prefix/${target/nodejs/node}"
    wasm-pack --log-level warn build --release --no-pack --target "$target" --out-dir "$dir" --out-name "$name" \
      -- --no-default-features --features "$features"
    rm -f "$dir/.gitignore"
    # wasm-bindgen's Node build is CommonJS; the rest of the package is ES modules.
    if [ "$target" = nodejs ]; then echo '{ "type": "commonjs" }' > "$dir/package.json"; fi
  done
done
mkdir -p pkg/widget
cp www/widget/*.js pkg/widget/
cp README.md pkg/README.md
node scripts/package-json.mjs > pkg/package.json

# Swapped in whole, so a page being served never sees half a package.
rm -rf www/pkg.next
cp -r pkg www/pkg.next
rm -rf www/pkg
mv www/pkg.next www/pkg
node scripts/wasm-size.mjs
