import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';
import type { CellValue, SheetGrid } from '../../src/core/grid';

function sheet(rows: CellValue[][]): SheetGrid {
  return { name: '考核表', values: [['考核内容', '分值', '评分标准', '得分', '备注'], ...rows], merges: [] };
}

describe('a 加分项 whose 分值 is only a limit ("最高5分")', () => {
  it('has no points of its own, adds up to the limit, and a score above it is reported', () => {
    const wb = {
      sheets: [
        sheet([
          ['日常工作', 100, '每缺一项扣1分', 98, '缺两项'],
          ['创新工作', '最高5分', '受到市级表彰的加2分，省级以上加5分', 7, '省级表彰'],
        ]),
      ],
    };
    const s = analyzeWorkbook(wb).sheets[0]!;
    const a = s.analysis!;
    expect(a.table.items.map((i) => i.points)).toEqual([100, 0]);
    expect(a.rules[a.table.items[1]!.id]?.bonusCap).toBe(5);
    expect(s.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['bonusAboveMax@D3']);
    expect(a.score.max).toBe(100);
  });

  it('with no bonus wording in its 评分标准 still allows the stated bonus, and no more', () => {
    const wb = {
      sheets: [
        sheet([
          ['日常工作', 100, '每缺一项扣1分', 100, ''],
          ['加分项', '最多加3分', '由考核组认定', 3, ''],
        ]),
      ],
    };
    const s = analyzeWorkbook(wb).sheets[0]!;
    expect(s.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(s.analysis!.score.total).toBe(103);
  });
});
