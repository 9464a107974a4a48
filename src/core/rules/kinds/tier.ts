/** 完成率≥90%得满分，≥85%得5分，＜80%不得分: one band of a rate applies. Input: the rate in percent. */
import type { KindHandler } from '../registry';
import { bandEffect, bandOf, bandsText, measuredFormula } from './bands';
import { clip, whatEn } from './common';
import { z } from 'zod';
import { BANDS, DEDUCTS, WHAT, bands, span, text } from './schema-parts';

/** A tier term as stored in a workbook. */
export const schema = z.object({
  kind: z.literal('tier'),
  bands,
  unit: z.enum(['%', '分']),
  what: text,
  span,
});

export const tier: KindHandler<z.infer<typeof schema>> = {
  kind: 'tier',
  label: { zh: '按比率分档', en: 'Bands by rate' },
  schema,
  fields: [BANDS, { name: 'unit', type: 'choice', default: '%', label: 'unit', options: ['%', '分'] }, WHAT],
  flags: DEDUCTS,
  input: 'percent',
  evaluate(term, input) {
    return bandEffect(bandOf(term.bands, input));
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `one band applies, by ${w || (term.unit === '%' ? 'the rate' : 'the score')}: ${bandsText(term.bands, term.unit, lang)}`;
    }
    return `按${term.what || (term.unit === '%' ? '完成率' : '评分')}只取一档：${bandsText(term.bands, term.unit, lang)}`;
  },
  prompt(term, lang) {
    if (lang === 'en')
      return clip(
        `${term.unit === '%' ? 'Rate achieved in %' : 'Score (out of 100)'}${term.what ? ` (${whatEn(term.what)})` : ''}: ${bandsText(term.bands, term.unit, lang)}`,
      );
    return clip(
      `${term.what || (term.unit === '%' ? '完成率' : '评分')}（${term.unit === '%' ? '%' : '分'}）：${bandsText(term.bands, term.unit, lang)}`,
    );
  },
  formula(term, input) {
    return { deduction: measuredFormula(term.bands, input) };
  },
};
