// CSV out for the promotion page: the exported table. ";" with a BOM, so that
// a French spreadsheet opens it as UTF-8, and text cells that a spreadsheet
// would take for a formula are defused. CSV in is the platform's export, read
// by the import module through its mapping (docs/import.md): one dialect.

/** A CSV text from rows of cells (strings or numbers). */
export function toCsv(rows) {
  const cell = (value) => {
    let text = String(value ?? "");
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}
