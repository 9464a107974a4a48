/**
 * .xlsx bytes → the core's WorkbookGrid, with ExcelJS and nothing else: no Node imports, so the CLI
 * (./read.ts) and the in-browser playground read a file into exactly the same grid. Values are what
 * Excel shows (formula cells give their cached result, and their formula text beside it), merges
 * come from the sheet model, and hidden/protected sheets are marked so the core can leave them alone.
 */
import ExcelJS from 'exceljs';
import { parseRange } from '../../core/a1';
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../../core/grid';

/** Why a file could not be read. */
export type XlsxReadErrorCode =
  | 'notFound'
  | 'notAFile'
  | 'empty'
  | 'legacyOrEncrypted'
  | 'notXlsx'
  | 'corrupt'
  | 'tooLarge';

type Lang = 'zh' | 'en';

const MESSAGES: Record<Lang, Record<XlsxReadErrorCode, (file: string, detail: string) => string>> = {
  zh: {
    notFound: (f) => `找不到文件 ${f}。请检查路径是否正确。`,
    notAFile: (f) => `${f} 不是文件。请给出 .xlsx 文件或包含 .xlsx 文件的文件夹。`,
    empty: (f) => `文件 ${f} 是空的（0 字节）。请用 Excel 重新保存后再试。`,
    legacyOrEncrypted: (f) =>
      `无法读取 ${f}：这是旧版 .xls 文件或设置了打开密码的工作簿。请在 Excel 中“另存为” Excel 工作簿（.xlsx），如有打开密码请先取消密码。`,
    notXlsx: (f) => `无法读取 ${f}：它不是 .xlsx 工作簿。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再试。`,
    corrupt: (f, d) =>
      `无法读取 ${f}：文件已损坏或不完整（${d}）。请用 Excel 打开并重新保存，或向发送者索取原文件。`,
    tooLarge: (f, d) =>
      `未读取 ${f}：工作簿内容超过本工具一次能读取的上限（${d}），为免耗尽内存已停止。请删除评分表以外的大量数据（如整列填充的空行、明细表）后另存，再试。`,
  },
  en: {
    notFound: (f) => `${f} was not found. Check the path.`,
    notAFile: (f) => `${f} is not a file. Give .xlsx files or folders that contain them.`,
    empty: (f) => `${f} is empty (0 bytes). Save it again from Excel and retry.`,
    legacyOrEncrypted: (f) =>
      `Cannot read ${f}: it is an old .xls file or a password-protected workbook. In Excel, save it as an Excel Workbook (.xlsx), removing the open password if it has one.`,
    notXlsx: (f) =>
      `Cannot read ${f}: it is not an .xlsx workbook. In Excel, save it as an Excel Workbook (.xlsx) and retry.`,
    corrupt: (f, d) =>
      `Cannot read ${f}: the file is damaged or incomplete (${d}). Open and save it again in Excel, or ask the sender for the original.`,
    tooLarge: (f, d) =>
      `${f} was not read: the workbook holds more than this tool reads at once (${d}), so reading stopped before memory ran out. Delete the large data outside the rubric (filled-down empty rows, detail sheets), save, and retry.`,
  },
};

/** A file that is not a readable .xlsx workbook; `message` is in Chinese, `messageIn('en')` in English. */
export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  /** The file as named by the caller (a path or a display name). */
  readonly file: string;
  /** Technical detail (the underlying error), for logs and the corrupt-file message. */
  readonly detail: string;

  constructor(code: XlsxReadErrorCode, file: string, detail = '') {
    super(MESSAGES.zh[code](file, detail));
    this.name = 'XlsxReadError';
    this.code = code;
    this.file = file;
    this.detail = detail;
  }

  /** The message in the given language: what file, what is wrong, what to do. */
  messageIn(lang: Lang): string {
    return MESSAGES[lang][this.code](this.file, this.detail);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File (OLE2): legacy .xls, and .xlsx files encrypted with an open password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** ISO text for a date: the day alone when it has no time of day (how a date cell reads). */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
}

/** A cell value as the core sees it: plain text, number, boolean, or null. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('');
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    // Hyperlinks: the text shown (itself possibly rich text).
    if ('text' in o) return plainValue(o.text);
  }
  return null;
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

/** How each sheet is hidden, by name ("visible" for the others): the grid only says hidden or not. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A workbook read from a file, with details beyond the grid. */
export interface XlsxWorkbook {
  grid: WorkbookGrid;
  states: Record<string, SheetState>;
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
