/** rate: amount per whole step of percentage points below the target (or below a named reference). */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Entry } from './engines';
import { effect, hfPairs, only } from './engines';

const RATES: Entry[] = [null, '', 100, 95, 90, 89.99, 89.5, 89, 85.5, 80, 50, 0];

describe('rate', () => {
  it('90%以下每减少1%扣0.1分: whole points below 90', () => {
    const t = only(parseRuleStrict('完成率90%以下每减少1%扣0.1分', { points: 5 }), 'rate');
    expect(t).toMatchObject({ amount: 0.1, step: 1, target: 90, what: '完成率' });
    expect([100, 90, 89.5, 89, 85.5, 80].map((v) => effect(t, v).deductionCents)).toEqual([
      0, 0, 0, 10, 40, 100,
    ]);
  });

  it('a named reference that is not a number: the input is the points below it', () => {
    const t = only(parseRuleStrict('合格率每低1个百分点扣0.5分', { points: 5 }), 'rate');
    expect(t.target).toBeNull();
    expect([0, 1, 2.5, 4].map((v) => effect(t, v).deductionCents)).toEqual([0, 50, 100, 200]);
  });

  it('explains with the step in the right number', () => {
    const r = parseRuleStrict('完成率90%以下每减少1%扣0.1分', { points: 5 });
    expect(explainRule(r, 5, 'zh')).toContain('完成率低于90%的，每低1个百分点扣0.1分');
    expect(explainRule(r, 5, 'en')).toContain('0.1 points off per percentage point below 90%');
    const two = parseRuleStrict('完成率90%以下每减少2%扣1分', { points: 5 });
    expect(explainRule(two, 5, 'en')).toContain('1 point off per 2 percentage points below 90%');
  });

  it('its formula computes the core deduction for every rate', () => {
    for (const text of [
      '完成率90%以下每减少1%扣0.1分',
      '完成率90%以下每减少2%扣1分',
      '合格率每低1个百分点扣0.5分',
    ]) {
      const t = only(parseRuleStrict(text, { points: 5 }), 'rate');
      const pairs = hfPairs(t, RATES).deduction;
      expect(pairs).toHaveLength(RATES.length);
      for (const [engine, core] of pairs) expect(engine).toBe(core);
    }
  });
});
