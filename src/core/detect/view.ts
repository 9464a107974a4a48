/**
 * A read-only view of a sheet for detection: bounds, a merge index built once, and the three ways a
 * cell can be read (own value, shown value, covered by a merge from elsewhere). Merges are cleaned on
 * the way in (swapped ends, out-of-range areas clipped, overlaps: first wins) because workbook input
 * is never trusted.
 */
import { type CellValue, type MergeArea, type SheetGrid, textOf } from '../grid';

/** Merges over one row beyond which the row's merges are looked up by column. */
const CROWDED_ROW = 8;

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  /**
   * The merges over each row, in the sheet's order (the first one over a cell wins): a row has a few,
   * so a scan finds a cell's merge; a row crowded with merges gets a map by column instead.
   */
  private readonly byRow: (MergeArea[] | Map<number, MergeArea> | undefined)[];

  constructor(readonly sheet: SheetGrid) {
    const values = Array.isArray(sheet.values) ? sheet.values : [];
    this.rows = values.length;
    let cols = 0;
    for (const r of values) if (Array.isArray(r)) cols = Math.max(cols, r.length);
    this.cols = cols;
    const byRow: (MergeArea[] | undefined)[] = new Array(this.rows);
    for (const raw of Array.isArray(sheet.merges) ? sheet.merges : []) {
      const m = this.clean(raw);
      if (!m) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        const list = byRow[r];
        if (list === undefined) byRow[r] = [m];
        else list.push(m);
      }
    }
    this.byRow = byRow;
    for (let r = 0; r < byRow.length; r++) {
      const list = byRow[r];
      if (list === undefined || list.length <= CROWDED_ROW) continue;
      const at = new Map<number, MergeArea>();
      for (const m of list) for (let c = m.left; c <= m.right; c++) if (!at.has(c)) at.set(c, m);
      this.byRow[r] = at;
    }
  }

  private clean(m: MergeArea): MergeArea | null {
    const nums = [m?.top, m?.left, m?.bottom, m?.right];
    if (!nums.every((x) => typeof x === 'number' && Number.isInteger(x))) return null;
    const top = Math.max(0, Math.min(m.top, m.bottom));
    const bottom = Math.min(this.rows - 1, Math.max(m.top, m.bottom));
    const left = Math.max(0, Math.min(m.left, m.right));
    const right = Math.min(this.cols - 1, Math.max(m.left, m.right));
    if (top > bottom || left > right || (top === bottom && left === right)) return null;
    return { top, left, bottom, right };
  }

  /** The value stored in the cell itself (null inside a merge except at its top-left). */
  value(r: number, c: number): CellValue {
    const v = this.sheet.values[r]?.[c];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return null;
  }

  merge(r: number, c: number): MergeArea | undefined {
    if (r < 0 || c < 0 || r >= this.rows || c >= this.cols) return undefined;
    const at = this.byRow[r];
    if (at === undefined) return undefined;
    if (Array.isArray(at)) {
      for (const m of at) if (c >= m.left && c <= m.right) return m;
      return undefined;
    }
    return at.get(c);
  }

  /** What a reader sees: a merged cell shows its top-left value everywhere. */
  shown(r: number, c: number): CellValue {
    const m = this.merge(r, c);
    return m ? this.value(m.top, m.left) : this.value(r, c);
  }

  shownText(r: number, c: number): string {
    return textOf(this.shown(r, c));
  }

  /** Where the value shown at (r, c) lives. */
  owner(r: number, c: number): { row: number; col: number } {
    const m = this.merge(r, c);
    return m ? { row: m.top, col: m.left } : { row: r, col: c };
  }

  /** True when (r, c) is the cell holding its own value (not a non-top-left part of a merge). */
  isOwner(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return !m || (m.top === r && m.left === c);
  }

  /** Own text at (r, c): the cell's text when it holds its value, else ''. */
  ownText(r: number, c: number): string {
    return this.isOwner(r, c) ? textOf(this.value(r, c)) : '';
  }

  /** True when (r, c) lies in a merge that starts on an earlier row. */
  coveredFromAbove(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return m !== undefined && m.top < r;
  }
}
