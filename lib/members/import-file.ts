import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { normalizeHeader, type RawRow } from "@/lib/members/import-rules";
import { log } from "@/lib/log";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type ParsedFile =
  | { ok: true; rows: RawRow[]; headers: string[] }
  | { ok: false; error: "fileEmpty" | "fileTooLarge" | "fileUnreadable" | "fileType" | "tooManyRows" };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue); // formula
    return "";
  }
  return String(value);
}

// The quote an export put before a cell a spreadsheet would take for a formula.
function restoreCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function toRows(table: string[][]): ParsedFile {
  const [header, ...body] = table;
  if (!header || header.every((h) => !h.trim())) return { ok: false, error: "fileEmpty" };
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, error: "tooManyRows" };
  const keys = header.map(normalizeHeader);
  const rows: RawRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => !c?.trim())) return;
    const record: Record<string, string> = {};
    keys.forEach((key, i) => {
      if (key) record[key] = restoreCell(cells[i] ?? "");
    });
    rows.push({ line: index + 2, cells: record }); // line numbers as the spreadsheet shows them
  });
  return { ok: true, rows, headers: keys };
}

// The cooperative's spreadsheet, CSV (any delimiter, with or without BOM) or XLSX (first sheet).
export async function parseSpreadsheet(file: File): Promise<ParsedFile> {
  if (file.size === 0) return { ok: false, error: "fileEmpty" };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: "fileTooLarge" };
  const name = file.name.toLowerCase();
  try {
    if (name.endsWith(".xlsx")) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await file.arrayBuffer());
      const sheet = workbook.worksheets[0];
      if (!sheet) return { ok: false, error: "fileEmpty" };
      const table: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        const cells: string[] = [];
        for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
        table[rowNumber - 1] = cells;
      });
      return toRows(Array.from(table, (r) => r ?? []));
    }
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      const text = (await file.text()).replace(/^\uFEFF/, "");
      // The delimiter is the header line's (Papa's own guess falls back to a comma on a short
      // file ending with an empty line, and reads « Nom;Thèmes » as one column).
      const header = text.split(/\r?\n/, 1)[0] ?? "";
      const counts = [";", ",", "\t", "|"].map((d) => [d, header.split(d).length - 1] as const);
      const [delimiter, found] = counts.reduce((best, c) => (c[1] > best[1] ? c : best));
      const parsed = Papa.parse<string[]>(text, {
        skipEmptyLines: false,
        ...(found > 0 ? { delimiter } : {}),
      });
      return toRows(parsed.data.map((r) => r.map((c) => String(c ?? "").trim())));
    }
    return { ok: false, error: "fileType" };
  } catch (error) {
    log.warn({ err: error }, "spreadsheet not readable");
    return { ok: false, error: "fileUnreadable" };
  }
}
