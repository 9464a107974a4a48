/**
 * Finding the header row of a rubric table, including a second header row for the assessor columns
 * (a merged "考核评分" above "扣分 | 得分", the other header cells merged down over both rows).
 */
import type { ColumnRole } from '../rubric';
import { type ColumnPlan, headerLike, planColumns, profileColumns } from './columns';
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
  /** Points columns of the groups (see HeaderRow.groupPoints). */
  groupPoints: HeaderCell[];
  /** How each column is used, by header words and by content (see ./columns). */
  plan: ColumnPlan;
}

/** Roles of which at least one must sit beside the points column for a row to be a header. */
export const HEADER_PARTNERS: readonly ColumnRole[] = ['criteria', 'project', 'content', 'requirement'];

/** What one header row names. */
export interface HeaderRow {
  /** One cell per role (for points: the column the items' points are in). */
  cells: Map<ColumnRole, HeaderCell>;
  /** Further points columns left of the items' one, giving the points of the groups beside them. */
  groupPoints: HeaderCell[];
  /** Last column of this table: a second table may stand to its right. */
  right: number;
}

const DESCRIPTIVE: readonly ColumnRole[] = ['project', 'content', 'requirement'];

/** Header words of row r as a reader sees them (merged cells counted once, at their left column). */
export function readHeaderRow(view: SheetView, r: number): HeaderRow {
  let all: HeaderCell[] = [];
  for (let c = 0; c < view.cols; c++) {
    const m = view.merge(r, c);
    if (m && m.left !== c) continue;
    const text = view.shownText(r, c);
    if (text === '') continue;
    const hit = classifyHeader(text);
    if (hit) all.push({ role: hit.role, col: c, text, declared: hit.declared });
  }
  let right = view.cols - 1;
  // Two tables side by side on a landscape page: the first header word comes back after the points,
  // followed by points of its own. Only the first table is read.
  const lead = all[0];
  const firstPoints = all.findIndex((x) => x.role === 'points');
  if (lead && lead.role !== 'points' && firstPoints >= 0) {
    const again = all.findIndex((x, k) => k > firstPoints && x.role === lead.role);
    if (again >= 0 && all.slice(again + 1).some((x) => x.role === 'points')) {
      right = all[again]!.col - 1;
      all = all.slice(0, again);
    }
  }
  // 一级指标 | 分值 | 二级指标 | 分值: a points column after a further descriptive column scores that
  // column's rows; the points columns before it give the points of the groups on their left.
  const points = all.filter((x) => x.role === 'points');
  let itemPoints = points[0];
  for (let k = 1; k < points.length; k++) {
    const prev = points[k - 1]!.col;
    const cur = points[k]!.col;
    if (all.some((x) => DESCRIPTIVE.includes(x.role) && x.col > prev && x.col < cur)) itemPoints = points[k];
  }
  const cells = new Map<ColumnRole, HeaderCell>();
  for (const cell of all) {
    if (cell.role === 'points' && cell !== itemPoints) continue;
    if (!cells.has(cell.role)) cells.set(cell.role, cell);
  }
  const groupPoints = itemPoints ? points.filter((p) => p.col < itemPoints.col) : [];
  return { cells, groupPoints, right };
}

/** Header cells of row r as a reader sees them (see readHeaderRow). */
export function rowHeaderCells(view: SheetView, r: number): Map<ColumnRole, HeaderCell> {
  return readHeaderRow(view, r).cells;
}

/** Whether header cells make a header row: a points column and at least one partner column. */
export function isHeaderRow(cells: Map<ColumnRole, HeaderCell>): boolean {
  return cells.has('points') && HEADER_PARTNERS.some((r) => cells.has(r));
}

/**
 * Header cells of the row below a header, when that row holds only header words in cells of its own
 * (cells merged down from the header row are skipped). Null when the row is not such a sub-header.
 */
export function subHeaderCells(view: SheetView, r: number, right = view.cols - 1): HeaderCell[] | null {
  if (r >= view.rows) return null;
  const out: HeaderCell[] = [];
  for (let c = 0; c <= right; c++) {
    if (view.coveredFromAbove(r, c) || !view.isOwner(r, c)) continue;
    const text = view.ownText(r, c);
    if (text === '') continue;
    const hit = classifyHeader(text);
    if (!hit) return null;
    out.push({ role: hit.role, col: c, text, declared: hit.declared });
  }
  return out.length > 0 ? out : null;
}

/** A row that reads like a header but gives no points, and why (for the skipped sheet's message). */
export interface NoPoints {
  row: number;
  texts: string[];
  why: string;
}

export type HeaderSearch =
  | { found: FoundHeader }
  | { found: null; best: { row: number; cells: HeaderCell[] } | null; noPoints: NoPoints | null };

/**
 * The first header row of the sheet, with its sub-header row merged in: a row whose header words name
 * a points column and a partner column, or a header-like row whose columns, read by content, give
 * the items' points (a column of numbers, points stated in the text, a base score).
 */
export function findHeader(view: SheetView): HeaderSearch {
  let best: { row: number; cells: HeaderCell[] } | null = null;
  let noPoints: NoPoints | null = null;
  for (let r = 0; r < view.rows; r++) {
    const read = readHeaderRow(view, r);
    const cells = read.cells;
    if (isHeaderRow(cells)) return { found: withSubHeader(view, r, read, true) };
    if (headerLike(view, r)) {
      const found = withSubHeader(view, r, read, false);
      if (
        found.plan.source !== null &&
        (found.plan.cells.has('criteria') || HEADER_PARTNERS.some((p) => found.plan.cells.has(p)))
      )
        return { found };
      if (
        !noPoints &&
        (found.plan.cells.has('criteria') || HEADER_PARTNERS.some((p) => found.plan.cells.has(p)))
      ) {
        const texts: string[] = [];
        for (let c = found.left; c <= found.right; c++) {
          const t = view.ownText(r, c);
          if (t !== '' && !texts.includes(t)) texts.push(t);
        }
        noPoints = { row: r, texts, why: found.plan.noPointsWhy };
      }
    }
    if (cells.size > 0 && (!best || cells.size > best.cells.length))
      best = { row: r, cells: [...cells.values()] };
  }
  return { found: null, best, noPoints };
}

function withSubHeader(view: SheetView, r: number, read: HeaderRow, byWords: boolean): FoundHeader {
  const { cells, groupPoints } = read;
  const sub = subHeaderCells(view, r + 1, read.right);
  let lastRow = r;
  if (sub) {
    lastRow = r + 1;
    // A parent cell spanning the sub-header cells ("考核评分") names a group, not a column.
    for (const s of sub) {
      const parent = view.merge(r, s.col);
      if (!parent) continue;
      for (const [role, cell] of cells) if (cell.col === parent.left) cells.delete(role);
    }
    for (const s of sub) {
      // A tool that fills merged cells repeats the header word below itself: nothing new there.
      if (view.shownText(r, s.col) === s.text && cells.get(s.role)?.col !== undefined) continue;
      cells.set(s.role, s);
    }
  }
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  for (let rr = r; rr <= lastRow; rr++) {
    for (let c = 0; c <= read.right; c++) {
      if (view.shownText(rr, c) === '') continue;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  const profiles = profileColumns(view, r, lastRow, right);
  const plan = planColumns(view, profiles, cells, byWords, left, right);
  return { row: r, lastRow, cells: plan.cells, left, right, groupPoints, plan };
}
