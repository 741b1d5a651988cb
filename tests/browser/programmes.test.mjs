// The programme page (www/programmes.html): the embedded definitions, resolved,
// and the check of regional definition files with each problem's JSON path.
// Expected values are those of the CLI: `pacte programmes`, `pacte check-programme <file> [--with <file>]`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ROOT, startServer, launch, newPage, axeViolations, screenshot, fixture } from "./helpers.mjs";

const definitions = (name) => `${ROOT}tests/fixtures/definitions/${name}`;
const engine = createRequire(import.meta.url)(`${ROOT}www/pkg/node/pacte_rules.js`);

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

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
const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.innerText.trim().replace(/\s*\n\s*/g, " | ")));
const cells = (page, selector) => page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim().replace(/\s*\n\s*/g, " | "))));
const pairs = (page) => page.$$eval("#definition > dl.pairs:first-of-type dt", (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));

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
  assert.deepEqual(await cells(page, HOURS), [["Présentiel", "49 h"], ["E-learning", "pas d'exigence en heures"], ["En équipe", "pas d'exigence en heures"]]);
  const memoire = await page.$$eval("#definition h3:text('Mémoire') + dl dd", (dds) => dds.map((d) => d.textContent));
  assert.deepEqual(memoire, ["oui", "pas de date limite fixée", "oui", "27 novembre 2024", "1 h"]);

  // Bretagne CPTS 2021: the calendar's 63 h, 50 h of e-learning and of team work, five traceurs, the file's pieces.
  await page.click("#embedded tbody tr:nth-child(6) button");
  assert.deepEqual(await cells(page, HOURS), [["Présentiel", "63 h"], ["E-learning", "50 h"], ["En équipe", "50 h"]]);
  assert.equal((await cells(page, CALENDAR)).length, 6);
  assert.deepEqual((await cells(page, TRACEURS))[0], ["Fiche de poste du coordinateur | fiche-de-poste", "Prise de fonction", "oui", "validé par le formateur relais", "—"]);
  assert.equal((await cells(page, TRACEURS)).length, 5);
  const candidature = await page.$$eval("#definition h3:text('Candidature') + dl", ([dl]) => Object.fromEntries([...dl.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.innerText.replace(/\n/g, " | ")])));
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
  assert.deepEqual(await texts(page, "#checks ul.problems li"), [
    "date invalide en /sessions/2/days/1/date : attendu une date réelle écrite AAAA-MM-JJ (invalid date \"2025-09-31\", expected a real date written YYYY-MM-DD) (INVALID_DATE à /sessions/2/days/1/date)",
    "champ inconnu /sessions/3/salle (UNKNOWN_FIELD à /sessions/3/salle)",
    "l'identifiant « S2 » figure deux fois dans /sessions (DUPLICATE_ID à /sessions/3/id)",
  ]);
  assert.equal(await page.isHidden("#definition"), true);
  await screenshot(page, "programmes-invalid");
  assert.deepEqual(await axeViolations(page), []);

  for (const [name, expected] of [
    ["calendar-short-of-96-hours.json", "le calendrier n'offre que 42 h de séminaires obligatoires pour 96 h de présentiel exigées (CALENDAR_SHORT_OF_PRESENTIEL à /requiredMinutes/presentiel)"],
    ["extends-unknown-parent.json", "« cpts-national » n'est ni un programme intégré ni une définition fournie (UNKNOWN_PARENT à /extends)"],
    ["elective-group-asks-more-than-it-offers.json", "le groupe « modules-complementaires » demande au moins 3 modules mais n'en propose que 2 (ELECTIVE_GROUP_TOO_LARGE à /electiveGroups/0/atLeast)"],
  ]) {
    await page.setInputFiles("#definition-file", definitions(name));
    await page.waitForFunction((n) => document.querySelector("#checks h3")?.textContent === n, name);
    assert.deepEqual(await texts(page, "#checks ul.problems li"), [expected], name);
  }

  // Two files that extend each other: checked together, the cycle is found in each.
  await page.setInputFiles("#definition-file", [definitions("cycle-a-extends-b.json"), definitions("cycle-b-extends-a.json")]);
  await page.waitForFunction(() => document.querySelectorAll("#checks article").length === 2);
  assert.deepEqual(await texts(page, "#checks ul.problems li"), [
    "les définitions s'étendent en cercle : cycle-a → cycle-b → cycle-a (EXTENDS_CYCLE à /extends)",
    "les définitions s'étendent en cercle : cycle-b → cycle-a → cycle-b (EXTENDS_CYCLE à /extends)",
  ]);

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
  assert.equal(answer.type, "success");
  const shown = await pairs(page);
  assert.equal(shown["Hérite de"], "msp-cds");
  assert.equal(shown["Empreinte des règles"], answer.value.hash);
  assert.equal(shown.Promotion, "Occitanie, du 1er janvier 2025 au 31 décembre 2025");
  // msp-cds: 96 h in person (the calendar's twelve 8-hour days), 30 h of e-learning, 30 h of team work; its five modules and traceurs.
  assert.deepEqual(await cells(page, HOURS), [["Présentiel", "96 h"], ["E-learning", "30 h"], ["En équipe", "30 h"]]);
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
