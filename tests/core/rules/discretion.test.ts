/**
 * discretion: 酌情扣分, 视情扣分, 根据平时工作打分 — the assessor enters the deduction itself. A
 * deduction with a stated range is the range kind instead (see range.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Entry } from './engines';
import { counts, effect, hfPairs, only } from './engines';

describe('discretion: parse', () => {
  it.each([
    ['台账不规范的视情况扣分', '台账不规范'],
    ['宣传氛围不浓的视情扣分', '宣传氛围不浓'],
    ['宣传不到位的视情况给予扣分', '宣传不到位'],
    ['酌情扣分', ''],
    ['视情况扣分', ''],
    ['根据平时工作打分', '根据平时工作打分'],
  ])('%s', (text, what) => {
    const r = parseRuleStrict(text, { points: 5 });
    expect(only(r, 'discretion')).toMatchObject({ what });
    expect(r.terms).toHaveLength(1);
    expect(r.unread).toEqual([]);
    expect(r.cap.kind).toBe('item');
  });

  it('酌情扣2分: up to 2, the 2 a cap', () => {
    const r = parseRuleStrict('资料不全的酌情扣2分', { points: 5 });
    expect(only(r, 'discretion')).toMatchObject({ what: '资料不全' });
    expect(r.cap).toMatchObject({ kind: 'explicit', amount: 2 });
  });

  it('a stated range is not discretion', () => {
    const r = parseRuleStrict('视情况扣1-3分', { points: 5 });
    expect(r.terms.map((t) => t.kind)).toEqual(['range']);
  });
});

describe('discretion: evaluate', () => {
  const t = only(parseRuleStrict('酌情扣分'), 'discretion');
  it('deducts what is entered, to the hundredth', () => {
    expect([0, 0.5, 1.25, 3].map((e) => effect(t, e).deductionCents)).toEqual([0, 50, 125, 300]);
  });
  it('blank, text, 是/否 or a negative entry deduct nothing', () => {
    expect([null, '', '无', '是', -2].map((e) => effect(t, e).deductionCents)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('discretion: explain and prompt', () => {
  it('a bare 酌情扣分 is not repeated as its own condition', () => {
    const r = parseRuleStrict('酌情扣分', { points: 5 });
    expect(explainRule(r, 5, 'zh')).toBe('由考核人员酌情扣分；本项最多扣5分（扣完为止）');
    expect(explainRule(r, 5, 'en')).toBe(
      "deduction at the assessor's discretion; at most 5 points off (down to zero)",
    );
    const t = only(r, 'discretion');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('酌情扣除的分值');
  });
  it('says the condition where there is one', () => {
    const r = parseRuleStrict('台账不规范的视情况扣分', { points: 5 });
    expect(explainRule(r, 5, 'zh')).toContain('台账不规范：由考核人员酌情扣分');
    const t = only(r, 'discretion');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('酌情扣除的分值（台账不规范）');
    expect(handlerFor(t).prompt(t, 'en')).toBe('Points to deduct, at your discretion ("台账不规范")');
  });
});

describe('discretion formulas in HyperFormula', () => {
  it('the core deduction for every entry', () => {
    const t = only(parseRuleStrict('酌情扣分'), 'discretion');
    const entries: Entry[] = [...counts(3), 0.25, 1.234, '是'];
    const pairs = hfPairs(t, entries).deduction;
    expect(pairs).toHaveLength(entries.length);
    for (const [engine, core] of pairs) expect(engine).toBe(core);
  });
});
