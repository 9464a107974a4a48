/** Views of a detected table for the 识别 step: points summed per group, integrity findings. */
import { a1 } from '../../core/a1';
import { type Issue, RUBRIC_ISSUE_CODES } from '../../core/issues';
import { sum2 } from '../../core/num';
import type { DetectedTable } from '../../core/rubric';

/** Items' points summed under each group (its sub-groups included), exact to 0.01. */
export function groupSums(table: DetectedTable): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of table.groups) {
    out[g.id] = sum2(table.items.filter((i) => i.groupIds.includes(g.id)).map((i) => i.points ?? 0));
  }
  return out;
}

/** The sum of every item's points. */
export function itemsTotal(table: DetectedTable): number {
  return sum2(table.items.map((i) => i.points ?? 0));
}

/** Codes that describe the rubric itself rather than what an assessor entered. */
export const INTEGRITY_CODES = RUBRIC_ISSUE_CODES;

export function integrityIssues(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => INTEGRITY_CODES.has(i.code));
}

/** One finding to show, with the other sheets where the same rubric finding repeats. */
export interface ShownIssue {
  issue: Issue;
  /** Sheets, after the issue's own, where the identical rubric finding stands. */
  alsoOn: string[];
}

/**
 * Findings about the rubric itself repeat on every unit's sheet (one rubric, one sheet per unit):
 * show each once, naming the other sheets. Entry findings are never merged.
 */
export function mergeRepeated(issues: readonly Issue[]): ShownIssue[] {
  const out: ShownIssue[] = [];
  const byKey = new Map<string, ShownIssue>();
  for (const issue of issues) {
    if (!INTEGRITY_CODES.has(issue.code)) {
      out.push({ issue, alsoOn: [] });
      continue;
    }
    const key = `${issue.code}|${issue.cell ?? ''}|${JSON.stringify(issue.params)}`;
    const seen = byKey.get(key);
    if (seen && seen.issue.sheet !== issue.sheet && !seen.alsoOn.includes(issue.sheet)) {
      seen.alsoOn.push(issue.sheet);
      continue;
    }
    const shown = { issue, alsoOn: [] };
    byKey.set(key, shown);
    out.push(shown);
  }
  return out;
}

/** Issues with stable React keys (the same finding can occur twice, so repeats get a counter). */
export function keyedIssues(issues: readonly Issue[]): { key: string; issue: Issue }[] {
  const seen = new Map<string, number>();
  return issues.map((issue) => {
    const base = `${issue.sheet}|${issue.code}|${issue.cell ?? ''}|${issue.itemId ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n === 0 ? base : `${base}#${n}`, issue };
  });
}

/**
 * The cell the pane shows for an item: where its entries go (扣分, else 得分), else its 标准分值, so
 * that selecting it brings the entry columns into view.
 */
export function itemCell(table: DetectedTable, itemId: string): string | null {
  const item = table.items.find((i) => i.id === itemId);
  if (!item) return null;
  const c = table.columns;
  return a1(item.row, c.deduction ?? c.score ?? item.pointsCell.col);
}

/** The cell of a group's label (top-left of its merged area). */
export function groupCell(table: DetectedTable, groupId: string): string | null {
  const g = table.groups.find((x) => x.id === groupId);
  return g ? a1(g.cell.row, g.cell.col) : null;
}

/** The cell to show when a sheet is chosen: the table's header row, first column. */
export function tableCell(table: DetectedTable): string {
  return a1(table.headerRow, 0);
}
