/**
 * Each rule term kind is a small handler (./kinds/<kind>.ts) that knows how it is entered, how it
 * scores, how it explains itself, how the pane names it and what formula it emits. Adding a kind
 * touches one file there, its test, one line in ./kinds/index.ts and the grammar rows that read it.
 */
import type { z } from 'zod';
import type { Expr } from '../formula/ast';
import type { Lang } from '../i18n';
import { HANDLERS } from './kinds';
import type { Term, TermKind, TierBand } from './types';

/** Kinds that take points away, so that the cap matters (the kinds whose flags say deducting). */
export const DEDUCTING_KINDS: ReadonlySet<Term['kind']> = new Set(
  Object.values(HANDLERS)
    .filter((h) => h.flags.deducting)
    .map((h) => h.kind),
);

/**
 * How a field of a term holds its value:
 * - number: a number ≥ 0, always present;
 * - nullableNumber: a number or null (null = none: no numeric target, no limit);
 * - optionalNumber: a number, or absent from the term (absent = the rule says nothing of it);
 * - text: a string;
 * - choice: one of `options`;
 * - bands: the bands of a tier (edited as a whole, not one number at a time).
 */
export type FieldType = 'number' | 'nullableNumber' | 'optionalNumber' | 'text' | 'choice' | 'bands';

/** A value a field may hold; undefined = absent (optionalNumber only). */
export type FieldValue = number | string | null | undefined | readonly TierBand[];

/** One field of a kind: its name on the term, how it holds its value, and what a new term starts with. */
export interface FieldSpec {
  name: string;
  type: FieldType;
  /** The value of a new term of the kind (undefined: the field starts absent). */
  default: FieldValue;
  /** Key of the field's label in the task pane's catalogue. */
  label: string;
  /** The values a choice field allows. */
  options?: readonly string[];
}

/**
 * Optional fields that only mean something together (第一次扣1分，第二次起每次扣2分: after and later),
 * stored flat on the term: either all are present or none is.
 */
export interface FieldGroup {
  name: string;
  type: 'nested';
  label: string;
  fields: readonly FieldSpec[];
}

export type FieldDecl = FieldSpec | FieldGroup;

/** What kind of rule a kind is, as other code asks it. */
export interface KindFlags {
  /** It takes points away, so the item's cap matters. */
  deducting: boolean;
  /** It can only take all of the item's points or none (veto, 不得分, the condition for full points). */
  allOrNothing: boolean;
  /** Its deduction comes in whole multiples of its amount. */
  hasStep: boolean;
}

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

/** The message language, declared once with the catalogues. */
export type { Lang };

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

/** A kind's name as the task pane shows it (its `kind.<name>` entry in each pane catalogue). */
export interface KindLabel {
  zh: string;
  en: string;
}

/**
 * A kind's handler over its own term type T. A kind's file declares its handler as
 * `KindHandler<z.infer<typeof schema>>`, so the Term union can be derived from the handlers without
 * a cycle; elsewhere the same type is named by kind, as TermHandler<K>.
 */
export interface KindHandler<T extends { kind: string }> {
  kind: T['kind'];
  /** How the rule editor names the kind. */
  label: KindLabel;
  input: InputKind;
  /** The schema of a term of this kind read back from a workbook (an override typed or saved). */
  schema: z.ZodType<T>;
  /** The fields the rule editor shows and a kind change carries over, in the order shown. */
  fields: readonly FieldDecl[];
  /** Keys of the schema that are neither `kind`, `span` nor a field, each with why (none so far). */
  derived?: Readonly<Record<string, string>>;
  flags: KindFlags;
  /**
   * The most a term of the kind can add on top of the item's points, in cents (Infinity: no limit).
   * Only kinds that give points have it.
   */
  bonusLimitCents?(term: T): number;
  /** Whether the term can set the whole assessment to 0 (一票否决). Only kinds that can veto have it. */
  vetoesAssessment?(term: T): boolean;
  /**
   * The bounds, in cents, a deduction the assessor types must lie within (视情况扣0.5—2分). Only kinds
   * whose deduction is chosen within stated bounds have it.
   */
  deductionBoundsCents?(term: T): { min: number; max: number };
  /** The effect of an input (null = nothing entered: no effect). */
  evaluate(term: T, input: number | boolean | null): TermEffect;
  /** One plain sentence, e.g. "每人扣0.5分" / "0.5 points off per person". */
  explain(term: T, lang: Lang): string;
  /** Entry-column prompt: what to count and what it costs (≤ 200 characters). */
  prompt(term: T, lang: Lang): string;
  /** Formula pieces over the input cell (yes/no inputs hold "是" or "否"). */
  formula(term: T, input: Expr): TermFormula;
}

/** The handler of kind K. */
export type TermHandler<K extends TermKind = TermKind> = KindHandler<Extract<Term, { kind: K }>>;
