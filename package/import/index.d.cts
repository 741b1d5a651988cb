// The types of `require("pacte-rules/import")` (see index.d.ts beside).
export * from "./node/pacte_import.js";
