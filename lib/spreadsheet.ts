import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";

// A cell that begins with = + - @, a tab or a carriage return is a formula to a spreadsheet
// (=HYPERLINK(…) typed as a name): it is written after a quote, as OWASP advises, in CSV and
// XLSX alike. The import takes the quote off again (lib/members/import-file.ts).
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const neutralize = (table: string[][]) => table.map((row) => row.map(neutralizeCell));

export function toCsv(table: string[][]): string {
  // A BOM and semicolons: what a French spreadsheet opens correctly by a double click.
  return `\uFEFF${Papa.unparse(neutralize(table), { delimiter: ";" })}\r\n`;
}

export async function toXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRows(neutralize(table));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
