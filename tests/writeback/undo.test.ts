/**
 * 撤销写入 in the core: the undo plan puts back every cell a write changed, leaves cells edited since as
 * conflicts, deletes the sheet the write added, and names what it cannot put back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, parseRange } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { META_SHEET } from '../../src/core/meta';
import type { WritePlan } from '../../src/core/plan';
import { planWrite } from '../../src/core/writeback';
import { planUndo } from '../../src/core/writeback/undo';
import { applyPlanToGrid, typeInto } from '../helpers/hf';
import { rubricSheet } from './fixtures';

const N_ITEMS = 13;

/** Every non-empty cell of every sheet, value and formula; and the sheet names. */
function contents(wb: WorkbookGrid): { sheets: string[]; cells: Map<string, string> } {
  const cells = new Map<string, string>();
  for (const s of wb.sheets)
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? null;
        if ((v === null || v === undefined || v === '') && f === null) return;
        cells.set(`${s.name}!${a1(r, c)}`, JSON.stringify([f === null ? (v ?? null) : null, f]));
      });
    });
  return { sheets: wb.sheets.map((s) => s.name), cells };
}

function plan(wb: WorkbookGrid, overwrite: string[], entryColumns = false): WritePlan {
  const report = analyzeWorkbook(wb);
  return planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh', overwrite });
}

/** A write with every conflict confirmed. */
function writeAll(wb: WorkbookGrid, entryColumns = false): WritePlan {
  const draft = plan(wb, [], entryColumns);
  return plan(
    wb,
    draft.conflicts.map((c) => `${c.sheet}!${c.cell}`),
    entryColumns,
  );
}

function typed(): WorkbookGrid {
  const scores = new Array<CellValue | undefined>(N_ITEMS).fill(undefined);
  scores[0] = 8;
  scores[3] = '1分';
  const deductions = new Array<CellValue | undefined>(N_ITEMS).fill(undefined);
  deductions[1] = 0.5;
  return { sheets: [rubricSheet({ scores, deductions }).sheet] };
}

describe('planUndo', () => {
  it('puts back every value and formula a first write changed, and removes the data sheet it added', () => {
    const before = typed();
    const p = writeAll(before);
    const written = applyPlanToGrid(before, p).wb;
    expect(written.sheets.some((s) => s.name === META_SHEET)).toBe(true);
    const undo = planUndo(before, [p], written);
    expect(undo.conflicts).toEqual([]);
    expect(undo.restored.length).toBeGreaterThan(N_ITEMS);
    expect(undo.plan.ops.at(-1)).toEqual({ op: 'deleteSheet', sheet: META_SHEET });
    // Every cell op carries what the write put there (compare-and-set).
    for (const op of undo.plan.ops)
      if (op.op === 'formula' || op.op === 'value') expect(op.expected).toBeDefined();
    const back = applyPlanToGrid(written, undo.plan).wb;
    expect(contents(back)).toEqual(contents(before));
    // The typed 8 is back as a typed 8, not a formula.
    const sheet = back.sheets[0]!;
    const { itemRows, cols } = rubricSheet();
    expect(sheet.values[itemRows[0]!]![cols.score!]).toBe(8);
    expect(sheet.formulas?.[itemRows[0]!]?.[cols.score!] ?? null).toBeNull();
  });

  it('restores the earlier write and its data when a second write is undone', () => {
    const first = applyPlanToGrid(typed(), writeAll(typed())).wb;
    const second = writeAll(first, true);
    const written = applyPlanToGrid(first, second).wb;
    expect(contents(written)).not.toEqual(contents(first));
    const undo = planUndo(first, [second], written);
    expect(undo.plan.ops.some((o) => o.op === 'deleteSheet')).toBe(false);
    expect(contents(applyPlanToGrid(written, undo.plan).wb)).toEqual(contents(first));
  });

  it('leaves a cell edited after the write as a conflict and restores the rest', () => {
    const before = typed();
    const p = writeAll(before);
    const written = applyPlanToGrid(before, p).wb;
    const { itemRows, cols } = rubricSheet();
    const edited = a1(itemRows[2]!, cols.score!);
    typeInto(written, '考核表', edited, 1.5);
    const undo = planUndo(before, [p], written);
    expect(undo.conflicts).toEqual([
      expect.objectContaining({ sheet: '考核表', cell: edited, existing: '1.5', planned: '' }),
    ]);
    expect(undo.plan.ops.some((o) => 'cell' in o && o.sheet === '考核表' && o.cell === edited)).toBe(false);
    const back = applyPlanToGrid(written, undo.plan).wb;
    const want = contents(before).cells;
    want.set(`考核表!${edited}`, JSON.stringify([1.5, null]));
    expect(contents(back).cells).toEqual(want);
  });

  it('undoes a write interrupted part-way: cells never reached need nothing', () => {
    const before = typed();
    const p = writeAll(before);
    for (const cut of [1, Math.floor(p.ops.length / 3), p.ops.length - 2]) {
      const partial = applyPlanToGrid(before, { ...p, ops: p.ops.slice(0, cut) }).wb;
      const undo = planUndo(before, [p], partial);
      expect(undo.conflicts, `cut ${cut}`).toEqual([]);
      expect(contents(applyPlanToGrid(partial, undo.plan).wb), `cut ${cut}`).toEqual(contents(before));
    }
  });

  it('names what it cannot put back, and restores hidden columns, the print area and new validation', () => {
    const before: WorkbookGrid = {
      sheets: [
        {
          name: 'S',
          values: [['a']],
          merges: [],
          hiddenCols: [5],
          validations: [{ top: 9, left: 9, bottom: 9, right: 9 }],
          printArea: [{ top: 0, left: 0, bottom: 9, right: 3 }],
        },
      ],
    };
    const p: WritePlan = {
      ops: [
        { op: 'value', sheet: 'S', cell: 'B1', value: 'x' },
        { op: 'merge', sheet: 'S', range: 'A2:A3' },
        { op: 'fill', sheet: 'S', range: 'B1', color: 'DDEBF7' },
        { op: 'font', sheet: 'S', range: 'B1', bold: true },
        { op: 'columnWidth', sheet: 'S', col: 'F', width: 9 },
        { op: 'note', sheet: 'S', cell: 'B1', text: 'n' },
        { op: 'hideColumns', sheet: 'S', cols: ['F'], hidden: false },
        { op: 'printArea', sheet: 'S', ranges: ['A1:F10'] },
        { op: 'validation', sheet: 'S', range: 'G2:G9', rule: { kind: 'reject' }, prompt: null, error: null },
        { op: 'validation', sheet: 'S', range: 'J10', rule: { kind: 'reject' }, prompt: null, error: null },
        { op: 'clearValidation', sheet: 'S', range: 'H2:H9' },
      ],
      owned: [],
      conflicts: [],
    };
    const written = applyPlanToGrid(before, p).wb;
    const undo = planUndo(before, [p], written);
    expect(undo.plan.ops).toEqual([
      { op: 'unmerge', sheet: 'S', range: 'A2:A3' },
      { op: 'value', sheet: 'S', cell: 'B1', value: null, expected: { kind: 'value', value: 'x' } },
      { op: 'hideColumns', sheet: 'S', cols: ['F'], hidden: true },
      { op: 'printArea', sheet: 'S', ranges: ['A1:D10'] },
      { op: 'clearValidation', sheet: 'S', range: 'G2:G9' },
    ]);
    const gaps = Object.fromEntries(undo.gaps.map((g) => [g.kind, g.count]));
    expect(gaps).toEqual({ format: 2, columnWidth: 1, note: 1, validation: 2 });
  });

  it('unmerges only the merges the write added on cells not merged before', () => {
    const before: WorkbookGrid = {
      sheets: [
        {
          name: 'S',
          values: [['a']],
          merges: [
            { top: 0, left: 0, bottom: 0, right: 3 },
            { top: 4, left: 0, bottom: 6, right: 0 },
          ],
        },
      ],
    };
    const p: WritePlan = {
      ops: [
        // Already merged so: nothing to undo.
        { op: 'merge', sheet: 'S', range: 'A1:D1' },
        // Over cells merged otherwise before: that merge is gone, listed.
        { op: 'merge', sheet: 'S', range: 'A5:B5' },
        // New.
        { op: 'merge', sheet: 'S', range: 'C3:C4' },
        { op: 'merge', sheet: 'S', range: 'E2:G2' },
      ],
      owned: [],
      conflicts: [],
    };
    const written = applyPlanToGrid(before, p).wb;
    const undo = planUndo(before, [p], written);
    expect(undo.plan.ops).toEqual([
      { op: 'unmerge', sheet: 'S', range: 'C3:C4' },
      { op: 'unmerge', sheet: 'S', range: 'E2:G2' },
    ]);
    expect(undo.gaps).toEqual([{ sheet: 'S', kind: 'merge', count: 1 }]);
    // A read that could not report merges (Office before ExcelApi 1.13) shows none: a merge the
    // write made may have been there before, so none is split, and all are listed.
    const blind = planUndo(before, [p], written, { mergesKnown: false });
    expect(blind.plan.ops).toEqual([]);
    expect(blind.gaps).toEqual([{ sheet: 'S', kind: 'merge', count: 3 }]);
  });

  it('names a print area set where the sheet had none apart from the other print settings', () => {
    const before: WorkbookGrid = { sheets: [{ name: 'S', values: [['a']], merges: [] }] };
    const p: WritePlan = {
      ops: [
        { op: 'printArea', sheet: 'S', ranges: ['A1:F10'] },
        { op: 'printTitles', sheet: 'S', rows: '1:2' },
        { op: 'pageSetup', sheet: 'S', paper: 'A4', orientation: 'portrait', fitToWidth: true },
      ],
      owned: [],
      conflicts: [],
    };
    const undo = planUndo(before, [p], applyPlanToGrid(before, p).wb);
    expect(undo.plan.ops).toEqual([]);
    expect(undo.gaps).toEqual([
      { sheet: 'S', kind: 'printArea', count: 1 },
      { sheet: 'S', kind: 'print', count: 2 },
    ]);
  });

  it('shows again the columns a write hid where the read recorded none hidden', () => {
    const before: WorkbookGrid = { sheets: [{ name: 'S', values: [['a']], merges: [] }] };
    const p: WritePlan = {
      ops: [{ op: 'hideColumns', sheet: 'S', cols: ['K', 'L'], hidden: true }],
      owned: [],
      conflicts: [],
    };
    const undo = planUndo(before, [p], applyPlanToGrid(before, p).wb);
    expect(undo.plan.ops).toEqual([{ op: 'hideColumns', sheet: 'S', cols: ['K', 'L'], hidden: false }]);
    expect(undo.gaps).toEqual([]);
    // A read that cannot tell hidden columns (WPS): they may have been hidden before; left, and listed.
    const blind = planUndo(before, [p], applyPlanToGrid(before, p).wb, { hiddenColsKnown: false });
    expect(blind.plan.ops).toEqual([]);
    expect(blind.gaps).toEqual([{ sheet: 'S', kind: 'hiddenColumns', count: 1 }]);
  });

  it('removes the validation a write added where the read recorded none, so the next write asks about the same cells', () => {
    // A host that reports no validation rectangles for a sheet without any (the grid's field absent).
    const before = typed();
    expect(before.sheets[0]!.validations).toBeUndefined();
    const p = writeAll(before, true);
    const added = p.ops.filter((o) => o.op === 'validation');
    expect(added.length).toBeGreaterThan(0);
    const written = applyPlanToGrid(before, p).wb;
    const undo = planUndo(before, [p], written);
    expect(undo.plan.ops.filter((o) => o.op === 'clearValidation')).toEqual(
      added.map((o) => ({ op: 'clearValidation', sheet: o.sheet, range: o.range })),
    );
    expect(undo.gaps.filter((g) => g.kind === 'validation')).toEqual([]);
    // The undone workbook as a host reads it: the validation the undo did not clear is still there.
    const back = (cleared: boolean): WorkbookGrid => {
      const wb = applyPlanToGrid(written, undo.plan).wb;
      const left = added.filter(
        (a) =>
          !cleared ||
          !undo.plan.ops.some(
            (o) => o.op === 'clearValidation' && o.sheet === a.sheet && o.range === a.range,
          ),
      );
      for (const sheet of wb.sheets) {
        const rects = left.filter((a) => a.sheet === sheet.name).map((a) => parseRange(a.range)!);
        if (rects.length > 0) sheet.validations = rects;
      }
      return wb;
    };
    const conflicts = (wb: WorkbookGrid) =>
      plan(wb, [], true)
        .conflicts.map((c) => `${c.kind ?? 'content'} ${c.cell}`)
        .sort();
    expect(conflicts(back(true))).toEqual(conflicts(before));
    // Left on, the product's validation would be taken for the assessor's by the next write.
    expect(conflicts(back(false))).not.toEqual(conflicts(before));
  });

  it('a write then its undo gives back the workbook, for random entries and confirmed subsets', () => {
    const entry = fc.oneof(
      { weight: 4, arbitrary: fc.constant<CellValue | undefined>(undefined) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => n / 10) },
      { weight: 1, arbitrary: fc.constantFrom<CellValue>('1分', '无') },
    );
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: N_ITEMS, maxLength: N_ITEMS }),
        fc.array(entry, { minLength: N_ITEMS, maxLength: N_ITEMS }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
        (deductions, scores, earlier, entryColumns, confirm) => {
          let before: WorkbookGrid = { sheets: [rubricSheet({ deductions, scores }).sheet] };
          if (earlier) before = applyPlanToGrid(before, writeAll(before, !entryColumns)).wb;
          const draft = plan(before, [], entryColumns);
          const chosen = draft.conflicts.filter((_, i) => confirm[i % 32]).map((c) => `${c.sheet}!${c.cell}`);
          const p = plan(before, chosen, entryColumns);
          const written = applyPlanToGrid(before, p).wb;
          const undo = planUndo(before, [p], written);
          expect(undo.conflicts).toEqual([]);
          expect(contents(applyPlanToGrid(written, undo.plan).wb)).toEqual(contents(before));
        },
      ),
      { numRuns: 40 },
    );
  });
});
