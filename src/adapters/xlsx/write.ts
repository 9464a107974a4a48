/**
 * Applying a WritePlan to an ExcelJS workbook (the CLI's `fill`), and saying what ExcelJS cannot carry
 * over from the input file: it keeps cells, styles, merges, validations, notes and images, but drops
 * charts, pivot tables, slicers, shapes, form controls, sparklines, macros and threaded comments.
 */
import type ExcelJS from 'exceljs';
import { a1, colIndex, parseRange } from '../../core/a1';
import type { Lang } from '../../core/i18n';
import {
  type Expected,
  matchesExpected,
  type Message,
  type ValidationRule,
  type WriteOp,
  type WritePlan,
} from '../../core/plan';
import { streamEntry, ZipError, type ZipEntry, zipEntries } from './reader/zip';
import { plainValue } from './value';

/** The plan still has conflicts: nothing was written. */
export class PlanConflictError extends Error {
  override readonly name = 'PlanConflictError';
  constructor(readonly count: number) {
    super(`the write plan has ${count} conflict(s); resolve them before writing`);
  }
}

/** The plan writes into a protected sheet: nothing was written (as in the add-in). */
export class SheetProtectedError extends Error {
  override readonly name = 'SheetProtectedError';
  constructor(readonly sheet: string) {
    super(`sheet "${sheet}" is protected; unprotect it first (nothing was written)`);
  }
}

/** Cells that no longer hold what the plan was made from (compare-and-set): nothing was written. */
export class CellsChangedError extends Error {
  override readonly name = 'CellsChangedError';
  constructor(readonly cells: { sheet: string; cell: string; expected: Expected }[]) {
    super(`${cells.length} cell(s) changed since the plan was made; nothing was written`);
  }
}

export interface ApplyResult {
  /** Operations applied. */
  applied: number;
  /** Operations this writer cannot carry out (charts), with the op kind and sheet. */
  skipped: { op: WriteOp['op']; sheet: string }[];
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`write plan names a sheet the workbook does not have: ${name}`);
  return ws;
}

function cellsOf(range: string): { row: number; col: number }[] {
  const r = parseRange(range);
  if (!r) throw new Error(`bad range in write plan: ${range}`);
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

function cell(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getCell(row + 1, col + 1);
}

function validation(
  rule: ValidationRule,
  prompt: Message | null,
  error: Message | null,
): ExcelJS.DataValidation {
  let base: ExcelJS.DataValidation;
  switch (rule.kind) {
    case 'wholeNumber':
    case 'decimal': {
      const type = rule.kind === 'wholeNumber' ? 'whole' : 'decimal';
      base =
        rule.max === null
          ? { type, operator: 'greaterThanOrEqual', formulae: [rule.min], allowBlank: true }
          : { type, operator: 'between', formulae: [rule.min, rule.max], allowBlank: true };
      break;
    }
    case 'list':
      base = { type: 'list', formulae: [`"${rule.values.join(',')}"`], allowBlank: true };
      break;
    case 'reject':
      base = { type: 'custom', formulae: ['FALSE'], allowBlank: true };
      break;
  }
  if (prompt)
    Object.assign(base, { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.message });
  if (error)
    Object.assign(base, {
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: error.title,
      error: error.message,
    });
  return base;
}

/** Existing merges by range text ("J3:J11"). ExcelJS keeps them in a private map keyed by master cell. */
function mergesOf(ws: ExcelJS.Worksheet): Set<string> {
  const map =
    (ws as unknown as { _merges?: Record<string, { range?: string; model?: unknown }> })._merges ?? {};
  return new Set(Object.values(map).map((m) => String(m.range ?? '')));
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  return !!(ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet;
}

/** The cell's content as the grid reader sees it: its value (cached result) and formula text. */
function contentOf(c: ExcelJS.Cell): { value: ReturnType<typeof plainValue>; formula: string | null } {
  if (c.type === ExcelJS_ValueType.Merge) return { value: null, formula: null };
  let f: string | undefined;
  if (c.type === ExcelJS_ValueType.Formula) {
    try {
      f = c.formula;
    } catch {
      f = undefined;
    }
  }
  return { value: plainValue(c.value), formula: f ? (f.startsWith('=') ? f : `=${f}`) : null };
}

/** ExcelJS.ValueType's numbers (the type import brings no runtime value). */
const ExcelJS_ValueType = { Merge: 1, Formula: 6 } as const;

/**
 * Everything that must hold before the first change: no protected target sheet, and every cell an
 * op expects something of still holds it.
 * @throws SheetProtectedError, CellsChangedError
 */
function checkBeforeWriting(wb: ExcelJS.Workbook, ops: readonly WriteOp[]): void {
  const added = new Set(ops.filter((o) => o.op === 'addSheet').map((o) => o.sheet));
  const changed: CellsChangedError['cells'] = [];
  const seen = new Set<string>();
  for (const op of ops) {
    if (op.op === 'addSheet' || added.has(op.sheet)) continue;
    const ws = wb.getWorksheet(op.sheet);
    if (!ws) continue;
    if (isProtected(ws)) throw new SheetProtectedError(op.sheet);
    if ((op.op !== 'formula' && op.op !== 'value') || !op.expected) continue;
    const key = `${op.sheet}!${op.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = cellsOf(op.cell)[0]!;
    const { value, formula } = contentOf(cell(ws, at.row, at.col));
    if (!matchesExpected(op.expected, value, formula))
      changed.push({ sheet: op.sheet, cell: a1(at.row, at.col), expected: op.expected });
  }
  if (changed.length > 0) throw new CellsChangedError(changed);
}

/** A4 in OOXML's paperSize numbering. */
const PAPER_SIZES = { A4: 9 } as const;

/**
 * Apply a plan to a workbook loaded with ExcelJS. Formulas are written without the leading "=" (as
 * ExcelJS wants) with the engine's result cached; Excel recalculates everything on open.
 * @throws PlanConflictError when the plan has conflicts, SheetProtectedError when it writes into a
 * protected sheet, CellsChangedError when a cell no longer holds what the plan expects (nothing is
 * applied in each case)
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): ApplyResult {
  if (plan.conflicts.length > 0) throw new PlanConflictError(plan.conflicts.length);
  checkBeforeWriting(wb, plan.ops);
  const skipped: ApplyResult['skipped'] = [];
  let applied = 0;
  for (const op of plan.ops) {
    switch (op.op) {
      case 'addSheet':
        if (!wb.getWorksheet(op.sheet)) wb.addWorksheet(op.sheet, { state: op.hidden ?? 'visible' });
        break;
      case 'deleteSheet': {
        const ws = wb.getWorksheet(op.sheet);
        if (ws) wb.removeWorksheet(ws.id);
        break;
      }
      case 'formula': {
        const ws = sheetOf(wb, op.sheet);
        const at = cellsOf(op.cell)[0]!;
        const formula = op.formula.startsWith('=') ? op.formula.slice(1) : op.formula;
        const v: ExcelJS.CellFormulaValue = { formula, date1904: false };
        if (op.result !== undefined && op.result !== null) v.result = op.result;
        cell(ws, at.row, at.col).value = v;
        break;
      }
      case 'value': {
        const at = cellsOf(op.cell)[0]!;
        cell(sheetOf(wb, op.sheet), at.row, at.col).value = op.value;
        break;
      }
      case 'numberFormat': {
        const ws = sheetOf(wb, op.sheet);
        for (const c of cellsOf(op.range)) cell(ws, c.row, c.col).numFmt = op.format;
        break;
      }
      case 'validation': {
        const ws = sheetOf(wb, op.sheet);
        for (const c of cellsOf(op.range))
          cell(ws, c.row, c.col).dataValidation = validation(op.rule, op.prompt, op.error);
        break;
      }
      case 'fill': {
        const ws = sheetOf(wb, op.sheet);
        const argb = `FF${op.color.replace(/^#/, '').toUpperCase()}`;
        for (const c of cellsOf(op.range))
          cell(ws, c.row, c.col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
        break;
      }
      case 'font': {
        const ws = sheetOf(wb, op.sheet);
        for (const c of cellsOf(op.range)) {
          const x = cell(ws, c.row, c.col);
          const font: Partial<ExcelJS.Font> = { ...x.font };
          if (op.bold !== undefined) font.bold = op.bold;
          if (op.color !== undefined) font.color = { argb: `FF${op.color.replace(/^#/, '').toUpperCase()}` };
          x.font = font;
        }
        break;
      }
      case 'merge': {
        const ws = sheetOf(wb, op.sheet);
        // Merging what is already merged the same way is a no-op, so the plan can be applied again.
        if (!mergesOf(ws).has(op.range)) ws.mergeCells(op.range);
        break;
      }
      case 'unmerge': {
        const ws = sheetOf(wb, op.sheet);
        if (mergesOf(ws).has(op.range)) ws.unMergeCells(op.range);
        break;
      }
      case 'columnWidth':
        sheetOf(wb, op.sheet).getColumn(colIndex(op.col) + 1).width = op.width;
        break;
      case 'note': {
        const at = cellsOf(op.cell)[0]!;
        cell(sheetOf(wb, op.sheet), at.row, at.col).note = op.text;
        break;
      }
      case 'clearValidation': {
        const ws = sheetOf(wb, op.sheet);
        // ExcelJS keeps validations by cell address, and its typings do not declare the collection.
        const dvs = (ws as unknown as { dataValidations: { remove(address: string): void } }).dataValidations;
        for (const c of cellsOf(op.range)) dvs.remove(a1(c.row, c.col));
        break;
      }
      case 'hideColumns': {
        const ws = sheetOf(wb, op.sheet);
        for (const c of op.cols) ws.getColumn(colIndex(c) + 1).hidden = op.hidden;
        break;
      }
      case 'printArea':
        sheetOf(wb, op.sheet).pageSetup.printArea = op.ranges.join('&&');
        break;
      case 'printTitles':
        sheetOf(wb, op.sheet).pageSetup.printTitlesRow = op.rows;
        break;
      case 'pageSetup': {
        const ws = sheetOf(wb, op.sheet);
        Object.assign(ws.pageSetup, {
          paperSize: PAPER_SIZES[op.paper],
          orientation: op.orientation,
          ...(op.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        });
        break;
      }
      case 'chart':
        skipped.push({ op: op.op, sheet: op.sheet });
        continue;
      default:
        return unhandled(op);
    }
    applied++;
  }
  // Excel and LibreOffice recompute every formula on open instead of trusting cached results.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { applied, skipped };
}

function unhandled(op: never): never {
  throw new Error(`write op not handled: ${JSON.stringify(op)}`);
}

// ------------------------------------------------------------------------------- what gets lost

/** Parts of an .xlsx that ExcelJS does not write back. */
export type LostPart =
  | 'charts'
  | 'pivotTables'
  | 'slicers'
  | 'timelines'
  | 'shapes'
  | 'formControls'
  | 'sparklines'
  | 'macros'
  | 'threadedComments'
  | 'externalLinks';

/** The entries of a zip, or none for bytes that are not one. */
function entriesOf(bytes: Uint8Array): ZipEntry[] {
  try {
    return zipEntries(bytes);
  } catch (e) {
    if (e instanceof ZipError) return [];
    throw e;
  }
}

/** An entry's text, or '' when it cannot be read. */
function entryText(bytes: Uint8Array, e: ZipEntry): string {
  const chunks: Uint8Array[] = [];
  try {
    streamEntry(bytes, e, (c) => chunks.push(c.slice()));
  } catch {
    return '';
  }
  const dec = new TextDecoder();
  return chunks.map((c, i) => dec.decode(c, { stream: i < chunks.length - 1 })).join('');
}

/**
 * What writing this .xlsx back through ExcelJS would lose, by kind (empty when nothing is lost).
 * @example lostParts(await readFile('in.xlsx')) // ['charts']
 */
export function lostParts(bytes: Uint8Array): LostPart[] {
  const entries = entriesOf(bytes);
  const found = new Set<LostPart>();
  for (const e of entries) {
    const n = e.name;
    if (n.startsWith('xl/charts/chart')) found.add('charts');
    else if (n.startsWith('xl/pivotTables/')) found.add('pivotTables');
    else if (n.startsWith('xl/slicers/') || n.startsWith('xl/slicerCaches/')) found.add('slicers');
    else if (n.startsWith('xl/timelines/')) found.add('timelines');
    else if (n.startsWith('xl/ctrlProps/')) found.add('formControls');
    else if (n === 'xl/vbaProject.bin') found.add('macros');
    else if (n.startsWith('xl/threadedComments/')) found.add('threadedComments');
    else if (n.startsWith('xl/externalLinks/')) found.add('externalLinks');
    else if (/^xl\/drawings\/drawing\d+\.xml$/.test(n) && /<xdr:sp[ >]/.test(entryText(bytes, e)))
      found.add('shapes');
    else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(n) && entryText(bytes, e).includes('sparklineGroup'))
      found.add('sparklines');
  }
  return [...found];
}

/** Plain names of lost parts, zh-CN first. */
export const LOST_PART_TEXT: Record<Lang, Record<LostPart, string>> = {
  zh: {
    charts: '图表',
    pivotTables: '数据透视表',
    slicers: '切片器',
    timelines: '日程表',
    shapes: '形状和文本框',
    formControls: '表单控件',
    sparklines: '迷你图',
    macros: '宏（VBA）',
    threadedComments: '批注回复（新版批注）',
    externalLinks: '外部工作簿链接',
  },
  en: {
    charts: 'charts',
    pivotTables: 'pivot tables',
    slicers: 'slicers',
    timelines: 'timelines',
    shapes: 'shapes and text boxes',
    formControls: 'form controls',
    sparklines: 'sparklines',
    macros: 'macros (VBA)',
    threadedComments: 'threaded comments',
    externalLinks: 'links to other workbooks',
  },
};
