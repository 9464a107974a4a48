/**
 * Productions read after the clause grammar, over phrases that span clauses: escalation (第一次扣1分，
 * 第二次起每次扣2分; 再次发现的加倍扣分; 累计扣满3分的，另扣5分), a cap said first (本项共扣4分，其中……)
 * and one cap per term (每次扣0.5分，最多扣2分；每人扣1分，最多扣3分). Each production replaces what the
 * clause grammar made of its phrase; where the phrase cannot be tied to one per-unit deduction it is
 * reported unread (needs a decision), never dropped.
 */
import { DEDUCTING_KINDS } from './registry';
import { type Text, toSpan } from './segments';
import type { Cap, Span, Term } from './types';

type PerUnit = Extract<Term, { kind: 'perUnit' }>;

/** What the clause grammar produced, as the productions below read it. */
export interface Reading {
  terms: Term[];
  caps: { cap: Cap; at: number }[];
  unread: Span[];
  neutral: Span[];
}

const N = '(\\d+(?:\\.\\d+)?)';
const EXTRA = new RegExp(
  `(?:累计)?扣(?:分)?(?:满|达到?)${N}分(?:的|以上的?|后|时)?,?(?:另|再|追加|加)扣除?${N}分`,
  'g',
);
const DOUBLE =
  /(?:再次|第二次|重复|二次)(?:发现|出现|发生)?(?:同类问题)?(?:的|者)?,?(?:加倍|翻倍|双倍)(?:扣分|扣除|扣)/g;
const STEPPED = new RegExp(
  `(?:第一次|首次|初次)扣${N}分,(?:第二次|再次|以后|此后)(?:起|及以后|以后|及以上|以上)?(?:每次)?扣${N}分`,
  'g',
);
const BEYOND = new RegExp(`(?:并|另|再)?追加扣除?${N}分`, 'g');
const CAP_FIRST = new RegExp(
  `(?:本项|该项|此项)(?:共|合计|累计|总|最多|最高)?计?扣${N}分(?:为限)?,?其中`,
  'g',
);
const TERM_CAP = new RegExp(`(?:累计)?(?:最多|最高|至多|不超过|封顶)(?:扣除?)?${N}分`, 'g');
/** Escalation words no production above took: reported, never left to a misreading. */
const LEFTOVER = /加倍扣|翻倍扣|双倍扣|另扣|追加扣|扣满\d+(?:\.\d+)?分(?!为止|封顶)/g;

const inside = (a: Span, p: Span): boolean => a.start >= p.start && a.end <= p.end;
const overlaps = (a: Span, p: Span): boolean => a.start < p.end && p.start < a.end;

function matches(re: RegExp, t: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...t.matchAll(re)] as RegExpExecArray[];
}

/** Drop what the clause grammar read inside span p (terms, caps, unread). */
function clear(r: Reading, p: Span): Reading {
  return {
    terms: r.terms.filter((tm) => !inside(tm.span, p)),
    caps: r.caps.filter((c) => !(c.cap.span && overlaps(c.cap.span, p))),
    unread: r.unread.filter((u) => !overlaps(u, p)),
    neutral: r.neutral,
  };
}

/** The reading with `term` replaced by `next` (the same object, found by identity). */
const replaced = (r: Reading, term: Term, next: Term): Reading => ({
  ...r,
  terms: r.terms.map((tm) => (tm === term ? next : tm)),
});

/** The one per-unit deduction before p, when it is the only deducting term before p. */
function soleBefore(r: Reading, p: Span): PerUnit | null {
  const before = r.terms.filter((tm) => tm.span.end <= p.start && DEDUCTING_KINDS.has(tm.kind));
  const only = before.length === 1 ? before[0] : undefined;
  return only && only.kind === 'perUnit' && only.after === undefined ? only : null;
}

function stepped(x: Text, r0: Reading): Reading {
  let r = r0;
  for (const m of matches(STEPPED, x.t)) {
    const p = toSpan(x, m.index, m.index + m[0].length);
    const a = Number(m[1]);
    const b = Number(m[2]);
    const lead = r.terms.find((tm) => tm.span.start < p.start && tm.span.end > p.start);
    const start = lead ? lead.span.start : p.start;
    const what = lead && 'what' in lead ? lead.what.replace(/(?:第一次|首次|初次)$/, '') : '';
    const whole = { start, end: p.end };
    const kept = clear(r, whole);
    const term: Term = { kind: 'perUnit', amount: a, unit: '次', what, span: whole, after: 1, later: b };
    r = { ...kept, terms: [...kept.terms, term] };
  }
  return r;
}

/**
 * 再次发现的加倍扣分 needs to know which of the counted units are repeats, which a count does not
 * say: it is reported (needs a decision), and what the clause grammar made of it is dropped.
 */
function doubled(x: Text, r0: Reading): Reading {
  let r = r0;
  for (const m of matches(DOUBLE, x.t)) {
    // The whole clause: what is repeated (同一问题重复出现的) is part of what needs deciding.
    const head = x.t.slice(0, m.index).search(/[^,;。!?\n]*$/);
    const p = toSpan(x, head, m.index + m[0].length);
    const kept = clear(r, p);
    r = { ...kept, unread: [...kept.unread, p] };
  }
  return r;
}

/** 累计扣满3分的，另扣5分 adds to the one per-unit deduction before it. */
function extra(x: Text, r0: Reading, points: number | null): Reading {
  let r = r0;
  for (const m of matches(EXTRA, x.t)) {
    const p = toSpan(x, m.index, m.index + m[0].length);
    r = clear(r, p);
    const base = soleBefore(r, p);
    // An extra that does not fit within the item's points (扣满4分的，追加扣除10分 on a 4-point item)
    // is taken from beyond the item: no item term can hold it.
    const fits = points !== null && Number(m[1]) + Number(m[2]) <= points;
    if (!base || base.extraAt !== undefined || !fits) {
      r = { ...r, unread: [...r.unread, p] };
      continue;
    }
    const span = { start: base.span.start, end: Math.max(base.span.end, p.end) };
    r = replaced(r, base, { ...base, extraAt: Number(m[1]), extra: Number(m[2]), span });
  }
  return r;
}

/**
 * 不得分，并追加扣除10分 / 除不得分外，追加扣除5分: a deduction beyond the item's own points, which
 * no item term holds (the item is already at zero). Reported as needing a decision, with its clause,
 * instead of a one-time deduction the item cap would swallow.
 */
function beyondItem(x: Text, r0: Reading): Reading {
  let r = r0;
  for (const m of matches(BEYOND, x.t)) {
    const p = toSpan(x, m.index, m.index + m[0].length);
    if (
      r.unread.some((u) => overlaps(u, p)) ||
      r.terms.some((tm) => tm.kind === 'perUnit' && tm.extra !== undefined && overlaps(tm.span, p))
    )
      continue;
    const kept = clear(r, p);
    r = { ...kept, unread: [...kept.unread, p] };
  }
  return r;
}

function capFirst(x: Text, r0: Reading): Reading {
  let r = r0;
  for (const m of matches(CAP_FIRST, x.t)) {
    const p = toSpan(x, m.index, m.index + m[0].length);
    // An unread clause that only starts inside the cap's words (其中再次发现的加倍扣分, reported by
    // `doubled`) stays reported: the cap reads 本项共扣N分，其中, not what follows it.
    const kept = { ...clear(r, p), unread: r.unread.filter((u) => !inside(u, p)) };
    const cap: Cap = { kind: 'explicit', amount: Number(m[1]), span: p };
    r = { ...kept, caps: [...kept.caps, { cap, at: m.index }] };
  }
  return r;
}

/** Two or more limits, each after exactly one per-unit deduction of its own: each limits its term. */
function termCaps(x: Text, r0: Reading): Reading {
  const caps = matches(TERM_CAP, x.t).map((m) => ({
    p: toSpan(x, m.index, m.index + m[0].length),
    v: Number(m[1]),
  }));
  if (caps.length < 2) return r0;
  let from = 0;
  const owners: PerUnit[] = [];
  for (const c of caps) {
    const mine = r0.terms.filter(
      (tm) => tm.span.start >= from && tm.span.end <= c.p.start && DEDUCTING_KINDS.has(tm.kind),
    );
    const only = mine.length === 1 ? mine[0] : undefined;
    if (only?.kind !== 'perUnit') return r0;
    owners.push(only);
    from = c.p.end;
  }
  return caps.reduce((r, c, i) => {
    const kept = clear(r, c.p);
    const owner = owners[i]!;
    return { ...replaced(kept, owner, { ...owner, max: c.v }), neutral: [...kept.neutral, c.p] };
  }, r0);
}

/** Escalation words no production above took: reported, never left to a misreading. */
function leftover(x: Text, r: Reading): Reading {
  const claimed = r.terms.map((tm) => tm.span);
  let caps = r.caps;
  const unread = [...r.unread];
  for (const m of matches(LEFTOVER, x.t)) {
    const p = toSpan(x, m.index, m.index + m[0].length);
    if (claimed.some((c) => overlaps(c, p)) || unread.some((u) => overlaps(u, p))) continue;
    caps = caps.filter((c) => !(c.cap.span && overlaps(c.cap.span, p)));
    unread.push(p);
  }
  return { ...r, caps, unread };
}

/** Apply the cross-clause productions to a reading of x; returns the new reading. */
export function readAcrossClauses(x: Text, r: Reading, points: number | null): Reading {
  const steps = [
    (q: Reading) => stepped(x, q),
    (q: Reading) => doubled(x, q),
    (q: Reading) => extra(x, q, points),
    (q: Reading) => beyondItem(x, q),
    (q: Reading) => capFirst(x, q),
    (q: Reading) => termCaps(x, q),
    (q: Reading) => leftover(x, q),
  ];
  const out = steps.reduce((q, step) => step(q), {
    terms: r.terms,
    caps: r.caps,
    unread: r.unread,
    neutral: r.neutral,
  });
  return {
    ...out,
    terms: [...out.terms].sort((p, q) => p.span.start - q.span.start),
    unread: [...out.unread].sort((p, q) => p.start - q.start),
  };
}
