// The programme page (www/programmes.html): the embedded definitions, resolved,
// and the check of regional definition files with each problem's JSON path.
// Expected values are those of the CLI: `pacte programmes`, `pacte check-programme <file> [--with <file>]`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ROOT, openBrowser, closeBrowser, newPage, axeViolations, screenshot, fixture } from "./helpers.mjs";

const definitions = (name) => `${ROOT}tests/fixtures/definitions/${name}`;
const engine = createRequire(import.meta.url)(`${ROOT}www/pkg/node/pacte_rules.js`);

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

async function openPage() {
  const page = await newPage(browser, server.base);
  const response = await page.goto(`${server.base}programmes.html`);
  assert.match(response.headers()["content-security-policy"], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector("#embedded tbody tr");
  return page;
}

const HOURS = "#definition table:has(caption:text('Heures'))";
const CALENDAR = "#definition table:has(caption:text('Calendrier'))";
const TRACEURS = "#definition table:has(caption:text('traceurs'))";
// The pages keep a figure with its unit and a day with its month (U+00A0); the
// values compared here are the words, so these helpers read them with ordinary spaces.
const plain = (s) => s.replace(/\u00a0/g, " ");
const texts = async (page, selector) => (await page.$$eval(selector, (els) => els.map((e) => e.innerText.trim().replace(/\s*\n\s*/g, " | ")))).map(plain);
const cells = async (page, selector) =>
  (await page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim().replace(/\s*\n\s*/g, " | "))))).map((r) =>
    r.map(plain),
  );
const pairs = async (page) =>
  Object.fromEntries(
    Object.entries(
      await page.$$eval("#definition > dl.pairs:first-of-type dt", (dts) =>
        Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
      ),
    ).map(([k, v]) => [plain(k), plain(v)]),
  );

test("the embedded programmes, and one resolved: hours, modules, seminar days, mémoire, soutenance, candidature", async () => {
  const page = await openPage();
  const rows = await page.$$eval("#embedded tbody tr", (trs) => trs.map((tr) => [...tr.cells].slice(1, 5).map((c) => c.textContent)));
  assert.deepEqual(rows, [
    ["msp-cds", "2025.1", "MSP-CDS", "—"],
    ["cpts", "2025.1", "CPTS", "—"],
    ["socle-option", "2025.1", "MSP-CDS", "msp-cds"],
    ["leader-msp", "2024.1", "Leader MSP", "—"],
    ["hdf-leader-msp-2024", "2024.1", "Leader MSP", "leader-msp"],
    ["bretagne-cpts-2021", "2021.1", "CPTS", "cpts"],
  ]);

  await page.click("#embedded tbody tr:nth-child(5) button");
  assert.equal(await page.textContent("#definition h2"), "PACTE LEADER MSP Hauts-de-France — promotion 1, 2024");
  assert.equal(await page.evaluate(() => document.activeElement.id), "definition-title");
  assert.equal(await page.getAttribute("#embedded tbody tr:nth-child(5) button", "aria-pressed"), "true");
  const hdf = engine.loadProgramme("hdf-leader-msp-2024");
  assert.deepEqual(await pairs(page), {
    Identifiant: "hdf-leader-msp-2024",
    Version: "2024.1",
    Mention: "Leader MSP",
    "Hérite de": "leader-msp",
    Promotion: "Hauts-de-France, du 11 avril 2024 au 27 novembre 2024",
    "Alerte « en retard »": "une échéance à 30 jours ou moins, ou passée",
    "Empreinte des règles": hdf.hash,
  });
  hdf.free();
  // Seed 004's calendar: S1 11 April, S2 23–24 May, S3 12–13 September, S4 3–4 October 2024; 7 h a day.
  assert.deepEqual(await cells(page, CALENDAR), [
    ["Séminaire 1 | S1", "oui", "11 avril 2024 — 7 h", "7 h"],
    ["Séminaire 2 | S2", "oui", "23 mai 2024 — 7 h | 24 mai 2024 — 7 h", "14 h"],
    ["Séminaire 3 | S3", "oui", "12 septembre 2024 — 7 h | 13 septembre 2024 — 7 h", "14 h"],
    ["Séminaire 4 | S4", "oui", "3 octobre 2024 — 7 h | 4 octobre 2024 — 7 h", "14 h"],
  ]);
  assert.deepEqual(await cells(page, HOURS), [
    ["Présentiel", "49 h"],
    ["E-learning", "pas d'exigence en heures"],
    ["En équipe", "pas d'exigence en heures"],
  ]);
  const memoire = (await page.$$eval("#definition h3:text('Mémoire') + dl dd", (dds) => dds.map((d) => d.textContent))).map(plain);
  assert.deepEqual(memoire, ["oui", "pas de date limite fixée", "oui", "27 novembre 2024", "1 h"]);

  // Bretagne CPTS 2021: the calendar's 63 h and no other hours (seed 002 gives none), five traceurs, the file's pieces.
  await page.click("#embedded tbody tr:nth-child(6) button");
  assert.deepEqual(await cells(page, HOURS), [
    ["Présentiel", "63 h"],
    ["E-learning", "pas d'exigence en heures"],
    ["En équipe", "pas d'exigence en heures"],
  ]);
  assert.equal((await cells(page, CALENDAR)).length, 6);
  assert.deepEqual((await cells(page, TRACEURS))[0], [
    "Fiche de poste du coordinateur | fiche-de-poste",
    "Prise de fonction",
    "oui",
    "validé par le formateur relais",
    "—",
  ]);
  assert.equal((await cells(page, TRACEURS)).length, 5);
  const candidature = await page.$$eval("#definition h3:text('Candidature') + dl", ([dl]) =>
    Object.fromEntries(
      [...dl.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.innerText.replace(/\n/g, " | ").replace(/\u00a0/g, " ")]),
    ),
  );
  assert.equal(candidature["Équipes admises"], "CPTS (communauté professionnelle territoriale de santé)");
  assert.equal(candidature["Candidats par équipe"], "de 1 à 3");
  assert.equal(candidature["Date limite du dossier complet"], "30 juin 2021");
  assert.equal(candidature["Pièces de chaque candidat"], "Lettre de motivation | Curriculum vitae");
  await screenshot(page, "programmes-bretagne");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("invalid definition files: every problem with its JSON path, as check-programme reports it", async () => {
  const page = await openPage();
  await page.setInputFiles("#definition-file", definitions("several-errors-at-once.json"));
  await page.waitForSelector("#checks article");
  assert.equal(await page.textContent("#checks .verdict"), "3 problèmes : définition refusée");
  // The codes and paths of the CLI; the words of the package the page runs.
  const shown = (files) => {
    const [main, ...extra] = files.map((f) => JSON.parse(readFileSync(definitions(f), "utf8")));
    return engine.checkProgramme(main, extra).problems.map((p) => [p.code, p.path, `${p.message.fr} (${p.code} à ${p.path})`]);
  };
  const expect = async (files, codes) => {
    const expected = shown(files);
    assert.deepEqual(
      expected.map(([code, path]) => [code, path]),
      codes,
      files[0],
    );
    return expected.map(([, , text]) => text);
  };
  assert.deepEqual(
    await texts(page, "#checks ul.problems li"),
    await expect(
      ["several-errors-at-once.json"],
      [
        ["INVALID_DATE", "/sessions/2/days/1/date"],
        ["UNKNOWN_FIELD", "/sessions/3/salle"],
        ["DUPLICATE_ID", "/sessions/3/id"],
      ],
    ),
  );
  assert.match((await texts(page, "#checks ul.problems li"))[0], /2025-09-31/);
  assert.equal(await page.isHidden("#definition"), true);
  await screenshot(page, "programmes-invalid");
  assert.deepEqual(await axeViolations(page), []);

  for (const [name, codes] of [
    ["calendar-short-of-96-hours.json", [["CALENDAR_SHORT_OF_PRESENTIEL", "/requiredMinutes/presentiel"]]],
    ["extends-unknown-parent.json", [["UNKNOWN_PARENT", "/extends"]]],
    ["elective-group-asks-more-than-it-offers.json", [["ELECTIVE_GROUP_TOO_LARGE", "/electiveGroups/0/atLeast"]]],
    ["malformed-session-before-an-impossible-date.json", shown(["malformed-session-before-an-impossible-date.json"]).map(([code, path]) => [code, path])],
  ]) {
    await page.setInputFiles("#definition-file", definitions(name));
    await page.waitForFunction((n) => document.querySelector("#checks h3")?.textContent === n, name);
    assert.deepEqual(await texts(page, "#checks ul.problems li"), await expect([name], codes), name);
  }

  // Two files that extend each other: checked together, the cycle is found in each.
  await page.setInputFiles("#definition-file", [definitions("cycle-a-extends-b.json"), definitions("cycle-b-extends-a.json")]);
  await page.waitForFunction(() => document.querySelectorAll("#checks article").length === 2);
  assert.deepEqual(await texts(page, "#checks ul.problems li"), [
    ...(await expect(["cycle-a-extends-b.json", "cycle-b-extends-a.json"], [["EXTENDS_CYCLE", "/extends"]])),
    ...(await expect(["cycle-b-extends-a.json", "cycle-a-extends-b.json"], [["EXTENDS_CYCLE", "/extends"]])),
  ]);
  assert.match((await texts(page, "#checks ul.problems li"))[0], /cycle-a → cycle-b → cycle-a/);

  // Not JSON at all.
  await page.setInputFiles("#definition-file", { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("séminaires : à venir") });
  await page.waitForSelector("#page-error:not([hidden])");
  assert.match(await page.textContent("#page-error"), /^« notes\.json » n'est pas un fichier JSON valide/);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("a valid regional definition, resolved with what it inherits; its titles are text", async () => {
  const page = await openPage();
  await page.setInputFiles("#definition-file", fixture("programme-occitanie.json"));
  await page.waitForSelector("#definition:not([hidden])");
  assert.equal(await page.textContent("#checks .verdict"), "Définition valide");
  const title = "PACTE MSP-CDS Occitanie 2025 <script>alert(1)</script>";
  assert.equal(await page.textContent("#definition h2"), title);
  const answer = engine.checkProgramme(JSON.parse(readFileSync(fixture("programme-occitanie.json"), "utf8")));
  assert.equal(answer.kind, "success");
  const shown = await pairs(page);
  assert.equal(shown["Hérite de"], "msp-cds");
  assert.equal(shown["Empreinte des règles"], answer.value.hash);
  assert.equal(shown.Promotion, "Occitanie, du 1er janvier 2025 au 31 décembre 2025");
  // msp-cds: 96 h in person (the calendar's twelve 8-hour days), 30 h of e-learning, 30 h of team work; its five modules and traceurs.
  assert.deepEqual(await cells(page, HOURS), [
    ["Présentiel", "96 h"],
    ["E-learning", "30 h"],
    ["En équipe", "30 h"],
  ]);
  assert.equal((await texts(page, "#definition > ol > li")).length, 5);
  const sessions = await cells(page, CALENDAR);
  assert.equal(sessions.length, 6);
  assert.deepEqual(sessions[0], ["<img src=x onerror=alert(2)> Séminaire 1 | S1", "oui", "14 janvier 2025 — 8 h | 15 janvier 2025 — 8 h", "16 h"]);
  assert.equal(await page.locator("#definition script, #definition img").count(), 0);
  await screenshot(page, "programmes-regional");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});
