// The engine's words for people (labels(), formatMinutes, formatDate), which
// the widget and the pages show instead of a dictionary of their own: every
// value of every enum of the reports has its words, in the order the
// declarations give; figures are written as in the engine's messages; a bad
// argument is a PacteError INVALID_ARGUMENT, never a TypeError or a trap.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pacte = require("../../pkg/node/pacte_rules.js");
const declarations = readFileSync(new URL("../../pkg/web/pacte_rules.d.ts", import.meta.url), "utf8");

/** The values of a string union type of the generated declarations. */
function union(name) {
  const [, body] = new RegExp(`export type ${name} = ([^;]+);`).exec(declarations) ?? [];
  assert.ok(body, `${name} is declared`);
  return [...body.matchAll(/"(\w+)"/g)].map(([, value]) => value);
}

test("every value of every enum the reports carry has its words in French and English", () => {
  const labels = pacte.labels();
  const ENUMS = {
    stages: "Stage",
    dayStatuses: "DayStatus",
    traceurStatuses: "TraceurStatus",
    memoireStatuses: "MemoireReportStatus",
    soutenanceStatuses: "SoutenanceReportStatus",
    modalities: "Modality",
  };
  assert.deepEqual(Object.keys(labels), Object.keys(ENUMS));
  for (const [kind, type] of Object.entries(ENUMS)) {
    assert.deepEqual(Object.keys(labels[kind]), union(type), kind);
    for (const [value, words] of Object.entries(labels[kind])) {
      assert.deepEqual(Object.keys(words), ["fr", "en"], `${kind}.${value}`);
      assert.ok(words.fr.trim() && words.en.trim(), `${kind}.${value}`);
    }
  }
  assert.deepEqual(labels.stages.atRisk, { fr: "À surveiller", en: "At risk" });
  assert.deepEqual(labels.dayStatuses.excused, { fr: "absence justifiée (heures excusées)", en: "justified absence (hours excused)" });
  assert.deepEqual(labels.modalities.equipe, { fr: "En équipe", en: "Team work" });
});

test("stages come from worst to best, as the engine weighs them", () => {
  assert.deepEqual(Object.keys(pacte.labels().stages), ["blocked", "atRisk", "notStarted", "inProgress", "readyToDefend", "complete"]);
});

test("durations and dates are written as in the engine's messages, with ordinary spaces", () => {
  assert.deepEqual(
    [0, 45, 60, 65, 150, 84 * 60].map((m) => pacte.formatMinutes(m)),
    ["0 min", "45 min", "1 h", "1 h 05", "2 h 30", "84 h"],
  );
  assert.equal(pacte.formatDate("2024-08-01"), "1er août 2024");
  assert.equal(pacte.formatDate("2024-11-27", "fr"), "27 novembre 2024");
  assert.equal(pacte.formatDate("2024-08-01", "en"), "1 August 2024");
  // The same words as a report's message.
  const report = pacte
    .loadProgramme("msp-cds")
    .evaluate({ learnerId: "x", activities: [{ modality: "elearning", date: "2025-01-10", minutes: 1650 }] }, "2025-03-01");
  const short = report.unmet.find((u) => u.code === "HOURS_SHORT" && u.modality === "elearning");
  assert.ok(short.message.fr.includes(pacte.formatMinutes(short.remainingMinutes)), short.message.fr);
});

test("a duration that is not a whole number of minutes, a date or a language the engine does not write: INVALID_ARGUMENT", () => {
  const refusal = (call) => {
    try {
      call();
    } catch (error) {
      return [error.name, error.code, error.path, error.problems.length];
    }
    return "no error";
  };
  for (const minutes of [-5, 1.5, Number.NaN, 2 ** 32, "90", undefined, null]) {
    assert.deepEqual(
      refusal(() => pacte.formatMinutes(minutes)),
      ["PacteError", "INVALID_ARGUMENT", "/minutes", 1],
      String(minutes),
    );
  }
  for (const date of ["2024-02-30", "01/08/2024", 20240801, undefined]) {
    assert.deepEqual(
      refusal(() => pacte.formatDate(date)),
      ["PacteError", "INVALID_ARGUMENT", "/date", 1],
      String(date),
    );
  }
  assert.deepEqual(
    refusal(() => pacte.formatDate("2024-08-01", "de")),
    ["PacteError", "INVALID_ARGUMENT", "/lang", 1],
  );
  assert.deepEqual(
    refusal(() => pacte.formatDate("2024-08-01", 3)),
    ["PacteError", "INVALID_ARGUMENT", "/lang", 1],
  );
  // The instance is still usable.
  assert.equal(pacte.formatMinutes(90), "1 h 30");
});
