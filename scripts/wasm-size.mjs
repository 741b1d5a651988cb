// Prints the raw and gzipped size of the web build's .wasm against the budget
// (150 KB gzipped, national programmes embedded). Exits 1 over budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET = 150 * 1024;
const wasm = readFileSync(new URL("../pkg/web/pacte_rules_bg.wasm", import.meta.url));
const gz = gzipSync(wasm, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`pacte_rules_bg.wasm: ${kb(wasm.length)} raw, ${kb(gz)} gzipped (budget ${kb(BUDGET)} gzipped)`);
if (gz > BUDGET) {
  console.error("over the size budget");
  process.exit(1);
}
