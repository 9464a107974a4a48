/** Checks of the rubric itself: declared points against the items, the total, numbering, rules. */
import { a1 } from '../a1';
import { type Issue, issue } from '../issues';
import { fmt, fromCents, toCents } from '../num';
import type { DetectedTable, RubricGroup, RubricItem } from '../rubric';
import type { Rule } from '../rules/types';
import { parseNumber } from '../text';

function itemsUnder(table: DetectedTable, g: RubricGroup): RubricItem[] {
  return table.items.filter((i) => i.groupIds.includes(g.id));
}

function pointsCents(items: readonly RubricItem[]): number {
  return items.reduce((acc, i) => acc + toCents(i.points ?? 0), 0);
}

/**
 * The ordinal a numbering stands for: "(3)" → 3, "三、" → 3, "③" → 3, "(三)" → 3; null when none.
 */
export function ordinal(numbering: string | null): number | null {
  if (!numbering) return null;
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
  const c = circled.indexOf(numbering.trim()[0] ?? '');
  if (c >= 0) return c + 1;
  const core = numbering.replace(/[()（）、.．,，\s:：]/g, '');
  return parseNumber(core);
}

function numberingStyle(numbering: string): string {
  const n = numbering.trim();
  if (/^[①-⑳]/.test(n)) return 'circled';
  if (/^[(（]\s*\d/.test(n)) return 'paren-arabic';
  if (/^[(（]/.test(n)) return 'paren-cn';
  if (/^\d/.test(n)) return 'arabic';
  return 'cn';
}

/** Numbering gaps in one ordered list of numbered things (items of a group, or sibling groups). */
function gaps(
  sheet: string,
  entries: readonly { numbering: string | null; cell: string; id: string }[],
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
          e.cell,
          { before: prev.numbering, after: e.numbering, missing: missing.join('、') },
          e.id,
        ),
      );
    }
    prev = { n, numbering: e.numbering, style };
  }
}

/** Rubric integrity findings for a detected table and its rules. */
export function checkIntegrity(table: DetectedTable, rules: Record<string, Rule>): Issue[] {
  const out: Issue[] = [];
  const sheet = table.sheet;
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
  for (const g of table.groups) {
    if (g.declaredPoints === null) continue;
    const sum = pointsCents(itemsUnder(table, g));
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
  const total = pointsCents(table.items);
  const headerCell = table.columns.points === undefined ? null : a1(table.headerRow, table.columns.points);
  if (table.declaredTotal !== null && toCents(table.declaredTotal) !== total) {
    out.push(
      issue('declaredTotalMismatch', sheet, headerCell, {
        declared: fmt(table.declaredTotal),
        sum: fmt(fromCents(total)),
      }),
    );
  } else if (table.declaredTotal === null && total !== 10000 && table.items.length > 0) {
    out.push(issue('totalNot100', sheet, headerCell, { sum: fmt(fromCents(total)) }));
  }

  // Numbering: items within each innermost group, and sibling groups under each parent.
  const containers: { itemIds: string[]; groupIds: string[] }[] = [
    { itemIds: table.rootItemIds, groupIds: table.rootGroupIds },
    ...table.groups,
  ];
  const itemById = new Map(table.items.map((i) => [i.id, i]));
  const groupById = new Map(table.groups.map((g) => [g.id, g]));
  for (const c of containers) {
    const items = c.itemIds.map((id) => itemById.get(id)).filter((i): i is RubricItem => i !== undefined);
    gaps(
      sheet,
      items.map((i) => ({
        numbering: i.numbering,
        cell: a1(i.row, table.columns.requirement ?? table.columns.content ?? table.columns.project ?? 0),
        id: i.id,
      })),
      out,
    );
    const groups = c.groupIds.map((id) => groupById.get(id)).filter((g): g is RubricGroup => g !== undefined);
    gaps(
      sheet,
      groups.map((g) => ({ numbering: g.numbering, cell: a1(g.cell.row, g.cell.col), id: g.id })),
      out,
    );
  }

  for (const item of table.items) {
    const rule = rules[item.id];
    if (!rule || rule.overridden) continue;
    const cell = item.criteriaCell ? a1(item.criteriaCell.row, item.criteriaCell.col) : null;
    if (rule.unread.length > 0) {
      const text = rule.unread.map((s) => rule.source.slice(s.start, s.end)).join(' / ');
      out.push(issue('ruleUnread', sheet, cell, { item: item.label, text }, item.id));
    } else if (rule.terms.length === 0 && item.criteria.trim() !== '') {
      out.push(
        issue('ruleUnknown', sheet, cell, { item: item.label, text: item.criteria.slice(0, 60) }, item.id),
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
