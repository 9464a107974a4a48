/**
 * Reading the body of a rubric table once its header is known: which rows are items, which open
 * groups, where the table ends.
 *
 * Groups come from these sources, which nest:
 * - group header rows: one text cell placed in (or spanning from) the first descriptive column and no
 *   points, e.g. "一、日常工作（65分）". Their rank comes from the numbering style (一、 > (一) > 1、 >
 *   (1) > ①; unnumbered counts as outermost). They contain the following rows until a header row of the
 *   same or a higher rank.
 * - group columns: the descriptive columns left of the item column. A merged cell, or a value with blank
 *   cells below it, is one group over those rows. Column groups always nest inside header-row groups,
 *   and the left column inside the right one.
 * - rows of the item column with points but no criteria, numbered a level above the row after them
 *   ("（一）组织建设 | 15 |" over "1.班子健全 | 5 | …"), or whose 序号 cell does ("一" over "1").
 * A group's level is its depth in the resulting tree (1 = outermost). Ids are g1, g2 … for groups and
 * i1, i2 … for items, numbered in sheet order (a group at the row of its label).
 */
import { textOf } from '../grid';
import type { ColumnRole, DetectedTable, PointsScheme, RubricGroup, RubricItem, Subtotal } from '../rubric';
import { CN_NUM_CHARS, memoized, norm } from '../text';
import { signedBonus, textPoints } from './content';
import type { FoundHeader } from './header';
import { isHeaderRow, rowHeaderCells, subHeaderCells } from './header';
import { parseGroupLabel, parseLabel, shorten, splitNumbering, UNNUMBERED_RANK } from './label';
import { classifyHeader } from './synonyms';
import { readPoints } from './points';
import type { SheetView } from './view';

const ASSESSOR_ROLES: readonly ColumnRole[] = ['deduction', 'score', 'reason', 'selfScore', 'notApplicable'];
const DESCRIPTIVE_ROLES: readonly ColumnRole[] = ['project', 'content', 'requirement'];

/** A 合计 / 总分 row (spaces were removed by norm, so "合 计" matches too). */
const TOTAL_ROW = /^(合计|总计|总分|总得分|得分合计|合计得分|共计|分值合计|综合得分|考核总分|总分值)/;
const TOTAL_ROW_MAX = 10;
/** Subtotal rows repeat the sum of a group; they are neither items nor the table total. */
const SUBTOTAL_ROW = /^(小计|分项合计|本项合计)/;
/** A subtotal word in any cell of a row ("1.安全生产目标 | 小计 | 10 | 得分小计"). */
const SUBTOTAL_CELL = /^(?:得分|分值)?(?:小计|分项合计|本项合计)$/;
/** Labels of bonus and penalty sections, whose items may have no points of their own. */
export const BONUS_SECTION = /奖扣|奖惩|加扣|加分|奖励|奖分|附加分/;
/** Veto conditions (一票否决 / 一票否优 items): they have no points of their own. */
const VETO_SECTION = /一票否决|一票否优|单项否决|否决项/;
/** Text that starts what follows a table: signatures, dates, notes. */
const END_ROW =
  /^(考核人|考核组|考核小组|考评人|被考核|考核单位|考核对象|签字|签名|审核人|负责人|填表|制表|考核日期|日期:|备注:|说明:|注:|注\d|附:|附件)/;
/** A note's label standing alone in its cell, the note itself beside or below it. */
const END_LABEL = /^(备注|说明|注|附注|填表说明|注意事项)$/;
const PUNCT = /[\s()（）:：、,，.。;；]/g;
/** A numbered note ("1. 90分以上为优秀…", "（2）本细则由…负责解释"): a number and its mark, then prose. */
const NOTE_NUMBER = /^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）])(?!\d)/;
/** A note is prose: at least this many characters once spaces and punctuation are removed. */
const NOTE_MIN = 10;
const BARE_NUMBER = /^\s*\d+(\.\d+)?\s*$/;

/** A cell's text normalised, without spaces, brackets and punctuation (for the row-kind patterns). */
const bareText = memoized((text: string): string => norm(text).replace(PUNCT, ''));
const isSubtotalCell = memoized((text: string): boolean => SUBTOTAL_CELL.test(bareText(text)));

interface OwnCell {
  col: number;
  text: string;
  /** Columns the cell spans (merged horizontally). */
  span: number;
}

interface Candidate {
  row: number;
  own: OwnCell[];
  points: number | null;
  pointsRaw: string;
  /** Bonus points stated ("+5" in a bonus table, "（2分，3分奖分）"). */
  bonus: number | null;
  /** Numbering rank of the row's 序号 cell ("一" → 0, "1" → 2), or null. */
  seqRank: number | null;
}

type Rank = readonly [number, number];

interface Open {
  group: RubricGroup;
  rank: Rank;
  /** The label cell's place, row × (columns + 1) + column. */
  key: number;
  normText: string;
}

/** The cell of `own` in column `col`, if any (a row has a handful of cells: a scan beats a map). */
function ownAt(own: readonly OwnCell[], col: number | null | undefined): OwnCell | undefined {
  for (const o of own) if (o.col === col) return o;
  return undefined;
}

function cmpRank(a: Rank, b: Rank): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/** Table layout derived from the header. */
interface Layout {
  columns: Partial<Record<ColumnRole, number>>;
  pointsCol: number;
  descCols: number[];
  contentCols: number[];
  /** For a descriptive column: the points column right of it giving its groups' points. */
  groupPointsCol: Map<number, number>;
  /** Unnamed columns left of the descriptive ones (序号): their numbers number the row. */
  seqCols: number[];
  /** The column whose text states the points, when there is no points column. */
  textPointsCol: number | null;
  scheme: PointsScheme;
  /** Per-role points columns after the scored one. */
  roleCols: number[];
  vetoCol: number | undefined;
  /** Descriptive columns right of the points column (detail, unless the left ones cannot name items). */
  rightDesc: number[];
}

function layoutOf(header: FoundHeader): Layout {
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, cell] of header.cells) columns[role] = cell.col;
  const assessor = new Set(ASSESSOR_ROLES.map((r) => columns[r]).filter((c): c is number => c !== undefined));
  const plan = header.plan;
  const textPointsCol = columns.points === undefined ? plan.pointsText : null;
  // No points column: nothing on the sheet is read as points (−1 is never a column).
  const pointsCol = columns.points ?? -1;
  const allDesc = [
    ...DESCRIPTIVE_ROLES.map((r) => columns[r]).filter((c): c is number => c !== undefined),
    ...plan.extraDesc,
  ].sort((a, b) => a - b);
  // The hierarchy is read from the columns left of the points; a 目标要求 placed after 分值 is detail.
  const left = pointsCol < 0 ? allDesc : allDesc.filter((c) => c < pointsCol);
  const descCols = left.length > 0 ? left : allDesc;
  const contentCols: number[] = [];
  for (let c = header.left; c <= header.right; c++) if (!assessor.has(c)) contentCols.push(c);
  const groupPointsCol = new Map<number, number>();
  for (const gp of header.groupPoints) {
    const owner = descCols.filter((c) => c < gp.col).pop();
    if (owner !== undefined && !groupPointsCol.has(owner)) groupPointsCol.set(owner, gp.col);
  }
  const named = new Set(Object.values(columns));
  const firstDesc = descCols[0] ?? pointsCol;
  const seqCols = contentCols.filter((c) => c < firstDesc && !named.has(c));
  return {
    columns,
    pointsCol,
    descCols,
    contentCols,
    groupPointsCol,
    seqCols,
    textPointsCol,
    scheme: plan.scheme,
    roleCols: plan.rolePoints.slice(1).map((c) => c.col),
    vetoCol: columns.veto,
    rightDesc: pointsCol < 0 ? [] : allDesc.filter((c) => c > pointsCol),
  };
}

/** Numbering rank of a 序号 cell: "一" and "一、" as 一、, "1" and "1." as 1、, "（一）" as (一). */
const CN_NUMERAL = new RegExp(`^[${CN_NUM_CHARS}]+$`);

function seqRankOf(text: string): number | null {
  const t = norm(text);
  if (CN_NUMERAL.test(t)) return splitNumbering(`${t}、`).rank;
  if (/^\d+$/.test(t)) return splitNumbering(`${t}、`).rank;
  const s = splitNumbering(text);
  return s.rest === '' ? s.rank : null;
}

function ownCells(view: SheetView, r: number, cols: readonly number[]): OwnCell[] {
  const out: OwnCell[] = [];
  for (const c of cols) {
    // One merge lookup per cell: own text is the cell's value where it is not inside another's merge.
    const m = view.merge(r, c);
    if (m && (m.top !== r || m.left !== c)) continue;
    const text = textOf(view.value(r, c));
    if (text === '') continue;
    out.push({ col: c, text, span: m ? m.right - m.left + 1 : 1 });
  }
  return out;
}

function isRepeatedHeader(view: SheetView, r: number, layout: Layout): boolean {
  // The header's points word must stand in the points column again: most rows end here, unread.
  const m = view.merge(r, layout.pointsCol);
  if (m && m.left !== layout.pointsCol) return false;
  if (classifyHeader(view.shownText(r, layout.pointsCol))?.role !== 'points') return false;
  const cells = rowHeaderCells(view, r);
  if (!isHeaderRow(cells) || cells.get('points')?.col !== layout.pointsCol) return false;
  let same = 0;
  for (const [role, cell] of cells) if (layout.columns[role] === cell.col) same++;
  return same >= 2;
}

interface Scan {
  candidates: Candidate[];
  repeated: number[];
  totalRow: number | null;
  /** 小计 rows with their stated points. */
  subtotals: { row: number; points: number | null; col: number; label: string }[];
  /** Points stated on the 合计 / 总分 rows (the last one that states any). */
  statedTotal: number | null;
}

/** The points of a body row: from the points column, or from the text that states them. */
function rowPoints(
  view: SheetView,
  r: number,
  layout: Layout,
): { points: number | null; raw: string; bonus: number | null } {
  if (layout.textPointsCol !== null) {
    const tp = textPoints(view.ownText(r, layout.textPointsCol));
    if (!tp) return { points: null, raw: '', bonus: null };
    return { points: tp.points, raw: String(tp.points), bonus: tp.bonus > 0 ? tp.bonus : null };
  }
  if (layout.scheme === 'base') {
    // Base-score tables: items add or deduct from the base, they have no points of their own.
    const crit = layout.columns.criteria;
    const has = crit !== undefined && view.isOwner(r, crit) && view.ownText(r, crit) !== '';
    return { points: has ? 0 : null, raw: '', bonus: null };
  }
  const raw = view.ownText(r, layout.pointsCol);
  if (!view.isOwner(r, layout.pointsCol)) return { points: null, raw, bonus: null };
  if (layout.scheme === 'bonus') {
    const b = signedBonus(raw);
    if (b !== null) return { points: 0, raw, bonus: b };
  }
  return { points: readPoints(view.value(r, layout.pointsCol)), raw, bonus: null };
}

/**
 * A numbered row of prose alone in its row (merged across the table or with the other columns empty),
 * after scored items and with no scored row after it: a note under the table ("1. 90分以上为优秀…"),
 * not an item, even without a 说明 / 注 row leading it.
 */
function isNotesRow(
  view: SheetView,
  r: number,
  cell: OwnCell,
  layout: Layout,
  candidates: readonly Candidate[],
): boolean {
  if (!NOTE_NUMBER.test(cell.text) || bareText(cell.text).length < NOTE_MIN) return false;
  if (!candidates.some((c) => c.points !== null)) return false;
  for (let k = r + 1; k < view.rows; k++) {
    if (ownCells(view, k, layout.contentCols).length === 0) continue;
    if (rowPoints(view, k, layout).points !== null) return false;
  }
  return true;
}

/** Pass 1: sort body rows into candidates, repeated headers, the total row; stop where the table ends. */
function scan(view: SheetView, header: FoundHeader, layout: Layout): Scan {
  const candidates: Candidate[] = [];
  const repeated: number[] = [];
  const subtotals: Scan['subtotals'] = [];
  let totalRow: number | null = null;
  let statedTotal: number | null = null;
  for (let r = header.lastRow + 1; r < view.rows; r++) {
    let own = ownCells(view, r, layout.contentCols);
    if (own.length === 0) continue;
    // A full-width label filled into every cell of its row (how some tools write a merge) is one cell.
    const filled = own.length >= 2 && own.every((o) => o.text === own[0]!.text);
    if (filled)
      own = [{ col: own[0]!.col, text: own[0]!.text, span: own[own.length - 1]!.col - own[0]!.col + 1 }];
    if (isRepeatedHeader(view, r, layout)) {
      repeated.push(r);
      if (header.lastRow > header.row && subHeaderCells(view, r + 1, header.right)) {
        repeated.push(r + 1);
        r++;
      }
      continue;
    }
    const read = filled ? { points: null, raw: '', bonus: null } : rowPoints(view, r, layout);
    const pointsRaw = read.raw;
    const points = read.points;
    const first = bareText(own[0]!.text);
    if (TOTAL_ROW.test(first) && first.length <= TOTAL_ROW_MAX) {
      totalRow = r;
      if (layout.pointsCol >= 0 && view.isOwner(r, layout.pointsCol))
        statedTotal = readPoints(view.value(r, layout.pointsCol)) ?? statedTotal;
      // A 总分 row directly under the header states the total; the items follow it.
      if (candidates.length === 0) continue;
      break;
    }
    const sub = own.find((o) => isSubtotalCell(o.text));
    if (
      (SUBTOTAL_ROW.test(first) && first.length <= TOTAL_ROW_MAX) ||
      (sub && sub.col !== layout.columns.criteria)
    ) {
      subtotals.push({ row: r, points, col: (sub ?? own[0]!).col, label: (sub ?? own[0]!).text });
      continue;
    }
    if (points === null && (END_ROW.test(norm(own[0]!.text)) || END_LABEL.test(first))) break;
    if (points === null && own.length === 1 && isNotesRow(view, r, own[0]!, layout, candidates)) break;
    let seqRank: number | null = null;
    // Without 序号 columns the row's cells stay as read (nobody changes them later).
    const rest =
      layout.seqCols.length === 0
        ? own
        : own.filter((o) => {
            if (!layout.seqCols.includes(o.col) || o.span > 1) return true;
            const k = seqRankOf(o.text);
            if (k === null) return true;
            seqRank = k;
            return false;
          });
    if (rest.length === 0 && points === null) continue;
    candidates.push({ row: r, own: rest, points, pointsRaw, bonus: read.bonus, seqRank });
  }
  return { candidates, repeated, totalRow, subtotals, statedTotal };
}

/**
 * The item column: the rightmost descriptive column in which most scored rows have text of their own
 * (not a cell merged over several scored rows).
 */
function ownsScoredRows(view: SheetView, candidates: Candidate[]): (c: number) => number {
  const scored = candidates.filter((c) => c.points !== null).map((c) => c.row);
  const scoredSet = new Set(scored);
  const ownsRow = (r: number, c: number): boolean => {
    if (!view.isOwner(r, c) || view.ownText(r, c) === '') return false;
    const m = view.merge(r, c);
    if (m) for (let k = r + 1; k <= m.bottom; k++) if (scoredSet.has(k)) return false;
    return true;
  };
  return (c) => scored.filter((r) => ownsRow(r, c)).length;
}

function itemColumn(view: SheetView, layout: Layout, candidates: Candidate[]): number | null {
  const scored = candidates.filter((c) => c.points !== null).map((c) => c.row);
  const scoredSet = new Set(scored);
  const ownsRow = (r: number, c: number): boolean => {
    if (!view.isOwner(r, c) || view.ownText(r, c) === '') return false;
    const m = view.merge(r, c);
    if (m) for (let k = r + 1; k <= m.bottom; k++) if (scoredSet.has(k)) return false;
    return true;
  };
  const counts = layout.descCols.map((c) => ({ c, n: scored.filter((r) => ownsRow(r, c)).length }));
  for (let i = counts.length - 1; i >= 0; i--) {
    const x = counts[i]!;
    if (x.n > 0 && x.n * 2 >= scored.length) return x.c;
  }
  // Every descriptive cell is merged over several items ("守信信息 | 党建领域 | 评价标准 | +5"): each
  // item is named by its 评分标准 / 评价标准 text.
  const crit = layout.columns.criteria;
  if (
    crit !== undefined &&
    scored.length > 0 &&
    scored.filter((r) => ownsRow(r, crit)).length >= scored.length * 0.8
  )
    return crit;
  for (let i = counts.length - 1; i >= 0; i--) if (counts[i]!.n > 0) return counts[i]!.c;
  return layout.descCols[layout.descCols.length - 1] ?? null;
}

/** Pass 2: build the group tree and the items. */
export type BodyRead = Omit<DetectedTable, 'sheet' | 'title' | 'declaredTotal'> & {
  /** Points stated on a 合计 / 总分 row, if any. */
  statedTotal: number | null;
};

export function readBody(view: SheetView, header: FoundHeader): BodyRead {
  let layout = layoutOf(header);
  const { candidates, repeated, totalRow, subtotals: subRows, statedTotal } = scan(view, header, layout);
  let itemCol = itemColumn(view, layout, candidates);
  // The columns left of the points are merged over several items in places (县农粮局 over three rows),
  // while a column right of them names every item: the hierarchy runs on into that column.
  const owned = ownsScoredRows(view, candidates);
  const scoredCount = candidates.filter((c) => c.points !== null).length;
  if (
    itemCol !== null &&
    layout.rightDesc.some((c) => owned(c) > owned(itemCol!) && owned(c) >= scoredCount * 0.8)
  ) {
    layout = { ...layout, descCols: [...layout.descCols, ...layout.rightDesc].sort((a, b) => a - b) };
    itemCol = itemColumn(view, layout, candidates);
  }
  const rankOf = (cand: Candidate): number | null => {
    if (cand.seqRank !== null) return cand.seqRank;
    const o = itemCol === null ? undefined : cand.own.find((x) => x.col === itemCol);
    return o ? splitNumbering(o.text).rank : null;
  };
  // "三、水岸联动 | 15 | (text)" over "8 | … | 3", "9 | … | 7" …: a row numbered a level above the rows
  // after it, whose points are their sum, heads them, even with text of its own in the rule column.
  const heads = new Set<number>();
  const ranks = candidates.map(rankOf);
  candidates.forEach((cand, idx) => {
    const k = ranks[idx] ?? null;
    if (k === null || cand.points === null) return;
    let sum = 0;
    let children = 0;
    for (let j = idx + 1; j < candidates.length; j++) {
      const next = candidates[j]!;
      const nk = ranks[j] ?? null;
      if (nk !== null && nk <= k) break;
      if (nk !== null && next.points !== null) {
        sum += Math.round(next.points * 100);
        children++;
      }
    }
    if (children > 0 && sum === Math.round(cand.points * 100)) heads.add(idx);
  });
  const { columns, pointsCol } = layout;
  const groupCols = itemCol === null ? [] : layout.descCols.filter((c) => c < itemCol);
  const firstDescCol = layout.descCols[0] ?? itemCol ?? pointsCol;
  const criteriaCol = columns.criteria;

  const groups: RubricGroup[] = [];
  const items: RubricItem[] = [];
  const rootGroupIds: string[] = [];
  const rootItemIds: string[] = [];
  const stack: Open[] = [];
  const byId = new Map<string, RubricGroup>();
  /** Whether the last thing read was an item (so a criteria-only row continues it). */
  let lastWasItem = false;

  const openGroup = (
    rank: Rank,
    text: string,
    cell: { row: number; col: number },
    bottom: number,
    key: number,
    fallbackPoints: number | null,
  ): RubricGroup => {
    while (stack.length > 0 && cmpRank(stack[stack.length - 1]!.rank, rank) >= 0) stack.pop();
    const parent = stack[stack.length - 1]?.group ?? null;
    const p = parseGroupLabel(text);
    const group: RubricGroup = {
      id: `g${groups.length + 1}`,
      level: stack.length + 1,
      label: p.label,
      text,
      numbering: p.numbering,
      declaredPoints: p.declaredPoints ?? fallbackPoints,
      cell: { row: cell.row, col: cell.col },
      firstRow: cell.row,
      lastRow: Math.max(cell.row, bottom),
      parentId: parent ? parent.id : null,
      groupIds: [],
      itemIds: [],
    };
    groups.push(group);
    byId.set(group.id, group);
    if (parent) parent.groupIds.push(group.id);
    else rootGroupIds.push(group.id);
    stack.push({ group, rank, key, normText: norm(text) });
    return group;
  };

  /** Numbering rank of the next row with text in the item column, or null. */
  const nextItemRank = (idx: number): number | null => {
    if (itemCol === null) return null;
    for (let j = idx + 1; j < candidates.length; j++) {
      const c = candidates[j]!;
      const o = c.own.find((x) => x.col === itemCol);
      if (o) return splitNumbering(o.text).rank ?? c.seqRank;
    }
    return null;
  };

  const findOpen = (rank: Rank): Open | undefined => findOpenAt(rank[0], rank[1]);
  const findOpenAt = (kind: number, at: number): Open | undefined => {
    for (const o of stack) if (o.rank[0] === kind && o.rank[1] === at) return o;
    return undefined;
  };
  const keyOf = (r: number, c: number): number => r * (view.cols + 1) + c;

  /** Open or continue the groups named in the group columns at row r; returns groups opened. */
  const columnGroups = (r: number, fallbackPoints: number | null): RubricGroup[] => {
    const opened: RubricGroup[] = [];
    for (let p = 0; p < groupCols.length; p++) {
      const gc = groupCols[p]!;
      // One merge lookup: the label shown at (r, gc) and the cell it lives in.
      const m = view.merge(r, gc);
      const atRow = m ? m.top : r;
      const atCol = m ? m.left : gc;
      // Covered by a label merged from the column on its left ("组织领导" over B:C): not a group of its own.
      if (atCol !== gc) continue;
      const text = textOf(view.value(atRow, atCol));
      if (text === '') continue;
      // A cell spanning into the item column is the item's own text, not a group; it ends the groups
      // open in this column and those right of it.
      if (itemCol !== null && (m?.right ?? gc) >= itemCol) {
        while (stack.length > 0 && cmpRank(stack[stack.length - 1]!.rank, [1, p]) >= 0) stack.pop();
        continue;
      }
      const key = keyOf(atRow, atCol);
      const open = findOpenAt(1, p);
      // A label repeated on a new page (same text, new cell) continues the group.
      if (open && (open.key === key || open.normText === norm(text))) continue;
      const gp = layout.groupPointsCol.get(gc);
      const own = gp === undefined ? null : readPoints(view.shown(atRow, gp));
      const at = { row: atRow, col: atCol };
      opened.push(openGroup([1, p], text, at, m ? m.bottom : atRow, key, own));
    }
    const deepest = opened[opened.length - 1];
    if (deepest && deepest.declaredPoints === null) deepest.declaredPoints = fallbackPoints;
    return opened;
  };

  const extend = (ids: readonly string[], row: number): void => {
    for (const id of ids) {
      const g = byId.get(id);
      if (g && g.lastRow < row) g.lastRow = row;
    }
  };

  candidates.forEach((cand, idx) => {
    const r = cand.row;
    const own = cand.own;
    const hasPointsCell = cand.pointsRaw !== '';
    const itemOwn = itemCol !== null ? ownAt(own, itemCol) : undefined;
    const critOwn = criteriaCol !== undefined ? ownAt(own, criteriaCol) : undefined;
    // The row's text cells (not its points, nor a bare number outside the descriptive columns): how
    // many, the first, and the first in the descriptive columns (or left of them), without arrays.
    let textCount = 0;
    let firstText: OwnCell | undefined;
    let firstDesc: OwnCell | undefined;
    for (const o of own) {
      if (o.col === pointsCol || (BARE_NUMBER.test(o.text) && !layout.descCols.includes(o.col))) continue;
      textCount++;
      firstText ??= o;
      if (firstDesc === undefined && (layout.descCols.includes(o.col) || o.col < firstDescCol)) firstDesc = o;
    }

    // A row inside the merged points cell of the item above: more of that item's text.
    const prev = items[items.length - 1];
    if (prev && lastWasItem && view.merge(r, pointsCol)?.top === prev.row && r <= prev.lastRow) {
      const add = (cur: string, col: number | null | undefined): string => {
        const o = col === null || col === undefined ? undefined : ownAt(own, col);
        return o ? (cur ? `${cur}\n${o.text}` : o.text) : cur;
      };
      prev.text = add(prev.text, itemCol);
      if (columns.requirement !== undefined && columns.requirement === itemCol) prev.requirement = prev.text;
      else prev.requirement = add(prev.requirement, columns.requirement);
      prev.criteria = add(prev.criteria, criteriaCol);
      prev.method = add(prev.method, columns.method);
      return;
    }

    if (heads.has(idx)) {
      const label = (itemOwn ?? firstDesc ?? firstText)!;
      const rank: Rank = [0, rankOf(cand) ?? UNNUMBERED_RANK];
      const m = view.merge(r, label.col);
      openGroup(
        rank,
        label.text,
        { row: r, col: label.col },
        m ? m.bottom : r,
        keyOf(r, label.col),
        cand.points,
      );
      lastWasItem = false;
      return;
    }

    // A group header row.
    const single = textCount === 1 ? firstText! : null;
    if (single && !critOwn && (!hasPointsCell || cand.points !== null)) {
      const spans = single.span >= 2;
      const placed = single.col <= firstDescCol;
      const p = parseLabel(single.text);
      const groupish = p.declaredPoints !== null || (p.rank !== null && p.rank <= 1);
      const notTheItem = single.col !== itemCol || spans || groupish;
      // "（一）组织建设 | 15 |" above "1.班子健全 | 5 | 扣…": a row of the item column with points but no
      // criteria, numbered one level above the next row, heads the rows below it.
      const rank = p.rank ?? cand.seqRank ?? (p.declaredPoints !== null ? UNNUMBERED_RANK : null);
      const heads =
        single.col === itemCol &&
        hasPointsCell &&
        rank !== null &&
        (criteriaCol === undefined || view.shownText(r, criteriaCol) === '') &&
        (nextItemRank(idx) ?? -1) > rank;
      if (heads || ((placed || spans) && notTheItem && (single.col !== itemCol || !hasPointsCell))) {
        const rank: Rank = [0, p.rank ?? cand.seqRank ?? UNNUMBERED_RANK];
        const open = findOpen(rank);
        if (!(open && open.normText === norm(single.text))) {
          const m = view.merge(r, single.col);
          openGroup(
            rank,
            single.text,
            { row: r, col: single.col },
            m ? m.bottom : r,
            keyOf(r, single.col),
            cand.points,
          );
        }
        lastWasItem = false;
        return;
      }
    }

    // Criteria or method text running on below an item.
    if (!hasPointsCell && firstDesc === undefined) {
      const last = items[items.length - 1];
      if (last && lastWasItem) {
        if (critOwn) last.criteria = last.criteria ? `${last.criteria}\n${critOwn.text}` : critOwn.text;
        const mc = columns.method;
        const methodOwn = mc !== undefined ? ownAt(own, mc) : undefined;
        if (methodOwn) last.method = last.method ? `${last.method}\n${methodOwn.text}` : methodOwn.text;
        last.lastRow = Math.max(last.lastRow, r);
        extend(last.groupIds, r);
      }
      return;
    }

    // A row naming groups only (in the group columns), possibly with the group's points.
    const itemShown = itemCol !== null ? view.shownText(r, itemCol) : '';
    const groupOnly =
      !itemOwn &&
      !critOwn &&
      groupCols.some((gc) => ownAt(own, gc) !== undefined) &&
      (!hasPointsCell || itemShown === '');
    if (groupOnly) {
      columnGroups(r, cand.points);
      lastWasItem = false;
      return;
    }

    if (!itemOwn && !hasPointsCell && !critOwn) return;

    // An item numbered at the level of the open group rows ("五、加强宣传 | 7" after "四、…") closes them.
    const level = rankOf(cand);
    if (level !== null) {
      const cut = stack.findIndex((o) => o.rank[0] === 0 && o.rank[1] >= level);
      if (cut >= 0) stack.length = cut;
    }
    columnGroups(r, null);
    const text =
      itemCol !== null ? itemShown : criteriaCol !== undefined ? view.shownText(r, criteriaCol) : '';
    const split = splitNumbering(text);
    let lastRow = r;
    for (const c of [itemCol, pointsCol]) {
      if (c === null) continue;
      const m = view.merge(r, c);
      if (m && m.top === r) lastRow = Math.max(lastRow, m.bottom);
    }
    // Rows inside this item's merged points cell continue it; any other next row ends it.
    let next: Candidate | undefined;
    for (let j = idx + 1; j < candidates.length && !next; j++)
      if (view.merge(candidates[j]!.row, pointsCol)?.top !== r) next = candidates[j];
    if (next && lastRow >= next.row) lastRow = next.row - 1;
    const groupIds = stack.map((o) => o.group.id);
    let points = cand.points;
    // A 奖扣分 item with no points cell: it only adds or deducts (its rule says how much).
    if (
      points === null &&
      cand.pointsRaw === '' &&
      [text, ...stack.map((o) => o.group.text)].some(
        (t) => VETO_SECTION.test(norm(t)) || (layout.textPointsCol === null && BONUS_SECTION.test(norm(t))),
      )
    )
      points = 0;
    const pointsAt =
      layout.textPointsCol ?? (pointsCol >= 0 ? pointsCol : (criteriaCol ?? itemCol ?? header.left));
    const item: RubricItem = {
      id: `i${items.length + 1}`,
      row: r,
      lastRow,
      text,
      label: shorten(split.rest || text),
      numbering: split.numbering,
      points,
      pointsRaw: cand.pointsRaw,
      pointsCell: { row: r, col: pointsAt },
      criteria: criteriaCol !== undefined ? view.shownText(r, criteriaCol) : '',
      criteriaCell: criteriaCol !== undefined ? view.owner(r, criteriaCol) : null,
      criteriaShared: false,
      requirement: columns.requirement !== undefined ? view.shownText(r, columns.requirement) : '',
      method: columns.method !== undefined ? view.shownText(r, columns.method) : '',
      groupIds,
    };
    if (layout.textPointsCol !== null) item.pointsFrom = 'text';
    if (cand.bonus !== null) item.bonus = cand.bonus;
    if (layout.vetoCol !== undefined && /^(是|有|√|✓)$/.test(norm(view.shownText(r, layout.vetoCol))))
      item.veto = true;
    if (layout.roleCols.length > 0)
      item.rolePoints = [points, ...layout.roleCols.map((c) => readPoints(view.value(r, c)))];
    items.push(item);
    const parent = stack[stack.length - 1]?.group;
    if (parent) parent.itemIds.push(item.id);
    else rootItemIds.push(item.id);
    extend(groupIds, lastRow);
    lastWasItem = true;
  });

  // One 评分标准 cell merged over several items is shared by them.
  const sharers = new Map<string, RubricItem[]>();
  for (const it of items) {
    if (!it.criteriaCell || it.criteria === '' || !view.merge(it.criteriaCell.row, it.criteriaCell.col))
      continue;
    const k = `${it.criteriaCell.row},${it.criteriaCell.col}`;
    sharers.set(k, [...(sharers.get(k) ?? []), it]);
  }
  for (const list of sharers.values()) if (list.length > 1) for (const it of list) it.criteriaShared = true;

  const subtotals = matchSubtotals(view, subRows, items, groups, groupCols);

  const firstRow = header.lastRow + 1;
  let lastRow = firstRow - 1;
  for (const it of items) lastRow = Math.max(lastRow, it.lastRow);
  for (const g of groups) lastRow = Math.max(lastRow, g.lastRow);
  if (totalRow !== null) lastRow = Math.max(lastRow, totalRow);
  return {
    headerRow: header.row,
    repeatedHeaderRows: repeated.filter((r) => r <= lastRow),
    columns,
    headers: Object.fromEntries([...header.cells].map(([role, cell]) => [role, cell.text])),
    firstRow,
    lastRow,
    totalRow,
    groups,
    items,
    rootGroupIds,
    rootItemIds,
    subtotals,
    statedTotal,
  };
}

/**
 * The items each 小计 row sums. A subtotal row showing a group's label (the category repeated on every
 * row, 小计 beside it) sums that group. Otherwise position decides: subtotals after their items sum
 * the items since the previous subtotal; subtotals before their items (the first one above any item)
 * sum the items up to the next subtotal.
 */
function matchSubtotals(
  view: SheetView,
  rows: Scan['subtotals'],
  items: RubricItem[],
  groups: RubricGroup[],
  groupCols: number[],
): Subtotal[] {
  if (rows.length === 0) return [];
  const firstItem = items[0]?.row ?? Number.POSITIVE_INFINITY;
  const before = rows[0]!.row < firstItem;
  return rows.map((s, k) => {
    let group: RubricGroup | undefined;
    for (const gc of groupCols) {
      const t = norm(view.shownText(s.row, gc));
      if (t === '' || /小计|合计/.test(t)) continue;
      const hit = groups.filter((g) => g.cell.col === gc && norm(g.text) === t && g.firstRow < s.row).pop();
      if (hit) group = hit;
    }
    let covered: RubricItem[];
    if (group) {
      const id = group.id;
      covered = items.filter((i) => i.groupIds.includes(id));
    } else if (before) {
      const next = rows[k + 1]?.row ?? Number.POSITIVE_INFINITY;
      covered = items.filter((i) => i.row > s.row && i.row < next);
    } else {
      const prev = rows[k - 1]?.row ?? -1;
      covered = items.filter((i) => i.row > prev && i.row < s.row);
    }
    return {
      row: s.row,
      cell: { row: s.row, col: s.col },
      label: s.label,
      declared: s.points,
      itemIds: covered.map((i) => i.id),
    };
  });
}
