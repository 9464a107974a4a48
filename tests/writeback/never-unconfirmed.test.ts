/**
 * The promise "nothing changes a cell the user did not confirm", by property: over random rubric
 * sheets, typed entries (numbers and text in 扣分 and 得分, a typed 合计), an earlier write the
 * assessor then typed over, entry columns on or off, and random subsets of the conflicts confirmed,
 * applying the plan changes no cell that was non-empty, not owned by the product and not confirmed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { META_SHEET, readMeta } from '../../src/core/meta';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, typeInto } from '../helpers/hf';
import { rubricSheet } from './fixtures';

const N_ITEMS = 13;

const entryArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<CellValue | undefined>(undefined) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('1分', '无', ' ', '一') },
);

/** Every non-empty cell of every sheet but the product's data sheet: value and formula. */
function contents(wb: WorkbookGrid): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of wb.sheets) {
    if (s.name === META_SHEET) continue;
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? null;
        // A cell holding only spaces reads as empty to the planner and the assessor alike.
        if ((v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) && f === null)
          return;
        out.set(`${s.name}!${a1(r, c)}`, JSON.stringify([v ?? null, f]));
      });
    });
  }
  return out;
}

function plan(wb: WorkbookGrid, entryColumns: boolean, overwrite: string[]) {
  const report = analyzeWorkbook(wb);
  return planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh', overwrite });
}

describe('a write plan never changes a cell the user did not confirm', () => {
  it('holds for random entries, earlier writes typed over, and random confirmed subsets', () => {
    fc.assert(
      fc.property(
        fc.record({
          noDeduction: fc.boolean(),
          deductions: fc.array(entryArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
          scores: fc.array(entryArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
          earlier: fc.option(fc.boolean(), { nil: undefined }),
          typedOver: fc.array(fc.tuple(fc.nat(), fc.constantFrom<CellValue>(7, '改过', 0)), { maxLength: 4 }),
          entryColumns: fc.boolean(),
          confirm: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        }),
        (p) => {
          const { sheet } = rubricSheet({
            noDeduction: p.noDeduction,
            deductions: p.deductions,
            scores: p.scores,
          });
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
          const owned = new Set(
            readMeta(wb).meta.sheets.flatMap((s) => s.owned.map((c) => `${s.sheet}!${c}`)),
          );
          const before = contents(wb);
          const draft = plan(wb, p.entryColumns, []);
          const confirmed = draft.conflicts
            .filter((_, i) => p.confirm[i % p.confirm.length])
            .map((c) => `${c.sheet}!${c.cell}`);
          const final = plan(wb, p.entryColumns, confirmed);
          const after = contents(applyPlanToGrid(wb, final).wb);
          const confirmedSet = new Set(confirmed);
          for (const [cell, was] of before) {
            if (owned.has(cell) && !draft.conflicts.some((c) => `${c.sheet}!${c.cell}` === cell)) continue;
            if (confirmedSet.has(cell)) continue;
            expect(after.get(cell), `${cell} changed without confirmation`).toBe(was);
          }
          // Every unconfirmed conflict is still listed.
          for (const c of draft.conflicts)
            if (!confirmedSet.has(`${c.sheet}!${c.cell}`))
              expect(final.conflicts.some((x) => x.sheet === c.sheet && x.cell === c.cell)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reproduces the reported fault: unticked typed 得分 are left as they are', () => {
    const scores = new Array<CellValue | undefined>(N_ITEMS).fill(undefined);
    scores[0] = 8;
    scores[1] = 1.5;
    const { sheet, itemRows, cols } = rubricSheet({ noDeduction: false, scores });
    const wb: WorkbookGrid = { sheets: [sheet] };
    const draft = plan(wb, false, []);
    const cells = [a1(itemRows[0]!, cols.score!), a1(itemRows[1]!, cols.score!)];
    expect(draft.conflicts.map((c) => c.cell)).toEqual(expect.arrayContaining(cells));
    // No operation for either cell while neither is confirmed …
    expect(draft.ops.some((o) => 'cell' in o && cells.includes(o.cell) && o.sheet === sheet.name)).toBe(
      false,
    );
    const s = (g: WorkbookGrid): SheetGrid => g.sheets.find((x) => x.name === sheet.name)!;
    const applied = applyPlanToGrid(wb, draft).wb;
    expect(s(applied).values[itemRows[0]!]![cols.score!]).toBe(8);
    // … and confirming one writes that one only.
    const one = plan(wb, false, [`${sheet.name}!${cells[0]}`]);
    const after = applyPlanToGrid(wb, one).wb;
    expect(s(after).formulas?.[itemRows[0]!]?.[cols.score!]).toMatch(/^=/);
    expect(s(after).values[itemRows[1]!]![cols.score!]).toBe(1.5);
  });
});
