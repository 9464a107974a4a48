/**
 * Base-score tables (基本分70分, items add or deduct) and bonus-only tables ("+5", "+1至+10"), built
 * by code in several layouts: the core's total is base + bonuses − deductions capped by the stated
 * maximum (or the bonuses alone), and the written 合计 formula computes the same figure.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { formatIssue } from '../../src/core/i18n';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, buildEngine, hfValue } from '../helpers/hf';

interface Variant {
  name: string;
  /** Where 基本分 is stated: a note row above or below the table, or the title. */
  baseAt: 'above' | 'below' | 'title';
  traditional: boolean;
  /** The stated maximum, or null for none. */
  max: number | null;
}

const ITEMS = [
  { zh: '获市级教学竞赛奖的，每次加5分', tw: '獲市級教學競賽獎的，每次加5分', score: 10 },
  { zh: '录制网络课程的，每门加2分', tw: '錄製網路課程的，每門加2分', score: 4 },
  { zh: '无故未到监考的，每次扣3分', tw: '無故未到監考的，每次扣3分', score: -6 },
  { zh: '教学事故的，每次扣5分', tw: '教學事故的，每次扣5分', score: 0 },
];

function baseSheet(v: Variant, base: number, scores: readonly number[]): CellValue[][] {
  const t = (zh: string, tw: string) => (v.traditional ? tw : zh);
  const noteText =
    t(`注：基本分为${base}分`, `註：基本分為${base}分`) +
    (v.max === null ? '' : t(`，最高分数为${v.max}分`, `，最高分數為${v.max}分`)) +
    t('，各项加分或扣分。', '，各項加分或扣分。');
  const rows: CellValue[][] = [];
  rows.push([
    v.baseAt === 'title'
      ? `${t('教学评分标准', '教學評分標準')}（${noteText}）`
      : t('教学评分标准', '教學評分標準'),
    null,
    null,
    null,
  ]);
  if (v.baseAt === 'above') rows.push([noteText, null, null, null]);
  rows.push([t('序号', '序號'), t('考核项目', '考核項目'), t('评分标准', '評分標準'), t('得分', '得分')]);
  ITEMS.forEach((it, i) => {
    rows.push([i + 1, t(`项目${i + 1}`, `項目${i + 1}`), t(it.zh, it.tw), scores[i] ?? null]);
  });
  rows.push([t('合计', '合計'), null, null, null]);
  if (v.baseAt === 'below') rows.push([noteText, null, null, null]);
  return rows;
}

function written(values: CellValue[][]) {
  const wb: WorkbookGrid = { sheets: [{ name: 'S', values, merges: [] }] };
  const report = analyzeWorkbook(wb);
  const a = report.sheets.find((s) => s.sheet === 'S')?.analysis;
  const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
  const filled = applyPlanToGrid(wb, plan).wb;
  return { a, report, filled };
}

const cents = (n: number) => Math.round(n * 100);

/** The written total, as HyperFormula computes it from the plan. */
function hfTotal(filled: WorkbookGrid, totalRow: number, col: number): CellValue {
  return hfValue(buildEngine(filled), 'S', `${String.fromCharCode(65 + col)}${totalRow + 1}`);
}

const VARIANTS: Variant[] = [];
for (const baseAt of ['above', 'below', 'title'] as const)
  for (const traditional of [false, true])
    for (const max of [100, null])
      VARIANTS.push({
        name: `${baseAt}/${traditional ? 'tw' : 'zh'}/${max ?? 'no max'}`,
        baseAt,
        traditional,
        max,
      });

describe('a base-score table', () => {
  for (const v of VARIANTS)
    for (const [base, scores] of [
      [70, [10, 4, -6, 0]],
      [80, [15, 10, 0, 0]],
      [60, [0, 0, -9, -5]],
    ] as const)
      it(`scores base + bonuses − deductions (${v.name}, base ${base}, ${scores.join(' ')})`, () => {
        const { a, report, filled } = written(baseSheet(v, base, scores));
        expect(a?.table.scheme).toBe('base');
        expect(a?.table.baseScore).toBe(base);
        const sum = scores.reduce((x: number, y) => x + y, 0);
        const raw = base + sum;
        const expected = v.max === null ? raw : Math.min(v.max, raw);
        expect(cents(a!.score.total)).toBe(cents(expected));
        expect(a!.score.max).toBe(v.max ?? base);
        const said = report.sheets[0]?.issues.find((i) => i.code === 'pointsScheme');
        expect(said?.params).toMatchObject({
          scheme: 'base',
          base: String(base),
          max: v.max === null ? '' : String(v.max),
        });
        const col = a!.table.columns.score!;
        expect(hfTotal(filled, a!.table.totalRow!, col)).toBe(a!.score.total);
      });

  it('caps the total at the stated maximum, in the core and in the written formula', () => {
    const v: Variant = { name: 'cap', baseAt: 'below', traditional: false, max: 100 };
    const { a, filled } = written(baseSheet(v, 90, [15, 10, 0, 0]));
    expect(a!.score.total).toBe(100);
    expect(hfTotal(filled, a!.table.totalRow!, a!.table.columns.score!)).toBe(100);
  });
});

/** A bonus-only table: 加分 column of "+N" and "+1至+10", a 得分 column with the bonuses awarded. */
function bonusSheet(awarded: readonly (number | null)[], title: string): CellValue[][] {
  const rows: CellValue[][] = [[title, null, null, null]];
  rows.push(['序号', '加分事项', '加分标准', '得分']);
  const stated = ['+5', '+1至+10', '+2', '+0.5~+3'];
  stated.forEach((p, i) => {
    rows.push([i + 1, `被评为先进${i + 1}的`, p, awarded[i] ?? null]);
  });
  rows.push(['合计', null, null, null]);
  return rows;
}

describe('a bonus-only table', () => {
  for (const title of ['村级信用积分 守信信息（加分）', '村級信用積分 守信信息（加分）'])
    for (const awarded of [
      [5, 7, null, 0.5],
      [5, 10, 2, 3],
      [null, null, null, null],
    ])
      it(`sums the bonuses awarded (${title}, ${awarded.join(' ')})`, () => {
        const { a, report, filled } = written(bonusSheet(awarded, title));
        expect(a?.table.scheme).toBe('bonus');
        expect(a!.table.items.map((i) => i.bonus)).toEqual([5, 10, 2, 3]);
        const sum = awarded.reduce((x: number, y) => x + (y ?? 0), 0);
        expect(cents(a!.score.total)).toBe(cents(sum));
        // Out of the most the items can add: 5 + 10 + 2 + 3.
        expect(a!.score.max).toBe(20);
        expect(report.sheets[0]?.issues.some((i) => i.code === 'pointsScheme')).toBe(true);
        expect(hfTotal(filled, a!.table.totalRow!, a!.table.columns.score!)).toBe(a!.score.total);
      });
});

describe('a base-score table with a 扣分 column', () => {
  for (const [typed, expected] of [
    [[6, null], 64],
    [[3, 0], 67],
    [[null, null], 70],
  ] as const)
    it(`subtracts each typed deduction from the base, in the core and in the written formulas (${typed.join(' ')})`, () => {
      const values: CellValue[][] = [
        ['教学评分标准', null, null, null, null],
        ['序号', '考核项目', '评分标准', '扣分', '得分'],
        [1, '项目1', '无故未到监考的，每次扣3分', typed[0], null],
        [2, '项目2', '发生教学事故的，每次扣5分', typed[1], null],
        ['合计', null, null, null, null],
        ['注：基本分为70分，最高分数为100分。', null, null, null, null],
      ];
      const { a, filled } = written(values);
      expect(a?.table.scheme).toBe('base');
      expect(a!.score.total).toBe(expected);
      const hf = buildEngine(filled);
      expect(a!.score.items.map((s) => s.score)).toEqual(['E3', 'E4'].map((c) => hfValue(hf, 'S', c)));
      expect(hfValue(hf, 'S', 'E5')).toBe(expected);
    });
});

describe('checks on a base-score table', () => {
  it('raise no alarm for a typed addition or deduction: items have no points of their own', () => {
    const v: Variant = { name: 'above/zh/100', baseAt: 'above', traditional: false, max: 100 };
    const { report } = written(baseSheet(v, 70, [4, 0, -6, 0]));
    const codes = report.sheets.find((s) => s.sheet === 'S')!.issues.map((i) => i.code);
    expect(codes).not.toContain('bonusAboveMax');
    expect(codes).not.toContain('scoreAbovePoints');
    expect(codes).not.toContain('belowZero');
  });
});

describe('where the scheme was read', () => {
  it('names the cell the 基本分 was read from, as sheet!cell, wherever the note stands', () => {
    // Title row 1; 'above': note row 2, header row 3; 'below': the note after the 合计 row.
    const where = { above: 'A2', below: 'A8', title: 'A1' } as const;
    for (const baseAt of ['above', 'below', 'title'] as const) {
      const v: Variant = { name: baseAt, baseAt, traditional: false, max: 100 };
      const { report } = written(baseSheet(v, 70, [0, 0, 0, 0]));
      const said = report.sheets[0]!.issues.find((i) => i.code === 'pointsScheme')!;
      expect(said.cell, baseAt).toBe(where[baseAt]);
      expect(said.params.at, baseAt).toBe(`S!${where[baseAt]}`);
      expect(formatIssue(said, 'zh'), baseAt).toContain(`S!${where[baseAt]}`);
      expect(formatIssue(said, 'en'), baseAt).toContain(`S!${where[baseAt]}`);
    }
  });

  it('names the points column header of a bonus-only table', () => {
    const { report } = written(bonusSheet([null, null, null, null], '村级信用积分 守信信息（加分）'));
    const said = report.sheets[0]!.issues.find((i) => i.code === 'pointsScheme')!;
    expect(said.cell).toBe('C2');
    expect(formatIssue(said, 'zh')).toContain('S!C2');
  });
});
