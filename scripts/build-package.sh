#!/usr/bin/env bash
# Builds the npm package `pacte-rules` into pkg/: the engine and the import
# of platform data, compiled to WebAssembly once each (cargo), wrapped for the
# browser and bundlers (web) and for Node's require (node) by wasm-bindgen,
# shrunk by wasm-opt; the hand-written files of package/ (Node's ES module
# entries, the types entries, the package's README); the <pacte-progress>
# widget and its types; and a package.json whose `exports` map gives each
# environment its build. Then copies pkg/ into www/pkg/ for the pages.
# Idempotent.
#
#   bash scripts/build-package.sh         the whole package
#   bash scripts/build-package.sh --web   only what the pages need (the web
#                                         builds and the widget): pkg/ then has
#                                         no package.json, so it cannot be packed
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/ensure-tools.sh"
cd "$ROOT"
targets=(web nodejs)
case "${1:-}" in
  "") ;;
  --web) targets=(web) ;;
  *) echo "usage: $0 [--web]" >&2; exit 2 ;;
esac
ensure_rust_toolchain
ensure_wasm_bindgen_cli
ensure_node_deps # binaryen's wasm-opt

rm -rf pkg
# Two modules (pages that only show progress never load the import), each
# one cargo build, then one wasm-bindgen run per environment.
for module in engine import; do
  name=pacte_rules prefix=pkg
  if [ "$module" = import ]; then name=pacte_import prefix=pkg/import; fi
  echo "== wasm: $module module (cargo build --release --target wasm32-unknown-unknown)"
  cargo build --release --target wasm32-unknown-unknown -p pacte-wasm --features "$module"
  wasm="target/wasm32-unknown-unknown/release/pacte_wasm.wasm"
  dirs=()
  for target in "${targets[@]}"; do
    dir="$prefix/${target/nodejs/node}"
    dirs+=("$dir")
    echo "== wasm-bindgen --target $target: $dir/"
    wasm-bindgen --target "$target" --out-dir "$dir" --out-name "$name" "$wasm"
    # wasm-bindgen's Node build is CommonJS; the rest of the package is ES modules.
    if [ "$target" = nodejs ]; then echo '{ "type": "commonjs" }' > "$dir/package.json"; fi
    # …but its snippets (js/ of the crate) are ES modules, which its require
    # loads as such (require(esm): Node 20.19, 22.12 and later).
    if [ -d "$dir/snippets" ]; then echo '{ "type": "module" }' > "$dir/snippets/package.json"; fi
  done
  # Every environment gets the same .wasm (only the JS glue differs), so the
  # slow wasm-opt runs once per module; cmp stops the build if that changes.
  first="${dirs[0]}/${name}_bg.wasm"
  for dir in "${dirs[@]:1}"; do cmp "$first" "$dir/${name}_bg.wasm"; done
  echo "== wasm-opt -Oz: $first"
  # The producers and target_features sections say how the module was made:
  # nothing runs them, and every page downloads them.
  wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --strip-producers --strip-target-features -o "$first" "$first"
  for dir in "${dirs[@]:1}"; do cp "$first" "$dir/${name}_bg.wasm"; done
done

echo "== package: the widget"
mkdir -p pkg/widget
cp www/widget/*.js www/widget/*.d.ts pkg/widget/
if [ "${#targets[@]}" -gt 1 ]; then
  echo "== package: entries, types and README (package/), package.json"
  # package/ mirrors pkg/: node.mjs beside web/, import/node.mjs beside import/web/…
  cp -r package/. pkg/
  # The JSON Schemas of the documents people write (generated: pacte schemas schemas).
  cp -r schemas pkg/schemas
  node scripts/package-json.mjs > pkg/package.json
fi

echo "== www/pkg: the package for the pages"
# Swapped in whole, so a page being served never sees half a package.
rm -rf www/pkg.next
cp -r pkg www/pkg.next
rm -rf www/pkg
mv www/pkg.next www/pkg
node scripts/wasm-size.mjs
