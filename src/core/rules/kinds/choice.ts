/**
 * Alternatives that exclude each other, one chosen (有方案有记录得满分；有记录无方案得2分; 优-0、良-1).
 * Input: the number of the alternative that applies; blank or any other number deducts nothing.
 */
import type { KindHandler, Lang } from '../registry';
import { bandEffect, choiceFormula, chosenBand, outcome } from './bands';
import { clip } from './common';
import { z } from 'zod';
import { BANDS, DEDUCTS, WHAT, bands, span, text } from './schema-parts';

function list(term: z.infer<typeof schema>, lang: Lang, numbered: boolean): string {
  return term.bands
    .map((b, i) => {
      const n = numbered ? `${i + 1}=` : '';
      return lang === 'en' ? `${n}"${b.label}": ${outcome(b, lang)}` : `${n}${b.label}${outcome(b, lang)}`;
    })
    .join(lang === 'en' ? '; ' : '；');
}

/** A choice term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('choice'), bands, what: text, span });

export const choice: KindHandler<z.infer<typeof schema>> = {
  kind: 'choice',
  label: { zh: '多种情形取其一', en: 'One of several cases' },
  schema,
  fields: [BANDS, WHAT],
  flags: DEDUCTS,
  input: 'count',
  evaluate(term, input) {
    return bandEffect(chosenBand(term.bands, input));
  },
  explain(term, lang) {
    if (lang === 'en') return `one of these applies: ${list(term, lang, false)}`;
    return `以下情形只取其一：${list(term, lang, false)}`;
  },
  prompt(term, lang) {
    if (lang === 'en') return clip(`Number of the case that applies: ${list(term, lang, true)}`);
    return clip(`填所属情形的序号：${list(term, lang, true)}`);
  },
  formula(term, input) {
    return { deduction: choiceFormula(term.bands, input) };
  },
};
