/** …的记满分: describes when the item earns full points; nothing to enter, no effect by itself. */
import type { KindHandler } from '../registry';
import { clip, NONE, whatDe, whatEn } from './common';
import { z } from 'zod';
import { ALL_OR_NOTHING, WHAT, span, text } from './schema-parts';

/** A fullIf term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('fullIf'), what: text, span });

export const fullIf: KindHandler<z.infer<typeof schema>> = {
  kind: 'fullIf',
  label: { zh: '满分条件', en: 'Full points when' },
  schema,
  fields: [WHAT],
  flags: ALL_OR_NOTHING,
  input: 'none',
  evaluate() {
    return NONE;
  },
  explain(term, lang) {
    if (lang === 'en')
      return term.what ? `Full points if ${whatEn(term.what)}` : 'Full points when the requirement is met';
    return `${whatDe(term.what)}记满分`;
  },
  prompt(term, lang) {
    if (lang === 'en') return clip(`Nothing to enter (full points if ${whatEn(term.what) || 'met'})`);
    return clip(`无需填写（${whatDe(term.what)}记满分）`);
  },
  formula() {
    return {};
  },
};
