// The formateur's promotion page (www/promotion.html): a promotion file evaluated in
// the browser shows the engine's numbers (the same as the CLI's), sorts,
// filters, drills down, exports the filtered table as CSV; 2,000 generated
// learners load and filter; a platform export is imported through its mapping.
//
// The expected answers are the CLI's for the same promotion, asked at test time
// (target/debug/pacte, built by the Rust tests that run first).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { ROOT, openBrowser, closeBrowser, newPage, axeViolations, screenshot, fixture } from "./helpers.mjs";
import { generatePromotion } from "../../www/data/promotion-generator.js";

/** Names made of markup and formulas: test data only (the demo shows realistic names); shown and exported as text. */
const TRICKY_NAMES = ["<script>alert(1)</script> Dupont", "<b>Gras</b> Lemoine", '=HYPERLIEN("x"); Roy, "Jo"'];
/** The exported table's rows (";", RFC 4180 quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ";") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
const SHOTS = "/tmp/shots";
const IMPORT_MODULE = `${ROOT}www/pkg/import/web/pacte_import.js`;
/** A JSON file of learner records in a temporary folder, for the file input. */
function tempFile(name, records) {
  const path = `${tmpdir()}/${process.pid}-${name}`;
  writeFileSync(path, JSON.stringify(records));
  return path;
}

const cli = JSON.parse(
  (() => {
    const args = ["evaluate-promotion", "--programme", "hdf-leader-msp-2024", "--as-of", "2024-09-20", fixture("promotion-hdf.json")];
    try {
      return execFileSync(`${ROOT}target/debug/pacte`, args, { encoding: "utf8" });
    } catch (e) {
      if (e.status !== 1) throw e; // 1: a negative verdict (blocked learners), the answer is printed
      return e.stdout;
    }
  })(),
);
const require = createRequire(import.meta.url);
const engine = require(`${ROOT}www/pkg/node/pacte_rules.js`);
// The engine's words come from the package the page runs (the CLI's numbers are the same; its wording may be newer or older).
const packaged = (() => {
  const programme = engine.loadProgramme("hdf-leader-msp-2024");
  const promotion = programme.evaluatePromotionJson(readFileSync(fixture("promotion-hdf.json"), "utf8"), "2024-09-20");
  programme.free();
  return promotion;
})();
const invalidProblem = packaged.learners[16].problems[0];
const TRICKY = "<img src=x onerror=alert(1)><script>alert(2)</script> Durand";

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

/** The promotion page with the HDF programme at 20 September 2024, ready for a file. */
async function openPromotionPage(options) {
  const page = await newPage(browser, server.base, options);
  const response = await page.goto(`${server.base}promotion.html`);
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector("#programme option[value='hdf-leader-msp-2024']", { state: "attached" });
  await page.selectOption("#programme", "hdf-leader-msp-2024");
  await page.fill("#as-of", "2024-09-20");
  return page;
}

async function openFile(page, name, count) {
  await page.setInputFiles("#file", fixture(name));
  await page.waitForFunction((text) => document.getElementById("count").textContent.endsWith(text), `sur ${count}.`);
}

// Cells as read: line breaks as " | ", and the non-breaking spaces that keep a figure with its unit as spaces.
const cellsOf = (page) =>
  page.$$eval("#table tbody tr", (rows) =>
    rows.map((tr) =>
      [...tr.cells].map((c) =>
        c.innerText
          .trim()
          .replace(/\s*\n\s*/g, " | ")
          .replace(/\u00a0/g, " "),
      ),
    ),
  );
const overview = (page) => page.$$eval("#overview li", (items) => items.map((li) => li.textContent.trim()));
const formatMinutes = (m) => (m < 60 ? `${m} min` : m % 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")}` : `${m / 60} h`);

test("a JSON promotion file: every learner's stage and hours as the CLI computes them", async () => {
  const page = await openPromotionPage();
  await openFile(page, "promotion-hdf.json", 17);
  assert.deepEqual(await overview(page), [
    "Diplôme compromis : 2",
    "À surveiller : 8",
    "Pas commencé : 0",
    "En cours : 6",
    "Prêt pour la soutenance : 0",
    "Conditions remplies : 0",
    "Dossiers invalides : 1",
  ]);
  assert.deepEqual(cli.stages, { blocked: 2, atRisk: 8, notStarted: 0, inProgress: 6, readyToDefend: 0, complete: 0 });

  const rows = await cellsOf(page);
  assert.equal(rows.length, 17);
  // Every evaluated learner: stage and hours per modality, as in the CLI's report.
  const STAGE_FR = { blocked: "Diplôme compromis", atRisk: "À surveiller", inProgress: "En cours" };
  for (const { report } of cli.learners.filter((l) => l.kind === "evaluated")) {
    const row = rows.find((r) => r[0].endsWith(`| ${report.learnerId}`));
    assert.ok(row, report.learnerId);
    assert.equal(row[1].split(" | ")[0], STAGE_FR[report.stage], report.learnerId);
    const p = report.hours.presentiel;
    assert.equal(
      row[2],
      `${formatMinutes(p.doneMinutes)} / ${formatMinutes(p.requiredMinutes)}${p.excusedMinutes ? ` | + ${formatMinutes(p.excusedMinutes)} excusées` : ""}`,
    );
    assert.equal(row[3], formatMinutes(report.hours.elearning.doneMinutes));
    assert.equal(row[4], formatMinutes(report.hours.equipe.doneMinutes));
  }
  // Worst first, then by name; exact cells for two learners.
  assert.equal(invalidProblem.path, "/16/attendance/0");
  assert.deepEqual(rows[0].slice(0, 6), [
    "Dossier incomplet | hdf-2024-031",
    "Dossier invalide | élément n° 17",
    "—",
    "—",
    "—",
    `${invalidProblem.message.fr} (INVALID_VALUE à /attendance/0)`,
  ]);
  assert.deepEqual(rows.find((r) => r[0].startsWith("Camille Martin")).slice(0, 6), [
    "Camille Martin | hdf-2024-007",
    "En cours",
    "28 h / 49 h | + 7 h excusées",
    "1 h 30",
    "2 h",
    "14 h de présentiel · mémoire · soutenance",
  ]);
  assert.deepEqual(rows.find((r) => r[0].startsWith("Pauline Roux")).slice(0, 6), [
    "Pauline Roux | hdf-2024-015",
    "Diplôme compromis | 1 enregistrement non pris en compte",
    "28 h / 49 h",
    "0 min",
    "0 min",
    "21 h de présentiel · 1 absence non justifiée · mémoire · soutenance",
  ]);

  // A name made of markup is text: no element was created from it, no script ran.
  assert.equal(rows[3][0], `${TRICKY} | hdf-2024-030`);
  assert.equal(await page.locator("#table img, #table script, #table b").count(), 0);
  await screenshot(page, "promotion-file");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("a JSON Lines file gives the same promotion, its invalid record located by its line", async () => {
  const page = await openPromotionPage();
  await openFile(page, "promotion-hdf.jsonl", 17);
  assert.deepEqual(await overview(page), [
    "Diplôme compromis : 2",
    "À surveiller : 8",
    "Pas commencé : 0",
    "En cours : 6",
    "Prêt pour la soutenance : 0",
    "Conditions remplies : 0",
    "Dossiers invalides : 1",
  ]);
  const rows = await cellsOf(page);
  assert.equal(rows[0][1], "Dossier invalide | ligne 33");
  assert.deepEqual(rows.find((r) => r[0].startsWith("Camille Martin")).slice(1, 6), [
    "En cours",
    "28 h / 49 h | + 7 h excusées",
    "1 h 30",
    "2 h",
    "14 h de présentiel · mémoire · soutenance",
  ]);
  assert.equal(rows[3][0], `${TRICKY} | hdf-2024-030`);
  assert.deepEqual(page.problems, []);
});

test("a CSV file is the platform's export: handed to the import, read with its mapping (one CSV dialect)", async (t) => {
  const page = await newPage(browser, server.base);
  await page.goto(`${server.base}promotion.html`);
  await page.waitForSelector("#programme option[value='hdf-leader-msp-2024']", { state: "attached" });
  if (!existsSync(IMPORT_MODULE)) {
    t.skip("the import module is not built");
    return;
  }
  await page.setInputFiles("#file", `${ROOT}www/data/promotion-exemple.csv`);
  await page.waitForSelector("#page-error:not([hidden])");
  assert.equal(
    await page.textContent("#page-error"),
    "« promotion-exemple.csv » est un export CSV de la plateforme : il est lu avec sa correspondance. Choisissez le fichier de correspondance ci-dessous, puis « Importer et évaluer ».",
  );
  assert.equal(await page.getAttribute("#import", "open"), "");
  assert.equal(await page.inputValue("#source"), "csv");
  assert.equal(await page.evaluate(() => document.getElementById("export-file").files[0]?.name), "promotion-exemple.csv");
  await page.setInputFiles("#mapping-file", `${ROOT}www/data/promotion-exemple-correspondance.json`);
  await page.click("#import-form button[type=submit]");
  await page.waitForFunction(() => document.getElementById("count").textContent.endsWith("sur 14."));
  // The mapping's programme, on a date inside its calendar (not the Bretagne default).
  assert.equal(await page.inputValue("#programme"), "hdf-leader-msp-2024");
  const date = await page.inputValue("#as-of");
  assert.ok(date >= "2024-04-11" && date <= "2024-11-27", date);
  assert.match(await page.textContent("#import-report p"), /^« promotion-exemple\.csv » : 14 apprenants trouvés pour le programme hdf-leader-msp-2024/);
  assert.deepEqual(page.problems, []);
});

test("the page follows the records: the programme most of them name, a date in its calendar, one banner for those of another", async () => {
  const page = await newPage(browser, server.base);
  await page.goto(`${server.base}promotion.html`);
  await page.waitForSelector("#programme option[value='hdf-leader-msp-2024']", { state: "attached" });
  assert.equal(await page.inputValue("#programme"), "bretagne-cpts-2021");
  // The fixture's learners the engine can evaluate (its one invalid record left out).
  const records = JSON.parse(readFileSync(fixture("promotion-hdf.json"), "utf8")).filter((_, i) => packaged.learners[i].kind === "evaluated");
  // One record without a programme: it does not vote, and is evaluated with the others.
  delete records[0].programme;
  await page.setInputFiles("#file", tempFile("hdf-one-without-programme.json", records));
  await page.waitForFunction((n) => document.getElementById("count").textContent.endsWith(`sur ${n}.`), records.length);
  assert.equal(await page.inputValue("#programme"), "hdf-leader-msp-2024");
  const date = await page.inputValue("#as-of");
  assert.ok(date >= "2024-04-11" && date <= "2024-11-27", date);
  assert.equal(await page.isVisible("#fit"), false);
  assert.equal(await page.locator("#overview li:has-text('Dossiers invalides')").count(), 0);

  // Three records of another programme: one banner, a short note in their rows.
  const mixed = records.map((r, i) => (i < 3 ? { ...r, programme: "msp-cds" } : r));
  await page.setInputFiles("#file", tempFile("hdf-three-msp-cds.json", mixed));
  await page.waitForSelector("#fit:not([hidden])");
  assert.equal(
    await page.textContent("#fit p"),
    "3 dossiers de ce fichier sont inscrits à un autre programme que « hdf-leader-msp-2024 » : « msp-cds » (3). Ils ne sont pas évalués.",
  );
  const invalid = (await cellsOf(page)).filter((r) => r[1].startsWith("Dossier invalide"));
  assert.deepEqual(
    invalid.map((r) => r[5]),
    ["inscrit à « msp-cds »", "inscrit à « msp-cds »", "inscrit à « msp-cds »"],
  );
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
});

test("sorting, filtering, drill-down and the CSV export of the filtered table", async () => {
  const page = await openPromotionPage({ downloads: true });
  await openFile(page, "promotion-hdf.json", 17);

  // Sort by name, both ways; aria-sort follows.
  await page.click("th[data-key=name] button");
  assert.equal(await page.getAttribute("th[data-key=name]", "aria-sort"), "ascending");
  assert.equal(await page.getAttribute("th[data-key=stage]", "aria-sort"), null);
  let names = (await cellsOf(page)).map((r) => r[0].split(" | ")[0]);
  assert.deepEqual(names.slice(0, 4), [TRICKY, "Antoine Girard", "Camille Martin", "Chloé Mercier"]);
  await page.click("th[data-key=name] button");
  assert.equal(await page.getAttribute("th[data-key=name]", "aria-sort"), "descending");
  names = (await cellsOf(page)).map((r) => r[0].split(" | ")[0]);
  assert.deepEqual(names.slice(0, 3), ["Thomas Petit", "Sophie Lambert", "Pauline Roux"]);
  await page.click("th[data-key=stage] button");

  // Filters: one stage, those to follow, a text search.
  await page.selectOption("#show", "atRisk");
  assert.equal((await cellsOf(page)).length, 8);
  await page.selectOption("#show", "risk");
  assert.equal((await cellsOf(page)).length, 10);
  assert.equal(await page.textContent("#count"), "10 apprenants affichés sur 17.");
  await page.fill("#search", "martin");
  assert.equal((await cellsOf(page)).length, 0);
  await page.selectOption("#show", "all");
  assert.deepEqual(
    (await cellsOf(page)).map((r) => r[0]),
    ["Camille Martin | hdf-2024-007"],
  );

  // Drill-down: the learner's own <pacte-progress>, as the engine reports it.
  await page.click("#table tbody button[data-index]");
  await page.waitForFunction(() => document.getElementById("detail-progress").report);
  assert.equal(await page.textContent("#detail-title"), "Détail : Camille Martin");
  const report = await page.evaluate(() => document.getElementById("detail-progress").report);
  const expected = cli.learners.find((l) => l.report?.learnerId === "hdf-2024-007").report;
  assert.equal(report.stage, expected.stage);
  assert.deepEqual(report.hours, expected.hours);
  assert.deepEqual(
    report.unmet.map((u) => u.code),
    expected.unmet.map((u) => u.code),
  );
  await screenshot(page, "promotion-detail");
  assert.deepEqual(await axeViolations(page), []);
  await closeDetail(page);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), "2"); // focus back on the button

  // Export what is shown: those to follow, worst first.
  await page.fill("#search", "");
  await page.selectOption("#show", "risk");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  assert.equal(download.suggestedFilename(), "pacte-promotion-hdf-leader-msp-2024-2024-09-20.csv");
  const text = readFileSync(await download.path(), "utf8");
  assert.ok(text.startsWith("\uFEFF"), "a BOM, for spreadsheets");
  const rows = parseCsv(text).filter((r) => r.some((c) => c !== ""));
  assert.deepEqual(rows[0], [
    "identifiant",
    "nom",
    "étape",
    "présentiel fait (h)",
    "présentiel excusé (h)",
    "présentiel exigé (h)",
    "e-learning fait (h)",
    "e-learning excusé (h)",
    "e-learning exigé (h)",
    "en équipe fait (h)",
    "en équipe excusé (h)",
    "en équipe exigé (h)",
    "reste à faire",
    "détail",
  ]);
  assert.deepEqual(
    rows.slice(1).map((r) => r.slice(0, 13)),
    [
      [
        "hdf-2024-008",
        "Julien Dubois",
        "Diplôme compromis",
        "28",
        "0",
        "49",
        "0",
        "0",
        "",
        "0",
        "0",
        "",
        "21 h de présentiel · 1 absence non justifiée · mémoire · soutenance",
      ],
      [
        "hdf-2024-015",
        "Pauline Roux",
        "Diplôme compromis",
        "28",
        "0",
        "49",
        "0",
        "0",
        "",
        "0",
        "0",
        "",
        "21 h de présentiel · 1 absence non justifiée · mémoire · soutenance",
      ],
      [
        "hdf-2024-030",
        TRICKY,
        "À surveiller",
        "7",
        "0",
        "49",
        "1,5",
        "0",
        "",
        "0",
        "0",
        "",
        "42 h de présentiel · 4 journées non renseignées · mémoire · soutenance",
      ],
      [
        "hdf-2024-019",
        "Chloé Mercier",
        "À surveiller",
        "21",
        "0",
        "49",
        "2,25",
        "0",
        "",
        "0",
        "0",
        "",
        "28 h de présentiel · 2 journées non renseignées · mémoire · soutenance",
      ],
      [
        "hdf-2024-001",
        "Élodie Lefebvre",
        "À surveiller",
        "0",
        "0",
        "49",
        "0",
        "0",
        "",
        "0",
        "0",
        "",
        "49 h de présentiel · 5 journées non renseignées · mémoire · soutenance",
      ],
      [
        "hdf-2024-016",
        "Hugo Fontaine",
        "À surveiller",
        "14",
        "0",
        "49",
        "0",
        "0",
        "",
        "0",
        "0",
        "",
        "35 h de présentiel · 3 journées non renseignées · mémoire · soutenance",
      ],
      [
        "hdf-2024-017",
        "Inès Garnier",
        "À surveiller",
        "14",
        "0",
        "49",
        "0",
        "0",
        "",
        "0",
        "0",
        "",
        "35 h de présentiel · 3 journées non renseignées · mémoire · soutenance",
      ],
      [
        "hdf-2024-018",
        "Lucas Chevalier",
        "À surveiller",
        "21",
        "0",
        "49",
        "0",
        "0",
        "",
        "0",
        "0",
        "",
        "28 h de présentiel · 2 journées non renseignées · mémoire · soutenance",
      ],
      [
        "hdf-2024-020",
        "Maxime Perrin",
        "À surveiller",
        "21",
        "0",
        "49",
        "1,25",
        "0",
        "",
        "0",
        "0",
        "",
        "28 h de présentiel · 2 journées non renseignées · mémoire · soutenance",
      ],
      [
        "hdf-2024-009",
        "Sophie Lambert",
        "À surveiller",
        "21",
        "0",
        "49",
        "0",
        "0",
        "",
        "0",
        "0",
        "",
        "28 h de présentiel · 2 journées non renseignées · mémoire · soutenance",
      ],
    ],
  );
  // The last column holds every unmet condition, in the engine's words.
  const julien = packaged.learners.find((l) => l.report?.learnerId === "hdf-2024-008").report;
  assert.deepEqual(
    julien.unmet.map((u) => u.code),
    cli.learners.find((l) => l.report?.learnerId === "hdf-2024-008").report.unmet.map((u) => u.code),
  );
  assert.equal(rows[1][13], julien.unmet.map((u) => u.message.fr).join(" ; "));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("the demo promotion: 2,000 realistic learners in the middle of the calendar, « 2 000 » written as in French", async (t) => {
  const page = await newPage(browser, server.base);
  const notFound = [];
  page.on("response", (r) => r.status() >= 400 && notFound.push(r.url()));
  await page.goto(`${server.base}promotion.html`);
  await page.waitForSelector("#programme option[value='bretagne-cpts-2021']", { state: "attached" });
  await page.fill("#size", "2000");
  const started = Date.now();
  await page.click("#generate");
  await page.waitForFunction(() => /sur 2\u00a0000\b/.test(document.getElementById("count").textContent), null, { timeout: 30000 });
  t.diagnostic(`2,000 learners generated, evaluated and rendered in ${Date.now() - started} ms`);
  // The middle of Bretagne 2021–2022 (1 July 2021 – 30 June 2022).
  assert.equal(await page.inputValue("#as-of"), "2021-12-30");
  const programme = engine.loadProgramme("bretagne-cpts-2021");
  const records = generatePromotion(programme.details().definition, { size: 2000, asOf: "2021-12-30" });
  const { stages } = programme.evaluatePromotionJson(JSON.stringify(records), "2021-12-30");
  programme.free();
  const n = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  assert.deepEqual(
    (await overview(page)).map((s) => s.replace(/\u00a0/g, " ")),
    [
      `Diplôme compromis : ${n(stages.blocked)}`,
      `À surveiller : ${n(stages.atRisk)}`,
      `Pas commencé : ${n(stages.notStarted)}`,
      `En cours : ${n(stages.inProgress)}`,
      `Prêt pour la soutenance : ${n(stages.readyToDefend)}`,
      `Conditions remplies : ${n(stages.complete)}`,
    ],
  );
  // A realistic mix: most on their way, a few to follow; realistic names, no markup.
  assert.ok(stages.inProgress > 1600 && stages.blocked + stages.atRisk < 200, JSON.stringify(stages));
  assert.ok(records.every((r) => /^[\p{L}' -]+$/u.test(r.displayName)));
  // Counts once on screen (the live region is for screen readers), the « Afficher » select holds options only.
  assert.equal((await page.textContent("#count")).replace(/\u00a0/g, " "), "2 000 apprenants retenus sur 2 000 ; les 200 premiers sont affichés.");
  assert.equal(await page.getAttribute("#announce", "class"), "sr-only");
  assert.deepEqual(await page.$eval("#show", (select) => [...select.childNodes].filter((c) => c.nodeName !== "OPTION").length), 0);
  const rowCount = () => page.locator("#table tbody tr").count();
  assert.equal(await rowCount(), 200);
  await page.click("#more");
  assert.equal(await rowCount(), 400);
  await screenshot(page, "promotion-2000");
  assert.deepEqual(notFound, [], "no 404, /favicon.ico included");
  assert.deepEqual(page.problems, []);
});

test("2,000 learners from a file filter and sort; names made of markup are text (timings printed, not asserted)", async (t) => {
  const page = await newPage(browser, server.base);
  await page.goto(`${server.base}promotion.html`);
  await page.waitForSelector("#programme option[value='bretagne-cpts-2021']", { state: "attached" });
  const programme = engine.loadProgramme("bretagne-cpts-2021");
  const records = generatePromotion(programme.details().definition, { size: 2000, asOf: "2022-03-01" });
  TRICKY_NAMES.forEach((name, i) => {
    records[i * 500].displayName = name;
  });
  const { stages } = programme.evaluatePromotionJson(JSON.stringify(records), "2022-03-01");
  programme.free();
  await page.fill("#as-of", "2022-03-01");
  await page.dispatchEvent("#as-of", "change");
  await page.setInputFiles("#file", tempFile("bretagne-2000.json", records));
  await page.waitForFunction(() => /sur 2\u00a0000\b/.test(document.getElementById("count").textContent), null, { timeout: 30000 });
  const rowCount = () => page.locator("#table tbody tr").count();
  const timed = async (label, action, count) => {
    const start = Date.now();
    await action();
    await page.waitForFunction(
      (text) =>
        document
          .getElementById("count")
          .textContent.replace(/\u00a0/g, " ")
          .startsWith(text),
      `${n(count)} apprenant`,
    );
    t.diagnostic(`${label}: ${Date.now() - start} ms`);
    assert.equal(await rowCount(), Math.min(200, count), label);
  };
  const n = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  await timed("filter « à suivre »", () => page.selectOption("#show", "risk"), stages.blocked + stages.atRisk);
  await timed("filter « en cours »", () => page.selectOption("#show", "inProgress"), stages.inProgress);
  await timed("sort by présentiel", () => page.click("th[data-key=presentiel] button"), stages.inProgress);
  await page.selectOption("#show", "all");
  await timed("search « <script> »", () => page.fill("#search", "<script>"), 1);
  assert.equal(await page.locator("#table tbody script").count(), 0);
  assert.equal((await cellsOf(page))[0][0].split(" | ")[0], TRICKY_NAMES[0]);
  await screenshot(page, "promotion-2000-search");
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

for (const width of [300, 390, 1280]) {
  const sheet = width <= 480; // phones and side blocks: the detail is a full-screen sheet
  test(`at ${width} px the page is no wider than the screen, the table scrolls in its own focusable region, the detail dialog is on screen${sheet ? ", a full-screen sheet" : ""}`, async () => {
    const page = await openPromotionPage();
    await page.setViewportSize({ width, height: 800 });
    await openFile(page, "promotion-hdf.json", 17);
    const wider = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(await wider(), 0);
    assert.equal(await page.getAttribute(".table-wrap", "tabindex"), "0");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/promotion-${width}.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    await page.click("#table tbody button[data-index]");
    await page.waitForFunction(() => document.getElementById("detail-progress").report);
    const box = await page.locator("#detail").boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, JSON.stringify(box));
    assert.equal(await page.getAttribute("#detail-progress", "audience"), "formateur");
    await page.screenshot({ path: `${SHOTS}/promotion-detail-${width}.png` });
    await screenshot(page, `promotion-detail-${width}`, { fullPage: false });
    // Nothing of the page shows beneath or around the sheet: it covers the viewport, edges included,
    // and what it holds fits its width (it scrolls on its own, down only).
    const cover = () =>
      page.evaluate(() => {
        const dialog = document.getElementById("detail");
        const r = dialog.getBoundingClientRect();
        const edges = [];
        for (let x = 0; x < innerWidth; x += 10) edges.push([x, 0], [x, innerHeight - 1]);
        for (let y = 0; y < innerHeight; y += 10) edges.push([0, y], [innerWidth - 1, y]);
        const outside = edges.filter(([x, y]) => x < r.left || x >= r.right || y < r.top || y >= r.bottom || !dialog.contains(document.elementFromPoint(x, y)));
        return {
          box: [r.left, r.top, r.width, r.height],
          viewport: [innerWidth, innerHeight],
          outside: outside.length,
          wider: dialog.scrollWidth - dialog.clientWidth,
        };
      });
    if (sheet) {
      const before = await cover();
      assert.deepEqual(before.box, [0, 0, ...before.viewport], JSON.stringify(before));
      assert.equal(before.outside, 0, JSON.stringify(before));
      assert.equal(before.wider, 0, JSON.stringify(before));
    }
    // The whole detail open and scrolled to its end, the dialog keeps its place, and its head (with « Fermer ») stays in view.
    const more = page.locator("#detail-progress details.more > summary");
    if (await more.count()) await more.click();
    await page.evaluate(() => {
      const dialog = document.getElementById("detail");
      dialog.scrollTop = dialog.scrollHeight;
    });
    const close = await page.locator("#close").boundingBox();
    assert.ok(close.y >= 0 && close.y + close.height <= 800, JSON.stringify(close));
    if (sheet) {
      const after = await cover();
      assert.deepEqual(after.box, [0, 0, ...after.viewport], JSON.stringify(after));
      assert.equal(after.outside, 0, JSON.stringify(after));
    }
    await screenshot(page, `promotion-detail-${width}-end`, { fullPage: false });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.problems, []);
  });
}

test("a Moodle export and its mapping: diagnostics with their place in the export, then the learners evaluated", async (t) => {
  const page = await openPromotionPage();
  const requested = [];
  page.on("request", (r) => r.url().includes("/pkg/import/") && requested.push(r.url()));
  await page.setInputFiles("#file", fixture("promotion-hdf.json"));
  await page.waitForSelector("#results:not([hidden])");
  assert.deepEqual(requested, [], "the import module is fetched only when asked for");
  if (!existsSync(IMPORT_MODULE)) {
    t.skip("www/pkg/import/web/pacte_import.js is absent (not built yet): the platform import is not tested");
    return;
  }
  await page.click("#import summary");
  await page.selectOption("#source", "moodleCompletion");
  await page.setInputFiles("#export-file", `${ROOT}tests/fixtures/import/moodle-completion-hdf.json`);
  await page.setInputFiles("#mapping-file", `${ROOT}examples/mappings/hdf-leader-msp-2024.json`);
  await page.click("#import-form button[type=submit]");
  await page.waitForFunction(() => document.getElementById("count").textContent.endsWith("sur 2."));
  assert.ok(requested.some((u) => u.endsWith("pacte_import.js")));

  // As `pacte import --source moodleCompletion --mapping examples/mappings/hdf-leader-msp-2024.json --as-of 2024-09-20` reports.
  assert.match(
    await page.textContent("#import-report p"),
    /2 apprenants trouvés pour le programme hdf-leader-msp-2024, 5 erreurs, 4 avertissements, 5 informations/,
  );
  const diagnostics = await page.$$eval("#import-report tbody tr", (rows) => rows.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.equal(diagnostics.length, 14);
  assert.deepEqual(diagnostics[3].slice(0, 3), ["erreur", "/0/activities/statuses/5", "hdf-2024-007"]);
  assert.match(diagnostics[3][3], / \(UNMAPPED_ID\)$/);
  // Every diagnostic as the import package words it, with its place in the export.
  const { importRecords } = require(`${ROOT}www/pkg/import/node/pacte_import.js`);
  const expected = importRecords(
    { source: "moodleCompletion", asOf: "2024-09-20" },
    readFileSync(`${ROOT}examples/mappings/hdf-leader-msp-2024.json`, "utf8"),
    readFileSync(`${ROOT}tests/fixtures/import/moodle-completion-hdf.json`, "utf8"),
  );
  const SEVERITY = { error: "erreur", warning: "avertissement", notice: "information" };
  assert.deepEqual(
    diagnostics,
    expected.diagnostics.map((d) => [SEVERITY[d.severity], d.path, d.learnerId ?? "—", `${d.message.fr} (${d.code})`]),
  );
  const rows = await cellsOf(page);
  assert.deepEqual(rows.map((r) => r[0]).sort(), ["hdf-2024-007", "hdf-2024-008"]);
  await screenshot(page, "promotion-import");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("the pictures match the reports: stages as one bar, attendance per seminar day, hours, coming due dates; a table behind each", async () => {
  const page = await openPromotionPage();
  await openFile(page, "promotion-hdf.json", 17);
  const reports = packaged.learners.filter((l) => l.report).map((l) => l.report);
  // One bar segment per stage that has learners, as wide as its share.
  const segments = await page.$$eval("#stage-bar .seg", (segs) => segs.map((s) => s.style.width));
  const counts = Object.values(packaged.stages).filter((n) => n > 0);
  const total = counts.reduce((a, b) => a + b, 0);
  assert.deepEqual(
    segments,
    counts.map((n) => `${(n / total) * 100}%`),
  );
  assert.equal(await page.getAttribute("#stage-bar", "aria-hidden"), "true", "the overview list is its text");
  assert.equal(await page.getAttribute("#pictures", "open"), "", "shown at once");
  const table = (caption) =>
    page.$$eval(`#figures table:has(caption:text-is("${caption}")) tbody tr`, (trs) =>
      trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\u00a0/g, " ").trim())),
    );
  // Attendance: per past seminar day, how many were present, excused, absent without justification, not recorded.
  const attendance = await table("Présence par journée de séminaire passée (nombre d'apprenants)");
  const s3day2 = reports.map((r) => r.sessions.find((s) => s.id === "S3").days[1].status);
  const tally = (status) => String(s3day2.filter((s) => s === status).length);
  assert.deepEqual(attendance[4], ["Séminaire 3, 13 septembre 2024", tally("present"), tally("excused"), tally("unjustifiedAbsence"), tally("notRecorded")]);
  assert.equal(attendance.length, 5, "the two days of seminar 4 are still to come");
  // Due dates to come, with how many learners each still concerns.
  const due = await table("Échéances à venir (apprenants qu'elles concernent encore)");
  const expected = new Map();
  for (const r of reports)
    for (const d of new Set(r.unmet.map((u) => u.dueDate).filter((d) => d && d >= "2024-09-20"))) expected.set(d, (expected.get(d) ?? 0) + 1);
  assert.deepEqual(
    due.map(([, n]) => n),
    [...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, n]) => String(n)),
  );
  await page.screenshot({ path: `${SHOTS}/promotion-pictures.png`, fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
});

// The page holds standings (no words); the detail and the export ask the worker for what only the full report says.

/** The words of a widget's unmet conditions, as shown (non-breaking spaces as spaces). */
const shownUnmet = (page) =>
  page.$$eval("#detail-progress", ([el]) =>
    [...el.shadowRoot.querySelectorAll("ul.unmet > li > span")].map((s) => s.textContent.replace(/[\u00a0\u202f]/g, " ")),
  );
/** Opens the detail of the row whose name is `name`; resolves once the widget shows that learner's report. */
/** Closes the detail and waits for the focus to be back on the row's button (the dialog's close event puts it there, a task later). */
async function closeDetail(page) {
  await page.click("#close");
  await page.waitForFunction(() => !document.getElementById("detail").open && document.activeElement?.matches("#table button[data-index]"));
}

async function openDetailOf(page, name, learnerId) {
  await page.fill("#search", name);
  await page.waitForFunction((id) => {
    const rows = document.querySelectorAll("#table tbody tr");
    return rows.length === 1 && rows[0].textContent.includes(id);
  }, learnerId);
  await page.click("#table tbody button[data-index]");
  await page.waitForFunction((id) => document.getElementById("detail").open && document.getElementById("detail-progress").report?.learnerId === id, learnerId);
}

for (const file of ["promotion-hdf.json", "promotion-hdf.jsonl"]) {
  test(`${file}: the detail opened from the standings is the learner's full report, its unmet conditions in the engine's words`, async () => {
    const page = await openPromotionPage();
    await openFile(page, file, 17);
    for (const [name, learnerId] of [
      ["Pauline Roux", "hdf-2024-015"],
      ["Julien Dubois", "hdf-2024-008"],
      [TRICKY, "hdf-2024-030"],
    ]) {
      await openDetailOf(page, name, learnerId);
      assert.equal(await page.textContent("#detail-title"), `Détail : ${name}`);
      // The very report the promotion would have given (evaluatePromotionJson, detail "report").
      const expected = packaged.learners.find((l) => l.report?.learnerId === learnerId).report;
      assert.deepEqual(await page.evaluate(() => document.getElementById("detail-progress").report), expected);
      const shown = await shownUnmet(page);
      assert.equal(shown.length, expected.unmet.length);
      for (const [i, u] of expected.unmet.entries()) assert.ok(shown[i].startsWith(u.message.fr), `${shown[i]} / ${u.message.fr}`);
      await closeDetail(page);
      assert.equal(await page.evaluate(() => document.activeElement.closest("tr")?.cells[0].textContent), `${name}${learnerId}`, "focus back on its button");
    }
    assert.equal(await page.locator("#detail-progress").evaluate((el) => el.shadowRoot.querySelectorAll("script, img").length), 0);
    assert.deepEqual(page.problems, []);
  });
}

test("2,000 learners from a file: each detail and every exported row carry the full report's words, names with quotes, backslashes and brackets included", async () => {
  const page = await newPage(browser, server.base, { downloads: true });
  await page.goto(`${server.base}promotion.html`);
  await page.waitForSelector("#programme option[value='bretagne-cpts-2021']", { state: "attached" });
  const programme = engine.loadProgramme("bretagne-cpts-2021");
  const records = generatePromotion(programme.details().definition, { size: 2000, asOf: "2022-03-01" });
  // Names that JSON escapes, or that look like the array's own brackets: the worker finds each record in the text.
  const NAMES = ['Zoé "la \\\\ grande" ]}, [{ Morel', "Yann \\", "Xavier ]", '{"learnerId": "faux"}'];
  NAMES.forEach((name, i) => {
    records[300 + i * 400].displayName = name;
  });
  const reports = programme.evaluatePromotionJson(JSON.stringify(records), "2022-03-01").learners.map((l) => l.report);
  programme.free();
  await page.fill("#as-of", "2022-03-01");
  await page.dispatchEvent("#as-of", "change");
  await page.setInputFiles("#file", tempFile("bretagne-2000-escapes.json", records));
  await page.waitForFunction(() => /sur 2\u00a0000\b/.test(document.getElementById("count").textContent), null, { timeout: 30000 });

  // The detail of a learner deep in the file, and of each name: their own full report.
  for (const i of [0, 1999, ...NAMES.map((_, k) => 300 + k * 400)]) {
    await openDetailOf(page, records[i].learnerId, records[i].learnerId);
    assert.deepEqual(await page.evaluate(() => document.getElementById("detail-progress").report), reports[i], records[i].learnerId);
    assert.equal(await page.textContent("#detail-title"), `Détail : ${records[i].displayName}`);
    await closeDetail(page);
  }

  // The export of the whole table: the words of every unmet condition, learner by learner.
  await page.fill("#search", "");
  await page.waitForFunction(() => /^2\u00a0000 apprenants/.test(document.getElementById("count").textContent));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  const rows = parseCsv(readFileSync(await download.path(), "utf8")).filter((r) => r.some((c) => c !== ""));
  assert.equal(rows.length, 2001);
  const byId = new Map(reports.map((r) => [r.learnerId, r]));
  for (const row of rows.slice(1)) {
    const report = byId.get(row[0]);
    assert.equal(row[1], report.displayName);
    assert.equal(row[13], report.unmet.map((u) => u.message.fr).join(" ; "), row[0]);
  }
  assert.deepEqual(
    NAMES.map((name) => rows.filter((r) => r[1] === name).length),
    [1, 1, 1, 1],
  );
  assert.match(await page.textContent("#announce"), /^Tableau exporté : 2\u00a0000 lignes\.$/);
  // While the worker wrote the words, the button said so; it is itself again.
  assert.equal(await page.textContent("#export"), "Exporter le tableau (CSV)");
  assert.equal(await page.getAttribute("#export", "aria-busy"), null);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("the export of a JSON Lines file carries the same words as the full reports, an invalid record's problems included", async () => {
  const page = await openPromotionPage({ downloads: true });
  await openFile(page, "promotion-hdf.jsonl", 17);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  const rows = parseCsv(readFileSync(await download.path(), "utf8")).filter((r) => r.some((c) => c !== ""));
  assert.equal(rows.length, 18);
  const expected = packaged.learners.map((l) => [
    l.report?.learnerId ?? "hdf-2024-031",
    (l.report ? l.report.unmet : l.problems).map((u) => u.message.fr).join(" ; "),
  ]);
  assert.deepEqual(
    rows
      .slice(1)
      .map((r) => [r[0], r[13]])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
    expected.sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  assert.deepEqual(page.problems, []);
});

test("after a file the engine refuses, the promotion still shown keeps its detail and its export", async () => {
  const page = await openPromotionPage({ downloads: true });
  await openFile(page, "promotion-hdf.json", 17);
  const empty = `${tmpdir()}/${process.pid}-vide.jsonl`;
  writeFileSync(empty, "\n\n");
  await page.setInputFiles("#file", empty);
  await page.waitForSelector("#page-error:not([hidden])");
  assert.match(await page.textContent("#page-error"), /^Cette promotion ne peut pas être évaluée :/);
  assert.equal(await page.textContent("#count"), "17 apprenants affichés sur 17.");
  await openDetailOf(page, "Camille Martin", "hdf-2024-007");
  assert.deepEqual(
    await page.evaluate(() => document.getElementById("detail-progress").report),
    packaged.learners.find((l) => l.report?.learnerId === "hdf-2024-007").report,
  );
  await closeDetail(page);
  await page.fill("#search", "");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  const rows = parseCsv(readFileSync(await download.path(), "utf8")).filter((r) => r.some((c) => c !== ""));
  assert.equal(rows.length, 18);
  assert.deepEqual(page.problems, []);
});
