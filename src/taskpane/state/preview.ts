/** Rows of the write preview: what each plan operation writes, and where. */
import { parseA1 } from '../../core/a1';
import { type CellValue, cellAt, formulaAt, type WorkbookGrid } from '../../core/grid';
import type { WorkbookReport } from '../../core/analyze';
import type { Conflict, WriteOp, WritePlan } from '../../core/plan';
import { cellKey, PREVIEW_PAGE_SIZE, rubricSheets } from './flow';

export interface PreviewRow {
  op: WriteOp['op'];
  /** sheet!A1, sheet!A1:B9, sheet!C:C or the sheet name. */
  where: string;
  content: string;
}

export function describeOp(op: WriteOp): PreviewRow {
  const at = (a: string) => `${op.sheet}!${a}`;
  switch (op.op) {
    case 'formula':
      return {
        op: op.op,
        where: at(op.cell),
        content: op.formula.startsWith('=') ? op.formula : `=${op.formula}`,
      };
    case 'value':
      return { op: op.op, where: at(op.cell), content: op.value === null ? '' : String(op.value) };
    case 'numberFormat':
      return { op: op.op, where: at(op.range), content: op.format };
    case 'validation': {
      const r = op.rule;
      const content =
        r.kind === 'list'
          ? r.values.join(' / ')
          : r.kind === 'reject'
            ? '×'
            : `${r.min} – ${r.max === null ? '∞' : r.max}`;
      return { op: op.op, where: at(op.range), content };
    }
    case 'fill':
      return { op: op.op, where: at(op.range), content: op.color };
    case 'font':
      return {
        op: op.op,
        where: at(op.range),
        content: [op.bold ? 'B' : '', op.color ?? ''].filter(Boolean).join(' '),
      };
    case 'merge':
    case 'unmerge':
      return { op: op.op, where: at(op.range), content: '' };
    case 'columnWidth':
      return { op: op.op, where: at(`${op.col}:${op.col}`), content: String(op.width) };
    case 'note':
      return { op: op.op, where: at(op.cell), content: op.text };
    case 'chart':
      return { op: op.op, where: at(op.range), content: `${op.title} (${op.dataRange})` };
    case 'clearValidation':
      return { op: op.op, where: at(op.range), content: '' };
    case 'hideColumns':
      return { op: op.op, where: at(op.cols.join(',')), content: op.hidden ? '✓' : '×' };
    case 'printArea':
      return { op: op.op, where: at(op.ranges.join(',')), content: '' };
    case 'printTitles':
      return { op: op.op, where: at(op.rows), content: '' };
    case 'pageSetup':
      return {
        op: op.op,
        where: op.sheet,
        content: [op.paper, op.orientation, op.fitToWidth ? '1×n' : ''].filter(Boolean).join(' '),
      };
    case 'addSheet':
      return { op: op.op, where: op.sheet, content: op.hidden ?? '' };
    case 'deleteSheet':
      return { op: op.op, where: op.sheet, content: '' };
  }
}

/** One page of the preview, so a plan of thousands of cells never renders whole. */
export function previewPage(
  ops: readonly WriteOp[],
  page: number,
): { rows: PreviewRow[]; pages: number; page: number } {
  const pages = Math.max(1, Math.ceil(ops.length / PREVIEW_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  return {
    rows: ops.slice(p * PREVIEW_PAGE_SIZE, (p + 1) * PREVIEW_PAGE_SIZE).map(describeOp),
    pages,
    page: p,
  };
}

/** A cell the preview was going to write (or left as a conflict) that was edited after the preview. */
export interface ChangedCell {
  sheet: string;
  cell: string;
  /** What the cell showed when the preview was made, and what it shows now ('' when empty). */
  was: string;
  now: string;
}

function shownAt(grid: WorkbookGrid, sheet: string, cell: string): string {
  const at = parseA1(cell);
  const sh = grid.sheets.find((s) => s.name === sheet);
  if (!at || !sh) return '';
  const f = formulaAt(sh, at.row, at.col);
  if (f !== null) return f.startsWith('=') ? f : `=${f}`;
  const v: CellValue = cellAt(sh, at.row, at.col);
  return v === null ? '' : String(v);
}

/**
 * The cells of a previewed plan (those it writes and those it leaves as conflicts) whose content
 * differs between the workbook the preview was made from and a later read, in plan order.
 */
export function changedSince(plan: WritePlan, before: WorkbookGrid, after: WorkbookGrid): ChangedCell[] {
  const seen = new Set<string>();
  const out: ChangedCell[] = [];
  const targets = [
    ...plan.ops.flatMap((o) =>
      o.op === 'formula' || o.op === 'value' ? [{ sheet: o.sheet, cell: o.cell }] : [],
    ),
    ...plan.conflicts.map((c) => ({ sheet: c.sheet, cell: c.cell })),
  ];
  for (const { sheet, cell } of targets) {
    const key = `${sheet}!${cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const was = shownAt(before, sheet, cell);
    const now = shownAt(after, sheet, cell);
    if (was !== now) out.push({ sheet, cell, was, now });
  }
  return out;
}

/** What a write does to one sheet, in the assessor's terms; every count is a count of plan operations. */
export interface SheetWriteSummary {
  sheet: string;
  /** Formulas written on item rows (得分, and 扣分 from entry columns). */
  scoreFormulas: number;
  /** Formulas written elsewhere: 小计, 合计 and the total. */
  totals: number;
  /** Text and values written (column headers, notes in cells). */
  texts: number;
  /** Everything else: number formats, input limits, fills, widths, print settings. */
  settings: number;
  /** Cells holding the assessor's content that the write replaces (ticked) or leaves (unticked). */
  replace: Conflict[];
  keep: Conflict[];
}

/**
 * Per sheet, what the plan writes and which of the conflicts (from the plan without overwrites) it
 * replaces; the sheets in `sheets` order, each with its own operations only.
 */
export function summarizeWrite(
  plan: WritePlan,
  conflicts: readonly Conflict[],
  overwrite: readonly string[],
  report: WorkbookReport | null,
  sheets: readonly string[],
): SheetWriteSummary[] {
  const ticked = new Set(overwrite);
  return sheets.map((sheet) => {
    const items = rubricSheets(report).find((r) => r.sheet === sheet)?.analysis.table.items ?? [];
    const onItemRow = (cell: string) => {
      const at = parseA1(cell);
      return at !== null && items.some((i) => at.row >= i.row && at.row <= i.lastRow);
    };
    const out: SheetWriteSummary = {
      sheet,
      scoreFormulas: 0,
      totals: 0,
      texts: 0,
      settings: 0,
      replace: [],
      keep: [],
    };
    for (const op of plan.ops) {
      if (op.sheet !== sheet) continue;
      if (op.op === 'formula') {
        if (onItemRow(op.cell)) out.scoreFormulas++;
        else out.totals++;
      } else if (op.op === 'value') out.texts++;
      else out.settings++;
    }
    for (const c of conflicts) {
      if (c.sheet !== sheet) continue;
      (ticked.has(cellKey(c.sheet, c.cell)) ? out.replace : out.keep).push(c);
    }
    return out;
  });
}

/** What a cell shows now, as a value (a formula's cached result, never its text). */
export function valueAt(grid: WorkbookGrid | null, sheet: string, cell: string): string {
  const at = parseA1(cell);
  const sh = grid?.sheets.find((s) => s.name === sheet);
  if (!at || !sh) return '';
  const v = cellAt(sh, at.row, at.col);
  return v === null ? '' : String(v);
}
