/**
 * .xlsx bytes → the core's WorkbookGrid, with ExcelJS and nothing else: no Node imports, so the CLI
 * (./read.ts) and the in-browser playground read a file into exactly the same grid. Values are what
 * Excel shows (formula cells give their cached result, and their formula text beside it), merges
 * come from the sheet model, and hidden/protected sheets are marked so the core can leave them alone.
 */
import ExcelJS from 'exceljs';
import { parseRange } from '../../core/a1';
import type { CellValue, MergeArea, SheetGrid } from '../../core/grid';
import { type SheetState, XlsxReadError, type XlsxWorkbook } from './errors';
import { plainValue } from './value';

export { plainValue } from './value';
export {
  isoDate,
  type SheetState,
  XlsxReadError,
  type XlsxReadErrorCode,
  type XlsxWorkbook,
} from './errors';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File (OLE2): legacy .xls, and .xlsx files encrypted with an open password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge;
}

/** The formula of a cell with its leading "=", shared formulas translated to the cell; else null. */
function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  let f: string | undefined;
  try {
    // For a shared-formula cell ExcelJS slides the master's formula to this cell.
    f = cell.formula;
  } catch {
    f = undefined;
  }
  if (!f) return null;
  return f.startsWith('=') ? f : `=${f}`;
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // The other cells of a merged area are empty in Excel; ExcelJS echoes the master's value there.
      if (isMergeSlave(cell)) return;
      const c = colNumber - 1;
      const vr = values[r] ?? [];
      values[r] = vr;
      vr[c] = plainValue(cell.value);
      const f = formulaOf(cell);
      if (f !== null) {
        const fr = formulas[r] ?? [];
        formulas[r] = fr;
        fr[c] = f;
        anyFormula = true;
      }
    });
  });
  const dense = <T>(rows: (T | null | undefined)[][], length: number): (T | null)[][] =>
    Array.from({ length }, (_, r) => Array.from(rows[r] ?? [], (x) => x ?? null));
  const merges: MergeArea[] = [];
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = parseRange(range);
    if (m) merges.push(m);
  }
  const grid: SheetGrid = { name: ws.name, values: dense(values, values.length), merges };
  if (anyFormula) grid.formulas = dense(formulas, values.length);
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  if ((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet)
    grid.protected = true;
  return grid;
}

/**
 * Load an .xlsx held in memory: the grid the core reads, each sheet's hidden state, and the ExcelJS
 * workbook itself (the playground writes its download over it, keeping the original's styling).
 * @throws XlsxReadError when the bytes are not a readable .xlsx.
 */
export async function loadXlsx(
  bytes: Uint8Array,
  name: string,
): Promise<XlsxWorkbook & { workbook: ExcelJS.Workbook }> {
  if (bytes.length === 0) throw new XlsxReadError('empty', name);
  if (startsWith(bytes, OLE_MAGIC)) throw new XlsxReadError('legacyOrEncrypted', name);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError('notXlsx', name);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS takes a Buffer-like; copy into an ArrayBuffer it owns.
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch (e) {
    throw new XlsxReadError('corrupt', name, e instanceof Error ? e.message : String(e));
  }
  if (wb.worksheets.length === 0) throw new XlsxReadError('notXlsx', name, 'no worksheets');
  const sheets: SheetGrid[] = [];
  const states: Record<string, SheetState> = {};
  try {
    for (const ws of wb.worksheets) {
      sheets.push(sheetGrid(ws));
      states[ws.name] = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
    }
  } catch (e) {
    throw new XlsxReadError('corrupt', name, e instanceof Error ? e.message : String(e));
  }
  return { grid: { sheets }, states, workbook: wb };
}
