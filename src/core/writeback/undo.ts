/**
 * 撤销写入: the plan that puts back what a write changed, made from the workbook as it was read just
 * before the write (`before`), the plans that were applied, and the workbook as it is now.
 *
 * - A cell the write changed and that still holds what the write put there is restored: its old value,
 *   or its old formula, with compare-and-set on what the write put (so an edit between this plan and
 *   its application is not overwritten either).
 * - A cell edited since the write is a conflict: listed, never overwritten.
 * - A cell the write did not reach (an interrupted write) already holds its old content: nothing to do.
 * - A sheet the write added (the product's data sheet on a first write) is deleted again.
 * - Of the formatting the write changed, what the read recorded is restored (hidden columns, the print
 *   area, merges on cells that were not merged, data validation on cells the read recorded none on);
 *   the rest is listed as not restorable, by kind and sheet, so the pane can say exactly what stays.
 *   As for the planner, a read that records no hidden columns or validation means none.
 */
import { a1Range, colIndex, parseA1, parseRange } from '../a1';
import { type CellValue, cellAt, formulaAt, type SheetGrid, textOf, type WorkbookGrid } from '../grid';
import { META_SHEET } from '../meta';
import {
  type Conflict,
  type Expected,
  expectedOf,
  matchesExpected,
  type WriteOp,
  type WritePlan,
} from '../plan';

/** Plan op kinds whose earlier state a read does not record; an undo leaves them as the write made them. */
export type UndoGapKind =
  | 'format'
  | 'numberFormat'
  | 'columnWidth'
  | 'merge'
  | 'hiddenColumns'
  | 'note'
  | 'validation'
  /** Print titles and page setup. */
  | 'print'
  /** A print area set where the sheet had none (no op takes a print area away). */
  | 'printArea'
  | 'chart'
  | 'sheet';

/** What an undo cannot put back on one sheet, and how many plan operations that covers. */
export interface UndoGap {
  sheet: string;
  kind: UndoGapKind;
  count: number;
}

export interface UndoPlan {
  /** Apply through the same host path as a write (compare-and-set on every cell op). */
  plan: WritePlan;
  /** Cells restored by the plan (sheet!A1), the product's data sheet not counted. */
  restored: string[];
  /** Cells edited since the write: left as they are. */
  conflicts: Conflict[];
  /** What stays as the write made it. */
  gaps: UndoGap[];
}

type Content = { formula: string } | { value: CellValue };

function contentOf(sheet: SheetGrid | undefined, cell: string): Content {
  const p = parseA1(cell);
  if (!sheet || !p) return { value: null };
  const f = formulaAt(sheet, p.row, p.col);
  return f !== null ? { formula: f } : { value: cellAt(sheet, p.row, p.col) };
}

function expectedFor(c: Content): Expected {
  return 'formula' in c ? { kind: 'formula', formula: c.formula } : expectedOf(c.value, null);
}

function holds(sheet: SheetGrid | undefined, cell: string, c: Content): boolean {
  const p = parseA1(cell);
  if (!p) return false;
  const value = sheet ? cellAt(sheet, p.row, p.col) : null;
  const formula = sheet ? formulaAt(sheet, p.row, p.col) : null;
  return matchesExpected(expectedFor(c), value, formula);
}

function shown(c: Content): string {
  return 'formula' in c ? (c.formula.startsWith('=') ? c.formula : `=${c.formula}`) : textOf(c.value);
}

const GAP_OF: Partial<Record<WriteOp['op'], UndoGapKind>> = {
  fill: 'format',
  font: 'format',
  numberFormat: 'numberFormat',
  columnWidth: 'columnWidth',
  merge: 'merge',
  note: 'note',
  clearValidation: 'validation',
  printTitles: 'print',
  pageSetup: 'print',
  chart: 'chart',
  deleteSheet: 'sheet',
};

/** What the read made just before the write could tell (absent: it could). */
export interface UndoKnown {
  /** False when the read could not report merged areas (its grid then shows none). */
  mergesKnown?: boolean;
  /** False when the read could not tell hidden columns (its grid then shows none). */
  hiddenColsKnown?: boolean;
}

/**
 * The undo of `written` (every plan applied since `before` was read, in order).
 * @example
 * const undo = planUndo(readBeforeWrite, [plan], await readNow());
 * if (undo.plan.ops.length > 0) await host.applyPlan(undo.plan);
 */
export function planUndo(
  before: WorkbookGrid,
  written: readonly WritePlan[],
  now: WorkbookGrid,
  known: UndoKnown = {},
): UndoPlan {
  const mergesKnown = known.mergesKnown !== false;
  const hiddenColsKnown = known.hiddenColsKnown !== false;
  const sheetIn = (wb: WorkbookGrid, name: string) => wb.sheets.find((s) => s.name === name);
  const ops = written.flatMap((p) => p.ops);
  const added = new Set(
    ops.filter((o) => o.op === 'addSheet' && !sheetIn(before, o.sheet)).map((o) => o.sheet),
  );
  // What the write put in each cell, in order (a cell written twice, as the data sheet is, has two).
  const after = new Map<string, { sheet: string; cell: string; contents: Content[] }>();
  for (const op of ops) {
    if (op.op !== 'formula' && op.op !== 'value') continue;
    const cell = op.cell.toUpperCase().replace(/\$/g, '');
    const key = `${op.sheet}!${cell}`;
    const w = after.get(key) ?? { sheet: op.sheet, cell, contents: [] };
    w.contents.push(op.op === 'formula' ? { formula: op.formula } : { value: op.value });
    after.set(key, w);
  }
  /** The content the write put in the cell that it still holds (an interrupted write may leave any). */
  const still = (nowSheet: SheetGrid | undefined, w: { cell: string; contents: Content[] }) =>
    [...w.contents].reverse().find((c) => holds(nowSheet, w.cell, c));

  const undo: WriteOp[] = [];
  const restored: string[] = [];
  const conflicts: Conflict[] = [];
  for (const [key, w] of after) {
    if (added.has(w.sheet)) continue;
    const nowSheet = sheetIn(now, w.sheet);
    const was = contentOf(sheetIn(before, w.sheet), w.cell);
    if (holds(nowSheet, w.cell, was)) continue;
    const put = still(nowSheet, w);
    if (!put) {
      const cur = contentOf(nowSheet, w.cell);
      conflicts.push({ sheet: w.sheet, cell: w.cell, existing: shown(cur), planned: shown(was) });
      continue;
    }
    const expected = expectedFor(put);
    undo.push(
      'formula' in was
        ? { op: 'formula', sheet: w.sheet, cell: w.cell, formula: was.formula, expected }
        : { op: 'value', sheet: w.sheet, cell: w.cell, value: was.value, expected },
    );
    if (w.sheet !== META_SHEET) restored.push(key);
  }

  // A sheet the write added goes again, unless something in it changed since (deletions last).
  const deletes: WriteOp[] = [];
  for (const name of added) {
    const nowSheet = sheetIn(now, name);
    if (!nowSheet) continue;
    const changed = [...after.values()].filter(
      (w) => w.sheet === name && !holds(nowSheet, w.cell, { value: null }) && !still(nowSheet, w),
    );
    if (changed.length > 0) {
      for (const w of changed)
        conflicts.push({
          sheet: name,
          cell: w.cell,
          existing: shown(contentOf(nowSheet, w.cell)),
          planned: '',
        });
      continue;
    }
    deletes.push({ op: 'deleteSheet', sheet: name });
  }

  // Merges are split before any cell is restored (a merged area takes only its top-left cell).
  const unmerges: WriteOp[] = [];
  const gaps = new Map<string, UndoGap>();
  const gap = (sheet: string, kind: UndoGapKind) => {
    const k = `${sheet}\u0000${kind}`;
    const g = gaps.get(k) ?? { sheet, kind, count: 0 };
    g.count++;
    gaps.set(k, g);
  };
  for (const op of ops) {
    if (added.has(op.sheet)) continue;
    const was = sheetIn(before, op.sheet);
    switch (op.op) {
      case 'formula':
      case 'value':
      case 'addSheet':
        break;
      case 'hideColumns': {
        // Each column back as the read saw it (hidden or shown).
        const hidden = new Set(was?.hiddenCols ?? []);
        const back = op.cols.filter((c) => {
          const i = colIndex(c.toUpperCase());
          return i >= 0 && hidden.has(i) !== op.hidden;
        });
        // As the planner, no recorded hidden columns means none hidden, where the read could tell.
        if (!hiddenColsKnown) gap(op.sheet, 'hiddenColumns');
        else if (back.length > 0)
          undo.push({ op: 'hideColumns', sheet: op.sheet, cols: back, hidden: !op.hidden });
        break;
      }
      case 'printArea':
        if (was?.printArea && was.printArea.length > 0)
          undo.push({
            op: 'printArea',
            sheet: op.sheet,
            ranges: was.printArea.map((r) => a1Range(r.top, r.left, r.bottom, r.right)),
          });
        else gap(op.sheet, 'printArea');
        break;
      case 'validation': {
        // A range the read recorded no validation on gets none again (as the planner, the undo takes
        // no rectangles for none: left on, the product's rule would be taken for the assessor's by
        // the next write, since the restored metadata no longer records the cells as the product's).
        // A range that had some cannot get its rule back.
        const r = parseRange(op.range);
        const had =
          r === null ||
          (was?.validations ?? []).some(
            (v) => v.top <= r.bottom && v.bottom >= r.top && v.left <= r.right && v.right >= r.left,
          );
        if (!had) undo.push({ op: 'clearValidation', sheet: op.sheet, range: op.range });
        else gap(op.sheet, 'validation');
        break;
      }
      case 'merge': {
        // A merge on cells not merged before is split again; one over another merge cannot bring
        // that merge back. Where the read could not see merges, none is split (it may have been there).
        const r = parseRange(op.range);
        const merges = was?.merges ?? [];
        const already =
          r !== null &&
          merges.some(
            (m) => m.top === r.top && m.left === r.left && m.bottom === r.bottom && m.right === r.right,
          );
        const over =
          !mergesKnown ||
          r === null ||
          merges.some(
            (m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left,
          );
        if (already) break;
        if (over) gap(op.sheet, 'merge');
        else unmerges.push({ op: 'unmerge', sheet: op.sheet, range: op.range });
        break;
      }
      default: {
        const kind = GAP_OF[op.op];
        if (kind) gap(op.sheet, kind);
      }
    }
  }

  undo.unshift(...unmerges);
  undo.push(...deletes);
  return {
    plan: { ops: undo, owned: [], conflicts },
    restored,
    conflicts,
    gaps: [...gaps.values()],
  };
}
