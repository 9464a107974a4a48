import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { formatIssue } from '../../src/core/i18n';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, buildEngine, hfValue } from '../helpers/hf';

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

/** The written total, as HyperFormula computes it from the write plan. */
function writtenTotal(wb: WorkbookGrid, cell: string): CellValue {
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
  return hfValue(buildEngine(applyPlanToGrid(wb, plan).wb), wb.sheets[0]!.name, cell);
}

describe('a bonus typed above the bonus the rule states', () => {
  it('counts only the stated bonus, in the core and in the written 合计, and says so at the cell', () => {
    const wb: WorkbookGrid = {
      sheets: [
        {
          name: '考核表',
          merges: [],
          values: [
            ['考核内容', '分值', '评分标准', '得分', '备注'],
            ['日常工作', 100, '每缺一项扣1分', 98, '缺两项'],
            ['创新工作', '最高5分', '受到市级表彰的加2分，省级以上加5分', 7, '省级表彰'],
            ['合计', null, null, null, null],
          ],
        },
      ],
    };
    const s = analyzeWorkbook(wb).sheets[0]!;
    const a = s.analysis!;
    expect(a.score.items.map((x) => [x.score, x.bonus])).toEqual([
      [98, 0],
      [5, 5],
    ]);
    expect(a.score.total).toBe(103);
    expect(writtenTotal(wb, 'D4')).toBe(103);
    const found = s.issues.find((i) => i.code === 'bonusAboveMax')!;
    expect(found.cell).toBe('D3');
    expect(found.params).toMatchObject({ value: '7', max: '5', item: '创新工作' });
    const zh = formatIssue(found, 'zh');
    // What was found, where, what to do.
    expect(zh.startsWith('“创新工作”得分 7')).toBe(true);
    expect(zh).toMatch(/按 5 分计入/);
    expect(zh).toMatch(/改为不超过 5/);
    expect(formatIssue(found, 'en')).toMatch(/counted as 5/);
  });

  it('on a bonus-only table ("+5"), holds the award to the stated bonus and reports it', () => {
    const wb: WorkbookGrid = {
      sheets: [
        {
          name: '守信信息',
          values: [
            ['村级信用积分 守信信息（加分）', null, null, null],
            ['序号', '加分事项', '加分标准', '得分'],
            [1, '被评为先进个人的', '+5', 8],
            [2, '参加志愿服务的', '+1至+10', 10],
            [3, '见义勇为的', '+2', 2],
            ['合计', null, null, null],
          ],
          merges: [],
        },
      ],
    };
    const s = analyzeWorkbook(wb).sheets[0]!;
    const a = s.analysis!;
    expect(a.table.scheme).toBe('bonus');
    expect(a.score.items.map((x) => x.score)).toEqual([5, 10, 2]);
    expect(a.score.total).toBe(17);
    expect(writtenTotal(wb, 'D6')).toBe(17);
    const found = s.issues.filter((i) => i.code === 'bonusAboveMax');
    expect(found.map((i) => [i.cell, i.params.value, i.params.max])).toEqual([['D3', '8', '5']]);
  });
});
