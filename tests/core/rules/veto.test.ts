/** veto: 一票否决 zeroes the whole assessment; 本项否决 only the item. */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Entry } from './engines';
import { effect, hfPairs, only } from './engines';

const ENTRIES: Entry[] = ['是', '否', null, '', 1];

describe('veto', () => {
  it('一票否决 vetoes the assessment when it happened', () => {
    const t = only(parseRuleStrict('发生安全事故的，一票否决'), 'veto');
    expect(t).toMatchObject({ scope: 'assessment', what: '发生安全事故' });
    expect(ENTRIES.map((e) => effect(t, e).veto)).toEqual([true, false, false, false, false]);
    expect(ENTRIES.some((e) => effect(t, e).zero)).toBe(false);
  });

  it('本项否决 zeroes only the item', () => {
    const t = only(parseRuleStrict('弄虚作假的，本项否决'), 'veto');
    expect(t.scope).toBe('item');
    expect(ENTRIES.map((e) => effect(t, e).zero)).toEqual([true, false, false, false, false]);
  });

  it('an 一票否决 in 目标要求 is kept beside the criteria', () => {
    const r = parseRuleStrict('每次扣1分', { requirement: '计划外生育一票否决' });
    expect(r.terms.map((t) => t.kind)).toEqual(['perUnit', 'veto']);
  });

  it('explains with its trigger', () => {
    expect(explainRule(parseRuleStrict('发生安全事故的，一票否决'), 5, 'zh')).toBe(
      '发生安全事故的一票否决（总分记0分）',
    );
    expect(explainRule(parseRuleStrict('弄虚作假的，本项否决'), 5, 'en')).toBe(
      'If "弄虚作假": this item scores 0 (veto)',
    );
  });

  it('its formulas agree with the core for every entry', () => {
    const a = hfPairs(only(parseRuleStrict('发生安全事故的，一票否决'), 'veto'), ENTRIES);
    expect(a.veto).toHaveLength(ENTRIES.length);
    for (const [engine, core] of a.veto) expect(engine).toBe(core);
    const i = hfPairs(only(parseRuleStrict('弄虚作假的，本项否决'), 'veto'), ENTRIES);
    expect(i.zero).toHaveLength(ENTRIES.length);
    for (const [engine, core] of i.zero) expect(engine).toBe(core);
  });
});
