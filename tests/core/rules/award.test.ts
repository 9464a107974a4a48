/** award: a component of the item's points, lost (amount) when not met (否). */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Entry } from './engines';
import { effect, hfPairs } from './engines';

const ENTRIES: Entry[] = ['是', '否', null, '', 0];

describe('award', () => {
  const TEXT = '成立有协会的得1分；开展活动的得1.5分';

  it('independent components, each lost when not met', () => {
    const r = parseRuleStrict(TEXT, { points: 2.5 });
    expect(r.terms.map((t) => (t.kind === 'award' ? [t.what, t.amount] : null))).toEqual([
      ['成立有协会', 1],
      ['开展活动', 1.5],
    ]);
    expect(ENTRIES.map((e) => effect(r.terms[1]!, e).deductionCents)).toEqual([0, 150, 0, 0, 0]);
  });

  it('explains each component with its condition, point or points', () => {
    const r = parseRuleStrict(TEXT, { points: 2.5 });
    expect(explainRule(r, 2.5, 'zh')).toContain('成立有协会的得1分；开展活动的得1.5分');
    expect(explainRule(r, 2.5, 'en')).toContain(
      '"成立有协会": 1 point when met; "开展活动": 1.5 points when met',
    );
  });

  it('its formula agrees with the core for every entry', () => {
    for (const t of parseRuleStrict(TEXT, { points: 2.5 }).terms) {
      const d = hfPairs(t, ENTRIES).deduction;
      expect(d).toHaveLength(ENTRIES.length);
      for (const [engine, core] of d) expect(engine).toBe(core);
    }
  });
});
