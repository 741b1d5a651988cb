// The jury's sheet: a learner's report, evaluated here, laid out for print
// (A4, the browser's own « save as PDF »): the learner, the exact rules
// (programme id, version, hash), the date, the tallies, the seminar calendar,
// the traceurs, the verdict with its reasons, and room to sign. The record
// comes from a file, or from the promotion page's drill-down through this
// tab's sessionStorage: nothing leaves the browser.
import {
  startPage,
  h,
  badge,
  state,
  word,
  say,
  formatMinutes,
  formatDate,
  time,
  today,
  chosenText,
  parseJson,
  programmeOptions,
  announce,
  showError,
  clearError,
  problemList,
  errorProblems,
} from "./common.js";

/** Where the promotion page leaves a learner for this page (this tab and the tab it opens only). */
export const HANDOFF = "pacte-jury";

/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
const programme = $("programme");
const asOf = $("as-of");
/** @type {import("./common.js").Engine} */
let api;
let learner = null;

const row = (...cells) => h("tr", {}, cells);
const th = (text, props = {}) => h("th", { scope: "col", ...props }, text);
/** A table in its own focusable scroll region on a narrow screen (on paper it fits the page). */
const table = (caption, head, rows) =>
  h(
    "div",
    { class: "table-wrap", role: "region", tabindex: 0, "aria-label": caption },
    h("table", {}, h("caption", {}, caption), h("thead", {}, h("tr", {}, head)), h("tbody", {}, rows)),
  );

function tallies(report) {
  const rows = ["presentiel", "elearning", "equipe"].map((m) => {
    const t = report.hours[m];
    return row(
      h("th", { scope: "row" }, word("modalities", m)),
      h("td", { class: "num" }, t.requiredMinutes === undefined ? "pas d'exigence" : formatMinutes(t.requiredMinutes)),
      h("td", { class: "num" }, formatMinutes(t.doneMinutes)),
      h("td", { class: "num" }, formatMinutes(t.excusedMinutes)),
      h("td", { class: "num" }, t.requiredMinutes === undefined ? "—" : formatMinutes(t.remainingMinutes)),
    );
  });
  return table(
    "Heures par modalité",
    [th("Modalité"), th("Exigé", { class: "num" }), th("Fait", { class: "num" }), th("Excusé", { class: "num" }), th("Reste", { class: "num" })],
    rows,
  );
}

function calendar(report) {
  const rows = report.sessions.flatMap((s) =>
    s.days.map((d) =>
      row(
        h("th", { scope: "row" }, s.title, s.mandatory ? "" : " (facultatif)"),
        h("td", {}, time(d.date)),
        h("td", { class: "num" }, formatMinutes(d.minutes)),
        h("td", {}, badge(state("dayStatuses", d.status)), d.justification ? ` — ${d.justification}` : ""),
      ),
    ),
  );
  return table("Calendrier des séminaires", [th("Séminaire"), th("Date"), th("Durée", { class: "num" }), th("Présence")], rows);
}

function traceurs(report) {
  const rows = report.traceurs
    .filter((t) => t.required || t.status !== "missing")
    .map((t) =>
      row(
        h("th", { scope: "row" }, t.title),
        h("td", {}, t.required ? (t.counts === "validated" ? "validation" : "dépôt") : "non exigé"),
        h("td", {}, badge(state("traceurStatuses", t.status))),
        h("td", {}, t.date ? time(t.date) : "—"),
      ),
    );
  return table("Documents traceurs", [th("Document"), th("Ce qui compte"), th("État"), th("Date")], rows);
}

function sheet(report) {
  const stage = state("stages", report.stage);
  const who = report.displayName || report.learnerId;
  return [
    h("h1", { id: "sheet-title" }, `Fiche pour le jury : ${who}`),
    h(
      "dl",
      { class: "pairs" },
      h("dt", {}, "Apprenant·e"),
      h("dd", {}, who, report.displayName ? ` (${report.learnerId})` : ""),
      h("dt", {}, "Programme"),
      h("dd", {}, report.programme.title),
      h("dt", {}, "Règles appliquées"),
      h("dd", {}, h("code", {}, report.programme.id), `, version ${report.programme.version}`),
      h("dt", {}, "Empreinte des règles"),
      h("dd", {}, h("code", { class: "hash" }, report.programme.hash)),
      h("dt", {}, "Situation au"),
      h("dd", {}, time(report.asOf)),
      h("dt", {}, "Moteur"),
      h("dd", {}, `${report.engine.name} ${report.engine.version}`),
    ),
    h("h2", {}, "Verdict"),
    h("p", { class: "verdict-line" }, badge(stage), " — ", say(report.summary, "fr")),
    report.unmet.length === 0
      ? h("p", {}, "Toutes les conditions du diplôme sont remplies.")
      : [
          h("p", {}, "Conditions non remplies :"),
          h(
            "ul",
            {},
            report.unmet.map((u) => h("li", {}, u.message.fr, u.blocking ? h("strong", {}, " (bloquant)") : "")),
          ),
        ],
    h("h2", {}, "Heures"),
    tallies(report),
    report.sessions.length > 0 && [h("h2", {}, "Séminaires"), calendar(report)],
    report.traceurs.length > 0 && [h("h2", {}, "Documents traceurs"), traceurs(report)],
    h("h2", {}, "Mémoire et soutenance"),
    h(
      "dl",
      { class: "pairs" },
      h("dt", {}, "Mémoire"),
      h("dd", {}, badge(state("memoireStatuses", report.memoire.status)), report.memoire.date ? [" — ", time(report.memoire.date)] : ""),
      h("dt", {}, "Soutenance"),
      h(
        "dd",
        {},
        badge(state("soutenanceStatuses", report.soutenance.status)),
        report.soutenance.date ? [" — ", time(report.soutenance.date)] : "",
        ` (${formatMinutes(report.soutenance.durationMinutes)})`,
      ),
    ),
    report.ignored.length > 0 && [
      h("h2", {}, "Enregistrements non pris en compte"),
      h(
        "ul",
        {},
        report.ignored.map((i) => h("li", {}, i.message.fr)),
      ),
    ],
    h(
      "div",
      { class: "signatures" },
      h("p", {}, "Le président ou la présidente du jury (date et signature)"),
      h("p", {}, "Le formateur relais (date et signature)"),
    ),
  ];
}

function render() {
  if (!learner) return;
  let handle;
  try {
    handle = api.loadProgramme(programme.value || learner.programme);
    const report = handle.evaluate(learner, asOf.value || today());
    clearError();
    $("sheet").replaceChildren(...[sheet(report)].flat(Infinity).filter(Boolean));
    $("sheet").hidden = false;
    $("print").disabled = false;
    announce(`Fiche prête : ${report.displayName || report.learnerId}, au ${formatDate(report.asOf)}.`);
  } catch (error) {
    $("sheet").hidden = true;
    $("print").disabled = true;
    showError("Cette fiche ne peut pas être établie :", problemList(errorProblems(error)));
  } finally {
    handle?.free();
  }
}

/** A learner record, or `{ programme, asOf, learner }` (what the tests and the promotion page hold). */
function use(data) {
  if (data && typeof data.learner === "object" && data.learner !== null) {
    if (typeof data.programme === "string" && [...programme.options].some((o) => o.value === data.programme)) programme.value = data.programme;
    if (typeof data.asOf === "string") asOf.value = data.asOf;
    learner = data.learner;
  } else learner = data;
  render();
}

startPage((engine) => {
  api = engine;
  programmeOptions(programme, api);
  asOf.value = today();
  $("controls").addEventListener("submit", (e) => e.preventDefault());
  $("file").addEventListener("change", async () => {
    try {
      const chosen = await chosenText($("file"));
      if (chosen) use(parseJson(chosen.text, chosen.name));
    } catch (error) {
      showError(error.message);
    }
  });
  programme.addEventListener("change", render);
  asOf.addEventListener("change", () => asOf.value && render());
  $("print").addEventListener("click", () => window.print());
  const handed = sessionStorage.getItem(HANDOFF);
  if (handed) {
    sessionStorage.removeItem(HANDOFF);
    use(JSON.parse(handed));
  }
});
