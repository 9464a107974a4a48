/**
 * 结果通知单: one printable page per unit (一单位一页) with the unit's items (项目, 标准分值, 扣分, 得分,
 * 扣分原因), total, rank, grade, the veto or open-error notes and lines to sign. The figures are the
 * ones the 汇总 shows (the same UnitFigures, ranks and grades), so a slip never disagrees with it.
 *
 * The plan is values only. Page breaks are returned apart (`breaks`) because the write plan has no op
 * for them: the .xlsx adapter sets one after each unit's last row.
 */
import { a1, a1Range, colLetters } from '../a1';
import type { CellValue } from '../grid';
import type { Lang } from '../i18n';
import { round2 } from '../num';
import type { WriteOp } from '../plan';
import { type CombineMode, combineScores } from './assessors';
import { LABELS } from './messages';
import type { HoldReason } from './readiness';
import { statusWords } from './readiness';
import { itemPath, type SummaryUnit } from './structure';

/** One item line of a slip. */
export interface SlipItem {
  category: string;
  section: string;
  label: string;
  points: number | null;
  /** null: nothing entered (no score given). */
  deduction: number | null;
  score: number | null;
  reason: string;
}

/** What a slip shows of a unit: the 汇总's figures for it, and its items. */
export interface SlipUnit {
  name: string;
  title: string | null;
  items: SlipItem[];
  total: number;
  rank: number | null;
  grade: string | null;
  vetoed: boolean;
  vetoReason: string;
  errors: number;
  hold: readonly HoldReason[];
  /** Several assessors combined: how many, and the mode (item lines show the combined item scores). */
  combined: { count: number; mode: CombineMode } | null;
}

export interface SlipsPlan {
  sheet: string;
  ops: WriteOp[];
  /** 1-based rows after which a manual page break goes (one per unit but the last). */
  breaks: number[];
  /** The first row (0-based) of each unit's page, in order. */
  starts: number[];
}

/** The item lines of one unit workbook. */
export function slipItems(unit: SummaryUnit): SlipItem[] {
  const { table, score, entries } = unit.analysis;
  return table.items.map((item) => {
    const s = score.items.find((x) => x.itemId === item.id);
    const e = entries.find((x) => x.itemId === item.id);
    const path = itemPath(table, item);
    return {
      category: path.category,
      section: path.section,
      label: item.label,
      points: item.points,
      deduction: s ? s.deduction : null,
      score: s ? s.score : null,
      reason: e?.reason ?? '',
    };
  });
}

/**
 * The item lines of a unit scored by several assessors: per item (matched by position and label), the
 * scores combined as the totals are, the deduction being 标准分值 − that score, the reasons of each
 * assessor joined.
 */
export function combinedSlipItems(
  members: readonly SummaryUnit[],
  mode: CombineMode,
  weights: readonly number[],
): SlipItem[] {
  const each = members.map(slipItems);
  const base = each[0] ?? [];
  return base.map((it, i) => {
    const same = each.map((m) => (m[i]?.label === it.label ? m[i] : undefined));
    const score = combineScores(
      same.map((m) => m?.score ?? null),
      mode,
      weights,
    ).value;
    const reasons = [...new Set(same.map((m) => m?.reason ?? '').filter((r) => r !== ''))];
    return {
      ...it,
      score,
      deduction: score === null || it.points === null ? null : round2(it.points - score),
      reason: reasons.join('；'),
    };
  });
}

/** The slips sheet's default name in a language. */
export function slipsSheetName(lang: Lang): string {
  return LABELS[lang].slip.sheet;
}

/**
 * Plan the 结果通知单 sheet: per unit a title, the unit's name, an item table, 合计, rank and grade,
 * notes, and the two signature lines; a page break after each unit, the print area over all pages,
 * A4 portrait fitted to the page width.
 * @example planSlips([unit], { lang: 'zh', sheet: '结果通知单', reasons: true }).breaks // []
 */
export function planSlips(
  units: readonly SlipUnit[],
  o: { lang: Lang; sheet: string; reasons: boolean },
): SlipsPlan {
  const T = LABELS[o.lang].slip;
  const sheet = o.sheet;
  const ops: WriteOp[] = [{ op: 'addSheet', sheet }];
  const put = (r: number, c: number, v: CellValue) => {
    ops.push({ op: 'value', sheet, cell: a1(r, c), value: v });
  };
  const head = [...T.head, ...(o.reasons ? [T.reason] : [])];
  const last = head.length - 1;
  const breaks: number[] = [];
  const starts: number[] = [];
  let r = 0;
  units.forEach((u, ui) => {
    starts.push(r);
    put(r, 0, T.title(u.title));
    ops.push(
      { op: 'merge', sheet, range: a1Range(r, 0, r, last) },
      { op: 'font', sheet, range: a1(r, 0), bold: true },
    );
    r++;
    put(r, 0, T.unit(u.name));
    ops.push(
      { op: 'merge', sheet, range: a1Range(r, 0, r, last) },
      { op: 'font', sheet, range: a1(r, 0), bold: true },
    );
    r++;
    for (const [c, h] of head.entries()) put(r, c, h);
    ops.push(
      { op: 'fill', sheet, range: a1Range(r, 0, r, last), color: '#D9E1F2' },
      { op: 'font', sheet, range: a1Range(r, 0, r, last), bold: true },
    );
    r++;
    let points = 0;
    let deducted = 0;
    u.items.forEach((it, i) => {
      put(r, 0, i + 1);
      put(r, 1, it.category);
      put(r, 2, it.section);
      put(r, 3, it.label);
      if (it.points !== null) put(r, 4, it.points);
      if (it.deduction !== null) put(r, 5, it.deduction);
      if (it.score !== null) put(r, 6, it.score);
      if (o.reasons) put(r, 7, it.reason);
      points += it.points ?? 0;
      deducted += it.deduction ?? 0;
      r++;
    });
    put(r, 0, T.sum);
    put(r, 4, round2(points));
    put(r, 5, round2(deducted));
    put(r, 6, u.total);
    ops.push({ op: 'font', sheet, range: a1Range(r, 0, r, last), bold: true });
    r++;
    put(r, 0, T.total);
    put(r, 1, u.total);
    put(r, 2, T.rank);
    put(r, 3, u.rank ?? T.withheld);
    if (u.grade !== null || u.hold.length > 0) {
      put(r, 4, T.grade);
      put(r, 5, u.grade ?? T.noGrade);
    }
    r++;
    const notes: string[] = [];
    if (u.vetoed) notes.push(T.vetoed(u.vetoReason));
    if (u.hold.length > 0) notes.push(T.notRanked(statusWords(u, o.lang)));
    if (u.combined) notes.push(T.combined(u.combined.count, T.modes[u.combined.mode]));
    for (const n of notes) {
      put(r, 0, n);
      ops.push({ op: 'merge', sheet, range: a1Range(r, 0, r, last) });
      r++;
    }
    r++;
    put(r, 0, T.assessor);
    ops.push({ op: 'merge', sheet, range: a1Range(r, 0, r, last) });
    r += 2;
    put(r, 0, T.receipt);
    ops.push({ op: 'merge', sheet, range: a1Range(r, 0, r, last) });
    r++;
    // r is the 0-based row after the unit's last row, i.e. its last row 1-based.
    if (ui < units.length - 1) breaks.push(r);
  });
  const widths = [6, 16, 16, 28, 9, 8, 8, ...(o.reasons ? [30] : [])];
  for (const [c, width] of widths.entries())
    ops.push({ op: 'columnWidth', sheet, col: colLetters(c), width });
  if (r > 0) ops.push({ op: 'printArea', sheet, ranges: [a1Range(0, 0, r - 1, last)] });
  ops.push({ op: 'pageSetup', sheet, paper: 'A4', orientation: 'portrait', fitToWidth: true });
  return { sheet, ops, breaks, starts };
}
