import { describe, expect, it } from 'vitest';
import { a1, sheetRef } from '../../src/core/a1';
import type { WorkbookGrid } from '../../src/core/grid';
import { readMeta } from '../../src/core/meta';
import type { SheetAnalysis } from '../../src/core/model';
import { COLORS, formatNote, planSummary, summaryLayout, type SummaryPlan } from '../../src/core/summary';
import { groupColumns, type SummaryUnit } from '../../src/core/summary/structure';
import {
  GROUPS,
  reportOf,
  applyPlan,
  analyse,
  evaluate,
  type UnitSpec,
  VETO_ITEM,
  valueAt,
  workbookOf,
} from './harness';

const NAMES = ['东风社区', "O'Brien 社区", '新华 (一)【二】', 'Sheet 1'];

const SPECS: UnitSpec[] = [
  { sheet: NAMES[0]!, deductions: [0, 1, 0.5, 0, 0, 1.5, 0], reasons: [undefined, '无计划', '阵地不全'] },
  { sheet: NAMES[1]!, deductions: [0, 0, 0, 0, 0, 0, 0] },
  {
    sheet: NAMES[2]!,
    deductions: [2, 0, 0, 1, 2, 0.3, 0],
    reasons: ['未成立', undefined, undefined, '少 1 户', '未投稿'],
  },
  { sheet: NAMES[3]!, deductions: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0] },
];

function build(specs: UnitSpec[] = SPECS, extra: WorkbookGrid['sheets'] = []) {
  const { wb, tables } = workbookOf(specs, extra);
  const report = reportOf(wb, tables);
  return { wb, tables, report };
}

function analyses(wb: WorkbookGrid, tables: ReturnType<typeof build>['tables']): Map<string, SheetAnalysis> {
  const m = new Map<string, SheetAnalysis>();
  for (const s of wb.sheets) {
    const t = tables.get(s.name);
    if (t) m.set(s.name, analyse(s, t));
  }
  return m;
}

/**
 * Expected rank from the core's totals, vetoed units last: competition = 1 + units with a higher key;
 * dense (中国式排名) = 1 + distinct higher keys.
 */
function expectedRanks(list: SheetAnalysis[], mode: 'dense' | 'competition' = 'dense'): number[] {
  const key = (a: SheetAnalysis) => (a.score.vetoed ? -Infinity : a.score.total);
  const keys = list.map(key);
  const higher = (k: number) => (mode === 'dense' ? [...new Set(keys)] : keys).filter((b) => b > k).length;
  return list.map((a) => 1 + higher(key(a)));
}

function unitsOf(plan: SummaryPlan, ans: Map<string, SheetAnalysis>): SummaryUnit[] {
  return plan.units.map((s) => ({ name: s, sheet: s, analysis: ans.get(s)! }));
}

describe('planSummary: the 汇总 sheet', () => {
  it('evaluates (HyperFormula) to the core figures: subtotals, totals, ranks and deduction counts', () => {
    const { wb, tables, report } = build();
    const plan = planSummary(wb, report, { lang: 'zh' });
    expect(plan.units).toEqual(NAMES);
    expect(plan.sheets).toEqual([
      { name: '汇总', role: 'summary', action: 'create' },
      { name: '扣分明细', role: 'deductions', action: 'create' },
    ]);
    const hf = evaluate(applyPlan(wb, plan).wb);
    const ans = analyses(wb, tables);
    const list = NAMES.map((n) => ans.get(n)!);
    const { columns } = groupColumns(unitsOf(plan, ans));
    expect(columns.map((c) => c.header)).toEqual([
      '(一)日常工作',
      '1、领导重视',
      '2、宣传教育',
      '(二)重点工作',
    ]);
    const lay = summaryLayout(columns.length);
    const ranks = expectedRanks(list);
    list.forEach((a, i) => {
      const r = lay.firstRow + i;
      expect(valueAt(hf, '汇总', a1(r, 1))).toBe(NAMES[i]);
      columns.forEach((c, j) => {
        const g = a.table.groups.find((x) => `${x.numbering}${x.label}` === c.header)!;
        expect(valueAt(hf, '汇总', a1(r, lay.groupCol0 + j))).toBeCloseTo(
          a.score.groups.find((x) => x.groupId === g.id)!.score,
          9,
        );
      });
      expect(valueAt(hf, '汇总', a1(r, lay.total))).toBeCloseTo(a.score.total, 9);
      expect(valueAt(hf, '汇总', a1(r, lay.rank))).toBe(ranks[i]);
      expect(valueAt(hf, '汇总', a1(r, lay.deductions))).toBe(
        a.score.items.filter((s) => s.deduction > 0).length,
      );
      expect(valueAt(hf, '汇总', a1(r, lay.veto))).toBe('');
    });
    // Hand-checked: totals 18, 21, 15.7, 18 — two units tie and share rank 2, the next is 3rd (中国式排名).
    expect(list.map((a) => a.score.total)).toEqual([18, 21, 15.7, 18]);
    expect(ranks).toEqual([2, 1, 3, 2]);
    expect(plan.rankMode).toBe('dense');
    expect(plan.status.map((s) => s.rank)).toEqual(ranks);
  });

  it('ranks as competition ranking (1, 2, 2, 4) when asked, and by default in English', () => {
    const { wb, tables, report } = build();
    const list = NAMES.map((n) => analyses(wb, tables).get(n)!);
    const lay = summaryLayout(4);
    for (const plan of [
      planSummary(wb, report, { lang: 'zh', rankMode: 'competition' }),
      planSummary(wb, report, { lang: 'en' }),
    ]) {
      expect(plan.rankMode).toBe('competition');
      const hf = evaluate(applyPlan(wb, plan).wb);
      const got = list.map((_, i) => valueAt(hf, plan.sheets[0]!.name, a1(lay.firstRow + i, lay.rank)));
      expect(got).toEqual(expectedRanks(list, 'competition'));
      expect(got).toEqual([2, 1, 4, 2]);
    }
  });

  it('quotes sheet names with spaces, quotes, brackets and Chinese in every reference', () => {
    const { wb, report } = build();
    const plan = planSummary(wb, report, { lang: 'zh' });
    const formulas = plan.ops.flatMap((o) => (o.op === 'formula' ? [o.formula] : []));
    expect(formulas.some((f) => f.includes("'O''Brien 社区'!F2:F3"))).toBe(true);
    expect(formulas.some((f) => f.includes("'新华 (一)【二】'!"))).toBe(true);
    expect(formulas.some((f) => f.includes("'Sheet 1'!"))).toBe(true);
    expect(formulas.some((f) => f.includes("'东风社区'!"))).toBe(true);
  });

  it('stays live: an assessor edits a 扣分 on a unit sheet and the summary follows', () => {
    const { wb, tables, report } = build();
    const plan = planSummary(wb, report, { lang: 'zh' });
    const hf = evaluate(applyPlan(wb, plan).wb);
    const lay = summaryLayout(4);
    const sheet = NAMES[1]!;
    hf.setCellContents({ sheet: hf.getSheetId(sheet)!, row: 4, col: 4 }, 3);
    // The same edit seen by the core.
    const edited = build(
      SPECS.map((s) => (s.sheet === sheet ? { ...s, deductions: [0, 0, 0, 3, 0, 0, 0] } : s)),
    );
    const a = analyses(edited.wb, edited.tables).get(sheet)!;
    expect(a.score.total).not.toBe(analyses(wb, tables).get(sheet)!.score.total);
    expect(valueAt(hf, '汇总', a1(lay.firstRow + 1, lay.total))).toBeCloseTo(a.score.total, 9);
    expect(valueAt(hf, '汇总', a1(lay.firstRow + 1, lay.deductions))).toBe(1);
  });

  it('ranks a vetoed unit last and shows why, live', () => {
    const specs = SPECS.map((s, i) =>
      i === 1
        ? {
            ...s,
            deductions: [0, 0, 0, 0, 0, 0, 4.5],
            reasons: ['', '', '', '', '', '', '发生计划外生育 1 例'],
          }
        : s,
    );
    const { wb, tables, report } = build(specs);
    const ans = analyses(wb, tables);
    expect(ans.get(NAMES[1]!)!.score.vetoed).toBe(true);
    const plan = planSummary(wb, report, { lang: 'zh' });
    const applied = applyPlan(wb, plan);
    const hf = evaluate(applied.wb);
    const lay = summaryLayout(4);
    const r = lay.firstRow + 1;
    expect(valueAt(hf, '汇总', a1(r, lay.total))).toBe(0);
    // Last: below the three distinct totals of the others (18, 15.7, 18 → ranks 1, 2, 1).
    expect(valueAt(hf, '汇总', a1(r, lay.rank))).toBe(3);
    expect(expectedRanks(NAMES.map((n) => ans.get(n)!))[1]).toBe(3);
    expect(valueAt(hf, '汇总', a1(r, lay.veto))).toBe('一票否决');
    expect(valueAt(hf, '汇总', a1(r, lay.reason))).toBe('计划外生育（发生计划外生育 1 例）');
    // The other units keep their order among themselves.
    const others = NAMES.filter((_, i) => i !== 1).map((n) => ans.get(n)!);
    const ranks = expectedRanks(others);
    for (const [k, u] of [0, 2, 3].entries()) {
      expect(valueAt(hf, '汇总', a1(lay.firstRow + u, lay.rank))).toBe(ranks[k]);
    }
    // Vetoed row filled red, the lowest open total filled yellow.
    expect(applied.fills).toContainEqual({
      sheet: '汇总',
      range: `A${r + 1}:${a1(r, lay.first).replace(/\d+/, '')}${r + 1}`,
      color: COLORS.veto,
    });
    const lowestIdx = [0, 2, 3].reduce(
      (m, u) => (ans.get(NAMES[u]!)!.score.total < ans.get(NAMES[m]!)!.score.total ? u : m),
      0,
    );
    expect(
      applied.fills.some(
        (f) => f.color === COLORS.lowest && f.range.startsWith(`A${lay.firstRow + lowestIdx + 1}:`),
      ),
    ).toBe(true);
    // Clearing the veto entry on the sheet lifts the veto in the summary.
    const id = hf.getSheetId(NAMES[1]!)!;
    hf.setCellContents({ sheet: id, row: VETO_ITEM + 1, col: 4 }, 0);
    hf.setCellContents({ sheet: id, row: VETO_ITEM + 1, col: 6 }, '');
    expect(valueAt(hf, '汇总', a1(r, lay.veto))).toBe('');
    expect(valueAt(hf, '汇总', a1(r, lay.rank))).toBe(1);
  });

  it('adds a bar chart of the totals labelled by unit', () => {
    const { wb, report } = build();
    const plan = planSummary(wb, report, { lang: 'en' });
    const chart = plan.ops.find((o) => o.op === 'chart');
    const lay = summaryLayout(4);
    expect(chart).toMatchObject({
      sheet: 'Summary',
      type: 'bar',
      dataRange: `${a1(lay.firstRow, lay.total)}:${a1(lay.firstRow + 3, lay.total)}`,
      labelsRange: `B${lay.firstRow + 1}:B${lay.firstRow + 4}`,
    });
  });

  it('matches groups by label when units differ, leaving blanks and saying so', () => {
    const specs: UnitSpec[] = [
      SPECS[0]!,
      {
        sheet: '少一节',
        deductions: [0, 0, 1, 0, 0, 0, 0],
        omit: [0, 1],
        groups: GROUPS.filter((g) => g.id !== 's1'),
      },
    ];
    const { wb, tables, report } = build(specs);
    const plan = planSummary(wb, report, { lang: 'zh' });
    const hf = evaluate(applyPlan(wb, plan).wb);
    const lay = summaryLayout(4);
    expect(valueAt(hf, '汇总', a1(lay.firstRow + 1, lay.groupCol0 + 1))).toBe(null);
    const a = analyses(wb, tables).get('少一节')!;
    expect(valueAt(hf, '汇总', a1(lay.firstRow + 1, lay.total))).toBeCloseTo(a.score.total, 9);
    const missing = plan.notes.filter((n) => n.code === 'groupMissing');
    expect(missing.map((n) => n.params)).toEqual([{ unit: '少一节', group: '1、领导重视' }]);
    expect(formatNote(missing[0]!, 'zh')).toContain('1、领导重视');
  });

  it('leaves out a unit sheet without a 得分 column and says so', () => {
    const specs: UnitSpec[] = [SPECS[0]!, { sheet: '无得分', deductions: [1], noScore: true }];
    const { wb, report } = build(specs);
    const plan = planSummary(wb, report, { lang: 'zh' });
    expect(plan.units).toEqual([NAMES[0]]);
    expect(plan.notes.map((n) => n.code)).toContain('noScoreColumn');
    expect(formatNote(plan.notes.find((n) => n.code === 'noScoreColumn')!, 'en')).toContain('无得分');
  });

  it('reports the units-as-columns layout as not supported', () => {
    const wide = {
      name: '各社区得分',
      values: [
        ['考核内容', '标准分值', '评分标准', '东风社区得分', '新华社区得分', '彩屯社区得分'],
        ['计划', 5, '扣完为止', 5, 4, 3],
      ],
      merges: [],
    };
    const { wb, report } = build([SPECS[0]!], [wide]);
    const plan = planSummary(wb, report, { lang: 'zh' });
    const n = plan.notes.find((x) => x.code === 'unitsAsColumns');
    expect(n?.params).toEqual({ sheet: '各社区得分', units: '东风社区、新华社区、彩屯社区' });
    // An ordinary 得分 / 自评得分 header is not mistaken for it.
    expect(plan.notes.filter((x) => x.code === 'unitsAsColumns')).toHaveLength(1);
  });

  it('explains when there is nothing to summarise', () => {
    const wb: WorkbookGrid = { sheets: [{ name: 'Sheet1', values: [['hello']], merges: [] }] };
    const plan = planSummary(wb, reportOf(wb, new Map()), { lang: 'zh' });
    expect(plan.ops).toEqual([]);
    expect(plan.notes.map((n) => n.code)).toEqual(['noUnits']);
  });
});

describe('planSummary: the 扣分明细 sheet', () => {
  it('lists every deduction with its item, points, deduction, score and reason, linked to its cell', () => {
    const { wb, tables, report } = build();
    const plan = planSummary(wb, report, { lang: 'zh' });
    const hf = evaluate(applyPlan(wb, plan).wb);
    const ans = analyses(wb, tables);
    let r = 2;
    let n = 0;
    for (const name of NAMES) {
      const a = ans.get(name)!;
      for (const s of a.score.items) {
        if (s.deduction <= 0) continue;
        n++;
        const item = a.table.items.find((i) => i.id === s.itemId)!;
        const entry = a.entries.find((e) => e.itemId === s.itemId)!;
        const row = (c: number) => valueAt(hf, '扣分明细', a1(r, c));
        expect([row(1), row(4), row(5), row(6), row(7), row(8)]).toEqual([
          name,
          item.label,
          item.points,
          s.deduction,
          s.score,
          entry.reason,
        ]);
        const link = plan.ops.find(
          (o) => o.op === 'formula' && o.sheet === '扣分明细' && o.cell === a1(r, 9),
        );
        expect(link).toMatchObject({
          formula: `=HYPERLINK("#${sheetRef(name).replace(/"/g, '""')}!${a1(item.row, 4)}","${a1(item.row, 4)}")`,
        });
        expect(row(9)).toBe(a1(item.row, 4));
        r++;
      }
    }
    expect(n).toBeGreaterThan(5);
    expect(valueAt(hf, '扣分明细', a1(r, 1))).toBe(null);
    expect(plan.ops).toContainEqual({
      op: 'formula',
      sheet: '扣分明细',
      cell: 'J3',
      formula: `=HYPERLINK("#'东风社区'!E3","E3")`,
    });
  });
});

describe('regenerating', () => {
  it('replaces only its own sheets: twice equals once', () => {
    const { wb, tables } = build();
    const once = applyPlan(wb, planSummary(wb, reportOf(wb, tables), { lang: 'zh' })).wb;
    expect(readMeta(once)).toMatchObject({ ok: true, meta: { summarySheets: ['汇总', '扣分明细'] } });
    const plan2 = planSummary(once, reportOf(once, tables), { lang: 'zh' });
    expect(plan2.sheets.map((s) => s.action)).toEqual(['replace', 'replace']);
    expect(plan2.deletes).toEqual(['汇总', '扣分明细']);
    const firstAdd = plan2.ops.findIndex((o) => o.op === 'addSheet');
    expect(plan2.ops.slice(0, firstAdd).every((o) => o.op === 'deleteSheet')).toBe(true);
    expect(plan2.notes.filter((n) => n.code === 'replaces')).toHaveLength(2);
    const twice = applyPlan(once, plan2).wb;
    const byName = (w: WorkbookGrid) => Object.fromEntries(w.sheets.map((s) => [s.name, s]));
    expect(byName(twice)).toEqual(byName(once));
  });

  it('never replaces a sheet the user named 汇总: writes 汇总(2) and says so', () => {
    const mine = { name: '汇总', values: [['我自己的汇总', 42]], merges: [] };
    const { wb, report } = build(SPECS, [mine]);
    const plan = planSummary(wb, report, { lang: 'zh' });
    expect(plan.sheets[0]).toEqual({ name: '汇总(2)', role: 'summary', action: 'create' });
    expect(plan.ops.some((o) => o.sheet === '汇总')).toBe(false);
    expect(plan.notes.find((n) => n.code === 'nameTaken')?.params).toEqual({
      wanted: '汇总',
      used: '汇总(2)',
    });
    const after = applyPlan(wb, plan).wb;
    expect(after.sheets.find((s) => s.name === '汇总')).toEqual(mine);
    // Regenerating keeps to 汇总(2) and still leaves the user's sheet alone.
    const again = planSummary(after, { ...report, meta: readMeta(after).meta }, { lang: 'zh' });
    expect(again.deletes).toEqual(['汇总(2)', '扣分明细']);
    expect(again.sheets[0]).toEqual({ name: '汇总(2)', role: 'summary', action: 'replace' });
  });
});

describe('planSummary: empty 得分 cells', () => {
  it('warns that empty 得分 cells (no score formula yet) count as 0', () => {
    const { wb, tables } = build([SPECS[0]!]);
    const sheet = wb.sheets[0]!;
    for (const r of [1, 2]) {
      sheet.values[r]![5] = null;
      sheet.formulas![r]![5] = null;
    }
    const plan = planSummary(wb, reportOf(wb, tables), { lang: 'zh' });
    const n = plan.notes.find((x) => x.code === 'scoresEmpty');
    expect(n?.params).toEqual({ sheet: NAMES[0], count: 2 });
    expect(formatNote(n!, 'zh')).toContain('2 个得分格是空的');
    const clean = build();
    expect(
      planSummary(clean.wb, clean.report, { lang: 'zh' }).notes.some((x) => x.code === 'scoresEmpty'),
    ).toBe(false);
  });
});
