import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";

export function toCsv(table: string[][]): string {
  // A BOM and semicolons: what a French spreadsheet opens correctly by a double click.
  return `\uFEFF${Papa.unparse(table, { delimiter: ";" })}\r\n`;
}

export async function toXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRows(table);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
