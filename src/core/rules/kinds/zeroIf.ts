/** …的不得分, 计零分, 否决计分法: the item scores 0 when it happened (是). */
import type { KindHandler } from '../registry';
import { clip, isYes, NONE, whatDe, whatEn, yes } from './common';
import { z } from 'zod';
import { ALL_OR_NOTHING, WHAT, span, text } from './schema-parts';

/** A zeroIf term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('zeroIf'), what: text, span });

export const zeroIf: KindHandler<z.infer<typeof schema>> = {
  kind: 'zeroIf',
  label: { zh: '不得分条件', en: 'Zero when' },
  schema,
  fields: [WHAT],
  flags: ALL_OR_NOTHING,
  input: 'yesNo',
  evaluate(_term, input) {
    return yes(input) === true ? { ...NONE, zero: true } : NONE;
  },
  explain(term, lang) {
    if (lang === 'en')
      return term.what
        ? `No points for this item if ${whatEn(term.what)}`
        : 'No points for this item when it applies';
    return `${whatDe(term.what)}本项不得分`;
  },
  prompt(term, lang) {
    if (lang === 'en')
      return clip(
        `Did it happen${term.what ? `: ${whatEn(term.what)}` : ''}? (是/否) 是 = this item scores 0`,
      );
    return clip(`是否${term.what || '出现不得分情形'}（是/否），是则本项记0分`);
  },
  formula(_term, input) {
    return { zero: isYes(input) };
  },
};
