// The candidature page (www/candidature.html): every example file of
// tests/fixtures/candidatures gets the CLI's verdict, reasons, missing pieces
// and advisories (`pacte check-candidature --programme <programme> --as-of <asOf> <file>`);
// the form alone builds a file that the engine checks; names are text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ROOT, openBrowser, closeBrowser, newPage, axeViolations, screenshot } from "./helpers.mjs";

const example = (name) => `${ROOT}tests/fixtures/candidatures/${name}.json`;
const engine = createRequire(import.meta.url)(`${ROOT}www/pkg/node/pacte_rules.js`);

// The CLI's answers: verdict, then [code or piece, path] of reasons, missing pieces and advisories.
// Not here: the files with piece ids or questions the programme does not have
// (bretagne-piece-ids-misspelled, bretagne-answer-to-a-question-not-asked):
// the page reads a file into its form, which only holds the programme's own
// pieces and questions, so those ids do not reach the engine (a known gap).
const CLI = {
  "bretagne-board-letter-not-signed-by-all-members": ["Incomplet", [], [["lettre-engagement", "/team/board/signedBy"]], []],
  "bretagne-board-letter-without-list-of-members": ["Incomplet", [], [["lettre-engagement", "/team/board"]], []],
  "bretagne-complete-file-two-candidates": ["Recevable", [], [], []],
  "bretagne-cpts-not-yet-constituted-no-derogation-asked": ["Non recevable", [["NO_TEAM", "/candidates/0"]], [], []],
  "bretagne-file-opened-without-one-cv": ["Incomplet", [], [["cv", "/candidates/1/pieces"]], []],
  "bretagne-file-opened-without-projet-de-sante": ["Incomplet", [], [["projet-de-sante", "/team/pieces"]], []],
  "bretagne-file-sent-after-deadline": ["Non recevable", [["DUE_DATE_PASSED", "/submittedOn"]], [], []],
  "bretagne-file-without-candidate": ["Non recevable", [["NO_CANDIDATE", "/candidates"]], [], []],
  "bretagne-four-candidates-one-cpts": ["Non recevable", [["QUOTA_EXCEEDED", "/candidates"]], [], []],
  "bretagne-msp-team-applies-to-cpts-promotion": ["Non recevable", [["STRUCTURE_NOT_ACCEPTED", "/team/structureType"]], [], []],
  "bretagne-pieces-still-missing-after-deadline": ["Non recevable", [["DUE_DATE_PASSED", ""]], [["lettre-de-motivation", "/candidates/0/pieces"]], []],
  "bretagne-questions-left-unanswered": [
    "Incomplet",
    [],
    [
      ["organisation-coordination", "/team/answers/organisation-coordination"],
      ["besoin-accompagnement", "/team/answers/besoin-accompagnement"],
    ],
    [],
  ],
  "bretagne-same-candidate-listed-twice": ["Recevable", [], [], [["DUPLICATE_CANDIDATE", "/candidates/3"]]],
  "hdf-leader-candidate-trained-in-health-management-only": ["Recevable", [], [], [["NO_DESIRABLE_TRAINING", "/candidates/0"]]],
  "leader-msp-leader-being-recruited-asks-derogation": ["Non recevable", [["NO_TEAM", "/candidates/0"]], [], []],
  "msp-cds-coordinator-being-recruited-asks-derogation": ["Recevable", [], [], [["DEROGATION_TO_DECIDE", "/candidates/0"]]],
  "msp-cds-coordinator-not-in-team-without-derogation": ["Non recevable", [["NO_TEAM", "/candidates/0"]], [], []],
  "msp-cds-coordinator-without-health-training": ["Recevable", [], [], [["NO_DESIRABLE_TRAINING", "/candidates/0"]]],
};

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

async function openPage(options) {
  const page = await newPage(browser, server.base, options);
  const response = await page.goto(`${server.base}candidature.html`);
  assert.match(response.headers()["content-security-policy"], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector("#result:not([hidden])");
  return page;
}

/** The verdict, the lines under each heading of the result, and the JSON paths listed apart for developers. */
const result = (page) =>
  page.evaluate(() => {
    const section = document.getElementById("result");
    const plain = (t) => t.replace(/\u00a0/g, " ");
    const list = (title) => {
      const heading = [...section.querySelectorAll("h3")].find((h) => h.textContent === title);
      const ul = heading?.nextElementSibling;
      return ul?.tagName === "UL" ? [...ul.children].map((li) => plain(li.textContent)) : [];
    };
    return {
      verdict: section.querySelector(".verdict")?.textContent,
      reasons: list("Raisons"),
      missing: list("Pièces manquantes"),
      advisories: list("Remarques pour le comité"),
      paths: [...section.querySelectorAll("details.paths li")].map((li) => li.querySelector("code").textContent),
      codeInLists: section.querySelectorAll("h3 + ul code").length,
    };
  });

test("each example file: the verdict, reasons, missing pieces and advisories of the CLI", async () => {
  const page = await openPage();
  for (const [name, [verdict, reasons, missing, advisories]] of Object.entries(CLI)) {
    const { programme, asOf } = JSON.parse(readFileSync(example(name), "utf8"));
    // Emptied first, so that what is read next is this file's result.
    await page.evaluate(() => document.getElementById("result").replaceChildren());
    await page.setInputFiles("#file", example(name));
    await page.waitForSelector("#result .verdict");
    assert.deepEqual(await page.evaluate(() => [document.getElementById("programme").value, document.getElementById("as-of").value]), [programme, asOf], name);
    const shown = await result(page);
    assert.equal(shown.verdict, verdict, name);
    // Every path of the CLI's findings, apart, for developers; none in the lists a committee reads.
    assert.deepEqual(shown.paths, [...reasons, ...missing, ...advisories].map(([, path]) => path).filter(Boolean), name);
    assert.equal(shown.codeInLists, 0, name);
    // The engine's words, from the package the page runs: each reason and remark begins with them.
    const { file } = JSON.parse(readFileSync(example(name), "utf8"));
    const handle = engine.loadProgramme(programme);
    const report = handle.checkCandidature(file, asOf);
    handle.free();
    const begins = (shownList, list) => {
      assert.equal(shownList.length, (list ?? []).length, name);
      shownList.forEach((text, i) => {
        assert.ok(text.startsWith(list[i].message.fr.trim()) || /^Candidat·e n° \d/.test(text), `${name}: ${text}`);
      });
    };
    begins(shown.reasons, report.verdict.reasons);
    begins(shown.advisories, report.advisories);
    // Missing pieces: one line per candidate or for the team, each piece named as the programme names it.
    assert.equal(shown.missing.length, new Set(missing.map(([, path]) => path.replace(/\/(pieces|answers|board).*$/, ""))).size, name);
    if (name === "bretagne-pieces-still-missing-after-deadline") {
      assert.match(shown.reasons[0], /30 juin 2021/);
      assert.equal(shown.missing[0], "Maëlle Le Gall : Lettre de motivation");
      await screenshot(page, "candidature-ineligible");
      assert.deepEqual(await axeViolations(page), []);
    }
    if (name === "bretagne-file-opened-without-one-cv") {
      assert.match(await page.textContent("#result"), /les pièces manquantes sont attendues avant le 30\s+juin 2021\./);
    }
  }
  // A file addressed to another programme: the engine's refusal, with its path.
  await page.setInputFiles("#file", example("bretagne-file-addressed-to-msp-cds"));
  await page.waitForSelector("#page-error:not([hidden])");
  assert.match(await page.textContent("#page-error"), /le dossier est adressé à « msp-cds », pas à « bretagne-cpts-2021 »/);
  assert.match(await page.textContent("#page-error"), /PROGRAMME_MISMATCH à \/programme/);
  assert.equal(await page.isHidden("#result"), true);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("a file filled in the form, checked at each change; names made of markup are text", async () => {
  const page = await openPage({ downloads: true });
  await page.fill("#as-of", "2021-06-10");
  const team = "<script>alert(1)</script> CPTS des Abers";
  const candidate = "<img src=x onerror=alert(2)> Nolwenn";
  await page.fill("#team-name", team);
  await page.selectOption("#structure", "cpts");
  await page.check("input[name=team-pieces][value=lettre-engagement]");
  await page.check("input[name=team-pieces][value=projet-de-sante]");
  await page.fill("#board-members", "Dr Le Roux\nM. Cloarec");
  await page.fill("#board-signed", "Dr Le Roux\nM. Cloarec");
  await page.fill("#answer-organisation-coordination", "Une coordinatrice à mi-temps.");
  await page.fill("#answer-besoin-accompagnement", "Non.");
  await page.fill("fieldset.candidate [name=name]", candidate);
  await page.check("fieldset.candidate input[name=pieces][value=lettre-de-motivation]");
  await page.selectOption("fieldset.candidate [name=initialTraining]", "healthProfessional");
  // Whether the candidate works in the team is never presumed: said, or missing.
  await page.selectOption("fieldset.candidate [name=inTeam]", "true");
  assert.equal((await result(page)).verdict, "Incomplet");
  await page.check("fieldset.candidate input[name=pieces][value=cv]");
  assert.equal((await result(page)).verdict, "Recevable");
  assert.equal(await page.textContent("#result h2"), `Dossier de l'équipe ${team}`);
  assert.equal(await page.textContent("fieldset.candidate legend"), `Candidat·e n° 1 : ${candidate}`);

  // A board member who did not sign: the letter of commitment is missing.
  await page.fill("#board-signed", "Dr Le Roux");
  let shown = await result(page);
  assert.equal(shown.verdict, "Incomplet");
  assert.deepEqual(shown.paths, ["/team/board/signedBy"]);
  assert.deepEqual(shown.missing, ["Équipe : Lettre d'engagement de l'équipe signée de tous les membres du CA/bureau"]);
  await page.fill("#board-signed", "Dr Le Roux\nM. Cloarec");

  // Four candidates for one CPTS: more than the three allowed.
  for (let i = 0; i < 3; i++) await page.click("text=Ajouter un candidat");
  shown = await result(page);
  assert.equal(shown.verdict, "Non recevable");
  assert.equal(shown.paths[0], "/candidates");
  assert.equal(shown.reasons.length, 1);
  for (let i = 0; i < 3; i++) await page.click("fieldset.candidate:last-of-type >> text=Retirer ce candidat");
  assert.equal((await result(page)).verdict, "Recevable");
  await screenshot(page, "candidature-form");
  assert.deepEqual(await axeViolations(page), []);

  // Saved as the examples are written, and read back the same.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Enregistrer ce dossier (JSON)")]);
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.deepEqual(saved, {
    programme: "bretagne-cpts-2021",
    asOf: "2021-06-10",
    file: {
      team: {
        name: team,
        structureType: "cpts",
        pieces: ["lettre-engagement", "projet-de-sante"],
        board: { members: ["Dr Le Roux", "M. Cloarec"], signedBy: ["Dr Le Roux", "M. Cloarec"] },
        answers: { "organisation-coordination": "Une coordinatrice à mi-temps.", "besoin-accompagnement": "Non." },
      },
      candidates: [{ name: candidate, pieces: ["lettre-de-motivation", "cv"], inTeam: true, initialTraining: "healthProfessional" }],
    },
  });
  assert.equal(await page.locator("#result script, #result img, #fields img").count(), 0);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
});

test("the page opens inside the candidature window, on an empty form that says what to fill", async () => {
  const page = await openPage();
  // Bretagne 2021: complete files before 30 June 2021; today is later, so the page opens on that day.
  assert.equal(await page.inputValue("#as-of"), "2021-06-30");
  assert.equal(await page.locator("#result .verdict").count(), 0, "no verdict on an empty form");
  assert.equal(
    (await page.textContent("#result p")).replace(/\u00a0/g, " "),
    "Le dossier est vide. Renseignez le nom de l'équipe, son type de structure et les pièces qu'elle a fournies, puis chaque candidat·e et ses pièces :",
  );
  assert.equal(await page.textContent("#announce"), "");
});

test("an unnamed candidate's missing pieces read « Candidat·e n° 1 : … », never « : … manquant(e) »", async () => {
  const page = await openPage();
  await page.fill("#team-name", "CPTS du Léon");
  const shown = await result(page);
  assert.equal(shown.verdict, "Non recevable");
  // Whether the candidate works in the team is asked, never presumed.
  assert.equal(shown.missing[0], "Candidat·e n° 1 : dire si la personne est déjà en poste dans l'équipe ; Lettre de motivation ; Curriculum vitae");
  assert.ok(
    shown.reasons.every((r) => !r.startsWith(" ") && !r.startsWith(":")),
    shown.reasons.join("\n"),
  );
  assert.ok(
    shown.advisories.every((r) => /^Candidat·e n° 1 /.test(r)),
    shown.advisories.join("\n"),
  );
  assert.doesNotMatch([...shown.missing, ...shown.reasons].join("\n"), /manquant\(e\)/);
});

test("the status region speaks when the verdict changes, not at each keystroke", async () => {
  const page = await openPage();
  await page.evaluate(() => {
    window.spoken = [];
    new MutationObserver(() => window.spoken.push(document.getElementById("announce").textContent)).observe(document.getElementById("announce"), {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.locator("#team-name").pressSequentially("CPTS");
  await page.locator("fieldset.candidate [name=name]").pressSequentially("Anne");
  assert.deepEqual(await page.evaluate(() => window.spoken), ["Verdict : Non recevable."]);
});

for (const width of [300, 390, 1280]) {
  test(`at ${width} px: the page fits the screen, the verdict panel does not scroll inside itself, axe finds nothing serious`, async () => {
    const page = await openPage();
    await page.setViewportSize({ width, height: 800 });
    await page.setInputFiles("#file", example("bretagne-pieces-still-missing-after-deadline"));
    await page.waitForSelector("#result .verdict");
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
    assert.deepEqual(await page.$eval("#result", (el) => [getComputedStyle(el).overflowY, el.scrollHeight <= el.clientHeight + 1]), ["visible", true]);
    await page.click("#result details.paths summary");
    mkdirSync("/tmp/shots", { recursive: true });
    await page.screenshot({ path: `/tmp/shots/candidature-${width}.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.problems, []);
  });
}
