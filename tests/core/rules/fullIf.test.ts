/** fullIf: 资料齐全的记满分 — says when the item earns full points; nothing to enter, no effect alone. */
import { describe, expect, it } from 'vitest';
import { ref } from '../../../src/core/formula/ast';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import { counts, effect, only } from './engines';

describe('fullIf: parse', () => {
  it.each([
    ['资料齐全的记满分', '资料齐全'],
    ['按时完成全部任务，得满分', '按时完成全部任务'],
    ['全部达标的计满分', '全部达标'],
    ['各项工作均按要求完成的，给满分', '各项工作均按要求完成'],
  ])('%s', (text, what) => {
    const r = parseRuleStrict(text, { points: 5 });
    expect(only(r, 'fullIf')).toMatchObject({ what });
    expect(r.terms).toHaveLength(1);
    expect(r.unread).toEqual([]);
  });

  it('beside deductions it is its own term, and the deductions keep their conditions', () => {
    const r = parseRuleStrict('资料齐全的记满分；缺一项扣1分', { points: 5 });
    expect(r.terms.map((t) => t.kind)).toContain('fullIf');
    expect(r.terms.filter((t) => t.kind !== 'fullIf').length).toBeGreaterThan(0);
    expect(r.unread).toEqual([]);
  });
});

describe('fullIf: evaluate', () => {
  it('changes nothing for any entry', () => {
    const t = only(parseRuleStrict('资料齐全的记满分'), 'fullIf');
    for (const e of [...counts(2), '是', '否'])
      expect(effect(t, e)).toEqual({ deductionCents: 0, bonusCents: 0, zero: false, veto: false });
    expect(handlerFor(t).input).toBe('none');
    expect(handlerFor(t).formula(t, ref(0, 0))).toEqual({});
  });
});

describe('fullIf: explain and prompt', () => {
  it('says the condition for full points', () => {
    const r = parseRuleStrict('资料齐全的记满分', { points: 5 });
    expect(explainRule(r, 5, 'zh')).toContain('资料齐全的记满分');
    expect(explainRule(r, 5, 'en')).toContain('Full points if "资料齐全"');
  });
  it('asks for nothing', () => {
    const t = only(parseRuleStrict('按时完成全部任务，得满分'), 'fullIf');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('无需填写（按时完成全部任务的记满分）');
    expect(handlerFor(t).prompt(t, 'en')).toBe('Nothing to enter (full points if "按时完成全部任务")');
  });
});
