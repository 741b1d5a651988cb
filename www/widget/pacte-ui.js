// The words, numbers and icons that the <pacte-progress> widget and the pages
// share, so that a stage or a duration reads the same everywhere. Shipped
// beside the widget (pkg/widget/pacte-ui.js). The words of stages and statuses,
// durations and dates are the engine's (`labels()`, `formatMinutes`,
// `formatDate` of the package, callable once the engine is started): this file
// adds icons, tones and the typesetting of a screen. Every text goes into the
// DOM as a text node: names and titles come from files and may contain markup.
import * as engine from "../web/pacte_rules.js";

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

/**
 * Where a figure and its unit, or a word and its French punctuation, must not
 * be parted at a line's end: "7 h", "2 h 30", "45 min", "1er août",
 * "« … »", " :". The engine writes ordinary spaces (its JSON is stored and
 * compared byte for byte); the display puts non-breaking ones (U+00A0) there.
 */
export function typeset(text) {
  return String(text)
    .replace(/(\d) (?=(h|min)\b)/g, "$1\u00a0")
    .replace(/(\d h) (?=\d)/g, "$1\u00a0")
    .replace(
      /(\b\d{1,2}|1er) (?=(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|January|February|March|April|May|June|July|August|September|October|November|December)\b)/g,
      "$1\u00a0",
    )
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ ([:;!?])(?=\s|$)/g, "\u00a0$1");
}

/** Text with ordinary spaces again, for a file (CSV) rather than a screen. */
export function plain(text) {
  return String(text).replace(/[\u00a0\u202f]/g, " ");
}

/** "84 h", "2 h 30", "45 min": the engine's words for a duration, typeset for the screen. */
export function formatMinutes(minutes) {
  return typeset(engine.formatMinutes(minutes));
}

/**
 * "1er août 2024" / "1 August 2024", from "2024-08-01": the engine's words, typeset.
 * @param {string} iso
 * @param {"fr" | "en"} [lang]
 */
export function formatDate(iso, lang = "fr") {
  return typeset(engine.formatDate(iso, lang));
}

/**
 * A `<time>` element: machine-readable date, human text.
 * @param {string} iso
 * @param {"fr" | "en"} [lang]
 */
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

/**
 * "fr" unless the nearest `lang` (on the element or an ancestor) is English.
 * @returns {"fr" | "en"}
 */
export function languageOf(el) {
  const lang = el.closest("[lang]")?.getAttribute("lang") ?? "";
  return lang.toLowerCase().startsWith("en") ? "en" : "fr";
}

/** Picks the text of a `{ fr, en }` pair. */
export function say(pair, lang) {
  return pair[lang] ?? pair.fr;
}

/** @type {import("../web/pacte_rules.js").Labels | undefined} */
let words;
/** The engine's words for every value of its reports' enums (asked once: they are the engine's). */
export function labels() {
  words ??= engine.labels();
  return words;
}

/** The stages from worst to best, in the engine's order. */
export function stageOrder() {
  return Object.keys(labels().stages);
}

// How each value looks: an icon and a tone. The words are the engine's.
const LOOKS = {
  stages: {
    blocked: { icon: "cross", tone: "danger" },
    atRisk: { icon: "warning", tone: "warning" },
    notStarted: { icon: "empty", tone: "neutral" },
    inProgress: { icon: "clock", tone: "info" },
    readyToDefend: { icon: "flag", tone: "success" },
    complete: { icon: "check", tone: "success" },
  },
  dayStatuses: {
    present: { icon: "check", tone: "success" },
    excused: { icon: "excused", tone: "info" },
    unjustifiedAbsence: { icon: "cross", tone: "danger" },
    notRecorded: { icon: "question", tone: "warning" },
    upcoming: { icon: "clock", tone: "neutral" },
  },
  traceurStatuses: {
    missing: { icon: "empty", tone: "warning" },
    deposited: { icon: "clock", tone: "info" },
    toRevise: { icon: "pen", tone: "warning" },
    validated: { icon: "check", tone: "success" },
  },
  memoireStatuses: {
    notStarted: { icon: "empty", tone: "neutral" },
    inProgress: { icon: "pen", tone: "info" },
    submitted: { icon: "check", tone: "success" },
  },
  soutenanceStatuses: {
    notScheduled: { icon: "empty", tone: "neutral" },
    scheduled: { icon: "clock", tone: "info" },
    passed: { icon: "check", tone: "success" },
    failed: { icon: "cross", tone: "danger" },
  },
  modalities: {},
};

/**
 * The engine's word for a value of one of its enums (`kind`: a key of
 * `labels()`, such as "stages" or "dayStatuses"), in `lang`.
 * @param {keyof import("../web/pacte_rules.js").Labels} kind
 * @param {string} key
 */
export function word(kind, key, lang = "fr") {
  const pair = labels()[kind][key];
  return pair ? say(pair, lang) : key;
}

/**
 * `{ icon, tone, text }` for `badge`: the look of the value, the engine's word.
 * A value this page does not know yet (a newer engine) still shows its words.
 * @param {keyof import("../web/pacte_rules.js").Labels} kind
 * @param {string} key
 */
export function state(kind, key, lang = "fr") {
  const look = LOOKS[kind]?.[key] ?? { icon: "info", tone: "neutral" };
  return { ...look, text: word(kind, key, lang) };
}
