/**
 * 无方案、小结、信息的各扣1分 / "未协助…的，未组织…的，各扣1分": one flag per listed thing, the
 * deduction read as one for each.
 */
import { toSpan, trimSeg, whatOf } from '../segments';
import type { Term } from '../types';
import { LIST_NEGATION } from '../vocab';
import type { Deduction } from './deduction';
import { actionSpan } from './site';
import type { Outcome } from './types';

const BOUNDARY = /[,;。!?，]/;

/** Is the deduction said of each (各, 均, 分别 just before it)? */
function saidOfEach(d: Deduction): boolean {
  const { own, aSeg, x } = d.site;
  let clauseStart = aSeg.s;
  while (clauseStart > 0 && !BOUNDARY.test(x.t[clauseStart - 1]!)) clauseStart--;
  return /(?:各|均|分别)\s*$/.test(x.t.slice(own ? own.s : clauseStart, aSeg.s));
}

const flags = (d: Deduction, terms: Term[]): Outcome => ({
  status: 'term',
  terms,
  neutral: [actionSpan(d.site)],
});

/** One flag per "…的" condition clause before the action. */
function perClause(d: Deduction): Outcome {
  const t = d.site.x.t;
  const terms: Term[] = d.dp
    .map((g0) => trimSeg(t, g0.s, g0.e))
    .filter((g) => g.e > g.s)
    .map((g) => ({ kind: 'flag', amount: d.amount, what: whatOf(t, g), span: toSpan(d.site.x, g.s, g.e) }));
  return flags(d, terms);
}

/** One flag per element of a 、 list, the list's negation (无, 未…) carried to each. */
function perElement(d: Deduction, listSeg: { s: number; e: number }): Outcome {
  const { x } = d.site;
  const list = x.t.slice(listSeg.s, listSeg.e);
  const neg = LIST_NEGATION.exec(list)?.[0] ?? '';
  const terms: Term[] = [];
  let s = listSeg.s;
  for (const part of list.split('、')) {
    const g = trimSeg(x.t, s, s + part.length);
    s += part.length + 1;
    if (g.e <= g.s) continue;
    const el = x.t.slice(g.s, g.e);
    const what = neg !== '' && !LIST_NEGATION.test(el) ? `${neg}${el}` : el;
    terms.push({ kind: 'flag', amount: d.amount, what, span: toSpan(x, g.s, g.e) });
  }
  return flags(d, terms);
}

/** The list alternative: null when the deduction is not said of each listed thing. */
export function listFlags(d: Deduction): Outcome | null {
  if (!saidOfEach(d)) return null;
  const { own, x } = d.site;
  if (!own && d.dp.length >= 2) return perClause(d);
  const first = d.dp[0];
  const listSeg = own ?? (d.dp.length === 1 && first ? trimSeg(x.t, first.s, first.e) : null);
  if (listSeg && x.t.slice(listSeg.s, listSeg.e).includes('、')) return perElement(d, listSeg);
  return null;
}
