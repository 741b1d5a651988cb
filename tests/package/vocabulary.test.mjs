// The wire vocabulary (docs/vocabulary.md) in the generated TypeScript
// declarations of both modules: types PascalCase, fields camelCase, enum
// values camelCase, codes SCREAMING_SNAKE_CASE, every tagged union tagged
// `kind` (a diagnostic, `code`). The JSON side is checked by
// crates/pacte-rules/tests/vocabulary.rs on every fixture and answer.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const root = new URL("../../", import.meta.url);
const declarations = ["pkg/web/pacte_rules.d.ts", "pkg/import/web/pacte_import.d.ts"].map((path) => [path, readFileSync(new URL(path, root), "utf8")]);

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** What in one declaration file breaks a rule, as "what: name" lines. */
function offences(text) {
  const found = [];
  // The wire types only: wasm-bindgen's own init declarations are not ours to name.
  const ours = text
    .slice(0, text.indexOf("export type InitInput"))
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
  for (const [, name] of ours.matchAll(/export (?:type|interface|class) (\w+)/g)) if (!PASCAL.test(name)) found.push(`type: ${name}`);
  for (const [, name] of ours.matchAll(/^\s+(?:readonly )?(\w+)\??: /gm)) if (!CAMEL.test(name)) found.push(`field: ${name}`);
  for (const [, name] of ours.matchAll(/[{;] (\w+)\??: /g)) if (!CAMEL.test(name)) found.push(`field: ${name}`);
  for (const [, name] of ours.matchAll(/"([^"]*)"/g)) if (!CAMEL.test(name) && !CODE.test(name) && name !== "PacteError") found.push(`value: "${name}"`);
  // A union of object types is tagged by its first field: `kind`, or `code` for a diagnostic.
  for (const [, name, body] of ours.matchAll(/export type (\w+)(?:<\w+>)? = (\{.*\});$/gm)) {
    for (const [, tag] of body.matchAll(/(?:^|\| )\{ (\w+): "/g)) if (tag !== "kind" && tag !== "code") found.push(`tag of ${name}: ${tag}`);
  }
  return found;
}

test("the generated declarations name every type, field, value and tag by the vocabulary's rules", () => {
  for (const [path, text] of declarations) assert.deepEqual(offences(text), [], path);
});

test("the rules catch the words the format gave up", () => {
  const old = `export type at_risk = string;
export interface Tally {
    remaining_minutes: number;
}
export type Stage = "blocked" | "at_risk";
export type Answer<T> = { type: "success"; value: T } | { type: "failure"; problems: Problem[] };
export type InitInput = string;`;
  assert.deepEqual(offences(old), ["type: at_risk", "field: remaining_minutes", 'value: "at_risk"', "tag of Answer: type", "tag of Answer: type"]);
});

test("every tagged union of the reports is tagged kind, or code for a diagnostic", () => {
  const [, engine] = declarations[0];
  for (const union of ["Answer<T>", "PromotionEntry", "Verdict"])
    assert.match(engine, new RegExp(`export type ${union.replace(/[<>]/g, "\\$&")} = \\{ kind: "`), union);
  assert.match(engine, /export type Condition = \{ code: "HOURS_SHORT"/);
});
