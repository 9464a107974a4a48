/** flag: amount once when it happened (是). */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Entry } from './engines';
import { effect, hfPairs, only } from './engines';

const ENTRIES: Entry[] = ['是', '否', null, '', 1, 0, '有'];

describe('flag', () => {
  it('reads a condition and its amount', () => {
    const r = parseRuleStrict('出现过期药的扣0.1分');
    const t = only(r, 'flag');
    expect(t).toMatchObject({ amount: 0.1, what: '出现过期药' });
    expect(ENTRIES.map((e) => effect(t, e).deductionCents)).toEqual([10, 0, 0, 0, 0, 0, 0]);
  });

  it('各扣1分 after a list: one flag per item, each with its own condition', () => {
    const r = parseRuleStrict('无方案、小结、信息的各扣1分');
    expect(r.terms.map((t) => (t.kind === 'flag' ? [t.what, t.amount] : null))).toEqual([
      ['无方案', 1],
      ['无小结', 1],
      ['无信息', 1],
    ]);
    expect(r.unread).toEqual([]);
  });

  it('explains with its condition; prompts for 是/否', () => {
    const r = parseRuleStrict('出现过期药的扣1分');
    expect(explainRule(r, 2, 'zh')).toContain('出现过期药的扣1分');
    expect(explainRule(r, 2, 'en')).toContain('If "出现过期药": 1 point off');
    const t = only(r, 'flag');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('是否出现过期药（是/否），是则扣1分');
  });

  it('its formula computes the core deduction for every entry', () => {
    const t = only(parseRuleStrict('出现过期药的扣0.5分'), 'flag');
    for (const [engine, core] of hfPairs(t, ENTRIES).deduction) expect(engine).toBe(core);
  });
});
