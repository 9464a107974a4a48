/**
 * 每月 / 每季度 inside an award's condition says how often the work is done (按要求每月上报…，得5分): the
 * award is for the whole condition, not so many points per month against an invented count.
 */
import { describe, expect, it } from 'vitest';
import { parseRuleStrict } from '../../../src/core/rules/parse';

const read = (text: string, points: number) =>
  parseRuleStrict(text, { points }).terms.map((t) => ({
    kind: t.kind,
    amount: 'amount' in t ? t.amount : null,
    what: 'what' in t ? t.what : '',
  }));

describe('a frequency in an award’s condition', () => {
  it.each([
    ['按要求每月报送工作台账，得5分', 10, '按要求每月报送工作台账'],
    ['每季度开展一次联合检查并有记录，得4分', 8, '每季度开展一次联合检查并有记录'],
    ['坚持每周召开例会，得2分', 6, '坚持每周召开例会'],
  ])('%s → one award of its points', (text, points, what) => {
    expect(read(text, points)).toEqual([
      { kind: 'award', amount: Number(text.match(/得(\d+)分/)![1]), what },
    ]);
  });

  it('a period right before the award still counts periods (每月得1分 in a 12-point item)', () => {
    const [t] = read('按时报送的，每月得1分', 12);
    expect(t?.kind).toBe('shortfall');
  });
});
