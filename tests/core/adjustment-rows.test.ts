/** A 奖扣分 / 加减分 row (a bonus and a deduction stated beside the total) is not part of the maximum. */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';
import type { CellValue, SheetGrid } from '../../src/core/grid';

function sheet(rows: CellValue[][]): SheetGrid {
  return { name: '考核表', values: [['考核内容', '分值', '评分标准', '得分', '备注'], ...rows], merges: [] };
}

const analysed = (label: string, rule: string) =>
  analyzeWorkbook({
    sheets: [
      sheet([
        ['日常工作', 60, '每缺一项扣1分', null, ''],
        ['专项工作', 40, '每缺一项扣2分', null, ''],
        [label, 5, rule, null, ''],
      ]),
    ],
  }).sheets[0]!.analysis!;

describe('a row that adds and takes off beside the total', () => {
  for (const [label, rule] of [
    ['奖扣分项目', '获省级表彰的奖3分；被市级通报批评的扣3分'],
    ['加减分', '工作经验被推广的加2分，被通报的减2分'],
    ['加扣分项', '受表扬加1分/次，被曝光扣1分/次'],
  ] as const) {
    it(`${label}: its points cell is the most it can move the score, not part of the maximum`, () => {
      const a = analysed(label, rule);
      expect(a.score.max).toBe(100);
      expect(a.score.total).toBe(100);
      const row = a.table.items[2]!;
      expect(row.points).toBe(0);
      const r = a.rules[row.id]!;
      expect(r.fromTotal).toBe(true);
      expect(r.cap).toMatchObject({ kind: 'explicit', amount: 5 });
      expect(r.bonusCap).toBe(5);
    });
  }

  it('an ordinary item under such a label that only deducts keeps its points', () => {
    const a = analysed('奖惩情况', '每缺一项扣1分');
    expect(a.score.max).toBe(105);
    expect(a.table.items[2]!.points).toBe(5);
  });
});
