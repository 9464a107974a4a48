/**
 * Ranking the units of a summary, as formulas and as the core's own figures (which must agree).
 *
 * The rank is counted on a key column: the total rounded to 0.01, −1000 for a vetoed unit (so it ranks
 * after every other), or "" (text) for a unit whose rank is withheld (open entry errors, a duplicate):
 * COUNTIF's numeric criteria skip text, so a withheld unit neither gets a rank nor moves anyone else's.
 *
 * Two modes:
 * - `dense` (中国式排名, 1, 2, 2, 3): ties share a rank and the next rank follows on. Written with a
 *   second helper column that marks the first occurrence of each key (COUNTIF over the rows above),
 *   then `COUNTIFS(key,">"&k, first,1)+1`. No array arithmetic, so HyperFormula computes it as Excel
 *   2016, WPS and LibreOffice do (SUMPRODUCT(1/COUNTIF(…)) would need array evaluation).
 * - `competition` (1, 2, 2, 4): `COUNTIF(key,">"&k)+1`.
 */
import { bin, type Expr, fn, num, ref, str } from '../formula/ast';
import type { Lang } from '../i18n';
import { toCents } from '../num';

/** The key ranks are counted on: the total, or −1000 for a vetoed unit, so it ranks after every other. */
export const VETO_RANK_KEY = -1000;

export type RankMode = 'dense' | 'competition';
export const RANK_MODES: readonly RankMode[] = ['dense', 'competition'];

/** 中国式排名 for Chinese workbooks, competition ranking otherwise. */
export function defaultRankMode(lang: Lang): RankMode {
  return lang === 'zh' ? 'dense' : 'competition';
}

/** What a unit's key is made of, for the core's own ranking. */
export interface RankEntry {
  total: number;
  vetoed: boolean;
  /** False when the rank is withheld (open entry errors, a duplicate, a missing unit). */
  ranked: boolean;
}

/**
 * Ranks by total, vetoed units last, null where the rank is withheld; the same numbers the formulas
 * give.
 * @example rankValues([{ total: 90, vetoed: false, ranked: true }, …], 'dense')
 */
export function rankValues(entries: readonly RankEntry[], mode: RankMode): (number | null)[] {
  const key = (e: RankEntry) => (e.vetoed ? toCents(VETO_RANK_KEY) : toCents(e.total));
  const keys = entries.filter((e) => e.ranked).map(key);
  const distinct = [...new Set(keys)];
  return entries.map((e) => {
    if (!e.ranked) return null;
    const k = key(e);
    const above = mode === 'dense' ? distinct.filter((d) => d > k).length : keys.filter((d) => d > k).length;
    return above + 1;
  });
}

/** Where the rank cells of one row are (0-based; the key and first-occurrence columns are helpers). */
export interface RankCells {
  row: number;
  firstRow: number;
  lastRow: number;
  total: number;
  key: number;
  first: number;
  /** A non-empty cell here marks the unit vetoed; omitted when no unit can be vetoed. */
  veto?: number;
  /** A cell holding a count > 0 withholds the rank (open entry errors, a duplicate). */
  hold?: number;
}

function col(c: number, top: number, bottom: number): Expr {
  return { t: 'range', sheet: null, top, left: c, bottom, right: c, abs: true };
}

/** The key: "" when withheld, −1000 when vetoed, else ROUND(total,2). */
export function rankKeyExpr(c: RankCells): Expr {
  let e: Expr = fn('ROUND', ref(c.row, c.total), num(2));
  if (c.veto !== undefined) e = fn('IF', bin('<>', ref(c.row, c.veto), str('')), num(VETO_RANK_KEY), e);
  if (c.hold !== undefined) e = fn('IF', bin('>', ref(c.row, c.hold), num(0)), str(''), e);
  return e;
}

/** 1 on the first row holding this key (numbers only), else 0: what dense ranking counts. */
export function firstOccurrenceExpr(c: RankCells): Expr {
  const k = ref(c.row, c.key);
  const above = col(c.key, c.firstRow, c.row);
  return fn(
    'IF',
    fn('ISNUMBER', k),
    fn('IF', bin('=', fn('COUNTIF', above, k), num(1)), num(1), num(0)),
    num(0),
  );
}

/** The rank, or `withheld` text where the key is not a number. */
export function rankExpr(c: RankCells, mode: RankMode, withheld: string): Expr {
  const k = ref(c.row, c.key);
  const keys = col(c.key, c.firstRow, c.lastRow);
  const higher = bin('&', str('>'), k);
  const above =
    mode === 'dense'
      ? fn('COUNTIFS', keys, higher, col(c.first, c.firstRow, c.lastRow), num(1))
      : fn('COUNTIF', keys, higher);
  return fn('IF', fn('ISNUMBER', k), bin('+', above, num(1)), str(withheld));
}
