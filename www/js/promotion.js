// The formateur's promotion view: a promotion read from disk (JSON array, JSON
// Lines, CSV, or a platform export through its mapping) or generated, every
// learner evaluated in the browser, then a table to sort, filter, drill into
// and export. The worker answers each learner's standing (where they stand,
// without the report's words), and keeps the promotion's text: a learner's
// record is asked of it when their detail opens, the words of the unmet
// conditions when the table is exported. Rows are built once per learner and
// re-ordered, never rebuilt, so that filtering 2,000 learners is immediate.
import {
  startPage,
  h,
  badge,
  state,
  word,
  stageOrder,
  formatMinutes,
  formatDate,
  time,
  plain,
  today,
  chosenText,
  parseJson,
  programmeOptions,
  announce,
  showError,
  clearError,
  problemList,
  download,
} from "./common.js";
import { toCsv } from "./csv.js";
import { generatePromotion } from "../data/promotion-generator.js";

/** @type {(id: string) => any} The element with this id, of the kind the page's HTML gives it. */
const $ = (id) => document.getElementById(id);
const programme = $("programme");
const asOf = $("as-of");
const table = $("table");
const tbody = table.tBodies[0];
const show = $("show");
const search = $("search");
const detail = $("detail");
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** @type {import("./common.js").Engine} */
let api;
/**
 * How the current promotion is obtained; called again when the programme or the
 * date changes. Resolves to { text: JSON for the engine, count: how many
 * learners it holds, where(i): a learner's place in the file }.
 */
let load = null;
let entries = [];
/** The worker's id of the evaluation the entries come from: what the detail and the export ask it about. */
let evaluated = 0;
let sort = { key: "stage", direction: 1 };

const MODALITY_OF = { presentiel: "de présentiel", elearning: "d'e-learning", equipe: "de travail en équipe" };
/** "2 000": thousands parted by a non-breaking space, as French writes them (by hand: the result must not depend on the browser's locale data). */
const number = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
const plural = (n, one, many) => `${number(n)} ${n > 1 ? many : one}`;
const COUNTED = {
  SESSION_UNJUSTIFIED_ABSENCE: ["absence non justifiée", "absences non justifiées"],
  SESSION_NOT_RECORDED: ["journée non renseignée", "journées non renseignées"],
  TRACEUR_MISSING: ["traceur manquant", "traceurs manquants"],
  TRACEUR_TO_REVISE: ["traceur à reprendre", "traceurs à reprendre"],
  TRACEUR_AWAITING_VALIDATION: ["traceur à valider", "traceurs à valider"],
};
const NAMED = {
  ELECTIVE_MODULE_MISSING: "module au choix",
  MEMOIRE_NOT_SUBMITTED: "mémoire",
  SOUTENANCE_NOT_PASSED: "soutenance",
  SOUTENANCE_FAILED: "soutenance non validée",
};

/** What a learner still lacks, in a few words for a table cell; upcoming seminar days are not lacking. */
function missingSummary(unmet) {
  const hours = new Map();
  const counts = new Map();
  const named = new Set();
  for (const u of unmet) {
    if (u.code === "HOURS_SHORT" || u.code === "HOURS_UNREACHABLE") hours.set(u.modality, Math.max(hours.get(u.modality) ?? 0, u.remainingMinutes));
    else if (COUNTED[u.code]) counts.set(u.code, (counts.get(u.code) ?? 0) + 1);
    else if (NAMED[u.code]) named.add(NAMED[u.code]);
  }
  return [
    ...[...hours].map(([m, minutes]) => `${formatMinutes(minutes)} ${MODALITY_OF[m]}`),
    ...[...counts].map(([code, n]) => plural(n, ...COUNTED[code])),
    ...named,
  ];
}

/**
 * One entry per learner of the engine's promotion of standings (in input
 * order), with what sorting and filtering need. An invalid one has `record`:
 * what its record says of itself (learnerId, displayName, programme), from the worker.
 */
function toEntries(promotion, where) {
  return promotion.learners.map((learner, index) => {
    const record = learner.record;
    const standing = learner.standing;
    const id = standing?.learnerId ?? record?.learnerId ?? "";
    const name = standing?.displayName || record?.displayName || id || `Apprenant n° ${index + 1}`;
    return {
      index,
      record,
      standing,
      id,
      name,
      // The engine prefixes paths with the learner's place in its input; `where` says it for the file.
      problems: learner.problems?.map((p) => ({ ...p, path: p.path.replace(/^\/\d+/, "") })),
      where: where(index),
      rank: standing ? stageOrder().indexOf(standing.stage) : -1,
      missing: standing ? missingSummary(standing.unmet) : [],
      search: `${name} ${id}`.toLowerCase(),
      row: null,
    };
  });
}

// The engine runs in a worker: the page stays responsive while it works
// (promotion-worker.js says what each message asks and answers).
const worker = new Worker(new URL("./promotion-worker.js", import.meta.url), { type: "module" });
const pending = new Map();
let asked = 0;
worker.onmessage = ({ data }) => {
  const { resolve, reject } = pending.get(data.id);
  pending.delete(data.id);
  if (data.problems) reject(Object.assign(new Error(data.problems[0]?.message.fr), { problems: data.problems }));
  else resolve(data);
};
worker.onerror = () => {
  for (const { reject } of pending.values()) reject(new Error("le moteur de calcul n'a pas pu démarrer."));
  pending.clear();
};

/** Sends the worker a question; resolves to its answer (with the message's `id`), rejects with its problems. */
function ask(question) {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, ...question });
  });
}

/** Tells the worker which promotion the page shows: it lets the others go (their texts). */
const keepOnly = (id) => worker.postMessage({ keep: id });

/** The promotion's standings (the worker sends them as JSON text: faster to copy and parse than the objects to clone). */
const evaluatePromotion = (text, date) =>
  ask({ evaluate: { programme: programme.value, text, asOf: date } }).then((answer) => ({ ...answer, promotion: JSON.parse(answer.promotion) }));

let run = 0;

/**
 * The steps of an evaluation on the DevTools timeline (Performance panel,
 * "Timings"), and for scripts/bench-browser.mjs: marks `promotion:start`,
 * `:records` (read or generated), `:answer` (the worker's), `:figures`,
 * `:table` (built), `:painted` (the frame that shows them has been drawn), and a
 * measure between each two; the answer's measure says in `detail.engineMs` how
 * long the engine took inside the worker. Only the latest evaluation's are kept.
 */
const STEPS = ["start", "records", "answer", "figures", "table", "painted"];
function step(name, detail) {
  const at = STEPS.indexOf(name);
  if (at === 0) {
    for (const s of STEPS) {
      performance.clearMarks(`promotion:${s}`);
      performance.clearMeasures(`promotion: ${s}`);
    }
  }
  performance.mark(`promotion:${name}`);
  if (at > 0) performance.measure(`promotion: ${name}`, { start: `promotion:${STEPS[at - 1]}`, end: `promotion:${name}`, detail });
}

async function evaluate() {
  if (!load) return;
  const mine = ++run;
  step("start");
  const started = performance.now();
  const progress = $("progress");
  progress.hidden = false;
  try {
    const date = asOf.value;
    const { text, count, where } = await load(date);
    if (mine === run) step("records");
    announce(`Évaluation de ${plural(count, "apprenant", "apprenants")}…`);
    const { id, promotion, calendar, engineMs } = await evaluatePromotion(text, date);
    if (mine !== run) return; // a newer evaluation has started
    step("answer", { engineMs });
    entries = toEntries(promotion, where);
    evaluated = id;
    clearError();
    renderFit(entries);
    renderOverview(promotion.stages, promotion.invalid);
    renderFigures(entries, promotion.stages, date, calendar);
    step("figures");
    renderTable();
    step("table");
    $("results").hidden = false;
    // A frame's callback runs before it is drawn; a task queued from it, after.
    requestAnimationFrame(() => setTimeout(() => mine === run && step("painted")));
    const ms = Math.round(performance.now() - started);
    announce(
      `${plural(entries.length, "apprenant évalué", "apprenants évalués")} en ${ms} ms${promotion.invalid ? `, dont ${plural(promotion.invalid, "dossier invalide", "dossiers invalides")}` : ""}.`,
    );
  } catch (error) {
    if (mine !== run) return;
    showError("Cette promotion ne peut pas être évaluée :", error.problems ? problemList(error.problems) : ` ${error.message}`);
    announce("");
  } finally {
    if (mine === run) {
      progress.hidden = true;
      keepOnly(evaluated); // the one shown, whether this evaluation was or failed
    }
  }
}

/** The programme a record names when it is not the one evaluated: such a file does not fit, said once above the table. */
const otherProgramme = (e) => (!e.standing && e.problems?.every((p) => p.code === "PROGRAMME_MISMATCH") ? String(e.record?.programme ?? "") : null);

function renderFit(entries) {
  const others = new Map();
  for (const e of entries) {
    const other = otherProgramme(e);
    if (other !== null) others.set(other, (others.get(other) ?? 0) + 1);
  }
  const banner = $("fit");
  if (others.size === 0) {
    banner.hidden = true;
    return;
  }
  const n = [...others.values()].reduce((a, b) => a + b, 0);
  const [[first]] = [...others].sort((a, b) => b[1] - a[1]);
  const offered = [...programme.options].some((o) => o.value === first);
  banner.replaceChildren(
    h(
      "p",
      {},
      `${n > 1 ? `${plural(n, "dossier", "dossiers")} de ce fichier sont inscrits` : "Un dossier de ce fichier est inscrit"} à un autre programme que « ${programme.value} » : `,
      [...others].map(([id, k]) => `« ${id} » (${number(k)})`).join(", "),
      ". Ils ne sont pas évalués.",
    ),
    offered &&
      h(
        "p",
        {},
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            onclick: () => {
              programme.value = first;
              asOf.value = defaultDate();
              evaluate();
            },
          },
          `Évaluer le fichier selon « ${first} »`,
        ),
      ),
  );
  banner.hidden = false;
}

/** A bar inside a table cell: drawn for the eye, the figure beside it is the text (the table is the figure's text). */
function bar(value, max, tone = "info") {
  const span = h("span", { class: `fig-bar tone-bg-${tone}`, "aria-hidden": "true" });
  span.style.width = `${max > 0 ? Math.round((value / max) * 100) : 0}%`;
  return h("span", { class: "fig-track", "aria-hidden": "true" }, span);
}

const figureTable = (caption, head, rows) =>
  h(
    "div",
    { class: "table-wrap", role: "region", tabindex: 0, "aria-label": caption },
    h(
      "table",
      { class: "figure" },
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          head.map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );

/**
 * The pictures of the promotion, drawn from the standings already computed (one
 * pass over them): the stages as one bar, attendance per seminar day (a
 * standing's `days` follow the calendar), the share of required hours done per
 * modality, the coming due dates. Each is a table whose cells carry a bar: the
 * numbers are the text, the bars the picture.
 */
function renderFigures(entries, stages, date, calendar) {
  const total = stages ? Object.values(stages).reduce((a, b) => a + b, 0) : 0;
  const stageBar = $("stage-bar");
  stageBar.replaceChildren(
    ...stageOrder()
      .filter((s) => stages[s] > 0)
      .map((s) => {
        const seg = h("span", { class: `seg tone-bg-${state("stages", s).tone}`, title: `${word("stages", s)} : ${stages[s]}` });
        seg.style.width = `${(stages[s] / total) * 100}%`;
        return seg;
      }),
  );
  const standings = entries.map((e) => e.standing).filter(Boolean);
  const counted = calendar.map(() => ({ present: 0, excused: 0, unjustifiedAbsence: 0, notRecorded: 0, upcoming: 0 }));
  const hours = { presentiel: new Array(5).fill(0), elearning: new Array(5).fill(0), equipe: new Array(5).fill(0) };
  const due = new Map();
  for (const s of standings) {
    const statuses = s.days;
    for (let k = 0; k < statuses.length; k++) counted[k][statuses[k]] += 1;
    for (const m of Object.keys(hours)) {
      const t = s.hours[m];
      if (t.requiredMinutes) hours[m][Math.min(4, Math.floor(((t.doneMinutes + t.excusedMinutes) / t.requiredMinutes) * 4))] += 1;
    }
    const seen = new Set();
    for (const u of s.unmet)
      if (u.dueDate && u.dueDate >= date && !seen.has(u.dueDate)) seen.add(u.dueDate) && due.set(u.dueDate, (due.get(u.dueDate) ?? 0) + 1);
  }
  const n = standings.length;
  // One row per seminar day (two days of one title and date would be one).
  const days = new Map();
  if (n > 0)
    calendar.forEach(({ title, date }, k) => {
      const key = `${title}\u0000${date}`;
      const c = days.get(key) ?? { title, date, present: 0, excused: 0, unjustifiedAbsence: 0, notRecorded: 0, upcoming: 0 };
      for (const status of Object.keys(counted[k])) c[status] += counted[k][status];
      days.set(key, c);
    });
  const STATUSES = ["present", "excused", "unjustifiedAbsence", "notRecorded"];
  const past = [...days.values()].filter((d) => d.upcoming < n);
  const BUCKETS = ["moins d'un quart", "un quart à la moitié", "la moitié aux trois quarts", "trois quarts et plus", "tout (ou plus)"];
  const modalities = Object.keys(hours).filter((m) => hours[m].some((k) => k > 0));
  $("figures").replaceChildren(
    past.length > 0 &&
      figureTable(
        "Présence par journée de séminaire passée (nombre d'apprenants)",
        ["Journée", ...STATUSES.map((s) => word("dayStatuses", s))],
        past.map((d) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, `${d.title}, ${formatDate(d.date)}`),
            STATUSES.map((s) => h("td", { class: "num" }, bar(d[s], n, state("dayStatuses", s).tone), number(d[s]))),
          ),
        ),
      ),
    modalities.length > 0 &&
      figureTable(
        "Part des heures exigées faites ou excusées (nombre d'apprenants)",
        ["Part faite", ...modalities.map((m) => word("modalities", m))],
        BUCKETS.map((label, i) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, label),
            modalities.map((m) => h("td", { class: "num" }, bar(hours[m][i], n), number(hours[m][i]))),
          ),
        ),
      ),
    figureTable(
      "Échéances à venir (apprenants qu'elles concernent encore)",
      ["Échéance", "Apprenants"],
      due.size === 0
        ? [h("tr", {}, h("td", { colspan: 2 }, "Aucune échéance à venir."))]
        : [...due]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .slice(0, 8)
            .map(([d, k]) => h("tr", {}, h("th", { scope: "row" }, time(d)), h("td", { class: "num" }, bar(k, n, "warning"), number(k)))),
    ),
  );
}

function renderOverview(stages, invalid) {
  const count = (stage) => stages[stage];
  const items = stageOrder().map((stage) => h("li", {}, badge(state("stages", stage)), ` : ${number(count(stage))}`));
  if (invalid) items.push(h("li", {}, badge({ icon: "warning", tone: "danger", text: "Dossiers invalides" }), ` : ${number(invalid)}`));
  $("overview").replaceChildren(...items);
  const chosen = show.value;
  // Options only: replaceChildren would write a skipped `false` as a text node.
  const options = [
    h("option", { value: "all" }, `Tous les apprenants (${number(entries.length)})`),
    h("option", { value: "risk" }, `À suivre : diplôme compromis ou en retard (${number(count("blocked") + count("atRisk"))})`),
    ...stageOrder().map((stage) => h("option", { value: stage }, `${word("stages", stage)} (${number(count(stage))})`)),
  ];
  if (invalid > 0) options.push(h("option", { value: "invalid" }, `Dossiers invalides (${number(invalid)})`));
  show.replaceChildren(...options);
  show.value = [...show.options].some((o) => o.value === chosen) ? chosen : "all";
}

const FILTERS = {
  all: () => true,
  risk: (e) => e.standing?.stage === "blocked" || e.standing?.stage === "atRisk",
  invalid: (e) => !e.standing,
};

/** The rows the filters let through, in the chosen order. */
function visibleEntries() {
  const keep = FILTERS[show.value] ?? ((e) => e.standing?.stage === show.value);
  const words = search.value.trim().toLowerCase();
  const compare = COMPARE[sort.key];
  return entries
    .filter((e) => keep(e) && (!words || e.search.includes(words)))
    .sort((a, b) => sort.direction * compare(a, b) || collator.compare(a.name, b.name));
}

/** Share of the required hours done; the hours themselves where none are required. */
function hoursKey(modality) {
  return (e) => {
    const t = e.standing?.hours[modality];
    if (!t) return -1;
    return t.requiredMinutes ? t.doneMinutes / t.requiredMinutes : t.doneMinutes;
  };
}
const by = (key) => (a, b) => key(a) - key(b);
const COMPARE = {
  name: (a, b) => collator.compare(a.name, b.name),
  stage: by((e) => e.rank),
  presentiel: by(hoursKey("presentiel")),
  elearning: by(hoursKey("elearning")),
  equipe: by(hoursKey("equipe")),
  missing: by((e) => (e.standing ? e.standing.unmet.length : Infinity)),
};

// A long table is shown a page at a time: laying out thousands of rows takes
// the browser seconds at each filter, two hundred take no time. The export
// holds every row the filters let through.
const PAGE = 200;
let shown = PAGE;
let announceTimer;

/** @param {{ more?: boolean }} [options] `more`: one more page of rows. */
function renderTable({ more = false } = {}) {
  const visible = visibleEntries();
  shown = more ? shown + PAGE : PAGE;
  const fragment = document.createDocumentFragment();
  for (const entry of visible.slice(0, shown)) fragment.append((entry.row ??= row(entry)));
  tbody.replaceChildren(fragment);
  for (const th of table.tHead.rows[0].cells) {
    if (th.dataset.key === sort.key) th.setAttribute("aria-sort", sort.direction > 0 ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
  const rest = visible.length - shown;
  const text =
    rest > 0
      ? `${plural(visible.length, "apprenant retenu", "apprenants retenus")} sur ${number(entries.length)} ; les ${number(shown)} premiers sont affichés.`
      : `${plural(visible.length, "apprenant affiché", "apprenants affichés")} sur ${number(entries.length)}.`;
  $("count").textContent = text;
  $("more").hidden = rest <= 0;
  $("more").textContent = `Afficher ${plural(Math.min(PAGE, rest), "apprenant", "apprenants")} de plus`;
  // Typing in the search box re-renders at each key; say the count once typing pauses.
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => announce(text), 400);
}

function hoursCell(tally) {
  if (!tally) return h("td", { class: "num" }, "—");
  const done = formatMinutes(tally.doneMinutes);
  return h(
    "td",
    { class: "num" },
    tally.requiredMinutes === undefined ? done : `${done} / ${formatMinutes(tally.requiredMinutes)}`,
    tally.excusedMinutes > 0 && h("span", { class: "muted small" }, h("br"), `+ ${formatMinutes(tally.excusedMinutes)} excusées`),
  );
}

function row(entry) {
  const { standing } = entry;
  const who = h("th", { scope: "row" }, entry.name, entry.id && entry.id !== entry.name && h("span", { class: "muted small" }, h("br"), entry.id));
  if (!standing) {
    return h(
      "tr",
      {},
      who,
      h(
        "td",
        {},
        badge({ icon: "warning", tone: "danger", text: "Dossier invalide" }),
        entry.where && h("span", { class: "muted small" }, h("br"), entry.where),
      ),
      h("td", { class: "num" }, "—"),
      h("td", { class: "num" }, "—"),
      h("td", { class: "num" }, "—"),
      // A record of another programme: the banner above the table says it once.
      h("td", {}, otherProgramme(entry) !== null ? `inscrit à « ${otherProgramme(entry)} »` : problemList(entry.problems)),
      h("td", {}),
    );
  }
  return h(
    "tr",
    {},
    who,
    h(
      "td",
      {},
      badge(state("stages", standing.stage)),
      // Records the engine set aside (a misspelled field, a day without seminar…): worth a look in the detail.
      standing.ignoredCount > 0 &&
        h("span", { class: "muted small" }, h("br"), plural(standing.ignoredCount, "enregistrement non pris en compte", "enregistrements non pris en compte")),
    ),
    hoursCell(standing.hours.presentiel),
    hoursCell(standing.hours.elearning),
    hoursCell(standing.hours.equipe),
    h("td", {}, entry.missing.length ? entry.missing.join(" · ") : "Rien"),
    h("td", {}, h("button", { type: "button", class: "secondary", "data-index": entry.index }, "Détail", h("span", { class: "sr-only" }, ` : ${entry.name}`))),
  );
}

const hoursOf = (t) => (t ? [t.doneMinutes / 60, t.excusedMinutes / 60, t.requiredMinutes === undefined ? "" : t.requiredMinutes / 60] : ["", "", ""]);
const decimal = (value) => (typeof value === "number" ? String(Math.round(value * 100) / 100).replace(".", ",") : value);

let exporting = false;

/**
 * The table as shown (filtered, sorted), with hours as numbers and every unmet
 * condition in full: its words are the full reports', which the worker makes
 * for the exported learners only, now.
 */
async function exportCsv() {
  if (exporting) return;
  exporting = true;
  // The export says what it does; a count still waiting to be said would speak over it.
  clearTimeout(announceTimer);
  const button = $("export");
  const label = button.textContent;
  button.setAttribute("aria-busy", "true");
  try {
    const visible = visibleEntries();
    const from = evaluated;
    const evaluatedOnes = visible.filter((e) => e.standing);
    // About 0.1 ms a learner: seconds for a whole large promotion, said on the button and to screen readers.
    if (evaluatedOnes.length > PAGE) {
      button.textContent = "Préparation de l'export…";
      announce(`Préparation de l'export : ${plural(evaluatedOnes.length, "apprenant", "apprenants")}…`);
    }
    const answer = evaluatedOnes.length > 0 ? await ask({ messages: { promotion: from, indices: evaluatedOnes.map((e) => e.index) } }) : { messages: [] };
    if (answer.stale || from !== evaluated) {
      announce("Le tableau a changé pendant la préparation de l'export : exportez-le à nouveau.");
      return;
    }
    const words = new Map(evaluatedOnes.map((e, k) => [e, answer.messages[k]]));
    writeCsv(visible, words);
  } catch (error) {
    showError("Le tableau ne peut pas être exporté :", error.problems ? problemList(error.problems) : ` ${error.message}`);
  } finally {
    exporting = false;
    button.textContent = label;
    button.removeAttribute("aria-busy");
  }
}

/** @param {Map<object, string[]>} words the words of each evaluated learner's unmet conditions */
function writeCsv(visible, words) {
  const header = [
    "identifiant",
    "nom",
    "étape",
    ...["présentiel", "e-learning", "en équipe"].flatMap((m) => [`${m} fait (h)`, `${m} excusé (h)`, `${m} exigé (h)`]),
    "reste à faire",
    "détail",
  ];
  const rows = visible.map((e) => {
    const s = e.standing;
    return [
      e.id,
      e.name,
      s ? word("stages", s.stage) : "dossier invalide",
      ...["presentiel", "elearning", "equipe"].flatMap((m) => hoursOf(s?.hours[m]).map(decimal)),
      plain(e.missing.join(" · ")),
      (s ? words.get(e) : e.problems.map((u) => u.message.fr)).join(" ; "),
    ];
  });
  download(`pacte-promotion-${programme.value}-${asOf.value}.csv`, toCsv([header, ...rows]), "text/csv;charset=utf-8");
  announce(`Tableau exporté : ${plural(rows.length, "ligne", "lignes")}.`);
}

/** A CSV file is a platform export: it is read by the import, through its mapping (one CSV dialect, docs/import.md). */
class PlatformExport extends Error {}

/**
 * What a promotion file holds: JSON (an array or JSON Lines), given to the
 * engine as it is, so that it locates a broken record in the file.
 */
function readPromotionFile({ name, text }) {
  if (/\.csv$/i.test(name) || /^\uFEFF?[^\n{[]*learner_id/.test(text)) throw new PlatformExport(name);
  if (text.trimStart().startsWith("[")) {
    const records = parseJson(text, name);
    if (!Array.isArray(records)) throw new Error(`« ${name} » : attendu un tableau de dossiers d'apprenants.`);
    return { text, records, where: (i) => `élément n° ${i + 1}` };
  }
  // JSON Lines: the engine skips blank lines, and so does the count here.
  const lines = text.split(/\r?\n/);
  const numbers = [];
  const records = [];
  lines.forEach((line, n) => {
    if (line.trim() === "") return;
    numbers.push(n + 1);
    try {
      records.push(JSON.parse(line));
    } catch {
      records.push(null);
    }
  });
  return { text, records, where: (i) => `ligne ${numbers[i]}` };
}

// The platform import: a separate WebAssembly module, fetched only when a
// formateur opens this part of the page.
const IMPORT_MODULE = new URL("../pkg/import/web/pacte_import.js", import.meta.url).href;
let importer = null;
function importModule() {
  importer ??= import(IMPORT_MODULE).then(async (module) => {
    await module.default();
    return module;
  });
  importer.catch(() => {
    importer = null;
  }); // try again at the next attempt
  return importer;
}

const SEVERITIES = {
  error: { icon: "cross", tone: "danger", text: "erreur" },
  warning: { icon: "warning", tone: "warning", text: "avertissement" },
  notice: { icon: "info", tone: "info", text: "information" },
};

/** The import's diagnostics: what did not map, with where it is in the export. */
function renderDiagnostics(result, exportName) {
  const { diagnostics } = result;
  const counts = Object.keys(SEVERITIES)
    .map((s) => [s, diagnostics.filter((d) => d.severity === s).length])
    .filter(([, n]) => n > 0);
  $("import-report").replaceChildren(
    h("h3", {}, "Rapport d'import"),
    h(
      "p",
      {},
      `« ${exportName} » : ${plural(result.learners.length, "apprenant trouvé", "apprenants trouvés")} pour le programme ${result.programme}`,
      diagnostics.length === 0
        ? ", tout a été pris en compte."
        : [", ", counts.map(([s, n]) => `${n} ${SEVERITIES[s].text}${n > 1 ? "s" : ""}`).join(", "), " :"],
    ),
    diagnostics.length > 0 &&
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "diagnostics" },
          h("caption", { class: "sr-only" }, "Éléments de l'export non pris tels quels"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ["Gravité", "Emplacement dans l'export", "Apprenant", "Message"].map((t) => h("th", { scope: "col" }, t)),
            ),
          ),
          h(
            "tbody",
            {},
            diagnostics.map((d) =>
              h(
                "tr",
                {},
                h("td", {}, badge(SEVERITIES[d.severity] ?? SEVERITIES.notice)),
                h("td", {}, d.path !== undefined ? h("code", {}, d.path || "/") : d.line !== undefined ? `ligne ${d.line}` : "—"),
                h("td", {}, d.learnerId ?? "—"),
                h("td", {}, d.message.fr, " ", h("span", { class: "muted small" }, "(", h("code", { lang: "en" }, d.code), ")")),
              ),
            ),
          ),
        ),
      ),
  );
  $("import-report").hidden = false;
}

/** Turns the chosen export into learner records, each time the date changes too (later records are set aside). */
async function importExport() {
  const [exported, mapping] = await Promise.all([chosenText($("export-file")), chosenText($("mapping-file"))]);
  if (!exported || !mapping) {
    showError("Choisissez l'export de la plateforme et le fichier de correspondance.");
    return;
  }
  let module;
  try {
    module = await importModule();
  } catch {
    showError("Le module d'import (pkg/import) n'est pas disponible sur ce site : l'import d'un export de la plateforme est impossible ici.");
    return;
  }
  const source = $("source").value;
  // The mapping names the programme the export is for: follow it, and a date inside its calendar.
  let named;
  try {
    named = JSON.parse(mapping.text)?.programme;
  } catch {
    named = undefined; // the import says what is wrong with it
  }
  if (typeof named === "string") follow(named);
  load = async (date) => {
    let result;
    try {
      result = module.importRecords({ source, asOf: date }, mapping.text, exported.text);
    } catch (error) {
      $("import-report").hidden = true;
      throw error;
    }
    renderDiagnostics(result, exported.name);
    // The mapping names the programme the export is for.
    if (programme.value !== result.programme) {
      if (![...programme.options].some((o) => o.value === result.programme)) {
        throw new Error(`la correspondance est écrite pour le programme « ${result.programme} », qui n'est pas intégré au moteur.`);
      }
      programme.value = result.programme;
    }
    return { text: JSON.stringify(result.learners), count: result.learners.length, where: () => "" };
  };
  $("file").value = "";
  evaluate();
}

/** Evaluates against `id` (when the engine has it), on a date inside its calendar. */
function follow(id) {
  if (![...programme.options].some((o) => o.value === id)) return;
  if (id !== programme.value) {
    programme.value = id;
    asOf.value = defaultDate();
    dateChosen = false;
  } else if (!insideCalendar(asOf.value)) asOf.value = defaultDate();
}

/** The programme most records name (records naming none do not vote): the file's. */
function followRecords(records) {
  const votes = new Map();
  for (const r of records) if (typeof r?.programme === "string") votes.set(r.programme, (votes.get(r.programme) ?? 0) + 1);
  const known = [...votes].filter(([id]) => [...programme.options].some((o) => o.value === id)).sort((a, b) => b[1] - a[1]);
  if (known.length > 0) follow(known[0][0]);
}

/** The record of the learner whose detail the dialog shows. */
let shownRecord = null;
let opening = 0;

/**
 * The detail of one learner: their record, asked of the worker (which keeps the
 * promotion's text), given to the formateur's <pacte-progress>, which shows its
 * full report (the one the promotion's standing comes from).
 */
async function openDetail(entry, opener) {
  const mine = ++opening;
  const from = evaluated;
  let record;
  try {
    const answer = await ask({ record: { promotion: from, index: entry.index } });
    if (answer.stale) return; // a newer promotion is being shown
    record = JSON.parse(answer.text);
  } catch (error) {
    if (mine === opening) showError("Le détail de cet apprenant ne peut pas être montré :", error.problems ? problemList(error.problems) : ` ${error.message}`);
    return;
  }
  if (mine !== opening || from !== evaluated || detail.open) return;
  shownRecord = record;
  const widget = $("detail-progress");
  widget.setAttribute("programme", programme.value);
  widget.setAttribute("as-of", asOf.value);
  widget.setAttribute("audience", "formateur");
  widget.learner = record;
  $("detail-title").textContent = `Détail : ${entry.name}`;
  detail.addEventListener("close", () => opener.focus(), { once: true });
  detail.showModal();
}

/** The programme's promotion dates, or null for a programme without a calendar. */
function calendar() {
  const handle = api.loadProgramme(programme.value);
  const dates = handle.details().definition.promotion;
  handle.free();
  return dates ?? null;
}

const insideCalendar = (date) => {
  const dates = calendar();
  return !dates || (date >= dates.startDate && date <= dates.endDate);
};

/** A date inside the programme's promotion: today, or its nearest end. */
function defaultDate() {
  const dates = calendar();
  const now = today();
  return !dates ? now : now < dates.startDate ? dates.startDate : now > dates.endDate ? dates.endDate : now;
}

/** The middle of the promotion (today for a programme without a calendar): where a demo promotion stands. */
function middleDate() {
  const dates = calendar();
  if (!dates) return today();
  const middle = (Date.parse(dates.startDate) + Date.parse(dates.endDate)) / 2;
  return new Date(middle).toISOString().slice(0, 10);
}

/** Whether the formateur set the date since the programme was chosen (a demo then keeps it). */
let dateChosen = false;

startPage((engine) => {
  api = engine;
  programmeOptions(programme, api);
  programme.value = "bretagne-cpts-2021";
  asOf.value = defaultDate();
  programme.addEventListener("change", () => {
    asOf.value = defaultDate();
    dateChosen = false;
    evaluate();
  });
  asOf.addEventListener("change", () => {
    dateChosen = true;
    if (asOf.value) evaluate();
  });
  $("file").addEventListener("change", async () => {
    try {
      const file = await chosenText($("file"));
      if (!file) return;
      const { text, records, where } = readPromotionFile(file);
      followRecords(records);
      // The page keeps the text (to evaluate it again on another date), not the records.
      const count = records.length;
      load = async () => ({ text, count, where });
    } catch (error) {
      if (error instanceof PlatformExport) {
        // The platform's CSV: hand it to the import, which needs its mapping.
        const moved = new DataTransfer();
        moved.items.add($("file").files[0]);
        $("export-file").files = moved.files;
        $("file").value = "";
        $("source").value = "csv";
        $("import").open = true;
        showError(
          `« ${error.message} » est un export CSV de la plateforme : il est lu avec sa correspondance. Choisissez le fichier de correspondance ci-dessous, puis « Importer et évaluer ».`,
        );
        $("mapping-file").focus();
        return;
      }
      showError(error.message);
      return;
    }
    $("import-report").hidden = true;
    evaluate();
  });
  $("generate").addEventListener("click", () => {
    const size = Math.min(20000, Math.max(1, Number($("size").value) || 2000));
    // A demo promotion stands in the middle of its calendar, unless a date was chosen.
    if (!dateChosen) asOf.value = middleDate();
    load = async (date) => {
      const handle = api.loadProgramme(programme.value);
      const records = generatePromotion(handle.details().definition, { size, asOf: date });
      handle.free();
      return { text: JSON.stringify(records), count: records.length, where: () => "" };
    };
    $("file").value = "";
    $("import-report").hidden = true;
    evaluate();
  });
  $("import").addEventListener("toggle", () => $("import").open && importModule().catch(() => {}));
  $("import-form").addEventListener("submit", (e) => {
    e.preventDefault();
    importExport();
  });
  show.addEventListener("change", () => renderTable());
  search.addEventListener("input", () => renderTable());
  for (const form of [$("controls"), $("filters")]) form.addEventListener("submit", (e) => e.preventDefault());
  table.tHead.addEventListener("click", (e) => {
    const key = e.target.closest("button.sort")?.parentElement.dataset.key;
    if (!key) return;
    sort = { key, direction: sort.key === key ? -sort.direction : 1 };
    renderTable();
  });
  tbody.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-index]");
    if (button) openDetail(entries[Number(button.dataset.index)], button);
  });
  $("close").addEventListener("click", () => detail.close());
  // The jury's sheet opens in a new tab of this browser: the record goes through sessionStorage, never a server.
  $("jury").addEventListener("click", () => {
    if (!shownRecord) return;
    sessionStorage.setItem("pacte-jury", JSON.stringify({ programme: programme.value, asOf: asOf.value, learner: shownRecord }));
    window.open("jury.html", "_blank");
  });
  $("more").addEventListener("click", () => renderTable({ more: true }));
  $("export").addEventListener("click", exportCsv);
});
