// The learner page: the <pacte-progress> widget on an example record or on
// the learner's own file, read from disk.
import { startPage, chosenText, parseJson, fetchJson, programmeOptions, announce, showError, clearError } from "./common.js";

const widget = /** @type {import("../pkg/widget/pacte-progress.js").PacteProgressElement} */ (document.getElementById("progress"));
const example = /** @type {HTMLSelectElement} */ (document.getElementById("example"));
const file = /** @type {HTMLInputElement} */ (document.getElementById("file"));
const programme = /** @type {HTMLSelectElement} */ (document.getElementById("programme"));
const asOf = /** @type {HTMLInputElement} */ (document.getElementById("as-of"));

function setAsOf(date) {
  asOf.value = date;
  widget.setAttribute("as-of", date);
}

function setProgramme(id) {
  programme.value = id;
  // An id the list does not offer leaves the choice to the record.
  if (programme.value) widget.setAttribute("programme", programme.value);
  else widget.removeAttribute("programme");
}

/** Shows a learner record; a failure to read it is said, the previous one stays. */
async function show(load, label) {
  try {
    const record = await load();
    clearError();
    widget.learner = record;
    announce(`Dossier affiché : ${label}.`);
  } catch (error) {
    showError(error.message);
  }
}

function showExample() {
  const option = example.selectedOptions[0];
  setAsOf(option.dataset.asOf);
  file.value = "";
  return show(() => fetchJson(option.value), option.textContent);
}

/**
 * A learner record, or an evaluation request `{ programme, asOf, learner }`
 * (what the CLI's tests and exports hold): the latter also sets the
 * programme and the date.
 */
function learnerOf(data) {
  if (data && typeof data.learner === "object" && data.learner !== null && !Array.isArray(data.learner)) {
    if (typeof data.asOf === "string") setAsOf(data.asOf);
    if (typeof data.programme === "string") setProgramme(data.programme);
    return data.learner;
  }
  return data;
}

startPage((api) => {
  programmeOptions(programme, api);
  example.addEventListener("change", showExample);
  file.addEventListener("change", async () => {
    const chosen = await chosenText(file);
    if (chosen) await show(() => learnerOf(parseJson(chosen.text, chosen.name)), chosen.name);
  });
  programme.addEventListener("change", () => setProgramme(programme.value));
  asOf.addEventListener("change", () => {
    if (asOf.value) widget.setAttribute("as-of", asOf.value);
  });
  for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll("input[name=lang]"))) {
    radio.addEventListener("change", () => widget.setAttribute("lang", radio.value));
  }
  document.getElementById("controls").addEventListener("submit", (e) => e.preventDefault());
  showExample();
});
