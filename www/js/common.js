// What every page shares: the engine (started once, through the widget's
// setup, so pages and widgets use one instance), reading files from disk,
// downloads, programme pickers and the display of the engine's problems.
// Nothing here sends data anywhere: files are read in the browser.
import { setup } from "../pkg/widget/pacte-progress.js";
import { h, engineFailure } from "../pkg/widget/pacte-ui.js";

export * from "../pkg/widget/pacte-ui.js";

/** The engine's exports, once WebAssembly is running. */
export const engine = setup();
/** @typedef {Awaited<typeof engine>} Engine */

/**
 * Runs a page once the engine is ready. When it cannot start, the page says
 * why in its alert area instead of staying silent.
 * @param {(api: Engine) => void} run
 */
export function startPage(run) {
  engine.then(run, (error) => {
    const why =
      engineFailure(error) === "blocked"
        ? "Cette page ne peut pas fonctionner : WebAssembly est bloqué (la politique de sécurité du contenu doit autoriser « wasm-unsafe-eval ») ou ce navigateur ne le prend pas en charge."
        : "Cette page ne peut pas fonctionner : le moteur de calcul (fichier .wasm) n'a pas pu être chargé.";
    showError(why);
  });
}

/** Shows an error in the page's alert area (an element with id "page-error"). */
export function showError(...content) {
  const area = document.getElementById("page-error");
  area.replaceChildren(h("p", {}, ...content));
  area.hidden = false;
}

export function clearError() {
  const area = document.getElementById("page-error");
  area.replaceChildren();
  area.hidden = true;
}

/** Says something to screen reader users without moving focus (the page's "announce" live region). */
export function announce(text) {
  document.getElementById("announce").textContent = text;
}

/** The text of the file chosen in an <input type="file">, or null. */
export async function chosenText(input) {
  const file = input.files?.[0];
  return file ? { name: file.name, text: await file.text() } : null;
}

/** JSON.parse with an error a person can read. */
export function parseJson(text, name) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`« ${name} » n'est pas un fichier JSON valide (${error.message}).`);
  }
}

/** A file of this site, as JSON (the example data). */
export async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} : ${response.status}`);
  return response.json();
}

/** Offers `text` as a file download; nothing is uploaded. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns, on its own time: a
  // URL let go at once can leave the file cut short or empty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fills a <select> with the embedded programmes (optionally only those `keep` accepts).
 * @param {(p: import("../pkg/web/pacte_rules.js").ProgrammeSummary) => boolean} [keep]
 */
export function programmeOptions(select, api, keep = () => true) {
  const chosen = select.value;
  select.append(
    ...api
      .programmes()
      .filter(keep)
      .map((p) => h("option", { value: p.id }, `${p.title} (${p.id})`)),
  );
  if (chosen) select.value = chosen;
}

/** The engine's problems (a PacteError's, or a failed check's): message, code and JSON path of each. */
export function problemList(problems) {
  return h(
    "ul",
    { class: "problems" },
    problems.map((p) =>
      h("li", {}, p.message.fr, " ", h("span", { class: "muted" }, "(", h("code", { lang: "en" }, p.code), p.path && [" à ", h("code", {}, p.path)], ")")),
    ),
  );
}

/** The problems of whatever an engine call threw (a PacteError, or any error). */
export function errorProblems(error) {
  return error?.problems ?? [{ code: error?.name ?? "Error", path: "", message: { fr: error?.message ?? String(error), en: "" } }];
}

/** The diploma's mentions, structure types and initial trainings, as the pages name them. */
export const MENTIONS = { mspCds: "MSP-CDS", cpts: "CPTS", leaderMsp: "Leader MSP" };
export const STRUCTURE_TYPES = {
  msp: "MSP (maison de santé pluriprofessionnelle)",
  cds: "CDS (centre de santé)",
  cpts: "CPTS (communauté professionnelle territoriale de santé)",
};
export const TRAININGS = { healthProfessional: "professionnel de santé", healthManagement: "management en santé", other: "autre formation" };
