/** Reading a 标准分值 cell: 5, "5", "5分", "５", "五", "0.5". */
import type { CellValue } from '../grid';
import { round2 } from '../num';
import { memoized, norm, parseNumber } from '../text';

/**
 * The points a cell holds, or null when it is empty or not a number.
 * @example readPoints('５分') === 5; readPoints('五') === 5; readPoints('见细则') === null
 */
export function readPoints(v: CellValue): number | null {
  if (typeof v === 'number') return plausible(v);
  if (typeof v !== 'string') return null;
  return pointsCached(v);
}

/** A 标准分值 text is read once: the same ones recur row after row and sheet after sheet. */
const pointsCached = memoized((v: string): number | null => {
  const s = norm(v).replace(/分$/, '');
  if (s === '') return null;
  const n = parseNumber(s);
  return n === null ? null : plausible(n);
});

/** Item points are between 0 and a few hundred; anything else is not a points value. */
const MAX_POINTS = 10000;

function plausible(n: number): number | null {
  return Number.isFinite(n) && n >= 0 && n < MAX_POINTS ? round2(n) : null;
}
