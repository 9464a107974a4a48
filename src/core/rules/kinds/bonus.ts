/** 加N分 / 每…加N分 / 最高加N分: amount × count, limited to max. */
import { bin, fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { TermEffect, KindHandler } from '../registry';
import { unitEn } from '../units';
import { clip, f, hundredths, ifNumber, NONE, nonNeg, round2, times, whatDe, whatEn } from './common';
import { z } from 'zod';
import { AMOUNT, NO_DEDUCTION, UNIT, WHAT, amount, span, text } from './schema-parts';

/** A bonus term as stored in a workbook. */
export const schema = z.object({
  kind: z.literal('bonus'),
  amount,
  max: amount.nullable(),
  unit: text,
  what: text,
  span,
});

export const bonus: KindHandler<z.infer<typeof schema>> = {
  kind: 'bonus',
  label: { zh: '加分', en: 'Bonus' },
  schema,
  fields: [AMOUNT, { name: 'max', type: 'nullableNumber', default: null, label: 'maxBonus' }, UNIT, WHAT],
  flags: NO_DEDUCTION,
  input: 'count',
  bonusLimitCents(term) {
    return term.max === null ? Number.POSITIVE_INFINITY : toCents(term.max);
  },
  evaluate(term, input): TermEffect {
    const n = hundredths(input);
    if (n === null) return NONE;
    let c = times(toCents(term.amount), n);
    if (term.max !== null) c = Math.min(c, toCents(term.max));
    return { ...NONE, bonusCents: Math.max(0, c) };
  },
  explain(term, lang) {
    const once = term.max !== null && toCents(term.max) === toCents(term.amount);
    // 酌情加分: points at the assessor's discretion, entered as the number of points.
    const judged = term.unit === '分' && toCents(term.amount) === 100;
    if (judged) {
      const own = term.what === '酌情加分' ? '' : term.what;
      const max =
        term.max === null ? '' : lang === 'en' ? `, at most ${f(term.max)}` : `，最多加${f(term.max)}分`;
      if (lang === 'en')
        return `${own ? `${whatEn(own)}: ` : ''}bonus points at the assessor's discretion${max}`;
      return `${own ? `${own}：` : ''}由考核人员酌情加分${max}`;
    }
    if (lang === 'en') {
      const w = whatEn(term.what);
      const per = once ? '' : ` per ${unitEn(term.unit, false)}`;
      const max = term.max !== null && !once ? `, at most ${f(term.max)}` : '';
      return `${w ? `${w}: ` : ''}${f(term.amount)} bonus ${toCents(term.amount) === 100 ? 'point' : 'points'}${per}${max}`;
    }
    const per = once ? '' : `每${term.unit || '次'}`;
    const max = term.max !== null && !once ? `，最多加${f(term.max)}分` : '';
    return `${whatDe(term.what)}${per}加${f(term.amount)}分${max}`;
  },
  prompt(term, lang) {
    const max =
      term.max === null ? '' : lang === 'en' ? `, at most ${f(term.max)}` : `，最多加${f(term.max)}分`;
    // 酌情加分: the assessor enters the points themselves.
    if (term.unit === '分' && toCents(term.amount) === 100) {
      const own = term.what && term.what !== '酌情加分' ? term.what : '';
      if (lang === 'en')
        return clip(`Bonus points, at your discretion${own ? ` (${whatEn(own)})` : ''}${max}`);
      return clip(`酌情加的分值${own ? `（${own}）` : ''}${max}`);
    }
    if (lang === 'en') {
      const w = whatEn(term.what);
      return clip(
        `Number of ${unitEn(term.unit, true)}${w ? ` (${w})` : ''}; ${f(term.amount)} bonus points each${max}`,
      );
    }
    return clip(
      `${term.what || '加分'}的${term.unit || '次'}数，每${term.unit || '次'}加${f(term.amount)}分${max}`,
    );
  },
  formula(term, input) {
    const raw = round2(bin('*', num(term.amount), nonNeg(input)));
    return { bonus: ifNumber(input, term.max === null ? raw : fn('MIN', num(term.max), raw)) };
  },
};
