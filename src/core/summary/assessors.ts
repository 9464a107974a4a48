/**
 * Several assessors per unit (考核组): each member scores a copy of the same workbook, and the office
 * combines their scores per item and per total. An absent member (an item left blank) is left out of
 * that item's divisor, as Excel's SUM/COUNT/MAX/MIN skip empty cells, so the formulas and the core agree.
 *
 * - `mean`: the mean of the scores given.
 * - `trimmed` (去掉一个最高分和一个最低分): with 3 or more scores given, drop one highest and one lowest;
 *   with fewer, the mean (and `trimmedFellBack` says so).
 * - `weighted`: by role weight (组长=2,组员=1), over the members who gave a score.
 */
import { bin, type Expr, fn, num } from '../formula/ast';
import { round2 } from '../num';
import { fileStem } from './identity';

export type CombineMode = 'mean' | 'trimmed' | 'weighted';

/** How each way of combining is named in notes, zh and en. */
export const MODE_WORDS: Record<CombineMode, { zh: string; en: string }> = {
  mean: { zh: '平均分', en: 'the mean' },
  trimmed: { zh: '去掉一个最高分和一个最低分后的平均分', en: 'the mean without the highest and the lowest' },
  weighted: { zh: '加权平均分', en: 'the weighted mean' },
};
export const COMBINE_MODES: readonly CombineMode[] = ['mean', 'trimmed', 'weighted'];

export interface Combined {
  /** The combined score (to 0.01), null when no member gave one. */
  value: number | null;
  /** Max − min of the scores given (0 with one score, null with none). */
  spread: number | null;
  /** How many members gave a score. */
  given: number;
  /** Trimmed mean asked for but fewer than 3 scores given: the mean was used. */
  trimmedFellBack: boolean;
}

/**
 * Combine one item's scores (null: the member left it blank).
 * @example combineScores([8, 9, null, 6], 'trimmed') // { value: 8, spread: 3, given: 3, … }
 */
export function combineScores(
  scores: readonly (number | null)[],
  mode: CombineMode,
  weights: readonly number[] = [],
): Combined {
  const given = scores.flatMap((s, i) => (s === null ? [] : [{ s, w: weights[i] ?? 1 }]));
  const n = given.length;
  if (n === 0) return { value: null, spread: null, given: 0, trimmedFellBack: mode === 'trimmed' };
  const xs = given.map((g) => g.s);
  const sum = xs.reduce((a, b) => a + b, 0);
  const max = Math.max(...xs);
  const min = Math.min(...xs);
  let value: number;
  if (mode === 'trimmed' && n >= 3) value = (sum - max - min) / (n - 2);
  else if (mode === 'weighted') {
    const w = given.reduce((a, g) => a + g.w, 0);
    value = w > 0 ? given.reduce((a, g) => a + g.s * g.w, 0) / w : sum / n;
  } else value = sum / n;
  return {
    value: round2(value),
    spread: round2(max - min),
    given: n,
    trimmedFellBack: mode === 'trimmed' && n < 3,
  };
}

/**
 * The formula combining the scores in `cells` (one per assessor), rounded to 0.01, "" when none is given:
 * only SUM, COUNT, MAX, MIN, IF and ROUND, which Excel 2016, WPS and LibreOffice all compute.
 * `weights` (same order as cells) are used in `weighted` mode; blank cells count neither score nor weight.
 */
export function combineExpr(
  cells: readonly Expr[],
  mode: CombineMode,
  weights: readonly number[] = [],
): Expr {
  const count = fn('COUNT', ...cells);
  const mean = bin('/', fn('SUM', ...cells), count);
  let e: Expr = mean;
  if (mode === 'trimmed') {
    const trimmed = bin(
      '/',
      bin('-', bin('-', fn('SUM', ...cells), fn('MAX', ...cells)), fn('MIN', ...cells)),
      bin('-', count, num(2)),
    );
    e = fn('IF', bin('>=', count, num(3)), trimmed, mean);
  } else if (mode === 'weighted') {
    const w = (i: number) => num(weights[i] ?? 1);
    const terms = cells.map((c, i) => fn('IF', fn('ISNUMBER', c), bin('*', c, w(i)), num(0)));
    const ws = cells.map((c, i) => fn('IF', fn('ISNUMBER', c), w(i), num(0)));
    e = bin('/', fn('SUM', ...terms), fn('SUM', ...ws));
  }
  return fn('IF', bin('=', count, num(0)), { t: 'str', v: '' }, fn('ROUND', e, num(2)));
}

/** A file name's last part that marks a copy or a version (新华社区-副本, 新华社区-终稿), not an assessor. */
const NOT_ASSESSOR =
  /副本|复件|拷贝|copy|稿|版|修改|修订|最终|更新|最新|备份|final|new|old|draft|^v\d|^[a-z]$/i;

const ASSESSOR_CELL = /^(考核人|评分人|考评人|打分人|评委)[：:]\s*(\S.*)$/;

/**
 * The assessor a workbook is from: a cell 考核人：张三 (or 评分人/考评人/打分人/评委), else the part after
 * the last dash of the file name (新华社区-张三.xlsx), else null.
 */
export function assessorOf(
  file: string,
  cells: readonly unknown[],
): { unit: string; assessor: string | null } {
  const stem = fileStem(file);
  for (const v of cells) {
    if (typeof v !== 'string') continue;
    const m = ASSESSOR_CELL.exec(v.trim());
    if (m?.[2]) return { unit: stem.replace(/[-_—－]\s*[^-_—－]+$/, '') || stem, assessor: m[2].trim() };
  }
  const m = /^(.+?)\s*[-_—－]\s*([^-_—－\d()（）]{1,6})$/.exec(stem);
  if (m?.[1] && m[2] && !NOT_ASSESSOR.test(m[2])) return { unit: m[1], assessor: m[2] };
  return { unit: stem, assessor: null };
}

/** --weights's value, "组长=2,组员=1": role → weight; an error names the part that could not be read. */
export function parseWeights(v: string): Map<string, number> | { error: string } {
  const out = new Map<string, number>();
  for (const part of v
    .split(/[,，、]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.+?)\s*[=:：]\s*(\d+(?:\.\d+)?)%?$/.exec(part);
    if (!m?.[1] || !m[2] || Number(m[2]) <= 0 || out.has(m[1])) return { error: part };
    out.set(m[1], Number(m[2]));
  }
  return out.size > 0 ? out : { error: v };
}
