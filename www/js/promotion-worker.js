// Evaluates a whole promotion off the page's main thread, to standings: where
// each learner stands (stage, tallies, each calendar day's status, the unmet
// conditions' codes and numbers), without the report's words. It is what the
// page's table and figures need, and a standing weighs 1.8 KB of JSON where
// the full report weighs 6.4 (a generated Bretagne learner): every learner's
// full report took seconds to copy back to the page at 20,000 learners. JSON
// Lines are evaluated a line at a time (a PromotionStream): the engine never
// builds one answer for the whole file. A JSON array is one call.
//
// The worker keeps each promotion it evaluated (its text, the programme, the
// date) until the page says which one it shows, so that the page can ask
// afterwards for what only one learner's own record or full report says: the
// record to show in the detail, the unmet conditions' words for the CSV
// export. The page keeps no records.
//
//   in:  { id, evaluate: { programme (embedded id or definition), text, asOf } }
//   out: { id, promotion, calendar, engineMs }: promotion, as JSON text, the
//        engine's answer with detail "standing", each invalid entry with
//        `record`: that record's learnerId, displayName and programme as
//        written (null when it is not JSON); calendar: [{ title, date }], each
//        day of the programme, in the order of a standing's `days`; engineMs:
//        the engine's time (the page puts it on its DevTools timeline)
//   in:  { id, record: { promotion, index } }, promotion: the id of the
//        evaluate message that made the page's entries
//   out: { id, text }: that learner's record, its JSON text as in the file
//   in:  { id, messages: { promotion, indices } }
//   out: { id, messages }: for each index, the French words of each unmet
//        condition of that learner's full report (evaluateJson of the record:
//        the report the promotion would have given)
//   in:  { keep: promotion }: the page shows that one; the others are let go (no answer)
//   any: { id, problems } when it fails; { id, stale: true } when the promotion
//        asked about has been let go
import init, { loadProgramme } from "../pkg/web/pacte_rules.js";

const ready = init();

/**
 * The promotions evaluated and not let go, by the id of their evaluate message: what the page may ask about.
 * @typedef {{ handle: import("../pkg/web/pacte_rules.js").Programme, asOf: string, records: RecordTexts }} Kept
 * @type {Map<number, Kept>}
 */
const kept = new Map();

// One message at a time, in the order sent (the first waits for the engine).
let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  queue = queue.then(() =>
    ready.then(
      () => answer(data),
      (error) => failed(data.id, error),
    ),
  );
};

function answer({ id, evaluate, record, messages, keep }) {
  if (keep !== undefined) {
    for (const [other, promotion] of kept)
      if (other !== keep) {
        promotion.handle.free();
        kept.delete(other);
      }
    return;
  }
  try {
    if (evaluate) self.postMessage({ id, ...evaluatePromotion(id, evaluate) });
    else {
      const promotion = kept.get((record ?? messages).promotion);
      if (!promotion) self.postMessage({ id, stale: true });
      else if (record) self.postMessage({ id, text: promotion.records.text(record.index) });
      else self.postMessage({ id, messages: wordsOf(promotion, messages.indices) });
    }
  } catch (error) {
    failed(id, error);
  }
}

/** A PacteError does not survive postMessage whole: its problems are sent. */
function failed(id, error) {
  const problems = error?.problems ?? [{ code: error?.name ?? "Error", path: "", message: { fr: String(error?.message ?? error), en: "" } }];
  self.postMessage({ id, problems });
}

function evaluatePromotion(id, { programme, text, asOf }) {
  const started = performance.now();
  const handle = loadProgramme(programme);
  let records;
  let promotion;
  try {
    const lines = text.trimStart().startsWith("[") ? null : nonBlankLines(text);
    promotion = lines === null ? handle.evaluatePromotionJson(text, asOf, "standing") : streamed(handle, lines, text, asOf);
    records = lines === null ? new ArrayRecords(text) : new LineRecords(lines);
  } catch (error) {
    handle.free();
    throw error;
  }
  // The page needs to know whose an invalid record is (there are few).
  for (const entry of promotion.learners) if (entry.kind === "invalid") entry.record = who(records.text(entry.index));
  const calendar = handle.details().definition.sessions.flatMap((s) => s.days.map((d) => ({ title: s.title, date: d.date })));
  kept.set(id, { handle, asOf, records });
  const engineMs = performance.now() - started;
  performance.measure("promotion worker: engine", { start: started, duration: engineMs });
  // As JSON text: a string is copied in one go; stringify here and JSON.parse on
  // the page took 20 ms at 2,000 learners (275 at 20,000) where a structured
  // clone of the objects took 27 (333), measured in chromium.
  return { promotion: JSON.stringify(promotion), calendar, engineMs };
}

/** A record's learnerId, displayName and programme as written (whatever their type), or null when it is not JSON. */
function who(text) {
  try {
    const { learnerId, displayName, programme } = JSON.parse(text) ?? {};
    return { learnerId, displayName, programme };
  } catch {
    return null;
  }
}

/**
 * The words of each unmet condition of these learners' full reports (invalid ones have none).
 * @param {Kept} promotion
 * @param {number[]} indices
 */
function wordsOf({ handle, asOf, records }, indices) {
  return indices.map((index) => {
    try {
      return handle.evaluateJson(records.text(index), asOf).unmet.map((u) => u.message.fr);
    } catch {
      return [];
    }
  });
}

/** JSON Lines: the lines that hold a learner (the engine skips blank lines, and so does the count). */
const nonBlankLines = (text) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .filter((line) => line.trim() !== "");

/**
 * JSON Lines, learner by learner, into the promotion report evaluatePromotionJson
 * answers (an empty file is refused the same way).
 * @param {import("../pkg/web/pacte_rules.js").Programme} handle
 * @param {string[]} lines
 * @param {string} text
 * @param {string} asOf
 */
function streamed(handle, lines, text, asOf) {
  if (lines.length === 0) return handle.evaluatePromotionJson(text, asOf, "standing");
  const stream = handle.promotionStream(asOf, "standing");
  try {
    const learners = lines.map((line) => stream.addJson(line));
    const summary = stream.summary();
    return { asOf: summary.asOf, stages: summary.stages, invalid: summary.invalid, learners };
  } finally {
    stream.free();
  }
}

/** @typedef {{ text(index: number): string }} RecordTexts Each learner's record, as JSON text. */

/** @implements {RecordTexts} */
class LineRecords {
  /** @param {string[]} lines */
  constructor(lines) {
    this.lines = lines;
  }
  text(index) {
    return this.lines[index];
  }
}

/**
 * The elements of a JSON array, found in its text the first time one is asked
 * for (the engine has read the text: it is JSON): two offsets a learner, not a
 * second copy of the promotion.
 * @implements {RecordTexts}
 */
class ArrayRecords {
  /** @param {string} text */
  constructor(text) {
    this.source = text;
    /** @type {Uint32Array | null} start and end of each element */
    this.bounds = null;
  }
  text(index) {
    this.bounds ??= elementBounds(this.source);
    return this.source.slice(this.bounds[2 * index], this.bounds[2 * index + 1]);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN = new Set([91, 123]); // [ {
const CLOSE = new Set([93, 125]); // ] }

/**
 * Where each element of the JSON array `text` starts and ends (whitespace
 * around it left out): one pass, strings skipped whole.
 * @param {string} text valid JSON, an array
 */
function elementBounds(text) {
  const bounds = [];
  let i = text.indexOf("[") + 1;
  let depth = 0;
  let start = -1;
  let end = -1; // after the last character of the element that is not whitespace
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xfeff) continue;
    if (depth === 0 && (c === COMMA || c === 93)) {
      if (start >= 0) bounds.push(start, end);
      start = -1;
      if (c === 93) break;
      continue;
    }
    if (start < 0) start = i;
    if (c === QUOTE) {
      // The closing quote: the next one not escaped by an odd run of backslashes.
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        let k = j - 1;
        while (text.charCodeAt(k) === BACKSLASH) k--;
        if ((j - k) % 2 === 1) break;
      }
      i = j;
    } else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth--;
    end = i + 1;
  }
  return Uint32Array.from(bounds);
}
