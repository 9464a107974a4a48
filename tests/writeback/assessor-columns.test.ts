import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';
import type { WorkbookGrid } from '../../src/core/grid';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, recalculate, typeInto } from '../helpers/hf';

/** A rubric as offices receive it: no columns for the assessors yet. */
function bareRubric(): WorkbookGrid {
  return {
    sheets: [
      {
        name: '党建考核',
        merges: [],
        values: [
          ['考核项目', '考核内容', '分值', '评分标准'],
          ['一、组织建设（10分）', null, null, null],
          [null, '1.学习制度', 5, '每缺一次学习扣1分，扣完为止'],
          [null, '2.台账资料', 5, '台账不全的扣0.5分/项'],
          ['合计', null, null, null],
        ],
      },
    ],
  };
}

const write = (wb: WorkbookGrid, entryColumns = false) => {
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh' });
  expect(plan.conflicts).toEqual([]);
  return recalculate(applyPlanToGrid(wb, plan).wb);
};

describe('a rubric without 扣分 / 得分 columns', () => {
  it('gets 扣分, 得分 and 扣分原因 columns right of the table, read back as the same table', () => {
    const filled = write(bareRubric());
    const s = filled.sheets[0]!;
    expect(s.values[0]?.slice(4, 7)).toEqual(['扣分', '得分', '扣分原因']);
    const again = analyzeWorkbook(filled).sheets[0]!.analysis!;
    expect(again.table.columns).toMatchObject({ deduction: 4, score: 5, reason: 6 });
    expect(again.table.items.map((i) => i.text)).toEqual(['1.学习制度', '2.台账资料']);
    expect(again.score.total).toBe(10);
    expect(s.values[4]?.[5]).toBe(10);
  });

  it('scores what assessors then type in the added 扣分 column, by formula', () => {
    const filled = write(bareRubric());
    typeInto(filled, '党建考核', 'E3', 2);
    typeInto(filled, '党建考核', 'G3', '缺两次学习');
    const recalculated = recalculate(filled);
    const report = analyzeWorkbook(recalculated).sheets[0]!;
    expect(report.analysis!.score.total).toBe(8);
    expect(recalculated.sheets[0]!.values[2]?.[5]).toBe(3);
    expect(recalculated.sheets[0]!.values[4]?.[5]).toBe(8);
  });

  it('writing again changes nothing', () => {
    const once = write(bareRubric());
    const report = analyzeWorkbook(once);
    const plan = planWrite(once, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    const twice = recalculate(applyPlanToGrid(once, plan).wb);
    expect(twice.sheets[0]!.values).toEqual(once.sheets[0]!.values);
  });
});
