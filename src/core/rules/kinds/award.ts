/** …的得1分: part of the item's points, earned when met (是) and lost (amount) when not (否). */
import { fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { clip, deduct, f, isNo, NONE, whatDe, whatEn, yes, pts } from './common';
import { z } from 'zod';
import { AMOUNT, STEPPED, WHAT, amount, span, text } from './schema-parts';

/** A award term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('award'), amount, what: text, span });

export const award: KindHandler<z.infer<typeof schema>> = {
  kind: 'award',
  label: { zh: '达到得分', en: 'Points earned when met' },
  schema,
  fields: [AMOUNT, WHAT],
  flags: STEPPED,
  input: 'yesNo',
  evaluate(term, input) {
    return yes(input) === false ? deduct(toCents(term.amount)) : NONE;
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `${w ? `${w}: ` : ''}${pts(term.amount)} when met`;
    }
    return `${whatDe(term.what)}得${f(term.amount)}分`;
  },
  prompt(term, lang) {
    if (lang === 'en')
      return clip(`Met${term.what ? `: ${whatEn(term.what)}` : ''}? (是/否) 否 = ${pts(term.amount)} off`);
    return clip(`是否做到${term.what ? `：${term.what}` : ''}（是/否），未做到扣${f(term.amount)}分`);
  },
  formula(term, input) {
    return { deduction: fn('IF', isNo(input), num(term.amount), num(0)) };
  },
};
