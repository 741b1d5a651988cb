// The jury's sheet (www/jury.html): a learner's report laid out for print, A4,
// with the exact rules (id, version, hash), the date, the tallies, the
// calendar, the traceurs and the verdict with its reasons; from a file or from
// the promotion page's drill-down; nothing leaves the browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ROOT, openBrowser, closeBrowser, newPage, axeViolations, fixture } from "./helpers.mjs";

const engine = createRequire(import.meta.url)(`${ROOT}www/pkg/node/pacte_rules.js`);
const LEARNER = `${ROOT}tests/fixtures/learners/hdf-absent-s3-day2-with-justification.json`;
const SHOTS = "/tmp/shots";
const squash = (s) => s.replace(/\s+/g, " ").trim();

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

async function sheetFor(width = 1280) {
  const page = await newPage(browser, server.base);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.base}jury.html`);
  await page.waitForSelector("#programme option[value='hdf-leader-msp-2024']", { state: "attached" });
  await page.setInputFiles("#file", LEARNER);
  await page.waitForSelector("#sheet:not([hidden])");
  return page;
}

test("a learner's sheet names the learner, the exact rules, the date, and gives the verdict with its reasons", async () => {
  const page = await sheetFor();
  const { programme, asOf, learner } = JSON.parse(readFileSync(LEARNER, "utf8"));
  const handle = engine.loadProgramme(programme);
  const report = handle.evaluate(learner, asOf);
  handle.free();
  assert.equal(await page.textContent("#sheet h1"), `Fiche pour le jury : ${report.displayName}`);
  const pairs = await page.$$eval("#sheet > dl.pairs:first-of-type dt", (dts) =>
    dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent.replace(/\s+/g, " ")]),
  );
  assert.deepEqual(Object.fromEntries(pairs), {
    Apprenant·e: `${report.displayName} (${report.learnerId})`,
    Programme: report.programme.title,
    "Règles appliquées": `${report.programme.id}, version ${report.programme.version}`,
    "Empreinte des règles": report.programme.hash,
    "Situation au": "20 septembre 2024",
    Moteur: `${report.engine.name} ${report.engine.version}`,
  });
  assert.equal(squash(await page.textContent("#sheet .verdict-line")), `En cours — ${report.summary.fr}`);
  assert.deepEqual(
    (await page.locator("#sheet h2:text('Verdict') ~ ul").first().locator("li").allTextContents()).map(squash),
    report.unmet.map((u) => u.message.fr + (u.blocking ? " (bloquant)" : "")),
  );
  const hours = await page.$$eval("#sheet table:has(caption:text('Heures')) tbody tr", (trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, " "))),
  );
  assert.deepEqual(hours, [
    ["Présentiel", "49 h", "28 h", "7 h", "14 h"],
    ["E-learning", "pas d'exigence", "1 h 30", "0 min", "—"],
    ["En équipe", "pas d'exigence", "2 h", "0 min", "—"],
  ]);
  assert.equal(await page.locator("#sheet table:has(caption:text('séminaires')) tbody tr").count(), 7);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("printed, the sheet fits A4 pages: only the sheet, nothing past the page's width, two pages at most", async () => {
  const page = await sheetFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("header.site"), false);
  assert.equal(await page.isVisible("#controls"), false);
  // A4 is 210 mm wide; less 2 × 14 mm of margin, 182 mm ≈ 688 CSS px.
  await page.setViewportSize({ width: 688, height: 1000 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 688);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/jury-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
});

for (const width of [300, 390, 1280]) {
  test(`at ${width} px the sheet is no wider than the screen; axe finds nothing serious`, async () => {
    const page = await sheetFor(width);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
    await page.screenshot({ path: `${SHOTS}/jury-${width}.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
  });
}

test("from the promotion page's drill-down: the sheet opens in a new tab, the record carried by the browser only", async () => {
  const page = await newPage(browser, server.base);
  await page.goto(`${server.base}promotion.html`);
  await page.waitForSelector("#programme option[value='hdf-leader-msp-2024']", { state: "attached" });
  await page.setInputFiles("#file", fixture("promotion-hdf.json"));
  await page.waitForFunction(() => document.getElementById("count").textContent.endsWith("sur 17."));
  await page.fill("#search", "Camille Martin");
  await page.click("#table tbody button[data-index]");
  await page.waitForFunction(() => document.getElementById("detail-progress").report);
  const [sheet] = await Promise.all([page.context().waitForEvent("page"), page.click("#jury")]);
  await sheet.waitForSelector("#sheet:not([hidden])");
  assert.equal(await sheet.textContent("#sheet h1"), "Fiche pour le jury : Camille Martin");
  assert.equal(await sheet.inputValue("#as-of"), await page.inputValue("#as-of"));
  assert.deepEqual(page.outside, []);
});
