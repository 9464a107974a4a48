/** 扣0.5分/人, 每次扣0.1分, 每发现一处扣2分: amount × the count entered. */
import { bin, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { unitEn } from '../units';
import {
  clip,
  deduct,
  f,
  hundredths,
  ifNumber,
  NONE,
  nonNeg,
  round2,
  times,
  whatDe,
  whatEn,
  pts,
} from './common';
import { escalatedCents, escalatedFormula, escalates, escalationWords } from './escalation';
import { z } from 'zod';
import { AMOUNT, STEPPED, UNIT, WHAT, amount, span, text } from './schema-parts';

/** A perUnit term as stored in a workbook. */
export const schema = z.object({
  kind: z.literal('perUnit'),
  amount,
  unit: text,
  what: text,
  span,
  max: amount.optional(),
  after: amount.optional(),
  later: amount.optional(),
  extraAt: amount.optional(),
  extra: amount.optional(),
});

export const perUnit: KindHandler<z.infer<typeof schema>> = {
  kind: 'perUnit',
  label: { zh: '每次/每人扣分', en: 'Points off per unit' },
  schema,
  fields: [
    AMOUNT,
    UNIT,
    WHAT,
    { name: 'max', type: 'optionalNumber', default: undefined, label: 'limit' },
    {
      name: 'steps',
      type: 'nested',
      label: 'steps',
      fields: [
        { name: 'after', type: 'optionalNumber', default: undefined, label: 'after' },
        { name: 'later', type: 'optionalNumber', default: undefined, label: 'later' },
      ],
    },
    {
      name: 'extraOnce',
      type: 'nested',
      label: 'extraOnce',
      fields: [
        { name: 'extraAt', type: 'optionalNumber', default: undefined, label: 'extraAt' },
        { name: 'extra', type: 'optionalNumber', default: undefined, label: 'extra' },
      ],
    },
  ],
  flags: STEPPED,
  input: 'count',
  evaluate(term, input) {
    const n = hundredths(input);
    if (n === null) return NONE;
    return deduct(escalates(term) ? escalatedCents(term, n) : times(toCents(term.amount), n));
  },
  explain(term, lang) {
    const more = escalationWords(term, term.unit, lang);
    if (lang === 'en') {
      const w = whatEn(term.what);
      const base =
        term.after !== undefined && term.later !== undefined
          ? ''
          : `${pts(term.amount)} off per ${unitEn(term.unit, false)}`;
      return `${[base, more].filter((p) => p !== '').join(', ')}${w ? ` (${w})` : ''}`;
    }
    const base =
      term.after !== undefined && term.later !== undefined
        ? ''
        : `每${term.unit || '个'}扣${f(term.amount)}分`;
    return `${whatDe(term.what)}${[base, more].filter((p) => p !== '').join('，')}`;
  },
  prompt(term, lang) {
    const stepped = term.after !== undefined && term.later !== undefined;
    const more = escalationWords(term, term.unit, lang);
    if (lang === 'en') {
      const w = whatEn(term.what);
      const cost = stepped ? more : [`${pts(term.amount)} off each`, more].filter((p) => p !== '').join(', ');
      return clip(`Number of ${unitEn(term.unit, true)}${w ? ` with ${w}` : ''}; ${cost}`);
    }
    const u = term.unit || '个';
    const cost = stepped ? more : [`每${u}扣${f(term.amount)}分`, more].filter((p) => p !== '').join('，');
    return clip(`${term.what || '需扣分'}的${u}数，${cost}`);
  },
  formula(term, input) {
    if (escalates(term)) return { deduction: ifNumber(input, escalatedFormula(term, nonNeg(input))) };
    return { deduction: ifNumber(input, round2(bin('*', num(term.amount), nonNeg(input)))) };
  },
};
