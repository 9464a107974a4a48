/**
 * Where a deduction finds what it is measured against when its own clause does not say: the required
 * count (全年不少于5篇, 每季度召开一次) and the rate target (达98%以上), in the criteria else the
 * requirement. Each lookup returns the span it took from the criteria, to be counted as read.
 */
import { type Text, numOf, toSpan, trimSeg } from '../segments';
import type { Span } from '../types';
import {
  PER_PERIOD,
  RATE_TARGET_FAR,
  RATE_TARGET_NEAR,
  REFERENCE,
  countPatterns,
  parseNumber,
  periodsPerYear,
} from '../vocab';
import type { Ctx } from './types';

export interface CountFound {
  value: number;
  /** Position in the criteria (normalised), or -1 when found in the requirement. */
  at: number;
  /** End of the phrase (normalised). */
  end: number;
  /** What is counted: the words before the count in its clause. */
  context: string;
  /** The whole phrase when the count is per period (每月不少于2次): not a count for the assessment. */
  periodic: string | null;
}

/** A value found, with the criteria span it was read from (null when from the requirement). */
export interface Found<T> {
  value: T;
  used: Span | null;
}

const BOUNDARY = /[,;。!?，]/;

/** The clause (comma/sentence-bounded) text before position i. */
function clauseBefore(t: string, i: number): string {
  let s = i;
  while (s > 0 && !BOUNDARY.test(t[s - 1]!)) s--;
  const g = trimSeg(t, s, i);
  return t.slice(g.s, g.e).replace(/^(?:有|全年|每年|共)/, '');
}

/** "有一次不完整，一次扣0.5分" describes a violation: a count in a clause that scores is no requirement. */
function inScoringClause(x: Text, c: CountFound): boolean {
  let s = c.at;
  while (s > 0 && !BOUNDARY.test(x.t[s - 1]!)) s--;
  let e = c.end;
  while (e < x.t.length && !BOUNDARY.test(x.t[e]!)) e++;
  return /扣|得分|不得分|加\d/.test(x.t.slice(s, e));
}

const TRAILING_VERB = /(?:不少于|不低于|不得少于|至少|最少|达到|满|少于|不足|低于|不到|未达到?|达不到|未满)$/;

/** One required-count phrase, read: per year, per period, or for the assessment. */
function countOf(x: Text, m: RegExpMatchArray & { index: number }, v: number): CountFound {
  const num = m[1] ?? '';
  // The context is the counted activity: the words before the number, without the verb.
  const before = clauseBefore(x.t, m.index + m[0].lastIndexOf(num));
  const place = { at: m.index, end: m.index + m[0].length };
  const period = PER_PERIOD.exec(`${before}${m[0]}`);
  const times = period ? periodsPerYear(period[0]) : null;
  const phrase = `${before}${m[0].slice(m[0].lastIndexOf(num))}`;
  // 每季度召开一次 → 4 in the assessment's year; the frequency stays named in the context.
  if (period && times !== null)
    return {
      value: v * times,
      ...place,
      context: `${phrase.replace(/^.*?(?=每)/, '')}(考核期按一年计)`,
      periodic: null,
    };
  if (period) return { value: v, ...place, context: before, periodic: phrase };
  const context = before.replace(TRAILING_VERB, '').replace(/^(?:至少|最少)/, '');
  return { value: v, ...place, context, periodic: null };
}

/** Every required-count phrase for `unit` in a text, in order. */
function countsIn(x: Text, unit: string): CountFound[] {
  const found: CountFound[] = [];
  for (const re of countPatterns(unit)) {
    for (const m of x.t.matchAll(re)) {
      const v = parseNumber(m[1] ?? '');
      if (v === null || v <= 0 || v > 10000 || !Number.isInteger(v)) continue;
      found.push(countOf(x, m, v));
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The required count for a shortfall in `unit`: nearest before `at` in the criteria, else after, else in the requirement. */
export function findRequired(ctx: Ctx, unit: string, at: number): Found<CountFound> | null {
  const scan = (x: Text): CountFound[] =>
    countsIn(x, unit).filter((c) => c.periodic === null && !inScoringClause(x, c));
  const inCrit = scan(ctx.crit);
  const before = inCrit.filter((c) => c.at < at);
  const pick = before.length > 0 ? before[before.length - 1] : inCrit[0];
  if (pick) return { value: pick, used: toSpan(ctx.crit, pick.at, pick.end) };
  const first = ctx.req ? scan(ctx.req)[0] : undefined;
  return first ? { value: { ...first, at: -1 }, used: null } : null;
}

/** A requirement stated per period (每季度召开…不少于1次), in the criteria else the requirement. */
export function findPeriodic(ctx: Ctx, unit: string): Found<string | null> {
  for (const x of [ctx.crit, ctx.req]) {
    const p = x ? countsIn(x, unit).find((c) => c.periodic !== null) : undefined;
    if (!x || !p) continue;
    return { value: p.periodic, used: x === ctx.crit ? toSpan(x, p.at, p.end) : null };
  }
  return { value: null, used: null };
}

/** The rate target: near the phrase, else anywhere in the criteria, else in the requirement. */
export function findTarget(ctx: Ctx, cond: string): Found<number | null> {
  const near = RATE_TARGET_NEAR.exec(cond);
  if (near) return { value: numOf(near, 1, 2), used: null };
  if (REFERENCE.test(cond)) return { value: null, used: null };
  for (const x of [ctx.crit, ctx.req]) {
    if (!x) continue;
    const m = RATE_TARGET_FAR.exec(x.t) ?? RATE_TARGET_NEAR.exec(x.t);
    if (!m) continue;
    return { value: numOf(m, 1, 2), used: x === ctx.crit ? toSpan(x, m.index, m.index + m[0].length) : null };
  }
  return { value: null, used: null };
}
