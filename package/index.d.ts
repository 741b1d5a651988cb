// The types of `pacte-rules` (ES modules: Node's import, bundlers, browsers),
// generated from the Rust types. Their classes have `[Symbol.dispose]`: the
// lib reference declares it, so a consumer's `lib` need not list esnext.
/// <reference lib="esnext.disposable" />
export * from "./web/pacte_rules.js";
export { default } from "./web/pacte_rules.js";
