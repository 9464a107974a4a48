/**
 * 90%以下每减少1%扣0.1分: amount per whole `step` percentage points below `target`. With no numeric
 * target (全区平均数) the input is the number of points below the reference.
 */
import { bin, fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { clip, deduct, f, floorDiv, hundredths, ifNumber, NONE, nonNeg, round2, whatEn, pts } from './common';
import { z } from 'zod';
import { AMOUNT, STEPPED, WHAT, amount, span, text } from './schema-parts';

/** A rate term as stored in a workbook. */
export const schema = z.object({
  kind: z.literal('rate'),
  amount,
  step: amount,
  target: amount.nullable(),
  what: text,
  span,
});

export const rate: KindHandler<z.infer<typeof schema>> = {
  kind: 'rate',
  label: { zh: '比率每低扣分', en: 'Points off per % below target' },
  schema,
  fields: [
    AMOUNT,
    { name: 'step', type: 'number', default: 1, label: 'step' },
    { name: 'target', type: 'nullableNumber', default: null, label: 'target' },
    WHAT,
  ],
  flags: STEPPED,
  input: 'percent',
  evaluate(term, input) {
    const x = hundredths(input);
    const step = toCents(term.step);
    if (x === null || step <= 0) return NONE;
    // Everything in hundredths of a percentage point: whole numbers, so the floor is exact.
    const below = term.target === null ? x : toCents(term.target) - x;
    if (below <= 0) return NONE;
    return deduct(Math.floor(below / step) * toCents(term.amount));
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      const ref = term.target === null ? 'the reference' : `${f(term.target)}%`;
      return `${w ? `${w}: ` : ''}${pts(term.amount)} off per ${perPoints(term.step, 'percentage point')} below ${ref}`;
    }
    if (term.target === null) return `${term.what}每低${f(term.step)}个百分点扣${f(term.amount)}分`;
    return `${term.what}低于${f(term.target)}%的，每低${f(term.step)}个百分点扣${f(term.amount)}分`;
  },
  prompt(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return clip(
        term.target === null
          ? `Percentage points below the reference${w ? ` (${w})` : ''}; ${pts(term.amount)} off per ${f(term.step)}`
          : `Rate achieved in percent, e.g. 95${w ? ` (${w})` : ''}; below ${f(term.target)}%: ${pts(term.amount)} off per ${perPoints(term.step, 'point')}`,
      );
    }
    return clip(
      term.target === null
        ? `${term.what}低于参照标准的百分点数，每${f(term.step)}个百分点扣${f(term.amount)}分`
        : `${term.what}实际达到的百分比（填95表示95%），低于${f(term.target)}%时每低${f(term.step)}个百分点扣${f(term.amount)}分`,
    );
  },
  formula(term, input) {
    const x100 = fn('ROUND', bin('*', nonNeg(input), num(100)), num(0));
    const below = term.target === null ? x100 : bin('-', num(toCents(term.target)), x100);
    const steps = nonNeg(floorDiv(below, Math.max(1, toCents(term.step))));
    return { deduction: ifNumber(input, round2(bin('*', num(term.amount), steps))) };
  },
};

/** "percentage point" for a step of 1, "2 percentage points" otherwise. */
function perPoints(step: number, noun: string): string {
  return step === 1 ? noun : `${f(step)} ${noun}s`;
}
