// The embedding guide (www/EMBEDDING.md) and its example page: the page works
// under the CSP the guide gives and says so when WebAssembly is blocked; the
// guide's Moodle snippets, served as a Moodle site would serve them, work.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ROOT, openBrowser, closeBrowser, newPage, axeViolations, screenshot } from "./helpers.mjs";

const GUIDE = readFileSync(`${ROOT}www/EMBEDDING.md`, "utf8");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** The code block that follows `<!-- test: name -->` in the guide. */
function snippet(name) {
  const match = new RegExp(`<!-- test: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(GUIDE);
  assert.ok(match, `no "${name}" snippet in EMBEDDING.md`);
  return match[1];
}

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

const squash = (s) => s.replace(/\s+/g, " ").trim();
const text = async (page, selector) => squash(await page.locator(selector).textContent());

describe("embedding", () => {
  test("the guide gives the CSP the pages are served with", () => {
    assert.ok(GUIDE.includes(`Content-Security-Policy: ${CSP}`));
    assert.match(readFileSync(`${ROOT}scripts/serve.mjs`, "utf8"), new RegExp(`const CSP = "${CSP}"`));
  });

  test("embed-example.html: two widgets, French and English, under the CSP, nothing fetched outside", async () => {
    const page = await newPage(browser, server.base);
    const response = await page.goto(`${server.base}embed-example.html`);
    assert.equal(response.headers()["content-security-policy"], CSP);
    await page.waitForFunction(() => [...document.querySelectorAll("pacte-progress")].every((el) => el.shadowRoot?.querySelector(".report")));
    assert.equal(await text(page, "#learner-fr .head h2"), "Camille Martin");
    assert.equal(await text(page, "#learner-fr .head .stage"), "Parcours en cours");
    assert.equal(await text(page, "#learner-en .head h2"), "Sophie Durand");
    assert.equal(await text(page, "#learner-en .head .stage"), "In progress");
    assert.equal(await page.locator("#learner-en [role=progressbar]").first().getAttribute("aria-valuetext"), "84 h of 96 h, 12 h left");
    // The theme reaches inside the shadow root.
    assert.equal(
      await page
        .locator("#learner-en .bar .done")
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
      "rgb(106, 27, 154)",
    );
    assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script");
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "embed-example");
    assert.deepEqual(page.outside, []);
    assert.deepEqual(page.problems, []);
  });

  test("without 'wasm-unsafe-eval', each widget says WebAssembly is blocked, in its language", async () => {
    const page = await newPage(browser, server.base);
    await page.goto(`${server.base}embed-example.html?csp=no-wasm`);
    await page.waitForFunction(() => [...document.querySelectorAll("pacte-progress")].every((el) => el.shadowRoot?.querySelector("[role=alert]")));
    assert.match(
      await text(page, "#learner-fr [role=alert]"),
      /^Le suivi de progression ne peut pas s'afficher : WebAssembly est bloqué sur cette page \(la politique de sécurité du contenu doit autoriser « wasm-unsafe-eval »\)/,
    );
    assert.match(await text(page, "#learner-en [role=alert]"), /^Progress cannot be shown: WebAssembly is blocked on this page/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "embed-example-wasm-blocked");
    assert.deepEqual(page.outside, []);
  });

  test("the guide's Moodle HTML block and loader work on a Moodle-like page", async () => {
    const page = await newPage(browser, server.base);
    const serve = (body, contentType) => (route) => route.fulfill({ body, contentType, headers: { "Content-Security-Policy": CSP } });
    // Where the guide says the files go, the package's files as built.
    await page.route(`${server.base}local/pacte/pkg/**`, (route) => {
      const path = new URL(route.request().url()).pathname.replace("/local/pacte/pkg/", "");
      const type = path.endsWith(".wasm") ? "application/wasm" : "text/javascript";
      return route.fulfill({ body: readFileSync(`${ROOT}www/pkg/${path}`), contentType: type });
    });
    await page.route(`${server.base}local/pacte/pacte-embed.js`, serve(snippet("moodle-loader"), "text/javascript"));
    await page.route(`${server.base}local/pacte/learner.php`, serve(readFileSync(`${ROOT}www/data/learner-hdf.json`), "application/json"));
    await page.route(
      `${server.base}course/view.php`,
      serve(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cours PACTE</title></head>
<body><main><h1>Cours PACTE</h1><section class="block_html"><h2>Mon suivi</h2>
${snippet("moodle-block")}</section></main></body></html>`,
        "text/html; charset=utf-8",
      ),
    );
    await page.goto(`${server.base}course/view.php`);
    await page.waitForFunction(() => document.querySelector("pacte-progress")?.shadowRoot?.querySelector(".report"));
    assert.equal(await text(page, "pacte-progress .head h2"), "Camille Martin");
    assert.equal(await page.locator("pacte-progress [role=progressbar]").count(), 1);
    assert.deepEqual(page.outside, []);
    assert.deepEqual(page.problems, []);
  });
});
