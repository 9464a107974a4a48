/**
 * 汇总 tells the truth: a unit with open entry errors is marked and not ranked (live and in the CLI's
 * values), and where a table has both 自评分 and the assessor's score the differences are shown.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';
import { a1 } from '../../src/core/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { formatNote, LABELS, planSummary, planSummaryValues, summaryLayout } from '../../src/core/summary';
import { applyPlan, evaluate, valueAt } from './harness';

/** A unit sheet as an office writes it: 扣分 typed, 得分 filled in, an optional 自评分 column. */
function unitSheet(name: string, rows: { d: CellValue; self?: number }[], withSelf = false): SheetGrid {
  const items = ['学习制度', '台账资料', '宣传阵地', '入户走访'];
  const head = [
    '考核内容',
    '标准分值',
    '评分标准',
    ...(withSelf ? ['自评分'] : []),
    '扣分',
    '得分',
    '扣分原因',
  ];
  return {
    name,
    merges: [],
    values: [
      head,
      ...rows.map((r, i) => {
        const d = typeof r.d === 'number' ? r.d : 0;
        return [
          items[i]!,
          5,
          '每缺一次扣1分',
          ...(withSelf ? [r.self ?? null] : []),
          r.d,
          5 - d,
          r.d ? '缺' : null,
        ];
      }),
    ],
  };
}

const OK = [{ d: 1 }, { d: 0 }, { d: 0 }, { d: 0 }];

describe('a unit with open entry errors', () => {
  const wb: WorkbookGrid = {
    sheets: [
      unitSheet('东风社区', OK),
      unitSheet('铁西社区', [{ d: '1分' }, { d: 0 }, { d: 0 }, { d: 0 }]),
      unitSheet('新华社区', [{ d: 2 }, { d: 0 }, { d: 0 }, { d: 0 }]),
    ],
  };
  const report = analyzeWorkbook(wb);

  it('is marked in the live 汇总, its rank withheld, the others ranked as if it were absent', () => {
    expect(report.sheets[1]!.issues.map((i) => i.code)).toContain('notANumber');
    const plan = planSummary(wb, report, { lang: 'zh' });
    expect(plan.status.map((s) => [s.sheet, s.errors > 0, s.rank])).toEqual([
      ['东风社区', false, 1],
      ['铁西社区', true, null],
      ['新华社区', false, 2],
    ]);
    const hf = evaluate(applyPlan(wb, plan).wb);
    const lay = summaryLayout(0);
    const cell = (r: number, c: number) => valueAt(hf, '汇总', a1(lay.firstRow + r, c));
    expect([cell(0, lay.rank), cell(1, lay.rank), cell(2, lay.rank)]).toEqual([1, LABELS.zh.rankWithheld, 2]);
    expect(cell(1, lay.hold)).toBe(1);
    expect(cell(1, lay.status)).toBe(LABELS.zh.statusFailed(1));
    expect(cell(0, lay.hold)).toBe(0);
    expect(cell(0, lay.status)).toBe(LABELS.zh.statusOk);
    const n = plan.notes.find((x) => x.code === 'notReady');
    expect(n?.params.sheet).toBe('铁西社区');
    expect(formatNote(n!, 'zh')).toContain('暂不排名');
    expect(formatNote(n!, 'en')).toMatch(/^"铁西社区" has 1 entry error:/);
  });

  it('ranks once fixed: clearing the withheld count in the sheet gives it its place live', () => {
    const plan = planSummary(wb, report, { lang: 'zh' });
    const hf = evaluate(applyPlan(wb, plan).wb);
    const lay = summaryLayout(0);
    hf.setCellContents({ sheet: hf.getSheetId('汇总')!, row: lay.firstRow + 1, col: lay.hold }, 0);
    // 铁西's 得分 cells add up to 20 (nothing deducted where "1分" was typed); 东风 has 19.
    expect(valueAt(hf, '汇总', a1(lay.firstRow + 1, lay.rank))).toBe(1);
    expect(valueAt(hf, '汇总', a1(lay.firstRow, lay.rank))).toBe(2);
  });

  it('is flagged and not ranked in the CLI values, with the same ranks for the others', () => {
    const values = planSummaryValues(
      wb.sheets.map((s) => ({ file: `${s.name}.xlsx`, report: analyzeWorkbook({ sheets: [s] }) })),
      { lang: 'zh' },
    );
    const live = planSummary(wb, report, { lang: 'zh' });
    expect(values.units.map((u) => u.rank)).toEqual(live.status.map((s) => s.rank));
  });
});

describe('自评分 beside the assessor’s score', () => {
  const selfRows = [
    { d: 1, self: 5 },
    { d: 0, self: 5 },
    { d: 0.5, self: 4 },
    { d: 0, self: 5 },
  ];
  const wb: WorkbookGrid = {
    sheets: [unitSheet('东风社区', selfRows, true), unitSheet('新华社区', OK)],
  };
  const report = analyzeWorkbook(wb);

  it('lists the items that differ and the totals, and 汇总 computes the difference live', () => {
    const plan = planSummary(wb, report, { lang: 'zh' });
    const self = plan.status[0]!.self!;
    expect(self.selfTotal).toBe(19);
    expect(self.diff).toBe(-0.5);
    expect(self.items.map((d) => [d.label, d.self, d.score, d.diff])).toEqual([
      ['学习制度', 5, 4, -1],
      ['宣传阵地', 4, 4.5, 0.5],
    ]);
    expect(plan.status[1]!.self).toBe(null);
    const lay = summaryLayout(0, { self: true });
    const hf = evaluate(applyPlan(wb, plan).wb);
    expect(valueAt(hf, '汇总', a1(lay.headerRow, lay.selfTotal!))).toBe(LABELS.zh.selfTotal);
    expect(valueAt(hf, '汇总', a1(lay.firstRow, lay.selfTotal!))).toBe(19);
    expect(valueAt(hf, '汇总', a1(lay.firstRow, lay.selfDiff!))).toBe(-0.5);
    expect(valueAt(hf, '汇总', a1(lay.firstRow + 1, lay.selfDiff!))).toBe(null);
  });
});
