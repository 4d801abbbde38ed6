import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export class UnreadableSheetError extends Error {}

/** The cells of the first sheet of an XLSX file, or of a CSV file, as rows of strings and numbers. */
export async function readTable(content: Buffer): Promise<unknown[][]> {
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(content);
  return readCsv(content);
}

async function readXlsx(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableSheetError('not an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[rowNumber - 1] = values.map(cellText);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** Rich text, formulas and hyperlinks become their visible text. */
function cellText(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result ?? '';
  if ('text' in value) return value.text;
  return '';
}

/** Excel on Chinese Windows saves CSV as GBK; everything else sends UTF-8 (with or without a BOM). */
function decodeCsv(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(content);
  }
}

function readCsv(content: Buffer): unknown[][] {
  if (content.includes(0)) throw new UnreadableSheetError('binary content');
  try {
    return parse(decodeCsv(content), {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch {
    throw new UnreadableSheetError('not a CSV file');
  }
}
