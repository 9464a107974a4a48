/**
 * 视情况扣0.5—2分, 酌情扣1-3分: the assessor chooses a deduction within [min, max]. An entry of 0 (or
 * less) says it did not happen; any other entry is held within the range by the evaluation and the
 * written formula alike, so a score never leaves what the rule allows.
 */
import { bin, fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { clip, deduct, f, ifNumber, NONE, round2, whatDe, whatEn } from './common';
import { z } from 'zod';
import { DEDUCTS, WHAT, amount, span, text } from './schema-parts';

/** A range term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('range'), min: amount, max: amount, what: text, span });

export const range: KindHandler<z.infer<typeof schema>> = {
  kind: 'range',
  label: { zh: '在范围内扣分', en: 'Points off within a range' },
  schema,
  fields: [
    { name: 'min', type: 'number', default: 0, label: 'min' },
    { name: 'max', type: 'number', default: 1, label: 'max' },
    WHAT,
  ],
  flags: DEDUCTS,
  input: 'amount',
  deductionBoundsCents: (term) => ({ min: toCents(term.min), max: toCents(term.max) }),
  evaluate(term, input) {
    if (input === null || typeof input === 'boolean' || !Number.isFinite(input)) return NONE;
    const c = toCents(input);
    if (c <= 0) return NONE;
    return deduct(Math.min(toCents(term.max), Math.max(toCents(term.min), c)));
  },
  explain(term, lang) {
    if (lang === 'en')
      return `${term.what ? `where ${whatEn(term.what)}, ` : ''}${f(term.min)} to ${f(term.max)} points off, as the assessor judges`;
    return `${whatDe(term.what)}视情况扣${f(term.min)}至${f(term.max)}分`;
  },
  prompt(term, lang) {
    if (lang === 'en')
      return clip(
        `Points to deduct, ${f(term.min)} to ${f(term.max)}${term.what ? ` (${whatEn(term.what)})` : ''}; 0 if it did not happen`,
      );
    return clip(
      `扣除的分值，${f(term.min)}至${f(term.max)}分${term.what ? `（${term.what}）` : ''}；未发生填0`,
    );
  },
  formula(term, input) {
    const x = round2(input);
    const held = fn('MIN', num(term.max), fn('MAX', num(term.min), x));
    return { deduction: ifNumber(input, fn('IF', bin('<=', x, num(0)), num(0), held)) };
  },
};
