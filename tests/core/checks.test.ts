import { describe, expect, it } from 'vitest';
import { checkEntries, stepCents } from '../../src/core/checks/entries';
import { checkIntegrity, ordinal } from '../../src/core/checks/integrity';
import { readEntries } from '../../src/core/entries';
import { formatIssue } from '../../src/core/i18n';
import { ISSUE_CODES, issue, type IssueCode } from '../../src/core/issues';
import { scoreSheet } from '../../src/core/score';
import { makeTable, rule, SPAN, type ItemSpec } from '../fixtures/table';

const perTime = rule([{ kind: 'perUnit', amount: 0.2, unit: '次', what: '发回重办', span: SPAN }]);

function run(items: ItemSpec[], opts: Parameters<typeof makeTable>[3] = {}) {
  const { sheet, table } = makeTable('社区A', [], items, opts);
  const rules = Object.fromEntries(table.items.map((i) => [i.id, perTime]));
  const entries = readEntries(sheet, table);
  const score = scoreSheet(table, rules, entries);
  return checkEntries(sheet, table, rules, entries, score);
}

const codes = (xs: { code: string; cell: string | null }[]) => xs.map((x) => `${x.code}@${x.cell}`);

describe('entry checks', () => {
  it('says what a non-number is and suggests the number', () => {
    const out = run([
      { text: 'a', points: 2, deduction: '1分', reason: 'r' },
      { text: 'b', points: 2, deduction: '０.４', reason: 'r' },
      { text: 'c', points: 2, deduction: '一', reason: 'r' },
      { text: 'd', points: 2, deduction: '很多', reason: 'r' },
    ]);
    const nan = out.filter((i) => i.code === 'notANumber');
    expect(nan.map((i) => [i.cell, i.params.found, i.params.suggestion])).toEqual([
      ['E2', '1分', '1'],
      ['E3', '０.４', '0.4'],
      ['E4', '一', '1'],
      ['E5', '很多', undefined],
    ]);
    expect(formatIssue(nan[0]!, 'zh')).toContain('“1分”');
    expect(formatIssue(nan[0]!, 'zh')).toContain('1');
  });

  it('finds a deduction above the cap, a negative one and one off the rule steps', () => {
    const out = run([
      { text: 'a', points: 2, deduction: 3, reason: 'r' },
      { text: 'b', points: 2, deduction: -1, reason: 'r' },
      { text: 'c', points: 2, deduction: 0.3, reason: 'r' },
      { text: 'd', points: 2, deduction: 0.4, reason: 'r' },
    ]);
    expect(codes(out)).toEqual(['deductionAboveCap@E2', 'negativeDeduction@E3', 'notStepMultiple@E4']);
  });

  it('finds 得分 and 扣分 disagreeing, a score above points, a score below zero', () => {
    const out = run([
      { text: 'a', points: 2, deduction: 0.4, score: 1.8, reason: 'r' },
      { text: 'b', points: 2, score: 2.5 },
      { text: 'c', points: 2, score: -1, reason: 'r' },
    ]);
    expect(codes(out)).toEqual(['scoreDeductionMismatch@F2', 'scoreAbovePoints@F3', 'belowZero@F4']);
  });

  it('asks for a reason for every deduction', () => {
    const out = run([
      { text: 'a', points: 2, deduction: 0.4 },
      { text: 'b', points: 2 },
      { text: 'c', points: 2, deduction: 0 },
    ]);
    expect(codes(out)).toEqual(['reasonMissing@E2']);
  });

  it('flags a row left empty where assessors type 得分 on every row', () => {
    const out = run([
      { text: 'a', points: 2, deduction: 0, score: 2 },
      { text: 'b', points: 2 },
      { text: 'c', points: 2, deduction: 0.2, score: 1.8, reason: 'r' },
    ]);
    expect(codes(out)).toEqual(['entryMissing@E3']);
  });

  it('flags an empty 得分 where 得分 is the only entry column', () => {
    const out = run(
      [
        { text: 'a', points: 2, score: 2 },
        { text: 'b', points: 2 },
      ],
      { noDeduction: true },
    );
    expect(codes(out)).toEqual(['entryMissing@F3']);
  });

  it('is silent on a clean sheet', () => {
    expect(
      run([
        { text: 'a', points: 2, deduction: 0.4, score: 1.6, reason: 'r' },
        { text: 'b', points: 2, deduction: 0 },
      ]),
    ).toEqual([]);
  });

  it('finds a typed total that does not add up', () => {
    const out = run([{ text: 'a', points: 2, deduction: 0.4, reason: 'r' }], {
      totalRow: true,
      totalValue: 2,
    });
    expect(codes(out)).toEqual(['totalMismatch@F3']);
    expect(out[0]?.params).toMatchObject({ found: '2', expected: '1.6' });
  });
});

describe('integrity checks', () => {
  it('compares declared points with the items at every level and numbering gaps', () => {
    const { table } = makeTable(
      'S',
      [
        { id: 'g1', text: '(二)重点工作(35分)', declared: 35, numbering: '(二)' },
        { id: 'g2', text: '4、依法行政(15分)', declared: 15, parent: 'g1', numbering: '4、' },
      ],
      [
        { text: '(1)a', points: 1, group: 'g2', numbering: '(1)' },
        { text: '(2)b', points: 2, group: 'g2', numbering: '(2)' },
        { text: '(4)c', points: 1, group: 'g2', numbering: '(4)' },
        { text: '(5)d', points: 10, group: 'g2', numbering: '(5)' },
      ],
      { declaredTotal: 100 },
    );
    const rules = Object.fromEntries(table.items.map((i) => [i.id, perTime]));
    const out = checkIntegrity(table, rules);
    const summary = out.map((i) => [
      i.code,
      i.params.declared ?? i.params.missing,
      i.params.sum ?? i.params.after,
    ]);
    expect(summary).toEqual([
      ['pointsSumMismatch', '35', '14'],
      ['pointsSumMismatch', '15', '14'],
      ['declaredTotalMismatch', '100', '14'],
      ['numberingGap', '3', '(4)'],
    ]);
  });

  it('reads ordinals in every numbering style', () => {
    expect(['(3)', '（三）', '三、', '3、', '3.', '③', '十二、'].map(ordinal)).toEqual([
      3, 3, 3, 3, 3, 3, 12,
    ]);
  });
});

describe('message catalogue', () => {
  it('has a zh and an en message for every code, naming the values', () => {
    const params = {
      found: 'X1',
      suggestion: '1',
      value: '9',
      cap: '5',
      points: '5',
      step: '0.2',
      item: '项目甲',
      group: '组',
      declared: '35',
      sum: '30',
      before: '(2)',
      after: '(4)',
      missing: '3',
      text: 'T',
      deduction: '1',
      score: '3',
      expected: '4',
      max: '5',
      formula: '=A1',
      file: 'f.xlsx',
      detail: 'd',
      column: '扣分',
      reason: 'noHeader',
    };
    for (const code of Object.keys(ISSUE_CODES) as IssueCode[]) {
      const i = issue(code, 'S', 'A1', params);
      const zh = formatIssue(i, 'zh');
      const en = formatIssue(i, 'en');
      expect(zh.length, code).toBeGreaterThan(8);
      expect(en.length, code).toBeGreaterThan(8);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, code).not.toContain('undefined');
      expect(en, code).not.toContain('undefined');
    }
  });
});

describe('a table edited since the last write', () => {
  it('reports rows inserted instead of a typed-over formula per moved cell', () => {
    const { sheet, table } = makeTable(
      'S',
      [],
      [
        { text: 'a', points: 2, deduction: 0 },
        { text: 'b', points: 2, deduction: 0 },
      ],
    );
    const rules = Object.fromEntries(table.items.map((i) => [i.id, perTime]));
    const entries = readEntries(sheet, table);
    const score = scoreSheet(table, rules, entries);
    const state = { sheet: 'S', owned: ['F2'], formulas: { F2: '=D2-E2' }, entryColumns: [], rows: 1 };
    const found = checkEntries(sheet, table, rules, entries, score, state);
    expect(found.map((i) => [i.code, i.params.before, i.params.now])).toEqual([['tableChanged', 1, 2]]);
    const same = checkEntries(sheet, table, rules, entries, score, { ...state, rows: 2 });
    expect(same.map((i) => `${i.code}@${i.cell}`)).toEqual(['formulaOverwritten@F2']);
  });
});

describe('entry columns', () => {
  it('read only what the written formulas read, and report the rest', () => {
    const { sheet, table } = makeTable(
      'S',
      [],
      [
        { text: 'a', points: 5 },
        { text: 'b', points: 5 },
      ],
    );
    const r = rule([
      { kind: 'flag', amount: 1, what: '无方案', span: SPAN },
      { kind: 'perUnit', amount: 0.5, unit: '人', what: '未随访', span: SPAN },
    ]);
    sheet.values[1]!.push('有', '3人');
    sheet.values[2]!.push('是', 3);
    const state = {
      sheet: 'S',
      owned: [],
      formulas: {},
      entryColumns: [
        { col: 'H', header: '录入1' },
        { col: 'I', header: '录入2' },
      ],
      rows: 2,
    };
    const rules = { i1: r, i2: r };
    const entries = readEntries(sheet, table, state);
    const score = scoreSheet(table, rules, entries);
    expect(score.items.map((i) => i.score)).toEqual([5, 2.5]);
    const found = checkEntries(sheet, table, rules, entries, score, state);
    expect(found.map((i) => [i.code, i.cell, i.params.expected, i.params.suggestion])).toEqual([
      ['inputNotRead', 'H2', 'yesNo', undefined],
      ['inputNotRead', 'I2', 'number', '3'],
    ]);
  });
});

describe('an entry outside the range its rule states (视情况扣0.5—2分)', () => {
  it('is reported at its cell with the range and what it counts as', () => {
    const { sheet, table } = makeTable(
      'S',
      [],
      [
        { text: '台账管理', points: 5 },
        { text: '档案管理', points: 5 },
        { text: '会议记录', points: 5 },
      ],
    );
    const r = rule([{ kind: 'range', min: 0.5, max: 2, what: '台账不全', span: SPAN }]);
    sheet.values[1]!.push(3);
    sheet.values[2]!.push(0.2);
    sheet.values[3]!.push(1.5);
    const state = {
      sheet: 'S',
      owned: [],
      formulas: {},
      entryColumns: [{ col: 'H', header: '录入1' }],
      rows: 3,
    };
    const rules = { i1: r, i2: r, i3: r };
    const entries = readEntries(sheet, table, state);
    const score = scoreSheet(table, rules, entries);
    // Held within the range, as the written formula holds it.
    expect(score.items.map((i) => i.score)).toEqual([3, 4.5, 3.5]);
    const found = checkEntries(sheet, table, rules, entries, score, state);
    expect(found.map((i) => [i.code, i.cell, i.params.value, i.params.counted])).toEqual([
      ['entryOutsideRange', 'H2', '3', '2'],
      ['entryOutsideRange', 'H3', '0.2', '0.5'],
    ]);
    const zh = formatIssue(found[0]!, 'zh');
    expect(zh).toMatch(/^录入1填的是 3/);
    expect(zh).toMatch(/0\.5 至 2 分/);
    expect(zh).toMatch(/按 2 分计/);
    expect(zh).toMatch(/请改为 0\.5 到 2 之间/);
    expect(formatIssue(found[0]!, 'en')).toMatch(/0\.5 to 2.*counted as 2/);
  });
});

describe('a typed 扣分 outside the range its rule states (视情况扣0.5—2分)', () => {
  const range = rule([{ kind: 'range', min: 0.5, max: 2, what: '台账不全', span: SPAN }]);

  function check(r: typeof range, deductions: (number | null)[]) {
    const { sheet, table } = makeTable(
      'S',
      [],
      deductions.map((d, k) => ({ text: `项目${k + 1}`, points: 5, deduction: d, reason: '原因' })),
    );
    const rules = Object.fromEntries(table.items.map((i) => [i.id, r]));
    const entries = readEntries(sheet, table);
    const score = scoreSheet(table, rules, entries);
    return { found: checkEntries(sheet, table, rules, entries, score), score };
  }

  it('is reported at its cell, with the range and what it counts as; 0, blank and in-range are not', () => {
    const { found, score } = check(range, [3, 0.2, 1.5, 0, null, 2, 0.5]);
    const out = found.filter((i) => i.code === 'entryOutsideRange');
    expect(out.map((i) => [i.cell, i.params.value, i.params.column, i.params.counted])).toEqual([
      ['E2', '3', '扣分', fmtScore(score.items[0]!.score, 5)],
      ['E3', '0.2', '扣分', fmtScore(score.items[1]!.score, 5)],
    ]);
    expect(formatIssue(out[0]!, 'zh')).toMatch(/^扣分填的是 3，.*0\.5 至 2 分/);
    expect(formatIssue(out[0]!, 'en')).toMatch(/^扣分 holds 3, outside the 0\.5 to 2 points/);
  });

  it('is not reported where another term of the rule can add to the deduction', () => {
    const two = rule([
      { kind: 'range', min: 0.5, max: 2, what: '台账不全', span: SPAN },
      { kind: 'perUnit', amount: 1, unit: '处', what: '缺失', span: SPAN },
    ]);
    const { found } = check(two, [3]);
    expect(found.filter((i) => i.code === 'entryOutsideRange')).toEqual([]);
  });
});

/** The deduction a score stands for, as the finding says it is counted. */
function fmtScore(score: number, points: number): string {
  return String(Math.round((points - score) * 100) / 100);
}

describe('the step a deduction must be a multiple of, from the kinds’ declared flags', () => {
  it('has none where a term deducts an amount of the assessor’s choosing (a range beside 每处扣1分)', () => {
    const mixed = rule([
      { kind: 'perUnit', amount: 1, unit: '处', what: '缺失', span: SPAN },
      { kind: 'range', min: 0.5, max: 2, what: '台账不全', span: SPAN },
    ]);
    expect(stepCents(mixed)).toBeNull();
    const { sheet, table } = makeTable('S', [], [{ text: '台账', points: 5, deduction: 1.5, reason: 'r' }]);
    const rules = { [table.items[0]!.id]: mixed };
    const entries = readEntries(sheet, table);
    const found = checkEntries(sheet, table, rules, entries, scoreSheet(table, rules, entries));
    expect(found.map((i) => i.code)).not.toContain('notStepMultiple');
  });

  it('is the common step of the stepped terms, bonuses aside; none with an all-or-nothing term', () => {
    const stepped = rule([
      { kind: 'perUnit', amount: 0.5, unit: '处', what: 'a', span: SPAN },
      { kind: 'flag', amount: 0.2, what: 'b', span: SPAN },
      { kind: 'bonus', amount: 0.3, max: null, unit: '次', what: 'c', span: SPAN },
    ]);
    expect(stepCents(stepped)).toBe(10);
    expect(stepCents(rule([...stepped.terms, { kind: 'zeroIf', what: 'd', span: SPAN }]))).toBeNull();
    expect(stepCents(rule([{ kind: 'discretion', what: 'e', span: SPAN }]))).toBeNull();
  });
});
