// Every page at the sizes people use: a Moodle side block (300 px), a phone
// (390 px) and a desktop (1280 px). No page is wider than the screen, and axe
// finds no serious or critical violation. Screenshots go to /tmp/shots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { openBrowser, closeBrowser, newPage, axeViolations } from "./helpers.mjs";

let server, browser;
before(async () => ({ server, browser } = await openBrowser()));
after(() => closeBrowser({ server, browser }));

// Each page, and what says it is ready.
const PAGES = {
  "index.html": () => document.querySelector("#progress")?.shadowRoot?.querySelector(".report"),
  "programmes.html": () => document.querySelector("#embedded tbody tr"),
  "embed-example.html": () => document.querySelector("pacte-progress")?.shadowRoot?.querySelector(".report"),
};

for (const width of [300, 390, 1280]) {
  for (const [name, ready] of Object.entries(PAGES)) {
    test(`${name} at ${width} px: no wider than the screen, axe clean`, async () => {
      const page = await newPage(browser, server.base);
      const notFound = [];
      page.on("response", (r) => r.status() >= 400 && notFound.push(r.url()));
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.base}${name}`);
      await page.waitForFunction(ready);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
      mkdirSync("/tmp/shots", { recursive: true });
      await page.screenshot({ path: `/tmp/shots/page-${name.replace(".html", "")}-${width}.png`, fullPage: true });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(notFound, []);
      assert.deepEqual(page.problems, []);
    });
  }
}
