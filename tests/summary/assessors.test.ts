import { describe, expect, it } from 'vitest';
import { ref } from '../../src/core/formula/ast';
import { unparse } from '../../src/core/formula/unparse';
import { assessorOf, combineExpr, combineScores, parseWeights } from '../../src/core/summary/assessors';
import { buildEngine } from '../helpers/hf';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('combining assessors', () => {
  it('drops one highest and one lowest, leaving absent members out of the divisor', () => {
    const scores = [8, 9.5, null, 6, 7];
    const given = [8, 9.5, 6, 7];
    const r = combineScores(scores, 'trimmed');
    expect(r.given).toBe(given.length);
    expect(r.value).toBeCloseTo(
      (given.reduce((a, b) => a + b, 0) - Math.max(...given) - Math.min(...given)) / 2,
      2,
    );
    expect(r.spread).toBe(Math.max(...given) - Math.min(...given));
    expect(r.trimmedFellBack).toBe(false);
  });
  it('falls back to the mean with fewer than three scores, and says so', () => {
    const r = combineScores([8, null, 5], 'trimmed');
    expect(r.value).toBeCloseTo(mean([8, 5]), 2);
    expect(r.trimmedFellBack).toBe(true);
  });
  it('weights by role over the members who scored', () => {
    const r = combineScores([9, 6, null], 'weighted', [2, 1, 1]);
    expect(r.value).toBeCloseTo((9 * 2 + 6) / 3, 2);
  });
  it('formulas give the core figures (HyperFormula)', () => {
    const rows: (number | null)[][] = [
      [8, 9.5, null, 6, 7],
      [8, null, 5, null, null],
      [null, null, null, null, null],
      [10, 10, 10, 9, 3.33],
    ];
    const weights = [2, 1, 1, 1, 0.5];
    for (const mode of ['mean', 'trimmed', 'weighted'] as const) {
      const values = rows.map((r) => [...r]);
      const formulas = rows.map((_, i) => [
        null,
        null,
        null,
        null,
        null,
        unparse(
          combineExpr(
            [0, 1, 2, 3, 4].map((c) => ref(i, c)),
            mode,
            weights,
          ),
        ),
      ]);
      const hf = buildEngine({ sheets: [{ name: 'S', values, formulas, merges: [] }] });
      const got = rows.map((_, i) => hf.getCellValue({ sheet: 0, row: i, col: 5 }));
      rows.forEach((r, i) => {
        const want = combineScores(r, mode, weights).value;
        expect(got[i] === '' ? null : got[i]).toBe(want);
      });
    }
  });
});

describe('which assessor a workbook is from', () => {
  it('reads a 考核人 cell before the file name', () => {
    expect(assessorOf('in/新华社区.xlsx', ['x', '考核人：李四'])).toEqual({
      unit: '新华社区',
      assessor: '李四',
    });
  });
  it('reads the name after the dash of the file name, not a copy mark', () => {
    expect(assessorOf('新华社区-张三.xlsx', [])).toEqual({ unit: '新华社区', assessor: '张三' });
    expect(assessorOf('新华社区 - 副本.xlsx', []).assessor).toBeNull();
    // Versions of one unit's workbook are not assessors: they stay a duplicate for the office to settle.
    for (const v of ['终稿', '修改版', '最终', '备份', 'final', 'v2'])
      expect(assessorOf(`新华社区-${v}.xlsx`, []).assessor).toBeNull();
    expect(assessorOf('新华社区-张新民.xlsx', []).assessor).toBe('张新民');
    expect(assessorOf('新华社区.xlsx', []).assessor).toBeNull();
  });
  it('parses role weights and names a part it cannot read', () => {
    expect([...(parseWeights('组长=2,组员=1') as Map<string, number>)]).toEqual([
      ['组长', 2],
      ['组员', 1],
    ]);
    expect(parseWeights('组长=two')).toEqual({ error: '组长=two' });
  });
});
