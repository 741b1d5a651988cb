// The learner page: the <pacte-progress> widget on an example record or on
// the learner's own file, read from disk.
import { startPage, chosenText, parseJson, fetchJson, programmeOptions, announce, showError, clearError } from "./common.js";

const widget = document.getElementById("progress");
const example = document.getElementById("example");
const file = document.getElementById("file");
const programme = document.getElementById("programme");
const asOf = document.getElementById("as-of");

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
  asOf.value = option.dataset.asOf;
  widget.setAttribute("as-of", asOf.value);
  file.value = "";
  return show(() => fetchJson(option.value), option.textContent);
}

startPage((api) => {
  programmeOptions(programme, api);
  example.addEventListener("change", showExample);
  file.addEventListener("change", async () => {
    const chosen = await chosenText(file);
    if (chosen) await show(() => parseJson(chosen.text, chosen.name), chosen.name);
  });
  programme.addEventListener("change", () => {
    if (programme.value) widget.setAttribute("programme", programme.value);
    else widget.removeAttribute("programme");
  });
  asOf.addEventListener("change", () => {
    if (asOf.value) widget.setAttribute("as-of", asOf.value);
  });
  for (const radio of document.querySelectorAll("input[name=lang]")) {
    radio.addEventListener("change", () => widget.setAttribute("lang", radio.value));
  }
  document.getElementById("controls").addEventListener("submit", (e) => e.preventDefault());
  showExample();
});
