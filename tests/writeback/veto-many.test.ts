/**
 * Bounded formulas: with 100 veto items on a sheet, every formula the plan writes stays within
 * Excel's 8,192 characters and 64 nesting levels, and the total still follows any one veto.
 */
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, buildEngine, hfValue, typeInto } from '../helpers/hf';
import { CRITERIA, type FixtureCategory, RUBRIC, rubricSheet } from './fixtures';

/** Deepest parenthesis nesting of a formula, outside string literals. */
function depth(formula: string): number {
  let d = 0;
  let max = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '(') max = Math.max(max, ++d);
    else if (!inString && ch === ')') d--;
  }
  return max;
}

describe('100 veto items', () => {
  const vetoes = Array.from({ length: 100 }, (_, i) => ({
    text: `否决事项${i + 1}`,
    points: 1,
    criteria: CRITERIA.veto,
  }));
  const rubric: FixtureCategory[] = [
    { label: '一、否决事项', sections: [{ label: '（一）安全', items: vetoes }] },
    ...RUBRIC,
  ];
  const f = rubricSheet({ name: '表', rubric });
  const wb = { sheets: [f.sheet] };
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });

  it('writes every formula within 8,192 characters and 64 nesting levels', () => {
    const formulas = plan.ops.flatMap((o) => (o.op === 'formula' ? [o.formula] : []));
    expect(formulas.length).toBeGreaterThan(100);
    for (const x of formulas) {
      expect(x.length).toBeLessThanOrEqual(8192);
      expect(depth(x)).toBeLessThanOrEqual(64);
    }
    // The vetoes are read as vetoes of the whole assessment, so the total has 100 tests to make.
    expect(plan.warnings?.some((w) => w.code === 'vetoHelper')).toBe(true);
  });

  it('the total is the sum with no veto, and 0 once any one of the 100 is marked 否决', () => {
    const written = applyPlanToGrid(wb, plan).wb;
    const total = a1(f.totalRow!, f.cols.score!);
    const hf = buildEngine(written);
    const clean = hfValue(hf, '表', total);
    expect(typeof clean).toBe('number');
    expect(clean).toBeGreaterThan(0);
    for (const i of [0, 57, 99]) {
      const marked = structuredClone(written);
      typeInto(marked, '表', a1(f.itemRows[i]!, f.cols.reason), '发生事故，一票否决');
      expect(hfValue(buildEngine(marked), '表', total), `veto item ${i + 1}`).toBe(0);
    }
  });
});
