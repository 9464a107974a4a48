/** 每少一次扣0.5分 (不少于4次): amount × max(0, required − done). Input: the count done. */
import { bin, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { unitEn } from '../units';
import { clip, deduct, f, hundredths, ifNumber, NONE, nonNeg, round2, times, whatEn, pts } from './common';
import { z } from 'zod';
import { AMOUNT, REQUIRED, STEPPED, UNIT, WHAT, amount, span, text } from './schema-parts';

/** A shortfall term as stored in a workbook. */
export const schema = z.object({
  kind: z.literal('shortfall'),
  amount,
  required: amount,
  unit: text,
  what: text,
  span,
});

export const shortfall: KindHandler<z.infer<typeof schema>> = {
  kind: 'shortfall',
  label: { zh: '每少一次扣分', en: 'Points off per missing unit' },
  schema,
  fields: [AMOUNT, REQUIRED, UNIT, WHAT],
  flags: STEPPED,
  input: 'count',
  evaluate(term, input) {
    const done = hundredths(input);
    if (done === null) return NONE;
    const missing = Math.max(0, toCents(term.required) - done);
    return deduct(times(toCents(term.amount), missing));
  },
  explain(term, lang) {
    const u = term.unit || '次';
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `${w ? `${w}: ` : ''}at least ${f(term.required)} ${unitEn(u, term.required !== 1)} required; ${pts(term.amount)} off per ${unitEn(u, false)} short`;
    }
    return `${term.what}应不少于${f(term.required)}${u}，每少一${u}扣${f(term.amount)}分`;
  },
  prompt(term, lang) {
    const u = term.unit || '次';
    if (lang === 'en') {
      const w = whatEn(term.what);
      return clip(
        `Number of ${unitEn(u, true)} done${w ? ` (${w})` : ''}, ${f(term.required)} required; ${pts(term.amount)} off per ${unitEn(u, false)} short`,
      );
    }
    return clip(
      `${term.what}实际完成的${u}数（应为${f(term.required)}${u}），每少一${u}扣${f(term.amount)}分`,
    );
  },
  formula(term, input) {
    const missing = nonNeg(bin('-', num(term.required), nonNeg(input)));
    return { deduction: ifNumber(input, round2(bin('*', num(term.amount), missing))) };
  },
};
