/**
 * Every clause accounted for: after the grammar has read a rule, each mention that carries weight —
 * points (3分), a count or a percentage (2次, 5人, 3天, 90%), money or hours (500元, 2课时) and every
 * consequence word (取消评优, 降档, 不合格, 一票否决 …) — must lie in a span the reading consumed: a
 * term, the cap, a limit, a restated point value or a count the reading used. Any other mention is
 * reported: its clause joins `unread`, so nothing that could change a score vanishes silently.
 */
import { prepare, split, toSpan, trimSeg } from './segments';
import type { Rule, Span } from './types';
import { N, VOCAB } from './vocab';

/** Points, always significant. */
const POINTS = new RegExp(`[-−]?${N}\\s*分(?![钟之])`, 'g');
/** Counts, percentages, days, money and hours: significant where the rule scores at all. */
const QUANTITY = new RegExp(
  `${N}\\s*(?:%|个百分点|百分点|人次|户次|次|人|天|日|元|万元|课时|学时|小时)`,
  'g',
);
/** Words that name a consequence beyond points. */
export const CONSEQUENCE_WORDS =
  '取消[^,;。]{0,8}?(?:评优|评先|资格)|一票否优|否优|一票否决|降档|降级|降等|降薪|降职|不合格|晋档|通报批评|诫勉|黄牌|红牌';
const CONSEQUENCE = new RegExp(CONSEQUENCE_WORDS, 'g');

/** A mention in source offsets, with the clause it sits in. */
export interface Mention {
  span: Span;
  clause: Span;
  text: string;
}

/** The weight-carrying mentions of a text (source offsets), each with its enclosing clause. */
export function mentionsIn(source: string): Mention[] {
  const x = prepare(source, 0);
  const scoring = VOCAB.test(x.t) || CONSEQUENCE.test(x.t);
  CONSEQUENCE.lastIndex = 0;
  const res = scoring ? [POINTS, QUANTITY, CONSEQUENCE] : [POINTS, CONSEQUENCE];
  const clauses = split(x.t).flat();
  const out: Mention[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    for (const m of x.t.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      const c = clauses.find((g) => g.s <= s && e <= g.e) ?? { s, e };
      const g = trimSeg(x.t, c.s, c.e);
      out.push({
        span: toSpan(x, s, e),
        clause: g.e > g.s ? toSpan(x, g.s, g.e) : toSpan(x, s, e),
        text: m[0],
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Every span the reading consumed: terms, cap, limits, restated points, counts used, unread. */
export function consumedSpans(rule: Rule): Span[] {
  const spans: Span[] = rule.terms.map((t) => t.span);
  if (rule.cap.span) spans.push(rule.cap.span);
  spans.push(...(rule.neutral ?? []), ...rule.unread);
  return spans;
}

/** Merge overlapping spans, in order. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * The rule with every unaccounted mention's clause added to `unread` (a new object; the input is
 * not changed).
 * @example accountFor(rule).unread
 */
export function accountFor(rule: Rule): Rule {
  const consumed = consumedSpans(rule);
  const missing = mentionsIn(rule.source).filter((m) => !consumed.some((c) => overlaps(c, m.span)));
  if (missing.length === 0) return rule;
  // A missing mention's clause, less any part a term already holds, is what was not read.
  const added = missing.map((m) => m.clause);
  return { ...rule, unread: merge([...rule.unread, ...added]) };
}
