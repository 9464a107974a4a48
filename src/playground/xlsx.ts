/**
 * .xlsx in the browser. A file the user opens is read locally with the streaming reader (the CLI's),
 * and the download is that file patched (src/adapters/xlsx/patch) with what the task pane changed:
 * every part and element of the original it did not touch (styles, names, charts, macros …) is kept
 * as it was. A workbook made in the playground from nothing is written with ExcelJS's browser build.
 * Nothing is sent anywhere.
 */
import ExcelJS from 'exceljs';
import { loadXlsx, plainValue } from '../adapters/xlsx/grid';
import { patchXlsx } from '../adapters/xlsx/patch';
import { type ReadLayout, readXlsxStream } from '../adapters/xlsx/reader';
import { a1, a1Range, colLetters } from '../core/a1';
import type { CellValue, WorkbookGrid } from '../core/grid';
import { cellAt, formulaAt } from '../core/grid';
import type { ValidationRule, WriteOp, WritePlan } from '../core/plan';
import type { FakeSheet, FakeValidation, FakeWorkbook } from '../fake-excel';

export { XlsxReadError } from '../adapters/xlsx/grid';

/** An opened workbook: the grid the core reads, and the ExcelJS workbook a download is written over. */
export interface OpenedXlsx {
  grid: WorkbookGrid;
  source: ExcelJS.Workbook;
}

/**
 * The file a download is written into: its bytes, the grid read from them, and what the playground's
 * workbook held right after opening (so only the pane's changes become edits).
 */
export interface OriginalXlsx {
  kind: 'original';
  bytes: Uint8Array;
  grid: WorkbookGrid;
  layout: ReadLayout;
  /** Per sheet, its formats, widths, notes and validations as opened (see stateOf). */
  opened: Map<string, SheetState>;
}

/**
 * Opens an .xlsx held in memory with the streaming reader (the CLI's), keeping its bytes as the base
 * of the download.
 * @throws XlsxReadError when the bytes are not a readable .xlsx.
 */
export function openXlsxBytes(bytes: ArrayBuffer, fileName: string): OriginalXlsx {
  const b = new Uint8Array(bytes);
  const layout: ReadLayout = { widths: new Map(), wrapped: new Map() };
  const { grid } = readXlsxStream(b, fileName, undefined, layout);
  return { kind: 'original', bytes: b, grid, layout, opened: new Map() };
}

/** Records what the playground's workbook holds now as the opened state (call after loading). */
export function markOpened(original: OriginalXlsx, book: FakeWorkbook): void {
  original.opened.clear();
  for (const name of book.sheetNames()) {
    const sheet = book.sheet(name);
    if (sheet) original.opened.set(name.toLowerCase(), stateOf(sheet));
  }
}

/**
 * Reads an .xlsx held in memory with ExcelJS (the reader the streaming one is compared against).
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

/** A sheet's formats, widths, notes and validations, as comparable text per key. */
type SheetState = Map<string, string>;

function stateOf(sheet: FakeSheet): SheetState {
  const out: SheetState = new Map();
  for (const [k, v] of sheet.numberFormats) out.set(`n:${k}`, v);
  for (const [k, v] of sheet.fills) out.set(`f:${k}`, v);
  for (const [k, v] of sheet.fonts) out.set(`t:${k}`, JSON.stringify(v));
  for (const [k, v] of sheet.columnWidths) out.set(`w:${k}`, String(v));
  for (const [k, v] of sheet.notes) out.set(`c:${k}`, v);
  for (const [k, v] of sheet.validations) out.set(`v:${k}`, JSON.stringify(v));
  for (const c of sheet.hiddenCols) out.set(`h:${c}`, '1');
  return out;
}

/** An Office.js validation as the plan's rule, or null when the plan's rules cannot say it. */
function ruleOf(v: FakeValidation): ValidationRule | null {
  const rule = v.rule as Record<string, Record<string, unknown> | undefined> | null;
  if (!rule) return null;
  const num = (x: unknown) => (typeof x === 'number' ? x : Number(bare(x as Formula)));
  const basic = (kind: 'wholeNumber' | 'decimal', b: Record<string, unknown>): ValidationRule | null => {
    const min = num(b.formula1);
    if (!Number.isFinite(min)) return null;
    if (b.operator === 'GreaterThanOrEqualTo') return { kind, min, max: null };
    const max = num(b.formula2);
    return b.operator === 'Between' && Number.isFinite(max) ? { kind, min, max } : null;
  };
  if (rule.decimal) return basic('decimal', rule.decimal);
  if (rule.wholeNumber) return basic('wholeNumber', rule.wholeNumber);
  if (rule.list) return { kind: 'list', values: String(rule.list.source ?? '').split(',') };
  if (rule.custom && /^=?FALSE$/i.test(String(rule.custom.formula ?? ''))) return { kind: 'reject' };
  return null;
}

/** What the pane changed in the workbook since it was opened, as a write plan for the patch writer. */
export function changesSince(book: FakeWorkbook, original: OriginalXlsx): WritePlan {
  const ops: WriteOp[] = [];
  const names = book.sheetNames();
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  for (const s of original.grid.sheets) if (!has(s.name)) ops.push({ op: 'deleteSheet', sheet: s.name });
  for (const name of names) {
    const sheet = book.sheet(name);
    if (!sheet) continue;
    const before = original.grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!before) {
      const hidden =
        sheet.visibility === 'Hidden' ? 'hidden' : sheet.visibility === 'VeryHidden' ? 'veryHidden' : null;
      ops.push(hidden ? { op: 'addSheet', sheet: name, hidden } : { op: 'addSheet', sheet: name });
    }
    const merged = (r: number, c: number) =>
      sheet.merges.some(
        (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
      );
    for (const m of sheet.merges) {
      const same = before?.merges.some(
        (x) => x.top === m.top && x.left === m.left && x.bottom === m.bottom && x.right === m.right,
      );
      if (!same) ops.push({ op: 'merge', sheet: name, range: a1Range(m.top, m.left, m.bottom, m.right) });
    }
    const used = book.usedRect(name);
    const bottom = Math.max(used?.bottom ?? -1, (before?.values.length ?? 0) - 1);
    const right = Math.max(used?.right ?? -1, ...(before?.values.map((row) => row.length - 1) ?? [-1]));
    for (let r = 0; r <= bottom; r++)
      for (let c = 0; c <= right; c++) {
        if (merged(r, c)) continue;
        const { value, formula } = book.cell(name, r, c);
        const oldV = before ? cellAt(before, r, c) : null;
        const oldF = before ? formulaAt(before, r, c) : null;
        if (formula !== null) {
          if (formula !== oldF)
            ops.push({
              op: 'formula',
              sheet: name,
              cell: a1(r, c),
              formula,
              result: value ?? undefined,
            } as WriteOp);
        } else if (oldF !== null || value !== oldV)
          ops.push({ op: 'value', sheet: name, cell: a1(r, c), value });
      }
    const opened = original.opened.get(name.toLowerCase()) ?? new Map<string, string>();
    const now = stateOf(sheet);
    for (const [key, text] of now) {
      if (opened.get(key) === text) continue;
      const at = key.slice(2);
      switch (key[0]) {
        case 'n':
          ops.push({ op: 'numberFormat', sheet: name, range: at, format: text });
          break;
        case 'f':
          ops.push({ op: 'fill', sheet: name, range: at, color: text });
          break;
        case 't': {
          const f = sheet.fonts.get(at)!;
          ops.push({ op: 'font', sheet: name, range: at, ...f });
          break;
        }
        case 'w':
          ops.push({
            op: 'columnWidth',
            sheet: name,
            col: colLetters(Number(at)),
            width: pointsToChars(Number(text)),
          });
          break;
        case 'c':
          ops.push({ op: 'note', sheet: name, cell: at, text });
          break;
        case 'v': {
          const v = sheet.validations.get(at)!;
          const rule = ruleOf(v);
          if (!rule) break;
          const msg = (t?: string | null, m?: string | null) => ({ title: t ?? '', message: m ?? '' });
          ops.push({
            op: 'validation',
            sheet: name,
            range: at,
            rule,
            prompt: v.prompt?.showPrompt ? msg(v.prompt.title, v.prompt.message) : null,
            error: v.errorAlert?.showAlert ? msg(v.errorAlert.title, v.errorAlert.message) : null,
          });
          break;
        }
        case 'h':
          ops.push({ op: 'hideColumns', sheet: name, cols: [colLetters(Number(at))], hidden: true });
          break;
      }
    }
    for (const key of opened.keys())
      if (key.startsWith('h:') && !now.has(key))
        ops.push({ op: 'hideColumns', sheet: name, cols: [colLetters(Number(key.slice(2)))], hidden: false });
  }
  return { ops, owned: [], conflicts: [] };
}

/**
 * The playground's workbook as .xlsx bytes. Opened from a file (`openXlsxBytes`): that file patched
 * with what the pane changed, everything else kept as it was. From an ExcelJS workbook or nothing:
 * written with ExcelJS (sheets the pane added appended, deleted ones removed; no charts).
 */
export async function saveXlsxBytes(
  book: FakeWorkbook,
  source: OriginalXlsx | ExcelJS.Workbook | null,
): Promise<ArrayBuffer> {
  if (source && 'kind' in source && source.kind === 'original') {
    const { bytes } = patchXlsx(source.bytes.slice(), changesSince(book, source), { grid: source.grid });
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  const out = (source as ExcelJS.Workbook | null) ?? new ExcelJS.Workbook();
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
