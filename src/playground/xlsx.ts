/**
 * .xlsx in the browser, with ExcelJS's browser build (the `browser` field of its package.json):
 * a file the user opens is read locally into a WorkbookGrid, and the playground's workbook is saved
 * back over the ExcelJS workbook it came from, so the download keeps the original's styling and
 * gains exactly what the task pane wrote. Nothing is sent anywhere.
 */
import ExcelJS from 'exceljs';
import { loadXlsx, plainValue } from '../adapters/xlsx/grid';
import { a1Range } from '../core/a1';
import type { CellValue, WorkbookGrid } from '../core/grid';
import type { FakeSheet, FakeValidation, FakeWorkbook } from '../fake-excel';

export { XlsxReadError } from '../adapters/xlsx/grid';

/** An opened workbook: the grid the core reads, and the ExcelJS workbook a download is written over. */
export interface OpenedXlsx {
  grid: WorkbookGrid;
  source: ExcelJS.Workbook;
}

/**
 * Reads an .xlsx held in memory, with the same reader as the CLI (src/adapters/xlsx/grid.ts).
 * @throws XlsxReadError when the bytes are not a readable .xlsx.
 */
export async function readXlsxBytes(bytes: ArrayBuffer, fileName: string): Promise<OpenedXlsx> {
  const { grid, workbook } = await loadXlsx(new Uint8Array(bytes), fileName);
  return { grid, source: workbook };
}

// ---------------------------------------------------------------------------------------------- save

const OPERATORS: Record<string, string> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};

type Formula = string | number | boolean | Date | null | undefined;

/** ExcelJS wants formulae without the leading '='. */
function bare(f: Formula): string | number {
  if (typeof f === 'number') return f;
  const s = String(f ?? '');
  return s.startsWith('=') ? s.slice(1) : s;
}

/** An Office.js validation (as the fake stores it) in ExcelJS's shape, or null when it has no rule. */
export function toExcelJsValidation(v: FakeValidation): ExcelJS.DataValidation | null {
  const rule = v.rule as Record<string, Record<string, unknown> | undefined> | null;
  if (!rule) return null;
  let out: ExcelJS.DataValidation | null = null;
  const basic = (type: 'whole' | 'decimal' | 'textLength', b: Record<string, unknown>) => {
    const formulae = [bare(b.formula1 as Formula)];
    if (b.formula2 !== undefined) formulae.push(bare(b.formula2 as Formula));
    return {
      type,
      operator: (OPERATORS[String(b.operator)] ?? 'between') as ExcelJS.DataValidationOperator,
      formulae,
    };
  };
  if (rule.decimal) out = basic('decimal', rule.decimal);
  else if (rule.wholeNumber) out = basic('whole', rule.wholeNumber);
  else if (rule.textLength) out = basic('textLength', rule.textLength);
  else if (rule.list) {
    const src = String(rule.list.source ?? '');
    out = { type: 'list', formulae: [src.startsWith('=') ? src.slice(1) : `"${src}"`] };
  } else if (rule.custom) out = { type: 'custom', formulae: [bare(rule.custom.formula as Formula)] };
  if (!out) return null;
  out.allowBlank = true;
  if (v.prompt?.showPrompt) {
    out.showInputMessage = true;
    out.promptTitle = v.prompt.title ?? '';
    out.prompt = v.prompt.message ?? '';
  }
  if (v.errorAlert?.showAlert) {
    out.showErrorMessage = true;
    out.errorStyle = String(v.errorAlert.style ?? 'Stop').toLowerCase();
    out.errorTitle = v.errorAlert.title ?? '';
    out.error = v.errorAlert.message ?? '';
  }
  return out;
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

/** Excel's width in characters for a width in points (the inverse of the Office adapter's conversion). */
function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

function sameContent(cell: ExcelJS.Cell, value: CellValue, formula: string | null): boolean {
  if (formula !== null) return cell.type === ExcelJS.ValueType.Formula && `=${cell.formula}` === formula;
  if (cell.type === ExcelJS.ValueType.Formula) return false;
  return plainValue(cell.value) === value;
}

function sync(ws: ExcelJS.Worksheet, book: FakeWorkbook, sheet: FakeSheet): void {
  ws.state =
    sheet.visibility === 'Visible' ? 'visible' : sheet.visibility === 'Hidden' ? 'hidden' : 'veryHidden';

  // Merges first, so contents are not written into cells that are about to be covered.
  const wanted = new Set(sheet.merges.map((m) => a1Range(m.top, m.left, m.bottom, m.right)));
  const had = new Set((ws.model as { merges?: string[] }).merges ?? []);
  for (const range of had) if (!wanted.has(range)) ws.unMergeCells(range);
  for (const range of wanted) if (!had.has(range)) ws.mergeCells(range);
  const covered = (r: number, c: number) =>
    sheet.merges.some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
    );

  const used = book.usedRect(sheet.name);
  const bottom = Math.max(used?.bottom ?? -1, ws.rowCount - 1);
  const right = Math.max(used?.right ?? -1, ws.columnCount - 1);
  for (let r = 0; r <= bottom; r++) {
    for (let c = 0; c <= right; c++) {
      if (covered(r, c)) continue;
      const { value, formula } = book.cell(sheet.name, r, c);
      const cell = ws.getCell(r + 1, c + 1);
      if (sameContent(cell, value, formula)) continue;
      cell.value =
        formula !== null
          ? ({ formula: formula.slice(1), result: value ?? undefined } as ExcelJS.CellFormulaValue)
          : value;
    }
  }

  for (const [address, format] of sheet.numberFormats) ws.getCell(address).numFmt = format;
  for (const [address, color] of sheet.fills) {
    ws.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
  }
  for (const [address, font] of sheet.fonts) {
    const cell = ws.getCell(address);
    cell.font = {
      ...cell.font,
      ...(font.bold !== undefined ? { bold: font.bold } : {}),
      ...(font.color !== undefined ? { color: { argb: argb(font.color) } } : {}),
    };
  }
  for (const [col, points] of sheet.columnWidths) ws.getColumn(col + 1).width = pointsToChars(points);
  for (const [address, text] of sheet.notes) ws.getCell(address).note = text;
  for (const [address, v] of sheet.validations) {
    const dv = toExcelJsValidation(v);
    if (dv) ws.getCell(address).dataValidation = dv;
  }
}

/**
 * The playground's workbook as .xlsx bytes: written over `source` (the file it was opened from) so
 * untouched styling survives; sheets the pane added are appended, sheets it deleted removed.
 * Charts are not written (ExcelJS cannot draw them).
 */
export async function saveXlsxBytes(
  book: FakeWorkbook,
  source: ExcelJS.Workbook | null,
): Promise<ArrayBuffer> {
  const out = source ?? new ExcelJS.Workbook();
  const names = book.sheetNames();
  for (const ws of [...out.worksheets]) {
    if (!names.some((n) => n.toLowerCase() === ws.name.toLowerCase())) out.removeWorksheet(ws.id);
  }
  for (const name of names) {
    const sheet = book.sheet(name);
    if (!sheet) continue;
    const ws = out.getWorksheet(name) ?? out.addWorksheet(name);
    sync(ws, book, sheet);
  }
  const buf = await out.xlsx.writeBuffer();
  return buf as ArrayBuffer;
}
