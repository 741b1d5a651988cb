// Parity: every fixture of the core's tests, evaluated natively (the `pacte`
// binary) and through the WebAssembly package in Node, gives the same JSON.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const pacte = require("../../pkg/node/pacte_rules.js");
const root = new URL("../../", import.meta.url).pathname;
const binary = process.env.PACTE_BIN ?? join(root, "target/debug/pacte");
const scratch = mkdtempSync(join(tmpdir(), "pacte-parity-"));

/** The CLI's JSON answer: the value, or `{ kind: "failure", problems }` on exit 2. */
function native(command, programme, asOf, input) {
  const file = join(scratch, "input.json");
  writeFileSync(file, JSON.stringify(input));
  try {
    return execFileSync(binary, [command, "--programme", programme, "--as-of", asOf, file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    if (e.status === 1 || e.status === 2) return e.stdout;
    throw e;
  }
}

/** The package's answer, in the CLI's shape: a thrown PacteError becomes the failure answer. */
function wasm(call) {
  try {
    return call();
  } catch (e) {
    if (e.name !== "PacteError") throw e;
    return { kind: "failure", problems: e.problems };
  }
}

function fixtures(kind) {
  const dir = join(root, "tests/fixtures", kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]);
}

/** A learner fixture with a `region` is evaluated against that regional definition of tests/fixtures/regions/. */
const region = (f) => join(root, "tests/fixtures/regions", `${f.region}.json`);
const rules = (f) => (f.region ? JSON.parse(readFileSync(region(f), "utf8")) : f.programme);
const programmeArgument = (f) => (f.region ? region(f) : f.programme);
const id = (f) => f.programme;

const cases = [
  ["learners", "evaluate", (f) => wasm(() => pacte.loadProgramme(rules(f)).evaluate(f.learner, f.asOf)), (f) => f.learner, programmeArgument],
  ["candidatures", "check-candidature", (f) => wasm(() => pacte.loadProgramme(f.programme).checkCandidature(f.file, f.asOf)), (f) => f.file, id],
];

for (const [kind, command, throughWasm, input, programme] of cases) {
  test(`${kind}: native and wasm answers are identical`, () => {
    const all = fixtures(kind);
    assert.ok(all.length > 0, `no fixtures in tests/fixtures/${kind}`);
    for (const [name, f] of all) {
      const expected = JSON.stringify(JSON.parse(native(command, programme(f), f.asOf, input(f))));
      assert.equal(JSON.stringify(throughWasm(f)), expected, name);
    }
  });
}

// The import module against `pacte import`: every platform payload of the
// core's import tests, through the example mapping of its programme.
const adapters = require("../../pkg/import/node/pacte_import.js");
// Fixture file names start with the source, written in kebab-case.
const SOURCES = { "moodle-completion": "moodleCompletion", "moodle-attendance": "moodleAttendance", xapi: "xapi", csv: "csv" };
const MAPPINGS = { hdf: "hdf-leader-msp-2024", bretagne: "bretagne-cpts-2021", socle: "socle-option" };

test("import: native and wasm answers are identical", () => {
  const dir = join(root, "tests/fixtures/import");
  const payloads = readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const source = Object.entries(SOURCES).find(([prefix]) => file.startsWith(`${prefix}-`))?.[1];
      const region = Object.keys(MAPPINGS).find((r) => file.includes(r));
      return source && region ? [[file, source, join(root, "examples/mappings", `${MAPPINGS[region]}.json`)]] : [];
    });
  assert.ok(payloads.length >= 5, "import fixtures found");
  for (const [file, source, mapping] of payloads) {
    const input = join(dir, file);
    let expected;
    try {
      expected = execFileSync(binary, ["import", "--source", source, "--as-of", "2024-12-31", "--mapping", mapping, input], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch (e) {
      if (e.status !== 1 && e.status !== 2) throw e;
      expected = e.stdout;
    }
    const answer = wasm(() => adapters.importRecords({ source, asOf: "2024-12-31" }, readFileSync(mapping, "utf8"), readFileSync(input, "utf8")));
    assert.equal(JSON.stringify(answer), JSON.stringify(JSON.parse(expected)), file);
  }
});

test("a promotion of standings: native and wasm answers are identical", () => {
  const file = join(root, "www/data/promotion-exemple.json");
  const args = ["evaluate-promotion", "--programme", "hdf-leader-msp-2024", "--as-of", "2024-09-20", "--detail", "standing", file];
  let out;
  try {
    out = execFileSync(binary, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    if (e.status !== 1) throw e;
    out = e.stdout;
  }
  const text = readFileSync(file, "utf8");
  const answer = pacte.loadProgramme("hdf-leader-msp-2024").evaluatePromotionJson(text, "2024-09-20", "standing");
  assert.equal(JSON.stringify(answer), JSON.stringify(JSON.parse(out)));
  assert.ok(answer.learners.every((l) => l.kind === "standing" || l.kind === "invalid"));
});
