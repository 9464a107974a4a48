/**
 * The sheet view's merge lookup: whatever merges a workbook holds (overlapping, swapped ends, out of
 * range, many on one row), a cell's merge is the first merge in the sheet's order over it once
 * cleaned, as a search of every merge finds it.
 */
import { describe, expect, it } from 'vitest';
import { SheetView } from '../../src/core/detect/view';
import type { CellValue, MergeArea, SheetGrid } from '../../src/core/grid';

function grid(rows: number, cols: number, merges: MergeArea[]): SheetGrid {
  const values: CellValue[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => `${r}:${c}`),
  );
  return { name: 'S', values, merges };
}

/** The reference: clean each merge as the view does, then take the first one over the cell. */
function expected(
  rows: number,
  cols: number,
  merges: MergeArea[],
  r: number,
  c: number,
): MergeArea | undefined {
  for (const m of merges) {
    const top = Math.max(0, Math.min(m.top, m.bottom));
    const bottom = Math.min(rows - 1, Math.max(m.top, m.bottom));
    const left = Math.max(0, Math.min(m.left, m.right));
    const right = Math.min(cols - 1, Math.max(m.left, m.right));
    if (top > bottom || left > right || (top === bottom && left === right)) continue;
    if (r >= top && r <= bottom && c >= left && c <= right) return { top, left, bottom, right };
  }
  return undefined;
}

function random(seed: number): () => number {
  let n = seed;
  return () => {
    n = (n * 1103515245 + 12345) % 2147483648;
    return n >>> 8;
  };
}

describe('SheetView.merge', () => {
  it('finds the first merge over each cell, on rows with few merges and rows crowded with them', () => {
    const rows = 12;
    const cols = 40;
    const next = random(3);
    const merges: MergeArea[] = [];
    // Row 2 carries twenty side-by-side merges (a crowded row), row 5 a few overlapping ones.
    for (let c = 0; c + 1 < cols; c += 2) merges.push({ top: 2, left: c, bottom: 2, right: c + 1 });
    merges.push({ top: 5, left: 3, bottom: 6, right: 9 }, { top: 4, left: 5, bottom: 5, right: 12 });
    // And random ones, some reversed or out of range.
    for (let k = 0; k < 14; k++) {
      const a = (next() % (rows + 2)) - 1;
      const b = (next() % (rows + 2)) - 1;
      const l = (next() % (cols + 2)) - 1;
      const w = next() % 6;
      merges.push({ top: a, left: l, bottom: b, right: l + w });
    }
    const view = new SheetView(grid(rows, cols, merges));
    let crowdedHits = 0;
    for (let r = -1; r <= rows; r++)
      for (let c = -1; c <= cols; c++) {
        const want = expected(rows, cols, merges, r, c);
        const got = view.merge(r, c);
        expect(got, `${r},${c}`).toEqual(want);
        if (r === 2 && got) crowdedHits++;
      }
    expect(crowdedHits).toBe(cols);
  });

  it('reads the value of a cell inside a crowded row through its merge', () => {
    const merges: MergeArea[] = [];
    for (let c = 0; c < 30; c += 3) merges.push({ top: 0, left: c, bottom: 1, right: c + 2 });
    const view = new SheetView(grid(3, 30, merges));
    expect(view.shownText(1, 14)).toBe('0:12');
    expect(view.owner(1, 14)).toEqual({ row: 0, col: 12 });
    expect(view.isOwner(0, 12)).toBe(true);
    expect(view.isOwner(0, 13)).toBe(false);
    expect(view.merge(2, 14)).toBeUndefined();
  });
});
