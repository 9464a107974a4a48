/** Helpers every production shares: where its condition is, and how its outcome is spelled. */
import { toSpan, trimSeg, whatOf } from '../segments';
import type { Span, Term } from '../types';
import type { Seg } from '../vocab';
import type { Outcome, Site } from './types';

/** A condition as a term names it, and where its span starts. */
export interface Named {
  what: string;
  start: number;
}

const endsDe = (t: string, g: Seg): boolean => /的$/.test(t.slice(g.s, g.e));

/** A clause that goes on from the one before it ("…无明显标识，或未公示…的"): one condition with it. */
const joined = (t: string, g: Seg): boolean =>
  /^[\s,，、]*(?:或者?|或是|以及|及|和|并且?|且)/.test(t.slice(g.s, g.e));

/** The pending conditions that belong to the next action: trailing "…的" clauses if any, else all. */
export function pendingSegs(pending: readonly Seg[], t: string): Seg[] {
  const last = pending[pending.length - 1];
  if (!last || !endsDe(t, last)) return [...pending];
  let i = pending.length - 1;
  while (i > 0 && (endsDe(t, pending[i - 1]!) || joined(t, pending[i]!))) i--;
  return pending.slice(i);
}

/** The trailing "…的" clauses of the pending conditions (none when the last one does not end in 的). */
export function dePending(pending: readonly Seg[], t: string): Seg[] {
  const last = pending[pending.length - 1];
  if (!last || !endsDe(t, last)) return [];
  return pendingSegs(pending, t);
}

/** Segments joined into one condition (trimmed, comma-separated), with where it starts. */
export function joinSegs(t: string, segs: readonly Seg[], fallbackStart: number): Named {
  const parts = segs
    .map((g) => ({ g, p: trimSeg(t, g.s, g.e) }))
    .filter(({ p }) => p.e > p.s)
    .map(({ g, p }, i) => {
      // "…无明显标识，或未公示…": an alternative keeps its 或.
      const sep = i === 0 ? '' : /或/.test(t.slice(g.s, p.s)) ? '或' : ',';
      return { p, text: `${sep}${whatOf(t, p)}` };
    });
  return { what: parts.map((x) => x.text).join(''), start: parts[0]?.p.s ?? fallbackStart };
}

/** Condition text with the pending clauses in front (for fullIf / zeroIf / veto). */
export function withPending(site: Site): Named {
  const parts = pendingSegs(site.pending, site.x.t);
  return joinSegs(site.x.t, site.own ? [...parts, site.own] : parts, site.aSeg.s);
}

/** The action's own condition, else the pending clauses. */
export function ownOrPending(site: Site): Named {
  return site.own ? { what: whatOf(site.x.t, site.own), start: site.own.s } : withPending(site);
}

/** The span of a term from `start` (or the action, when earlier) to the end of the action. */
export function spanFrom(site: Site, start: number): Span {
  return toSpan(site.x, Math.min(start, site.aSeg.s), site.aSeg.e);
}

/** The span of the action phrase alone. */
export function actionSpan(site: Site): Span {
  return toSpan(site.x, site.aSeg.s, site.aSeg.e);
}

/** One term made. */
export const made = (...terms: Term[]): Outcome => ({ status: 'term', terms });

/** Nothing made: the span needs a decision. */
export const unreadAt = (span: Span): Outcome => ({ status: 'none', unread: [span] });

/** The phrase restates `term`, which now reaches to `end` too. */
export function mergedInto(term: Term, end: number): Outcome {
  return {
    status: 'merged',
    merged: { ...term, span: { start: term.span.start, end: Math.max(term.span.end, end) } },
  };
}
