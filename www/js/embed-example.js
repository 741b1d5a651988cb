// The whole of what a host writes to show <pacte-progress> (www/EMBEDDING.md).
// The .wasm URL is explicit: bundlers and Moodle's AMD pipeline rewrite
// modules and lose the import.meta.url the engine would otherwise start from.
import { setup } from "../pkg/widget/pacte-progress.js";
/** @typedef {import("../pkg/widget/pacte-progress.js").PacteProgressElement} PacteProgressElement */

setup({ wasm: new URL("pkg/web/pacte_rules_bg.wasm", document.baseURI) });

// The host brings each learner's record; here, a file named by the element.
for (const widget of /** @type {NodeListOf<PacteProgressElement>} */ (document.querySelectorAll("pacte-progress[data-learner]"))) {
  fetch(widget.dataset.learner)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then((record) => {
      widget.learner = record;
    })
    .catch((error) => console.error(`pacte-progress: ${widget.dataset.learner}: ${error.message}`));
}
