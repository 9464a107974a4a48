import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Rule } from '../../../src/core/rules/types';
import { sofficeMissing } from '../../helpers/libreoffice';
import { counts, effect, hfPairs, loDeductions, only } from './engines';

const words = (r: Rule, s: { start: number; end: number }) => r.source.slice(s.start, s.end);
const cents = (r: Rule, i: number, n: number) => effect(r.terms[i]!, n).deductionCents;

describe('perUnit: parse', () => {
  it.each([
    ['跟踪随访不到位的扣0.5分/人', 0.5, '人', '跟踪随访不到位'],
    ['每发现一处扣2分', 2, '处', '发现'],
    ['台账不全的，每次扣0.1分', 0.1, '次', '台账不全'],
  ])('%s', (text, amount, unit, what) => {
    const r = parseRuleStrict(text);
    expect(only(r, 'perUnit')).toMatchObject({ amount, unit, what });
    expect(r.unread).toEqual([]);
  });
});

describe('perUnit: escalation', () => {
  it('第一次扣1分，第二次起每次扣2分: one term, the first at 1, each further at 2', () => {
    const r = parseRuleStrict('违规操作第一次扣1分，第二次起每次扣2分');
    const t = only(r, 'perUnit');
    expect(r.terms).toHaveLength(1);
    expect(t).toMatchObject({ amount: 1, after: 1, later: 2, what: '违规操作' });
    expect(words(r, t.span)).toBe('违规操作第一次扣1分，第二次起每次扣2分');
    expect([0, 1, 2, 3].map((n) => cents(r, 0, n))).toEqual([0, 100, 300, 500]);
    expect(explainRule(r, 10, 'zh')).toContain('违规操作的第1次扣1分，第2次起每次扣2分');
    expect(explainRule(r, 10, 'en')).toContain('the first time 1 point, each further time 2 points');
  });

  it('累计扣满3分的，另扣5分: the extra is added once the term reaches 3, and is not read as a cap', () => {
    const r = parseRuleStrict('资料缺失每次扣1分，累计扣满3分的，另扣5分', { points: 20 });
    const t = only(r, 'perUnit');
    expect(r.terms).toHaveLength(1);
    expect(r.cap.kind).toBe('item');
    expect(t).toMatchObject({ amount: 1, extraAt: 3, extra: 5 });
    expect([0, 2, 3, 4].map((n) => cents(r, 0, n))).toEqual([0, 200, 800, 900]);
    expect(explainRule(r, 20, 'zh')).toContain('累计扣满3分的，另扣5分');
    expect(explainRule(r, 20, 'en')).toContain('once this reaches 3 points off, 5 points off in addition');
  });

  it('扣满4分的，追加扣除10分 reads the same way', () => {
    const r = parseRuleStrict('每次扣1分，扣满4分的，追加扣除10分', { points: 20 });
    expect(only(r, 'perUnit')).toMatchObject({ extraAt: 4, extra: 10 });
    expect(r.terms).toHaveLength(1);
    expect(r.unread).toEqual([]);
  });

  it('an extra after two deductions cannot say which one it counts: needs a decision', () => {
    const r = parseRuleStrict('迟到每次扣1分，缺席每次扣2分，累计扣满3分的，另扣5分', { points: 20 });
    expect(r.unread.map((s) => words(r, s))).toEqual(['累计扣满3分的，另扣5分']);
    expect(r.terms.every((t) => t.kind === 'perUnit' && t.extra === undefined)).toBe(true);
    expect(r.cap.kind).toBe('item');
  });

  it("an extra beyond the item's points (扣满4分的，追加扣除10分 on a 4-point item) needs a decision", () => {
    const text = '设置或配备不符合规定的，每处扣1分；扣满4分的，追加扣除10分。';
    const r = parseRuleStrict(text, { points: 4 });
    expect(r.unread.map((s) => words(r, s))).toEqual(['扣满4分的，追加扣除10分']);
    expect(only(r, 'perUnit').extra).toBeUndefined();
    expect(r.cap.kind).toBe('item');
    expect(only(parseRuleStrict(text, { points: 20 }), 'perUnit')).toMatchObject({ extraAt: 4, extra: 10 });
  });

  it('不得分，并追加扣除10分: a deduction beyond a zeroed item is reported, not a one-time deduction', () => {
    for (const text of [
      '未按规定履行职责的，不得分，并追加扣除10分。',
      '发包给无相应资质的相关方的，除不得分外，追加扣除10分；协议中职责不明确的，每项扣1分。',
    ]) {
      const r = parseRuleStrict(text, { points: 10 });
      expect(
        r.terms.some((t) => t.kind === 'flag'),
        text,
      ).toBe(false);
      expect(r.unread.map((s) => words(r, s)).join('/'), text).toMatch(/追加扣除10分$/);
      expect(r.terms.some((t) => t.kind === 'zeroIf')).toBe(true);
    }
  });

  it('再次发现的加倍扣分: which units repeat is not in a count, so it needs a decision', () => {
    const r = parseRuleStrict('发现问题每次扣1分，再次发现的加倍扣分');
    expect(r.unread.map((s) => words(r, s))).toEqual(['再次发现的加倍扣分']);
    expect(explainRule(r, 5, 'zh')).toContain('未能识别：“再次发现的加倍扣分”');
  });

  it('扣满2分为止 stays a cap', () => {
    const r = parseRuleStrict('每次扣0.5分，扣满2分为止');
    expect(r.cap).toMatchObject({ kind: 'explicit', amount: 2 });
    expect(r.unread).toEqual([]);
  });
});

describe('perUnit: caps per term', () => {
  it('每次扣0.5分，最多扣2分；每人扣1分，最多扣3分: each limit on its own term', () => {
    const r = parseRuleStrict('迟到每次扣0.5分，最多扣2分；缺岗每人扣1分，最多扣3分', { points: 10 });
    expect(r.unread).toEqual([]);
    expect(r.terms).toMatchObject([
      { kind: 'perUnit', amount: 0.5, max: 2 },
      { kind: 'perUnit', amount: 1, max: 3 },
    ]);
    expect(r.cap.kind).toBe('item');
    expect([1, 4, 9].map((n) => cents(r, 0, n))).toEqual([50, 200, 200]);
    expect([1, 3, 9].map((n) => cents(r, 1, n))).toEqual([100, 300, 300]);
    expect(explainRule(r, 10, 'zh')).toContain('迟到的每次扣0.5分，此项最多扣2分');
    expect(explainRule(r, 10, 'en')).toContain('at most 3 points off for this');
  });

  it('per clause in one sentence as well', () => {
    const r = parseRuleStrict('每次扣0.5分，最多扣2分，每人扣1分，最多扣3分', { points: 10 });
    expect(r.terms.map((t) => (t.kind === 'perUnit' ? t.max : null))).toEqual([2, 3]);
  });

  it('one limit after all terms stays the item cap', () => {
    const r = parseRuleStrict('每次扣0.5分，每人扣1分，最多扣3分', { points: 10 });
    expect(r.cap).toMatchObject({ kind: 'explicit', amount: 3 });
    expect(r.terms.every((t) => t.kind === 'perUnit' && t.max === undefined)).toBe(true);
  });

  it('本项共扣4分，其中……: a cap said first, not a 4-point deduction', () => {
    const r = parseRuleStrict('本项共扣4分，其中每次扣0.5分，缺一人扣1分', { points: 10 });
    expect(r.cap).toMatchObject({ kind: 'explicit', amount: 4 });
    expect(r.terms.map((t) => t.kind)).toEqual(['perUnit', 'perUnit']);
    expect(explainRule(r, 10, 'zh')).toContain('本项最多扣4分');
  });

  it('扣至零分为止 is a floor at zero: the item cap', () => {
    const r = parseRuleStrict('每次扣1分，扣至零分为止', { points: 3 });
    expect(r.cap.kind).toBe('item');
    expect(r.cap.span).not.toBeNull();
    expect(r.unread).toEqual([]);
  });
});

describe('perUnit: prompt', () => {
  it('carries the escalation and the term limit', () => {
    const s = only(parseRuleStrict('违规操作第一次扣1分，第二次起每次扣2分'), 'perUnit');
    expect(handlerFor(s).prompt(s, 'zh')).toBe('违规操作的次数，第1次扣1分，第2次起每次扣2分');
    expect(handlerFor(s).prompt(s, 'en')).toContain('the first time 1 point, each further time 2 points');
    const r = parseRuleStrict('每次扣0.5分，最多扣2分；每人扣1分，最多扣3分', { points: 10 });
    const t = r.terms[0]!;
    expect(handlerFor(t).prompt(t as never, 'zh')).toBe('需扣分的次数，每次扣0.5分，此项最多扣2分');
  });

  it('names what to count and its cost', () => {
    const t = only(parseRuleStrict('跟踪随访不到位的扣0.5分/人'), 'perUnit');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('跟踪随访不到位的人数，每人扣0.5分');
    expect(handlerFor(t).prompt(t, 'en')).toContain('0.5 points off each');
  });
});

describe('perUnit formulas in HyperFormula', () => {
  const texts = [
    '跟踪随访不到位的扣0.5分/人',
    '违规操作第一次扣1分，第二次起每次扣2分',
    '资料缺失每次扣1.5分，累计扣满3分的，另扣5分',
  ];
  it.each(texts)('%s: the core deduction for every count', (text) => {
    const t = only(parseRuleStrict(text, { points: 20 }), 'perUnit');
    for (const [engine, core] of hfPairs(t, counts(6)).deduction) expect(engine).toBe(core);
  });
  it('a term with its own limit', () => {
    const r = parseRuleStrict('每次扣0.5分，最多扣2分；每人扣1分，最多扣3分', { points: 10 });
    for (const t of r.terms)
      for (const [engine, core] of hfPairs(t, counts(6)).deduction) expect(engine).toBe(core);
  });
});

const missing = sofficeMissing();
const skip = missing !== null && process.env.CI !== 'true';

describe.skipIf(skip)(`perUnit formulas in LibreOffice Calc${skip ? ` (skipped: ${missing})` : ''}`, () => {
  it('escalated and limited terms compute the core deduction for every count', async () => {
    const terms = [
      ...parseRuleStrict('每次扣0.5分，最多扣2分；每人扣1分，最多扣3分', { points: 10 }).terms,
      only(parseRuleStrict('违规操作第一次扣1分，第二次起每次扣2分'), 'perUnit'),
      only(parseRuleStrict('资料缺失每次扣1.5分，累计扣满3分的，另扣5分', { points: 20 }), 'perUnit'),
    ];
    const inputs = [0, 1, 2, 3, 4, 5, 9];
    const { engine, core } = await loDeductions(terms, inputs);
    expect(engine).toEqual(core);
  }, 240_000);
});
