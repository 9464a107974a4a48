/** 出现过期药的扣0.1分: amount once when it happened (是). */
import { fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { clip, deduct, f, isYes, NONE, whatDe, whatEn, yes, pts } from './common';
import { z } from 'zod';
import { AMOUNT, STEPPED, WHAT, amount, span, text } from './schema-parts';

/** A flag term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('flag'), amount, what: text, span });

export const flag: KindHandler<z.infer<typeof schema>> = {
  kind: 'flag',
  label: { zh: '出现即扣分', en: 'Points off if it happened' },
  schema,
  fields: [AMOUNT, WHAT],
  flags: STEPPED,
  input: 'yesNo',
  evaluate(term, input) {
    return yes(input) === true ? deduct(toCents(term.amount)) : NONE;
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `${w ? `If ${w}: ` : ''}${pts(term.amount)} off`;
    }
    return `${whatDe(term.what)}扣${f(term.amount)}分`;
  },
  prompt(term, lang) {
    if (lang === 'en')
      return clip(
        `Did it happen${term.what ? `: ${whatEn(term.what)}` : ''}? (是/否) 是 = ${pts(term.amount)} off`,
      );
    return clip(`是否${term.what || '出现扣分情形'}（是/否），是则扣${f(term.amount)}分`);
  },
  formula(term, input) {
    return { deduction: fn('IF', isYes(input), num(term.amount), num(0)) };
  },
};
