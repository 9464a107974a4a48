/** 取消评优资格, 否优, 降档, 不合格: a consequence beyond points; it scores nothing and is always said. */
import type { KindHandler } from '../registry';
import { NONE, whatDe, whatEn } from './common';
import { z } from 'zod';
import { NO_DEDUCTION, WHAT, span, text } from './schema-parts';

/** English names of the consequences rubrics write. */
const EN: readonly [RegExp, string][] = [
  [/(?:取消|否决).*(?:评优|评先)|否优/, 'loses eligibility for awards'],
  [/取消.*资格/, 'loses eligibility'],
  [/降.{0,2}(?:档|级|等)/, 'is moved down a grade'],
  [/(?:晋|升).{0,2}档|晋级/, 'is moved up a grade'],
  [/不合格/, 'is rated as failing'],
  [/通报批评/, 'is criticised in a notice'],
  [/诫勉/, 'receives an admonition'],
  [/降薪|降职/, 'is demoted'],
];

function oneEn(effect: string): string {
  return EN.find(([re]) => re.test(effect))?.[1] ?? `faces a consequence ("${effect}")`;
}

/** English for one consequence or a list of them (取消评优资格、降一档). */
export function effectEn(effect: string): string {
  const parts = effect.split(/[、和及或]|并(?:予以|给予)?/).filter((p) => p !== '');
  const en = [...new Set(parts.map(oneEn))];
  return en.length <= 1 ? oneEn(effect) : `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}`;
}

/** A consequence term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('consequence'), effect: text, what: text, span });

export const consequence: KindHandler<z.infer<typeof schema>> = {
  kind: 'consequence',
  label: { zh: '不计分的后果', en: 'Consequence, no points' },
  schema,
  fields: [{ name: 'effect', type: 'text', default: '取消评优资格', label: 'effect' }, WHAT],
  flags: NO_DEDUCTION,
  input: 'none',
  evaluate() {
    return NONE;
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `${w ? `where ${w}, ` : ''}the unit ${effectEn(term.effect)} (no points)`;
    }
    return `${term.what ? `${whatDe(term.what)}，` : ''}${term.effect}（不计分，另行处理）`;
  },
  prompt(term, lang) {
    return consequence.explain(term, lang);
  },
  formula() {
    return {};
  },
};
