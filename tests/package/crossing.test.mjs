// JS objects cross into the engine packed (js/packed.js, read by the core's
// learner::packed) or, where that road gives up, as their JSON text. Either
// way the answer is the one their `JSON.stringify` text gets: each learner
// below, however odd, is evaluated from the object and from its text, and
// the two answers must be identical, refusals included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pacte = require("../../pkg/node/pacte_rules.js");
const programme = pacte.loadProgramme("hdf-leader-msp-2024");
const AS_OF = "2024-12-20";

const learner = () => ({
  learnerId: "hdf-2024-011",
  displayName: "Élodie Marchand",
  programme: "hdf-leader-msp-2024",
  attendance: [
    { session: "S1", date: "2024-04-11", status: "present" },
    { session: "S1", date: "2024-04-12", status: "present", teamMemberPresent: true },
    { session: "S3", date: "2024-09-13", status: "absent", justification: "hospitalisation d'un enfant" },
  ],
  activities: [
    { id: "moodle-4411", title: "Module 2 — projet de santé", modality: "elearning", date: "2024-04-20", minutes: 150 },
    { modality: "equipe", module: "projet-de-sante", date: "2024-05-02", minutes: 240 },
  ],
  traceurs: [{ id: "fiche-de-poste", status: "validated", date: "2024-06-01" }],
  memoire: { status: "submitted", date: "2024-11-04" },
});

/** The answer, or the refusal thrown in its place. */
function answer(call) {
  try {
    return call();
  } catch (e) {
    if (e.name !== "PacteError") throw e;
    return { code: e.code, path: e.path, message: e.message, problems: e.problems };
  }
}

function crossesAsItsText(value) {
  const text = JSON.stringify(value);
  for (const [fromObject, fromText] of [
    ["evaluate", "evaluateJson"],
    ["standing", "standingJson"],
  ]) {
    const expected = text === undefined ? undefined : answer(() => programme[fromText](text, AS_OF));
    const got = answer(() => programme[fromObject](value, AS_OF));
    if (expected === undefined) assert.equal(got.code, "INVALID_ARGUMENT", `${fromObject} of a value without JSON text`);
    else assert.deepEqual(got, expected, `${fromObject} from the object, ${fromText} from its text`);
  }
}

const situations = {
  "the usual records": (l) => l,
  "records with an unknown field (reported ignored, with its path)": (l) => {
    l.attendance[1].remarque = "arrivée à 10 h";
  },
  "an unknown field holding an object": (l) => {
    l.moodle = { courseId: 12 };
  },
  "members left undefined, a function and a symbol (JSON leaves them out)": (l) => {
    l.displayName = undefined;
    l.activities[0].title = () => "titre";
    l.memoire.date = Symbol("date");
  },
  "a null optional field": (l) => {
    l.memoire = null;
    l.attendance[0].justification = null;
  },
  "a null list (refused)": (l) => {
    l.activities = null;
  },
  "minutes that are not whole, NaN, Infinity or negative": (l) => {
    l.activities.push({ modality: "elearning", date: "2024-04-21", minutes: 12.5 }, { modality: "elearning", date: "2024-04-22", minutes: Number.NaN });
  },
  "minutes Infinity (null in JSON: refused)": (l) => {
    l.activities[1].minutes = Number.POSITIVE_INFINITY;
  },
  "negative minutes and -0": (l) => {
    l.activities[0].minutes = -0;
    l.activities[1].minutes = -30;
  },
  "minutes as a string": (l) => {
    l.activities[0].minutes = "150";
  },
  "a date that is not one": (l) => {
    l.attendance[0].date = "2024-02-30";
  },
  "a Date object (its toJSON writes a text with the time)": (l) => {
    l.activities[0].date = new Date(Date.UTC(2024, 3, 20));
  },
  "a value with its own toJSON": (l) => {
    l.traceurs[0] = { toJSON: () => ({ id: "feuille-de-route", status: "deposited", date: "2024-07-01" }) };
  },
  "boxed primitives (JSON writes their value)": (l) => {
    l.learnerId = new String("hdf-2024-011");
    l.activities[0].minutes = new Number(150);
    l.attendance[1].teamMemberPresent = new Boolean(false);
  },
  "texts in any script, with emoji and combining accents": (l) => {
    l.displayName = "Zoé N\u0301guyễn 👩🏽‍⚕️ 王芳";
    l.attendance[2].justification = "décès d’un proche — ✝";
  },
  "a lone surrogate in a text": (l) => {
    l.attendance[2].justification = "arr\uD800t maladie";
  },
  "an unknown status and a modality in capitals": (l) => {
    l.traceurs[0].status = "accepted";
    l.activities[0].modality = "ELEARNING";
  },
  "a sparse list and a list with undefined": (l) => {
    l.activities.length = 4;
    l.traceurs.push(undefined);
  },
  "a list where an object is expected, and an object where a list is": (l) => {
    l.memoire = [];
    l.traceurs = { 0: l.traceurs[0] };
  },
  "an object made by a class, with a getter": (l) => {
    class Presence {
      constructor(date) {
        this.session = "S1";
        this.date = date;
      }
      get status() {
        return "present";
      }
    }
    l.attendance[0] = new Presence("2024-04-11");
  },
  "an object without prototype": (l) => {
    l.memoire = Object.assign(Object.create(null), { status: "inProgress" });
  },
  "a non-enumerable field": (l) => {
    Object.defineProperty(l.attendance[0], "status", { value: "absent", enumerable: false });
  },
  "an inherited field": (l) => {
    l.attendance[0] = Object.assign(Object.create({ status: "present" }), { session: "S1", date: "2024-04-11" });
  },
  "the learner id missing, or a number": (l) => {
    l.learnerId = 7;
  },
  "a thousand activities": (l) => {
    l.activities = Array.from({ length: 1000 }, (_, i) => ({
      id: `moodle-${i}`,
      modality: i % 2 ? "elearning" : "equipe",
      date: `2024-0${4 + (i % 5)}-1${i % 10}`,
      minutes: 30 + (i % 7),
    }));
  },
  "a proxy that lies about its keys": (l) => {
    l.attendance[0] = new Proxy(l.attendance[0], { ownKeys: () => ["session", "date", "status", "remarque"] });
  },
};

for (const [situation, change] of Object.entries(situations)) {
  test(`${situation}: the same answer from the object as from its JSON text`, () => {
    const l = learner();
    change(l);
    crossesAsItsText(l);
  });
}

test("values that are no records, from the object as from its text", () => {
  for (const value of [null, 42, "hdf-2024-011", [], [learner()], new Map(), new Date(0)]) crossesAsItsText(value);
});

test("a value without JSON text is an INVALID_ARGUMENT, as before", () => {
  for (const value of [undefined, () => 1, 10n]) {
    for (const call of ["evaluate", "standing"]) {
      const e = answer(() => programme[call](value, AS_OF));
      assert.equal(e.code ?? e.name, "INVALID_ARGUMENT", `${call}(${typeof value})`);
    }
  }
});

test("a getter that throws is the error JSON.stringify meets", () => {
  const l = learner();
  Object.defineProperty(l, "displayName", {
    enumerable: true,
    get() {
      throw new Error("no name");
    },
  });
  assert.equal(answer(() => programme.evaluate(l, AS_OF)).code, "INVALID_ARGUMENT");
});

test("a getter that evaluates another learner while this one crosses changes neither answer", () => {
  const inner = learner();
  inner.learnerId = "hdf-2024-012";
  let innerStanding;
  const outer = learner();
  Object.defineProperty(outer, "displayName", {
    enumerable: true,
    get() {
      innerStanding = programme.standing(inner, AS_OF);
      return "Élodie Marchand";
    },
  });
  const got = programme.evaluate(outer, AS_OF);
  assert.deepEqual(got, programme.evaluateJson(JSON.stringify(learner()), AS_OF));
  assert.deepEqual(innerStanding, programme.standingJson(JSON.stringify(inner), AS_OF));
});

test("a promotion of objects gets the answer of its text, learner by learner", () => {
  const learners = Object.entries(situations).map(([, change], i) => {
    const l = learner();
    change(l);
    if (typeof l.learnerId === "string") l.learnerId = `hdf-2024-${100 + i}`;
    return l;
  });
  for (const detail of ["report", "standing"]) {
    const fromObjects = programme.evaluatePromotion(learners, AS_OF, detail);
    const fromText = programme.evaluatePromotionJson(JSON.stringify(learners), AS_OF, detail);
    assert.deepEqual(fromObjects, fromText, detail);
  }
});

test("any learner fixture with one value replaced by an odd one gets the answer of its text", async () => {
  const { random } = await import("../../www/data/promotion-generator.js");
  const { readdirSync, readFileSync } = await import("node:fs");
  const dir = new URL("../fixtures/learners/", import.meta.url);
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")))
    .filter((f) => !f.region);
  const odd = [undefined, null, Number.NaN, -0, 12.5, 1e21, "", "é", "\uDC00", "2024-13-01", true, {}, [], [1], { x: 1 }, new Date(0), () => 0];
  const r = random(7);
  const pick = (list) => list[Math.floor(r() * list.length)];
  // Every place a value sits in the records: the objects on the way, and the key.
  const places = (value, out = []) => {
    if (value && typeof value === "object")
      for (const key of Object.keys(value)) {
        out.push([value, key]);
        places(value[key], out);
      }
    return out;
  };
  for (let i = 0; i < 400; i++) {
    const fixture = pick(fixtures);
    const l = structuredClone(fixture.learner);
    const [holder, key] = pick(places(l));
    holder[r() < 0.2 ? "remarque" : key] = pick(odd);
    const p = pacte.loadProgramme(fixture.programme);
    const text = JSON.stringify(l);
    for (const [fromObject, fromText] of [
      ["evaluate", "evaluateJson"],
      ["standing", "standingJson"],
    ]) {
      assert.deepEqual(
        answer(() => p[fromObject](l, fixture.asOf)),
        answer(() => p[fromText](text, fixture.asOf)),
        `${fromObject}, ${text}`,
      );
    }
  }
});
