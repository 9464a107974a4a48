/**
 * Scoring one item from the task pane: what the assessor entered for each term of the item's rule
 * (a count, a rate, 是/否, a deduction) and the reason, as a write plan over that item's cells only.
 *
 * Where the item's entries go, in this order:
 * - its entry cells (录入列), when the last write-back added them and computes 扣分 from them;
 * - else its 扣分 cell (the deduction the rule gives, capped as the rule caps it);
 * - else its 得分 cell (the score), on tables that have only a 得分 column.
 * The reason goes to 扣分原因. The same ownership rules as the write-back apply: a cell holding the
 * assessor's content is a conflict until they agree to replace it.
 */
import { a1, colIndex } from '../a1';
import { cellAt, type CellValue, formulaAt, type SheetGrid, textOf } from '../grid';
import type { SheetState } from '../meta';
import type { ItemEntry, ItemScore, SheetAnalysis } from '../model';
import { type Conflict, expectedOf, type WriteOp, type WritePlan } from '../plan';
import type { DetectedTable, RubricItem } from '../rubric';
import { handlerFor } from '../rules/kinds';
import type { Rule } from '../rules/types';
import { emptyRule, hasAssessmentVeto, opensItems, scoreItem } from '../score';
import { conflictAt, type Planned } from './ownership';

/** One term's input: a count, a rate in percent or a deduction (number), 是/否 (boolean), or nothing. */
export type TermInput = number | boolean | null;

export interface ItemEntryInput {
  /** Per rule term, same index as rule.terms. */
  inputs: readonly TermInput[];
  /** 扣分原因 as it should read afterwards ('' clears it). */
  reason: string;
}

/** Where the item's entries are written. */
export type ItemTarget = 'entries' | 'deduction' | 'score';

export type ItemPlanRefusal =
  /** The table has neither 扣分 nor 得分 (the write-back adds them). */
  | { code: 'noColumns' }
  /** A bonus can only be written as a 得分 or through entry columns, and this table has neither. */
  | { code: 'bonusNeedsEntries' }
  /** An input is not something the term takes (negative, not finite, or the wrong type). */
  | { code: 'badInput'; term: number }
  | { code: 'noItem' };

export type ItemPlan =
  | {
      ok: true;
      plan: WritePlan;
      target: ItemTarget;
      /** The item's score once the plan is applied, as the engine computes it. */
      score: ItemScore;
    }
  | { ok: false; refusal: ItemPlanRefusal };

export interface ItemPlanOptions {
  /** "sheet!A1" cells the assessor agreed to replace. */
  overwrite?: readonly string[];
}

/** Word the 扣分 formula reads in 扣分原因 to apply a whole-assessment veto. */
const VETO_WORD = '一票否决';

function ruleOf(analysis: SheetAnalysis, item: RubricItem): Rule {
  return analysis.rules[item.id] ?? emptyRule(item.criteria);
}

/** Whether an input fits what the term takes. */
function validInput(rule: Rule, j: number, v: TermInput): boolean {
  const term = rule.terms[j];
  if (!term || v === null) return true;
  const kind = handlerFor(term).input;
  if (kind === 'none') return false;
  if (kind === 'yesNo') return typeof v === 'boolean';
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return false;
  return kind !== 'percent' || v <= 100;
}

/**
 * The item's score for the inputs entered, as the engine computes it (nothing entered = full points),
 * on the item's table (a base-score or bonus-only table scores its items signed).
 * @example liveItemScore(item, rule, [2], analysis.table).deduction
 */
export function liveItemScore(
  item: RubricItem,
  rule: Rule,
  inputs: readonly TermInput[],
  table?: Pick<DetectedTable, 'scheme'>,
): ItemScore {
  const entry: ItemEntry = {
    itemId: item.id,
    deduction: null,
    score: null,
    reason: '',
    counts: rule.terms.map((_, j) => inputs[j] ?? null),
  };
  return scoreItem(item, rule, entry, table !== undefined && opensItems(table));
}

/** The entry column of each term (undefined where the term takes no input or has no column). */
function entryColumnsOf(rule: Rule, state: SheetState | undefined): (number | undefined)[] {
  const cols = (state?.entryColumns ?? []).map((c) => colIndex(c.col));
  return rule.terms.map((term, j) => (handlerFor(term).input === 'none' ? undefined : cols[j]));
}

/** Whether the last write-back computes this item's 扣分 / 得分 from its entry cells. */
function fromEntries(
  item: RubricItem,
  rule: Rule,
  analysis: SheetAnalysis,
  state: SheetState | undefined,
): boolean {
  const cols = entryColumnsOf(rule, state);
  if (!cols.some((c) => c !== undefined)) return false;
  const { deduction, score } = analysis.table.columns;
  const written = (col: number | undefined) =>
    col !== undefined && state?.formulas[a1(item.row, col)] !== undefined;
  return written(deduction) || written(score);
}

/** What an entry cell holds for an input: 是/否 as the formulas test them, numbers as numbers. */
function cellValueOf(v: TermInput): CellValue {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

/** The value a cell holds now, compared with what is planned, to leave unchanged cells alone. */
function holds(sheet: SheetGrid, row: number, col: number, planned: CellValue): boolean {
  if (formulaAt(sheet, row, col) !== null) return false;
  const now = cellAt(sheet, row, col);
  if (planned === null) return textOf(now) === '';
  return now === planned;
}

/**
 * Plan writing one item's entries. Cells that already hold the planned value are left alone; a cell
 * holding other content of the assessor's is a conflict unless listed in `overwrite`, and is not
 * written (callers show the conflicts and plan again with the cells the assessor confirmed).
 * @example
 * const p = planItemEntry(sheet, analysis, state, itemId, { inputs: [2], reason: '少开2次' });
 * if (p.ok && p.plan.conflicts.length === 0) await host.applyPlan(p.plan);
 */
export function planItemEntry(
  sheet: SheetGrid,
  analysis: SheetAnalysis,
  state: SheetState | undefined,
  itemId: string,
  entry: ItemEntryInput,
  opts: ItemPlanOptions = {},
): ItemPlan {
  const item = analysis.table.items.find((i) => i.id === itemId);
  if (!item) return { ok: false, refusal: { code: 'noItem' } };
  const rule = ruleOf(analysis, item);
  for (let j = 0; j < rule.terms.length; j++) {
    if (!validInput(rule, j, entry.inputs[j] ?? null))
      return { ok: false, refusal: { code: 'badInput', term: j } };
  }
  const { columns } = analysis.table;
  const score = liveItemScore(item, rule, entry.inputs, analysis.table);
  const writes: { row: number; col: number; value: CellValue }[] = [];
  let target: ItemTarget;
  let reason = entry.reason.trim();

  if (fromEntries(item, rule, analysis, state)) {
    target = 'entries';
    entryColumnsOf(rule, state).forEach((col, j) => {
      if (col !== undefined) writes.push({ row: item.row, col, value: cellValueOf(entry.inputs[j] ?? null) });
    });
  } else if (columns.deduction !== undefined && score.bonus === 0) {
    target = 'deduction';
    // A zeroed or vetoed item loses all its points; the 扣分 formula reads a whole-assessment veto
    // from the word 否决 in the reason.
    const deduction = score.zeroed || score.veto ? score.max : score.deduction;
    writes.push({ row: item.row, col: columns.deduction, value: deduction });
    if (score.veto && hasAssessmentVeto(rule) && !/否决|否決/.test(reason))
      reason = reason === '' ? VETO_WORD : `${VETO_WORD}：${reason}`;
  } else if (columns.score !== undefined && !ownedFormula(state, item.row, columns.score)) {
    target = 'score';
    writes.push({ row: item.row, col: columns.score, value: score.score });
  } else if (columns.deduction === undefined && columns.score === undefined) {
    return { ok: false, refusal: { code: 'noColumns' } };
  } else {
    return { ok: false, refusal: { code: 'bonusNeedsEntries' } };
  }
  if (columns.reason !== undefined)
    writes.push({ row: item.row, col: columns.reason, value: reason === '' ? null : reason });

  const overwrite = new Set(opts.overwrite ?? []);
  const ops: WriteOp[] = [];
  const conflicts: Conflict[] = [];
  for (const w of writes) {
    if (holds(sheet, w.row, w.col, w.value)) continue;
    const cell = a1(w.row, w.col);
    const planned: Planned = { value: w.value };
    const c = conflictAt(sheet, cell, planned, state, overwrite);
    if (c) {
      conflicts.push(c);
      continue;
    }
    // Compare-and-set: the host writes the cell only if it still holds what the assessor saw.
    const expected = expectedOf(cellAt(sheet, w.row, w.col), formulaAt(sheet, w.row, w.col));
    ops.push({ op: 'value', sheet: sheet.name, cell, value: w.value, expected });
  }
  return { ok: true, plan: { ops, owned: [], conflicts }, target, score };
}

function ownedFormula(state: SheetState | undefined, row: number, col: number): boolean {
  return state?.formulas[a1(row, col)] !== undefined;
}
