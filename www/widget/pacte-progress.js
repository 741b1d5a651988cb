// <pacte-progress>: a learner's progress towards the PACTE diploma, computed
// in the browser by the pacte-rules engine (WebAssembly). No record leaves the
// page. Plain ES module, no framework; shipped as pkg/widget/pacte-progress.js,
// hence the engine's relative path.
//
//   import { setup } from "pacte-rules/widget";
//   await setup({ wasm: "/static/pacte_rules_bg.wasm" });
//   el.learner = record;  // <pacte-progress programme="hdf-leader-msp-2024" as-of="2024-09-20">
//
// Attributes: programme (embedded id), as-of (YYYY-MM-DD, default today),
// lang (fr by default; "en" for English), heading-level (2 by default),
// layout ("compact": stage, main bar, the next things to do and « Voir le
// détail »; "full": everything at once; absent: compact when the widget has
// less than 32rem of width, full otherwise), audience ("learner" by default,
// the learner's own voice; "formateur": speaks of the learner).
// Properties: learner (a learner record), programme (a definition object or
// an id; wins over the attribute), report (the last report, read only).
// Event: `report` (a CustomEvent, bubbles; `detail.report` is the new report,
// undefined when none can be shown) each time the report shown changes.
// Theme: --pacte-accent, --pacte-font, --pacte-text, --pacte-muted,
// --pacte-background, --pacte-surface, --pacte-border, --pacte-danger,
// --pacte-warning, --pacte-success, --pacte-radius.
import init, * as engine from "../web/pacte_rules.js";
import { h, badge, icon, engineFailure, formatMinutes, formatDate, time, today, languageOf, say, state, word, typeset, plain } from "./pacte-ui.js";

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

/** "1 jour", "3 jours": a count with its noun agreed (French: 0 and 1 take the singular). */
const count = (n, one, many) => `${n} ${n > 1 ? many : one}`;
const countEn = (n, one, many) => `${n} ${n === 1 ? one : many}`;

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
    next: "À faire ensuite",
    andMore: (n) => `Et ${count(n, "autre point", "autres points")} dans le détail.`,
    seeDetail: "Voir le détail",
    nothingLeft: "Rien : toutes les conditions du diplôme sont remplies.",
    blocking: "bloquant",
    dueIn: (n) => (n === 0 ? "l'échéance est aujourd'hui" : `l'échéance est dans ${count(n, "jour", "jours")}`),
    overdue: (n) => `l'échéance est dépassée de ${count(n, "jour", "jours")}`,
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
    electiveDone: (n, of) => `${count(n, "module fait", "modules faits")} sur au moins ${of} attendu${of > 1 ? "s" : ""}`,
    electiveUnderWay: (titles) => `en cours : ${titles}`,
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
    advisories: (n) => `Enregistrements comptés, à vérifier (${n})`,
    withTeamMember: (present) =>
      present === true
        ? "avec un membre de l'équipe, venu"
        : present === false
          ? "un membre de l'équipe était attendu, aucun n'est venu"
          : "avec un membre de l'équipe",
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
    next: "Next to do",
    andMore: (n) => `And ${countEn(n, "more item", "more items")} in the detail.`,
    seeDetail: "See the detail",
    nothingLeft: "Nothing: every diploma condition is met.",
    blocking: "blocking",
    dueIn: (n) => (n === 0 ? "due today" : `due in ${countEn(n, "day", "days")}`),
    overdue: (n) => `${countEn(n, "day", "days")} overdue`,
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
    electiveDone: (n, of) => `${countEn(n, "module done", "modules done")} of at least ${of} expected`,
    electiveUnderWay: (titles) => `under way: ${titles}`,
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
    advisories: (n) => `Records counted, to be checked (${n})`,
    withTeamMember: (present) =>
      present === true ? "with a team member, who came" : present === false ? "a team member was expected, none came" : "with a team member",
    rules: (id, v) => `Rules: ${id}, version ${v}`,
    engine: (n, v) => `engine ${n} ${v}`,
    updated: (d, s) => `Progress as of ${d}: ${s}`,
  },
};

// The formateur's drill-down speaks of the learner, not in the learner's voice.
const FORMATEUR = {
  fr: {
    whatIfHelp: "Cochez ce que l'apprenant·e prévoit : le suivi calcule l'étape où cela mène son dossier. Rien n'est enregistré.",
    plannedDays: "Séminaires à venir auxquels l'apprenant·e serait présent·e",
    plannedDocs: "Documents que l'apprenant·e déposerait",
    memoireDoc: "Le mémoire",
    whatIfNone: "Cochez au moins un élément pour voir où il mène ce dossier.",
  },
  en: {
    whatIfHelp: "Tick what the learner plans to do: the tracker works out the stage it leads their file to. Nothing is saved.",
    plannedDays: "Upcoming seminar days the learner would attend",
    plannedDocs: "Documents the learner would deposit",
    memoireDoc: "The mémoire",
    whatIfNone: "Tick at least one item to see where it leads this file.",
  },
};

/** Width (in the widget's own font size) under which `layout` left to the room gives the compact form. */
const COMPACT_BELOW_REM = 32;

class PacteProgress extends HTMLElement {
  static observedAttributes = ["programme", "as-of", "lang", "heading-level", "layout", "audience"];

  #learner;
  #programme;
  #report;
  #reportKey = "";
  #window = 30; // the programme's atRiskWithinDays, for the last report
  #plan = new Set(); // what-if items ticked, as JSON: ["day", session, date], ["traceur", id], ["memoire"]
  #view = h("div", { class: "view" });
  #status = h("p", { class: "sr-only", role: "status", "aria-live": "polite" });
  #announced = "";
  #pending = false;
  #narrow = false;
  #detailOpen = false;
  #api;
  #resize = new ResizeObserver(([entry]) => {
    const rem = Number.parseFloat(getComputedStyle(this).fontSize) || 16;
    const narrow = entry.contentRect.width < COMPACT_BELOW_REM * rem;
    if (narrow !== this.#narrow) {
      this.#narrow = narrow;
      if (!this.getAttribute("layout") && this.#report) this.#paint();
    }
  });

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
    this.#resize.observe(this);
    this.#schedule();
  }
  disconnectedCallback() {
    this.#resize.disconnect();
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
    const lang = this.#lang;
    return this.getAttribute("audience") === "formateur" ? { ...TEXT[lang], ...FORMATEUR[lang] } : TEXT[lang];
  }
  get #asOf() {
    return this.getAttribute("as-of") || today();
  }
  get #compact() {
    const layout = this.getAttribute("layout");
    return layout === "compact" || (layout !== "full" && this.#narrow);
  }
  #heading(offset, props, text) {
    const level = Math.min(6, Math.max(1, Number(this.getAttribute("heading-level")) || 2) + offset);
    return h(`h${level}`, props, text);
  }

  #show(...content) {
    this.#view.replaceChildren(...content);
  }

  /**
   * Keeps the report, and tells the host when it changed: by content, so that
   * a repaint or a second evaluation of the same situation says nothing.
   */
  #setReport(report) {
    this.#report = report;
    const key = report === undefined ? "" : JSON.stringify(report);
    if (key === this.#reportKey) return;
    this.#reportKey = key;
    this.dispatchEvent(new CustomEvent("report", { bubbles: true, detail: { report } }));
  }

  async #render() {
    if (!this.isConnected) return;
    const t = this.#t;
    if (!this.#report) this.#show(h("p", { class: "notice" }, t.loading));
    try {
      this.#api = await setup();
    } catch (error) {
      this.#setReport(undefined);
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
      this.#setReport(undefined);
      this.#show(h("p", { class: "notice" }, t.noLearner));
      return;
    }
    let outcome;
    try {
      outcome = this.#evaluate(this.#api, this.#learner, this.#asOf);
    } catch (error) {
      this.#setReport(undefined);
      this.#show(problemsView(error, t, this.#lang));
      return;
    }
    this.#window = outcome.window;
    this.#setReport(outcome.report);
    this.#paint();
  }

  /** Lays out the last report (again when the room the widget has changes its form). */
  #paint() {
    const report = this.#report;
    const t = this.#t;
    this.#show(this.#reportView(this.#api, report));
    // Said once per new situation, not at every repaint.
    const said = plain(t.updated(formatDate(report.asOf, this.#lang), say(report.summary, this.#lang)));
    if (said !== this.#announced) this.#status.textContent = this.#announced = said;
  }

  /** The report, and the programme's window for « at risk » (which items make a file so). */
  #evaluate(api, learner, asOf) {
    const programme = api.loadProgramme(this.#programme ?? this.getAttribute("programme") ?? learner.programme);
    try {
      return { report: programme.evaluate(learner, asOf), window: programme.details().definition.atRiskWithinDays ?? 30 };
    } finally {
      programme.free();
    }
  }

  /** Why an unmet condition makes the file « at risk »: its due date is passed or near. Else null. */
  #atRiskReason(report, u) {
    const dueSoon = (x) => x.dueDate && !x.blocking && daysBetween(report.asOf, x.dueDate) <= this.#window;
    if (report.stage !== "atRisk" || !dueSoon(u)) return null;
    // The soutenance's own date is what the rest is due for: it is the reason only when nothing else is.
    if (u.code === "SOUTENANCE_NOT_PASSED" && report.unmet.some((x) => x !== u && dueSoon(x))) return null;
    const days = daysBetween(report.asOf, u.dueDate);
    const t = this.#t;
    return days < 0 ? t.overdue(-days) : t.dueIn(days);
  }

  #reportView(api, report) {
    const t = this.#t;
    const lang = this.#lang;
    const look = state("stages", report.stage, lang);
    const why = (u) => this.#atRiskReason(report, u);
    const head = h(
      "header",
      { class: "head" },
      this.#heading(0, { id: "who" }, report.displayName || report.learnerId),
      h("p", { class: "muted" }, report.programme.title),
      h("p", { class: `stage tone-${look.tone}` }, icon(look.icon), h("strong", {}, say(report.summary, lang))),
      // Addressed to the learner: the formateur's view leaves it out.
      report.nextStep && this.getAttribute("audience") !== "formateur" && h("p", { class: "next-step" }, typeset(say(report.nextStep, lang))),
      h("p", { class: "muted" }, t.asOf(formatDate(report.asOf, lang))),
    );
    const detail = [
      this.#section("todo", t.todo, unmetList(report.unmet, t, lang, why, t.nothingLeft)),
      this.#section("hours", t.hours, hoursView(report.hours, t, lang)),
      report.sessions.length > 0 && this.#section("seminars", t.seminars, sessionsTable(report.sessions, t, lang)),
      report.traceurs.length > 0 && this.#section("traceurs", t.traceurs, traceursList(report.traceurs, t, lang)),
      report.electives.length > 0 && this.#section("electives", t.electives, electivesList(report.electives, t)),
      this.#section("memoire", t.memoireSoutenance, memoireView(report, t, lang)),
      this.#whatIf(api, report),
      noticeList(report.advisories, t.advisories, lang),
      noticeList(report.ignored, t.ignored, lang),
      h(
        "footer",
        { class: "muted small" },
        typeset(t.rules(report.programme.id, report.programme.version)),
        " · ",
        t.engine(report.engine.name, report.engine.version),
      ),
    ];
    if (!this.#compact) return h("article", { class: "report full", "aria-labelledby": "who" }, head, ...detail);
    const NEXT = 3;
    const next = report.unmet.slice(0, NEXT);
    // The detail drawn now is open as the one on screen is: its toggle event
    // may not have come yet when a repaint follows a click.
    const shown = this.shadowRoot?.querySelector("details.more");
    if (shown instanceof HTMLDetailsElement) this.#detailOpen = shown.open;
    return h(
      "article",
      { class: "report compact", "aria-labelledby": "who" },
      head,
      mainBar(report.hours, t, lang),
      this.#section(
        "next",
        report.unmet.length > 0 ? t.next : t.todo,
        unmetList(next, t, lang, why, t.nothingLeft),
        report.unmet.length > NEXT && h("p", { class: "muted small" }, t.andMore(report.unmet.length - NEXT)),
      ),
      h(
        "details",
        {
          class: "more",
          open: this.#detailOpen,
          ontoggle: (e) => {
            // A detail already replaced by a repaint does not say the state any more.
            if (e.target.isConnected) this.#detailOpen = e.target.open;
          },
        },
        h("summary", {}, t.seeDetail),
        ...detail,
      ),
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
      h("p", { class: "muted" }, typeset(t.whatIfHelp)),
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
      outcome = this.#evaluate(api, learner, asOf).report;
    } catch (error) {
      return [problemsView(error, t, lang)];
    }
    const look = state("stages", outcome.stage, lang);
    return [
      h(
        "p",
        {},
        typeset(t.whatIfResult(formatDate(asOf, lang))),
        " ",
        h("span", { class: `stage tone-${look.tone}` }, icon(look.icon), h("strong", {}, say(outcome.summary, lang))),
      ),
      outcome.unmet.length > 0 && h("p", {}, typeset(t.whatIfLeft)),
      outcome.unmet.length > 0 && unmetList(outcome.unmet, t, lang, (u) => this.#atRiskReason(outcome, u)),
    ];
  }
}

const dayKey = (session, day) => JSON.stringify(["day", session.id, day.date]);
const MEMOIRE_KEY = JSON.stringify(["memoire"]);

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/**
 * The unmet conditions in plain words, most serious first (the engine's
 * order). `why(u)`: why this one makes the file « at risk », or null; such an
 * item is marked, with the reason, so that it does not look like the others.
 */
function unmetList(unmet, t, lang, why, whenEmpty) {
  if (unmet.length === 0) return h("p", {}, whenEmpty);
  return h(
    "ul",
    { class: "unmet" },
    unmet.map((u) => {
      const risk = why(u);
      return h(
        "li",
        { class: u.blocking ? "tone-danger" : risk ? "at-risk" : "" },
        icon(u.blocking ? "cross" : risk ? "warning" : "info"),
        h(
          "span",
          {},
          typeset(say(u.message, lang)),
          u.blocking && h("strong", {}, ` (${t.blocking})`),
          risk && [" ", h("strong", { class: "why" }, typeset(`${word("stages", "atRisk", lang)} : ${risk}`))],
        ),
      );
    }),
  );
}

/** The three modalities, in the report's order, with their tallies. */
function modalityRows(hours) {
  return ["presentiel", "elearning", "equipe"].map((m) => ({ modality: m, tally: hours[m] }));
}

/** One modality: a bar when hours are required (attended, then excused hatched, then what remains), else its hours. */
function barRow(modality, tally, t, lang) {
  const label = word("modalities", modality, lang);
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
    h("span", { class: "bar-label", id: `bar-${modality}` }, label),
    h(
      "div",
      {
        class: "bar",
        role: "progressbar",
        "aria-labelledby": `bar-${modality}`,
        "aria-valuemin": 0,
        "aria-valuemax": req,
        "aria-valuenow": Math.min(done, req),
        // Read out, not laid out: ordinary spaces.
        "aria-valuetext": plain(t.valueText(formatMinutes(done), formatMinutes(req), excused > 0 && formatMinutes(excused), left > 0 && formatMinutes(left))),
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
}

/**
 * One row per modality, then a total a person can check by adding the rows
 * above: the hours done and excused of every row; what remains of what is
 * required only when every row has a requirement (hours of a modality without
 * one never count towards another's target).
 */
function hoursView(hours, t, lang) {
  const rows = modalityRows(hours);
  const sum = (key) => rows.reduce((n, { tally }) => n + tally[key], 0);
  const required = rows.every(({ tally }) => tally.requiredMinutes !== undefined);
  const done = sum("doneMinutes");
  const excused = sum("excusedMinutes");
  const total = h(
    "p",
    { class: "total" },
    h("strong", {}, typeset(t.total)),
    t.done(formatMinutes(done)),
    excused > 0 && ` · ${t.excused(formatMinutes(excused))}`,
    required &&
      ` · ${sum("remainingMinutes") === 0 ? t.reached(formatMinutes(sum("requiredMinutes"))) : t.remaining(formatMinutes(sum("remainingMinutes")), formatMinutes(sum("requiredMinutes")))}`,
  );
  return [...rows.map(({ modality, tally }) => barRow(modality, tally, t, lang)), total];
}

/** The compact form's one bar: in-person time when it is required, else the first modality that is. */
function mainBar(hours, t, lang) {
  const main = modalityRows(hours).find(({ tally }) => tally.requiredMinutes !== undefined);
  return main && h("div", { class: "hours main" }, barRow(main.modality, main.tally, t, lang));
}

/**
 * The seminar calendar. Its rows stack when the widget is narrow (container
 * query): the roles are written out so that the table stays one for assistive
 * technology whatever its CSS display.
 */
function sessionsTable(sessions, t, lang) {
  return h(
    "table",
    { role: "table" },
    h(
      "thead",
      { role: "rowgroup" },
      h(
        "tr",
        { role: "row" },
        [t.session, t.dateDuration, t.status].map((c) => h("th", { scope: "col", role: "columnheader" }, c)),
      ),
    ),
    h(
      "tbody",
      { role: "rowgroup" },
      sessions.flatMap((s) =>
        s.days.map((d) =>
          h(
            "tr",
            { role: "row" },
            h("th", { scope: "row", role: "rowheader" }, s.title, !s.mandatory && h("span", { class: "muted" }, ` (${t.optional})`)),
            // Date and duration share a cell: three columns fit a phone's width.
            h("td", { role: "cell" }, time(d.date, lang), h("span", { class: "muted" }, ` (${formatMinutes(d.minutes)})`)),
            h(
              "td",
              { role: "cell" },
              badge(state("dayStatuses", d.status, lang)),
              d.justification && h("span", { class: "muted" }, ` — ${d.justification}`),
              d.teamMemberRequired && h("span", { class: "muted" }, ` — ${t.withTeamMember(d.teamMemberPresent)}`),
            ),
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
        badge(state("traceurStatuses", tr.status, lang)),
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

/** Records set aside, or counted with a remark: folded, each with its place. */
function noticeList(notices, summary, lang) {
  return (
    notices.length > 0 &&
    h(
      "details",
      { class: "ignored" },
      h("summary", {}, summary(notices.length)),
      h(
        "ul",
        {},
        notices.map((n) => h("li", {}, h("code", {}, n.path), " : ", typeset(say(n.message, lang)))),
      ),
    )
  );
}

/** The titles of an elective group's modules chosen or started, not done. */
function underWay(e) {
  return e.modules.filter((m) => m.state === "started" || m.state === "chosen").map((m) => m.title);
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
        h("span", { class: "muted" }, ` — ${t.electiveDone(e.modules.filter((m) => m.state === "done").length, e.atLeast)}`),
        // Chosen or started, not done yet: the intention the learner declared, or work begun.
        underWay(e).length > 0 && h("span", { class: "muted" }, typeset(` (${t.electiveUnderWay(underWay(e).join(", "))})`)),
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
      badge(state("memoireStatuses", memoire.status, lang)),
      memoire.date && [" — ", time(memoire.date, lang)],
      memoire.status !== "submitted" && memoire.dueDate && h("span", { class: "muted" }, ` (${t.due(formatDate(memoire.dueDate, lang))})`),
    ),
    h("dt", {}, t.soutenance),
    h(
      "dd",
      {},
      badge(state("soutenanceStatuses", soutenance.status, lang)),
      soutenance.date && soutenance.status !== "notScheduled" && [" — ", held ? t.heldOn : t.setFor, " ", time(soutenance.date, lang)],
      h(
        "span",
        { class: "muted" },
        " (",
        formatMinutes(soutenance.durationMinutes),
        // The programme's date, not the learner's appointment yet.
        soutenance.date && soutenance.status === "notScheduled" && [", ", typeset(t.calendarDate(formatDate(soutenance.date, lang)))],
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
      problems.map((p) => h("li", {}, typeset(say(p.message, lang)))),
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
.view, .report, section, p, li, td, th, dd, label, summary { overflow-wrap: break-word; min-width: 0; }
ul.unmet li.at-risk { color: var(--warning); }
ul.unmet li.at-risk .icon { color: var(--warning); }
.why { display: block; font-weight: 700; }
.badge { max-width: 100%; }
.badge > span { min-width: 0; }
details.more { margin-top: .8rem; }
details.more > summary { cursor: pointer; font-weight: 600; color: var(--accent); padding: .3rem 0; }
details.more[open] > summary { border-bottom: 1px solid var(--surface); }
.hours.main { margin-top: .6rem; }
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
/* Its full size whatever the label's length: a flex item shrinks when the label wraps. */
fieldset label > input { flex: none; }
input[type="checkbox"] { width: 1.1rem; height: 1.1rem; vertical-align: -.15em; accent-color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.whatif-result { margin-top: .6rem; padding: .6rem .8rem; background: var(--surface); border-radius: var(--radius); }
.ignored { margin-top: 1rem; }
.ignored summary { cursor: pointer; font-weight: 600; }
/* The narrow rules come after the general ones they override (same specificity: the later wins). */
@container (max-width: 40rem) {
  .checklist li { grid-template-columns: 1fr; }
  .view { padding: .7rem; }
  tbody th { min-width: 0; }
  th, td { padding: .3rem .25rem; }
  td .badge { display: inline; }
  td .badge .icon { margin-right: .3em; }
}
/* A block or a phone: the calendar's rows stack (its roles keep it a table), pairs go one under the other. */
@container (max-width: 30rem) {
  table, tbody, tr, th, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  tbody tr { padding: .35rem 0; border-bottom: 1px solid var(--surface); }
  table tbody th, table tbody td { padding: .05rem 0; border: 0; }
  dl.pairs { grid-template-columns: 1fr; gap: .1rem; }
  dl.pairs dd { margin-bottom: .4rem; }
  .head > :first-child { font-size: 1.25rem; }
  .head .stage { font-size: 1rem; }
  fieldset { padding: .3rem .5rem; }
}
@media (forced-colors: active) {
  .done, .key-done { background: Highlight; forced-color-adjust: none; }
  .excused, .key-excused { background: repeating-linear-gradient(135deg, Highlight 0 3px, Canvas 3px 7px); forced-color-adjust: none; }
}
`;
