// Promotion benchmark: a deterministic synthetic promotion of 5,000 MSP-CDS
// learners (12 seminar days, ~30 e-learning and ~15 team activities, 5
// traceurs, a mémoire each), timed in one run natively, through wasm in Node
// from JS objects and from a JSON string, and by a hand-written plain JS
// function computing the same tallies and stage (the floor). Prints figures
// and ratios; asserts nothing about time.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
// The pages' generator, seeded the same way every run, so every run measures the same promotion.
import { random } from "../www/data/promotion-generator.js";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 5000);
const AS_OF = "2025-11-30";
const root = new URL("../", import.meta.url).pathname;

const started = performance.now();
const pacte = createRequire(import.meta.url)("../pkg/node/pacte_rules.js");

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

const programme = pacte.loadProgramme(definition);
const learners = promotion();
const firstReport = programme.evaluate(learners[0], AS_OF);
const firstMs = performance.now() - started;
const json = learners.map((l) => JSON.stringify(l));

const scratch = mkdtempSync(join(tmpdir(), "pacte-bench-"));
writeFileSync(join(scratch, "definition.json"), JSON.stringify(definition));
writeFileSync(join(scratch, "promotion.json"), JSON.stringify(learners));
execFileSync("cargo", ["build", "-q", "--profile", "native", "-p", "pacte-rules", "--example", "bench_promotion"], { cwd: root, stdio: "inherit" });
const nativeRun = JSON.parse(
  execFileSync(join(root, "target/native/examples/bench_promotion"), [join(scratch, "definition.json"), join(scratch, "promotion.json"), AS_OF], {
    encoding: "utf8",
  }),
);

const wasmObjects = time(() => {
  for (const l of learners) programme.evaluate(l, AS_OF);
});
const wasmJson = time(() => {
  for (const t of json) programme.evaluateJson(t, AS_OF);
});
const floor = time(() => {
  for (const l of learners) plainJs(l, AS_OF);
});
// What any copy into wasm costs before a single rule runs: the records' JSON text.
const crossing = time(() => {
  for (const l of learners) JSON.stringify(l);
});

const stages = {};
for (const l of learners) {
  const s = programme.evaluate(l, AS_OF).stage;
  stages[s] = (stages[s] ?? 0) + 1;
}
const fmt = (us) => `${us.toFixed(1).padStart(8)} µs/learner`;
const ratio = (us) => `${(us / floor).toFixed(1)}× the plain-JS floor`;
console.log(`promotion: ${LEARNERS} learners, stages ${JSON.stringify(stages)} (first report: ${firstReport.stage})`);
console.log(`native (read JSON, evaluate, write JSON) ${fmt(nativeRun.usPerLearner)}  ${ratio(nativeRun.usPerLearner)}`);
console.log(`wasm in Node from JS objects              ${fmt(wasmObjects)}  ${ratio(wasmObjects)}  (target ≤ 2×)`);
console.log(`wasm in Node from a JSON string           ${fmt(wasmJson)}  ${ratio(wasmJson)}`);
console.log(`plain JS floor (tallies and stage)        ${fmt(floor)}`);
console.log(`JSON.stringify of the records alone       ${fmt(crossing)}  ${ratio(crossing)}`);
console.log(`instantiate + load programme + first report: ${firstMs.toFixed(1)} ms`);
