/** The live formulas of the summary: cross-sheet references to the units' 得分 cells, as formula trees. */
import { a1, sheetRef } from '../a1';
import { bin, type Expr, fn, num, range, ref, str } from '../formula/ast';
import type { RubricItem } from '../rubric';
import { isAssessmentVeto, itemRuns, type SummaryUnit } from './structure';

/** SUM over the 得分 cells of the given items (0 for none). */
export function sumScores(unit: SummaryUnit, items: readonly RubricItem[]): Expr {
  return sumColumn(unit, items, unit.analysis.table.columns.score);
}

/** SUM over one column's cells on the given items' rows (0 for none). */
export function sumColumn(unit: SummaryUnit, items: readonly RubricItem[], col: number | undefined): Expr {
  if (col === undefined || items.length === 0) return num(0);
  const ranges = itemRuns(items).map((r) => range(r.top, col, r.bottom, col, unit.sheet));
  return fn('SUM', ...ranges);
}

function plus(terms: Expr[]): Expr {
  const [first, ...rest] = terms;
  if (!first) return num(0);
  return rest.reduce((acc, t) => bin('+', acc, t), first);
}

/**
 * How many items lost points: items whose 得分 is below their 标准分值 (blank cells are not counted,
 * so unscored items do not count). Runs of adjacent items with equal points share one COUNTIF.
 */
export function countDeductions(unit: SummaryUnit, items: readonly RubricItem[]): Expr {
  const col = unit.analysis.table.columns.score;
  const scored = items.filter((i) => i.points !== null);
  if (col === undefined || scored.length === 0) return num(0);
  const runs = itemRuns(scored, (a, b) => a.points === b.points);
  return plus(
    runs.map((r) =>
      fn('COUNTIF', range(r.top, col, r.bottom, col, unit.sheet), str(`<${r.items[0]?.points ?? 0}`)),
    ),
  );
}

/** The items whose rule can veto the whole assessment. */
export function vetoItems(unit: SummaryUnit): RubricItem[] {
  return unit.analysis.table.items.filter((i) => isAssessmentVeto(unit.analysis.rules[i.id]));
}

const VETO_WORDS = ['*否决*', '*否決*', '*veto*'];

/** TRUE when a veto item fired: points lost on it, or its reason says 否决 (as the core reads it). */
export function vetoFired(unit: SummaryUnit, item: RubricItem): Expr {
  const { deduction, score, reason } = unit.analysis.table.columns;
  const cell = (col: number) => ref(item.row, col, unit.sheet);
  const terms: Expr[] = [];
  if (deduction !== undefined) terms.push(fn('COUNTIF', cell(deduction), str('>0')));
  if (score !== undefined && item.points !== null)
    terms.push(fn('COUNTIF', cell(score), str(`<${item.points}`)));
  if (reason !== undefined) for (const w of VETO_WORDS) terms.push(fn('COUNTIF', cell(reason), str(w)));
  return bin('>', plus(terms), num(0));
}

/** The reason text of a cell: its text, or "" when empty (a bare reference to an empty cell gives 0). */
export function textRef(row: number, col: number, sheet: string): Expr {
  return bin('&', ref(row, col, sheet), str(''));
}

/** "item label（reason）" for the first veto item that fired, else "". */
export function vetoReason(unit: SummaryUnit, items: readonly RubricItem[]): Expr {
  const reasonCol = unit.analysis.table.columns.reason;
  let out: Expr = str('');
  for (const item of [...items].reverse()) {
    let text: Expr = str(item.label);
    if (reasonCol !== undefined) {
      const r = textRef(item.row, reasonCol, unit.sheet);
      text = bin(
        '&',
        text,
        fn('IF', bin('=', r, str('')), str(''), bin('&', bin('&', str('（'), r), str('）'))),
      );
    }
    out = fn('IF', vetoFired(unit, item), text, out);
  }
  return out;
}

/** =HYPERLINK("#'Sheet'!E12","E12"): a link to a cell of a unit sheet. */
export function linkTo(sheet: string, row: number, col: number): Expr {
  return fn('HYPERLINK', str(`#${sheetRef(sheet)}!${a1(row, col)}`), str(a1(row, col)));
}
