/** 投稿不足5篇的扣1分: amount once when the count done is below required. */
import { bin, fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { unitEn } from '../units';
import { clip, deduct, f, hundredths, ifNumber, NONE, whatEn, pts } from './common';
import { z } from 'zod';
import { AMOUNT, REQUIRED, STEPPED, UNIT, WHAT, amount, span, text } from './schema-parts';

/** A threshold term as stored in a workbook. */
export const schema = z.object({
  kind: z.literal('threshold'),
  amount,
  required: amount,
  unit: text,
  what: text,
  span,
});

export const threshold: KindHandler<z.infer<typeof schema>> = {
  kind: 'threshold',
  label: { zh: '不足数量扣分', en: 'Points off below a count' },
  schema,
  fields: [AMOUNT, REQUIRED, UNIT, WHAT],
  flags: STEPPED,
  input: 'count',
  evaluate(term, input) {
    const done = hundredths(input);
    if (done === null) return NONE;
    return done < toCents(term.required) ? deduct(toCents(term.amount)) : NONE;
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `${w ? `${w}: ` : ''}fewer than ${f(term.required)} ${unitEn(term.unit, term.required !== 1)}, ${pts(term.amount)} off`;
    }
    return `${term.what}不足${f(term.required)}${term.unit}扣${f(term.amount)}分`;
  },
  prompt(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return clip(
        `Number of ${unitEn(term.unit, true)}${w ? ` (${w})` : ''}; fewer than ${f(term.required)}: ${pts(term.amount)} off`,
      );
    }
    return clip(
      `${term.what}实际${term.unit || '个'}数（不足${f(term.required)}${term.unit}扣${f(term.amount)}分）`,
    );
  },
  formula(term, input) {
    return {
      deduction: ifNumber(input, fn('IF', bin('<', input, num(term.required)), num(term.amount), num(0))),
    };
  },
};
