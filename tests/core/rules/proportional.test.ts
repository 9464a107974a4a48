/**
 * Proportional scoring (按实际完成比例计分, 得分=实际完成数÷任务数×分值) is a kind the rule cannot
 * hold: the rate kind counts whole percentage points and takes a rate, not counts, and a shortfall
 * needs a stated task count whose share of the points is exact. Such text is reported unread (it
 * needs a decision), never read as discretion or left as "no rule".
 */
import { describe, expect, it } from 'vitest';
import { parseRuleStrict } from '../../../src/core/rules/parse';

const unreadOf = (criteria: string, points: number | null = 5): string[] => {
  const r = parseRuleStrict(criteria, { points });
  return r.unread.map((u) => r.source.slice(u.start, u.end));
};

describe('proportional scoring is reported, never scored silently', () => {
  it.each([
    '按实际完成比例计分',
    '按照完成比例计分',
    '按完成比例打分',
    '按完成比例赋分',
    '根据完成比例打分',
    '依据完成比例赋分',
    '视完成比例扣分',
    '按任务完成比例给分',
    '按完成比例计算',
    '按实际完成数占任务数的比例计分',
    '得分=实际完成数÷任务数×分值',
    '得分=实际完成数/任务数×本项分值',
  ])('%s', (criteria) => {
    for (const points of [5, null]) {
      const r = parseRuleStrict(criteria, { points });
      expect(r.terms, criteria).toEqual([]);
      expect(unreadOf(criteria, points), criteria).toEqual([criteria]);
    }
  });

  it('keeps the condition with the proportion, and the terms read beside it', () => {
    const criteria = '台账不全的扣1分；未完成的，根据完成比例打分';
    const r = parseRuleStrict(criteria, { points: 5 });
    expect(r.terms.map((t) => t.kind)).toEqual(['flag']);
    expect(unreadOf(criteria)).toEqual(['未完成的，根据完成比例打分']);
  });

  it('still reads a discretion that names no proportion', () => {
    const r = parseRuleStrict('根据平时工作打分', { points: 5 });
    expect(r.terms.map((t) => t.kind)).toEqual(['discretion']);
    expect(r.unread).toEqual([]);
  });
});
