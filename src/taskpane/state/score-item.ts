/**
 * 评分 step state as a pure reducer: which item is open, what the assessor typed for each term of
 * its rule, the reason, and the write in progress. Helpers read what the table already holds into a
 * draft, turn a draft into the core's term inputs, and find items by row.
 */
import type { ItemEntry, SheetAnalysis } from '../../core/model';
import type { DetectedTable, RubricItem } from '../../core/rubric';
import { handlerFor } from '../../core/rules/kinds';
import type { Rule } from '../../core/rules/types';
import { entryNumber } from '../../core/score';
import type { TermInput } from '../../core/writeback/item';

/** What the assessor typed: per rule term ('' = nothing, a number as text, or 是/否), and the reason. */
export interface ScoreDraft {
  raw: string[];
  reason: string;
}

export interface ScoreItemState {
  sheet: string | null;
  itemId: string | null;
  draft: ScoreDraft | null;
  busy: boolean;
  /** The item last written, for the confirmation line. */
  saved: { sheet: string; itemId: string; score: number } | null;
  /** Why the last 确定 did not write, to show beside the form. */
  problem: ScoreProblem | null;
}

export type ScoreProblem =
  | { code: 'changed' }
  | { code: 'noColumns' }
  | { code: 'bonusNeedsEntries' }
  | { code: 'badInput'; term: number }
  | { code: 'noItem' };

export type ScoreAction =
  /** Show an item; opening the item already shown keeps what was typed. */
  | { type: 'open'; sheet: string; itemId: string; draft: ScoreDraft }
  | { type: 'setInput'; term: number; raw: string }
  | { type: 'setReason'; reason: string }
  | { type: 'saveStart' }
  | { type: 'saved'; score: number }
  | { type: 'saveFailed'; problem: ScoreProblem | null };

export const initialScoreState: ScoreItemState = {
  sheet: null,
  itemId: null,
  draft: null,
  busy: false,
  saved: null,
  problem: null,
};

export function scoreReducer(state: ScoreItemState, action: ScoreAction): ScoreItemState {
  switch (action.type) {
    case 'open':
      if (state.sheet === action.sheet && state.itemId === action.itemId && state.draft) return state;
      return { ...state, sheet: action.sheet, itemId: action.itemId, draft: action.draft, problem: null };
    case 'setInput': {
      if (!state.draft) return state;
      const raw = [...state.draft.raw];
      while (raw.length <= action.term) raw.push('');
      raw[action.term] = action.raw;
      return { ...state, draft: { ...state.draft, raw }, problem: null };
    }
    case 'setReason':
      return state.draft
        ? { ...state, draft: { ...state.draft, reason: action.reason }, problem: null }
        : state;
    case 'saveStart':
      return { ...state, busy: true, problem: null };
    case 'saved':
      return {
        ...state,
        busy: false,
        saved:
          state.sheet !== null && state.itemId !== null
            ? { sheet: state.sheet, itemId: state.itemId, score: action.score }
            : null,
      };
    case 'saveFailed':
      return { ...state, busy: false, problem: action.problem };
  }
}

/** The item whose rows hold a sheet row (items may span merged rows), or undefined. */
export function itemAtRow(table: DetectedTable, row: number): RubricItem | undefined {
  return table.items.find((i) => row >= i.row && row <= i.lastRow);
}

/** The item before (-1) or after (+1) an item, in sheet order, or undefined at either end. */
export function neighbour(table: DetectedTable, itemId: string, dir: -1 | 1): RubricItem | undefined {
  const at = table.items.findIndex((i) => i.id === itemId);
  if (at < 0) return table.items[0];
  return table.items[at + dir];
}

/** Whether the term takes an input in the pane (terms that only describe full points do not). */
export function takesInput(rule: Rule, term: number): boolean {
  const t = rule.terms[term];
  return t !== undefined && handlerFor(t).input !== 'none';
}

function rawOf(v: number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/**
 * A draft from what the table holds for the item: the entry cells where it has them; a deduction
 * typed in 扣分 where the rule's only input is the deduction itself; the reason as written.
 */
export function draftFromEntry(rule: Rule, entry: ItemEntry | undefined): ScoreDraft {
  const raw = rule.terms.map((_, j) => rawOf(entry?.counts?.[j]));
  const inputs = rule.terms.flatMap((t, j) => (handlerFor(t).input === 'none' ? [] : [j]));
  const only = inputs.length === 1 ? inputs[0]! : -1;
  const onlyTerm = rule.terms[only];
  if (!entry?.counts?.some((c) => c !== null) && onlyTerm && handlerFor(onlyTerm).input === 'amount') {
    const d = entryNumber(entry?.deduction ?? null);
    if (d !== null) raw[only] = String(d);
  }
  return { raw, reason: entry?.reason ?? '' };
}

/** Number text as the assessor types it: full-width digits and a comma decimal are accepted. */
function parseNumberText(text: string): number | null {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。,，]/g, '.');
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

/**
 * The core's term inputs for a draft, and the terms whose text cannot be one (shown as the field's
 * error; the write is refused while any remain).
 */
export function inputsOf(rule: Rule, draft: ScoreDraft): { inputs: TermInput[]; bad: number[] } {
  const bad: number[] = [];
  const inputs = rule.terms.map((t, j): TermInput => {
    const raw = (draft.raw[j] ?? '').trim();
    const kind = handlerFor(t).input;
    if (kind === 'none' || raw === '') return null;
    if (kind === 'yesNo') {
      if (raw === '是') return true;
      if (raw === '否') return false;
      bad.push(j);
      return null;
    }
    const n = parseNumberText(raw);
    if (n === null || Number.isNaN(n) || (kind === 'percent' && n > 100)) {
      bad.push(j);
      return null;
    }
    return n;
  });
  return { inputs, bad };
}

/**
 * The rule's clauses the assessor can pick as the reason: the source text of each term, else the
 * source cut at its sentence marks. Duplicates and empty pieces are dropped.
 */
export function reasonClauses(rule: Rule): string[] {
  const fromTerms = rule.terms
    .map((t) => rule.source.slice(t.span.start, t.span.end).trim())
    .filter((s) => s.length > 1);
  const pieces =
    fromTerms.length > 0
      ? fromTerms
      : rule.source
          .split(/[；;。\n]/)
          .map((s) => s.trim())
          .filter((s) => s.length > 1);
  return [...new Set(pieces.map((s) => s.replace(/[，,；;。]+$/, '')))];
}

/** How many items of a sheet hold an entry (扣分, 得分 or an entry cell), for "已评 n / m 项". */
export function scoredCount(analysis: SheetAnalysis): number {
  return analysis.entries.filter(
    (e) =>
      entryNumber(e.deduction) !== null ||
      (e.score !== null && e.score.formula === null && entryNumber(e.score) !== null) ||
      (e.counts?.some((c) => c !== null) ?? false),
  ).length;
}

/**
 * The rule the pane asks for: the item's own, plus a deduction typed directly when none of its terms
 * takes an input (a rule that could not be read, or one that only says what earns full points), so
 * that every item can be scored.
 */
export function paneRule(rule: Rule): Rule {
  if (rule.terms.some((t) => handlerFor(t).input !== 'none')) return rule;
  return {
    ...rule,
    terms: [...rule.terms, { kind: 'discretion', what: '', span: { start: 0, end: 0 } }],
  };
}
