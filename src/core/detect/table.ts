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
import type { ColumnRole, DetectedTable, RubricGroup, RubricItem } from '../rubric';
import { CN_NUM_CHARS, norm } from '../text';
import type { FoundHeader } from './header';
import { isHeaderRow, rowHeaderCells, subHeaderCells } from './header';
import { parseLabel, shorten, splitNumbering, UNNUMBERED_RANK } from './label';
import { readPoints } from './points';
import type { SheetView } from './view';

const ASSESSOR_ROLES: readonly ColumnRole[] = ['deduction', 'score', 'reason', 'selfScore'];
const DESCRIPTIVE_ROLES: readonly ColumnRole[] = ['project', 'content', 'requirement'];

/** A 合计 / 总分 row (spaces were removed by norm, so "合 计" matches too). */
const TOTAL_ROW = /^(合计|总计|总分|总得分|得分合计|合计得分|共计|分值合计)/;
const TOTAL_ROW_MAX = 10;
/** Subtotal rows repeat the sum of a group; they are neither items nor the table total. */
const SUBTOTAL_ROW = /^(小计|分项合计|本项合计)/;
/** Text that starts what follows a table: signatures, dates, notes. */
const END_ROW =
  /^(考核人|考核组|考核小组|考评人|被考核|考核单位|考核对象|签字|签名|审核人|负责人|填表|制表|考核日期|日期:|备注:|说明:|注:|注\d|附:|附件)/;
/** A note's label standing alone in its cell, the note itself beside or below it. */
const END_LABEL = /^(备注|说明|注|附注|填表说明|注意事项)$/;
const PUNCT = /[\s()（）:：、,，.。;；]/g;
const BARE_NUMBER = /^\s*\d+(\.\d+)?\s*$/;

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
  /** Numbering rank of the row's 序号 cell ("一" → 0, "1" → 2), or null. */
  seqRank: number | null;
}

type Rank = readonly [number, number];

interface Open {
  group: RubricGroup;
  rank: Rank;
  key: string;
  normText: string;
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
}

function layoutOf(header: FoundHeader): Layout {
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, cell] of header.cells) columns[role] = cell.col;
  const assessor = new Set(ASSESSOR_ROLES.map((r) => columns[r]).filter((c): c is number => c !== undefined));
  const pointsCol = columns.points ?? header.left;
  const allDesc = DESCRIPTIVE_ROLES.map((r) => columns[r])
    .filter((c): c is number => c !== undefined)
    .sort((a, b) => a - b);
  // The hierarchy is read from the columns left of the points; a 目标要求 placed after 分值 is detail.
  const left = allDesc.filter((c) => c < pointsCol);
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
  return { columns, pointsCol, descCols, contentCols, groupPointsCol, seqCols };
}

/** Numbering rank of a 序号 cell: "一" and "一、" as 一、, "1" and "1." as 1、, "（一）" as (一). */
function seqRankOf(text: string): number | null {
  const t = norm(text);
  if (new RegExp(`^[${CN_NUM_CHARS}]+$`).test(t)) return splitNumbering(`${t}、`).rank;
  if (/^\d+$/.test(t)) return splitNumbering(`${t}、`).rank;
  const s = splitNumbering(text);
  return s.rest === '' ? s.rank : null;
}

function ownCells(view: SheetView, r: number, cols: readonly number[]): OwnCell[] {
  const out: OwnCell[] = [];
  for (const c of cols) {
    if (!view.isOwner(r, c)) continue;
    const text = view.ownText(r, c);
    if (text === '') continue;
    const m = view.merge(r, c);
    out.push({ col: c, text, span: m ? m.right - m.left + 1 : 1 });
  }
  return out;
}

function isRepeatedHeader(view: SheetView, r: number, layout: Layout): boolean {
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
}

/** Pass 1: sort body rows into candidates, repeated headers, the total row; stop where the table ends. */
function scan(view: SheetView, header: FoundHeader, layout: Layout): Scan {
  const candidates: Candidate[] = [];
  const repeated: number[] = [];
  let totalRow: number | null = null;
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
    const pointsRaw = filled ? '' : view.ownText(r, layout.pointsCol);
    const points =
      !filled && view.isOwner(r, layout.pointsCol) ? readPoints(view.value(r, layout.pointsCol)) : null;
    const first = norm(own[0]!.text).replace(PUNCT, '');
    if (TOTAL_ROW.test(first) && first.length <= TOTAL_ROW_MAX) {
      totalRow = r;
      break;
    }
    if (SUBTOTAL_ROW.test(first) && first.length <= TOTAL_ROW_MAX) continue;
    if (points === null && (END_ROW.test(norm(own[0]!.text)) || END_LABEL.test(first))) break;
    let seqRank: number | null = null;
    const rest = own.filter((o) => {
      if (!layout.seqCols.includes(o.col) || o.span > 1) return true;
      const k = seqRankOf(o.text);
      if (k === null) return true;
      seqRank = k;
      return false;
    });
    if (rest.length === 0 && points === null) continue;
    candidates.push({ row: r, own: rest, points, pointsRaw, seqRank });
  }
  return { candidates, repeated, totalRow };
}

/**
 * The item column: the rightmost descriptive column in which most scored rows have text of their own
 * (not a cell merged over several scored rows).
 */
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
  for (let i = counts.length - 1; i >= 0; i--) if (counts[i]!.n > 0) return counts[i]!.c;
  return layout.descCols[layout.descCols.length - 1] ?? null;
}

/** Pass 2: build the group tree and the items. */
export function readBody(
  view: SheetView,
  header: FoundHeader,
): Omit<DetectedTable, 'sheet' | 'title' | 'declaredTotal'> {
  const layout = layoutOf(header);
  const { candidates, repeated, totalRow } = scan(view, header, layout);
  const itemCol = itemColumn(view, layout, candidates);
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
    key: string,
    fallbackPoints: number | null,
  ): RubricGroup => {
    while (stack.length > 0 && cmpRank(stack[stack.length - 1]!.rank, rank) >= 0) stack.pop();
    const parent = stack[stack.length - 1]?.group ?? null;
    const p = parseLabel(text);
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
    for (const c of candidates.slice(idx + 1)) {
      const o = c.own.find((x) => x.col === itemCol);
      if (o) return splitNumbering(o.text).rank ?? c.seqRank;
    }
    return null;
  };

  const findOpen = (rank: Rank): Open | undefined => stack.find((o) => cmpRank(o.rank, rank) === 0);

  /** Open or continue the groups named in the group columns at row r; returns groups opened. */
  const columnGroups = (r: number, fallbackPoints: number | null): RubricGroup[] => {
    const opened: RubricGroup[] = [];
    groupCols.forEach((gc, p) => {
      const text = view.shownText(r, gc);
      if (text === '') return;
      // A cell spanning into the item column is the item's own text, not a group; it ends the groups
      // open in this column and those right of it.
      if (itemCol !== null && (view.merge(r, gc)?.right ?? gc) >= itemCol) {
        while (stack.length > 0 && cmpRank(stack[stack.length - 1]!.rank, [1, p]) >= 0) stack.pop();
        return;
      }
      const at = view.owner(r, gc);
      const key = `${at.row},${at.col}`;
      const rank: Rank = [1, p];
      const open = findOpen(rank);
      // A label repeated on a new page (same text, new cell) continues the group.
      if (open && (open.key === key || open.normText === norm(text))) return;
      const m = view.merge(r, gc);
      const gp = layout.groupPointsCol.get(gc);
      const own = gp === undefined ? null : readPoints(view.shown(at.row, gp));
      opened.push(openGroup(rank, text, at, m ? m.bottom : at.row, key, own));
    });
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
    const at = new Map(cand.own.map((o) => [o.col, o]));
    const hasPointsCell = cand.pointsRaw !== '';
    const itemOwn = itemCol !== null ? at.get(itemCol) : undefined;
    const critOwn = criteriaCol !== undefined ? at.get(criteriaCol) : undefined;
    const textCells = cand.own.filter(
      (o) => o.col !== pointsCol && !(BARE_NUMBER.test(o.text) && !layout.descCols.includes(o.col)),
    );
    const descOwn = textCells.filter((o) => layout.descCols.includes(o.col) || o.col < firstDescCol);

    // A row inside the merged points cell of the item above: more of that item's text.
    const prev = items[items.length - 1];
    if (prev && lastWasItem && view.merge(r, pointsCol)?.top === prev.row && r <= prev.lastRow) {
      const add = (cur: string, col: number | null | undefined): string => {
        const o = col === null || col === undefined ? undefined : at.get(col);
        return o ? (cur ? `${cur}\n${o.text}` : o.text) : cur;
      };
      prev.text = add(prev.text, itemCol);
      if (columns.requirement !== undefined && columns.requirement === itemCol) prev.requirement = prev.text;
      else prev.requirement = add(prev.requirement, columns.requirement);
      prev.criteria = add(prev.criteria, criteriaCol);
      prev.method = add(prev.method, columns.method);
      return;
    }

    // A group header row.
    const single = textCells.length === 1 ? textCells[0]! : null;
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
            `${r},${single.col}`,
            cand.points,
          );
        }
        lastWasItem = false;
        return;
      }
    }

    // Criteria or method text running on below an item.
    if (!hasPointsCell && descOwn.length === 0) {
      const last = items[items.length - 1];
      if (last && lastWasItem) {
        if (critOwn) last.criteria = last.criteria ? `${last.criteria}\n${critOwn.text}` : critOwn.text;
        const mc = columns.method;
        const methodOwn = mc !== undefined ? at.get(mc) : undefined;
        if (methodOwn) last.method = last.method ? `${last.method}\n${methodOwn.text}` : methodOwn.text;
        last.lastRow = Math.max(last.lastRow, r);
        extend(last.groupIds, r);
      }
      return;
    }

    // A row naming groups only (in the group columns), possibly with the group's points.
    const itemShown = itemCol !== null ? view.shownText(r, itemCol) : '';
    const groupOnly =
      !itemOwn && !critOwn && groupCols.some((gc) => at.has(gc)) && (!hasPointsCell || itemShown === '');
    if (groupOnly) {
      columnGroups(r, cand.points);
      lastWasItem = false;
      return;
    }

    if (!itemOwn && !hasPointsCell && !critOwn) return;

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
    const next = candidates.slice(idx + 1).find((c) => view.merge(c.row, pointsCol)?.top !== r);
    if (next && lastRow >= next.row) lastRow = next.row - 1;
    const groupIds = stack.map((o) => o.group.id);
    const item: RubricItem = {
      id: `i${items.length + 1}`,
      row: r,
      lastRow,
      text,
      label: shorten(split.rest || text),
      numbering: split.numbering,
      points: cand.points,
      pointsRaw: cand.pointsRaw,
      pointsCell: { row: r, col: pointsCol },
      criteria: criteriaCol !== undefined ? view.shownText(r, criteriaCol) : '',
      criteriaCell: criteriaCol !== undefined ? view.owner(r, criteriaCol) : null,
      criteriaShared: false,
      requirement: columns.requirement !== undefined ? view.shownText(r, columns.requirement) : '',
      method: columns.method !== undefined ? view.shownText(r, columns.method) : '',
      groupIds,
    };
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
  };
}
