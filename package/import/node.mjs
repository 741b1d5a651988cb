// `import "pacte-rules/import"` in Node: the web build, as for the engine (../node.mjs).
import webInit from "./web/pacte_import.js";
import { nodeInit } from "../node-init.mjs";

export * from "./web/pacte_import.js";
export default nodeInit(webInit, new URL("./web/pacte_import_bg.wasm", import.meta.url));
