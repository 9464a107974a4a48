/** Helpers shared by the term handlers: reading inputs and building guarded formula pieces. */
import { bin, type Expr, fn, num, str } from '../../formula/ast';
import { fmt } from '../../num';
import type { TermEffect } from '../registry';

/** No effect (nothing entered, or a term that scores nothing by itself). */
export const NONE: TermEffect = Object.freeze({ deductionCents: 0, bonusCents: 0, zero: false, veto: false });

export function deduct(cents: number): TermEffect {
  return { deductionCents: Math.max(0, Math.round(cents)), bonusCents: 0, zero: false, veto: false };
}

/**
 * A count or percentage entry as hundredths, or null when nothing usable was entered. A 是/否 typed
 * where a count was expected is nothing, as the formula's ISNUMBER test makes it; negatives count
 * as 0, as the formula's MAX(0, …) does.
 */
export function hundredths(input: number | boolean | null): number | null {
  if (input === null) return null;
  if (typeof input === 'boolean') return null;
  if (!Number.isFinite(input)) return null;
  return Math.max(0, Math.round(input * 100));
}

/** A 是/否 entry: true = 是, false = 否, null = anything else (the formulas test x="是" / x="否"). */
export function yes(input: number | boolean | null): boolean | null {
  return typeof input === 'boolean' ? input : null;
}

/** Exact amount (points) × count (hundredths) in cents. */
export function times(amountCents: number, countHundredths: number): number {
  return Math.round((amountCents * countHundredths) / 100);
}

/** IF(ISNUMBER(x), e, 0): a blank or text entry deducts nothing, as evaluate(null) does. */
export function ifNumber(input: Expr, e: Expr): Expr {
  return fn('IF', fn('ISNUMBER', input), e, num(0));
}

/** ROUND(e, 2): keeps written formulas on whole hundredths like the engine. */
export function round2(e: Expr): Expr {
  return fn('ROUND', e, num(2));
}

/** MAX(0, x) */
export function nonNeg(e: Expr): Expr {
  return fn('MAX', num(0), e);
}

/** x = "是" */
export function isYes(input: Expr): Expr {
  return bin('=', input, str('是'));
}

/** x = "否" */
export function isNo(input: Expr): Expr {
  return bin('=', input, str('否'));
}

/** floor(a / b) for a, b whole numbers, with only ROUND: ROUND(a/b − 0.5, 0), exact for whole a, b > 0. */
export function floorDiv(a: Expr, b: number): Expr {
  return fn('ROUND', bin('-', bin('/', a, num(b)), num(0.5)), num(0));
}

/** "0.5" */
export const f = fmt;

/** Keep prompts within the 200-character limit. */
export function clip(s: string, max = 200): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** "what" followed by 的 in Chinese prose, or nothing when what is empty. */
export function whatDe(what: string): string {
  return what === '' ? '' : what.endsWith('的') ? what : `${what}的`;
}

/** English gloss for Chinese `what`: quoted, since the rubric's own words are Chinese. */
export function whatEn(what: string): string {
  return what === '' ? '' : `"${what}"`;
}

/** "1 point", "0.5 points": the amount with the noun in the right number. */
export function pts(n: number): string {
  return `${fmt(n)} ${n === 1 ? 'point' : 'points'}`;
}
