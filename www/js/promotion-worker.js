// Evaluates a whole promotion off the page's main thread: 2,000 learners take
// the engine about half a second, which on the main thread would freeze the
// page. JSON Lines are evaluated a line at a time (a PromotionStream): the
// engine never builds one answer for the whole file, whose text alone would
// weigh hundreds of megabytes at 100,000 learners. A JSON array is one call.
//   in:  { id, programme (embedded id or definition), text, asOf }
//   out: { id, promotion, engineMs } or { id, problems }; engineMs: the engine's
//        time, in milliseconds (the page puts it on its DevTools timeline)
import init, { loadProgramme } from "../pkg/web/pacte_rules.js";

const ready = init();

self.onmessage = async ({ data: { id, programme, text, asOf } }) => {
  let handle;
  try {
    await ready;
    const started = performance.now();
    handle = loadProgramme(programme);
    const promotion = text.trimStart().startsWith("[") ? handle.evaluatePromotionJson(text, asOf) : streamed(handle, text, asOf);
    const engineMs = performance.now() - started;
    performance.measure("promotion worker: engine", { start: started, duration: engineMs });
    self.postMessage({ id, promotion, engineMs });
  } catch (error) {
    // A PacteError does not survive postMessage whole: send its problems.
    const problems = error?.problems ?? [{ code: error?.name ?? "Error", path: "", message: { fr: String(error?.message ?? error), en: "" } }];
    self.postMessage({ id, problems });
  } finally {
    handle?.free();
  }
};

/**
 * JSON Lines, learner by learner, into the promotion report evaluatePromotionJson
 * answers (blank lines are no learner; an empty file is refused the same way).
 * @param {import("../pkg/web/pacte_rules.js").Programme} handle
 * @param {string} text
 * @param {string} asOf
 */
function streamed(handle, text, asOf) {
  const stream = handle.promotionStream(asOf);
  try {
    const learners = [];
    for (const line of text.replace(/^\uFEFF/, "").split("\n")) {
      if (line.trim() !== "") learners.push(stream.addJson(line));
    }
    if (learners.length === 0) return handle.evaluatePromotionJson(text, asOf);
    const summary = stream.summary();
    return { asOf: summary.asOf, stages: summary.stages, invalid: summary.invalid, learners };
  } finally {
    stream.free();
  }
}
