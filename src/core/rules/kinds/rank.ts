/**
 * 第一名得10分，第二名得8分，第三名得6分，其余不得分; 排名前三的依次得5、4、3分: the unit's place gives
 * its score. Input: the place, a whole number ≥ 1 (anything else scores nothing, as the formula does).
 */
import { bin, type Expr, fn, num } from '../../formula/ast';
import type { Lang, KindHandler } from '../registry';
import type { TierBand } from '../types';
import { bandEffect, bandOf, outcome } from './bands';
import { clip, ifNumber, NONE, whatEn } from './common';
import { z } from 'zod';
import { BANDS, DEDUCTS, WHAT, bands, span, text } from './schema-parts';

/** A rank term as stored in a workbook. */
export const schema = z.object({ kind: z.literal('rank'), bands, what: text, span });

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnPlace = (n: number): string =>
  n <= 10 ? CN[n]! : n < 20 ? `十${CN[n - 10]}` : n < 100 && n % 10 === 0 ? `${CN[n / 10]}十` : String(n);
const ordinalEn = (n: number): string => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
};

/** A band's places in words: 第一名 / 第四名及以后 / 第二至三名. */
function placesText(b: TierBand, lang: Lang): string {
  const lo = b.lo ?? 1;
  if (lang === 'en') {
    if (b.hi === null) return `${ordinalEn(lo)} place and after`;
    return b.hi === lo ? `${ordinalEn(lo)} place` : `${ordinalEn(lo)} to ${ordinalEn(b.hi)} place`;
  }
  if (b.hi === null) return lo === 1 ? '各名次' : `第${cnPlace(lo)}名及以后`;
  return b.hi === lo ? `第${cnPlace(lo)}名` : `第${cnPlace(lo)}至${cnPlace(b.hi)}名`;
}

function bandsInWords(bs: readonly TierBand[], lang: Lang): string {
  return bs
    .map((b) =>
      lang === 'en'
        ? `${placesText(b, lang)}: ${outcome(b, lang)}`
        : `${placesText(b, lang)}${outcome(b, lang)}`,
    )
    .join(lang === 'en' ? ', ' : '，');
}

/** A place: a whole number ≥ 1 (a blank, text, 0 or 2.5 is none). */
const place = (input: number | boolean | null): number | null =>
  typeof input === 'number' && Number.isInteger(input) && input >= 1 ? input : null;

export const rank: KindHandler<z.infer<typeof schema>> = {
  kind: 'rank',
  label: { zh: '按名次计分', en: 'Points by place' },
  schema,
  fields: [BANDS, WHAT],
  flags: DEDUCTS,
  input: 'count',
  evaluate(term, input) {
    const p = place(input);
    return p === null ? NONE : bandEffect(bandOf(term.bands, p));
  },
  explain(term, lang) {
    if (lang === 'en') {
      const w = whatEn(term.what);
      return `scored by place${w ? ` in ${w}` : ''}: ${bandsInWords(term.bands, lang)}`;
    }
    return `按${term.what || '排名'}名次计分：${bandsInWords(term.bands, lang)}`;
  },
  prompt(term, lang) {
    if (lang === 'en')
      return clip(
        `Place (1, 2, 3 …)${term.what ? ` in ${whatEn(term.what)}` : ''}: ${bandsInWords(term.bands, lang)}`,
      );
    return clip(`${term.what || '排名'}名次（填1、2、3…）：${bandsInWords(term.bands, lang)}`);
  },
  formula(term, input) {
    // IF(x=1, d1, IF(x=2, d2, … IF(x>=n+1, dRest, 0))) for a whole x ≥ 1; ROUND(x,0)=x tests whole.
    let e: Expr = num(0);
    for (let i = term.bands.length - 1; i >= 0; i--) {
      const b = term.bands[i]!;
      const lo = b.lo ?? 1;
      const test =
        b.hi === null
          ? bin('>=', input, num(lo))
          : b.hi === lo
            ? bin('=', input, num(lo))
            : fn('AND', bin('>=', input, num(lo)), bin('<=', input, num(b.hi)));
      e = fn('IF', test, num(b.deduct), e);
    }
    const whole = fn('AND', bin('>=', input, num(1)), bin('=', fn('ROUND', input, num(0)), input));
    return { deduction: ifNumber(input, fn('IF', whole, e, num(0))) };
  },
};
