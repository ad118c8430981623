/** Reading generated workbooks back in tests, the way a user opening the file would see them. */
import ExcelJS from 'exceljs';

/** Every sheet of an XLSX file by name: its rows top to bottom, each row's cell values from column A. */
export async function readSheets(path: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    // row.values is 1-based: index 0 is always empty.
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(ws.name, rows);
  });
  return sheets;
}
