/**
 * 评分差异: where several assessors scored one unit, each item's scores side by side, the spread
 * (highest − lowest of the scores given) and a mark where it exceeds the threshold, so the office can
 * look again at the items the assessors disagree on before the combined scores are published.
 */
import { a1, a1Range, colLetters } from '../a1';
import type { CellValue } from '../grid';
import type { Lang } from '../i18n';
import { toCents } from '../num';
import type { WriteOp } from '../plan';
import { combineScores } from './assessors';
import { LABELS } from './messages';
import { slipItems } from './slips';
import type { SummaryUnit } from './structure';

/** The spread above which an item is marked, in points, when --spread is not given. */
export const DEFAULT_SPREAD = 1;

export interface SpreadRow {
  category: string;
  section: string;
  label: string;
  points: number | null;
  /** One per assessor, in the unit's assessor order; null where the assessor gave no score. */
  scores: (number | null)[];
  /** Highest − lowest of the scores given (null: none given). */
  spread: number | null;
  /** The spread exceeds the threshold. */
  over: boolean;
}

export interface SpreadUnit {
  unit: string;
  assessors: string[];
  rows: SpreadRow[];
  totals: number[];
  totalSpread: number;
}

/**
 * A unit's items across its assessors (items matched by position and label, as the combined scores
 * are).
 * @example unitSpread('东风社区', [{ assessor: '张三', unit: a }, { assessor: '李四', unit: b }], 1).rows[0]?.spread
 */
export function unitSpread(
  unit: string,
  members: readonly { assessor: string; unit: SummaryUnit }[],
  threshold: number,
): SpreadUnit {
  const each = members.map((m) => slipItems(m.unit));
  const base = each[0] ?? [];
  const rows = base.map((it, i) => {
    const scores = each.map((m) => (m[i]?.label === it.label ? (m[i]?.score ?? null) : null));
    const spread = combineScores(scores, 'mean').spread;
    return {
      category: it.category,
      section: it.section,
      label: it.label,
      points: it.points,
      scores,
      spread,
      over: spread !== null && toCents(spread) > toCents(threshold),
    };
  });
  const totals = members.map((m) => m.unit.analysis.score.total);
  return {
    unit,
    assessors: members.map((m) => m.assessor),
    rows,
    totals,
    totalSpread: combineScores(totals, 'mean').spread ?? 0,
  };
}

/**
 * Plan the 评分差异 sheet: per unit a line naming its assessors over their columns, then one line per
 * item (scores, spread, mark) and the totals.
 */
export function planSpread(
  units: readonly SpreadUnit[],
  o: { lang: Lang; sheet: string; threshold: number },
): WriteOp[] {
  const L = LABELS[o.lang];
  const sheet = o.sheet;
  const ops: WriteOp[] = [{ op: 'addSheet', sheet }];
  const put = (r: number, c: number, v: CellValue) => {
    ops.push({ op: 'value', sheet, cell: a1(r, c), value: v });
  };
  const k = Math.max(1, ...units.map((u) => u.assessors.length));
  const a0 = 6;
  const spreadCol = a0 + k;
  const last = spreadCol + 1;
  put(0, 0, L.spreadIntro(o.threshold));
  ops.push({ op: 'font', sheet, range: 'A1', color: '#808080' });
  const head = [L.no, L.unit, L.category, L.section, L.item, L.points];
  for (const [c, h] of head.entries()) put(1, c, h);
  for (let j = 0; j < k; j++) put(1, a0 + j, L.spreadAssessor(j + 1));
  put(1, spreadCol, L.spread);
  put(1, last, L.spreadOver(o.threshold));
  ops.push(
    { op: 'fill', sheet, range: a1Range(1, 0, 1, last), color: '#D9E1F2' },
    { op: 'font', sheet, range: a1Range(1, 0, 1, last), bold: true },
  );
  let r = 2;
  let n = 0;
  for (const u of units) {
    put(r, 1, u.unit);
    for (const [j, a] of u.assessors.entries()) put(r, a0 + j, a);
    ops.push({ op: 'font', sheet, range: a1Range(r, 0, r, last), bold: true });
    r++;
    for (const row of u.rows) {
      n++;
      put(r, 0, n);
      put(r, 1, u.unit);
      put(r, 2, row.category);
      put(r, 3, row.section);
      put(r, 4, row.label);
      if (row.points !== null) put(r, 5, row.points);
      row.scores.forEach((s, j) => {
        if (s !== null) put(r, a0 + j, s);
      });
      if (row.spread !== null) put(r, spreadCol, row.spread);
      if (row.over) {
        put(r, last, L.spreadFlag);
        ops.push({ op: 'fill', sheet, range: a1Range(r, 0, r, last), color: '#FFC7CE' });
      }
      r++;
    }
    put(r, 4, L.total);
    for (const [j, t] of u.totals.entries()) put(r, a0 + j, t);
    put(r, spreadCol, u.totalSpread);
    ops.push({ op: 'font', sheet, range: a1Range(r, 0, r, last), bold: true });
    r += 2;
  }
  const widths = [6, 14, 16, 16, 28, 9, ...Array.from({ length: k }, () => 10), 10, 12];
  for (const [c, width] of widths.entries())
    ops.push({ op: 'columnWidth', sheet, col: colLetters(c), width });
  return ops;
}
