/**
 * The scenarios of the property "nothing changes a cell the user did not confirm", shared by the
 * core's test and the adapters' test: random rubric sheets with typed entries, an earlier write the
 * assessor typed over, entry columns on or off, and random subsets of the conflicts confirmed.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { META_SHEET, readMeta } from '../../src/core/meta';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, typeInto } from '../helpers/hf';
import { rubricSheet } from './fixtures';

export const N_ITEMS = 13;

/** An entry: blank, a number of points, or text an assessor might type (`texts`). */
export function entryArb(texts: readonly string[]): fc.Arbitrary<CellValue | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant<CellValue | undefined>(undefined) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => n / 10) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(...texts) },
  );
}

export function scenarioArb(texts: readonly string[]) {
  return fc.record({
    noDeduction: fc.boolean(),
    deductions: fc.array(entryArb(texts), { minLength: N_ITEMS, maxLength: N_ITEMS }),
    scores: fc.array(entryArb(texts), { minLength: N_ITEMS, maxLength: N_ITEMS }),
    earlier: fc.option(fc.boolean(), { nil: undefined }),
    typedOver: fc.array(fc.tuple(fc.nat(), fc.constantFrom<CellValue>(7, '改过', 0)), { maxLength: 4 }),
    entryColumns: fc.boolean(),
    confirm: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  });
}
export type Scenario = ReturnType<typeof scenarioArb> extends fc.Arbitrary<infer T> ? T : never;

/**
 * Every non-empty cell of every sheet but the product's data sheet. With `cached: false` a formula
 * cell is its text only (a cached value is the engine's business; the text is the user's).
 */
export function contents(wb: WorkbookGrid, cached = true): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of wb.sheets) {
    if (s.name === META_SHEET) continue;
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? null;
        // A cell holding only spaces reads as empty to the planner and the assessor alike.
        if ((v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) && f === null)
          return;
        out.set(`${s.name}!${a1(r, c)}`, JSON.stringify(cached || f === null ? [v ?? null, f] : [f]));
      });
    });
  }
  return out;
}

export function plan(wb: WorkbookGrid, entryColumns: boolean, overwrite: string[]) {
  const report = analyzeWorkbook(wb);
  return planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh', overwrite });
}

/** The workbook before the write: the sheet, and an earlier write the assessor typed over. */
export function workbookOf(p: Scenario): WorkbookGrid {
  const { sheet } = rubricSheet({ noDeduction: p.noDeduction, deductions: p.deductions, scores: p.scores });
  let wb: WorkbookGrid = { sheets: [sheet] };
  if (p.earlier !== undefined) {
    // An earlier write (everything confirmed), then the assessor types over some owned cells.
    const first = plan(wb, p.earlier, []);
    const all = first.conflicts.map((c) => `${c.sheet}!${c.cell}`);
    wb = applyPlanToGrid(wb, plan(wb, p.earlier, all)).wb;
    const owned = readMeta(wb).meta.sheets.flatMap((s) => s.owned.map((c) => [s.sheet, c] as const));
    for (const [i, v] of p.typedOver)
      if (owned.length > 0) {
        const [s, c] = owned[i % owned.length]!;
        typeInto(wb, s, c, v);
      }
  }
  return wb;
}

/** The draft, the cells confirmed in it, and the plan written. */
export function decide(wb: WorkbookGrid, p: Scenario) {
  const draft = plan(wb, p.entryColumns, []);
  const confirmed = draft.conflicts
    .filter((_, i) => p.confirm[i % p.confirm.length])
    .map((c) => `${c.sheet}!${c.cell}`);
  return { draft, confirmed, final: plan(wb, p.entryColumns, confirmed) };
}

/** No cell that was non-empty, not the product's and not confirmed changed; unconfirmed conflicts stay listed. */
export function expectKept(
  wb: WorkbookGrid,
  after: WorkbookGrid,
  d: ReturnType<typeof decide>,
  cached = true,
): void {
  const owned = new Set(readMeta(wb).meta.sheets.flatMap((s) => s.owned.map((c) => `${s.sheet}!${c}`)));
  const inConflict = new Set(d.draft.conflicts.map((c) => `${c.sheet}!${c.cell}`));
  const confirmed = new Set(d.confirmed);
  const now = contents(after, cached);
  for (const [cell, was] of contents(wb, cached)) {
    if (owned.has(cell) && !inConflict.has(cell)) continue;
    if (confirmed.has(cell)) continue;
    expect(now.get(cell), `${cell} changed without confirmation`).toBe(was);
  }
  for (const c of d.draft.conflicts)
    if (!confirmed.has(`${c.sheet}!${c.cell}`))
      expect(d.final.conflicts.some((x) => x.sheet === c.sheet && x.cell === c.cell)).toBe(true);
}
