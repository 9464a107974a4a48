/** 差错2次以内得满分，3至5次得3分，6次以上不得分: one band of a count applies. Input: the count. */
import type { KindHandler } from '../registry';
import { unitEn } from '../units';
import { bandEffect, bandOf, bandsText, measuredFormula } from './bands';
import { clip, whatEn } from './common';
import { z } from 'zod';
import { BANDS, DEDUCTS, UNIT, WHAT, bands, span, text } from './schema-parts';

/** A tierCount term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('tierCount'), bands, unit: text, what: text, span });

export const tierCount: KindHandler<z.infer<typeof schema>> = {
  kind: 'tierCount',
  label: { zh: '按次数分档', en: 'Bands by count' },
  schema,
  fields: [BANDS, UNIT, WHAT],
  flags: DEDUCTS,
  input: 'count',
  evaluate(term, input) {
    return bandEffect(bandOf(term.bands, input));
  },
  explain(term, lang) {
    const u = term.unit || '次';
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `one band applies, by the number of ${unitEn(u, true)}${w ? ` (${w})` : ''}: ${bandsText(term.bands, u, lang)}`;
    }
    return `按${term.what}${u}数只取一档：${bandsText(term.bands, u, lang)}`;
  },
  prompt(term, lang) {
    const u = term.unit || '次';
    if (lang === 'en')
      return clip(
        `Number of ${unitEn(u, true)}${term.what ? ` (${whatEn(term.what)})` : ''}: ${bandsText(term.bands, u, lang)}`,
      );
    return clip(`${term.what}${u}数：${bandsText(term.bands, u, lang)}`);
  },
  formula(term, input) {
    return { deduction: measuredFormula(term.bands, input) };
  },
};
