/**
 * consequence: 取消评优资格, 否优, 降档, 晋档, 年度考核不合格 — a result beyond points. Read as a term
 * with the condition it came from, said in the explanation, never turned into points or dropped;
 * a consequence word the grammar cannot place stays reported as unread.
 */
import { describe, expect, it } from 'vitest';
import { ref } from '../../../src/core/formula/ast';
import { mentionsIn } from '../../../src/core/rules/account';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Rule } from '../../../src/core/rules/types';
import { counts, effect, only } from './engines';

const words = (r: Rule, s: { start: number; end: number }) => r.source.slice(s.start, s.end);

describe('consequence: parse', () => {
  it.each([
    ['发生安全事故的，取消评优资格', '取消评优资格', '发生安全事故'],
    ['考核不合格的，降档', '降档', '考核不合格'],
    ['否优', '否优', ''],
    ['晋档', '晋档', ''],
    ['年度考核不合格', '年度考核不合格', ''],
    ['完成全部指标的，晋档', '晋档', '完成全部指标'],
    ['发生较大事故的，取消当年评先评优资格、降一档', '取消当年评先评优资格、降一档', '发生较大事故'],
    ['未完成任务的，年度考核评为不合格', '年度考核评为不合格', '未完成任务'],
    ['弄虚作假的，该项不合格', '该项不合格', '弄虚作假'],
    ['瞒报事故的，予以通报批评', '通报批评', '瞒报事故'],
    ['弄虚作假的，一票否决评优', '一票否决评优', '弄虚作假'],
    ['否决评优', '否决评优', ''],
    ['存在左列四种情况之一的，为不合格档案', '为不合格档案', '存在左列四种情况之一'],
  ])('%s', (text, effect, what) => {
    const r = parseRuleStrict(text, { points: 10 });
    expect(only(r, 'consequence')).toMatchObject({ effect, what });
    expect(r.terms).toHaveLength(1);
    expect(r.unread).toEqual([]);
    // The term's span holds its condition and its consequence.
    expect(words(r, r.terms[0]!.span)).toContain(effect);
    expect(words(r, r.terms[0]!.span)).toContain(what);
  });

  it('一票否决评优 is no veto of the assessment; 一票否决 still is', () => {
    expect(parseRuleStrict('弄虚作假的，一票否决评优').terms.map((t) => t.kind)).toEqual(['consequence']);
    expect(parseRuleStrict('弄虚作假的，一票否决').terms.map((t) => t.kind)).toEqual(['veto']);
  });

  it('beside point deductions: each read, the consequence its own term', () => {
    const r = parseRuleStrict('资料缺失每次扣1分；发生安全事故的，取消评优资格', { points: 10 });
    expect(r.terms.map((t) => t.kind)).toEqual(['perUnit', 'consequence']);
    expect(r.unread).toEqual([]);
  });

  it.each([
    ['检查不合格的每处扣1分', 'perUnit'],
    ['台账不合格，扣1分', 'flag'],
    ['取消评优资格的单位扣2分', 'flag'],
  ])('%s: a consequence word inside a condition stays the condition', (text, kind) => {
    const r = parseRuleStrict(text, { points: 10 });
    expect(r.terms.map((t) => t.kind)).toEqual([kind]);
    expect(r.unread).toEqual([]);
  });

  it('a consequence stated only as a condition (…通报批评的) is reported, not made a term', () => {
    const r = parseRuleStrict('受到市委、市政府通报批评的', { points: 10 });
    expect(r.terms).toEqual([]);
    expect(r.unread.map((s) => words(r, s))).toEqual(['受到市委、市政府通报批评']);
  });

  it('a consequence word the grammar cannot place is reported, not dropped', () => {
    const text = '每次扣1分；不合格单位由上级约谈';
    const r = parseRuleStrict(text, { points: 10 });
    expect(r.terms.some((t) => t.kind === 'consequence')).toBe(false);
    expect(r.unread.map((s) => words(r, s))).toEqual(['不合格单位由上级约谈']);
    expect(explainRule(r, 10, 'zh')).toContain('未能识别：“不合格单位由上级约谈”');
  });

  it('every consequence word of the family lies in a term', () => {
    for (const text of ['发生安全事故的，取消评优资格', '考核不合格的，降档', '年度考核不合格', '否优']) {
      const r = parseRuleStrict(text);
      for (const m of mentionsIn(text).filter((x) => /[^\d.]/.test(x.text)))
        expect(
          r.terms.some((t) => t.span.start <= m.span.start && m.span.end <= t.span.end),
          `${m.text} in ${text}`,
        ).toBe(true);
    }
  });
});

describe('consequence: evaluate', () => {
  it('scores no points, zeroes nothing and vetoes nothing for any entry', () => {
    const t = only(parseRuleStrict('发生安全事故的，取消评优资格'), 'consequence');
    for (const e of [...counts(3), '是', '否'])
      expect(effect(t, e)).toEqual({ deductionCents: 0, bonusCents: 0, zero: false, veto: false });
  });

  it('writes no formula piece', () => {
    const t = only(parseRuleStrict('考核不合格的，降档'), 'consequence');
    expect(handlerFor(t).formula(t, ref(0, 0))).toEqual({});
    expect(handlerFor(t).input).toBe('none');
  });
});

describe('consequence: explain', () => {
  it('says the consequence with its condition, and that it carries no points', () => {
    const r = parseRuleStrict('发生安全事故的，取消评优资格', { points: 10 });
    expect(explainRule(r, 10, 'zh')).toBe('发生安全事故的，取消评优资格（不计分，另行处理）');
    expect(explainRule(r, 10, 'en')).toBe(
      'where "发生安全事故", the unit loses eligibility for awards (no points)',
    );
  });

  it('一票否决评优 loses eligibility for awards in English too', () => {
    const r = parseRuleStrict('弄虚作假的，一票否决评优', { points: 10 });
    expect(explainRule(r, 10, 'en')).toBe(
      'where "弄虚作假", the unit loses eligibility for awards (no points)',
    );
  });

  it('names each consequence of a list in English', () => {
    const r = parseRuleStrict('发生较大事故的，取消当年评先评优资格、降一档', { points: 10 });
    expect(explainRule(r, 10, 'en')).toContain('loses eligibility for awards and is moved down a grade');
  });

  it('with a deduction, both are said; the cap speaks only of the points', () => {
    const r = parseRuleStrict('资料缺失每次扣1分；考核不合格的，降档', { points: 10 });
    const zh = explainRule(r, 10, 'zh');
    expect(zh).toContain('资料缺失的每次扣1分');
    expect(zh).toContain('考核不合格的，降档（不计分，另行处理）');
  });

  it('prompts for nothing to count', () => {
    const t = only(parseRuleStrict('否优'), 'consequence');
    expect(handlerFor(t).prompt(t, 'zh')).toContain('否优');
    expect(handlerFor(t).prompt(t, 'zh')).toContain('不计分');
  });
});
