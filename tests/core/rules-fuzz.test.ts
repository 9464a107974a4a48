/** Properties of the parser over random text and random mixes of rubric vocabulary. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ref } from '../../src/core/formula/ast';
import { unparse } from '../../src/core/formula/unparse';
import { explainRule } from '../../src/core/rules/explain';
import { handlerFor } from '../../src/core/rules/kinds';
import { parseRuleStrict } from '../../src/core/rules/parse';
import { capSchema, termSchema } from '../../src/core/rules/schema';
import type { Rule, Span } from '../../src/core/rules/types';

const WORDS = [
  '扣',
  '分',
  '0.5',
  '１',
  '两',
  '十',
  '半',
  '/人',
  '/次',
  '每',
  '人',
  '次',
  '处',
  '项',
  '篇',
  '少',
  '一',
  '不足',
  '不少于',
  '以上',
  '的',
  '记满分',
  '計滿分',
  '不得分',
  '计零分',
  '否决计分法',
  '一票否决',
  '本项',
  '该项',
  '否决',
  '加',
  '最高加',
  '最多扣',
  '扣完为止',
  '扣完倒扣分',
  '倒扣',
  '酌情',
  '打分',
  '根据',
  '平时工作',
  '%',
  '以下',
  '每减少',
  '个百分点',
  '达到',
  '全区平均数',
  '得',
  '=',
  '率',
  '×',
  '、',
  '各',
  '，',
  ',',
  '。',
  '；',
  ';',
  '\n',
  '(',
  ')',
  '（',
  '）',
  '“',
  '無',
  '方案',
  '小結',
  '區(qū)',
  '發回重辦',
  ' ',
  '　',
  '—',
  '-',
  '~',
  '得分',
  '分值',
  '扣分不超过',
  '扣满',
  '为止',
];

const vocabText = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((ws) => ws.join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  vocabText,
);

function spanOk(s: Span, source: string): void {
  expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
  expect(s.start).toBeGreaterThanOrEqual(0);
  expect(s.end).toBeGreaterThanOrEqual(s.start);
  expect(s.end).toBeLessThanOrEqual(source.length);
}

function ruleOk(rule: Rule): void {
  for (const t of rule.terms) {
    spanOk(t.span, rule.source);
    expect(termSchema.safeParse(t).success).toBe(true);
  }
  for (const u of rule.unread) spanOk(u, rule.source);
  if (rule.cap.span) spanOk(rule.cap.span, rule.source);
  expect(capSchema.safeParse(rule.cap).success).toBe(true);
  // Terms come in source order.
  for (let i = 1; i < rule.terms.length; i++)
    expect(rule.terms[i]!.span.start).toBeGreaterThanOrEqual(rule.terms[i - 1]!.span.start);
}

describe('parseRule properties', () => {
  it('never throws; spans stay within the source and are well ordered; terms fit the schema', () => {
    fc.assert(
      fc.property(
        anyText,
        anyText,
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        (criteria, requirement, points) => {
          const rule = parseRuleStrict(criteria, { requirement, points });
          expect(rule.source === criteria || rule.source === `${criteria}\n${requirement}`).toBe(true);
          ruleOk(rule);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reports only text that has scoring words as unread', () => {
    fc.assert(
      fc.property(vocabText, (criteria) => {
        const rule = parseRuleStrict(criteria);
        for (const u of rule.unread)
          expect(rule.source.slice(u.start, u.end).trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('explains and writes formulas for whatever it reads', () => {
    fc.assert(
      fc.property(vocabText, (criteria) => {
        const rule = parseRuleStrict(criteria);
        expect(explainRule(rule, 5, 'zh').length).toBeGreaterThan(0);
        expect(explainRule(rule, 5, 'en').length).toBeGreaterThan(0);
        for (const t of rule.terms) {
          const h = handlerFor(t);
          expect(h.prompt(t as never, 'zh').length).toBeLessThanOrEqual(200);
          const f = h.formula(t as never, ref(2, 9));
          for (const e of [f.deduction, f.bonus, f.zero, f.veto]) {
            if (e) expect(unparse(e)).not.toMatch(/\b(LET|FILTER|XLOOKUP|RANK)\b/);
          }
          const eff = h.evaluate(t as never, 3);
          expect(Number.isInteger(eff.deductionCents) && eff.deductionCents >= 0).toBe(true);
          expect(Number.isInteger(eff.bonusCents) && eff.bonusCents >= 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same rule from traditional and simplified text', () => {
    const pairs: [string, string][] = [
      ['獎扶材料上報延誤或有誤扣0.2分/次', '奖扶材料上报延误或有误扣0.2分/次'],
      ['有活動記錄兩次以上記滿分,少一次記錄扣1分', '有活动记录两次以上记满分,少一次记录扣1分'],
      ['反饋不及時或不反饋的每次扣0.1分', '反馈不及时或不反馈的每次扣0.1分'],
    ];
    const strip = (r: Rule) => r.terms.map(({ span: _s, ...rest }) => rest);
    for (const [t, s] of pairs) expect(strip(parseRuleStrict(t))).toEqual(strip(parseRuleStrict(s)));
  });
});
