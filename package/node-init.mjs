// Node's `init` for a web build: Node's fetch cannot read the file: URL the
// web build's init would fetch, so with no argument the .wasm is read from
// disk. An argument (bytes, a Response, a compiled module…) goes through.
import { readFile } from "node:fs/promises";

/** `webInit`: the web build's default export; `wasm`: the file: URL of its .wasm. */
export const nodeInit = (webInit, wasm) => async (options) => webInit(options ?? { module_or_path: await readFile(wasm) });
