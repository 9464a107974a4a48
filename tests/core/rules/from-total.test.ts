import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRule } from '../../../src/core/rules/parse';

describe('explaining a deduction from the sheet’s total', () => {
  it('says the points come off the total, with no limit from the row’s own points', () => {
    const r = parseRule('发生较大事故的，每起在总分中扣除10分');
    expect(explainRule(r, 0, 'zh')).toBe('发生较大事故的每起扣10分；从总分中扣除，不受本项分值限制');
    expect(explainRule(r, 0, 'en')).toBe(
      '10 points off per incident ("发生较大事故"); taken off the total, not limited by this item\'s points',
    );
  });

  it('keeps a cap the rule states, at its own amount', () => {
    const r = parseRule('发生较大事故的，每起在总分中扣除10分，最多扣15分');
    expect(explainRule(r, 0, 'zh')).toBe('发生较大事故的每起扣10分；从总分中扣除，最多扣15分');
    expect(explainRule(r, 0, 'en')).toBe(
      '10 points off per incident ("发生较大事故"); taken off the total, at most 15 points',
    );
  });
});
