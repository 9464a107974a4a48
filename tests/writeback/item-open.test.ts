/**
 * Scoring one item from the pane on a base-score table (基本分70分, items add or deduct): the item has
 * no points of its own, so what it deducts goes below 0, as the sheet's scoring and formulas count it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { liveItemScore, planItemEntry } from '../../src/core/writeback/item';
import { applyPlanToGrid } from '../helpers/hf';

function baseTable(): WorkbookGrid {
  return {
    sheets: [
      {
        name: '表',
        merges: [],
        values: [
          ['教学评分标准', null, null, null],
          ['注：基本分为70分，各项加分或扣分。', null, null, null],
          ['序号', '考核项目', '评分标准', '得分'],
          [1, '项目1', '获市级教学竞赛奖的，每次加5分', null],
          [2, '项目2', '无故未到监考的，每次扣3分', null],
          ['合计', null, null, null],
        ],
      },
    ],
  };
}

describe('an item of a base-score table scored from the pane', () => {
  it('writes the deduction below 0 into 得分, and the sheet then totals base − deduction', () => {
    const wb = baseTable();
    const a = analyzeWorkbook(wb).sheets[0]!.analysis!;
    expect(a.table.scheme).toBe('base');
    const item = a.table.items[1]!;
    const rule = a.rules[item.id]!;
    expect(liveItemScore(item, rule, [2], a.table)).toMatchObject({ deduction: 6, score: -6 });
    const p = planItemEntry(wb.sheets[0]!, a, undefined, item.id, { inputs: [2], reason: '' });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.target).toBe('score');
    expect(p.score).toMatchObject({ deduction: 6, score: -6 });
    expect(p.plan.ops).toEqual([expect.objectContaining({ op: 'value', cell: 'D5', value: -6 })]);
    const after = applyPlanToGrid(wb, p.plan).wb;
    expect(analyzeWorkbook(after).sheets[0]!.analysis!.score.total).toBe(64);
  });
});
