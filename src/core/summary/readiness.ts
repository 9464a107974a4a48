/**
 * Whether a unit is ready to be ranked, and how its own 自评分 compares with the assessor's score.
 *
 * A unit is not ready while its own entries hold error-severity findings (a "1分" typed in 扣分, a
 * deduction above the cap …): its total is shown but its rank and grade are withheld. A fault of the
 * shared rubric (declared points that do not add up …) is the same for every unit and ranks no one out.
 */
import { a1 } from '../a1';
import { cellAt, type SheetGrid } from '../grid';
import { type Issue, RUBRIC_ISSUE_CODES } from '../issues';
import type { SheetAnalysis } from '../model';
import type { Lang } from '../i18n';
import { sub2, sum2 } from '../num';
import { LABELS } from './messages';

/** Why a unit's rank is withheld: open entry errors, handed in twice, not on the roster. */
export type HoldReason = 'errors' | 'duplicate' | 'unlisted';

/** What two copies of one unit's workbook share: the title and every entry as read. */
export function entryFingerprint(a: SheetAnalysis): string {
  return JSON.stringify([
    a.table.title,
    a.entries.map((e) => [e.deduction?.value ?? null, e.score?.value ?? null, e.reason, e.counts]),
  ]);
}

/** The error-severity findings that keep a unit out of the ranking. */
export function entryErrors(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error' && !RUBRIC_ISSUE_CODES.has(i.code));
}

/** One item where the unit's 自评分 differs from the assessor's score. */
export interface SelfScoreDiff {
  itemId: string;
  label: string;
  /** A1 of the 自评分 cell. */
  cell: string;
  self: number;
  score: number;
  /** score − self. */
  diff: number;
}

/** The unit's 自评分 beside the assessor's scores: totals and the items that differ. */
export interface SelfScoreComparison {
  selfTotal: number;
  /** Assessor's total − self total. */
  diff: number;
  items: SelfScoreDiff[];
}

/**
 * Compare the 自评分 column with the scores the core computed, or null when the table has none or
 * it is empty. Items left blank in 自评分 are not compared.
 * @example compareSelfScores(sheet, analysis)?.items.map((d) => d.label)
 */
export function compareSelfScores(sheet: SheetGrid, a: SheetAnalysis): SelfScoreComparison | null {
  const col = a.table.columns.selfScore;
  if (col === undefined) return null;
  const items: SelfScoreDiff[] = [];
  const selves: number[] = [];
  for (const item of a.table.items) {
    const s = a.score.items.find((x) => x.itemId === item.id);
    if (!s) continue;
    const v = cellAt(sheet, item.row, col);
    const self = typeof v === 'number' && Number.isFinite(v) ? v : null;
    if (self === null) continue;
    selves.push(self);
    const diff = sub2(s.score, self);
    if (diff !== 0) {
      items.push({
        itemId: item.id,
        label: item.label,
        cell: a1(item.row, col),
        self,
        score: s.score,
        diff,
      });
    }
  }
  if (selves.length === 0) return null;
  const selfTotal = sum2(selves);
  return { selfTotal, diff: sub2(a.score.total, selfTotal), items };
}

/** The status cell's words: why the rank is withheld, or 通过. */
export function statusWords(s: { errors: number; hold: readonly HoldReason[] }, lang: Lang): string {
  const L = LABELS[lang];
  const parts: string[] = [];
  if (s.errors > 0) parts.push(L.statusFailed(s.errors));
  if (s.hold.includes('duplicate')) parts.push(L.statusDuplicate);
  if (s.hold.includes('unlisted')) parts.push(L.statusUnlisted);
  return parts.length > 0 ? parts.join(lang === 'en' ? '; ' : '；') : L.statusOk;
}
