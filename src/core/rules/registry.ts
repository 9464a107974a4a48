/**
 * Each rule term kind is a small handler (./kinds/<kind>.ts) that knows how it is entered, how it
 * scores, how it explains itself and what formula it emits. Adding a kind touches one file there,
 * its test, and the list below.
 */
import type { Expr } from '../formula/ast';
import type { Term, TermKind } from './types';

/** Kinds that take points away, so that the cap matters. */
export const DEDUCTING_KINDS: ReadonlySet<Term['kind']> = new Set([
  'perUnit',
  'shortfall',
  'threshold',
  'rate',
  'flag',
  'award',
  'discretion',
  'tier',
  'tierCount',
  'choice',
  'range',
]);

/** What an assessor enters for a term in an entry column. */
export type InputKind =
  /** A whole number ≥ 0 (persons, times, documents). */
  | 'count'
  /** A percentage 0–100. */
  | 'percent'
  /** 是/否. */
  | 'yesNo'
  /** A deduction in points, decided by the assessor (discretion). */
  | 'amount'
  /** Nothing to enter (fullIf). */
  | 'none';

export type Lang = 'zh' | 'en';

/** What one term contributes, in hundredths of a point. */
export interface TermEffect {
  /** Points deducted (≥ 0), before the item's cap. */
  deductionCents: number;
  /** Bonus points added (≥ 0), already limited by the term's own max. */
  bonusCents: number;
  /** The item scores 0. */
  zero: boolean;
  /** The whole assessment scores 0. */
  veto: boolean;
}

/** Formula pieces for one term, given the expression of its input cell. */
export interface TermFormula {
  deduction?: Expr;
  bonus?: Expr;
  /** A condition that zeroes the item. */
  zero?: Expr;
  /** A condition that vetoes the whole assessment. */
  veto?: Expr;
}

export interface TermHandler<K extends TermKind = TermKind> {
  kind: K;
  input: InputKind;
  /** The effect of an input (null = nothing entered: no effect). */
  evaluate(term: Extract<Term, { kind: K }>, input: number | boolean | null): TermEffect;
  /** One plain sentence, e.g. "每人扣0.5分" / "0.5 points off per person". */
  explain(term: Extract<Term, { kind: K }>, lang: Lang): string;
  /** Entry-column prompt: what to count and what it costs (≤ 200 characters). */
  prompt(term: Extract<Term, { kind: K }>, lang: Lang): string;
  /** Formula pieces over the input cell (yes/no inputs hold "是" or "否"). */
  formula(term: Extract<Term, { kind: K }>, input: Expr): TermFormula;
}
