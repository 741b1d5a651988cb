// The words, numbers and icons that the <pacte-progress> widget and the pages
// share, so that a stage or a duration reads the same everywhere. Shipped
// beside the widget (pkg/widget/pacte-ui.js). Every text goes into the DOM as
// a text node: names and titles come from files and may contain markup.

/**
 * Builds an element. `props`: `on…` adds a listener, a property the element
 * has (textContent, value, checked, hidden…) is assigned, anything else is an
 * attribute (true → present, false/null/undefined → absent). Children:
 * strings become text nodes, nullish and false are skipped, arrays flatten.
 * Children come first, so that a <select>'s `value` finds its options.
 */
export function h(tag, props = {}, ...children) {
  const el = append(document.createElement(tag), children);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key in el && key !== "list" && key !== "form") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  return el;
}

/** Appends children as `h` does (text nodes for strings). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

// 24×24 outline paths; drawn in currentColor, so an icon always has the
// contrast of the text beside it.
const ICONS = {
  check: "M5 12.5l4.5 4.5L19 7.5",
  cross: "M6 6l12 12M18 6L6 18",
  warning: "M12 3L2 21h20L12 3zM12 10v5M12 18v.5",
  clock: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3.5 2",
  question: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 .9-1 1.7M12 16.5v.5",
  empty: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18",
  excused: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8 12h8",
  flag: "M5 21V4M5 4h11l-2 4 2 4H5",
  pen: "M4 20l4-1 11-11-3-3L5 16l-1 4zM14 6l3 3",
  info: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 11v6M12 7.5v.5",
};

/** A decorative icon: the text beside it says the same, so it is hidden from assistive technology. */
export function icon(name) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "icon");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", ICONS[name]);
  svg.append(path);
  return svg;
}

/** A state shown as icon + words, never by colour alone; `tone` picks the colour. */
export function badge({ icon: name, tone, text }, props = {}) {
  return h("span", { ...props, class: `badge tone-${tone}${props.class ? ` ${props.class}` : ""}` }, icon(name), h("span", {}, text));
}

/** "84 h", "2 h 30", "45 min": as the engine writes durations (src/minutes.rs). */
export function formatMinutes(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")}`;
}

const MONTHS = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "1er août 2024" / "1 August 2024", from "2024-08-01". Written by hand: the result must not depend on the browser's locale data. */
export function formatDate(iso, lang = "fr") {
  const [year, month, day] = iso.split("-").map(Number);
  const first = lang === "fr" && day === 1 ? "1er" : String(day);
  return `${first} ${MONTHS[lang][month - 1]} ${year}`;
}

/** A `<time>` element: machine-readable date, human text. */
export function time(iso, lang = "fr") {
  return h("time", { datetime: iso }, formatDate(iso, lang));
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * Why the engine did not start: "blocked" when WebAssembly may not run here
 * (a CSP without 'wasm-unsafe-eval', or a browser without it), else
 * "missing" (the .wasm file could not be fetched).
 */
export function engineFailure(error) {
  const blocked =
    typeof WebAssembly !== "object" || error instanceof WebAssembly.CompileError || /Content Security Policy|unsafe-eval/i.test(String(error?.message));
  return blocked ? "blocked" : "missing";
}

/** "fr" unless the nearest `lang` (on the element or an ancestor) is English. */
export function languageOf(el) {
  const lang = el.closest("[lang]")?.getAttribute("lang") ?? "";
  return lang.toLowerCase().startsWith("en") ? "en" : "fr";
}

/** Picks the text of a `{ fr, en }` pair. */
export function say(pair, lang) {
  return pair[lang] ?? pair.fr;
}

// Stages, from worst to best, as the engine orders them (src/report/mod.rs).
export const STAGES = {
  blocked: { icon: "cross", tone: "danger", fr: "Diplôme compromis", en: "Diploma compromised" },
  atRisk: { icon: "warning", tone: "warning", fr: "En retard", en: "At risk" },
  notStarted: { icon: "empty", tone: "neutral", fr: "Pas commencé", en: "Not started" },
  inProgress: { icon: "clock", tone: "info", fr: "En cours", en: "In progress" },
  readyToDefend: { icon: "flag", tone: "success", fr: "Prêt pour la soutenance", en: "Ready to defend" },
  complete: { icon: "check", tone: "success", fr: "Conditions remplies", en: "Conditions met" },
};
export const STAGE_ORDER = Object.keys(STAGES);

export const MODALITIES = {
  presentiel: { fr: "Présentiel", en: "In person" },
  elearning: { fr: "E-learning", en: "E-learning" },
  equipe: { fr: "En équipe", en: "Team work" },
};

export const DAY_STATUSES = {
  present: { icon: "check", tone: "success", fr: "présent·e", en: "present" },
  excused: { icon: "excused", tone: "info", fr: "absence justifiée (heures excusées)", en: "justified absence (hours excused)" },
  unjustifiedAbsence: { icon: "cross", tone: "danger", fr: "absence non justifiée", en: "unjustified absence" },
  notRecorded: { icon: "question", tone: "warning", fr: "non renseigné", en: "not recorded" },
  upcoming: { icon: "clock", tone: "neutral", fr: "à venir", en: "upcoming" },
};

export const TRACEUR_STATUSES = {
  missing: { icon: "empty", tone: "warning", fr: "manquant", en: "missing" },
  deposited: { icon: "clock", tone: "info", fr: "déposé, en attente de vérification", en: "deposited, awaiting review" },
  toRevise: { icon: "pen", tone: "warning", fr: "à reprendre", en: "to revise" },
  validated: { icon: "check", tone: "success", fr: "validé", en: "validated" },
};

export const MEMOIRE_STATUSES = {
  notStarted: { icon: "empty", tone: "neutral", fr: "pas commencé", en: "not started" },
  inProgress: { icon: "pen", tone: "info", fr: "en cours de rédaction", en: "being written" },
  submitted: { icon: "check", tone: "success", fr: "déposé", en: "submitted" },
};

export const SOUTENANCE_STATUSES = {
  notScheduled: { icon: "empty", tone: "neutral", fr: "pas encore programmée", en: "not scheduled yet" },
  scheduled: { icon: "clock", tone: "info", fr: "programmée", en: "scheduled" },
  passed: { icon: "check", tone: "success", fr: "réussie", en: "passed" },
  failed: { icon: "cross", tone: "danger", fr: "non validée", en: "failed" },
};

/** `{ icon, tone, text }` for `badge`, from one of the tables above. */
export function state(table, key, lang) {
  const entry = table[key];
  return { icon: entry.icon, tone: entry.tone, text: say(entry, lang) };
}
