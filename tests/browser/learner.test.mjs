// The learner page (www/index.html): example records, one's own file, the
// what-if, English, markup in the data, and the page under its CSP.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ROOT, openBrowser, closeBrowser, newPage, axeViolations, screenshot, fixture, progressBars } from "./helpers.mjs";

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

const squash = (s) => s.replace(/\s+/g, " ").trim();
const text = async (page, selector) => squash(await page.locator(selector).textContent());
const texts = async (page, selector) => (await page.locator(selector).allTextContents()).map(squash);

/** Waits until the widget shows the report of `learnerId` as of `asOf`. */
async function reportShown(page, learnerId, asOf) {
  await page.waitForFunction(
    ({ learnerId, asOf }) => {
      const el = document.querySelector("#progress");
      return el.report?.learnerId === learnerId && el.report.asOf === asOf && el.shadowRoot.querySelector(".report");
    },
    { learnerId, asOf },
  );
}

async function open(query = "") {
  const page = await newPage(browser, server.base);
  const response = await page.goto(`${server.base}index.html${query}`);
  return { page, response };
}

describe("learner page", () => {
  test("shows the example learner's stage and hours, under the site's CSP, without outside requests", async () => {
    const { page, response } = await open();
    assert.equal(response.headers()["content-security-policy"], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    await reportShown(page, "hdf-2024-007", "2024-09-20");
    assert.equal(await text(page, "#progress .head h2"), "Camille Martin");
    assert.equal(await text(page, "#progress .head .stage"), "Parcours en cours");
    assert.deepEqual(await progressBars(page, "#progress"), { Présentiel: "28 h sur 49 h, plus 7 h excusées, reste 14 h" });
    assert.equal((await texts(page, "#progress .todo li"))[0], "il manque 14 h de présentiel (28 h faites, 7 h excusées sur 49 h)");
    assert.equal(await text(page, "#progress .ignored summary"), "Enregistrements non pris en compte (1)");
    assert.equal(await page.inputValue("#as-of"), "2024-09-20");
    assert.equal(await text(page, "#announce"), "Dossier affiché : Camille Martin — PACTE Leader MSP Hauts-de-France, au 20 septembre 2024.");
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "learner-hdf");
    assert.deepEqual(page.outside, []);
    assert.deepEqual(page.problems, []);
  });

  test("the MSP-CDS example: 84 h sur 96 h, the traceurs checklist; the date changes the report", async () => {
    const { page } = await open();
    await reportShown(page, "hdf-2024-007", "2024-09-20");
    await page.selectOption("#example", "data/learner-msp-cds.json");
    await reportShown(page, "msp-2025-011", "2025-03-01");
    assert.deepEqual(await progressBars(page, "#progress"), {
      Présentiel: "84 h sur 96 h, reste 12 h",
      "E-learning": "27 h 30 sur 30 h, reste 2 h 30",
      "En équipe": "30 h sur 30 h",
    });
    assert.equal(await text(page, "#progress .hours .bar-row:nth-of-type(3) .bar-text"), "30 h faites · 30 h atteintes");
    assert.deepEqual(await texts(page, "#progress .traceurs .badge"), ["validé", "déposé, en attente de vérification", "à reprendre", "manquant", "manquant"]);
    assert.equal((await texts(page, "#progress .todo li"))[1], "il manque 2 h 30 d'e-learning (27 h 30 faites sur 30 h)");
    await screenshot(page, "learner-msp-cds");
    // Mobile width: the layout holds (checked on the screenshot).
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "learner-msp-cds-narrow");

    await page.fill("#as-of", "2025-09-01");
    await reportShown(page, "msp-2025-011", "2025-09-01");
    assert.equal(await text(page, "#progress [role=status]"), `Suivi au 1er septembre 2025 : ${await text(page, "#progress .head .stage")}`);
  });

  test("opens the learner's own file: a record, or { programme, asOf, learner }", async () => {
    const { page } = await open();
    await reportShown(page, "hdf-2024-007", "2024-09-20");
    await page.setInputFiles("#file", `${ROOT}tests/fixtures/learners/msp-cds-elearning-short-by-2h30.json`);
    await reportShown(page, "msp-2025-003", "2025-06-15");
    assert.equal(await page.inputValue("#as-of"), "2025-06-15");
    assert.equal(await page.inputValue("#programme"), "msp-cds");
    assert.deepEqual(await texts(page, "#progress .todo li"), ["il manque 2 h 30 d'e-learning (27 h 30 faites sur 30 h)", "soutenance pas encore passée"]);
    assert.equal(await text(page, "#announce"), "Dossier affiché : msp-cds-elearning-short-by-2h30.json.");

    await page.setInputFiles("#file", { name: "cassé.json", mimeType: "application/json", buffer: Buffer.from("{ pas du JSON") });
    await page.locator("#page-error").waitFor();
    assert.match(await text(page, "#page-error"), /^« cassé\.json » n'est pas un fichier JSON valide/);
    assert.equal(await text(page, "#progress .head h2"), "Aurélie Bernard", "the previous record stays");
  });

  test("names, reasons and ids holding HTML or <script> are shown as text", async () => {
    const { page } = await open();
    await reportShown(page, "hdf-2024-007", "2024-09-20");
    await page.setInputFiles("#file", fixture("learner-markup.json"));
    await reportShown(page, "markup-1", "2024-09-20");
    assert.equal(await text(page, "#progress .head h2"), "<img src=x onerror=alert('nom')>Camille <script>alert('nom')</script>");
    assert.match(await text(page, "#progress .seminars tbody tr >> nth=0"), /<b>malade<\/b><script>alert\('motif'\)<\/script>$/);
    assert.match(await text(page, "#progress .ignored li"), /<i>x<\/i>/);
    assert.equal(await page.locator("#progress img, #progress script, #progress b, #progress i, main img").count(), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.outside, []);
  });

  test("what-if on the page: attending seminar 4 and depositing the mémoire make the file ready to defend", async () => {
    const { page } = await open();
    await reportShown(page, "hdf-2024-007", "2024-09-20");
    for (const label of ["Séminaire 4 — 3 octobre 2024 (7 h)", "Séminaire 4 — 4 octobre 2024 (7 h)", "Mon mémoire"]) {
      await page.locator("#progress .whatif").getByLabel(label).check();
    }
    assert.equal(await text(page, "#progress .whatif-result .stage"), "Dossier prêt pour la soutenance");
    assert.equal(await text(page, "#progress .head .stage"), "Parcours en cours", "the report itself is unchanged");
    // A new date takes away the days no longer to come, and their ticks.
    await page.fill("#as-of", "2024-10-03");
    await reportShown(page, "hdf-2024-007", "2024-10-03");
    assert.deepEqual(await texts(page, "#progress .whatif label"), ["Séminaire 4 — 4 octobre 2024 (7 h)", "Mon mémoire"]);
    assert.deepEqual(await page.locator("#progress .whatif input").evaluateAll((inputs) => inputs.map((i) => i.checked)), [true, true]);
  });

  test("English: the widget follows the language choice", async () => {
    const { page } = await open();
    await reportShown(page, "hdf-2024-007", "2024-09-20");
    await page.getByLabel("English").check();
    await page.waitForFunction(() => document.querySelector("#progress").shadowRoot.querySelector(".head .stage")?.textContent.includes("In progress"));
    assert.equal(await page.locator("#progress").getAttribute("lang"), "en");
    assert.equal(await text(page, "#progress .todo h3"), "What is left to do");
    assert.deepEqual(await progressBars(page, "#progress"), { "In person": "28 h of 49 h, plus 7 h excused, 14 h left" });
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "learner-hdf-en");
  });

  test("when the CSP blocks WebAssembly, the page and the widget say so", async () => {
    const { page, response } = await open("?csp=no-wasm");
    assert.equal(response.headers()["content-security-policy"], "default-src 'self'; script-src 'self'");
    await page.locator("#page-error").waitFor();
    assert.match(await text(page, "#page-error"), /WebAssembly est bloqué/);
    await page.locator("#progress [role=alert]").waitFor();
    assert.match(await text(page, "#progress [role=alert]"), /^Le suivi de progression ne peut pas s'afficher : WebAssembly est bloqué sur cette page/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "learner-wasm-blocked");
    assert.deepEqual(page.outside, []);
  });
});
