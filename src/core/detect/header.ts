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

/** A row that reads like a header but gives no points, and what stands where points would (for a skipped sheet). */
export interface NoPoints {
  row: number;
  texts: string[];
  sanctions: { headers: string[]; values: string[] } | null;
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
        noPoints = { row: r, texts, sanctions: found.plan.sanctions };
      }
    }
    if (cells.size > 0 && (!best || cells.size > best.cells.length))
      best = { row: r, cells: [...cells.values()] };
  }
  const byContent = headerByContent(view);
  if (byContent) return { found: byContent };
  return { found: null, best, noPoints };
}

/** Rows tried as a header by content: an unknown office's header sits near the top of its sheet. */
const CONTENT_SEARCH_ROWS = 40;
/** Body rows a header found by content must stand above. */
const CONTENT_MIN_ROWS = 3;

/**
 * A header row with no listed word, found by what lies below it: a row of short texts above at
 * least three rows with item text, a column of small numbers (the points) and either a column of
 * scoring rules or further points columns per role. Every column so found is recorded as read by
 * content, so the reading is said, never taken silently.
 */
function headerByContent(view: SheetView): FoundHeader | null {
  const last = Math.min(view.rows - 1 - CONTENT_MIN_ROWS, CONTENT_SEARCH_ROWS);
  for (let r = 0; r <= last; r++) {
    if (!headerLike(view, r, false)) continue;
    const found = withSubHeader(view, r, readHeaderRow(view, r), false);
    const plan = found.plan;
    const points = plan.cells.get('points');
    if (plan.source !== 'column' || !points) continue;
    if (!plan.uses.some((u) => u.col === points.col && u.by === 'content')) continue;
    const pointsRows = profileFilled(found, points.col);
    if (pointsRows < CONTENT_MIN_ROWS) continue;
    const ruled = plan.cells.has('criteria');
    if (!ruled && plan.rolePoints.length < 2) continue;
    const desc = DESCRIPTIVE.map((role) => plan.cells.get(role)).filter((c) => c !== undefined);
    if (desc.length === 0) continue;
    // Without rules, the items must read as items (迟到早退), not as a data table's row keys (一月).
    if (!ruled && !desc.some((c) => describesItems(view, found, c.col))) continue;
    entryByContent(view, found);
    return found;
  }
  return null;
}

const ITEM_LENGTH = 4;

function describesItems(view: SheetView, found: FoundHeader, col: number): boolean {
  const rows = found.plan.profiles[col]?.rows ?? [];
  const long = rows.filter((r) => [...view.ownText(r, col).replace(/\s+/g, '')].length >= ITEM_LENGTH);
  return rows.length > 0 && long.length >= rows.length * 0.7;
}

function profileFilled(found: FoundHeader, col: number): number {
  return found.plan.profiles[col]?.filled ?? 0;
}

/**
 * An unknown header right of the points and the rules with nothing below it (实得, 核定): the column
 * the assessor fills in, read as the score.
 */
function entryByContent(view: SheetView, found: FoundHeader): void {
  const plan = found.plan;
  if (plan.cells.has('score') || plan.cells.has('deduction')) return;
  const used = new Set(plan.uses.map((u) => u.col));
  const after = Math.max(...[...plan.cells.values()].map((c) => c.col));
  for (let c = after + 1; c <= found.right; c++) {
    const p = plan.profiles[c];
    if (!p || used.has(c) || p.header === '' || p.headerRole !== null || p.filled > 0) continue;
    if (view.shownText(found.row, c) === '') continue;
    plan.cells.set('score', { role: 'score', col: c, text: p.header, declared: null });
    plan.uses.push({
      col: c,
      header: p.header,
      role: 'score',
      by: 'content',
      reason: 'empty column for the score',
    });
    plan.uses.sort((a, b) => a.col - b.col);
    return;
  }
}

/**
 * Whether row r + 1 names the columns under header cells of row r merged across them, and nothing
 * else, with names that are not header words: "处罚标准" over E:G with 直接责任人 | 部门负责人 | 分管领导
 * under it. The names then head those columns; the merged cell above names the group of them.
 */
function namesUnderSpans(view: SheetView, r: number, right: number): boolean {
  if (r + 1 >= view.rows) return false;
  let named = 0;
  for (let c = 0; c <= right; c++) {
    if (view.coveredFromAbove(r + 1, c) || !view.isOwner(r + 1, c)) continue;
    const text = view.ownText(r + 1, c);
    if (text === '') continue;
    // Header words there are a sub-header of the usual kind (subHeaderCells) or a second header row.
    if (classifyHeader(text)) return false;
    const span = view.merge(r, c);
    if (!span || span.top !== r || span.bottom !== r || span.right === span.left) return false;
    for (let cc = span.left; cc <= span.right; cc++) if (view.ownText(r + 1, cc) === '') return false;
    named++;
  }
  return named >= 2;
}

function withSubHeader(view: SheetView, r: number, read: HeaderRow, byWords: boolean): FoundHeader {
  const { cells, groupPoints } = read;
  const sub = subHeaderCells(view, r + 1, read.right);
  let lastRow = r;
  if (!sub && namesUnderSpans(view, r, read.right)) {
    lastRow = r + 1;
    for (let c = 0; c <= read.right; c++) {
      const span = view.merge(r, c);
      if (!span || view.ownText(r + 1, c) === '') continue;
      for (const [role, cell] of cells) if (cell.col === span.left) cells.delete(role);
    }
  }
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
  plan.profiles = profiles;
  return { row: r, lastRow, cells: plan.cells, left, right, groupPoints, plan };
}
