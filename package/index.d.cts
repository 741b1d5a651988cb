// The types of `require("pacte-rules")` (the CommonJS build, ready at once:
// no init), with the lib that declares `Symbol.dispose` (see index.d.ts).
/// <reference lib="esnext.disposable" />
export * from "./node/pacte_rules.js";
