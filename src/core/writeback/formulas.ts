/**
 * The formulas of the write-back, as trees (text comes from ../formula/unparse only). Each one
 * computes what the scoring engine (../score) computes for the same cells, path by path:
 * - 扣分 typed: 得分 = ROUND(MAX(0, 标准分值 − MIN(cap, MAX(0, ROUND(扣分,2)))), 2); a blank or text 扣分
 *   gives full points (0 when a veto item's reason says 否决, as the engine reads it);
 * - 得分 typed: the number as typed, full points when blank (the engine's "nothing entered");
 * - entry columns: 扣分 = MIN(cap, ROUND(SUM(term deductions), 2)), 得分 = 0 when a term zeroes the
 *   item or vetoes the assessment, else ROUND(MAX(0, 标准分值 − 扣分) + bonus, 2).
 */
import { bin, type Expr, fn, num, range, ref, str } from '../formula/ast';
import type { CellValue } from '../grid';
import { fromCents, toCents } from '../num';
import type { DetectedTable, RubricItem } from '../rubric';
import { handlerFor } from '../rules/kinds';
import type { Rule } from '../rules/types';
import { capCents, hasAssessmentVeto, openCapCents, typedScoreLimitCents } from '../score';

/** Where things are on one sheet, for one item's formulas. */
export interface ItemCells {
  item: RubricItem;
  rule: Rule;
  /** 标准分值 as a formula operand: the points cell when it holds the number, else the number. */
  points: Expr;
  /** The engine's points (0 when unknown). */
  pointsValue: number;
  /** Entry column index per term index (undefined = no input for that term). */
  entryCols: (number | undefined)[];
  /** All entry columns of the sheet (the row's whole input area), or [] without entry columns. */
  allEntryCols: number[];
  /** Whether this item's 扣分 / 得分 are computed from entry columns. */
  fromEntries: boolean;
  /**
   * Words the 得分 formula shows when the entry it reads holds text ("1分"): the entry must be fixed.
   * Absent: text reads as nothing entered.
   */
  notNumber?: string;
  /**
   * A base-score or bonus-only table's item, or one whose deductions come off the sheet's total: not
   * bounded by its points, so a deduction goes below 0.
   */
  open?: boolean;
}

export interface SheetCols {
  deduction: number | undefined;
  score: number | undefined;
  reason: number | undefined;
}

const VETO_WORDS = ['*否决*', '*否決*', '*veto*'];

function plus(terms: Expr[]): Expr {
  const [first, ...rest] = terms;
  if (!first) return num(0);
  return rest.reduce((acc, t) => bin('+', acc, t), first);
}

function round2(e: Expr): Expr {
  return fn('ROUND', e, num(2));
}

function any(conds: Expr[]): Expr | null {
  if (conds.length === 0) return null;
  return conds.length === 1 ? conds[0]! : fn('OR', ...conds);
}

/** The item's cap as a number of points, or null for 倒扣 (no lower bound). */
export function capPoints(item: RubricItem, rule: Rule): number | null {
  const c = capCents(rule.cap, item.points);
  return c === null ? null : fromCents(c);
}

/**
 * The most the item's deductions take, in points (null: no bound), as scoreItem caps them: an open
 * item (base-score or bonus-only table, or deductions from the sheet's total) only by a cap the rule
 * states, any other by its points too.
 */
function itemCap(c: ItemCells): number | null {
  if (!c.open) return capPoints(c.item, c.rule);
  const open = openCapCents(c.rule.cap);
  return open === null ? null : fromCents(open);
}

/** TRUE when the item's 扣分原因 says 否决 (the engine's test for a veto written only in words). */
export function reasonSaysVeto(row: number, reasonCol: number): Expr {
  return bin('>', plus(VETO_WORDS.map((w) => fn('COUNTIF', ref(row, reasonCol), str(w)))), num(0));
}

/** 标准分值 operand: the points cell when it holds exactly the item's points. */
export function pointsOperand(item: RubricItem, valueAtPointsCell: CellValue): Expr {
  const p = item.points ?? 0;
  if (
    typeof valueAtPointsCell === 'number' &&
    item.points !== null &&
    toCents(valueAtPointsCell) === toCents(p)
  ) {
    return ref(item.pointsCell.row, item.pointsCell.col);
  }
  return num(p);
}

/** What the engine scores when nothing usable is entered: full points, or 0 for a veto written in the reason. */
function blankScore(c: ItemCells, cols: SheetCols): Expr {
  if (hasAssessmentVeto(c.rule) && cols.reason !== undefined) {
    return fn('IF', reasonSaysVeto(c.item.row, cols.reason), num(0), c.points);
  }
  return c.points;
}

/** 得分 from a typed 扣分 cell. */
export function scoreFromDeduction(c: ItemCells, cols: SheetCols, deductionCol: number): Expr {
  const d = ref(c.item.row, deductionCol);
  const cap = itemCap(c);
  const taken = fn('MAX', num(0), round2(d));
  const capped = cap === null ? taken : fn('MIN', num(cap), taken);
  const left = bin('-', c.points, capped);
  const base = cap === null || c.open ? left : fn('MAX', num(0), left);
  return fn('IF', fn('ISNUMBER', d), round2(base), unlessText(c, d, blankScore(c, cols)));
}

/** `blank` when the entry cell is empty; the words asking to fix it when it holds anything else. */
function unlessText(c: ItemCells, entry: Expr, blank: Expr): Expr {
  return c.notNumber === undefined ? blank : fn('IF', fn('ISBLANK', entry), blank, str(c.notNumber));
}

/**
 * A subtotal or total that shows `text` instead of a number while any of `cells` (score cells,
 * subtotal cells, typed entries) holds text, so no final-looking total stands over an entry to fix.
 */
export function unlessAnyText(sum: Expr, cells: readonly Expr[], text: string): Expr {
  if (cells.length === 0) return sum;
  // Non-empty cells that are not numbers: COUNTA − COUNT. (COUNTIF(range,"*") is not portable:
  // LibreOffice matches the wildcard against numbers too.)
  const count = plus(cells.map((c) => bin('-', fn('COUNTA', c), fn('COUNT', c))));
  return fn('IF', bin('>', count, num(0)), str(text), sum);
}

/** The item's score where 得分 is typed (used inside subtotals; the typed cell stays as it is). */
export function scoreFromTyped(c: ItemCells, cols: SheetCols, scoreCol: number): Expr {
  // An item without stated points adds nothing, whatever is typed there (as the engine scores it).
  if (!c.open && c.item.points === null) return num(0);
  const s = ref(c.item.row, scoreCol);
  const limit = typedScoreLimitCents(c.item, c.rule, c.open === true);
  const counted = limit === null ? s : fn('MIN', num(fromCents(limit)), s);
  return fn('IF', fn('ISNUMBER', s), round2(counted), unlessText(c, s, blankScore(c, cols)));
}

interface TermPieces {
  deductions: Expr[];
  bonuses: Expr[];
  zero: Expr[];
  veto: Expr[];
}

function termPieces(c: ItemCells): TermPieces {
  const out: TermPieces = { deductions: [], bonuses: [], zero: [], veto: [] };
  c.rule.terms.forEach((term, j) => {
    const col = c.entryCols[j];
    if (col === undefined) return;
    const f = handlerFor(term).formula(term as never, ref(c.item.row, col));
    if (f.deduction) out.deductions.push(f.deduction);
    if (f.bonus) out.bonuses.push(f.bonus);
    if (f.zero) out.zero.push(f.zero);
    if (f.veto) out.veto.push(f.veto);
  });
  return out;
}

/** 扣分 from entry columns: the terms' deductions, summed and capped. */
export function deductionFromEntries(c: ItemCells): Expr {
  const p = termPieces(c);
  if (p.deductions.length === 0) return num(0);
  const sum = round2(fn('SUM', ...p.deductions));
  const cap = itemCap(c);
  return cap === null ? sum : fn('MIN', num(cap), sum);
}

/** Nothing typed in any of the row's entry cells. */
function noEntries(c: ItemCells): Expr {
  const cols = c.allEntryCols;
  const lo = Math.min(...cols);
  const hi = Math.max(...cols);
  return bin('=', fn('COUNTA', range(c.item.row, lo, c.item.row, hi)), num(0));
}

/**
 * 得分 from entry columns. `deduction` is the 扣分 cell when the table has one (holding
 * deductionFromEntries), else null and the deduction is computed inline.
 */
export function scoreFromEntries(c: ItemCells, cols: SheetCols, deduction: Expr | null): Expr {
  const p = termPieces(c);
  const ded = deduction ?? deductionFromEntries(c);
  const cap = itemCap(c);
  const left = bin('-', c.points, ded);
  const base = cap === null || c.open ? left : fn('MAX', num(0), left);
  const bonusCap = c.rule.bonusCap;
  const bonuses =
    bonusCap === undefined || p.bonuses.length === 0
      ? p.bonuses
      : [fn('MIN', num(bonusCap), plus(p.bonuses))];
  const score = round2(bonuses.length === 0 ? base : plus([base, ...bonuses]));
  const conds = [...p.zero, ...p.veto];
  // Without a 扣分 cell the engine reads a blank row as "nothing entered", where a veto written in the
  // reason scores the item 0.
  if (deduction === null && hasAssessmentVeto(c.rule) && cols.reason !== undefined) {
    conds.push(fn('AND', noEntries(c), reasonSaysVeto(c.item.row, cols.reason)));
  }
  const cond = any(conds);
  return cond === null ? score : fn('IF', cond, num(0), score);
}

/**
 * TRUE when this veto item ends the whole assessment, as the engine decides it: from the entry
 * columns when something is entered there, else when points were lost on it or its reason says 否决.
 */
export function vetoCondition(c: ItemCells, cols: SheetCols): Expr {
  const { row } = c.item;
  const lost: Expr[] = [];
  if (cols.deduction !== undefined) lost.push(fn('COUNTIF', ref(row, cols.deduction), str('>0')));
  if (cols.score !== undefined && c.item.points !== null)
    lost.push(fn('COUNTIF', ref(row, cols.score), str(`<${c.pointsValue}`)));
  if (cols.reason !== undefined)
    for (const w of VETO_WORDS) lost.push(fn('COUNTIF', ref(row, cols.reason), str(w)));
  const typed = bin('>', plus(lost), num(0));
  if (!c.fromEntries) return typed;
  const fromTerms = any(termPieces(c).veto) ?? { t: 'bool', v: false };
  return fn('IF', noEntries(c), typed, fromTerms);
}

/** Items as SUM arguments: runs of adjacent rows in one column become ranges. */
export function sumArgs(
  cells: readonly { row: number; col: number; lastRow: number }[],
  inline: readonly Expr[],
  emptyBetween: (row: number, col: number) => boolean,
): Expr[] {
  const out: Expr[] = [];
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  let run: { top: number; bottom: number; col: number; last: number } | null = null;
  const flush = () => {
    if (run)
      out.push(run.top === run.bottom ? ref(run.top, run.col) : range(run.top, run.col, run.bottom, run.col));
    run = null;
  };
  for (const c of sorted) {
    const r: { top: number; bottom: number; col: number; last: number } | null = run;
    let joins = r !== null && r.col === c.col;
    if (r && joins) for (let k = r.bottom + 1; k < c.row && joins; k++) joins = emptyBetween(k, c.col);
    if (r && joins) {
      r.bottom = c.row;
      r.last = c.lastRow;
    } else {
      flush();
      run = { top: c.row, bottom: c.row, col: c.col, last: c.lastRow };
    }
  }
  flush();
  return [...out, ...inline];
}

/** ROUND(SUM(args), 2), or 0 with nothing to sum. */
export function roundedSum(args: Expr[]): Expr {
  return args.length === 0 ? num(0) : round2(fn('SUM', ...args));
}

export type { DetectedTable };

/**
 * The total of a base-score or bonus-only table: 基本分 + the items' sum, capped by the stated
 * maximum, as scoreSheet computes it. A plain table's total is the sum itself.
 */
export function schemeTotal(
  sum: Expr,
  scheme: { base: number | null; max: number | null },
  open: boolean,
): Expr {
  if (!open) return sum;
  const withBase = scheme.base === null || scheme.base === 0 ? sum : round2(bin('+', num(scheme.base), sum));
  return scheme.max === null ? withBase : fn('MIN', num(scheme.max), withBase);
}
