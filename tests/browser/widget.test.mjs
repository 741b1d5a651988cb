// <pacte-progress> on its own: a bare host page (served through a route, with
// the pages' CSP) and the engine's learner fixtures, whose numbers the CLI
// gives (`pacte evaluate --format text`).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { openBrowser, closeBrowser, newPage, axeViolations, screenshot, learnerFixture, showLearner, progressBars } from "./helpers.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const HOST = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Hôte de test</title>
<script type="module" src="widget-host.js"></script></head>
<body><main><h1>Hôte de test</h1><pacte-progress id="w"></pacte-progress></main></body></html>`;
const HOST_JS = `import { setup } from "./pkg/widget/pacte-progress.js";
setup({ wasm: "pkg/web/pacte_rules_bg.wasm" });`;

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

/** A page holding one widget, `#w`, and nothing else. */
async function host() {
  const page = await newPage(browser, server.base);
  await page.route(`${server.base}widget-host.html`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": CSP }, body: HOST }),
  );
  await page.route(`${server.base}widget-host.js`, (route) =>
    route.fulfill({ contentType: "text/javascript", headers: { "Content-Security-Policy": CSP }, body: HOST_JS }),
  );
  await page.goto(`${server.base}widget-host.html`);
  await page.waitForFunction(() => customElements.get("pacte-progress"));
  return page;
}

// Text as read out, whatever the layout: whitespace collapsed.
const squash = (s) => s.replace(/\s+/g, " ").trim();
const text = async (page, selector) => squash(await page.locator(`#w ${selector}`).textContent());
const texts = async (page, selector) => (await page.locator(`#w ${selector}`).allTextContents()).map(squash);

describe("<pacte-progress>", () => {
  test("hours, reasons and stage of a learner short of e-learning", async () => {
    const page = await host();
    await showLearner(page, "#w", learnerFixture("msp-cds-elearning-short-by-2h30"));
    assert.equal(await text(page, ".head h2"), "Aurélie Bernard");
    assert.equal(await text(page, ".head .stage"), "Parcours en cours");
    assert.deepEqual(await progressBars(page, "#w"), {
      Présentiel: "96 h sur 96 h",
      "E-learning": "27 h 30 sur 30 h, reste 2 h 30",
      "En équipe": "30 h sur 30 h",
    });
    assert.deepEqual(await texts(page, ".todo li"), ["il manque 2 h 30 d'e-learning (27 h 30 faites sur 30 h)", "soutenance pas encore passée"]);
    assert.equal(await text(page, ".hours .bar-row:nth-of-type(2) .bar-text"), "27 h 30 faites · reste 2 h 30 sur 30 h");
    assert.equal(await text(page, ".hours .total"), "Total : 153 h 30 faites · reste 2 h 30 sur 156 h");
    const bar = page.locator("#w [role=progressbar]").nth(1);
    assert.deepEqual([await bar.getAttribute("aria-valuenow"), await bar.getAttribute("aria-valuemax")], ["1650", "1800"]);
    assert.equal(await page.locator("#w [role=status]").textContent(), "Suivi au 15 juin 2025 : Parcours en cours");
    assert.deepEqual(page.problems, []);
  });

  test("excused hours apart, seminar calendar, blocking reasons", async () => {
    const page = await host();
    await showLearner(page, "#w", learnerFixture("hdf-absent-s3-day2-with-justification"));
    assert.deepEqual(await progressBars(page, "#w"), { Présentiel: "28 h sur 49 h, plus 7 h excusées, reste 14 h" });
    assert.equal(await text(page, ".hours .bar-row:nth-of-type(1) .bar-text"), "28 h faites · 7 h excusées · reste 14 h sur 49 h");
    const rows = await page.locator("#w .seminars tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.equal(rows.length, 7);
    // A figure and its unit, a day and its month, are never parted at a line's end (U+00A0).
    assert.deepEqual(rows[4], ["Séminaire 3", "13\u00a0septembre 2024 (7\u00a0h)", "absence justifiée (heures excusées) — hospitalisation d'un enfant"]);
    assert.deepEqual(rows[6], ["Séminaire 4", "4\u00a0octobre 2024 (7\u00a0h)", "à venir"]);
    assert.deepEqual(await texts(page, ".memoire dd"), [
      "en cours de rédaction (échéance le 27 novembre 2024)",
      "pas encore programmée (1 h, date du calendrier : 27 novembre 2024)",
    ]);

    await showLearner(page, "#w", learnerFixture("hdf-absent-s3-day2-without-justification"));
    assert.equal(await text(page, ".head .stage"), "Diplôme compromis : une condition ne peut plus être remplie");
    assert.deepEqual(await texts(page, ".todo li.tone-danger"), [
      "il manque 21 h de présentiel et les séminaires restants n'en offrent que 14 h (bloquant)",
      "absence non justifiée au Séminaire 3 le 13 septembre 2024 (bloquant)",
    ]);
    assert.equal((await texts(page, ".seminars tbody td:last-child"))[4], "absence non justifiée");
  });

  test("traceurs checklist in every state; a complete learner", async () => {
    const page = await host();
    await showLearner(page, "#w", learnerFixture("msp-cds-traceurs-in-every-state"));
    assert.deepEqual(
      (await texts(page, ".traceurs li .badge")).map((s) => s.trim()),
      ["à reprendre", "déposé, en attente de vérification", "validé", "manquant", "manquant"],
    );
    assert.equal((await texts(page, ".traceurs li .item"))[0], "Fiche de poste du coordinateur — à faire valider par le formateur relais");
    await screenshot(page, "widget-traceurs");

    await showLearner(page, "#w", learnerFixture("hdf-soutenance-passed"));
    assert.equal(await text(page, ".head .stage"), "Conditions du diplôme remplies");
    assert.equal(await text(page, ".todo p"), "Rien : toutes les conditions du diplôme sont remplies.");
    assert.equal(await page.locator("#w .whatif").count(), 0, "nothing left to plan");
  });

  test("what-if: planned seminar days and the mémoire lead to « prêt pour la soutenance », the record untouched", async () => {
    const page = await host();
    const fixture = learnerFixture("hdf-absent-s3-day2-with-justification");
    await showLearner(page, "#w", fixture);
    const boxes = page.locator("#w .whatif input[type=checkbox]");
    assert.deepEqual(await texts(page, ".whatif label"), ["Séminaire 4 — 3 octobre 2024 (7 h)", "Séminaire 4 — 4 octobre 2024 (7 h)", "Mon mémoire"]);
    assert.equal(await page.locator("#w .whatif-result").getAttribute("aria-live"), "polite");
    await boxes.nth(0).check();
    assert.equal(await text(page, ".whatif-result p:first-child"), "Au 3 octobre 2024, avec ces éléments : Parcours en cours");
    assert.deepEqual(await texts(page, ".whatif-result li"), [
      "il manque 7 h de présentiel (35 h faites, 7 h excusées sur 49 h)",
      "mémoire non déposé (échéance le 27 novembre 2024)",
      "soutenance pas encore passée (prévue le 27 novembre 2024)",
      "Séminaire 4 le 4 octobre 2024 : à venir",
    ]);
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    assert.equal(await text(page, ".whatif-result p:first-child"), "Au 4 octobre 2024, avec ces éléments : Dossier prêt pour la soutenance");
    assert.deepEqual(await texts(page, ".whatif-result li"), ["soutenance pas encore passée (prévue le 27 novembre 2024)"]);
    await screenshot(page, "widget-whatif");
    // The real record and report are unchanged.
    const { learner, stage } = await page.evaluate(() => ({ learner: document.querySelector("#w").learner, stage: document.querySelector("#w").report.stage }));
    assert.deepEqual(learner, fixture.learner);
    assert.equal(stage, "inProgress");
    assert.equal(await text(page, ".head .stage"), "Parcours en cours");
    await boxes.nth(2).uncheck();
    assert.equal(await text(page, ".whatif-result .stage"), "Parcours en cours");
    assert.deepEqual(await axeViolations(page), []);
  });

  test("what-if: documents to deposit, and a new version of one to revise", async () => {
    const page = await host();
    await showLearner(page, "#w", learnerFixture("msp-cds-traceurs-in-every-state"));
    const labels = await texts(page, ".whatif label");
    assert.deepEqual(labels, [
      "Fiche de poste du coordinateur (nouvelle version)",
      "Règles de fonctionnement de l'équipe et organisation des réunions",
      "Budget de fonctionnement et état de synthèse",
      "Mon mémoire",
    ]);
    await page.locator("#w .whatif input").nth(0).check();
    const left = await texts(page, ".whatif-result li");
    assert.ok(left.includes("document traceur déposé, en attente de validation : Fiche de poste du coordinateur"), left.join("\n"));
  });

  test('English with lang="en"', async () => {
    const page = await host();
    await showLearner(page, "#w", { ...learnerFixture("hdf-absent-s3-day2-with-justification"), lang: "en" });
    assert.equal(await page.locator("#w").getAttribute("lang"), "en");
    assert.equal(await text(page, ".head .stage"), "In progress");
    assert.equal(await text(page, ".head p:last-child"), "As of 20 September 2024");
    assert.deepEqual(await progressBars(page, "#w"), { "In person": "28 h of 49 h, plus 7 h excused, 14 h left" });
    assert.equal((await texts(page, ".todo li"))[0], "14 h of in-person still missing (28 h done, 7 h excused of 49 h)");
    assert.deepEqual(await texts(page, ".seminars thead th"), ["Seminar", "Date (duration)", "Status"]);
    assert.equal(await text(page, ".whatif h3"), "What if…?");
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "widget-en");
  });

  test("names and titles holding HTML or <script> are shown as text", async () => {
    const page = await host();
    const programme = {
      id: "markup-test",
      version: "1",
      extends: "hdf-leader-msp-2024",
      title: "<i>Programme</i> <script>alert('programme')</script>",
      traceurs: [{ id: "fiche-de-poste", title: "Fiche <img src=x onerror=alert('doc')> <script>alert('doc')</script>", counts: "deposited" }],
    };
    const name = "<img src=x onerror=alert('name')>Camille <script>alert('name')</script>";
    const learner = { learnerId: "x-1", displayName: name, traceurs: [] };
    await showLearner(page, "#w", { programme, learner, asOf: "2024-09-20" });
    assert.equal(await text(page, ".head h2"), name);
    assert.equal(await text(page, ".head p:nth-of-type(1)"), programme.title);
    assert.match(await text(page, ".traceurs li"), /Fiche <img src=x onerror=alert\('doc'\)> <script>alert\('doc'\)<\/script>/);
    assert.match(await text(page, ".whatif"), /Fiche <img src=x/);
    assert.equal(await page.locator("#w img, #w script, #w i").count(), 0, "no element made of the data");
    await page.waitForTimeout(200);
    assert.deepEqual(page.problems, []);
  });

  test("invalid records: the problems, located, instead of a report", async () => {
    const page = await host();
    const learner = { learnerId: "x-2", attendance: [{ session: "S1", date: "2024-13-45", status: "present" }] };
    await showLearner(page, "#w", { programme: "hdf-leader-msp-2024", learner, asOf: "2024-09-20" }, { expect: "problems" });
    assert.match(
      await text(page, "[role=alert]"),
      /^Le suivi ne peut pas être calculé : les données ne sont pas valides\.date invalide en \/attendance\/0\/date/,
    );
  });

  test("without 'wasm-unsafe-eval' the widget says WebAssembly is blocked", async () => {
    const page = await newPage(browser, server.base);
    const csp = "default-src 'self'; script-src 'self'";
    await page.route(`${server.base}widget-host.html`, (route) =>
      route.fulfill({ contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": csp }, body: HOST }),
    );
    await page.route(`${server.base}widget-host.js`, (route) => route.fulfill({ contentType: "text/javascript", body: HOST_JS }));
    await page.goto(`${server.base}widget-host.html`);
    await page.locator("#w [role=alert]").waitFor();
    assert.match(await text(page, "[role=alert]"), /^Le suivi de progression ne peut pas s'afficher : WebAssembly est bloqué sur cette page/);
    assert.deepEqual(page.outside, []);
  });
});

const SHOTS = "/tmp/shots";
/** Every element of the widget's shadow tree that runs past its right edge, and whether the page scrolls sideways. */
async function overflow(page) {
  return page.evaluate(() => {
    const host = document.querySelector("#w");
    const edge = host.getBoundingClientRect().right + 0.5;
    const out = [];
    for (const el of host.shadowRoot.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 1 && r.right > edge) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}: ${el.textContent.slice(0, 40)}`);
    }
    return { out, pageWider: document.documentElement.scrollWidth > window.innerWidth };
  });
}

/**
 * Opens the compact form's « Voir le détail » and checks that it is open, its
 * content shown. The widget keeps the detail open or closed across repaints
 * (a new learner too), and it learns of a click from the asynchronous
 * `toggle` event: a click tells nothing of the state it leaves, so the state
 * is asked, not assumed.
 */
async function openDetail(page, label) {
  const summary = page.locator("#w details.more > summary");
  const isOpen = () => page.locator("#w details.more").evaluate((d) => d.open);
  if (!(await isOpen())) await summary.click();
  assert.equal(await isOpen(), true, `${label}: the detail is open`);
  assert.equal(await page.locator("#w details.more").getAttribute("open"), "", `${label}: the detail has its open attribute`);
  assert.equal(await page.locator("#w details.more .hours").isVisible(), true, `${label}: the detail's content is shown`);
  assert.equal(await page.locator("#w details.more footer").isVisible(), true, `${label}: the detail's content is shown to its end`);
}

/**
 * Every word of the widget's text laid out on more than one line: a word
 * broken mid-word (overflow-wrap does that to a word wider than its box). A
 * word is what lies between ordinary spaces (a non-breaking space binds its
 * neighbours into one), cut after a hyphen, a dash or a slash, where a line
 * may end. Each word's Range must give line boxes on a single line.
 */
async function brokenWords(page) {
  return page.evaluate(() => {
    const root = document.querySelector("#w").shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const broken = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Ordinary white space only: \s would also split at U+00A0.
      for (const m of node.data.matchAll(/[^ \t\n\r\f]+?(?:[-\u2010\u2013\u2014/]+|(?=[ \t\n\r\f]|$))/g)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        // Not rendered (a closed detail, display: none): nothing to see.
        if (rects.length === 0) continue;
        const tops = rects.map((r) => r.top);
        if (Math.max(...tops) - Math.min(...tops) > 1) {
          const el = node.parentElement;
          broken.push(`« ${m[0]} » in ${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ""} (${rects.length} pieces)`);
        }
      }
    }
    return broken;
  });
}

/** The what-if's checkboxes not drawn as the 1.1rem square the sheet asks (a flex row whose label wraps squeezes them). */
async function squeezedBoxes(page) {
  return page.locator("#w .whatif input[type=checkbox]").evaluateAll((inputs) => {
    const side = 1.1 * Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
    return inputs
      .map((input) => ({ label: input.closest("label").textContent, rect: input.getBoundingClientRect() }))
      .filter(({ rect }) => Math.abs(rect.width - side) > 0.5 || Math.abs(rect.height - side) > 0.5)
      .map(({ label, rect }) => `${label}: ${rect.width.toFixed(1)}×${rect.height.toFixed(1)} px`);
  });
}

describe("<pacte-progress> where learners see it", () => {
  const bretagne = JSON.parse(readFileSync(new URL("../../www/data/learner-bretagne.json", import.meta.url), "utf8"));
  const STATES = {
    "excused-hours": learnerFixture("hdf-absent-s3-day2-with-justification"),
    blocked: learnerFixture("hdf-absent-s3-day2-without-justification"),
    "at-risk": learnerFixture("hdf-memoire-not-submitted-four-weeks-before-soutenance"),
    traceurs: learnerFixture("msp-cds-traceurs-in-every-state"),
    bretagne: { programme: "bretagne-cpts-2021", asOf: "2022-03-01", learner: bretagne },
    english: { ...learnerFixture("hdf-absent-s3-day2-with-justification"), lang: "en" },
  };
  for (const width of [280, 300, 390, 1280]) {
    test(`at ${width} px nothing runs past the widget's edge, in every state, its detail open; axe finds nothing serious`, async () => {
      const page = await host();
      await page.setViewportSize({ width, height: 800 });
      for (const [name, fixture] of Object.entries(STATES)) {
        await showLearner(page, "#w", fixture);
        const compact = await page.locator("#w .report.compact").count();
        assert.equal(compact, width < 520 ? 1 : 0, `${name}: compact below 32rem`);
        if (compact) await openDetail(page, `${name} at ${width} px`);
        assert.deepEqual(await overflow(page), { out: [], pageWider: false }, `${name} at ${width} px`);
        assert.deepEqual(await brokenWords(page), [], `${name} at ${width} px: no word broken across lines`);
        assert.deepEqual(await squeezedBoxes(page), [], `${name} at ${width} px: every what-if checkbox at its size`);
        if (width !== 280) assert.deepEqual(await axeViolations(page), [], `${name} at ${width} px`);
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/widget-${name}-${width}.png`, fullPage: true });
      }
      assert.deepEqual(page.problems, []);
    });
  }

  // A narrow rule (@container) overrides a general rule of the same
  // specificity only if it comes after it in the sheet. Each declaration of
  // the narrow blocks that hold at a width must change the computed style of
  // at least one element, in one state at least: taken out of the sheet, some
  // element's style changes back.
  for (const width of [300, 600]) {
    test(`at ${width} px every declaration of the narrow rules that hold applies`, async () => {
      const page = await host();
      await page.setViewportSize({ width, height: 800 });
      const applies = new Map();
      for (const [name, fixture] of Object.entries(STATES)) {
        await showLearner(page, "#w", fixture);
        if (await page.locator("#w .report.compact").count()) await openDetail(page, `${name} at ${width} px`);
        const seen = await page.evaluate(() => {
          const host = document.querySelector("#w");
          const root = host.shadowRoot;
          const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
          const probe = document.createElement("div").style;
          const out = [];
          for (const block of root.adoptedStyleSheets[0].cssRules) {
            if (!(block instanceof CSSContainerRule)) continue;
            const max = /^\(max-width: ([\d.]+)rem\)$/.exec(block.conditionText);
            if (!max) throw new Error(`a container condition this test does not read: ${block.conditionText}`);
            if (host.clientWidth > Number(max[1]) * rem) continue;
            for (let i = 0; i < block.cssRules.length; i++) {
              const rule = block.cssRules[i];
              const text = rule.cssText;
              const elements = [...root.querySelectorAll(rule.selectorText)];
              // Declarations as written (shorthands), each with its longhands.
              const declarations = rule.style.cssText
                .split(/;\s*/)
                .filter(Boolean)
                .map((declaration) => {
                  probe.cssText = declaration;
                  return { declaration, longhands: [...probe] };
                });
              const styles = () => elements.map((el) => Object.fromEntries([...rule.style].map((p) => [p, getComputedStyle(el).getPropertyValue(p)])));
              const withRule = styles();
              block.deleteRule(i);
              const without = styles();
              block.insertRule(text, i);
              for (const { declaration, longhands } of declarations) {
                const changed = elements.some((_, e) => longhands.some((p) => withRule[e][p] !== without[e][p]));
                out.push([`@container ${block.conditionText} { ${rule.selectorText} { ${declaration} } }`, changed]);
              }
            }
          }
          return out;
        });
        for (const [key, changed] of seen) applies.set(key, applies.get(key) || changed);
      }
      assert.ok(applies.size > 0, "narrow rules hold at this width");
      assert.deepEqual(
        [...applies].filter(([, changed]) => !changed).map(([key]) => key),
        [],
        "narrow declarations that change nothing (a later general rule wins)",
      );
    });
  }

  test("in a 300 px side block: the stage, the main bar, the next three things to do and « Voir le détail »", async () => {
    const page = await host();
    await page.setViewportSize({ width: 300, height: 700 });
    await showLearner(page, "#w", learnerFixture("hdf-absent-s3-day2-with-justification"));
    assert.equal(await text(page, ".head .stage"), "Parcours en cours");
    assert.deepEqual(await progressBars(page, "#w"), { Présentiel: "28 h sur 49 h, plus 7 h excusées, reste 14 h" });
    assert.equal(await text(page, ".next h3"), "À faire ensuite");
    assert.deepEqual(await texts(page, ".next li"), [
      "il manque 14 h de présentiel (28 h faites, 7 h excusées sur 49 h)",
      "mémoire non déposé (échéance le 27 novembre 2024)",
      "soutenance pas encore passée (prévue le 27 novembre 2024)",
    ]);
    assert.equal(await text(page, ".next p"), "Et 2 autres points dans le détail.");
    assert.equal(await text(page, "details.more > summary"), "Voir le détail");
    assert.equal(await page.locator("#w details.more").getAttribute("open"), null);
    assert.equal(await page.locator("#w .seminars").isVisible(), false, "the calendar waits behind « Voir le détail »");
    const height = await page.locator("#w").evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height < 700, `compact: ${height} px tall`);
    await page.locator("#w details.more > summary").click();
    assert.equal(await page.locator("#w .seminars").isVisible(), true);
    // The host may ask for either form whatever the room.
    await page.evaluate(() => document.querySelector("#w").setAttribute("layout", "full"));
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".report.full"));
    await page.evaluate(() => document.querySelector("#w").setAttribute("layout", "compact"));
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".report.compact"));
  });

  test("a detail opened just before a repaint stays open in the new one", async () => {
    const page = await host();
    await page.setViewportSize({ width: 300, height: 800 });
    const first = learnerFixture("hdf-absent-s3-day2-with-justification");
    await showLearner(page, "#w", first);
    // Opened and a new learner given in one task: the toggle event comes after the repaint began.
    await page.evaluate((learner) => {
      const w = document.querySelector("#w");
      w.shadowRoot.querySelector("details.more").open = true;
      w.learner = { ...learner, learnerId: "hdf-2024-007-bis" };
    }, first.learner);
    await page.waitForFunction(() => document.querySelector("#w").report?.learnerId === "hdf-2024-007-bis");
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector("details.more") !== null);
    assert.equal(await page.locator("#w details.more").evaluate((d) => d.open), true);
  });

  test("the item that makes a file « at risk » is marked, with why; the soutenance it is due for is not", async () => {
    const page = await host();
    await showLearner(page, "#w", learnerFixture("hdf-memoire-not-submitted-four-weeks-before-soutenance"));
    assert.equal(await text(page, ".head .stage"), "Échéance proche : des éléments restent à fournir");
    assert.deepEqual(await texts(page, ".todo li.at-risk"), ["mémoire non déposé (échéance le 27 novembre 2024) À surveiller : l'échéance est dans 26 jours"]);
    assert.deepEqual(await texts(page, ".todo li:not(.at-risk)"), ["soutenance pas encore passée (prévue le 27 novembre 2024)"]);
    assert.equal(await page.locator("#w .todo li.at-risk .why").count(), 1);
  });

  test("the total adds up the rows above it; hours without a requirement never count towards another's target", async () => {
    const page = await host();
    await showLearner(page, "#w", learnerFixture("hdf-absent-s3-day2-with-justification"));
    // 28 h + 1 h 30 + 2 h; only présentiel has a target, so no « reste » in the total.
    assert.deepEqual(await texts(page, ".hours .bar-text"), [
      "28 h faites · 7 h excusées · reste 14 h sur 49 h",
      "1 h 30 (pas d'exigence en heures)",
      "2 h (pas d'exigence en heures)",
    ]);
    assert.equal(await text(page, ".hours .total"), "Total : 31 h 30 faites · 7 h excusées");
  });

  test("a « report » event each time the report shown changes, undefined when none can be shown", async () => {
    const page = await host();
    await page.evaluate(() => {
      window.seen = [];
      document
        .querySelector("#w")
        .addEventListener("report", (e) => window.seen.push(e.detail.report ? `${e.detail.report.asOf} ${e.detail.report.stage}` : "none"));
    });
    const fixture = learnerFixture("hdf-absent-s3-day2-with-justification");
    await showLearner(page, "#w", fixture);
    await showLearner(page, "#w", { ...fixture, asOf: "2024-10-01" });
    await showLearner(
      page,
      "#w",
      { programme: "hdf-leader-msp-2024", learner: { learnerId: "x", attendance: [{ date: "2024-13-01" }] } },
      { expect: "problems" },
    );
    assert.deepEqual(await page.evaluate(() => window.seen), ["2024-09-20 inProgress", "2024-10-01 inProgress", "none"]);
  });

  test('audience="formateur": the what-if speaks of the learner, not in the learner\'s voice', async () => {
    const page = await host();
    await page.evaluate(() => document.querySelector("#w").setAttribute("audience", "formateur"));
    await showLearner(page, "#w", learnerFixture("msp-cds-traceurs-in-every-state"));
    assert.deepEqual(await texts(page, ".whatif legend"), ["Documents que l'apprenant·e déposerait"]);
    assert.equal((await texts(page, ".whatif label")).at(-1), "Le mémoire");
    assert.doesNotMatch(await text(page, ".whatif"), /\b(je|mon|vous)\b/i);
  });
});
