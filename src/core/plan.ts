/**
 * A write plan: the list of cell operations the core wants applied. Adapters (Office.js, ExcelJS,
 * the playground) apply it; the task pane previews it. Addresses are A1 text on the named sheet.
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

export type WriteOp =
  /**
   * `result` is the value the core computed for the formula: hosts that store cached results (the
   * .xlsx writer) keep it, so readers that do not recalculate see the right number.
   */
  | { op: 'formula'; sheet: string; cell: string; formula: string; result?: CellValue }
  | { op: 'value'; sheet: string; cell: string; value: CellValue }
  | { op: 'numberFormat'; sheet: string; range: string; format: string }
  | {
      op: 'validation';
      sheet: string;
      range: string;
      rule: ValidationRule;
      prompt: Message | null;
      error: Message | null;
    }
  | { op: 'fill'; sheet: string; range: string; color: string }
  | { op: 'font'; sheet: string; range: string; bold?: boolean; color?: string }
  | { op: 'merge'; sheet: string; range: string }
  | { op: 'columnWidth'; sheet: string; col: string; width: number }
  | { op: 'note'; sheet: string; cell: string; text: string }
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

/** A non-empty cell the plan would overwrite although the product does not own it. */
export interface Conflict {
  sheet: string;
  cell: string;
  /** What is there now (value or formula text). */
  existing: string;
  /** What the plan would write. */
  planned: string;
}

export interface WritePlan {
  ops: WriteOp[];
  /** Cells (sheet!A1) the product owns after applying the plan; stored in the workbook's metadata. */
  owned: string[];
  conflicts: Conflict[];
}
