/**
 * Families real offices write that fall outside points: money and class hours (reported, never
 * points), a verbless 每宗0.3分 about problems found (a deduction per case), and a score above the
 * item's points (reported).
 */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Rule } from '../../../src/core/rules/types';

const unreadText = (r: Rule): string[] => r.unread.map((s) => r.source.slice(s.start, s.end));
const amounts = (r: Rule): number[] =>
  r.terms.flatMap((t) => ('amount' in t ? [t.amount] : 'bands' in t ? t.bands.map((b) => b.deduct) : []));

describe('money, class hours and other units than points', () => {
  it.each([
    ['违规的罚款500元', '违规的罚款500元', 500],
    ['未完成的扣发绩效工资1000元', '未完成的扣发绩效工资1000元', 1000],
    ['未参加培训的扣2学时', '未参加培训的扣2学时', 2],
    ['迟报的，罚款200元', '罚款200元', 200],
  ])('%s is reported, never points', (text, unread, n) => {
    const r = parseRuleStrict(text, { points: 5 });
    expect(unreadText(r)).toEqual([unread]);
    expect(amounts(r)).not.toContain(n);
  });

  it('beside a deduction in points, only the money is reported', () => {
    const r = parseRuleStrict('未上报的扣1分，并罚款500元', { points: 5 });
    expect(r.terms).toMatchObject([{ kind: 'flag', amount: 1 }]);
    expect(unreadText(r).join('')).toContain('罚款500元');
    expect(amounts(r)).not.toContain(500);
  });
});

describe('verbs, signs and typos', () => {
  it('每宗0.3分 after problems found deducts per case (the verb omitted)', () => {
    const r = parseRuleStrict('巡查发现问题每宗0.3分', { points: 2 });
    expect(r.terms).toMatchObject([{ kind: 'perUnit', amount: 0.3, unit: '宗', what: '巡查发现问题' }]);
  });

  it('每项0.5分 for items to do still counts the missing ones', () => {
    const r = parseRuleStrict('资料齐全，每项0.5分', { points: 2 });
    expect(r.terms).toMatchObject([{ kind: 'shortfall', amount: 0.5, required: 4, unit: '项' }]);
  });

  it.each([
    ['未上报的减1分', 'flag', 1],
    ['未上報的減1分', 'flag', 1],
    ['迟报-0.5分/次', 'perUnit', 0.5],
    ['未上报的没次扣1分', 'perUnit', 1],
    ['获得表彰的奖1分', 'bonus', 1],
  ])('%s', (text, kind, amount) => {
    expect(parseRuleStrict(text).terms).toMatchObject([{ kind, amount }]);
  });
});

describe('a score above the item’s points', () => {
  it('满分5分，表现突出的可得6分 is reported, not an award of 6', () => {
    const r = parseRuleStrict('满分5分，表现突出的可得6分');
    expect(r.terms).toEqual([]);
    expect(unreadText(r).join('')).toContain('表现突出的可得6分');
  });

  it('an award within the points stays an award', () => {
    const r = parseRuleStrict('满分5分，表现突出的得2分');
    expect(r.terms).toMatchObject([{ kind: 'award', amount: 2 }]);
  });
});

describe('a frequency as the required count', () => {
  it.each([
    ['每季度召开一次，少一次扣1分', 4],
    ['每月召开一次会议，少一次扣1分', 12],
    ['每半年开展一次，少一次扣1分', 2],
    ['每周巡查一次，少一次扣0.5分', 52],
  ])('%s counts %i in the year and says it assumed the year', (text, n) => {
    const r = parseRuleStrict(text);
    expect(r.terms).toMatchObject([{ kind: 'shortfall', required: n }]);
    expect(explainRule(r, 5, 'zh')).toContain(`考核期按一年计`);
    expect(explainRule(r, 5, 'zh')).toContain(`应不少于${n}次`);
  });
});

describe('caps said in a sentence of their own', () => {
  const capOf = (text: string) => parseRuleStrict(text, { points: 10 });
  it.each(['扣满为止', '扣光为止', '扣分扣完为止'])(
    '未上报的每次扣1分，%s keeps the item cap, all read',
    (c) => {
      const r = capOf(`未上报的每次扣1分，${c}`);
      expect(r.cap.kind).toBe('item');
      expect(r.cap.span).not.toBeNull();
      expect(r.unread).toEqual([]);
    },
  );

  it.each([
    ['未上报的每次扣1分，扣分总数不超过3分', 3],
    ['未上报的每次扣1分；迟报的每次扣0.5分。本项共扣4分', 4],
    ['本项共扣4分，其中未建台账扣2分', 4],
  ])('%s caps the deductions', (text, n) => {
    const r = capOf(text);
    expect(r.cap).toMatchObject({ kind: 'explicit', amount: n });
    expect(r.terms.every((t) => !('amount' in t) || t.amount !== n)).toBe(true);
    expect(r.unread).toEqual([]);
  });

  it('with a condition, 本项共扣4分 is a deduction', () => {
    const r = capOf('未建台账的，本项共扣4分');
    expect(r.terms).toMatchObject([{ kind: 'flag', amount: 4 }]);
    expect(r.cap.kind).toBe('item');
  });
});
