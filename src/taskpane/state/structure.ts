/** Views of a detected table for the 识别 step: points summed per group, integrity findings. */
import type { Issue, IssueCode } from '../../core/issues';
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
export const INTEGRITY_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'pointsSumMismatch',
  'totalNot100',
  'declaredTotalMismatch',
  'numberingGap',
  'ruleUnread',
  'ruleUnknown',
  'pointsMissing',
]);

export function integrityIssues(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => INTEGRITY_CODES.has(i.code));
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
