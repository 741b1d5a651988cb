// CSV in and out for the promotion page. Reading: RFC 4180 quoting, ";" or ","
// (whichever the header uses: French spreadsheets write ";"), one row per
// record, the layout documented on the promotion page (promotion.html, « Formats de fichier acceptés »). Writing: ";" with a BOM, so
// that a French spreadsheet opens it as UTF-8, and text cells that a
// spreadsheet would take for a formula are defused.

/** The rows of a CSV text, each an array of cells. */
export function parseCsv(text) {
  const body = text.replace(/^\uFEFF/, "");
  const header = body.slice(0, body.search(/\r?\n|$/));
  const sep = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

// Each kind of row, and how its cells become part of a learner record.
const RECORDS = {
  attendance: (c) => ({ attendance: { session: c.id, date: c.date, status: c.status, ...(c.justification && { justification: c.justification }) } }),
  activity: (c, line) => ({
    activities: {
      ...(c.id && { id: c.id }),
      ...(c.title && { title: c.title }),
      modality: c.modality,
      ...(c.module && { module: c.module }),
      date: c.date,
      minutes: wholeMinutes(c.minutes, line),
    },
  }),
  traceur: (c) => ({ traceurs: { id: c.id, status: c.status, date: c.date } }),
  chosenModule: (c) => ({ chosenModules: c.id }),
  memoire: (c) => ({ memoire: { status: c.status, ...(c.date && { date: c.date }) } }),
  soutenance: (c) => ({ soutenance: { date: c.date, status: c.status } }),
};
const LEARNER_FIELDS = ["displayName", "programme", "structureType"];

function wholeMinutes(text, line) {
  if (!/^\d+$/.test(text ?? "")) throw new Error(`ligne ${line} : « ${text ?? ""} » n'est pas un nombre entier de minutes`);
  return Number(text);
}

/**
 * Learner records from CSV rows (header first), in the order learners first
 * appear; each with the range of lines it came from, for error messages.
 * Throws an Error naming the line when a row cannot be read.
 */
export function learnersFromCsv(rows) {
  const [header, ...body] = rows;
  const columns = header.map((h) => h.trim());
  if (!columns.includes("learnerId")) throw new Error("ligne 1 : la colonne « learnerId » manque (voir le format CSV)");
  const learners = new Map();
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === "")) return;
    const c = Object.fromEntries(columns.map((name, k) => [name, cells[k]?.trim() ?? ""]));
    if (!c.learnerId) throw new Error(`ligne ${line} : learnerId est vide`);
    let entry = learners.get(c.learnerId);
    if (!entry) learners.set(c.learnerId, (entry = { record: { learnerId: c.learnerId }, lines: [line, line] }));
    entry.lines[1] = line;
    for (const field of LEARNER_FIELDS) if (c[field]) entry.record[field] = c[field];
    if (!c.record) return;
    const build = RECORDS[c.record];
    if (!build) throw new Error(`ligne ${line} : type d'enregistrement « ${c.record} » inconnu (attendu : ${Object.keys(RECORDS).join(", ")})`);
    for (const [field, value] of Object.entries(build(c, line))) {
      if (field === "memoire" || field === "soutenance") entry.record[field] = value;
      else (entry.record[field] ??= []).push(value);
    }
  });
  return [...learners.values()];
}

/** A CSV text from rows of cells (strings or numbers). */
export function toCsv(rows) {
  const cell = (value) => {
    let text = String(value ?? "");
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}
