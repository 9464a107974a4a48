/**
 * .xlsx → WorkbookGrid with ExcelJS, for the CLI. Reads from a buffer, so the input file is opened
 * read-only and never written.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { parseRange } from '../../core/a1';
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../../core/grid';

/** A file that cannot be read as an .xlsx workbook. */
export class XlsxReadError extends Error {
  override readonly name = 'XlsxReadError';
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `无法读取 ${file}：${detail}。请确认它是未损坏的 .xlsx 文件（Excel 2007 及以上）。 / Cannot read ${file}: ${detail}.`,
    );
  }

  /** The message in one language. */
  localized(lang: 'zh' | 'en'): string {
    return lang === 'en'
      ? `Cannot read ${this.file}: ${this.detail}. Make sure it is an undamaged .xlsx file (Excel 2007 or later).`
      : `无法读取 ${this.file}：${this.detail}。请确认它是未损坏的 .xlsx 文件（Excel 2007 及以上）。`;
  }
}

type XCell = ExcelJS.Cell;

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

/** A cell's value as the core sees it, and its formula text. */
export function cellContent(cell: XCell): { value: CellValue; formula: string | null } {
  const v = cell.value as ExcelJS.CellValue;
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    return { value: v, formula: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), formula: null };
  if (typeof v === 'object') {
    if ('richText' in v) return { value: richText(v), formula: null };
    if ('error' in v) return { value: String(v.error), formula: null };
    if ('hyperlink' in v && 'text' in v) {
      const t = v.text as unknown;
      return {
        value:
          typeof t === 'string'
            ? t
            : t && typeof t === 'object' && 'richText' in t
              ? richText(t as never)
              : '',
        formula: null,
      };
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const f = 'formula' in v && v.formula ? v.formula : cell.formula;
      const r = (v as { result?: unknown }).result;
      let value: CellValue = null;
      if (typeof r === 'number' || typeof r === 'string' || typeof r === 'boolean') value = r;
      else if (r instanceof Date) value = r.toISOString().slice(0, 10);
      else if (r && typeof r === 'object' && 'error' in r) value = String((r as { error: unknown }).error);
      return { value, formula: f ? `=${f}` : null };
    }
  }
  return { value: String(cell.text ?? ''), formula: null };
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Merged cells other than the top-left one repeat its value in ExcelJS; the grid keeps them empty.
      if (cell.isMerged && cell.master !== cell) return;
      const { value, formula } = cellContent(cell);
      if (value === null && formula === null) return;
      while (values.length <= r) values.push([]);
      const vr = values[r]!;
      while (vr.length <= c) vr.push(null);
      vr[c] = value;
      if (formula !== null) {
        anyFormula = true;
        while (formulas.length <= r) formulas.push([]);
        const fr = formulas[r]!;
        while (fr.length <= c) fr.push(null);
        fr[c] = formula;
      }
    });
  });
  const merges: MergeArea[] = [];
  const model = ws.model as { merges?: string[] };
  for (const m of model.merges ?? []) {
    const rect = parseRange(m);
    if (rect) merges.push(rect);
  }
  const grid: SheetGrid = {
    name: ws.name,
    values,
    merges,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
  };
  if (anyFormula) grid.formulas = formulas;
  return grid;
}

/**
 * Read an .xlsx file (path or bytes) into the core's workbook grid.
 * @throws XlsxReadError when the file is missing, not an .xlsx or damaged
 */
export async function readXlsx(
  input: string | Uint8Array,
  name = typeof input === 'string' ? input : 'workbook.xlsx',
): Promise<WorkbookGrid> {
  let bytes: Uint8Array;
  try {
    bytes = typeof input === 'string' ? await readFile(input) : input;
  } catch (e) {
    throw new XlsxReadError(
      name,
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在 (not found)' : String(e),
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    throw new XlsxReadError(
      name,
      ole
        ? '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx (old .xls format)'
        : '不是 .xlsx 文件 (not an .xlsx file)',
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxReadError(name, `文件已损坏 (damaged: ${e instanceof Error ? e.message : String(e)})`);
  }
  return { sheets: wb.worksheets.map(sheetGrid) };
}
