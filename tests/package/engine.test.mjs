// The engine through the WebAssembly package in Node: the calls, the errors
// callers switch on, and that no bad input leaves the instance unusable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pacte = require("../../pkg/node/pacte_rules.js");

const learner = {
  learnerId: "hdf-2024-007",
  programme: "hdf-leader-msp-2024",
  attendance: [
    { session: "S1", date: "2024-04-11", status: "present" },
    { session: "S3", date: "2024-09-13", status: "absent", justification: "hospitalisation d'un enfant" },
  ],
  activities: [{ modality: "elearning", date: "2024-04-20", minutes: 150 }],
};

test("lists the six embedded programmes", () => {
  assert.deepEqual(
    pacte.programmes().map((p) => p.id),
    ["msp-cds", "cpts", "socle-option", "leader-msp", "hdf-leader-msp-2024", "bretagne-cpts-2021"],
  );
});

test("a learner absent from S3 day 2 with a justification has those hours excused", () => {
  const report = pacte.loadProgramme("hdf-leader-msp-2024").evaluate(learner, "2024-09-20");
  assert.equal(report.hours.presentiel.doneMinutes, 420);
  assert.equal(report.hours.presentiel.excusedMinutes, 420);
  assert.equal(report.sessions[2].days[1].status, "excused");
  assert.equal(report.asOf, "2024-09-20");
  assert.match(report.programme.hash, /^sha256:[0-9a-f]{64}$/);
});

test("invalid records throw a PacteError with a code and a JSON path", () => {
  const programme = pacte.loadProgramme("msp-cds");
  const bad = { ...learner, activities: [{ modality: "elearning", date: "2024-02-30", minutes: 60 }] };
  assert.throws(
    () => programme.evaluate(bad, "2024-09-20"),
    (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, "PacteError");
      assert.equal(e.code, "INVALID_DATE");
      assert.equal(e.path, "/activities/0/date");
      assert.equal(e.problems.length, 1);
      return true;
    },
  );
  assert.throws(() => programme.evaluate(learner, "20/09/2024"), { code: "INVALID_ARGUMENT", path: "/asOf" });
  assert.throws(() => pacte.loadProgramme("nowhere"), { code: "UNKNOWN_PROGRAMME" });
});

test("a definition with several errors reports them all, without throwing", () => {
  const answer = pacte.checkProgramme({
    id: "essai",
    version: "1",
    extends: "msp-cds",
    colour: "bleu",
    requiredMinutes: { presentiel: null },
    traceurs: [],
    modules: [
      { id: "a", title: "A" },
      { id: "a", title: "A bis" },
    ],
    sessions: [{ id: "S1", title: "S1", days: [{ date: "2024-13-01", minutes: 420 }] }],
  });
  assert.equal(answer.kind, "failure");
  assert.deepEqual(
    answer.problems.map((p) => [p.code, p.path]),
    [
      ["INVALID_DATE", "/sessions/0/days/0/date"],
      ["UNKNOWN_FIELD", "/colour"],
      ["DUPLICATE_ID", "/modules/1/id"],
    ],
  );
});

test("no input, however bad, leaves the instance unusable", () => {
  const programme = pacte.loadProgramme("cpts");
  const garbage = [
    undefined,
    null,
    42,
    "texte",
    [],
    { learnerId: 7 },
    { learnerId: "x", attendance: "non" },
    { learnerId: "x", activities: [{ minutes: -5 }] },
  ];
  for (const g of garbage) {
    assert.throws(() => programme.evaluate(g, "2024-01-01"), { name: "PacteError" });
  }
  assert.throws(() => programme.evaluateJson("{", "2024-01-01"), { code: "INVALID_JSON" });
  assert.equal(pacte.checkProgrammeJson("{ pas du json").kind, "failure");
  assert.equal(programme.evaluate({ learnerId: "ok" }, "2024-01-01").stage, "notStarted");
});

test("a promotion evaluates every learner and reports the invalid one in its place", () => {
  const programme = pacte.loadProgramme("hdf-leader-msp-2024");
  const promotion = programme.evaluatePromotion([learner, { learnerId: 3 }, { learnerId: "vide" }], "2024-09-20");
  assert.deepEqual(
    promotion.learners.map((l) => l.kind),
    ["evaluated", "invalid", "evaluated"],
  );
  assert.equal(promotion.learners[1].problems[0].path, "/1/learnerId");
  assert.equal(promotion.invalid, 1);
  const lines = [JSON.stringify(learner), "", JSON.stringify({ learnerId: "vide" })].join("\n");
  assert.equal(programme.evaluatePromotionJson(lines, "2024-09-20").learners.length, 2);
});

test("a promotion streamed learner by learner gives the entries and counts of the whole promotion", () => {
  const programme = pacte.loadProgramme("hdf-leader-msp-2024");
  const records = [learner, { learnerId: 3 }, learner, { learnerId: "vide" }].map((r) => JSON.stringify(r));
  const whole = programme.evaluatePromotionJson(records.join("\n"), "2024-09-20");
  const stream = programme.promotionStream("2024-09-20");
  const entries = records.map((line) => stream.addJson(line));
  // The same learner twice is refused in its place, as in the whole promotion.
  assert.deepEqual(
    entries.map((e) => e.kind),
    ["evaluated", "invalid", "invalid", "evaluated"],
  );
  assert.deepEqual(entries, whole.learners);
  assert.deepEqual(stream.summary(), { kind: "summary", asOf: "2024-09-20", stages: whole.stages, invalid: 2, learners: 4 });
  assert.throws(() => stream.addJson(3), { name: "PacteError", code: "INVALID_ARGUMENT", path: "/json" });
  stream.free();
});

test("a standing says where the learner stands as the report does, without its words", () => {
  const programme = pacte.loadProgramme("hdf-leader-msp-2024");
  const report = programme.evaluate(learner, "2024-09-20");
  const standing = programme.standing(learner, "2024-09-20");
  assert.deepEqual(Object.keys(standing), [
    "learnerId",
    "stage",
    "hours",
    "days",
    "traceurs",
    "memoire",
    "soutenance",
    "unmet",
    "ignoredCount",
    "advisoryCount",
  ]);
  assert.deepEqual(
    standing.days,
    report.sessions.flatMap((s) => s.days.map((d) => d.status)),
  );
  assert.equal(standing.stage, report.stage);
  assert.deepEqual(standing.hours.presentiel, { requiredMinutes: 2940, doneMinutes: 420, excusedMinutes: 420, remainingMinutes: 2100 });
  assert.deepEqual(
    standing.unmet,
    report.unmet.map(({ rule, message, ...condition }) => condition),
  );
  assert.deepEqual(programme.standingJson(JSON.stringify(learner), "2024-09-20"), standing);
});

test("a promotion answers standings when asked, in a whole file or streamed", () => {
  const programme = pacte.loadProgramme("hdf-leader-msp-2024");
  const records = [learner, { learnerId: 3 }, { learnerId: "vide" }].map((r) => JSON.stringify(r));
  const whole = programme.evaluatePromotionJson(records.join("\n"), "2024-09-20", "standing");
  assert.deepEqual(
    whole.learners.map((l) => l.kind),
    ["standing", "invalid", "standing"],
  );
  assert.deepEqual(whole.learners[0].standing, programme.standing(learner, "2024-09-20"));
  assert.deepEqual(programme.evaluatePromotion([learner, { learnerId: 3 }, { learnerId: "vide" }], "2024-09-20", "standing"), whole);
  const stream = programme.promotionStream("2024-09-20", "standing");
  assert.deepEqual(
    records.map((line) => stream.addJson(line)),
    whole.learners,
  );
  stream.free();
  for (const detail of ["rapport", 1, {}]) {
    assert.throws(() => programme.evaluatePromotionJson(records[0], "2024-09-20", detail), { name: "PacteError", code: "INVALID_ARGUMENT" }, String(detail));
  }
  for (const absent of [undefined, null]) assert.equal(programme.evaluatePromotionJson(records[0], "2024-09-20", absent).learners[0].kind, "evaluated");
});

// wasm-bindgen traps (RuntimeError) or throws a bare TypeError when a string
// parameter gets another JS type: every argument is checked instead.
const notStrings = { number: 20240920, true: true, object: {}, Date: new Date(2024, 8, 20), null: null, array: [], missing: undefined };

test("an asOf, a JSON text or an import input of another JS type is an INVALID_ARGUMENT naming it", () => {
  const programme = pacte.loadProgramme("msp-cds");
  const adapters = require("../../pkg/import/node/pacte_import.js");
  const options = { source: "csv", asOf: "2024-12-31" };
  const mapping = { programme: "msp-cds", timeZone: "UTC" };
  for (const [type, value] of Object.entries(notStrings)) {
    const invalid = (path) => ({ name: "PacteError", code: "INVALID_ARGUMENT", path });
    assert.throws(() => programme.evaluate(learner, value), invalid("/asOf"), type);
    assert.throws(() => programme.evaluateJson(value, "2024-09-20"), invalid("/json"), type);
    assert.throws(() => programme.evaluatePromotionJson(value, "2024-09-20"), invalid("/text"), type);
    assert.throws(() => programme.evaluatePromotion([learner], value), invalid("/asOf"), type);
    assert.throws(() => programme.checkCandidature({}, value), invalid("/asOf"), type);
    assert.throws(() => pacte.evaluate("msp-cds", learner, value), invalid("/asOf"), type);
    assert.throws(() => adapters.importRecords(options, mapping, value), invalid("/input"), type);
    const checked = pacte.checkProgrammeJson(value);
    assert.deepEqual([checked.kind, checked.problems[0].code, checked.problems[0].path], ["failure", "INVALID_ARGUMENT", "/json"], type);
  }
  assert.equal(programme.evaluate({ learnerId: "ok" }, "2024-01-01").stage, "notStarted");
});

test("a missing object argument is an INVALID_ARGUMENT naming it, and a promotion must be an array", () => {
  const programme = pacte.loadProgramme("msp-cds");
  const adapters = require("../../pkg/import/node/pacte_import.js");
  const invalid = (path) => ({ name: "PacteError", code: "INVALID_ARGUMENT", path });
  assert.throws(() => pacte.loadProgramme(undefined), invalid("/source"));
  assert.throws(() => pacte.loadProgramme("msp-cds", 42), invalid("/extra"));
  assert.throws(() => programme.checkCandidature(undefined, "2024-09-20"), invalid("/file"));
  assert.throws(() => programme.evaluatePromotion(42, "2024-09-20"), invalid("/learners"));
  assert.throws(() => adapters.importRecords(undefined, "{}", ""), invalid("/options"));
  assert.throws(() => adapters.importRecords({ source: "csv", asOf: "2024-12-31" }, undefined, ""), invalid("/mapping"));
});
