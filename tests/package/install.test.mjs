// The package as a portal developer meets it: packed with `npm pack`,
// installed into a fresh project, imported from Node ESM, bundled for the
// browser with esbuild, and type-checked from TypeScript with --strict.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules/.bin", name);
const project = mkdtempSync(join(tmpdir(), "pacte-consumer-"));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: project, encoding: "utf8" });

test("npm pack, then install the tarball into a fresh project", () => {
  const tarball = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", project, "--silent"], { encoding: "utf8" }).trim();
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(project, tarball)]);
  const installed = JSON.parse(readFileSync(join(project, "node_modules/pacte-rules/package.json"), "utf8"));
  assert.equal(installed.name, "pacte-rules");
});

test("imports from Node ESM", () => {
  writeFileSync(
    join(project, "node-consumer.mjs"),
    `import { programmes, loadProgramme } from "pacte-rules";
const report = loadProgramme("msp-cds").evaluate({ learnerId: "n-1" }, "2025-01-15");
console.log(JSON.stringify([programmes().length, report.stage, report.hours.elearning.requiredMinutes]));`,
  );
  assert.equal(run("node", ["node-consumer.mjs"]).trim(), '[6,"notStarted",1800]');
});

test("imports the platform adapters from Node ESM, and evaluates what they produce", () => {
  copyFileSync(join(root, "examples/mappings/hdf-leader-msp-2024.json"), join(project, "mapping.json"));
  copyFileSync(join(root, "tests/fixtures/import/moodle-attendance-hdf.json"), join(project, "attendance.json"));
  writeFileSync(
    join(project, "import-consumer.mjs"),
    `import { readFileSync } from "node:fs";
import { importRecords } from "pacte-rules/import";
import { loadProgramme } from "pacte-rules";
const imported = importRecords({ source: "moodleAttendance", asOf: "2024-12-01" }, readFileSync("mapping.json", "utf8"), readFileSync("attendance.json", "utf8"));
const programme = loadProgramme(imported.programme);
console.log(JSON.stringify([imported.learners.length, imported.diagnostics.length, ...imported.learners.map((l) => programme.evaluate(l, imported.asOf).stage)]));`,
  );
  assert.equal(run("node", ["import-consumer.mjs"]).trim(), '[2,9,"atRisk","blocked"]');
});

test("bundles for the browser with esbuild, and the bundle runs with the .wasm given as bytes", () => {
  writeFileSync(
    join(project, "browser-entry.mjs"),
    `import init, { loadProgramme } from "pacte-rules";
export async function start(wasm) {
  await init({ module_or_path: wasm });
  return loadProgramme("cpts").evaluate({ learnerId: "b-1" }, "2025-01-15").hours.presentiel.requiredMinutes;
}`,
  );
  run(bin("esbuild"), ["browser-entry.mjs", "--bundle", "--platform=browser", "--format=esm", "--outfile=bundle.mjs", "--log-level=error"]);
  const bundle = readFileSync(join(project, "bundle.mjs"), "utf8");
  assert.ok(!bundle.includes("require(\"fs\")"), "the browser bundle takes the web build, not the Node one");
  copyFileSync(join(project, "node_modules/pacte-rules/web/pacte_rules_bg.wasm"), join(project, "engine.wasm"));
  writeFileSync(
    join(project, "run-bundle.mjs"),
    `import { readFileSync } from "node:fs";
import { start } from "./bundle.mjs";
console.log(await start(readFileSync("engine.wasm")));`,
  );
  assert.equal(run("node", ["run-bundle.mjs"]).trim(), "7440");
});

test("type-checks a TypeScript consumer with tsc --strict", () => {
  copyFileSync(join(root, "tests/package/consumer/consumer.ts"), join(project, "consumer.ts"));
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: "es2022", module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom", "esnext.disposable"], types: [], skipLibCheck: false },
      files: ["consumer.ts"],
    }),
  );
  run(bin("tsc"), ["-p", "tsconfig.json"]);
});

test("ships the JSON Schemas, resolved through the exports map", () => {
  writeFileSync(
    join(project, "schema-consumer.mjs"),
    `import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const path = createRequire(import.meta.url).resolve("pacte-rules/schemas/programme.schema.json");
console.log(JSON.parse(readFileSync(path, "utf8")).title);`,
  );
  assert.equal(run("node", ["schema-consumer.mjs"]).trim(), "PACTE programme definition");
});
