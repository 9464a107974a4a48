/**
 * Finding the header row of a rubric table, including a second header row for the assessor columns
 * (a merged "考核评分" above "扣分 | 得分", the other header cells merged down over both rows).
 */
import type { ColumnRole } from '../rubric';
import { classifyHeader } from './synonyms';
import type { SheetView } from './view';

export interface HeaderCell {
  role: ColumnRole;
  col: number;
  /** The header text as written. */
  text: string;
  declared: number | null;
}

export interface FoundHeader {
  row: number;
  /** Last header row: row + 1 when assessor headers sit one row lower. */
  lastRow: number;
  cells: Map<ColumnRole, HeaderCell>;
  /** First and last column of the table (extent of the header cells, merges included). */
  left: number;
  right: number;
}

/** Roles of which at least one must sit beside the points column for a row to be a header. */
export const HEADER_PARTNERS: readonly ColumnRole[] = ['criteria', 'project', 'content', 'requirement'];

/** Header cells of row r as a reader sees them (merged cells counted once, at their left column). */
export function rowHeaderCells(view: SheetView, r: number): Map<ColumnRole, HeaderCell> {
  const out = new Map<ColumnRole, HeaderCell>();
  for (let c = 0; c < view.cols; c++) {
    const m = view.merge(r, c);
    if (m && m.left !== c) continue;
    const text = view.shownText(r, c);
    if (text === '') continue;
    const hit = classifyHeader(text);
    if (hit && !out.has(hit.role))
      out.set(hit.role, { role: hit.role, col: c, text, declared: hit.declared });
  }
  return out;
}

/** Whether header cells make a header row: a points column and at least one partner column. */
export function isHeaderRow(cells: Map<ColumnRole, HeaderCell>): boolean {
  return cells.has('points') && HEADER_PARTNERS.some((r) => cells.has(r));
}

/**
 * Header cells of the row below a header, when that row holds only header words in cells of its own
 * (cells merged down from the header row are skipped). Null when the row is not such a sub-header.
 */
export function subHeaderCells(view: SheetView, r: number): HeaderCell[] | null {
  if (r >= view.rows) return null;
  const out: HeaderCell[] = [];
  for (let c = 0; c < view.cols; c++) {
    if (view.coveredFromAbove(r, c) || !view.isOwner(r, c)) continue;
    const text = view.ownText(r, c);
    if (text === '') continue;
    const hit = classifyHeader(text);
    if (!hit) return null;
    out.push({ role: hit.role, col: c, text, declared: hit.declared });
  }
  return out.length > 0 ? out : null;
}

export type HeaderSearch =
  | { found: FoundHeader }
  | { found: null; best: { row: number; cells: HeaderCell[] } | null };

/** The first header row of the sheet, with its sub-header row merged in. */
export function findHeader(view: SheetView): HeaderSearch {
  let best: { row: number; cells: HeaderCell[] } | null = null;
  for (let r = 0; r < view.rows; r++) {
    const cells = rowHeaderCells(view, r);
    if (isHeaderRow(cells)) return { found: withSubHeader(view, r, cells) };
    if (cells.size > 0 && (!best || cells.size > best.cells.length))
      best = { row: r, cells: [...cells.values()] };
  }
  return { found: null, best };
}

function withSubHeader(view: SheetView, r: number, cells: Map<ColumnRole, HeaderCell>): FoundHeader {
  const sub = subHeaderCells(view, r + 1);
  let lastRow = r;
  if (sub) {
    lastRow = r + 1;
    // A parent cell spanning the sub-header cells ("考核评分") names a group, not a column.
    for (const s of sub) {
      const parent = view.merge(r, s.col);
      if (!parent) continue;
      for (const [role, cell] of cells) if (cell.col === parent.left) cells.delete(role);
    }
    for (const s of sub) cells.set(s.role, s);
  }
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  for (let rr = r; rr <= lastRow; rr++) {
    for (let c = 0; c < view.cols; c++) {
      if (view.shownText(rr, c) === '') continue;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  return { row: r, lastRow, cells, left, right };
}
