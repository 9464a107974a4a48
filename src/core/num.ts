/**
 * Exact decimal arithmetic for scores. Every score in a rubric is a multiple of 0.01, so the core
 * computes in integer hundredths and converts back once; no 0.30000000000000004 reaches a user.
 */

/** 0.3 → 30. Values with more than two decimals are rounded half away from zero. */
export function toCents(x: number): number {
  const c = Math.round(Math.abs(x) * 100 + 1e-7);
  return x < 0 ? -c : c;
}

/** 30 → 0.3 */
export function fromCents(c: number): number {
  const v = Math.round(c) / 100;
  // No "-0" in a report: Object.is(-0, 0) is false and some writers print it.
  return v === 0 ? 0 : v;
}

/** Round to 0.01 the way Excel's ROUND(x,2) does (half away from zero). */
export function round2(x: number): number {
  return fromCents(toCents(x));
}

/** Exact sum of decimal scores. */
export function sum2(xs: readonly number[]): number {
  let c = 0;
  for (const x of xs) c += toCents(x);
  return fromCents(c);
}

/** Exact a - b. */
export function sub2(a: number, b: number): number {
  return fromCents(toCents(a) - toCents(b));
}

/** Exact amount × count, for a count that is a whole number or a decimal of up to two places. */
export function mul2(amount: number, count: number): number {
  return fromCents(Math.round((toCents(amount) * toCents(count)) / 100));
}

/** Whether x is a whole multiple of step (both read as hundredths). */
export function isMultipleOf(x: number, step: number): boolean {
  const s = toCents(step);
  if (s === 0) return true;
  return toCents(x) % s === 0;
}

/** Format a score for messages: at most two decimals, no trailing zeros. */
export function fmt(x: number): string {
  return String(round2(x));
}
