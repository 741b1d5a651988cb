// The package as a portal developer meets it, following only its README
// (package/README.md, shipped as the package's): a fresh project installs the
// `npm pack`ed tarball, and every code block of the README runs there as it
// is written: in Node (ES modules and CommonJS), bundled by esbuild and in a
// page of Debian's chromium, and type-checked by tsc --strict with a `lib`
// that lacks esnext. A README block that no test runs fails the last test.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { launch, newPage } from "../browser/helpers.mjs";

const root = new URL("../../", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules/.bin", name);
const project = mkdtempSync(join(tmpdir(), "pacte-portal-"));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: project, encoding: "utf8" });
after(() => rmSync(project, { recursive: true, force: true }));

/** The README's code blocks, by the file name that the `<!-- test: NAME -->` line before each gives. */
const README = readFileSync(join(root, "pkg/README.md"), "utf8");
const snippets = new Map([...README.matchAll(/<!-- test: (\S+) -->\n```\w+\n([\s\S]*?)```/g)].map(([, name, code]) => [name, code]));
const exercised = new Set();
/** Writes the README's block `name` into the project, as a developer would copy it. */
function copySnippet(name) {
  assert.ok(snippets.has(name), `no "${name}" block in the package README`);
  exercised.add(name);
  writeFileSync(join(project, name), snippets.get(name));
  return snippets.get(name);
}

test("installs the packed tarball as the README says", () => {
  assert.equal(README, readFileSync(join(root, "package/README.md"), "utf8"), "pkg/ ships package/README.md");
  const tarball = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", project, "--silent"], { encoding: "utf8" }).trim();
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "portal", private: true }));
  // The only change to the README's line: the tarball instead of the registry.
  const install = copySnippet("install.sh").replace(/\bpacte-rules\b/, join(project, tarball));
  execFileSync("sh", ["-c", install], { cwd: project, env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
  assert.equal(JSON.parse(readFileSync(join(project, "node_modules/pacte-rules/package.json"), "utf8")).name, "pacte-rules");
});

test("Node, ES modules: the browser's lines, init() reading the .wasm from disk", () => {
  copySnippet("app.mjs");
  const out = run("node", ["app.mjs"]);
  assert.match(out, /msp-cds/);
  assert.match(out, /sha256:[0-9a-f]{64}/);
  assert.match(out, /e-learning/);
});

test("Node, CommonJS: require, no init", () => {
  copySnippet("app.cjs");
  assert.equal(run("node", ["app.cjs"]).trim(), "7440");
});

test("errors: a PacteError with code and path; checkProgramme answers a failure", () => {
  copySnippet("errors.mjs");
  const [thrown, failure] = run("node", ["errors.mjs"]).trim().split("\n");
  assert.equal(thrown, "PacteError INVALID_DATE /activities/0/date");
  assert.match(failure, /UNKNOWN_FIELD/);
});

test("the import module from Node: records and diagnostics from a Moodle export, then reports", () => {
  writeFileSync(join(project, "mapping.json"), readFileSync(join(root, "examples/mappings/hdf-leader-msp-2024.json")));
  writeFileSync(join(project, "attendance.json"), readFileSync(join(root, "tests/fixtures/import/moodle-attendance-hdf.json")));
  copySnippet("import.mjs");
  const lines = run("node", ["import.mjs"]).trim().split("\n");
  // 9 diagnostics, then the 2 learners of the export, each with a stage.
  assert.equal(lines.length, 11, lines.join("\n"));
  for (const line of lines.slice(9)) assert.match(line, /^\S+ \S+$/);
});

test("bundles the browser code with esbuild, for the browser: the web build, no Node module", () => {
  copySnippet("progress.mjs");
  run(bin("esbuild"), ["progress.mjs", "--bundle", "--platform=browser", "--format=esm", "--outfile=dist/progress.js", "--log-level=error"]);
  assert.doesNotMatch(readFileSync(join(project, "dist/progress.js"), "utf8"), /node:fs|require\("fs"\)/);
});

describe("in the browser (Debian chromium), node_modules/pacte-rules/ served at /pacte-rules/ as the README says", () => {
  let server, base, browser;
  before(async () => {
    server = createServer(serveProject);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${server.address().port}/`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens `path` of the project; resolves to the page once `ready` (run in the page) is true. */
  async function open(path, ready) {
    const page = await newPage(browser, base);
    await page.goto(`${base}${path}`);
    await page.waitForFunction(ready);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.outside, []);
    return page;
  }

  test("the esbuild bundle, given the .wasm URL", async () => {
    writeFileSync(join(project, "bundle.html"), '<p id="stage"></p><script type="module" src="dist/progress.js"></script>');
    const page = await open("bundle.html", () => document.querySelector("#stage").textContent !== "");
    assert.equal(await page.textContent("#stage"), node("msp-cds"));
  });

  test("no bundler: an import map, and init() fetching the .wasm next to the JS", async () => {
    copySnippet("index.html");
    const page = await open("index.html", () => document.body.textContent.trim() !== "");
    assert.equal((await page.textContent("body")).trim(), node("msp-cds"));
  });

  test("the <pacte-progress> widget", async () => {
    copySnippet("widget.html");
    const page = await open("widget.html", () => document.querySelector("pacte-progress").shadowRoot?.querySelector(".report"));
    assert.equal(await page.evaluate(() => document.querySelector("pacte-progress").shadowRoot.querySelector("h2").textContent), "Camille Martin");
  });
});

test("type-checks the README's TypeScript with --strict and lib es2022 + dom only (no esnext.disposable)", () => {
  copySnippet("portal.ts");
  // Beside it, a consumer that switches exhaustively on the tagged unions, the import module's included.
  writeFileSync(join(project, "consumer.ts"), readFileSync(join(root, "tests/package/consumer/consumer.ts")));
  const compilerOptions = { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false };
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...compilerOptions, module: "esnext", moduleResolution: "bundler" }, files: ["portal.ts", "consumer.ts"] }),
  );
  run(bin("tsc"), ["-p", "tsconfig.json"]);
  // Node's resolution: `import` gets index.d.ts (with init), `require` index.d.cts (without).
  writeFileSync(
    join(project, "node.mts"),
    'import init, { loadProgramme } from "pacte-rules";\nawait init();\nexport const stage: string = loadProgramme("cpts").evaluate({ learnerId: "a-1" }, "2025-11-30").stage;\n',
  );
  writeFileSync(
    join(project, "node.cts"),
    'import pacte = require("pacte-rules");\nexport const report: pacte.ProgressReport = pacte.loadProgramme("cpts").evaluate({ learnerId: "a-1" }, "2025-11-30");\n',
  );
  writeFileSync(
    join(project, "tsconfig.node.json"),
    JSON.stringify({ compilerOptions: { ...compilerOptions, module: "nodenext" }, files: ["node.mts", "node.cts"] }),
  );
  run(bin("tsc"), ["-p", "tsconfig.node.json"]);
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

test("validates a definition with ajv against the shipped schema, as the README does", () => {
  // ajv as the README's `npm install ajv ajv-formats` would give it, from this repository's dev dependencies.
  for (const name of ["ajv", "ajv-formats"]) symlinkSync(join(root, "node_modules", name), join(project, "node_modules", name), "dir");
  copySnippet("validate.mjs");
  assert.equal(run("node", ["validate.mjs"]).trim(), "false [ 'titel' ]");
});

test("every code block of the README is run above", () => {
  const blocks = README.match(/^```\w+$/gm).length;
  assert.equal(snippets.size, blocks, "every code block of the README follows a <!-- test: NAME --> line");
  assert.deepEqual(
    [...snippets.keys()].filter((name) => !exercised.has(name)),
    [],
  );
});

/** What the README's Node lines answer for a learner with nothing recorded, to compare the pages with. */
function node(programme) {
  const code = `import init, { loadProgramme } from "pacte-rules"; await init(); console.log(loadProgramme(${JSON.stringify(programme)}).evaluate({ learnerId: "a-1" }, "2025-11-30").stage);`;
  return run("node", ["--input-type=module", "-e", code]).trim();
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
/** The portal's static files: the project, and the installed package at /pacte-rules/. */
function serveProject(request, response) {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  const file = path.startsWith("/pacte-rules/") ? join(project, "node_modules", path) : join(project, path);
  if (path.includes("..") || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
}
