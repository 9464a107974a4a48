/**
 * Scoring one item from the pane: the plan writes only that item's cells, and the sheet then scores
 * the item exactly as the pane showed it live — whether the entries go to 扣分 or to entry columns,
 * checked by property over random inputs for every rule kind of the fixture rubric. A cell holding
 * the assessor's other content is never written until they confirm it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { readMeta } from '../../src/core/meta';
import type { SheetAnalysis } from '../../src/core/model';
import { handlerFor } from '../../src/core/rules/kinds';
import type { Rule } from '../../src/core/rules/types';
import { planWrite } from '../../src/core/writeback';
import { liveItemScore, planItemEntry, type TermInput } from '../../src/core/writeback/item';
import { applyPlanToGrid, recalculate } from '../helpers/hf';
import { rubricSheet } from './fixtures';

const SHEET = '考核表';

function analysisOf(wb: WorkbookGrid): SheetAnalysis {
  const a = analyzeWorkbook(wb).sheets.find((s) => s.sheet === SHEET)?.analysis;
  if (!a) throw new Error('no rubric');
  return a;
}

function stateOf(wb: WorkbookGrid) {
  return readMeta(wb).meta.sheets.find((s) => s.sheet === SHEET);
}

/** Random inputs of the right type for each term of a rule. */
function inputsFor(rule: Rule): fc.Arbitrary<TermInput[]> {
  return fc.tuple(
    ...rule.terms.map((t): fc.Arbitrary<TermInput> => {
      switch (handlerFor(t).input) {
        case 'yesNo':
          return fc.option(fc.boolean(), { nil: null });
        case 'percent':
          return fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
        case 'amount':
          return fc.option(
            fc.integer({ min: 0, max: 300 }).map((c) => c / 100),
            { nil: null },
          );
        case 'none':
          return fc.constant(null);
        default:
          return fc.option(fc.integer({ min: 0, max: 6 }), { nil: null });
      }
    }),
  );
}

function withWrite(wb: WorkbookGrid, entryColumns: boolean): WorkbookGrid {
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh' });
  return recalculate(applyPlanToGrid(wb, plan).wb);
}

describe('planItemEntry', () => {
  it('writes 扣分 and 扣分原因 so that the sheet scores the item as shown live', () => {
    const base: WorkbookGrid = { sheets: [rubricSheet().sheet] };
    const a = analysisOf(base);
    for (const item of a.table.items) {
      const rule = a.rules[item.id]!;
      fc.assert(
        fc.property(inputsFor(rule), (inputs) => {
          const live = liveItemScore(item, rule, inputs);
          const p = planItemEntry(base.sheets[0]!, a, undefined, item.id, { inputs, reason: '抽查' });
          expect(p.ok).toBe(true);
          if (!p.ok) return;
          // A bonus cannot be said as a deduction: it goes to 得分 as the score.
          expect(p.target).toBe(live.bonus > 0 ? 'score' : 'deduction');
          expect(p.plan.conflicts).toEqual([]);
          for (const op of p.plan.ops) {
            expect(op.op).toBe('value');
            if (op.op === 'value') expect(Number(op.cell.replace(/[A-Z]+/, '')) - 1).toBe(item.row);
          }
          const after = analysisOf(applyPlanToGrid(base, p.plan).wb);
          const s = after.score.items.find((x) => x.itemId === item.id)!;
          expect(s.score, item.label).toBe(live.score);
          expect(s.veto).toBe(live.veto);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('writes the entry cells when 扣分 is computed from entry columns, and the formulas agree', () => {
    const written = withWrite({ sheets: [rubricSheet().sheet] }, true);
    const a = analysisOf(written);
    const state = stateOf(written);
    expect(state?.entryColumns.length).toBeGreaterThan(0);
    for (const item of a.table.items) {
      const rule = a.rules[item.id]!;
      if (rule.terms.every((t) => handlerFor(t).input === 'none')) continue;
      fc.assert(
        fc.property(inputsFor(rule), (inputs) => {
          const live = liveItemScore(item, rule, inputs);
          const p = planItemEntry(written.sheets[0]!, a, state, item.id, { inputs, reason: '' });
          expect(p.ok).toBe(true);
          if (!p.ok) return;
          expect(p.target).toBe('entries');
          expect(p.plan.conflicts).toEqual([]);
          const after = recalculate(applyPlanToGrid(written, p.plan).wb);
          const s = analysisOf(after).score.items.find((x) => x.itemId === item.id)!;
          expect(s.score, item.label).toBe(live.score);
          // The 得分 formula in the sheet shows the same number.
          const col = a.table.columns.score!;
          expect(after.sheets[0]!.values[item.row]?.[col]).toBe(live.score);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('does not write over a 扣分 the assessor typed until they confirm it', () => {
    const { sheet, itemRows, cols } = rubricSheet({ deductions: [1] });
    const wb: WorkbookGrid = { sheets: [sheet] };
    const a = analysisOf(wb);
    const item = a.table.items[0]!;
    expect(item.row).toBe(itemRows[0]);
    const cell = a1(item.row, cols.deduction!);
    const bare = planItemEntry(sheet, a, undefined, item.id, { inputs: [4], reason: '' });
    expect(bare.ok && bare.plan.conflicts.map((c) => [c.cell, c.existing])).toEqual([[cell, '1']]);
    expect(bare.ok && bare.plan.ops.some((o) => 'cell' in o && o.cell === cell)).toBe(false);
    const confirmed = planItemEntry(
      sheet,
      a,
      undefined,
      item.id,
      { inputs: [4], reason: '' },
      {
        overwrite: [`${SHEET}!${cell}`],
      },
    );
    expect(confirmed.ok && confirmed.plan.conflicts).toEqual([]);
    const op = confirmed.ok ? confirmed.plan.ops.find((o) => 'cell' in o && o.cell === cell) : undefined;
    expect(op).toMatchObject({ op: 'value', value: 2, expected: { kind: 'value', value: 1 } });
  });

  it('says 一票否决 in the reason when a whole-assessment veto fires, and the total is 0', () => {
    const base: WorkbookGrid = { sheets: [rubricSheet().sheet] };
    const written = withWrite(base, false);
    const a = analysisOf(written);
    const item = a.table.items.find((i) => a.rules[i.id]?.terms.some((t) => t.kind === 'veto'))!;
    const rule = a.rules[item.id]!;
    const inputs = rule.terms.map((t) => (t.kind === 'veto' ? true : null));
    const p = planItemEntry(written.sheets[0]!, a, stateOf(written), item.id, { inputs, reason: '' });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const reasonCell = a1(item.row, a.table.columns.reason!);
    expect(p.plan.ops.find((o) => 'cell' in o && o.cell === reasonCell)).toMatchObject({ value: '一票否决' });
    const after = recalculate(applyPlanToGrid(written, p.plan).wb);
    const total = a.table.totalRow!;
    expect(after.sheets[0]!.values[total]?.[a.table.columns.score!]).toBe(0);
    expect(analysisOf(after).score.vetoed).toBe(true);
  });

  it('refuses inputs a term does not take, and a table with nowhere to write', () => {
    const { sheet } = rubricSheet();
    const a = analysisOf({ sheets: [sheet] });
    const item = a.table.items[0]!;
    expect(planItemEntry(sheet, a, undefined, item.id, { inputs: [-1], reason: '' })).toEqual({
      ok: false,
      refusal: { code: 'badInput', term: 0 },
    });
    const bare = rubricSheet({ noDeduction: true, noScore: true });
    const b = analysisOf({ sheets: [bare.sheet] });
    expect(
      planItemEntry(bare.sheet, b, undefined, b.table.items[0]!.id, { inputs: [1], reason: '' }),
    ).toEqual({ ok: false, refusal: { code: 'noColumns' } });
  });

  it('leaves cells that already hold the planned value alone', () => {
    const { sheet } = rubricSheet({ deductions: [1], reasons: ['少2人'] });
    const a = analysisOf({ sheets: [sheet] });
    const item = a.table.items[0]!;
    const p = planItemEntry(sheet, a, undefined, item.id, { inputs: [2], reason: '少2人' });
    expect(p.ok && p.plan.ops).toEqual([]);
  });
});
