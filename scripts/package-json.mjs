// Prints pkg/package.json: name, version and licence from the workspace's
// Cargo.toml, the description from the engine crate's, and the exports map.
// The same `import init, { … } from "pacte-rules"; await init();` works
// everywhere: Node's `import` gets node.mjs (the web build, whose init reads
// the .wasm from disk), Node's `require` the CommonJS build (ready at once),
// browsers and bundlers the web build (init fetches the .wasm next to the JS,
// or takes its URL or bytes). Types go through index.d.ts / index.d.cts,
// which bring in the `Symbol.dispose` declarations the generated ones need.
// No `files` list: pkg/ holds the package and nothing else.
// The import of platform data is a second, separate module
// ("pacte-rules/import", the same layout under import/), so that pages
// showing progress do not download it.
import { readFileSync } from "node:fs";

const toml = (path) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const field = (text, name) => text.match(new RegExp(`^${name} = "(.*)"`, "m"))[1];
const workspace = toml("Cargo.toml");
const engine = toml("crates/pacte-rules/Cargo.toml");

/** The conditions of one module (`dir`: "." or "./import", `name`: the wasm-bindgen output name). */
const entry = (dir, name) => ({
  node: {
    import: { types: `${dir}/index.d.ts`, default: `${dir}/node.mjs` },
    require: { types: `${dir}/index.d.cts`, default: `${dir}/node/${name}.js` },
  },
  default: { types: `${dir}/index.d.ts`, default: `${dir}/web/${name}.js` },
});
/** One environment's build, for the explicit subpaths (`./web`, `./node`…); `types`: index.d.ts or index.d.cts. */
const build = (dir, env, name, types) => ({ types: `${dir}/${types}`, default: `${dir}/${env}/${name}.js` });
const widget = { types: "./widget/pacte-progress.d.ts", default: "./widget/pacte-progress.js" };

const pkg = {
  name: "pacte-rules",
  version: field(workspace, "version"),
  description: field(engine, "description"),
  license: field(workspace, "license"),
  type: "module",
  main: "./node/pacte_rules.js",
  module: "./web/pacte_rules.js",
  types: "./index.d.ts",
  sideEffects: ["./widget/*.js"],
  exports: {
    ".": entry(".", "pacte_rules"),
    "./web": build(".", "web", "pacte_rules", "index.d.ts"),
    "./node": build(".", "node", "pacte_rules", "index.d.cts"),
    "./import": entry("./import", "pacte_import"),
    "./import/web": build("./import", "web", "pacte_import", "index.d.ts"),
    "./import/node": build("./import", "node", "pacte_import", "index.d.cts"),
    "./widget": widget,
    "./widget/pacte-progress.js": widget,
    "./pacte_rules_bg.wasm": "./web/pacte_rules_bg.wasm",
    "./pacte_import_bg.wasm": "./import/web/pacte_import_bg.wasm",
    // The JSON Schemas of the documents people write, for editors and validators.
    "./schemas/*": "./schemas/*",
    "./package.json": "./package.json",
  },
  // The CommonJS build requires an ES module (its snippets): require(esm).
  engines: { node: "^20.19.0 || >=22.12.0" },
  keywords: ["pacte", "ehesp", "soins-primaires", "rules-engine", "webassembly"],
};
process.stdout.write(`${JSON.stringify(pkg, null, 2)}\n`);
