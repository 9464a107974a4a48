import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { planSummaryValues } from '../../src/core/summary';

/** One unit's workbook; the rubric declares 100 points but its items add up to 10 (a rubric fault). */
function unit(name: string, deduction: CellValue): WorkbookGrid {
  return {
    sheets: [
      {
        name,
        merges: [],
        values: [
          ['考核内容', '标准分值(100分)', '评分标准', '扣分', '得分', '扣分原因'],
          ['学习制度', 5, '每缺一次扣1分', deduction, null, deduction ? '缺' : null],
          ['台账资料', 5, '每缺一项扣0.5分', 0, null, null],
        ],
      },
    ],
  };
}

describe('the CLI summary of units that share a faulty rubric', () => {
  it('lists the rubric fault but still ranks the units; an entry error keeps a unit out of the ranking', () => {
    const inputs = [
      { file: '东风.xlsx', report: analyzeWorkbook(unit('东风', 1)) },
      { file: '新华.xlsx', report: analyzeWorkbook(unit('新华', 0)) },
      { file: '铁西.xlsx', report: analyzeWorkbook(unit('铁西', '1分')) },
    ];
    expect(inputs[0]!.report.sheets[0]!.issues.map((i) => i.code)).toContain('declaredTotalMismatch');
    const plan = planSummaryValues(inputs, { lang: 'zh' });
    expect(plan.units.map((u) => [u.name, u.figures.total, u.rank])).toEqual([
      ['东风', 9, 2],
      ['新华', 10, 1],
      ['铁西', 10, null],
    ]);
    expect(plan.problems.map((p) => p.issue.code)).toEqual(
      expect.arrayContaining(['declaredTotalMismatch', 'notANumber']),
    );
  });
});
