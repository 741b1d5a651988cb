// Shared by the browser tests: the static server (scripts/serve.mjs on a free
// port), Debian's chromium driven by playwright-core, a guard that fails on
// any request leaving 127.0.0.1, axe-core, and screenshots.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SCREENSHOTS = `${ROOT}test-results/screenshots`;
export const fixture = (name) => `${ROOT}tests/browser/fixtures/${name}`;

/** The pages need the built package in www/pkg, with the current widget in it. */
function checkPackage() {
  const stale = ["pacte-progress.js", "pacte-ui.js"].filter(
    (f) => !existsSync(`${ROOT}www/pkg/widget/${f}`) || !readFileSync(`${ROOT}www/widget/${f}`).equals(readFileSync(`${ROOT}www/pkg/widget/${f}`)),
  );
  if (!existsSync(`${ROOT}www/pkg/web/pacte_rules_bg.wasm`) || stale.length > 0) {
    throw new Error("www/pkg is missing or older than www/widget: run `bash scripts/build-package.sh` first");
  }
}

/** Starts scripts/serve.mjs on a free port; resolves to its base URL and a stop function. */
export async function startServer() {
  checkPackage();
  const server = spawn(process.execPath, [`${ROOT}scripts/serve.mjs`, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await Promise.race([
    once(server.stdout, "data"),
    once(server, "exit").then(([code]) => {
      throw new Error(`serve.mjs exited (${code})`);
    }),
  ]);
  const base = /listening on (\S+)/.exec(String(line))?.[1];
  if (!base) throw new Error(`unexpected output from serve.mjs: ${line}`);
  return { base, stop: () => server.kill() };
}

/** The server and the browser a test file shares, started before its tests. */
export async function openBrowser() {
  const server = await startServer();
  return { server, browser: await launch() };
}

export async function closeBrowser({ server, browser }) {
  await browser?.close();
  server?.stop();
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/**
 * A new page in its own context. `page.outside` collects every request that
 * is not for the local server (they are aborted too); `page.problems` the
 * console errors, page errors and dialogs (an `alert` means injected script ran).
 */
export async function newPage(browser, base, { downloads = false } = {}) {
  const context = await browser.newContext({ acceptDownloads: downloads, viewport: { width: 1200, height: 900 }, locale: "fr-FR" });
  const page = await context.newPage();
  page.outside = [];
  page.problems = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith("blob:")) page.outside.push(request.url());
  });
  await context.route(
    (url) => !url.href.startsWith(base) && url.protocol !== "blob:",
    (route) => route.abort(),
  );
  page.on("console", (msg) => msg.type() === "error" && page.problems.push(`console: ${msg.text()}`));
  page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    page.problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  return page;
}

/**
 * Serious and critical axe-core violations on the page (shadow DOM included).
 * The pages' CSP refuses inline scripts, which is what addScriptTag inserts;
 * evaluating axe's source through the DevTools protocol is not subject to it.
 */
export async function axeViolations(page) {
  await page.evaluate(readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, "utf8"));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

/**
 * A screenshot in test-results/screenshots: the whole page, or with `fullPage: false`
 * the viewport as it is (a modal dialog: a full-page shot would grow the viewport, and the dialog with it).
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
}

/** A learner fixture of the engine's tests: `{ programme, asOf, learner }`. */
export function learnerFixture(name) {
  return JSON.parse(readFileSync(`${ROOT}tests/fixtures/learners/${name}.json`, "utf8"));
}

/**
 * Gives the <pacte-progress> matching `selector` a learner, and optionally a
 * programme (id or definition), an as-of date and a language; resolves once
 * it shows the report for them (or `expect: "problems"`: the problems view).
 */
export async function showLearner(page, selector, { learner, programme, asOf, lang }, { expect = "report" } = {}) {
  await page.evaluate(
    ({ selector, learner, programme, asOf, lang }) => {
      const el = document.querySelector(selector);
      if (asOf) el.setAttribute("as-of", asOf);
      if (lang) el.setAttribute("lang", lang);
      if (programme !== undefined) el.programme = programme;
      el.learner = learner;
    },
    { selector, learner, programme, asOf, lang },
  );
  await page.waitForFunction(
    ({ selector, id, asOf, expect }) => {
      const el = document.querySelector(selector);
      if (expect === "problems") return el.shadowRoot.querySelector(".problems") !== null;
      return el.report?.learnerId === id && (!asOf || el.report.asOf === asOf) && el.shadowRoot.querySelector(".report") !== null;
    },
    { selector, id: learner.learnerId, asOf, expect },
  );
}

/** The `aria-valuetext` of each progress bar of a widget, by accessible name. */
export async function progressBars(page, selector) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    return Object.fromEntries(
      [...root.querySelectorAll("[role=progressbar]")].map((bar) => [
        root.getElementById(bar.getAttribute("aria-labelledby")).textContent,
        bar.getAttribute("aria-valuetext"),
      ]),
    );
  }, selector);
}
