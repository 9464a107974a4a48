/**
 * The promise "nothing changes a cell the user did not confirm", by property: over random rubric
 * sheets, typed entries (numbers and text in 扣分 and 得分, a typed 合计), an earlier write the
 * assessor then typed over, entry columns on or off, and random subsets of the conflicts confirmed,
 * applying the plan changes no cell that was non-empty, not owned by the product and not confirmed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { applyPlanToGrid } from '../helpers/hf';
import { rubricSheet } from './fixtures';
import { decide, expectKept, N_ITEMS, plan, scenarioArb, workbookOf } from './unconfirmed';

describe('a write plan never changes a cell the user did not confirm', () => {
  it('holds for random entries, earlier writes typed over, and random confirmed subsets', () => {
    fc.assert(
      fc.property(scenarioArb(['1分', '无', ' ', '一']), (p) => {
        const wb = workbookOf(p);
        const d = decide(wb, p);
        expectKept(wb, applyPlanToGrid(wb, d.final).wb, d);
      }),
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
