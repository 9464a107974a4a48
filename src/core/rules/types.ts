/**
 * A rule is what one item's 评分标准 says, as plain data: a list of terms, a cap, and what could not
 * be read. Each term keeps the span of the source text it came from.
 */

import type { SchemaTerm } from './kinds';

/** [start, end) offsets into Rule.source. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What an assessor counts for a term, and how that turns into points: the union of the kinds' terms,
 * derived from their schemas (the kinds listed in ./kinds/index.ts; each kind's file documents its term), so a
 * new kind is declared in its own file only.
 */
export type Term = SchemaTerm;

/** One band of a tier: where it applies and what it gives. */
export interface TierBand {
  /** Lower bound of the input (inclusive unless loOpen); null = none. */
  lo: number | null;
  loOpen: boolean;
  /** Upper bound of the input (inclusive unless hiOpen); null = none. */
  hi: number | null;
  hiOpen: boolean;
  /** Points off the item's points when this band applies. */
  deduct: number;
  /** The score the text states for the band (得5分 → 5, 得满分 → the item's points), null when it states a deduction. */
  score: number | null;
  /** The band's condition in the rubric's words (for alternatives and grades). */
  label: string;
}

export type TermKind = Term['kind'];

/** How far deductions may go. */
export type Cap =
  /** 扣完为止 (and the default): total deduction ≤ the item's points. */
  | { kind: 'item'; span: Span | null }
  /** 最多扣N分 / 扣分不超过N分: total deduction ≤ amount (and ≤ the item's points). */
  | { kind: 'explicit'; amount: number; span: Span }
  /** 扣完倒扣分: the score may go below zero. */
  | { kind: 'none'; span: Span };

export interface Rule {
  /** The text the rule was read from (评分标准, plus 目标要求 where the rule lives there). */
  source: string;
  terms: Term[];
  cap: Cap;
  /** Spans of the source that say something about scoring but could not be read. */
  unread: Span[];
  /**
   * Spans read that add no term: a restated point value (满分5分), a limit folded into a term, a
   * required count or target a term took from elsewhere in the text, a method note (查阅档案).
   */
  neutral?: Span[] | undefined;
  /** True when the rule comes from a user's override rather than the parser. */
  overridden: boolean;
  /**
   * 最高加N分 said after several bonus terms: a limit on their sum (each term keeps its own max).
   * Absent when the rule has no such limit.
   */
  bonusCap?: number | undefined;
  /**
   * Its deductions come off the sheet's total (在总分中扣除10分, an item of a 扣分项 / 负面清单 section
   * with no points of its own): not bounded by the item's points, only by a cap the rule states, so
   * the item's score may go below 0 and the total goes down by the whole deduction.
   */
  fromTotal?: boolean | undefined;
}

/** A user's decision about an item's rule, stored in the workbook. */
export interface RuleOverride {
  /** Matches the item by sheet + its 评分标准 text (robust to rows moving). */
  sheet: string;
  itemText: string;
  criteria: string;
  terms: Term[];
  cap: Cap;
  bonusCap?: number | undefined;
}
