// The types of `pacte-rules/import` (ES modules). No class of this module has
// `[Symbol.dispose]`, so no lib reference (see ../index.d.ts); the install test
// type-checks it against a consumer whose lib lacks esnext.
export * from "./web/pacte_import.js";
export { default } from "./web/pacte_import.js";
