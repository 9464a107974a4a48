/**
 * 一票否决: scope 'assessment' sets the whole assessment to 0; scope 'item' (本项否决) only this item.
 */
import type { KindHandler } from '../registry';
import { clip, isYes, NONE, whatDe, whatEn, yes } from './common';
import { z } from 'zod';
import { ALL_OR_NOTHING, WHAT, span, text } from './schema-parts';

/** A veto term as stored in a workbook. */
export const schema = z.object({
  kind: z.literal('veto'),
  scope: z.enum(['item', 'assessment']),
  what: text,
  span,
});

export const veto: KindHandler<z.infer<typeof schema>> = {
  kind: 'veto',
  label: { zh: '一票否决', en: 'Veto' },
  schema,
  fields: [
    { name: 'scope', type: 'choice', default: 'item', label: 'scope', options: ['item', 'assessment'] },
    WHAT,
  ],
  flags: ALL_OR_NOTHING,
  input: 'yesNo',
  vetoesAssessment(term) {
    return term.scope === 'assessment';
  },
  evaluate(term, input) {
    if (yes(input) !== true) return NONE;
    return term.scope === 'assessment' ? { ...NONE, veto: true } : { ...NONE, zero: true };
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = term.what ? `If ${whatEn(term.what)}: ` : '';
      return term.scope === 'assessment'
        ? `${w}veto, the whole assessment scores 0`
        : `${w}this item scores 0 (veto)`;
    }
    return term.scope === 'assessment'
      ? `${whatDe(term.what)}一票否决（总分记0分）`
      : `${whatDe(term.what)}本项否决（记0分）`;
  },
  prompt(term, lang) {
    if (lang === 'en') {
      const then = term.scope === 'assessment' ? 'the whole assessment scores 0' : 'this item scores 0';
      return clip(`Did it happen${term.what ? `: ${whatEn(term.what)}` : ''}? (是/否) 是 = ${then}`);
    }
    const then = term.scope === 'assessment' ? '一票否决，总分记0分' : '本项记0分';
    return clip(`是否${term.what || '出现否决情形'}（是/否），是则${then}`);
  },
  formula(term, input) {
    return term.scope === 'assessment' ? { veto: isYes(input) } : { zero: isYes(input) };
  },
};
