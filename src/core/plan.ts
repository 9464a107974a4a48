/**
 * A write plan: the list of cell operations the core wants applied. Adapters (Office.js, ExcelJS,
 * the .xlsx patcher, WPS, the playground) apply it; the task pane previews it. Addresses are A1 text
 * on the named sheet. This file is the one contract every applier follows: plain data only.
 *
 * Rules every applier keeps:
 * - **Compare-and-set.** A `formula` or `value` op that carries `expected` is written only when the
 *   cell still holds what the plan was made from (see `Expected`, `matchesExpected`). Hosts check every
 *   such op before writing anything of the batch; a cell that differs is not written and is reported
 *   (Office: `PlanStaleError` with the cells), so the caller reads again and plans again.
 * - **Nothing unconfirmed.** Planners never emit an op for a cell in unconfirmed conflict; appliers
 *   do not look at `conflicts` to decide what to write (they may refuse a plan that still lists some).
 * - **Order.** Ops are applied in plan order within a sheet; sheet additions first, deletions last.
 */
import type { CellValue } from './grid';

export type ValidationRule =
  | { kind: 'wholeNumber'; min: number; max: number | null }
  | { kind: 'decimal'; min: number; max: number | null }
  | { kind: 'list'; values: string[] }
  /** Refuse every entry (cells that do not apply to a row). */
  | { kind: 'reject' };

export interface Message {
  /** At most 32 characters (Excel's limit). */
  title: string;
  /** At most 255 characters (Excel's limit). */
  message: string;
}

/**
 * What the product expects to find in a cell before writing it: the content the preview was planned
 * from. `empty`: no value and no formula. `value`: that value and no formula (numbers compared to
 * 0.01, text trimmed). `formula`: that formula (compared as `sameFormula`: no leading "=", spaces
 * and case outside strings ignored). A host that finds anything else leaves the cell as it is.
 */
export type Expected =
  | { kind: 'empty' }
  | { kind: 'value'; value: string | number | boolean }
  | { kind: 'formula'; formula: string };

/** Paper sizes a `pageSetup` op may name. */
export type PaperSize = 'A4';

export type WriteOp =
  /**
   * `result` is the value the core computed for the formula: hosts that store cached results (the
   * .xlsx writer) keep it, so readers that do not recalculate see the right number.
   */
  | { op: 'formula'; sheet: string; cell: string; formula: string; result?: CellValue; expected?: Expected }
  | { op: 'value'; sheet: string; cell: string; value: CellValue; expected?: Expected }
  | { op: 'numberFormat'; sheet: string; range: string; format: string }
  /** Replaces whatever validation the range has (hosts clear it first). */
  | {
      op: 'validation';
      sheet: string;
      range: string;
      rule: ValidationRule;
      prompt: Message | null;
      error: Message | null;
    }
  /** Removes the data validation of every cell of the range (the product's own, recorded in meta). */
  | { op: 'clearValidation'; sheet: string; range: string }
  | { op: 'fill'; sheet: string; range: string; color: string }
  | { op: 'font'; sheet: string; range: string; bold?: boolean; color?: string }
  | { op: 'merge'; sheet: string; range: string }
  /**
   * Splits the merged area that is exactly `range` back into cells (an undo's, for a merge the
   * product made). Cell contents are left as they are.
   */
  | { op: 'unmerge'; sheet: string; range: string }
  | { op: 'columnWidth'; sheet: string; col: string; width: number }
  /** Hides or shows whole columns, by letter ("K"). */
  | { op: 'hideColumns'; sheet: string; cols: string[]; hidden: boolean }
  | { op: 'note'; sheet: string; cell: string; text: string }
  /** The sheet's print area: one or more ranges ("A1:M40"), never none. Replaces the existing one. */
  | { op: 'printArea'; sheet: string; ranges: string[] }
  /** Rows repeated at the top of every printed page, as a row range ("2:3", 1-based like Excel). */
  | { op: 'printTitles'; sheet: string; rows: string }
  /**
   * Page setup for printing: paper size, orientation, and `fitToWidth` (all columns on one page
   * wide, as many pages tall as needed). Hosts that cannot set it skip it and say so.
   */
  | {
      op: 'pageSetup';
      sheet: string;
      paper: PaperSize;
      orientation: 'portrait' | 'landscape';
      fitToWidth: boolean;
    }
  /**
   * A chart over ranges of the same sheet, placed over `range` (its anchor: top-left to bottom-right
   * cell). Hosts that cannot draw charts (the ExcelJS writer) skip it and say so.
   */
  | {
      op: 'chart';
      sheet: string;
      type: 'bar';
      dataRange: string;
      labelsRange: string;
      title: string;
      range: string;
    }
  | { op: 'addSheet'; sheet: string; hidden?: 'hidden' | 'veryHidden' }
  | { op: 'deleteSheet'; sheet: string };

/** Every op kind, for exhaustive tables (labels, counters). */
export const WRITE_OP_KINDS = [
  'formula',
  'value',
  'numberFormat',
  'validation',
  'clearValidation',
  'fill',
  'font',
  'merge',
  'unmerge',
  'columnWidth',
  'hideColumns',
  'note',
  'printArea',
  'printTitles',
  'pageSetup',
  'chart',
  'addSheet',
  'deleteSheet',
] as const satisfies readonly WriteOp['op'][];

/**
 * Why a cell is in conflict. `content`: the cell holds something the product does not own (a typed
 * 得分, an owned formula typed over). `validation`: the cell carries the user's own data validation,
 * which the plan would replace. `entry`: an entry cell (录入列) holds an entry while entry columns
 * are being turned off (see WritePlan.warnings `entriesCarried`).
 */
export type ConflictKind = 'content' | 'validation' | 'entry';

/** A non-empty cell the plan would overwrite although the product does not own it. */
export interface Conflict {
  sheet: string;
  cell: string;
  /** What is there now (value or formula text; '' for a validation conflict). */
  existing: string;
  /** What the plan would write (formula text, value, or '' for a validation). */
  planned: string;
  /** Absent means `content`. */
  kind?: ConflictKind;
  /**
   * For a typed 得分 or 扣分 the plan would replace: the value the planned formula would show (so the
   * pane can say "8 → 7.5" without showing formulas).
   */
  plannedResult?: CellValue;
}

/**
 * Something the assessor must know before writing, in the plan so that every caller (pane, CLI,
 * playground) says it. `blocking` ones stop the write: callers refuse and write nothing.
 * - `entryNotNumber`: an entry cell (扣分, or a typed 得分) holds text such as "1分". The written
 *   得分 formula shows words asking to fix it, and the subtotals and 合计 show "待改正" instead of a
 *   total until it is fixed.
 * - `sheetProtected` (blocking): the target sheet is protected; the plan has no op for it.
 * - `columnHidden`: a column the plan adds (subtotal, entry) is hidden in the workbook; the plan
 *   shows it again (`hideColumns` … hidden:false) so the numbers are not written out of sight.
 * - `entriesCarried`: entry columns were turned off while their cells held entries; the deduction
 *   they produced is kept in 扣分 (or 得分) as a typed number at `cell`, `value` being that number.
 * - `vetoHelper`: more veto items than one formula can name; their tests sit in a helper column.
 */
export type PlanWarning =
  | { code: 'entryNotNumber'; sheet: string; cell: string; text: string; blocking?: false }
  | { code: 'sheetProtected'; sheet: string; blocking: true }
  | { code: 'columnHidden'; sheet: string; col: string; blocking?: false }
  | { code: 'entriesCarried'; sheet: string; cell: string; value: number; blocking?: false }
  | { code: 'vetoHelper'; sheet: string; col: string; count: number; blocking?: false };

export interface WritePlan {
  ops: WriteOp[];
  /** Cells (sheet!A1) the product owns after applying the plan; stored in the workbook's metadata. */
  owned: string[];
  /** Cells left as they are because the user has not confirmed them; the plan writes none of them. */
  conflicts: Conflict[];
  /** What callers must say before writing (absent = none). */
  warnings?: PlanWarning[];
  /**
   * Manual page breaks, per sheet: 1-based rows after which a printed page ends (absent = none).
   * Applied after the ops (the sheet exists by then). Kept beside the ops rather than as an op so
   * that appliers which do not print (the .xlsx patcher, the preview) need not know of them; hosts
   * that cannot set them report them skipped as op `pageBreak`.
   */
  pageBreaks?: PageBreaks[];
}

/** Rows (1-based) of one sheet after which a printed page ends. */
export interface PageBreaks {
  sheet: string;
  rows: number[];
}

/** True when `expected` describes what a cell holds now (`formula` null when it holds none). */
export function matchesExpected(expected: Expected, value: CellValue, formula: string | null): boolean {
  switch (expected.kind) {
    case 'empty':
      return formula === null && (value === null || (typeof value === 'string' && value.trim() === ''));
    case 'formula':
      return formula !== null && normFormula(formula) === normFormula(expected.formula);
    case 'value': {
      if (formula !== null) return false;
      const want = expected.value;
      if (typeof want === 'number')
        return typeof value === 'number' && Math.round(value * 100) === Math.round(want * 100);
      if (typeof want === 'string') return typeof value === 'string' && value.trim() === want.trim();
      return value === want;
    }
  }
}

/** Formula text compared loosely: no leading "=", no spaces outside strings, upper case outside strings. */
export function normFormula(f: string): string {
  const s = f.trim().replace(/^=/, '');
  let out = '';
  let inStr = false;
  for (const ch of s) {
    if (ch === '"') inStr = !inStr;
    if (!inStr && /\s/.test(ch)) continue;
    out += inStr ? ch : ch.toUpperCase();
  }
  return out;
}

/** What a cell holds now, as an `Expected` (the planner's snapshot). */
export function expectedOf(value: CellValue, formula: string | null): Expected {
  if (formula !== null) return { kind: 'formula', formula };
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { kind: 'empty' };
  return { kind: 'value', value };
}
