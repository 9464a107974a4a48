/** Checks of the rubric itself: declared points against the items, the total, numbering, rules. */
import { a1 } from '../a1';
import { baseScoreIn } from '../detect/content';
import type { SheetGrid } from '../grid';
import { type Issue, issue } from '../issues';
import { fmt, fromCents, toCents } from '../num';
import { BONUS_SECTION } from '../detect/table';
import type { DetectedTable, DetectNote, RubricGroup, RubricItem } from '../rubric';
import type { Rule } from '../rules/types';
import { memoized, parseNumber } from '../text';

/** How many of the unpointed items' cells the sheet-level finding names. */
const SHOWN_CELLS = 3;

/** A table's items and groups by id, and the items under each group (in sheet order), built once. */
interface Index {
  itemById: Map<string, RubricItem>;
  groupById: Map<string, RubricGroup>;
  under: Map<string, RubricItem[]>;
}

function indexOf(table: DetectedTable): Index {
  const itemById = new Map<string, RubricItem>();
  const under = new Map<string, RubricItem[]>();
  for (const i of table.items) {
    itemById.set(i.id, i);
    for (const id of i.groupIds) {
      const list = under.get(id);
      if (!list) under.set(id, [i]);
      // An id listed twice on one item still puts it under its group once.
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  const groupById = new Map<string, RubricGroup>();
  for (const g of table.groups) groupById.set(g.id, g);
  return { itemById, groupById, under };
}

function itemsUnder(index: Index, g: RubricGroup): readonly RubricItem[] {
  return index.under.get(g.id) ?? [];
}

/** The items of a list of ids, skipping ids of no item. */
function itemsOf(index: Index, ids: readonly string[]): RubricItem[] {
  const out: RubricItem[] = [];
  for (const id of ids) {
    const i = index.itemById.get(id);
    if (i) out.push(i);
  }
  return out;
}

function pointsCents(items: readonly RubricItem[]): number {
  let acc = 0;
  for (const i of items) acc += toCents(i.points ?? 0);
  return acc;
}

/**
 * The ordinal a numbering stands for: "(3)" → 3, "三、" → 3, "③" → 3, "(三)" → 3; null when none.
 */
export function ordinal(numbering: string | null): number | null {
  if (!numbering) return null;
  return ordinalOf(numbering);
}

/** The same numberings recur on every sheet: each is read once. */
const ordinalOf = memoized((numbering: string): number | null => {
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
  const c = circled.indexOf(numbering.trim()[0] ?? '');
  if (c >= 0) return c + 1;
  const core = numbering.replace(/[()（）、.．,，\s:：]/g, '');
  return parseNumber(core);
});

const numberingStyle = memoized((numbering: string): string => {
  const n = numbering.trim();
  if (/^[①-⑳]/.test(n)) return 'circled';
  if (/^[(（]\s*\d/.test(n)) return 'paren-arabic';
  if (/^[(（]/.test(n)) return 'paren-cn';
  if (/^\d/.test(n)) return 'arabic';
  return 'cn';
});

/** Numbering gaps in one ordered list of numbered things (items of a group, or sibling groups). */
function gaps(
  sheet: string,
  entries: readonly { numbering: string | null; row: number; col: number; id: string }[],
  out: Issue[],
): void {
  let prev: { n: number; numbering: string; style: string } | null = null;
  for (const e of entries) {
    if (!e.numbering) continue;
    const n = ordinal(e.numbering);
    if (n === null) continue;
    const style = numberingStyle(e.numbering);
    if (prev && prev.style === style && n > prev.n + 1) {
      const missing: string[] = [];
      for (let k = prev.n + 1; k < n && missing.length < 5; k++) missing.push(String(k));
      out.push(
        issue(
          'numberingGap',
          sheet,
          a1(e.row, e.col),
          { before: prev.numbering, after: e.numbering, missing: missing.join('、') },
          e.id,
        ),
      );
    }
    prev = { n, numbering: e.numbering, style };
  }
}

/**
 * A group whose parts each carry the group's whole points ("部门履职差异考核项目 60" over one 60-point
 * part per department, "按部门分值各60分考核"): each assessed unit takes one part. Returns the number of
 * parts, or 0 when the group is an ordinary sum.
 */
function alternativeParts(index: Index, g: RubricGroup): number {
  if (g.declaredPoints === null || g.itemIds.length > 0 || g.groupIds.length === 0) return 0;
  const want = toCents(g.declaredPoints);
  let parts = 0;
  const walk = (id: string): boolean => {
    const child = index.groupById.get(id);
    if (!child) return false;
    if (pointsCents(itemsUnder(index, child)) === want) {
      parts++;
      return true;
    }
    return child.itemIds.length === 0 && child.groupIds.length > 0 && child.groupIds.every(walk);
  };
  return g.groupIds.every(walk) && parts >= 2 ? parts : 0;
}

/** Points of a group as the total counts them: an alternatives group counts once. */
function effectiveCents(table: DetectedTable, index: Index, alternatives: Map<string, number>): number {
  const ofGroup = (g: RubricGroup): number => {
    if (alternatives.has(g.id)) return toCents(g.declaredPoints ?? 0);
    let c = pointsCents(itemsOf(index, g.itemIds));
    for (const id of g.groupIds) {
      const child = index.groupById.get(id);
      if (child) c += ofGroup(child);
    }
    return c;
  };
  let total = pointsCents(itemsOf(index, table.rootItemIds));
  for (const id of table.rootGroupIds) {
    const g = index.groupById.get(id);
    if (g) total += ofGroup(g);
  }
  return total;
}

/** Points of items in bonus / penalty sections (奖扣分项目, 加分项), which a stated total may leave out. */
function bonusSectionCents(table: DetectedTable, index: Index): number {
  // Each group's text is tested once, not once per item under it.
  const bonusGroup = new Map<string, boolean>();
  const isBonusGroup = (id: string): boolean => {
    let b = bonusGroup.get(id);
    if (b === undefined) {
      b = BONUS_SECTION.test(index.groupById.get(id)?.text ?? '');
      bonusGroup.set(id, b);
    }
    return b;
  };
  let cents = 0;
  for (const i of table.items)
    if (BONUS_SECTION.test(i.text) || i.groupIds.some(isBonusGroup)) cents += toCents(i.points ?? 0);
  return cents;
}

/** The sheet-level notes detection made (fallbacks, schemes), as issues. */
function noteIssues(table: DetectedTable): Issue[] {
  const sheet = table.sheet;
  const at = (col: number): string => a1(table.headerRow, col);
  const one = (n: DetectNote): Issue | null => {
    switch (n.kind) {
      case 'criteriaFromText':
        return issue('criteriaNotFound', sheet, null, { from: n.from });
      case 'criteriaByContent':
        return issue('columnByContent', sheet, at(n.col), { header: n.header, role: 'criteria' });
      case 'pointsFromText':
        return issue('pointsFromText', sheet, null, { from: n.from, count: n.count });
      case 'rolePoints':
        return issue('pointsByRole', sheet, null, { scored: n.scored, others: n.others });
      case 'scheme':
        // Said by schemeIssue, which needs the sheet's cells to say where the scheme was read.
        return null;
      case 'vetoColumn':
        return issue('vetoColumn', sheet, null, { header: n.header, count: n.count });
      case 'alternatives':
        return issue('pointsAlternatives', sheet, null, {
          group: n.group,
          each: fmt(n.each),
          count: n.count,
        });
    }
  };
  return (table.notes ?? []).map(one).filter((i): i is Issue => i !== null);
}

/** The cell where a base-score table states its 基本分: the first cell whose text says it. */
function baseCell(grid: SheetGrid): string | null {
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && baseScoreIn([v]) !== null) return a1(r, c);
    }
  }
  return null;
}

/**
 * The finding that a table follows another scheme than points added up (基本分, bonus only, per
 * occurrence), with where it was read: the 基本分 text, or the header of the points column.
 */
export function schemeIssue(grid: SheetGrid, table: DetectedTable): Issue | null {
  const n = table.notes?.find((x) => x.kind === 'scheme');
  if (n?.kind !== 'scheme') return null;
  const pointsCol = table.columns.points;
  const header = pointsCol === undefined ? null : a1(table.headerRow, pointsCol);
  const cell = n.scheme === 'base' ? (baseCell(grid) ?? header) : header;
  return issue('pointsScheme', table.sheet, cell, {
    scheme: n.scheme,
    base: n.base === null ? '' : fmt(n.base),
    max: n.max === null ? '' : fmt(n.max),
    at: cell === null ? '' : `${table.sheet}!${cell}`,
  });
}

/** Rubric integrity findings for a detected table and its rules. */
export function checkIntegrity(table: DetectedTable, rules: Record<string, Rule>): Issue[] {
  const out: Issue[] = noteIssues(table);
  const sheet = table.sheet;
  const index = indexOf(table);
  const scheme = table.scheme ?? 'points';
  for (const item of table.items) {
    if (item.points === null) {
      out.push(
        issue(
          'pointsMissing',
          sheet,
          a1(item.pointsCell.row, item.pointsCell.col),
          { found: item.pointsRaw, item: item.label },
          item.id,
        ),
      );
    }
  }
  const unpointed = table.items.filter((i) => i.points === null);
  if (unpointed.length > 0) {
    // Said once for the sheet as well: the maximum beside the total is not whole while these stand.
    const cells = unpointed.slice(0, SHOWN_CELLS).map((i) => a1(i.pointsCell.row, i.pointsCell.col));
    out.push(
      issue('maxUndecided', sheet, null, {
        count: unpointed.length,
        cells: cells.join('、'),
        more: unpointed.length > SHOWN_CELLS ? 1 : 0,
        // On a base-score or bonus-only table the maximum is not the sum of points: not said.
        max: scheme === 'points' ? fmt(fromCents(pointsCents(table.items))) : '',
      }),
    );
  }
  const alternatives = new Map<string, number>();
  for (const g of table.groups) {
    const parts = alternativeParts(index, g);
    if (parts > 0) alternatives.set(g.id, parts);
  }
  for (const g of table.groups) {
    if (g.declaredPoints === null) continue;
    const parts = alternatives.get(g.id);
    if (parts !== undefined) {
      out.push(
        issue('pointsAlternatives', sheet, a1(g.cell.row, g.cell.col), {
          group: g.text,
          each: fmt(g.declaredPoints),
          count: parts,
        }),
      );
      continue;
    }
    const sum = pointsCents(itemsUnder(index, g));
    if (sum !== toCents(g.declaredPoints)) {
      out.push(
        issue(
          'pointsSumMismatch',
          sheet,
          a1(g.cell.row, g.cell.col),
          {
            group: g.text,
            declared: fmt(g.declaredPoints),
            sum: fmt(fromCents(sum)),
          },
          g.id,
        ),
      );
    }
  }
  for (const st of table.subtotals ?? []) {
    if (st.declared === null || st.itemIds.length === 0) continue;
    const sum = pointsCents(itemsOf(index, st.itemIds));
    if (sum !== toCents(st.declared)) {
      out.push(
        issue('pointsSumMismatch', sheet, a1(st.cell.row, st.cell.col), {
          group: st.label,
          declared: fmt(st.declared),
          sum: fmt(fromCents(sum)),
        }),
      );
    }
  }

  const total = effectiveCents(table, index, alternatives);
  // The sheet's maximum adds every part up, more than any one unit can score: say so, once.
  const allCents = pointsCents(table.items);
  if (scheme === 'points' && alternatives.size > 0 && allCents > total) {
    out.push(
      issue('maxAlternatives', sheet, null, {
        sum: fmt(fromCents(allCents)),
        unit: fmt(fromCents(total)),
        count: [...alternatives.values()].reduce((a, n) => a + n, 0),
      }),
    );
  }
  const headerCell = table.columns.points === undefined ? null : a1(table.headerRow, table.columns.points);
  // A stated total may leave out the 奖扣分 / 加分 section.
  let bonusCents: number | undefined;
  const totalFits = (declared: number): boolean => {
    if (toCents(declared) === total) return true;
    bonusCents ??= bonusSectionCents(table, index);
    return toCents(declared) === total - bonusCents;
  };
  if (scheme !== 'points') {
    // Base-score, bonus-only and demerit tables have no sum of points to check.
  } else if (table.declaredTotal !== null && !totalFits(table.declaredTotal)) {
    out.push(
      issue('declaredTotalMismatch', sheet, headerCell, {
        declared: fmt(table.declaredTotal),
        sum: fmt(fromCents(total)),
      }),
    );
  } else if (table.declaredTotal === null && !totalFits(100) && table.items.length > 0) {
    out.push(issue('totalNot100', sheet, headerCell, { sum: fmt(fromCents(total)) }));
  }

  // Numbering: items within each innermost group, and sibling groups under each parent.
  const itemCol = table.columns.requirement ?? table.columns.content ?? table.columns.project ?? 0;
  const numberings = (c: { itemIds: readonly string[]; groupIds: readonly string[] }): void => {
    gaps(
      sheet,
      itemsOf(index, c.itemIds).map((i) => ({ numbering: i.numbering, row: i.row, col: itemCol, id: i.id })),
      out,
    );
    const groups: { numbering: string | null; row: number; col: number; id: string }[] = [];
    for (const id of c.groupIds) {
      const g = index.groupById.get(id);
      if (g) groups.push({ numbering: g.numbering, row: g.cell.row, col: g.cell.col, id: g.id });
    }
    gaps(sheet, groups, out);
  };
  numberings({ itemIds: table.rootItemIds, groupIds: table.rootGroupIds });
  for (const g of table.groups) numberings(g);

  for (const item of table.items) {
    const rule = rules[item.id];
    if (!rule || rule.overridden) continue;
    const cell = item.criteriaCell ? a1(item.criteriaCell.row, item.criteriaCell.col) : null;
    if (rule.unread.length > 0) {
      const text = rule.unread.map((s) => rule.source.slice(s.start, s.end)).join(' / ');
      out.push(issue('ruleUnread', sheet, cell, { item: item.label, text }, item.id));
    } else if (rule.terms.length === 0) {
      // Scored at discretion: always said, also when there is no rule text at all.
      out.push(
        issue('ruleUnknown', sheet, cell, { item: item.label, text: rule.source.slice(0, 60) }, item.id),
      );
    }
  }
  return dedupeShared(out);
}

/** A shared 评分标准 cell is reported once, not once per item it covers. */
function dedupeShared(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (i.code !== 'ruleUnread' && i.code !== 'ruleUnknown') return true;
    const key = `${i.code}|${i.cell}|${i.params.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
