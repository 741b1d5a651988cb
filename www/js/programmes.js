// The programme page: the definitions embedded in the engine, resolved (a
// regional promotion with what it inherits), and the check of a regional
// definition file, with each problem's JSON path.
import {
  startPage,
  h,
  append,
  badge,
  time,
  formatMinutes,
  parseJson,
  announce,
  showError,
  clearError,
  problemList,
  labels,
  MENTIONS,
  STRUCTURE_TYPES,
  TRAININGS,
} from "./common.js";

/** @type {(id: string) => any} The element with this id, of the kind the page's HTML gives it. */
const $ = (id) => document.getElementById(id);
const view = $("definition");
/** @type {import("./common.js").Engine} */
let api;

const yesNo = (value) => (value ? "oui" : "non");
const dl = (pairs) =>
  h(
    "dl",
    { class: "pairs" },
    pairs.filter(([, value]) => value !== undefined && value !== null && value !== false).map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
  );
const table = (caption, headers, rows) =>
  h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      {},
      h("caption", { class: "sr-only" }, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          headers.map((text) => h("th", { scope: "col", class: text.num ? "num" : undefined }, text.text ?? text)),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
const num = (text) => ({ text, num: true });

function hoursSection(d) {
  const mandatoryMinutes = (d.sessions ?? [])
    .filter((s) => s.mandatory !== false)
    .flatMap((s) => s.days)
    .reduce((sum, day) => sum + day.minutes, 0);
  const required = d.requiredMinutes ?? {};
  const rows = Object.entries(labels().modalities).map(([modality, label]) => {
    const minutes = required[modality];
    const note =
      minutes !== undefined
        ? formatMinutes(minutes)
        : modality === "presentiel"
          ? `${formatMinutes(mandatoryMinutes)} (les séminaires obligatoires du calendrier)`
          : "pas d'exigence en heures";
    return h("tr", {}, h("th", { scope: "row" }, label.fr), h("td", {}, note));
  });
  return [
    h("h3", {}, "Heures exigées"),
    table("Heures exigées par modalité", ["Modalité", "Heures"], rows),
    h(
      "p",
      {},
      `Séminaires obligatoires du calendrier : ${formatMinutes(mandatoryMinutes)}.`,
      d.attendance?.excusedMinutesCount
        ? " Les heures d'une absence justifiée (motif impérieux) comptent dans le présentiel exigé."
        : " Les heures d'une absence justifiée sont excusées mais ne comptent pas dans le présentiel exigé.",
    ),
  ];
}

function modulesSection(d) {
  const titles = new Map((d.modules ?? []).map((m) => [m.id, m.title]));
  const elective = new Set((d.electiveGroups ?? []).flatMap((g) => g.modules));
  return [
    h("h3", {}, "Modules"),
    h(
      "ol",
      {},
      (d.modules ?? []).map((m) =>
        h(
          "li",
          {},
          h("strong", {}, m.title),
          " ",
          h("span", { class: "muted" }, "(", h("code", {}, m.id), elective.has(m.id) ? ", au choix" : ", obligatoire", ")"),
          m.objectives?.length > 0 &&
            h(
              "ul",
              {},
              m.objectives.map((o) => h("li", {}, o)),
            ),
        ),
      ),
    ),
    (d.electiveGroups ?? []).map((g) =>
      h(
        "p",
        {},
        h("strong", {}, g.title),
        ` : au moins ${g.atLeast} module${g.atLeast > 1 ? "s" : ""} parmi `,
        g.modules.map((id) => titles.get(id) ?? id).join(", "),
        ".",
      ),
    ),
  ];
}

function sessionsSection(d) {
  const sessions = d.sessions ?? [];
  if (sessions.length === 0) return [h("h3", {}, "Séminaires"), h("p", {}, "Pas de calendrier : il est fixé par chaque promotion régionale.")];
  const rows = sessions.map((s) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, s.title, h("span", { class: "muted small" }, h("br"), s.id)),
      h("td", {}, s.mandatory === false ? "non" : "oui"),
      h(
        "td",
        {},
        h(
          "ul",
          { class: "plain" },
          s.days.map((day) => h("li", {}, time(day.date), ` — ${formatMinutes(day.minutes)}`)),
        ),
      ),
      h("td", { class: "num" }, formatMinutes(s.days.reduce((sum, day) => sum + day.minutes, 0))),
    ),
  );
  return [h("h3", {}, "Séminaires"), table("Calendrier des séminaires en présentiel", ["Séminaire", "Obligatoire", "Journées", num("Durée")], rows)];
}

function traceursSection(d) {
  const titles = new Map((d.modules ?? []).map((m) => [m.id, m.title]));
  const rows = (d.traceurs ?? []).map((t) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, t.title, h("span", { class: "muted small" }, h("br"), t.id)),
      h("td", {}, t.module ? (titles.get(t.module) ?? t.module) : "—"),
      h("td", {}, t.mandatory === false ? "non" : "oui"),
      h("td", {}, t.counts === "deposited" ? "le dépôt suffit" : "validé par le formateur relais"),
      h("td", {}, t.dueDate ? time(t.dueDate) : "—"),
    ),
  );
  return [
    h("h3", {}, "Documents traceurs"),
    rows.length
      ? table("Documents traceurs à déposer sur la plateforme", ["Document", "Module", "Exigé", "Compte quand", "Échéance"], rows)
      : h("p", {}, "Aucun."),
  ];
}

function memoireSection(d) {
  const m = d.memoire ?? {};
  const s = d.soutenance ?? {};
  return [
    h("h3", {}, "Mémoire et soutenance"),
    dl([
      ["Mémoire exigé", yesNo(m.required !== false)],
      ["Dépôt du mémoire", m.dueDate ? ["au plus tard le ", time(m.dueDate)] : "pas de date limite fixée"],
      ["Soutenance exigée", yesNo(s.required !== false)],
      ["Date de la soutenance", s.date ? time(s.date) : "à fixer"],
      ["Durée de la soutenance", s.durationMinutes !== undefined && formatMinutes(s.durationMinutes)],
    ]),
  ];
}

function candidatureSection(d) {
  const c = d.candidature;
  if (!c) return [h("h3", {}, "Candidature"), h("p", {}, "Pas de règles de candidature.")];
  const pieces = (list) =>
    list?.length
      ? h(
          "ul",
          { class: "plain" },
          list.map((p) => h("li", {}, p.title)),
        )
      : "aucune";
  return [
    h("h3", {}, "Candidature"),
    dl([
      ["Équipes admises", c.structureTypes.map((s) => STRUCTURE_TYPES[s] ?? s).join(", ")],
      ["Dérogation (coordinateur en cours de recrutement)", yesNo(c.derogationForRecruitment)],
      ["Candidats par équipe", c.candidatesPerTeam && `de ${c.candidatesPerTeam.min} à ${c.candidatesPerTeam.max}`],
      ["Date limite du dossier complet", c.dueDate ? time(c.dueDate) : "aucune"],
      ["Pièces de chaque candidat", pieces(c.candidatePieces)],
      ["Pièces de l'équipe", pieces(c.teamPieces)],
      [
        "Questions à l'équipe",
        c.questions?.length
          ? h(
              "ul",
              { class: "plain" },
              c.questions.map((q) => h("li", {}, q.text)),
            )
          : "aucune",
      ],
      ["Formation initiale souhaitée (jamais exigée)", c.desirableTrainings?.length ? c.desirableTrainings.map((t) => TRAININGS[t] ?? t).join(", ") : "aucune"],
    ]),
  ];
}

/** A resolved programme, section by section. */
function renderResolved(resolved, origin) {
  const d = resolved.definition;
  view.replaceChildren();
  append(view, [
    h("h2", { id: "definition-title", tabindex: "-1" }, d.title),
    h("p", { class: "muted" }, origin),
    dl([
      ["Identifiant", h("code", {}, d.id)],
      ["Version", d.version],
      ["Mention", MENTIONS[d.mention] ?? d.mention],
      ["Hérite de", resolved.lineage.length > 1 && resolved.lineage.slice(1).join(" → ")],
      [
        "Promotion",
        d.promotion && [d.promotion.region ? `${d.promotion.region}, ` : "", "du ", time(d.promotion.startDate), " au ", time(d.promotion.endDate)],
      ],
      ["Alerte « en retard »", d.atRiskWithinDays !== undefined && `une échéance à ${d.atRiskWithinDays} jours ou moins, ou passée`],
      ["Empreinte des règles", h("code", {}, resolved.hash)],
    ]),
    hoursSection(d),
    modulesSection(d),
    sessionsSection(d),
    traceursSection(d),
    memoireSection(d),
    candidatureSection(d),
    h("h3", {}, "Choix par défaut, à adapter par la région"),
    d.defaults?.length
      ? h(
          "ul",
          {},
          d.defaults.map((n) => h("li", {}, h("code", {}, n.path), " : ", n.note)),
        )
      : h("p", {}, "Aucun : tout vient des sources."),
    h("h3", {}, "Sources"),
    d.sources?.length
      ? h(
          "ul",
          {},
          d.sources.map((s) => h("li", {}, s)),
        )
      : h("p", {}, "Non indiquées."),
  ]);
  view.hidden = false;
  view.setAttribute("aria-labelledby", "definition-title");
}

function showEmbedded(id, opener) {
  const programme = api.loadProgramme(id);
  try {
    renderResolved(programme.details(), "Programme intégré au moteur.");
  } finally {
    programme.free();
  }
  for (const button of $("embedded").querySelectorAll("button")) button.setAttribute("aria-pressed", String(button === opener));
  $("definition-title").focus();
  announce(`Programme affiché : ${id}.`);
}

/** Checks each chosen file, the others given as definitions it may extend. */
async function checkFiles() {
  const input = $("definition-file");
  const files = await Promise.all([...input.files].map((file) => file.text().then((text) => ({ name: file.name, text }))));
  if (files.length === 0) return;
  let parsed;
  try {
    parsed = files.map((f) => ({ ...f, definition: parseJson(f.text, f.name) }));
  } catch (error) {
    showError(error.message);
    return;
  }
  clearError();
  const results = parsed.map((file) => ({
    file,
    answer: api.checkProgramme(
      file.definition,
      parsed.filter((o) => o !== file).map((o) => o.definition),
    ),
  }));
  $("checks").replaceChildren(
    ...results.map(({ file, answer }) =>
      h(
        "article",
        { class: "check" },
        h("h3", {}, file.name),
        answer.kind === "success"
          ? [
              badge({ icon: "check", tone: "success", text: "Définition valide" }, { class: "verdict" }),
              h(
                "p",
                {},
                `« ${answer.value.definition.title} », version ${answer.value.definition.version}. `,
                h(
                  "button",
                  {
                    type: "button",
                    class: "secondary",
                    onclick: () => {
                      renderResolved(answer.value, `Définition lue dans « ${file.name} », avec ce qu'elle hérite.`);
                      $("definition-title").focus();
                    },
                  },
                  "Voir le programme résolu",
                ),
              ),
            ]
          : [
              badge(
                { icon: "cross", tone: "danger", text: `${answer.problems.length} problème${answer.problems.length > 1 ? "s" : ""} : définition refusée` },
                { class: "verdict" },
              ),
              problemList(answer.problems),
            ],
      ),
    ),
  );
  const valid = results.filter((r) => r.answer.kind === "success");
  if (results.length === 1 && valid.length === 1) renderResolved(valid[0].answer.value, `Définition lue dans « ${files[0].name} », avec ce qu'elle hérite.`);
  else view.hidden = true;
  announce(results.map(({ file, answer }) => `${file.name} : ${answer.kind === "success" ? "valide" : `${answer.problems.length} problème(s)`}`).join(" ; "));
}

startPage((engine) => {
  api = engine;
  $("embedded").tBodies[0].replaceChildren(
    ...api
      .programmes()
      .map((p) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, p.title),
          h("td", {}, h("code", {}, p.id)),
          h("td", {}, p.version),
          h("td", {}, MENTIONS[p.mention] ?? p.mention),
          h("td", {}, p.extends ? h("code", {}, p.extends) : "—"),
          h(
            "td",
            {},
            h(
              "button",
              { type: "button", class: "secondary", "aria-pressed": "false", onclick: (e) => showEmbedded(p.id, e.currentTarget) },
              "Afficher",
              h("span", { class: "sr-only" }, ` : ${p.id}`),
            ),
          ),
        ),
      ),
  );
  $("check-form").addEventListener("submit", (e) => e.preventDefault());
  $("definition-file").addEventListener("change", checkFiles);
});
