/** shortfall: amount × (required − done), the required count from the text or a frequency. */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import { counts, effect, hfPairs, only } from './engines';

describe('shortfall', () => {
  it('reads the required count stated before the deduction', () => {
    const r = parseRuleStrict('每年开展培训不少于4次，每少一次扣0.5分');
    const t = only(r, 'shortfall');
    expect(t).toMatchObject({ amount: 0.5, required: 4, unit: '次', what: '开展培训' });
    expect([0, 1, 3, 4, 7].map((n) => effect(t, n).deductionCents)).toEqual([200, 150, 50, 0, 0]);
    expect(effect(t, null).deductionCents).toBe(0);
  });

  it('takes the count from 目标要求 when the criteria do not state it', () => {
    const r = parseRuleStrict('培训记录少一次扣0.5分', { requirement: '全年开展培训不少于6次' });
    expect(only(r, 'shortfall')).toMatchObject({ required: 6, amount: 0.5 });
  });

  it('a frequency is a count for the year: 每季度一次 → 4', () => {
    const t = only(parseRuleStrict('每季度开展一次检查，每少一次扣1分'), 'shortfall');
    expect(t.required).toBe(4);
  });

  it('with no required count anywhere it invents none', () => {
    const r = parseRuleStrict('培训、学习记录少一次扣0.5分');
    expect(r.terms.some((t) => t.kind === 'shortfall')).toBe(false);
  });

  it('explains the requirement and the cost, plural-correct in English', () => {
    const r = parseRuleStrict('每年开展培训不少于4次，每少一次扣1分');
    expect(explainRule(r, 5, 'zh')).toContain('开展培训应不少于4次，每少一次扣1分');
    expect(explainRule(r, 5, 'en')).toContain('at least 4 times required; 1 point off per time short');
    const t = only(r, 'shortfall');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('开展培训实际完成的次数（应为4次），每少一次扣1分');
  });

  it('its formula computes the core deduction for every count', () => {
    const t = only(parseRuleStrict('每年开展培训不少于4次，每少一次扣0.5分'), 'shortfall');
    const pairs = hfPairs(t, counts(6)).deduction;
    expect(pairs.length).toBeGreaterThan(10);
    for (const [engine, core] of pairs) expect(engine).toBe(core);
  });
});
