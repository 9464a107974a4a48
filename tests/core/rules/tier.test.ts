/**
 * The tier kinds (tier by a rate or sub-score, tierCount by a count, choice among alternatives):
 * parsed from the families real offices write, evaluated with one band chosen, explained, and their
 * formulas computed by HyperFormula and LibreOffice Calc to the core's figures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { a1 } from '../../../src/core/a1';
import { ref } from '../../../src/core/formula/ast';
import { unparse } from '../../../src/core/formula/unparse';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Rule, Term } from '../../../src/core/rules/types';
import { buildEngine, hfValue } from '../../helpers/hf';
import { recalcWithLibreOffice, sofficeMissing } from '../../helpers/libreoffice';

const LADDER =
  '完成率≥90%，得满分\n完成率≥85%，得5分\n完成率≥80%，得3分\n完成率＜80%，不得分\n无学员，不得分';

function only(rule: Rule, kind: Term['kind']): Term {
  const t = rule.terms.filter((x) => x.kind === kind);
  expect(t, JSON.stringify(rule.terms)).toHaveLength(1);
  return t[0]!;
}
const cents = (t: Term, input: number | boolean | null): number =>
  handlerFor(t).evaluate(t as never, input).deductionCents;

describe('tier: bands of a rate, one chosen', () => {
  it('reads a ladder as one term, not independent awards: 87% scores 5 of 8', () => {
    const r = parseRuleStrict(LADDER, { points: 8 });
    const t = only(r, 'tier');
    expect(r.terms.filter((x) => x.kind === 'award' || x.kind === 'fullIf')).toEqual([]);
    expect(r.unread).toEqual([]);
    expect(cents(t, 87)).toBe(300);
    expect(cents(t, 90)).toBe(0);
    expect(cents(t, 100)).toBe(0);
    expect(cents(t, 85)).toBe(300);
    expect(cents(t, 84.99)).toBe(500);
    expect(cents(t, 80)).toBe(500);
    expect(cents(t, 79.5)).toBe(800);
    expect(cents(t, null)).toBe(0);
    // The exception after the ladder stays its own term.
    expect(only(r, 'zeroIf')).toMatchObject({ what: '无学员' });
  });

  it('reads bare and 以上 bounds, and scores 0 below the last band when no band says so', () => {
    const t = only(parseRuleStrict('合格率100%得6分，95%以上得4分，90%以上得2分', { points: 6 }), 'tier');
    expect([100, 97, 95, 92, 89].map((v) => cents(t, v))).toEqual([0, 200, 200, 400, 600]);
  });

  it('reads a leading full-points band in words above a percentage ladder as 100%', () => {
    const text =
      '符合要求（含协同单位），得满分\n疾病种类及数量≥规定数的90%，得2分\n疾病种类及数量≥规定数的85%，得1分\n疾病种类及数量＜规定数的85%，不得分';
    const t = only(parseRuleStrict(text, { points: 3 }), 'tier');
    expect([100, 95, 86, 50].map((v) => cents(t, v))).toEqual([0, 100, 200, 300]);
  });

  it('reads a sub-score ladder (≥90分得满分 on a 评分表)', () => {
    const text = '≥90分得满分，≥80分得4分，≥70分得2分，≥60分得1分，＜60分不得分';
    const t = only(parseRuleStrict(text, { points: 5 }), 'tier');
    expect(t).toMatchObject({ unit: '分' });
    expect([95, 80, 75, 60, 59].map((v) => cents(t, v))).toEqual([0, 100, 300, 400, 500]);
  });

  it('leaves a ladder to the clause grammar without the item points', () => {
    const r = parseRuleStrict('完成率≥90%，得满分；完成率≥85%，得5分');
    expect(r.terms.some((t) => t.kind === 'tier')).toBe(false);
  });

  it('explains the bands in order, each with its outcome, in both languages', () => {
    const r = parseRuleStrict(LADDER, { points: 8 });
    const zh = explainRule(r, 8, 'zh');
    expect(zh).toContain('按完成率只取一档：90%及以上得满分，85%及以上得5分，80%及以上得3分，低于80%不得分');
    const en = explainRule(r, 8, 'en');
    expect(en).toContain('90% or more: full points, 85% or more: 5 points');
    expect(en).toContain('below 80%: no points');
    expect(en.replace(/"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('tierCount: bands of a count', () => {
  it('差错2次以内得满分，3至5次得3分，6次以上不得分', () => {
    const r = parseRuleStrict('差错2次以内得满分，3至5次得3分，6次以上不得分', { points: 5 });
    const t = only(r, 'tierCount');
    expect(t).toMatchObject({ unit: '次', what: '差错' });
    expect([0, 2, 3, 5, 6, 20].map((v) => cents(t, v))).toEqual([0, 0, 200, 200, 500, 500]);
    expect(explainRule(r, 5, 'zh')).toContain('2次以内得满分，3至5次得3分，6次及以上不得分');
    expect(explainRule(r, 5, 'en')).toContain('3 to 5 times: 3 points');
  });

  it('2项均满足得满分；1项满足得1分: the count met, none met scores 0', () => {
    const r = parseRuleStrict('2项培训均满足，得满分；1项满足，得1分', { points: 3 });
    const t = r.terms[0]!;
    expect(r.terms).toHaveLength(1);
    expect(['choice', 'tierCount']).toContain(t.kind);
    // With one of two met the item scores 1, not 3.
    const one = t.kind === 'choice' ? 2 : 1;
    expect(cents(t, one)).toBe(200);
  });

  it('bare counts without a qualifier are not a ladder', () => {
    const r = parseRuleStrict('省级媒体推广1篇，得3分；市级媒体推广2篇，得2分', { points: 5 });
    expect(r.terms.some((x) => x.kind === 'tierCount')).toBe(false);
  });
});

describe('choice: alternatives that exclude each other', () => {
  const TEXT = '有评价方案，原始记录详实，得满分；有评价记录无方案，得2分；有方案无记录，得1分';

  it('is one term with an added "其余情形" band, never a sum', () => {
    const r = parseRuleStrict(TEXT, { points: 3 });
    const t = only(r, 'choice');
    expect(r.terms).toHaveLength(1);
    if (t.kind !== 'choice') throw new Error('kind');
    expect(t.bands.map((b) => b.label)).toEqual([
      '有评价方案,原始记录详实',
      '有评价记录无方案',
      '有方案无记录',
      '其余情形',
    ]);
    expect([1, 2, 3, 4, 5, null].map((v) => cents(t, v))).toEqual([0, 100, 200, 300, 0, 0]);
    expect(handlerFor(t).prompt(t as never, 'zh')).toContain('1=有评价方案,原始记录详实得满分');
  });

  it('independent components that add up to the points stay awards', () => {
    const r = parseRuleStrict('成立有协会的得1分；开展活动的得1分', { points: 2 });
    expect(r.terms.map((t) => t.kind)).toEqual(['award', 'award']);
  });
});

/** Inputs and the core's deductions for each term, to compare engines against. */
const CASES: { term: Term; inputs: number[] }[] = [
  { term: only(parseRuleStrict(LADDER, { points: 8 }), 'tier'), inputs: [100, 90, 87, 85, 84.5, 80, 12, 0] },
  {
    term: only(parseRuleStrict('差错2次以内得满分，3至5次得3分，6次以上不得分', { points: 5 }), 'tierCount'),
    inputs: [0, 2, 3, 4, 5, 6, 9],
  },
  {
    term: only(
      parseRuleStrict('有评价方案，原始记录详实，得满分；有评价记录无方案，得2分；有方案无记录，得1分', {
        points: 3,
      }),
      'choice',
    ),
    inputs: [1, 2, 3, 4, 7],
  },
];

/** Rows: input in A, the written deduction formula in B. */
function rowsOf(c: (typeof CASES)[number]): { input: number; formula: string; want: number }[] {
  return c.inputs.map((input, i) => {
    const f = handlerFor(c.term).formula(c.term as never, ref(i, 0)).deduction!;
    return { input, formula: unparse(f), want: cents(c.term, input) / 100 };
  });
}

describe('tier formulas in HyperFormula', () => {
  it('compute the core deduction for every input', () => {
    for (const c of CASES) {
      const rows = rowsOf(c);
      const hf = buildEngine({
        sheets: [
          {
            name: 'S',
            merges: [],
            values: rows.map((r) => [r.input]),
            formulas: rows.map((r) => [null, r.formula]),
          },
        ],
      });
      expect(rows.map((_, i) => hfValue(hf, 'S', a1(i, 1)))).toEqual(rows.map((r) => r.want));
    }
  });
  it('use only nested IF, AND and ISNUMBER', () => {
    for (const c of CASES)
      for (const r of rowsOf(c))
        expect(r.formula.match(/[A-Z]+(?=\()/g)!.every((n) => ['IF', 'AND', 'ISNUMBER'].includes(n))).toBe(
          true,
        );
  });
});

const missing = sofficeMissing();
const skip = missing !== null && process.env.CI !== 'true';

describe.skipIf(skip)(`tier formulas in LibreOffice Calc${skip ? ` (skipped: ${missing})` : ''}`, () => {
  it('compute the core deduction for every input, from formulas alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tier-lo-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    const all = CASES.flatMap((c) => rowsOf(c).map((r) => ({ ...r, c })));
    let row = 0;
    for (const c of CASES) {
      c.inputs.forEach((input, i) => {
        const f = handlerFor(c.term).formula(c.term as never, ref(row + i, 0)).deduction!;
        ws.getCell(row + i + 1, 1).value = input;
        ws.getCell(row + i + 1, 2).value = { formula: unparse(f) } as ExcelJS.CellFormulaValue;
      });
      row += c.inputs.length;
    }
    const file = join(dir, 'tiers.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = recalcWithLibreOffice([file], { [file]: ['S'] })[file]!.S!;
    expect(all.map((_, i) => Number(out[i]?.[1]))).toEqual(all.map((r) => r.want));
  }, 240_000);
});
