// Evaluates a whole promotion off the page's main thread: 2,000 learners take
// the engine about half a second, which on the main thread would freeze the
// page. One call per promotion, on its JSON text (an array or JSON Lines).
//   in:  { id, programme (embedded id or definition), text, asOf }
//   out: { id, promotion } or { id, problems }
import init, { loadProgramme } from "../pkg/web/pacte_rules.js";

const ready = init();

self.onmessage = async ({ data: { id, programme, text, asOf } }) => {
  let handle;
  try {
    await ready;
    handle = loadProgramme(programme);
    self.postMessage({ id, promotion: handle.evaluatePromotionJson(text, asOf) });
  } catch (error) {
    // A PacteError does not survive postMessage whole: send its problems.
    const problems = error?.problems ?? [{ code: error?.name ?? "Error", path: "", message: { fr: String(error?.message ?? error), en: "" } }];
    self.postMessage({ id, problems });
  } finally {
    handle?.free();
  }
};
