// The JSON Schemas shipped in the package (pkg/schemas), read by a standard
// validator as a portal or an editor reads them: they accept the documents
// the engine reads, and refuse those it refuses for their structure (an
// unknown field, a wrong type, a missing field, a date that does not exist).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("../../", import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, root), "utf8"));
const names = (dir) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();

const ajv = addFormats(new Ajv2020({ allErrors: true }));
// Each schema is compiled once: ajv keeps it under its `$id`.
const validators = Object.fromEntries(["programme", "learner", "candidature", "mapping"].map((d) => [d, ajv.compile(json(`pkg/schemas/${d}.schema.json`))]));
const validator = (document) => validators[document];

/** The names whose document the schema accepts, and those it refuses. */
function sort(validate, dir, documentOf = (d) => d) {
  const verdicts = { accepted: [], refused: [] };
  for (const name of names(dir)) {
    verdicts[validate(documentOf(json(`${dir}/${name}.json`))) ? "accepted" : "refused"].push(name);
  }
  return verdicts;
}

test("the package ships the four schemas, each naming itself", () => {
  const heads = ["programme", "learner", "candidature", "mapping"].map((d) => {
    const schema = json(`pkg/schemas/${d}.schema.json`);
    return [schema.$schema, schema.$id, schema.title];
  });
  const id = (d) => `https://example.invalid/pacte-rules/schemas/${d}.schema.json`;
  const draft = "https://json-schema.org/draft/2020-12/schema";
  assert.deepEqual(heads, [
    [draft, id("programme"), "PACTE programme definition"],
    [draft, id("learner"), "PACTE learner records"],
    [draft, id("candidature"), "PACTE candidature file"],
    [draft, id("mapping"), "PACTE import mapping"],
  ]);
  assert.deepEqual(readdirSync(new URL("pkg/schemas", root)).sort(), [
    "candidature.schema.json",
    "learner.schema.json",
    "mapping.schema.json",
    "programme.schema.json",
  ]);
});

test("the programme schema accepts every embedded definition", () => {
  assert.deepEqual(sort(validator("programme"), "crates/pacte-rules/programmes/"), {
    accepted: ["bretagne-cpts-2021", "cpts", "hdf-leader-msp-2024", "leader-msp", "msp-cds", "socle-option"],
    refused: [],
  });
  // The regional calendars of either shape the sources describe, and a region asking hours per module.
  assert.deepEqual(sort(validator("programme"), "tests/fixtures/regions/"), {
    accepted: ["hours-asked-per-module-occitanie", "one-two-day-seminar-a-quarter-grand-est", "three-seminars-a-year-pays-de-la-loire"],
    refused: [],
  });
});

test("the programme schema refuses the definitions checkProgramme refuses for their structure, and only those", () => {
  const validate = validator("programme");
  assert.deepEqual(sort(validate, "tests/fixtures/definitions/"), {
    // Well formed, refused by the engine for what they say (a short calendar, a duplicate id…).
    accepted: [
      "calendar-short-of-96-hours",
      "cycle-a-extends-b",
      "cycle-b-extends-a",
      "duplicate-session-id",
      "elective-group-asks-more-than-it-offers",
      "extends-unknown-parent",
      "session-day-of-4294967295-minutes",
      "session-outside-promotion",
      "session-without-days",
      "traceur-of-unknown-module",
    ],
    refused: [
      "impossible-date-in-session",
      "malformed-session-before-an-impossible-date",
      "session-day-without-minutes",
      "several-errors-at-once",
      "unknown-field-in-session",
    ],
  });
  // Each at the path checkProgramme names. Left out: ajv's reports of the
  // branches around the error (the `if` it took, the `null` a patch may give instead).
  const errors = (name) => {
    validate(json(`tests/fixtures/definitions/${name}.json`));
    return validate.errors
      .filter((e) => !["if", "anyOf"].includes(e.keyword) && e.params.type !== "null")
      .map((e) => [e.instancePath, e.keyword, e.params.additionalProperty ?? e.params.missingProperty ?? e.params.format ?? e.params.type]);
  };
  assert.deepEqual(errors("unknown-field-in-session"), [["/sessions/1", "additionalProperties", "lieu"]]);
  assert.deepEqual(errors("session-day-without-minutes"), [["/sessions/1/days/1", "required", "minutes"]]);
  assert.deepEqual(errors("impossible-date-in-session"), [["/sessions/2/days/1/date", "format", "date"]]);
  assert.deepEqual(errors("malformed-session-before-an-impossible-date"), [
    ["/sessions/1", "type", "object"],
    ["/sessions/2/days/1/date", "format", "date"],
  ]);
});

test("a definition that extends nothing is a whole definition: its required fields are required", () => {
  const validate = validator("programme");
  const { $schema, extends: _, ...whole } = json("crates/pacte-rules/programmes/hdf-leader-msp-2024.json");
  assert.equal(validate(whole), false);
  assert.deepEqual(
    validate.errors.filter((e) => e.keyword === "required").map((e) => e.params.missingProperty),
    ["mention"],
  );
  assert.equal(validate({ ...whole, $schema, mention: "leaderMsp" }), true);
  // `null` removes an optional field of the parent, never a required one.
  assert.equal(validate({ id: "x", version: "1", extends: "msp-cds", promotion: null }), true);
  assert.equal(validate({ id: "x", version: "1", extends: "msp-cds", title: null }), false);
  assert.equal(validate({ id: "x", version: "1", extends: null }), false);
});

test("the learner schema accepts every learner fixture's records but the one with a misspelt field", () => {
  const misspelt = "hdf-absence-justification-field-misspelled";
  // The engine reads that one and sets the field aside in `ignored`; an editor flags the typo.
  assert.deepEqual(
    sort(validator("learner"), "tests/fixtures/learners/", (f) => f.learner),
    {
      accepted: names("tests/fixtures/learners/").filter((n) => n !== misspelt),
      refused: [misspelt],
    },
  );
  const examples = ["www/data/learner-bretagne", "www/data/learner-hdf", "www/data/learner-msp-cds", "examples/learner-hdf"];
  assert.deepEqual(
    examples.map((e) => validator("learner")(json(`${e}.json`))),
    [true, true, true, true],
  );
});

test("the candidature schema accepts every candidature fixture's file", () => {
  assert.deepEqual(
    sort(validator("candidature"), "tests/fixtures/candidatures/", (f) => f.file),
    {
      accepted: names("tests/fixtures/candidatures/"),
      refused: [],
    },
  );
});

test("the mapping schema accepts every example mapping and refuses an unknown field", () => {
  assert.deepEqual(sort(validator("mapping"), "examples/mappings/"), {
    accepted: ["bretagne-cpts-2021", "hdf-leader-msp-2024", "socle-option"],
    refused: [],
  });
  const validate = validator("mapping");
  assert.equal(validate(json("tests/fixtures/import/mapping-unknown-field.json")), false);
});
