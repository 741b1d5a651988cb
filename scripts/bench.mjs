// Promotion benchmark: a deterministic synthetic promotion of 5,000 MSP-CDS
// learners (12 seminar days, ~30 e-learning and ~15 team activities, 5
// traceurs, a mémoire each), timed in one run: a hand-written plain JS
// function computing the same tallies and stage (the floor), the engine
// natively, through wasm in Node from JS objects and from JSON text, the cold
// start alone in new Node processes, and where the time of one evaluation
// from JS objects goes, step by step, inside the wasm module. Prints figures
// and ratios (the headline: wall time is noisy on a shared machine, ratios
// measured in one run much less); asserts nothing about time.
//
//   bash scripts/build-package.sh && node scripts/bench.mjs
//
// Builds, with cargo, the native half (examples/bench_promotion.rs) and a
// probe module (pacte-wasm's `bench` feature: the same engine plus
// `benchSteps`, shrunk by wasm-opt as the package is) into target/bench/.
// BENCH_LEARNERS=500 for a quick run; BENCH_STEPS=0 skips the probe's build.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
// The pages' generator, seeded the same way every run, so every run measures the same promotion.
import { random } from "../www/data/promotion-generator.js";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 5000);
const STEPS = process.env.BENCH_STEPS !== "0";
const COLD_RUNS = 7;
const AS_OF = "2025-11-30";
const root = new URL("../", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const pacte = require("../pkg/node/pacte_rules.js");

const definition = {
  id: "bench-msp-cds",
  version: "1",
  extends: "msp-cds",
  title: "Promotion de mesure MSP-CDS",
  promotion: { startDate: "2025-01-06", endDate: "2025-12-19" },
  sessions: [1, 2, 3, 4, 5, 6].map((n) => {
    const day = (d) => `2025-${String(n * 2 - 1).padStart(2, "0")}-${d}`;
    return {
      id: `S${n}`,
      title: `Séminaire ${n}`,
      days: [
        { date: day(14), minutes: 480 },
        { date: day(15), minutes: 480 },
      ],
    };
  }),
  soutenance: { date: "2025-12-15" },
};
const modules = ["prise-de-fonction", "projet-de-sante", "demarche-qualite", "dynamique-collective", "gestion-de-structure"];
const traceurs = ["fiche-de-poste", "feuille-de-route", "action-qualite", "regles-de-fonctionnement", "budget-de-fonctionnement"];

function promotion() {
  const r = random(42);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const date = () => `2025-${String(1 + Math.floor(r() * 11)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
  return Array.from({ length: LEARNERS }, (_, i) => {
    const attendance = definition.sessions.flatMap((s) =>
      s.days.flatMap((d) => {
        const x = r();
        if (x < 0.02) return [];
        if (x < 0.04) return [{ session: s.id, date: d.date, status: "absent" }];
        if (x < 0.08) return [{ session: s.id, date: d.date, status: "absent", justification: "arrêt maladie" }];
        return [{ session: s.id, date: d.date, status: "present" }];
      }),
    );
    const activity = (modality, minutes, k) => ({ id: `${modality}-${i}-${k}`, modality, module: pick(modules), date: date(), minutes });
    return {
      learnerId: `bench-${i}`,
      programme: "msp-cds",
      attendance,
      activities: [
        ...Array.from({ length: 28 + Math.floor(r() * 5) }, (_, k) => activity("elearning", 45 + Math.floor(r() * 30), k)),
        ...Array.from({ length: 13 + Math.floor(r() * 5) }, (_, k) => activity("equipe", 100 + Math.floor(r() * 60), k)),
      ],
      traceurs: traceurs.map((id) => ({ id, status: pick(["deposited", "toRevise", "validated", "validated"]), date: date() })),
      memoire: r() < 0.7 ? { status: "submitted", date: "2025-11-02" } : { status: "inProgress" },
    };
  });
}

/** The floor: the same tallies and stage in plain JS, knowing this one programme by heart. */
function plainJs(learner, asOf) {
  const required = { presentiel: 5760, elearning: 1800, equipe: 1800 };
  const done = { presentiel: 0, elearning: 0, equipe: 0 };
  let excused = 0;
  const unmet = [];
  const days = new Map(learner.attendance.map((a) => [`${a.session}/${a.date}`, a]));
  for (const s of definition.sessions) {
    for (const d of s.days) {
      const a = days.get(`${s.id}/${d.date}`);
      if (a?.status === "present") done.presentiel += d.minutes;
      else if (a?.justification) excused += d.minutes;
      else if (a) unmet.push({ code: "SESSION_UNJUSTIFIED_ABSENCE", blocking: true });
      else if (d.date > asOf) unmet.push({ code: "SESSION_UPCOMING", blocking: false });
      else unmet.push({ code: "SESSION_NOT_RECORDED", blocking: false, dueDate: d.date });
    }
  }
  const seen = new Set();
  for (const a of learner.activities) {
    if (a.date > asOf || seen.has(a.id)) continue;
    seen.add(a.id);
    done[a.modality] += a.minutes;
  }
  const hours = {};
  for (const m of Object.keys(required)) {
    const credited = done[m] + (m === "presentiel" ? excused : 0);
    const remaining = Math.max(0, required[m] - credited);
    hours[m] = { requiredMinutes: required[m], doneMinutes: done[m], excusedMinutes: m === "presentiel" ? excused : 0, remainingMinutes: remaining };
    if (remaining > 0) unmet.push({ code: "HOURS_SHORT", blocking: false, dueDate: definition.soutenance.date });
  }
  const status = new Map(learner.traceurs.map((t) => [t.id, t.status]));
  for (const t of traceurs) {
    if (status.get(t) !== "validated") unmet.push({ code: "TRACEUR_MISSING", blocking: false, dueDate: definition.soutenance.date });
  }
  if (learner.memoire?.status !== "submitted") unmet.push({ code: "MEMOIRE_NOT_SUBMITTED", blocking: false, dueDate: definition.soutenance.date });
  unmet.push({ code: "SOUTENANCE_NOT_PASSED", blocking: false, dueDate: definition.soutenance.date });
  const soon = (d) => d && (Date.parse(d) - Date.parse(asOf)) / 86400000 <= 30;
  const stage = unmet.some((u) => u.blocking)
    ? "blocked"
    : unmet.every((u) => u.code === "SOUTENANCE_NOT_PASSED")
      ? "readyToDefend"
      : unmet.some((u) => soon(u.dueDate))
        ? "atRisk"
        : "inProgress";
  return { learnerId: learner.learnerId, stage, hours, unmet };
}

/** Best of three rounds, in µs per learner. */
function time(each) {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    each();
    best = Math.min(best, ((performance.now() - start) * 1000) / LEARNERS);
  }
  return best;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const scratch = mkdtempSync(join(tmpdir(), "pacte-bench-"));
const cargo = (args) => execFileSync("cargo", ["build", "-q", ...args], { cwd: root, stdio: "inherit" });

const generating = performance.now();
const learners = promotion();
const generationMs = performance.now() - generating;
const json = learners.map((l) => JSON.stringify(l));
writeFileSync(join(scratch, "definition.json"), JSON.stringify(definition));
writeFileSync(join(scratch, "promotion.json"), JSON.stringify(learners));
writeFileSync(join(scratch, "learner.json"), json[0]);

// The cold start, alone, in new Node processes: the package's Node build read
// and instantiated, one programme loaded, one report; the median of several.
const coldScript = `
const t0 = performance.now();
const pacte = require(${JSON.stringify(join(root, "pkg/node/pacte_rules.js"))});
const t1 = performance.now();
const [source, learnerFile] = process.argv.slice(1);
const learner = JSON.parse(require("node:fs").readFileSync(learnerFile, "utf8"));
const t2 = performance.now();
const programme = pacte.loadProgramme(source.startsWith("{") ? JSON.parse(source) : source);
const t3 = performance.now();
programme.evaluate(learner, ${JSON.stringify(AS_OF)});
const t4 = performance.now();
console.log(JSON.stringify({ instantiate: t1 - t0, load: t3 - t2, report: t4 - t3, total: t1 - t0 + t4 - t2 }));`;
const cold = (source) => {
  const runs = Array.from({ length: COLD_RUNS }, () =>
    JSON.parse(execFileSync(process.execPath, ["-e", coldScript, source, join(scratch, "learner.json")], { encoding: "utf8" })),
  );
  return Object.fromEntries(["instantiate", "load", "report", "total"].map((k) => [k, median(runs.map((r) => r[k]))]));
};
const coldEmbedded = cold("msp-cds");
const coldDefinition = cold(JSON.stringify(definition));

cargo(["--profile", "native", "-p", "pacte-rules", "--example", "bench_promotion"]);
const nativeRun = JSON.parse(
  execFileSync(join(root, "target/native/examples/bench_promotion"), [join(scratch, "definition.json"), join(scratch, "promotion.json"), AS_OF], {
    encoding: "utf8",
  }),
);

let probe;
if (STEPS) {
  // The probe module: built as the package's engine is, plus `benchSteps`.
  cargo(["--release", "--target", "wasm32-unknown-unknown", "-p", "pacte-wasm", "--features", "bench"]);
  const out = join(root, "target/bench/probe");
  mkdirSync(out, { recursive: true });
  // Where scripts/ensure-tools.sh installs it, else on PATH.
  const bindgen = [join(homedir(), ".cargo/bin/wasm-bindgen")].find(existsSync) ?? "wasm-bindgen";
  execFileSync(bindgen, ["--target", "nodejs", "--out-dir", out, "--out-name", "probe", join(root, "target/wasm32-unknown-unknown/release/pacte_wasm.wasm")], {
    stdio: "inherit",
  });
  writeFileSync(join(out, "package.json"), '{ "type": "commonjs" }');
  // Its snippets (the packer) are ES modules, as in the package's Node build.
  writeFileSync(join(out, "snippets/package.json"), '{ "type": "module" }');
  const wasm = join(out, "probe_bg.wasm");
  const flags = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals"];
  execFileSync(join(root, "node_modules/.bin/wasm-opt"), ["-Oz", "--converge", ...flags, "-o", wasm, wasm], { stdio: "inherit" });
  probe = require(join(out, "probe.js"));
}

const programme = pacte.loadProgramme(definition);
const wasmObjects = time(() => {
  for (const l of learners) programme.evaluate(l, AS_OF);
});
const wasmJson = time(() => {
  for (const t of json) programme.evaluateJson(t, AS_OF);
});
// The standing: stage, tallies, statuses and unmet codes, no word written.
const standingObjects = time(() => {
  for (const l of learners) programme.standing(l, AS_OF);
});
const standingJson = time(() => {
  for (const t of json) programme.standingJson(t, AS_OF);
});
// From JS objects as JSON text: the road objects took before they crossed packed.
const wasmStringified = time(() => {
  for (const l of learners) programme.evaluateJson(JSON.stringify(l), AS_OF);
});
const standingStringified = time(() => {
  for (const l of learners) programme.standingJson(JSON.stringify(l), AS_OF);
});
const promotionText = JSON.stringify(learners);
const promotionReports = time(() => programme.evaluatePromotionJson(promotionText, AS_OF));
const promotionStandings = time(() => programme.evaluatePromotionJson(promotionText, AS_OF, "standing"));
const floor = time(() => {
  for (const l of learners) plainJs(l, AS_OF);
});
// The floor of a report from JSON text: JS reads the text, then the plain logic.
const floorFromText = time(() => {
  for (const t of json) plainJs(JSON.parse(t), AS_OF);
});
// What any copy into wasm costs before a single rule runs: the records' JSON text.
const crossing = time(() => {
  for (const l of learners) JSON.stringify(l);
});
let steps;
if (probe) {
  const probeProgramme = probe.loadProgramme(definition);
  let best;
  for (let round = 0; round < 3; round++) {
    const s = probe.benchSteps(probeProgramme, learners, AS_OF);
    const sum = Object.entries(s)
      .filter(([k]) => k !== "learners")
      .reduce((a, [, v]) => a + v, 0);
    if (!best || sum < best.sum) best = { ...s, sum };
  }
  steps = best;
}

const stages = {};
for (const l of learners) {
  const s = programme.evaluate(l, AS_OF).stage;
  stages[s] = (stages[s] ?? 0) + 1;
}
const fmt = (us) => `${us.toFixed(1).padStart(7)} µs/learner`;
const ratio = (us, of = floor) => `${(us / of).toFixed(1).padStart(5)}×`;
const line = (label, us, note = "") => console.log(`${label.padEnd(44)} ${fmt(us)} ${ratio(us)}${note}`);
console.log(`promotion: ${LEARNERS} learners (generated in ${generationMs.toFixed(0)} ms, not timed below), stages ${JSON.stringify(stages)}`);
console.log(`${"".padEnd(44)} ${"time".padStart(18)} × the plain-JS floor (${floor.toFixed(1)} µs)`);
line("plain JS floor (tallies and stage)", floor);
line("JSON.parse + plain JS (floor from text)", floorFromText);
line("JSON.stringify of the records alone", crossing);
line("native: read JSON, evaluate, write JSON", nativeRun.usPerLearner);
line("  native parse", nativeRun.parse);
line("  native evaluate, report written", nativeRun.evaluate);
line("  native serialize", nativeRun.serialize);
line("native: read JSON, evaluate, write the standing", nativeRun.standingUsPerLearner);
line("  native evaluate + standing (no words)", nativeRun.standing, "  (target ≤ 5 µs)");
line("wasm from JS objects, full report", wasmObjects, `  (${ratio(wasmObjects, wasmStringified)} their JSON text's road)`);
line("wasm from JSON text, full report", wasmJson, `  = ${ratio(wasmJson, floorFromText)} JSON.parse + plain JS (target ≤ 1.5×)`);
line("wasm from JS objects, standing", standingObjects, `  (target ≤ 2×; ${ratio(standingObjects, standingStringified)} their JSON text's road)`);
line("wasm, JSON.stringify then the JSON text, full report", wasmStringified);
line("wasm, JSON.stringify then the JSON text, standing", standingStringified);
line("wasm from JSON text, standing", standingJson, `  = ${ratio(standingJson, floorFromText)} JSON.parse + plain JS`);
line("wasm, one promotion text, full reports", promotionReports);
line("wasm, one promotion text, standings", promotionStandings);
if (steps) {
  const perLearner = (ms) => (ms * 1000) / steps.learners;
  const total = perLearner(steps.sum);
  console.log(`one evaluation from JS objects, step by step (probe module, ${total.toFixed(1)} µs/learner in all):`);
  const names = {
    pack: "packing in JS (js/packed.js) and the call",
    copyIn: "copy into wasm",
    read: "reading the packed record",
    evaluate: "evaluation and report building",
    serialize: "serde_json serialization of the report",
    copyOut: "copy out (UTF-8 to a JS string)",
    jsonParse: "JSON.parse in JS, with its GC",
  };
  for (const [k, label] of Object.entries(names)) {
    const us = perLearner(steps[k]);
    console.log(`  ${label.padEnd(42)} ${fmt(us)} ${ratio(us)}  ${((100 * us) / total).toFixed(0).padStart(3)} %`);
  }
}
const ms = (c) => `${c.total.toFixed(1)} ms (instantiate ${c.instantiate.toFixed(1)}, loadProgramme ${c.load.toFixed(1)}, first report ${c.report.toFixed(1)})`;
console.log(`cold start, new Node process, median of ${COLD_RUNS} (target ≤ 15 ms):`);
console.log(`  loadProgramme("msp-cds")                 ${ms(coldEmbedded)}`);
console.log(`  loadProgramme(a definition extending it) ${ms(coldDefinition)}`);
