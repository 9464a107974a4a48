/** 视情况扣0.5—2分: the assessor chooses a deduction within [min, max]; the checks hold it there. */
import { toCents } from '../../num';
import type { TermHandler } from '../registry';
import { clip, deduct, f, ifNumber, NONE, nonNeg, round2, whatEn } from './common';

export const range: TermHandler<'range'> = {
  kind: 'range',
  input: 'amount',
  evaluate(_term, input) {
    if (input === null || typeof input === 'boolean' || !Number.isFinite(input)) return NONE;
    return deduct(Math.max(0, toCents(input)));
  },
  explain(term, lang) {
    if (lang === 'en')
      return `${term.what ? `${whatEn(term.what)}: ` : ''}${f(term.min)} to ${f(term.max)} points off, as the assessor judges`;
    return `${term.what ? `${term.what}的，` : ''}视情况扣${f(term.min)}至${f(term.max)}分`;
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
  formula(_term, input) {
    return { deduction: ifNumber(input, round2(nonNeg(input))) };
  },
};
