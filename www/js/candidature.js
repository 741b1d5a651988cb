// The candidature page, for ARS selection committees: an application file
// (one team and its candidates) filled in the form or read from disk, checked
// against the chosen programme's candidature rules at each change.
import {
  startPage,
  h,
  append,
  badge,
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
  download,
  STRUCTURE_TYPES,
  TRAININGS,
} from "./common.js";

/** @type {(id: string) => any} The element with this id, of the kind the page's HTML gives it. */
const $ = (id) => document.getElementById(id);
const form = $("candidature");
const programme = $("programme");
const asOf = $("as-of");
const fields = $("fields");
/** @type {import("./common.js").Engine} */
let api;
let rules = null;
/** The programme the file itself names (`file.programme`), kept as it was read: the engine checks it. */
let addressedTo;

const lines = (text) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const checkboxes = (name, pieces, chosen = []) =>
  h(
    "div",
    { class: "inline-options" },
    pieces.map((p) => h("label", {}, h("input", { type: "checkbox", name, value: p.id, checked: chosen.includes(p.id) }), " ", p.title)),
  );
const options = (labels, chosen, empty) => [
  empty && h("option", { value: "" }, empty),
  Object.entries(labels).map(([value, text]) => h("option", { value, selected: value === chosen }, text)),
];

const IN_TEAM = { true: "Oui", false: "Non" };

let candidateIds = 0;
function candidateFieldset(candidate = {}) {
  const id = `c${++candidateIds}`;
  const fieldset = h(
    "fieldset",
    { class: "candidate" },
    h("legend", {}, "Candidat·e"),
    h(
      "div",
      { class: "field" },
      h("label", { for: `${id}-name` }, "Nom"),
      h("input", { type: "text", id: `${id}-name`, name: "name", value: candidate.name ?? "", autocomplete: "off" }),
    ),
    h("p", { class: "field" }, h("span", { class: "label" }, "Pièces fournies"), checkboxes("pieces", rules.candidatePieces ?? [], candidate.pieces)),
    h(
      "div",
      { class: "field" },
      h("label", { for: `${id}-in-team` }, "Déjà en poste dans l'équipe"),
      // Never presumed: the prerequisite is said, or the file is incomplete.
      h("select", { id: `${id}-in-team`, name: "inTeam" }, options(IN_TEAM, candidate.inTeam === undefined ? "" : String(candidate.inTeam), "À renseigner")),
    ),
    h(
      "div",
      { class: "inline-options" },
      h(
        "label",
        {},
        h("input", { type: "checkbox", name: "derogationRequested", checked: candidate.derogationRequested === true }),
        " En cours de recrutement, demande une dérogation",
      ),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: `${id}-training` }, "Formation initiale"),
      h("select", { id: `${id}-training`, name: "initialTraining" }, options(TRAININGS, candidate.initialTraining, "Non précisée")),
    ),
    h(
      "p",
      {},
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            fieldset.remove();
            numberCandidates();
            check();
          },
        },
        "Retirer ce candidat",
      ),
    ),
  );
  return fieldset;
}

/** Legends say "Candidat·e n° 2 : name", so that each group is told apart. */
function numberCandidates() {
  form.querySelectorAll("fieldset.candidate").forEach((fieldset, i) => {
    const name = /** @type {HTMLInputElement} */ (fieldset.querySelector("[name=name]")).value.trim();
    fieldset.querySelector("legend").textContent = `Candidat·e n° ${i + 1}${name ? ` : ${name}` : ""}`;
  });
}

/** The form for the programme's rules, filled with `file`. */
function fillForm(file) {
  const team = file.team ?? {};
  const field = (id, label, input) => h("div", { class: "field" }, h("label", { for: id }, label), input);
  fields.replaceChildren(
    h(
      "fieldset",
      {},
      h("legend", {}, "Équipe"),
      h(
        "div",
        { class: "grid" },
        field("team-name", "Nom de l'équipe", h("input", { type: "text", id: "team-name", value: team.name ?? "", autocomplete: "organization" })),
        field(
          "structure",
          "Type de structure",
          h("select", { id: "structure" }, options(STRUCTURE_TYPES, team.structureType, "Pas encore d'équipe constituée")),
        ),
        field(
          "submitted-on",
          ["Envoyé le ", h("span", { class: "hint" }, "(vide : dossier en cours)")],
          h("input", { type: "date", id: "submitted-on", value: file.submittedOn ?? "" }),
        ),
      ),
      h("p", { class: "field" }, h("span", { class: "label" }, "Pièces de l'équipe fournies"), checkboxes("team-pieces", rules.teamPieces ?? [], team.pieces)),
      rules.boardLetterPiece &&
        h(
          "div",
          { class: "grid" },
          field(
            "board-members",
            ["Membres du CA/bureau ", h("span", { class: "hint" }, "(un par ligne)")],
            h("textarea", { id: "board-members", rows: 4, value: (team.board?.members ?? []).join("\n") }),
          ),
          field(
            "board-signed",
            ["Signataires de la lettre d'engagement ", h("span", { class: "hint" }, "(un par ligne)")],
            h("textarea", { id: "board-signed", rows: 4, value: (team.board?.signedBy ?? []).join("\n") }),
          ),
        ),
      (rules.questions ?? []).map((q) =>
        field(`answer-${q.id}`, q.text, h("textarea", { id: `answer-${q.id}`, "data-question": q.id, rows: 3, value: team.answers?.[q.id] ?? "" })),
      ),
    ),
    h("div", { id: "candidates" }, (file.candidates ?? []).map(candidateFieldset)),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: addCandidate }, "Ajouter un candidat"),
      h("button", { type: "button", class: "secondary", onclick: save }, "Enregistrer ce dossier (JSON)"),
    ),
  );
  numberCandidates();
}

function addCandidate() {
  const fieldset = candidateFieldset();
  $("candidates").append(fieldset);
  numberCandidates();
  fieldset.querySelector("input").focus();
  check();
}

/** The application file the form holds, as the engine reads it. */
function readForm() {
  const checked = (root, name) => [...root.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
  const members = rules.boardLetterPiece ? lines($("board-members").value) : [];
  const signedBy = rules.boardLetterPiece ? lines($("board-signed").value) : [];
  const answers = Object.fromEntries(
    [.../** @type {NodeListOf<HTMLTextAreaElement>} */ (fields.querySelectorAll("[data-question]"))]
      .filter((t) => t.value.trim())
      .map((t) => [t.dataset.question, t.value.trim()]),
  );
  return {
    ...(addressedTo && { programme: addressedTo }),
    ...($("submitted-on").value && { submittedOn: $("submitted-on").value }),
    team: {
      name: $("team-name").value.trim(),
      ...($("structure").value && { structureType: $("structure").value }),
      pieces: checked(fields, "team-pieces"),
      ...(members.length > 0 && { board: { members, signedBy } }),
      ...(Object.keys(answers).length > 0 && { answers }),
    },
    candidates: [...form.querySelectorAll("fieldset.candidate")].map((fieldset) => {
      /** @type {(name: string) => HTMLInputElement} */
      const value = (name) => fieldset.querySelector(`[name=${name}]`);
      return {
        name: value("name").value.trim(),
        pieces: checked(fieldset, "pieces"),
        ...(value("inTeam").value && { inTeam: value("inTeam").value === "true" }),
        ...(value("derogationRequested").checked && { derogationRequested: true }),
        ...(value("initialTraining").value && { initialTraining: value("initialTraining").value }),
      };
    }),
  };
}

const VERDICTS = {
  eligible: { icon: "check", tone: "success", text: "Recevable" },
  incomplete: { icon: "clock", tone: "warning", text: "Incomplet" },
  ineligible: { icon: "cross", tone: "danger", text: "Non recevable" },
};

/** Who a finding is about, in words, from its JSON path: « Candidat·e n° 2 (Loïc Prigent) », « Équipe ». */
function subjectOf(path, file) {
  const candidate = /^\/candidates\/(\d+)/.exec(path ?? "");
  if (candidate) {
    const n = Number(candidate[1]);
    const name = file.candidates[n]?.name;
    return name ? name : `Candidat·e n° ${n + 1}`;
  }
  return path?.startsWith("/team") || path === "/submittedOn" ? "Équipe" : "";
}

/** The field a path names, in words, for a committee (the JSON path is for developers, listed apart). */
function fieldOf(path) {
  const rules_ = rules ?? {};
  const question = /^\/team\/answers\/(.+)$/.exec(path ?? "");
  if (question) return `réponse à « ${(rules_.questions ?? []).find((q) => q.id === question[1])?.text ?? question[1]} »`;
  if (/^\/candidates\/\d+\/pieces/.test(path)) return "pièces du candidat";
  if (path === "/team/pieces") return "pièces de l'équipe";
  if (path?.startsWith("/team/board")) return "CA/bureau et signataires de la lettre d'engagement";
  if (path === "/team/structureType") return "type de structure";
  if (path === "/submittedOn") return "date d'envoi";
  if (path === "/candidates") return "candidats de l'équipe";
  return "";
}

/**
 * A finding's words. The engine writes a candidate's name first; for a
 * candidate without one the page names them by their number, so that no line
 * starts with « : » or a bare verb.
 */
function findingText(f, file) {
  const text = f.message.fr;
  if (!/^\/candidates\/\d+/.test(f.path ?? "") || !/^[\s:]/.test(text)) return text;
  const rest = text.trimStart();
  return `${subjectOf(f.path, file)}${rest.startsWith(":") ? " " : " "}${rest}`;
}

/** Missing pieces grouped by who lacks them, each named as the programme names it: « Candidat·e n° 2 : lettre de motivation, curriculum vitae ». */
function missingList(missing, file) {
  const titles = new Map([...(rules.candidatePieces ?? []), ...(rules.teamPieces ?? [])].map((p) => [p.id, p.title]));
  const questions = new Map((rules.questions ?? []).map((q) => [q.id, q.text]));
  const byWho = new Map();
  for (const m of missing) {
    const who = subjectOf(m.path, file) || "Dossier";
    const what =
      m.piece === "inTeam"
        ? "dire si la personne est déjà en poste dans l'équipe"
        : questions.has(m.piece)
          ? `réponse à « ${questions.get(m.piece)} »`
          : (titles.get(m.piece) ?? findingText(m, file));
    byWho.set(who, [...(byWho.get(who) ?? []), what]);
  }
  return h(
    "ul",
    {},
    [...byWho].map(([who, what]) => h("li", {}, h("strong", {}, `${who} : `), what.join(" ; "))),
  );
}

const findings = (title, list, empty, file) => [
  h("h3", {}, title),
  list.length === 0
    ? h("p", {}, empty)
    : h(
        "ul",
        {},
        list.map((f) => h("li", {}, findingText(f, file), fieldOf(f.path) && h("span", { class: "muted" }, ` (${fieldOf(f.path)})`))),
      ),
];

/** The JSON paths of the findings, for developers: apart, folded. */
function pathsFor(report) {
  const all = [
    ...(report.verdict.kind === "ineligible" ? report.verdict.reasons : []),
    ...(report.verdict.kind !== "eligible" ? report.verdict.missing : []),
    ...report.advisories,
  ].filter((f) => f.path);
  return (
    all.length > 0 &&
    h(
      "details",
      { class: "paths" },
      h("summary", {}, "Emplacements dans le fichier JSON (pour les développeurs)"),
      h(
        "ul",
        { class: "small" },
        all.map((f) => h("li", {}, h("code", {}, f.path), " ", h("span", { class: "muted" }, "(", h("code", { lang: "en" }, f.code ?? f.piece), ")"))),
      ),
    )
  );
}

/** A file with nothing filled in yet: no team, no piece, no candidate's name, no answer. */
function isEmpty(file) {
  const t = file.team;
  return (
    !t.name &&
    !t.structureType &&
    t.pieces.length === 0 &&
    !t.board &&
    !t.answers &&
    !file.submittedOn &&
    file.candidates.every((c) => !c.name && c.pieces.length === 0 && !c.initialTraining && !c.derogationRequested && c.inTeam === undefined)
  );
}

function renderEmpty() {
  $("result").replaceChildren(
    h("h2", { id: "result-title" }, "Verdict"),
    h(
      "p",
      {},
      "Le dossier est vide. Renseignez le nom de l'équipe, son type de structure et les pièces qu'elle a fournies, puis chaque candidat·e et ses pièces :",
    ),
    h(
      "p",
      {},
      "le verdict (recevable, incomplet ou non recevable) s'affiche ici à mesure que vous remplissez le dossier, avec chaque raison. Vous pouvez aussi ouvrir un dossier enregistré (fichier JSON).",
    ),
  );
  $("result").hidden = false;
}

function render(report, file) {
  const verdict = VERDICTS[report.verdict.kind];
  $("result").replaceChildren();
  append($("result"), [
    h("h2", { id: "result-title" }, `Dossier de l'équipe ${report.team || "sans nom"}`),
    badge(verdict, { class: "verdict" }),
    h(
      "p",
      {},
      report.verdict.kind === "eligible"
        ? "Le dossier remplit les conditions de recevabilité ; le comité examine les remarques ci-dessous."
        : report.verdict.kind === "incomplete"
          ? [
              "Le dossier peut être ouvert ; les pièces manquantes sont attendues",
              report.verdict.dueDate ? [" avant le ", time(report.verdict.dueDate)] : "",
              ".",
            ]
          : "Le dossier ne peut pas être retenu, pour les raisons ci-dessous.",
    ),
    report.verdict.kind === "ineligible" && findings("Raisons", report.verdict.reasons, "", file),
    report.verdict.kind !== "eligible" && [
      h("h3", {}, "Pièces manquantes"),
      report.verdict.missing.length === 0 ? h("p", {}, "Aucune.") : missingList(report.verdict.missing, file),
    ],
    findings("Remarques pour le comité", report.advisories, "Aucune.", file),
    // Recevable is not admitted: the selection steps that follow, as the programme states them.
    report.nextSteps.length > 0 && [
      h("h3", {}, "Étapes suivantes"),
      h(
        "ol",
        {},
        report.nextSteps.map((step) => h("li", {}, step)),
      ),
    ],
    h(
      "p",
      { class: "muted small" },
      `Examiné au ${time(report.asOf).textContent} selon ${report.programme.title} (${report.programme.id}, version ${report.programme.version}) ; moteur ${report.engine.name} ${report.engine.version}.`,
    ),
    pathsFor(report),
  ]);
  $("result").hidden = false;
}

/** What the status region last said: it speaks again only when the verdict changes, not at each keystroke. */
let said = "";

function check() {
  numberCandidates();
  let handle;
  try {
    const file = readForm();
    if (isEmpty(file)) {
      clearError();
      renderEmpty();
      said = "";
      return;
    }
    handle = api.loadProgramme(programme.value);
    const report = handle.checkCandidature(file, asOf.value || today());
    clearError();
    render(report, file);
    const verdict = `Verdict : ${VERDICTS[report.verdict.kind].text}.`;
    if (verdict !== said) announce((said = verdict));
  } catch (error) {
    $("result").hidden = true;
    showError("Ce dossier ne peut pas être examiné :", problemList(errorProblems(error)));
  } finally {
    handle?.free();
  }
}

/** A date inside the candidature window: the date given, or the deadline when it has passed. */
function insideWindow(date) {
  const handle = api.loadProgramme(programme.value);
  const due = handle.details().definition.candidature?.dueDate;
  handle.free();
  return due && date > due ? due : date;
}

function useProgramme(id) {
  const handle = api.loadProgramme(id);
  rules = handle.details().definition.candidature ?? {};
  handle.free();
}

/** A file read from disk: `{ programme, asOf, file }` (as the examples are), or the application file alone. */
function open({ name, text }) {
  const data = parseJson(text, name);
  const file = data.file ?? data;
  if (!file.team || !Array.isArray(file.candidates)) throw new Error(`« ${name} » n'est pas un dossier de candidature (il faut « team » et « candidates »).`);
  const id = data.file ? data.programme : file.programme;
  if (id && [...programme.options].some((o) => o.value === id)) programme.value = id;
  if (data.asOf) asOf.value = data.asOf;
  addressedTo = file.programme;
  useProgramme(programme.value);
  fillForm(file);
  check();
}

function save() {
  download(
    `candidature-${readForm().team.name || "equipe"}.json`.replace(/[^\p{L}\p{N}.-]+/gu, "-"),
    `${JSON.stringify({ programme: programme.value, asOf: asOf.value, file: readForm() }, null, 2)}\n`,
    "application/json",
  );
}

startPage((engine) => {
  api = engine;
  // Only programmes with candidature rules can check a file.
  programmeOptions(programme, api, (p) => {
    const handle = api.loadProgramme(p.id);
    const has = Boolean(handle.details().definition.candidature);
    handle.free();
    return has;
  });
  programme.value = "bretagne-cpts-2021";
  asOf.value = insideWindow(today());
  useProgramme(programme.value);
  fillForm({ team: { name: "" }, candidates: [{}] });
  check();
  programme.addEventListener("change", () => {
    const file = readForm();
    asOf.value = insideWindow(today());
    useProgramme(programme.value);
    fillForm(file);
    check();
  });
  form.addEventListener("input", (e) => /** @type {HTMLInputElement} */ (e.target).type !== "file" && check());
  form.addEventListener("submit", (e) => e.preventDefault());
  $("file").addEventListener("change", async () => {
    try {
      const chosen = await chosenText($("file"));
      if (chosen) open(chosen);
    } catch (error) {
      showError(error.message);
    }
  });
});
