/**
 * Rectangles of cells and the space-separated range lists (`sqref`) that validations are stored
 * with: what is left of a list once the cells a plan takes over are removed from it.
 */
import { a1Range, parseRange } from '../../../core/a1';
import type { MergeArea } from '../../../core/grid';

export type Rect = MergeArea;

/** A range or a single cell ("B3", "B3:D9", "$B$3"), or null. */
export function rectOf(text: string): Rect | null {
  return parseRange(text.replace(/\$/g, ''));
}

/** The rectangles of an sqref ("A1:A5 C3"); parts that are not ranges are dropped. */
export function sqrefRects(sqref: string): Rect[] {
  return sqref
    .split(/\s+/)
    .filter((s) => s !== '')
    .map(rectOf)
    .filter((r): r is Rect => r !== null);
}

export function formatRect(r: Rect): string {
  return a1Range(r.top, r.left, r.bottom, r.right);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** a minus b: up to four rectangles (above, below, left, right of the overlap). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}

/**
 * The sqref with the cells of `taken` removed: undefined when it does not meet them (leave the
 * element as it is), '' when nothing is left.
 */
export function sqrefMinus(sqref: string, taken: readonly Rect[]): string | undefined {
  const parts = sqref.split(/\s+/).filter((s) => s !== '');
  // Parts that are not cell ranges (whole columns "A:A") are kept as they are.
  const other = parts.filter((p) => rectOf(p) === null);
  let rects = sqrefRects(sqref);
  if (!rects.some((r) => taken.some((t) => intersects(r, t)))) return undefined;
  for (const t of taken) rects = rects.flatMap((r) => subtract(r, t));
  return [...rects.map(formatRect), ...other].join(' ');
}
