/** 酌情扣分, 根据平时工作打分: the assessor enters the deduction itself. */
import { toCents } from '../../num';
import type { KindHandler } from '../registry';
import { clip, deduct, ifNumber, NONE, nonNeg, round2, whatEn } from './common';
import { z } from 'zod';
import { DEDUCTS, WHAT, span, text } from './schema-parts';

/** A discretion term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('discretion'), what: text, span });

export const discretion: KindHandler<z.infer<typeof schema>> = {
  kind: 'discretion',
  label: { zh: '酌情扣分', en: 'Assessor decides' },
  schema,
  fields: [WHAT],
  flags: DEDUCTS,
  input: 'amount',
  evaluate(_term, input) {
    if (input === null || typeof input === 'boolean' || !Number.isFinite(input)) return NONE;
    return deduct(Math.max(0, toCents(input)));
  },
  explain(term, lang) {
    if (lang === 'en')
      return `${term.what ? `${whatEn(term.what)}: ` : ''}deduction at the assessor's discretion`;
    return `${term.what ? `${term.what}：` : ''}由考核人员酌情扣分`;
  },
  prompt(term, lang) {
    if (lang === 'en')
      return clip(`Points to deduct, at your discretion${term.what ? ` (${whatEn(term.what)})` : ''}`);
    return clip(`酌情扣除的分值${term.what ? `（${term.what}）` : ''}`);
  },
  formula(_term, input) {
    return { deduction: ifNumber(input, round2(nonNeg(input))) };
  },
};
