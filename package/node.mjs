// `import "pacte-rules"` in Node: the web build, so that the same lines run in
// Node, bundlers and browsers, and one instance serves whoever imports it.
import webInit from "./web/pacte_rules.js";
import { nodeInit } from "./node-init.mjs";

export * from "./web/pacte_rules.js";
export default nodeInit(webInit, new URL("./web/pacte_rules_bg.wasm", import.meta.url));
