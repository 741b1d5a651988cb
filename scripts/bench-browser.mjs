// Browser benchmark of the promotion page (www/promotion.html): a generated
// promotion of 2,000 then 20,000 learners (the page's own generator and seed,
// through its « Générer » button: programme bretagne-cpts-2021, on the middle of
// its calendar), in Debian's chromium, the way a formateur would ask for it.
// Prints, per size, the median of 3 runs of: the time from the click to the
// worker's answer (evaluation done), to the figures and to the learners' table
// built, to the frame that shows them drawn; the engine's own time inside the
// worker; and the page's JS heap once shown (after a garbage collection). The
// figures come from the page's performance marks (`promotion:*`, see
// evaluate() in www/js/promotion.js), the ones DevTools shows. Run by hand,
// never by the tests; it asserts nothing about time.
//
//   bash scripts/build-package.sh && node scripts/bench-browser.mjs [SIZE…] [--runs=N]
//
// Each run opens the page anew, lets its worker instantiate the engine (a
// warm-up promotion of 20 learners), then generates the measured one.
import { launch, newPage, startServer } from "../tests/browser/helpers.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
const SIZES = args.filter((a) => !a.startsWith("--")).map(Number);
if (SIZES.length === 0) SIZES.push(2000, 20000);
if (SIZES.some((n) => !(n >= 1 && n <= 20000)) || !(RUNS >= 1)) {
  console.error("usage: node scripts/bench-browser.mjs [SIZE…] [--runs=N]   (1 ≤ SIZE ≤ 20000, the page's limit)");
  process.exit(2);
}

/** "2 000" as the page writes it (a non-breaking space between thousands). */
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** Generates `size` learners with the page's button; resolves once the page has drawn them. */
async function generate(page, size) {
  await page.fill("#size", String(size));
  await page.click("#generate");
  await page.waitForFunction(
    (all) =>
      new RegExp(`sur ${all}( ;|\\.$)`).test(document.getElementById("count").textContent) && performance.getEntriesByName("promotion:painted").length > 0,
    grouped(size),
    { timeout: 600_000, polling: 50 },
  );
}

async function oneRun(browser, base, size) {
  const page = await newPage(browser, base);
  try {
    await page.goto(`${base}promotion.html`);
    await page.waitForSelector("#programme option[value='bretagne-cpts-2021']", { state: "attached" });
    await generate(page, 20);
    await generate(page, size);
    const timings = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(`promotion:${name}`, "mark")[0].startTime;
      const from = (name) => at(name) - at("start");
      return {
        generated: from("records"),
        engine: performance.getEntriesByName("promotion: answer", "measure")[0].detail.engineMs,
        answer: from("answer"),
        figures: from("figures"),
        table: from("table"),
        painted: from("painted"),
      };
    });
    if (page.problems.length > 0) throw new Error(page.problems.join("\n"));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return { ...timings, heap: usedSize / 2 ** 20 };
  } finally {
    await page.context().close();
  }
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
const browser = await launch();
const rows = [];
try {
  console.log(`chromium ${browser.version()}, ${RUNS} run(s) per size, median shown`);
  for (const size of SIZES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await oneRun(browser, server.base, size);
      console.log(
        `  ${size} learners, run ${i + 1}: ${Object.entries(run)
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(", ")}`,
      );
      runs.push(run);
    }
    const of = (key) => median(runs.map((r) => r[key]));
    rows.push([
      size.toLocaleString("en"),
      of("generated").toFixed(0),
      of("engine").toFixed(0),
      of("answer").toFixed(0),
      of("figures").toFixed(0),
      of("table").toFixed(0),
      of("painted").toFixed(0),
      of("heap").toFixed(1),
    ]);
  }
} finally {
  await browser.close();
  server.stop();
}

const head = [
  "learners",
  "records generated (ms)",
  "engine in the worker (ms)",
  "evaluation done: answer (ms)",
  "figures built (ms)",
  "table built (ms)",
  "drawn (ms)",
  "JS heap (MB)",
];
console.log("\nms from the click on « Générer » (the engine's own time apart); JS heap: the page's, after a GC, the worker's not included\n");
console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
