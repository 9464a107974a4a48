/**
 * 等次: grade rules read from a rubric's notes or given as options, the grades with quotas and ties,
 * the threshold formula computed by HyperFormula, and the 等次 column of both summaries.
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';
import { a1 } from '../../src/core/a1';
import { unparse } from '../../src/core/formula/unparse';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/plan';
import {
  assignGrades,
  type GradeBand,
  gradeByThreshold,
  gradeExpr,
  parseGradesOption,
  parseGradeText,
  parseQuotaOption,
  planSummary,
  planSummaryValues,
  quotaLimit,
  summaryLayout,
} from '../../src/core/summary';
import { applyPlanToGrid, buildEngine, hfValue } from '../helpers/hf';

const FOUR: GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
  { grade: '不合格', min: null },
];

describe('parseGradeText', () => {
  const cases: [string, string, GradeBand[]][] = [
    ['以上 / — / 以下', '90分以上为优秀，80—89分为良好，60—79分为合格，60分以下为不合格。', FOUR],
    [
      'traditional characters, 至',
      '90分以上為優秀；80至89分為良好；60至79分為合格；60分以下為不合格。',
      FOUR,
    ],
    ['≥ and <', '≥90分为优秀，≥80分为良好，≥60分为合格，<60分为不合格', FOUR],
    [
      '（含）, a range without 分, 不满, out of order',
      '总分在90分（含）以上的为优秀，80分（含）至90分的为良好，不满60分为不合格，60-79为合格',
      FOUR,
    ],
    ['80≤总分<90', '80分≤总分<90分为良好，总分≥90分为优秀，总分<60分为不合格，60≤总分<80为合格', FOUR],
    [
      '好/较好/一般/差, 及以下',
      '90分以上为好，75—89分为较好，60—74分为一般，59分及以下为差',
      [
        { grade: '好', min: 90 },
        { grade: '较好', min: 75 },
        { grade: '一般', min: 60 },
        { grade: '差', min: null },
      ],
    ],
    [
      'one rule a line, numbered, decimals',
      '1. 90分以上为优秀\n2. 80~89.9分为良好\n3. 低于80分为合格',
      [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: null },
      ],
    ],
    [
      '不含 and 高于 are above the line',
      '得分90分以上（不含90分）为优秀，高于80分为良好，不及60分为差，60分以上为一般',
      [
        { grade: '优秀', min: 90, strict: true },
        { grade: '良好', min: 80, strict: true },
        { grade: '一般', min: 60 },
        { grade: '差', min: null },
      ],
    ],
    [
      'grade first, the band in brackets',
      '优秀（90分以上）；良好（80—89分）；合格（60—79分）；不合格（60分以下）',
      FOUR,
    ],
    [
      '优/良/中/差',
      '90分以上为优，80-89分为良，70-79分为中，70分以下为差',
      [
        { grade: '优', min: 90 },
        { grade: '良', min: 80 },
        { grade: '中', min: 70 },
        { grade: '差', min: null },
      ],
    ],
    [
      'a year range is not a band',
      '2014-2015年度考核，95分以上评为优秀，85分以上为良好',
      [
        { grade: '优秀', min: 95 },
        { grade: '良好', min: 85 },
      ],
    ],
  ];
  for (const [name, text, bands] of cases)
    it(name, () => {
      expect(parseGradeText(text)).toEqual({ bands, quotas: [] });
    });

  it('quotas by share and by count, beside the bands', () => {
    const r = parseGradeText(
      '考核结果分为优秀、良好、合格、不合格四个等次。90分以上为优秀，80-89分为良好，60-79分为合格，60分以下为不合格。优秀等次不超过参评单位的30%，良好不超过5个',
    );
    expect(r?.bands).toEqual(FOUR);
    expect(r?.quotas).toEqual([
      { grade: '优秀', share: 0.3 },
      { grade: '良好', count: 5 },
    ]);
    expect(parseGradeText('优秀比例控制在20%以内')).toEqual({
      bands: [],
      quotas: [{ grade: '优秀', share: 0.2 }],
    });
  });

  it('no scheme: one band, contradictions, text without grades', () => {
    expect(parseGradeText('优秀：90分以上')).toBeNull();
    expect(parseGradeText('90分以上为优秀，85分以上为优秀')).toBeNull();
    expect(parseGradeText('90分以上为优秀，90分以上为良好')).toBeNull();
    expect(parseGradeText('每缺一项扣1分，扣完为止')).toBeNull();
  });
});

describe('options', () => {
  it('--grades: sorted, the last at 0 or without a number takes every lower total', () => {
    expect(parseGradesOption('合格:60，优秀:90,良好:80,不合格:0')).toEqual(FOUR);
    expect(parseGradesOption('优秀=90;良好=80;合格=60;不合格')).toEqual(FOUR);
    expect(parseGradesOption('优秀:90,良好:90')).toEqual({ error: '优秀:90,良好:90' });
    expect(parseGradesOption('优秀:九十')).toHaveProperty('error');
    // A forgotten colon is not a grade named 优秀90.
    expect(parseGradesOption('优秀90,良好:80')).toEqual({ error: '优秀90' });
  });
  it('--quota: share or count', () => {
    expect(parseQuotaOption('优秀:30%,良好：4')).toEqual([
      { grade: '优秀', share: 0.3 },
      { grade: '良好', count: 4 },
    ]);
    expect(parseQuotaOption('优秀30%')).toEqual({ error: '优秀30%' });
  });
  it('--quota: a count of units is a whole number, 1 or more; a share above 0 and at most 100%', () => {
    for (const bad of ['优秀:0', '优秀:1.5', '优秀:-2', '优秀:2,良好:0.5'])
      expect(parseQuotaOption(bad)).toMatchObject({ problem: 'count' });
    expect(parseQuotaOption('优秀:2,良好:0.5')).toEqual({ error: '良好:0.5', problem: 'count' });
    for (const bad of ['优秀:0%', '优秀:120%', '优秀:-5%'])
      expect(parseQuotaOption(bad)).toMatchObject({ problem: 'share' });
    expect(parseQuotaOption('优秀:1')).toEqual([{ grade: '优秀', count: 1 }]);
    expect(parseQuotaOption('优秀:12.5%')).toEqual([{ grade: '优秀', share: 0.125 }]);
    expect(parseQuotaOption('优秀:100%')).toEqual([{ grade: '优秀', share: 1 }]);
  });
});

describe('assignGrades', () => {
  const e = (total: number, o: { vetoed?: boolean; graded?: boolean } = {}) => ({
    total,
    vetoed: o.vetoed ?? false,
    graded: o.graded ?? true,
  });

  it('thresholds at and around the lines; vetoed lowest; withheld null', () => {
    const got = assignGrades(
      [
        e(100),
        e(90),
        e(89.99),
        e(89.5),
        e(80),
        e(79.995),
        e(60),
        e(59.5),
        e(0, { vetoed: true }),
        e(95, { graded: false }),
      ],
      { bands: FOUR, quotas: [] },
    );
    // 79.995 is 80.00 to the cent, as ROUND(…,2) shows it.
    expect(got).toEqual(['优秀', '优秀', '良好', '良好', '良好', '良好', '合格', '不合格', '不合格', null]);
  });

  it('a vetoed unit with a high total still gets the lowest grade; no catch-all: the lowest band', () => {
    const bands = FOUR.slice(0, 3);
    expect(assignGrades([e(98, { vetoed: true }), e(50)], { bands, quotas: [] })).toEqual(['合格', '']);
  });

  it('quota by share, counted on every unit listed; a tie on the line goes down together', () => {
    // 10 units, 30% → 3 places; 95, 93, 93, 93 reach 优秀: the three tied at 93 would make four.
    const entries = [e(95), e(93), e(93), e(93), e(91, { graded: false }), e(85), e(84), e(70), e(50), e(40)];
    const quotas = [{ grade: '优秀', share: 0.3 }];
    expect(quotaLimit(quotas[0]!, entries.length)).toBe(3);
    const got = assignGrades(entries, { bands: FOUR, quotas });
    expect(got).toEqual(['优秀', '良好', '良好', '良好', null, '良好', '良好', '合格', '不合格', '不合格']);
    expect(got.filter((g) => g === '优秀').length).toBeLessThanOrEqual(3);
  });

  it('quotas by count cascade: demoted units take places in the next grade', () => {
    const entries = [e(96), e(94), e(92), e(88), e(85), e(70)];
    const got = assignGrades(entries, {
      bands: FOUR,
      quotas: [
        { grade: '优秀', count: 2 },
        { grade: '良好', count: 2 },
      ],
    });
    expect(got).toEqual(['优秀', '优秀', '良好', '良好', '合格', '合格']);
  });

  it('a tie below the line keeps the grade', () => {
    const got = assignGrades([e(97), e(92), e(92), e(85)], {
      bands: FOUR,
      quotas: [{ grade: '优秀', count: 3 }],
    });
    expect(got).toEqual(['优秀', '优秀', '优秀', '良好']);
  });
});

describe('gradeExpr in HyperFormula', () => {
  const strict: GradeBand[] = [
    { grade: '好', min: 90, strict: true },
    { grade: '较好', min: 75 },
    { grade: '一般', min: 60 },
  ];
  const totals = [
    100, 90.01, 90, 89.999, 89.5, 89.99, 80, 79.995, 79.994, 75, 74.99, 60, 59.99, 59.5, 0, 45.25,
  ];
  for (const [name, bands] of [
    ['four bands', FOUR],
    ['a strict top band, no catch-all', strict],
  ] as const)
    it(`${name}: every total as gradeByThreshold`, () => {
      const rows: (CellValue | string)[][] = totals.map((t, r) => [
        t,
        '',
        0,
        unparse(gradeExpr({ row: r, total: 0, veto: 1, hold: 2 }, bands, '—')),
      ]);
      rows.push([
        95,
        '一票否决',
        0,
        unparse(gradeExpr({ row: totals.length, total: 0, veto: 1, hold: 2 }, bands, '—')),
      ]);
      rows.push([
        95,
        '',
        1,
        unparse(gradeExpr({ row: totals.length + 1, total: 0, veto: 1, hold: 2 }, bands, '—')),
      ]);
      const hf = HyperFormula.buildFromSheets({ S: rows as never }, { licenseKey: 'gpl-v3' });
      const got = rows.map((_, r) => hf.getCellValue({ sheet: 0, row: r, col: 3 }));
      const lowest = bands[bands.length - 1]!.grade;
      expect(got).toEqual([...totals.map((t) => gradeByThreshold(t, bands)), lowest, '—']);
      hf.destroy();
    });
});

/** A unit: four 25-point items, the last a 一票否决 item; notes rows under the table. */
function unitSheet(name: string, d: CellValue[], notes: string[]): SheetGrid {
  const items = ['学习制度', '台账资料', '宣传阵地', '安全事故'];
  return {
    name,
    merges: [],
    values: [
      ['考核内容', '标准分值', '评分标准', '扣分', '得分', '扣分原因'],
      ...items.map((it, i) => {
        const v = d[i] ?? 0;
        const crit = i === 3 ? '发生重大安全事故的，一票否决' : '每缺一次扣1分';
        return [it, 25, crit, v, 25 - (typeof v === 'number' ? v : 0), v ? '有' : null];
      }),
      [],
      ...notes.map((n) => [n]),
    ],
  };
}

const NOTES = ['注：90分以上为优秀，80—89分为良好，60—79分为合格，60分以下为不合格。'];
/** Totals 95, 90, 89.5, 80, 79.5, 60, 59.5, a vetoed unit, a unit with an entry error. */
const UNITS: [string, CellValue[]][] = [
  ['东风', [5]],
  ['新华', [10]],
  ['彩屯', [10.5]],
  ['铁西', [20]],
  ['站前', [20.5]],
  ['立山', [15, 15, 10]],
  ['千山', [15, 15, 10.5]],
  ['白塔', [0, 0, 0, 25]],
  ['南湖', ['1分']],
];
const WANT = ['优秀', '优秀', '良好', '良好', '合格', '合格', '不合格', '不合格', '—'];

function withoutResults(plan: WritePlan): WritePlan {
  return {
    ...plan,
    ops: plan.ops.map((o) =>
      o.op === 'formula' ? { op: o.op, sheet: o.sheet, cell: o.cell, formula: o.formula } : o,
    ),
  };
}

function cells(plan: WritePlan, sheet: string): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const o of plan.ops) if (o.op === 'value' && o.sheet === sheet) m.set(o.cell, o.value);
  return m;
}

describe('the 等次 column of both summaries', () => {
  const notes = (extra: string[] = []) => [...NOTES, ...extra];
  const build = (extra: string[] = []): WorkbookGrid => ({
    sheets: UNITS.map(([n, d]) => unitSheet(n, d, notes(extra))),
  });
  const inputs = (wb: WorkbookGrid) =>
    wb.sheets.map((s, i) => {
      const grid = { sheets: [s] };
      return { file: `${UNITS[i]![0]}.xlsx`, report: analyzeWorkbook(grid), grid };
    });

  it('the rubric table stops above the notes', () => {
    const wb = build();
    const r = analyzeWorkbook(wb);
    expect(r.sheets.map((s) => s.analysis?.score.total)).toEqual([95, 90, 89.5, 80, 79.5, 60, 59.5, 0, 100]);
  });

  it('live 汇总: grade formulas from the notes, as computed by HyperFormula, and the legend', () => {
    const wb = build();
    const plan = planSummary(wb, analyzeWorkbook(wb), { lang: 'zh' });
    expect(plan.grades?.bands).toEqual(FOUR);
    expect(plan.grades?.source).toMatchObject({ kind: 'notes', sheet: '东风', cell: 'A7' });
    expect(plan.status.map((s) => s.grade ?? '—')).toEqual(WANT);
    const lay = summaryLayout(0, { grade: true });
    const v = cells(plan, '汇总');
    expect(v.get(a1(lay.headerRow, lay.grade!))).toBe('等次');
    const hf = buildEngine(applyPlanToGrid(wb, withoutResults(plan)).wb);
    expect(UNITS.map((_, i) => hfValue(hf, '汇总', a1(lay.firstRow + i, lay.grade!)))).toEqual(WANT);
    expect([...v.values()].some((x) => typeof x === 'string' && x.startsWith('等次：优秀 ≥90'))).toBe(true);
    const n = plan.notes.find((x) => x.code === 'gradesFromNotes');
    expect(n).toBeDefined();
  });

  it('CLI 汇总: the grade column, its cached results and the note naming the file and cell', () => {
    const plan = planSummaryValues(inputs(build()), { lang: 'zh' });
    expect(plan.units.map((u) => u.grade ?? '—')).toEqual(WANT);
    const head = plan.ops.find((o) => o.op === 'value' && o.sheet === '汇总' && o.value === '等次');
    expect(head?.op).toBe('value');
    const col = head!.op === 'value' ? head!.cell.replace(/\d+$/, '') : '';
    const hf = buildEngine(applyPlanToGrid({ sheets: [] }, withoutResults(plan)).wb);
    expect(UNITS.map((_, i) => hfValue(hf, '汇总', `${col}${3 + i}`))).toEqual(WANT);
    const results = plan.ops.filter(
      (o) => o.op === 'formula' && o.sheet === '汇总' && o.cell.startsWith(col),
    );
    expect(results.map((o) => (o.op === 'formula' ? o.result : null))).toEqual(WANT);
    const n = plan.notes.find((x) => x.code === 'gradesFromNotes');
    expect(n?.params).toMatchObject({ file: '东风.xlsx', cell: 'A7' });
  });

  it('a quota in the notes: values in ranked order, the tie on the line goes down', () => {
    // 9 units, 30% → 2 places: 95 and 90 keep 优秀.
    const wb = build(['优秀等次不超过参评单位的30%。']);
    const plan = planSummary(wb, analyzeWorkbook(wb), { lang: 'zh' });
    expect(plan.grades?.quotas).toEqual([{ grade: '优秀', share: 0.3 }]);
    expect(plan.status.map((s) => s.grade ?? '—')).toEqual(WANT);
    // As an option, 1 place: 95 keeps it, 90 goes down.
    const one = planSummaryValues(inputs(wb), {
      lang: 'zh',
      grades: { quotas: [{ grade: '优秀', count: 1 }] },
    });
    expect(one.units.map((u) => u.grade ?? '—')).toEqual(['优秀', '良好', ...WANT.slice(2)]);
    expect(one.notes.map((n) => n.code)).toContain('gradesFromNotesAndOption');
    expect(one.notes.map((n) => n.code)).toContain('gradesQuota');
  });

  it('without rules no 等次 column; options alone give one', () => {
    const wb: WorkbookGrid = { sheets: UNITS.map(([n, d]) => unitSheet(n, d, [])) };
    const none = planSummary(wb, analyzeWorkbook(wb), { lang: 'zh' });
    expect(none.grades).toBeNull();
    expect([...cells(none, '汇总').values()]).not.toContain('等次');
    expect(none.notes.map((n) => n.code)).toContain('gradesNone');
    const bands = parseGradesOption('优秀:95,良好:85,一般');
    if ('error' in bands) throw new Error('bands');
    const opt = planSummaryValues(inputs(wb), { lang: 'en', grades: { bands } });
    expect(opt.units.map((u) => u.grade ?? '—')).toEqual([
      '优秀',
      '良好',
      '良好',
      '一般',
      '一般',
      '一般',
      '一般',
      '一般',
      '—',
    ]);
    expect(opt.notes.map((n) => n.code)).toContain('gradesFromOption');
  });
});
