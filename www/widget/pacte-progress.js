// <pacte-progress>: a learner's progress towards the PACTE diploma, computed
// in the browser by the pacte-rules engine (WebAssembly). No record leaves the
// page. Plain ES module, no framework; shipped as pkg/widget/pacte-progress.js,
// hence the engine's relative path.
//
//   import { setup } from "pacte-rules/widget/pacte-progress.js";
//   await setup({ wasm: "/static/pacte_rules_bg.wasm" });
//   el.learner = record;  // <pacte-progress programme="hdf-leader-msp-2024" as-of="2024-09-20">
//
// Attributes: programme (embedded id), as-of (YYYY-MM-DD, default today),
// lang (fr by default; "en" for English), heading-level (2 by default).
// Properties: learner (a learner record), programme (a definition object or
// an id; wins over the attribute), report (the last report, read only).
// Theme: --pacte-accent, --pacte-font, --pacte-text, --pacte-muted,
// --pacte-background, --pacte-surface, --pacte-border, --pacte-danger,
// --pacte-warning, --pacte-success, --pacte-radius.
import init, * as engine from "../web/pacte_rules.js";
import {
  h,
  badge,
  icon,
  engineFailure,
  formatMinutes,
  formatDate,
  time,
  today,
  languageOf,
  say,
  state,
  MODALITIES,
  DAY_STATUSES,
  TRACEUR_STATUSES,
  MEMOIRE_STATUSES,
  SOUTENANCE_STATUSES,
  STAGES,
} from "./pacte-ui.js";

/** @type {Promise<typeof engine> | undefined} */
let ready;

/**
 * Starts the engine and registers <pacte-progress>. `wasm` is what the
 * engine's `init` fetches or instantiates (URL string, URL, Response, bytes):
 * hosts whose JS pipeline rewrites modules (Moodle's AMD build) lose
 * `import.meta.url`, so they pass the .wasm file's URL here. The first call
 * decides; later calls return the same promise, of the engine's exports. It
 * rejects when WebAssembly cannot run; the widgets then say so themselves.
 * @param {{ wasm?: import("../web/pacte_rules.js").InitInput }} [options]
 */
export function setup({ wasm } = {}) {
  if (!ready) {
    ready = init(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => engine);
    // A host may ignore the promise: the widgets report the failure, so it
    // must not also surface as an unhandled rejection.
    ready.catch(() => {});
  }
  if (!customElements.get("pacte-progress")) customElements.define("pacte-progress", PacteProgress);
  return ready;
}

const TEXT = {
  fr: {
    loading: "Chargement du suivi de progression…",
    noLearner: "Aucun dossier d'apprenant à afficher.",
    wasmBlocked:
      "Le suivi de progression ne peut pas s'afficher : WebAssembly est bloqué sur cette page (la politique de sécurité du contenu doit autoriser « wasm-unsafe-eval ») ou ce navigateur ne le prend pas en charge. Signalez-le à l'administrateur de la plateforme.",
    wasmMissing:
      "Le suivi de progression ne peut pas s'afficher : le moteur de calcul (fichier .wasm) n'a pas pu être chargé. Signalez-le à l'administrateur de la plateforme.",
    invalid: "Le suivi ne peut pas être calculé : les données ne sont pas valides.",
    asOf: (d) => `Situation au ${d}`,
    todo: "Ce qui reste à faire",
    nothingLeft: "Rien : toutes les conditions du diplôme sont remplies.",
    blocking: "bloquant",
    hours: "Heures",
    valueText: (done, req, excused, left) => `${done} sur ${req}${excused ? `, plus ${excused} excusées` : ""}${left ? `, reste ${left}` : ""}`,
    done: (x) => `${x} faites`,
    excused: (x) => `${x} excusées`,
    remaining: (x, req) => `reste ${x} sur ${req}`,
    reached: (req) => `${req} atteintes`,
    noRequirement: "pas d'exigence en heures",
    total: "Total : ",
    seminars: "Séminaires",
    session: "Séminaire",
    dateDuration: "Date (durée)",
    status: "État",
    optional: "facultatif",
    traceurs: "Documents traceurs",
    mustValidate: "à faire valider par le formateur relais",
    depositEnough: "le dépôt suffit",
    notRequired: "non exigé",
    due: (d) => `échéance le ${d}`,
    electives: "Modules au choix",
    chosen: (n, of) => `${n} choisi(s), au moins ${of} attendu(s)`,
    memoireSoutenance: "Mémoire et soutenance",
    memoire: "Mémoire",
    soutenance: "Soutenance",
    setFor: "prévue le",
    heldOn: "le",
    calendarDate: (d) => `date du calendrier : ${d}`,
    whatIf: "Et si… ?",
    whatIfHelp: "Cochez ce que vous prévoyez : le suivi calcule l'étape où cela vous mène. Rien n'est enregistré.",
    plannedDays: "Séminaires à venir auxquels je serai présent·e",
    plannedDocs: "Documents que je déposerai",
    memoireDoc: "Mon mémoire",
    newVersion: "nouvelle version",
    whatIfNone: "Cochez au moins un élément pour voir où il vous mène.",
    whatIfResult: (d) => `Au ${d}, avec ces éléments :`,
    whatIfLeft: "Il resterait :",
    ignored: (n) => `Enregistrements non pris en compte (${n})`,
    rules: (id, v) => `Règles : ${id}, version ${v}`,
    engine: (n, v) => `moteur ${n} ${v}`,
    updated: (d, s) => `Suivi au ${d} : ${s}`,
  },
  en: {
    loading: "Loading progress…",
    noLearner: "No learner record to show.",
    wasmBlocked:
      "Progress cannot be shown: WebAssembly is blocked on this page (the Content Security Policy must allow 'wasm-unsafe-eval') or this browser does not support it. Please tell the platform's administrator.",
    wasmMissing: "Progress cannot be shown: the rules engine (.wasm file) could not be loaded. Please tell the platform's administrator.",
    invalid: "Progress cannot be computed: the records are not valid.",
    asOf: (d) => `As of ${d}`,
    todo: "What is left to do",
    nothingLeft: "Nothing: every diploma condition is met.",
    blocking: "blocking",
    hours: "Hours",
    valueText: (done, req, excused, left) => `${done} of ${req}${excused ? `, plus ${excused} excused` : ""}${left ? `, ${left} left` : ""}`,
    done: (x) => `${x} done`,
    excused: (x) => `${x} excused`,
    remaining: (x, req) => `${x} left of ${req}`,
    reached: (req) => `${req} reached`,
    noRequirement: "no hours required",
    total: "Total: ",
    seminars: "Seminars",
    session: "Seminar",
    dateDuration: "Date (duration)",
    status: "Status",
    optional: "optional",
    traceurs: "Documents traceurs",
    mustValidate: "to be validated by the formateur relais",
    depositEnough: "depositing is enough",
    notRequired: "not required",
    due: (d) => `due ${d}`,
    electives: "Elective modules",
    chosen: (n, of) => `${n} chosen, at least ${of} expected`,
    memoireSoutenance: "Mémoire and soutenance",
    memoire: "Mémoire",
    soutenance: "Soutenance",
    setFor: "set for",
    heldOn: "on",
    calendarDate: (d) => `calendar date: ${d}`,
    whatIf: "What if…?",
    whatIfHelp: "Tick what you plan to do: the tracker works out the stage it leads to. Nothing is saved.",
    plannedDays: "Upcoming seminar days I will attend",
    plannedDocs: "Documents I will deposit",
    memoireDoc: "My mémoire",
    newVersion: "new version",
    whatIfNone: "Tick at least one item to see where it leads.",
    whatIfResult: (d) => `On ${d}, with these items:`,
    whatIfLeft: "Still left:",
    ignored: (n) => `Records not taken into account (${n})`,
    rules: (id, v) => `Rules: ${id}, version ${v}`,
    engine: (n, v) => `engine ${n} ${v}`,
    updated: (d, s) => `Progress as of ${d}: ${s}`,
  },
};

class PacteProgress extends HTMLElement {
  static observedAttributes = ["programme", "as-of", "lang", "heading-level"];

  #learner;
  #programme;
  #report;
  #plan = new Set(); // what-if items ticked, as JSON: ["day", session, date], ["traceur", id], ["memoire"]
  #view = h("div", { class: "view" });
  #status = h("p", { class: "sr-only", role: "status", "aria-live": "polite" });
  #pending = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet()];
    root.append(this.#view, this.#status);
  }

  get learner() {
    return this.#learner;
  }
  set learner(record) {
    this.#learner = record;
    this.#plan.clear();
    this.#schedule();
  }

  get programme() {
    return this.#programme ?? this.getAttribute("programme");
  }
  set programme(source) {
    this.#programme = source;
    this.#schedule();
  }

  get report() {
    return this.#report;
  }

  connectedCallback() {
    // A host may set `learner` before setup() defines the element: that
    // value sits on the instance and would hide the setter; move it here.
    for (const key of ["learner", "programme"]) {
      if (Object.hasOwn(this, key)) {
        const value = this[key];
        delete this[key];
        this[key] = value;
      }
    }
    this.#schedule();
  }
  attributeChangedCallback() {
    this.#schedule();
  }

  // Setting learner, programme and as-of in a row renders once.
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#render();
    });
  }

  get #lang() {
    return languageOf(this);
  }
  get #t() {
    return TEXT[this.#lang];
  }
  get #asOf() {
    return this.getAttribute("as-of") || today();
  }
  #heading(offset, props, text) {
    const level = Math.min(6, Math.max(1, Number(this.getAttribute("heading-level")) || 2) + offset);
    return h(`h${level}`, props, text);
  }

  #show(...content) {
    this.#view.replaceChildren(...content);
  }

  async #render() {
    if (!this.isConnected) return;
    const t = this.#t;
    if (!this.#report) this.#show(h("p", { class: "notice" }, t.loading));
    /** @type {typeof engine} */
    let api;
    try {
      api = await setup();
    } catch (error) {
      this.#report = undefined;
      this.#show(
        h(
          "p",
          { class: "notice tone-danger", role: "alert" },
          icon("warning"),
          h("span", {}, engineFailure(error) === "blocked" ? t.wasmBlocked : t.wasmMissing),
        ),
      );
      return;
    }
    if (!this.#learner) {
      this.#report = undefined;
      this.#show(h("p", { class: "notice" }, t.noLearner));
      return;
    }
    try {
      this.#report = this.#evaluate(api, this.#learner, this.#asOf);
    } catch (error) {
      this.#report = undefined;
      this.#show(problemsView(error, t, this.#lang));
      return;
    }
    this.#show(this.#reportView(api, this.#report));
    this.#status.textContent = t.updated(formatDate(this.#report.asOf, this.#lang), say(this.#report.summary, this.#lang));
  }

  #evaluate(api, learner, asOf) {
    return api.evaluate(this.#programme ?? this.getAttribute("programme") ?? learner.programme, learner, asOf);
  }

  #reportView(api, report) {
    const t = this.#t;
    const lang = this.#lang;
    const stage = STAGES[report.stage];
    return h(
      "article",
      { class: "report", "aria-labelledby": "who" },
      h(
        "header",
        { class: "head" },
        this.#heading(0, { id: "who" }, report.displayName || report.learnerId),
        h("p", { class: "muted" }, report.programme.title),
        h("p", { class: `stage tone-${stage.tone}` }, icon(stage.icon), h("strong", {}, say(report.summary, lang))),
        h("p", { class: "muted" }, t.asOf(formatDate(report.asOf, lang))),
      ),
      this.#section("todo", t.todo, unmetList(report.unmet, t, lang, t.nothingLeft)),
      this.#section("hours", t.hours, hoursView(report.hours, t, lang)),
      report.sessions.length > 0 && this.#section("seminars", t.seminars, sessionsTable(report.sessions, t, lang)),
      report.traceurs.length > 0 && this.#section("traceurs", t.traceurs, traceursList(report.traceurs, t, lang)),
      report.electives.length > 0 && this.#section("electives", t.electives, electivesList(report.electives, t)),
      this.#section("memoire", t.memoireSoutenance, memoireView(report, t, lang)),
      this.#whatIf(api, report),
      report.ignored.length > 0 &&
        h(
          "details",
          { class: "ignored" },
          h("summary", {}, t.ignored(report.ignored.length)),
          h(
            "ul",
            {},
            report.ignored.map((i) => h("li", {}, h("code", {}, i.path), " : ", say(i.message, lang))),
          ),
        ),
      h("footer", { class: "muted small" }, t.rules(report.programme.id, report.programme.version), " · ", t.engine(report.engine.name, report.engine.version)),
    );
  }

  #section(id, title, ...content) {
    return h("section", { class: id, "aria-labelledby": `${id}-title` }, this.#heading(1, { id: `${id}-title` }, title), ...content);
  }

  // The what-if: the learner ticks upcoming days and documents still to hand
  // in; a copy of the record with them added is evaluated as of the last
  // planned day. The real record is never changed.
  #whatIf(api, report) {
    const t = this.#t;
    const lang = this.#lang;
    const days = report.sessions.flatMap((s) => s.days.filter((d) => d.status === "upcoming").map((d) => ({ session: s, day: d })));
    const docs = report.traceurs.filter((tr) => tr.required && (tr.status === "missing" || tr.status === "toRevise"));
    const memoire = report.memoire.required && report.memoire.status !== "submitted";
    const offered = new Set([
      ...days.map(({ session, day }) => dayKey(session, day)),
      ...docs.map((d) => JSON.stringify(["traceur", d.id])),
      ...(memoire ? [MEMOIRE_KEY] : []),
    ]);
    // A new date or programme may take items off the list: forget them.
    for (const key of this.#plan) if (!offered.has(key)) this.#plan.delete(key);
    if (offered.size === 0) return null;
    const result = h("div", { class: "whatif-result", "aria-live": "polite" });
    const update = () => result.replaceChildren(...this.#whatIfOutcome(api, report, t, lang));
    const box = (key, ...label) =>
      h(
        "li",
        {},
        h(
          "label",
          {},
          h("input", {
            type: "checkbox",
            checked: this.#plan.has(key),
            onchange: (e) => {
              e.target.checked ? this.#plan.add(key) : this.#plan.delete(key);
              update();
            },
          }),
          h("span", {}, ...label),
        ),
      );
    const content = this.#section(
      "whatif",
      t.whatIf,
      h("p", { class: "muted" }, t.whatIfHelp),
      days.length > 0 &&
        h(
          "fieldset",
          {},
          h("legend", {}, t.plannedDays),
          h(
            "ul",
            { class: "plain" },
            days.map(({ session, day }) => box(dayKey(session, day), `${session.title} — ${formatDate(day.date, lang)} (${formatMinutes(day.minutes)})`)),
          ),
        ),
      (docs.length > 0 || memoire) &&
        h(
          "fieldset",
          {},
          h("legend", {}, t.plannedDocs),
          h(
            "ul",
            { class: "plain" },
            docs.map((d) => box(JSON.stringify(["traceur", d.id]), d.title, d.status === "toRevise" && h("span", { class: "muted" }, ` (${t.newVersion})`))),
            memoire && box(MEMOIRE_KEY, t.memoireDoc),
          ),
        ),
      result,
    );
    update();
    return content;
  }

  #whatIfOutcome(api, report, t, lang) {
    if (this.#plan.size === 0) return [h("p", { class: "muted" }, t.whatIfNone)];
    const plan = [...this.#plan].map((key) => JSON.parse(key));
    const asOf = plan
      .filter(([kind]) => kind === "day")
      .map(([, , date]) => date)
      .reduce((a, b) => (b > a ? b : a), report.asOf);
    const learner = structuredClone(this.#learner);
    for (const [kind, id, date] of plan) {
      if (kind === "day") {
        learner.attendance = (learner.attendance ?? []).filter((a) => !(a.session === id && a.date === date));
        learner.attendance.push({ session: id, date, status: "present" });
      } else if (kind === "traceur") {
        learner.traceurs = (learner.traceurs ?? []).filter((tr) => tr.id !== id);
        learner.traceurs.push({ id, status: "deposited", date: asOf });
      } else {
        learner.memoire = { status: "submitted", date: asOf };
      }
    }
    let outcome;
    try {
      outcome = this.#evaluate(api, learner, asOf);
    } catch (error) {
      return [problemsView(error, t, lang)];
    }
    const stage = STAGES[outcome.stage];
    return [
      h(
        "p",
        {},
        t.whatIfResult(formatDate(asOf, lang)),
        " ",
        h("span", { class: `stage tone-${stage.tone}` }, icon(stage.icon), h("strong", {}, say(outcome.summary, lang))),
      ),
      outcome.unmet.length > 0 && h("p", {}, t.whatIfLeft),
      outcome.unmet.length > 0 && unmetList(outcome.unmet, t, lang),
    ];
  }
}

const dayKey = (session, day) => JSON.stringify(["day", session.id, day.date]);
const MEMOIRE_KEY = JSON.stringify(["memoire"]);

/** The unmet conditions in plain words, most serious first (the engine's order). */
function unmetList(unmet, t, lang, whenEmpty) {
  if (unmet.length === 0) return h("p", {}, whenEmpty);
  return h(
    "ul",
    { class: "unmet" },
    unmet.map((u) =>
      h(
        "li",
        { class: u.blocking ? "tone-danger" : "" },
        icon(u.blocking ? "cross" : "info"),
        h("span", {}, say(u.message, lang), u.blocking && h("strong", {}, ` (${t.blocking})`)),
      ),
    ),
  );
}

/** One bar per modality that has a requirement: attended, then excused (hatched), then what remains. */
function hoursView(hours, t, lang) {
  const rows = ["presentiel", "elearning", "equipe"].map((m) => {
    const tally = hours[m];
    const label = say(MODALITIES[m], lang);
    const { requiredMinutes: req, doneMinutes: done, excusedMinutes: excused, remainingMinutes: left } = tally;
    if (req === undefined) {
      return h(
        "div",
        { class: "bar-row" },
        h("span", { class: "bar-label" }, label),
        h("p", { class: "bar-text" }, formatMinutes(done), excused > 0 && ` · ${t.excused(formatMinutes(excused))}`, ` (${t.noRequirement})`),
      );
    }
    const share = (x) => `${req === 0 ? 0 : Math.min(100, (x / req) * 100)}%`;
    const doneBar = h("span", { class: "done" });
    doneBar.style.width = share(done);
    const excusedBar = h("span", { class: "excused" });
    excusedBar.style.width = share(Math.min(excused, Math.max(0, req - done)));
    return h(
      "div",
      { class: "bar-row" },
      h("span", { class: "bar-label", id: `bar-${m}` }, label),
      h(
        "div",
        {
          class: "bar",
          role: "progressbar",
          "aria-labelledby": `bar-${m}`,
          "aria-valuemin": 0,
          "aria-valuemax": req,
          "aria-valuenow": Math.min(done, req),
          "aria-valuetext": t.valueText(formatMinutes(done), formatMinutes(req), excused > 0 && formatMinutes(excused), left > 0 && formatMinutes(left)),
        },
        doneBar,
        excusedBar,
      ),
      h(
        "p",
        { class: "bar-text" },
        h("span", { class: "key key-done" }),
        t.done(formatMinutes(done)),
        excused > 0 && [" · ", h("span", { class: "key key-excused" }), t.excused(formatMinutes(excused))],
        " · ",
        left === 0 ? t.reached(formatMinutes(req)) : t.remaining(formatMinutes(left), formatMinutes(req)),
      ),
    );
  });
  const total = hours.total;
  rows.push(
    h(
      "p",
      { class: "total" },
      h("strong", {}, t.total),
      t.done(formatMinutes(total.doneMinutes)),
      total.excusedMinutes > 0 && ` · ${t.excused(formatMinutes(total.excusedMinutes))}`,
      total.requiredMinutes !== undefined &&
        ` · ${total.remainingMinutes === 0 ? t.reached(formatMinutes(total.requiredMinutes)) : t.remaining(formatMinutes(total.remainingMinutes), formatMinutes(total.requiredMinutes))}`,
    ),
  );
  return rows;
}

function sessionsTable(sessions, t, lang) {
  return h(
    "table",
    {},
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        [t.session, t.dateDuration, t.status].map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
    h(
      "tbody",
      {},
      sessions.flatMap((s) =>
        s.days.map((d) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, s.title, !s.mandatory && h("span", { class: "muted" }, ` (${t.optional})`)),
            // Date and duration share a cell: three columns fit a phone's width.
            h("td", {}, time(d.date, lang), h("span", { class: "muted" }, ` (${formatMinutes(d.minutes)})`)),
            h("td", {}, badge(state(DAY_STATUSES, d.status, lang)), d.justification && h("span", { class: "muted" }, ` — ${d.justification}`)),
          ),
        ),
      ),
    ),
  );
}

function traceursList(traceurs, t, lang) {
  return h(
    "ul",
    { class: "plain checklist" },
    traceurs.map((tr) =>
      h(
        "li",
        {},
        badge(state(TRACEUR_STATUSES, tr.status, lang)),
        h(
          "span",
          { class: "item" },
          h("strong", {}, tr.title),
          h(
            "span",
            { class: "muted" },
            ` — ${tr.required ? (tr.counts === "validated" ? t.mustValidate : t.depositEnough) : t.notRequired}`,
            tr.dueDate && !tr.met ? `, ${t.due(formatDate(tr.dueDate, lang))}` : "",
          ),
        ),
      ),
    ),
  );
}

function electivesList(electives, t) {
  return h(
    "ul",
    { class: "plain" },
    electives.map((e) =>
      h(
        "li",
        {},
        badge({ icon: e.met ? "check" : "empty", tone: e.met ? "success" : "warning", text: e.title }),
        h("span", { class: "muted" }, ` — ${t.chosen(e.chosen.length, e.atLeast)}`),
      ),
    ),
  );
}

function memoireView(report, t, lang) {
  const { memoire, soutenance } = report;
  const held = soutenance.status === "passed" || soutenance.status === "failed";
  return h(
    "dl",
    { class: "pairs" },
    h("dt", {}, t.memoire),
    h(
      "dd",
      {},
      badge(state(MEMOIRE_STATUSES, memoire.status, lang)),
      memoire.date && [" — ", time(memoire.date, lang)],
      memoire.status !== "submitted" && memoire.dueDate && h("span", { class: "muted" }, ` (${t.due(formatDate(memoire.dueDate, lang))})`),
    ),
    h("dt", {}, t.soutenance),
    h(
      "dd",
      {},
      badge(state(SOUTENANCE_STATUSES, soutenance.status, lang)),
      soutenance.date && soutenance.status !== "notScheduled" && [" — ", held ? t.heldOn : t.setFor, " ", time(soutenance.date, lang)],
      h(
        "span",
        { class: "muted" },
        " (",
        formatMinutes(soutenance.durationMinutes),
        // The programme's date, not the learner's appointment yet.
        soutenance.date && soutenance.status === "notScheduled" && [", ", t.calendarDate(formatDate(soutenance.date, lang))],
        ")",
      ),
    ),
  );
}

/** A PacteError as the widget shows it: what went wrong and where in the records. */
function problemsView(error, t, lang) {
  const problems = error?.problems ?? [{ path: "", message: { fr: String(error?.message ?? error), en: String(error?.message ?? error) } }];
  return h(
    "div",
    { class: "notice problems tone-danger", role: "alert" },
    h("p", {}, icon("warning"), h("strong", {}, t.invalid)),
    // The engine's messages name the JSON path themselves.
    h(
      "ul",
      {},
      problems.map((p) => h("li", {}, say(p.message, lang))),
    ),
  );
}

// One stylesheet for every widget; adopted, not a <style> element, so that a
// host CSP without 'unsafe-inline' for styles lets it through.
let shared;
function sheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(CSS);
  }
  return shared;
}

const CSS = `
:host {
  display: block;
  container-type: inline-size;
  --accent: var(--pacte-accent, #1f5fa8);
  --text: var(--pacte-text, #1b1f24);
  --muted: var(--pacte-muted, #4b5563);
  --bg: var(--pacte-background, #ffffff);
  --surface: var(--pacte-surface, #f3f5f8);
  --border: var(--pacte-border, #6b7280);
  --danger: var(--pacte-danger, #b3261e);
  --warning: var(--pacte-warning, #8a4b00);
  --success: var(--pacte-success, #1e6b34);
  --radius: var(--pacte-radius, 6px);
  font-family: var(--pacte-font, system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif);
  color: var(--text);
  background: var(--bg);
  line-height: 1.45;
}
:host([hidden]) { display: none; }
.view { padding: 1rem; border: 1px solid var(--border); border-radius: var(--radius); }
h1, h2, h3, h4, h5, h6 { margin: 0 0 .4rem; line-height: 1.25; }
.head > :first-child { font-size: 1.4rem; }
section > :first-child { font-size: 1.1rem; margin-top: 1.4rem; padding-bottom: .2rem; border-bottom: 1px solid var(--surface); }
p { margin: .3rem 0; }
.muted { color: var(--muted); }
.small { font-size: .875rem; }
footer { margin-top: 1.4rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; margin: -1px; }
.icon { width: 1.15em; height: 1.15em; flex: none; vertical-align: -.2em; fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; stroke-linejoin: round; }
.tone-danger { color: var(--danger); }
.tone-warning { color: var(--warning); }
.tone-success { color: var(--success); }
.tone-info { color: var(--accent); }
.tone-neutral { color: var(--muted); }
.badge { display: inline-flex; gap: .3em; align-items: baseline; font-weight: 600; }
.badge .icon { align-self: center; }
.stage { display: inline-flex; gap: .4em; align-items: center; padding: .35rem .7rem; border: 2px solid currentColor; border-radius: var(--radius); background: var(--bg); }
.head .stage { font-size: 1.1rem; margin: .5rem 0 .2rem; }
.notice { display: flex; gap: .5em; align-items: flex-start; margin: 0; }
.notice.problems { display: block; }
.notice.problems > p { display: flex; gap: .5em; align-items: center; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
ul.plain, ul.unmet { list-style: none; padding: 0; }
ul.unmet li { display: flex; gap: .5em; align-items: baseline; margin: .25rem 0; }
ul.unmet li .icon { align-self: center; }
ul.unmet li:not(.tone-danger) .icon { color: var(--accent); }
.checklist li { display: grid; grid-template-columns: 16rem 1fr; gap: .1rem .8rem; margin: .45rem 0; }
tbody th { min-width: 8rem; }
@container (max-width: 40rem) {
  .checklist li { grid-template-columns: 1fr; }
  .view { padding: .7rem; }
  tbody th { min-width: 0; }
  th, td { padding: .3rem .25rem; }
  td .badge { display: inline; }
  td .badge .icon { margin-right: .3em; }
  td .muted { overflow-wrap: anywhere; }
}
.bar-row { margin: .6rem 0; }
.bar-label { display: block; font-weight: 600; }
.bar { display: flex; height: 1rem; margin: .25rem 0; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); overflow: hidden; }
.done { background: var(--accent); }
.excused, .key-excused { background: repeating-linear-gradient(135deg, var(--accent) 0 3px, var(--bg) 3px 7px); }
.key { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border: 1px solid var(--border); vertical-align: -.05em; }
.key-done { background: var(--accent); }
.bar-text { margin: 0; font-size: .95rem; }
.total { margin-top: .8rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--surface); vertical-align: top; }
thead th { border-bottom: 2px solid var(--border); }
tbody th { font-weight: 600; }
dl.pairs { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: .3rem 0; }
dl.pairs dt { font-weight: 600; }
dl.pairs dd { margin: 0; }
fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: .6rem 0; padding: .4rem .8rem; }
legend { font-weight: 600; padding: 0 .3rem; }
fieldset li { margin: .25rem 0; }
fieldset label { display: inline-flex; gap: .5em; align-items: baseline; }
input[type="checkbox"] { width: 1.1rem; height: 1.1rem; vertical-align: -.15em; accent-color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.whatif-result { margin-top: .6rem; padding: .6rem .8rem; background: var(--surface); border-radius: var(--radius); }
.ignored { margin-top: 1rem; }
.ignored summary { cursor: pointer; font-weight: 600; }
@media (forced-colors: active) {
  .done, .key-done { background: Highlight; forced-color-adjust: none; }
  .excused, .key-excused { background: repeating-linear-gradient(135deg, Highlight 0 3px, Canvas 3px 7px); forced-color-adjust: none; }
}
`;
