/**
 * Every clause accounted for, as a property: rule texts assembled at random from the clause families
 * real offices write (per-unit, shortfall, threshold, one-time, rate, tier, caps said first, after, per
 * term and as a floor, escalation, consequences, vetoes) leave no number of 分/%/次/人/天 and no
 * consequence word outside what the reading consumed. Mentions are found here by their own patterns,
 * independent of the parser's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../src/core/rules/explain';
import { parseRuleStrict } from '../../src/core/rules/parse';
import type { Rule, Span } from '../../src/core/rules/types';

const amount = fc.constantFrom('0.5', '1', '2', '3', '0.2', '5');
const count = fc.constantFrom('2', '3', '4', '6', '12');
const cond = fc.constantFrom('台账不全', '未按时上报', '资料缺失', '检查发现问题', '记录不规范', '');
const unit = fc.constantFrom('人', '次', '处', '项');

/** One clause family each; every generated clause is a wording real rubrics use. */
const clause = fc.oneof(
  fc.tuple(cond, unit, amount).map(([c, u, a]) => `${c}每${u}扣${a}分`),
  fc.tuple(cond, amount).map(([c, a]) => `${c}扣${a}分/人`),
  fc.tuple(cond, count, amount).map(([c, n, a]) => `${c}全年不少于${n}次，每少一次扣${a}分`),
  fc.tuple(cond, count, amount).map(([c, n, a]) => `${c}不足${n}篇的扣${a}分`),
  fc.tuple(cond, amount).map(([c, a]) => `${c || '出现问题'}的扣${a}分`),
  fc.tuple(cond, amount).map(([c, a]) => `${c}每迟报1天扣${a}分`),
  fc.tuple(amount).map(([a]) => `完成率每低1个百分点扣${a}分`),
  fc.tuple(amount).map(([a]) => `完成率≥90%得满分，≥80%得${a}分，＜80%不得分`),
  fc.tuple(amount).map(([a]) => `最多扣${a}分`),
  fc.constantFrom('扣完为止', '扣至零分为止'),
  fc.tuple(amount).map(([a]) => `本项共扣${a}分，其中`),
  fc.tuple(amount, amount).map(([a, b]) => `第一次扣${a}分，第二次起每次扣${b}分`),
  fc.tuple(amount, amount).map(([a, b]) => `累计扣满${a}分的，另扣${b}分`),
  fc.constantFrom('再次发现的加倍扣分', '同一问题重复出现的加倍扣分'),
  fc.tuple(cond, amount).map(([c, a]) => `${c || '发生事故'}的，不得分，并追加扣除${a}分`),
  fc.tuple(amount, count).map(([a, b]) => `扣满${a}分的，追加扣除${b}分`),
  fc.tuple(cond).map(([c]) => `${c || '发生事故'}的，取消评优资格`),
  fc.tuple(cond).map(([c]) => `${c || '发生事故'}的，该项不合格`),
  fc.tuple(cond).map(([c]) => `${c || '发生事故'}的，降档`),
  fc.tuple(cond).map(([c]) => `${c || '弄虚作假'}的，一票否决`),
  fc.tuple(cond, amount, amount).map(([c, a, b]) => `${c}视情况扣${a}-${b}分`),
);
const sep = fc.constantFrom('，', '；', '。', '\n');
const text = fc
  .tuple(fc.array(fc.tuple(clause, sep), { minLength: 1, maxLength: 5 }))
  .map(([parts]) => parts.map(([c, s]) => c + s).join(''));

const MENTION = /\d+(?:\.\d+)?\s*(?:分|%|次|人|天)/g;
const CONSEQUENCE = /取消评优|不合格|降档|一票否决|否优/g;

function mentions(source: string, re: RegExp): Span[] {
  return [...source.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
const within = (m: Span, s: Span): boolean => s.start <= m.start && m.end <= s.end;

/** Spans that hold a reading: terms, the cap and spans read as limits or restatements. */
function readSpans(r: Rule): Span[] {
  return [...r.terms.map((t) => t.span), ...(r.cap.span ? [r.cap.span] : []), ...(r.neutral ?? [])];
}

describe('every clause accounted for (property)', () => {
  it('each number of 分/%/次/人/天 lies in a read span or an unread one', () => {
    fc.assert(
      fc.property(text, (src) => {
        const r = parseRuleStrict(src, { points: 10 });
        const spans = [...readSpans(r), ...r.unread];
        for (const m of mentions(src, MENTION))
          expect(
            spans.some((s) => within(m, s)),
            `${src.slice(m.start, m.end)} in ${JSON.stringify(src)}`,
          ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('each consequence word lies in a term or an unread span, never only in a cap or a note', () => {
    fc.assert(
      fc.property(text, (src) => {
        const r = parseRuleStrict(src, { points: 10 });
        const spans = [...r.terms.map((t) => t.span), ...r.unread];
        for (const m of mentions(src, CONSEQUENCE))
          expect(
            spans.some((s) => within(m, s)),
            `${src.slice(m.start, m.end)} in ${JSON.stringify(src)}`,
          ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a cap said first keeps the doubling clause after its 其中 reported (the property found it)', () => {
    const src = '本项共扣0.5分，其中再次发现的加倍扣分，台账不全视情况扣0.5-0.5分，';
    const r = parseRuleStrict(src, { points: 10 });
    const at = src.indexOf('加倍扣分');
    expect(r.unread.some((u) => u.start <= at && u.end >= at + 4)).toBe(true);
    expect(explainRule(r, 10, 'zh')).toContain('再次发现的加倍扣分');
  });

  it('an escalation word is either computed into a term or reported, and never turned into a cap', () => {
    fc.assert(
      fc.property(text, (src) => {
        const r = parseRuleStrict(src, { points: 10 });
        for (const m of mentions(src, /加倍扣分|(?:另|追加)扣除?\d+(?:\.\d+)?分/g)) {
          const inTerm = r.terms.some((t) => within(m, t.span));
          const reported = r.unread.some((u) => within(m, u));
          expect(inTerm || reported, JSON.stringify(src)).toBe(true);
        }
        const zh = explainRule(r, 10, 'zh');
        if (/加倍扣分/.test(src)) expect(zh).toContain('未能识别');
      }),
      { numRuns: 300 },
    );
  });
});
