// Prints pkg/package.json: name and version from Cargo.toml, and the exports
// map that gives Node the CommonJS build and every other environment the ES
// module build for the web (explicit init, so it also works where
// import.meta.url is not handled). The import of platform data is a second,
// separate module ("pacte-rules/import", same layout under import/), so that
// pages showing progress do not download it.
import { readFileSync } from "node:fs";

// Version and license are the workspace's, the description the engine crate's.
const manifest = (path) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const cargo = manifest("Cargo.toml") + manifest("crates/pacte-rules/Cargo.toml");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, "m"))[1];
const build = (dir, name = "pacte_rules") => ({ types: `./${dir}/${name}.d.ts`, default: `./${dir}/${name}.js` });
const importBuild = (dir) => build(`import/${dir}`, "pacte_import");

const pkg = {
  name: "pacte-rules",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  files: ["web/", "node/", "import/", "widget/", "schemas/", "README.md"],
  main: "./node/pacte_rules.js",
  module: "./web/pacte_rules.js",
  types: "./web/pacte_rules.d.ts",
  sideEffects: ["./widget/*.js"],
  exports: {
    ".": { node: build("node"), default: build("web") },
    "./web": build("web"),
    "./node": build("node"),
    "./import": { node: importBuild("node"), default: importBuild("web") },
    "./import/web": importBuild("web"),
    "./import/node": importBuild("node"),
    "./widget": "./widget/pacte-progress.js",
    "./pacte_rules_bg.wasm": "./web/pacte_rules_bg.wasm",
    "./pacte_import_bg.wasm": "./import/web/pacte_import_bg.wasm",
    "./schemas/*": "./schemas/*",
    "./package.json": "./package.json",
  },
  keywords: ["pacte", "ehesp", "soins-primaires", "rules-engine", "webassembly"],
};
process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
