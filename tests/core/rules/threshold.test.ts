/** threshold: amount once when the count done is below the required count. */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import { counts, effect, hfPairs, only } from './engines';

describe('threshold', () => {
  const TEXT = '全年投稿不足5篇的扣1分';

  it('reads the count and the one-time amount', () => {
    const t = only(parseRuleStrict(TEXT), 'threshold');
    expect(t).toMatchObject({ amount: 1, required: 5, unit: '篇', what: '全年投稿' });
    expect([0, 4, 4.5, 5, 9].map((n) => effect(t, n).deductionCents)).toEqual([100, 100, 100, 0, 0]);
    expect(effect(t, null).deductionCents).toBe(0);
    expect(effect(t, '是').deductionCents).toBe(0);
  });

  it('explains in both languages', () => {
    const r = parseRuleStrict(TEXT);
    expect(explainRule(r, 3, 'zh')).toContain('全年投稿不足5篇扣1分');
    expect(explainRule(r, 3, 'en')).toContain('fewer than 5 articles, 1 point off');
    const two = parseRuleStrict('全年投稿不足2篇的扣1.5分');
    expect(explainRule(two, 3, 'en')).toContain('1.5 points off');
  });

  it('its formula computes the core deduction for every count', () => {
    const t = only(parseRuleStrict(TEXT), 'threshold');
    for (const [engine, core] of hfPairs(t, counts(7)).deduction) expect(engine).toBe(core);
  });
});
