/**
 * bonus: 加1分, 每…加0.5分，最多加2分, 酌情加分 — points added, amount × the count entered, limited by
 * the term's own maximum; 酌情加分 takes the points themselves.
 */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Entry } from './engines';
import { counts, effect, hfPairs, only } from './engines';

const bonusCents = (text: string, e: Entry): number =>
  effect(only(parseRuleStrict(text, { points: 10 }), 'bonus'), e).bonusCents;

describe('bonus: parse', () => {
  it.each([
    ['获市级表彰的加1分', { amount: 1, max: 1, unit: '', what: '获市级表彰' }],
    ['每获得一次表彰加0.5分，最多加2分', { amount: 0.5, max: 2, unit: '次', what: '获得表彰' }],
    ['获省级表彰加2分/次', { amount: 2, max: null, unit: '次', what: '获省级表彰' }],
    ['创新工作酌情奖分，最高加3分', { amount: 1, max: 3, unit: '分', what: '创新工作' }],
    ['被上级采用的信息，每条奖励0.5分', { amount: 0.5, unit: '条' }],
  ])('%s', (text, want) => {
    const r = parseRuleStrict(text, { points: 10 });
    expect(only(r, 'bonus')).toMatchObject(want);
    expect(r.unread).toEqual([]);
  });

  it('酌情奖分 is a bonus, not a deduction', () => {
    const r = parseRuleStrict('工作有创新的酌情奖分', { points: 10 });
    expect(r.terms.map((t) => t.kind)).toEqual(['bonus']);
  });
});

describe('bonus: evaluate', () => {
  it('amount × count, limited by its maximum', () => {
    const text = '每获得一次表彰加0.5分，最多加2分';
    expect([0, 1, 3, 4, 9].map((n) => bonusCents(text, n))).toEqual([0, 50, 150, 200, 200]);
  });
  it('a one-time bonus is given once however many are entered', () => {
    expect([0, 1, 3].map((n) => bonusCents('获市级表彰的加1分', n))).toEqual([0, 100, 100]);
  });
  it('nothing entered, text or a negative count adds nothing, and it never deducts', () => {
    for (const e of [null, '', '无', -1] as Entry[]) expect(bonusCents('获省级表彰加2分/次', e)).toBe(0);
    const t = only(parseRuleStrict('获省级表彰加2分/次'), 'bonus');
    for (const e of counts(3)) expect(effect(t, e).deductionCents).toBe(0);
  });
});

describe('bonus: explain and prompt', () => {
  it.each([
    ['获市级表彰的加1分', '获市级表彰的加1分', '"获市级表彰": 1 bonus point'],
    [
      '每获得一次表彰加0.5分，最多加2分',
      '获得表彰的每次加0.5分，最多加2分',
      '"获得表彰": 0.5 bonus points per time, at most 2',
    ],
    ['酌情加分', '由考核人员酌情加分', "bonus points at the assessor's discretion"],
  ])('%s', (text, zh, en) => {
    const r = parseRuleStrict(text, { points: 10 });
    expect(explainRule(r, 10, 'zh')).toContain(zh);
    expect(explainRule(r, 10, 'en')).toContain(en);
  });

  it('a discretionary bonus asks for the points, not a count of points', () => {
    const t = only(parseRuleStrict('创新工作酌情奖分，最高加3分'), 'bonus');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('酌情加的分值（创新工作），最多加3分');
    expect(handlerFor(t).prompt(t, 'en')).toBe('Bonus points, at your discretion ("创新工作"), at most 3');
    const bare = only(parseRuleStrict('酌情加分'), 'bonus');
    expect(handlerFor(bare).prompt(bare, 'zh')).toBe('酌情加的分值');
  });

  it('a counted bonus asks for the count and its worth', () => {
    const t = only(parseRuleStrict('每获得一次表彰加0.5分，最多加2分'), 'bonus');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('获得表彰的次数，每次加0.5分，最多加2分');
  });
});

describe('bonus formulas in HyperFormula', () => {
  it.each(['每获得一次表彰加0.5分，最多加2分', '获市级表彰的加1分', '获省级表彰加2分/次', '酌情加分'])(
    '%s: the core bonus for every entry',
    (text) => {
      const t = only(parseRuleStrict(text, { points: 10 }), 'bonus');
      const entries: Entry[] = [...counts(5), 0.25, '是'];
      const pairs = hfPairs(t, entries).bonus;
      expect(pairs).toHaveLength(entries.length);
      for (const [engine, core] of pairs) expect(engine).toBe(core);
    },
  );
});
