/** 扣0.5分/人, 每次扣0.1分, 每发现一处扣2分: amount × the count entered. */
import { bin, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { TermHandler } from '../registry';
import { unitEn } from '../units';
import { clip, deduct, f, hundredths, ifNumber, NONE, nonNeg, round2, times, whatDe, whatEn } from './common';

export const perUnit: TermHandler<'perUnit'> = {
  kind: 'perUnit',
  input: 'count',
  evaluate(term, input) {
    const n = hundredths(input);
    return n === null ? NONE : deduct(times(toCents(term.amount), n));
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `${f(term.amount)} points off per ${unitEn(term.unit, false)}${w ? ` (${w})` : ''}`;
    }
    return `${whatDe(term.what)}每${term.unit || '个'}扣${f(term.amount)}分`;
  },
  prompt(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return clip(
        `Number of ${unitEn(term.unit, true)}${w ? ` with ${w}` : ''}; ${f(term.amount)} points off each`,
      );
    }
    return clip(
      `${term.what || '需扣分'}的${term.unit || '个'}数，每${term.unit || '个'}扣${f(term.amount)}分`,
    );
  },
  formula(term, input) {
    return { deduction: ifNumber(input, round2(bin('*', num(term.amount), nonNeg(input)))) };
  },
};
