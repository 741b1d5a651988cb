// Prints pkg/package.json: name and version from Cargo.toml, and the exports
// map that gives Node the CommonJS build and every other environment the ES
// module build for the web (explicit init, so it also works where
// import.meta.url is not handled). Bundlers with WebAssembly ESM integration
// may import "pacte-rules/bundler".
import { readFileSync } from "node:fs";

const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, "m"))[1];
const build = (dir) => ({ types: `./${dir}/pacte_rules.d.ts`, default: `./${dir}/pacte_rules.js` });

const pkg = {
  name: "pacte-rules",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  files: ["web/", "bundler/", "node/", "widget/", "README.md"],
  main: "./node/pacte_rules.js",
  module: "./web/pacte_rules.js",
  types: "./web/pacte_rules.d.ts",
  sideEffects: ["./widget/*.js", "./bundler/*.js"],
  exports: {
    ".": { node: build("node"), default: build("web") },
    "./web": build("web"),
    "./bundler": build("bundler"),
    "./node": build("node"),
    "./widget": "./widget/pacte-progress.js",
    "./pacte_rules_bg.wasm": "./web/pacte_rules_bg.wasm",
    "./package.json": "./package.json",
  },
  keywords: ["pacte", "ehesp", "soins-primaires", "rules-engine", "webassembly"],
};
process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
