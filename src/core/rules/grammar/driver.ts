/**
 * The driver: cuts a text into sentences and clauses, finds each clause's actions, hands each to its
 * production and folds the outcomes into a new reading. Clauses with no action and no scoring words
 * wait as conditions for a later action in the sentence; clauses with scoring words that no
 * production reads are reported unread.
 */
import { type Text, split, toSpan, trimSeg } from '../segments';
import type { Span } from '../types';
import { type Action, type Seg, U, VOCAB } from '../vocab';
import { buildAt, findActions } from './productions';
import { dePending } from './site';
import type { Ctx, Outcome, Reading, Site } from './types';

const EMPTY: Reading = { terms: [], caps: [], unread: [], bonusMax: [], neutral: [], used: [] };

/** The reading with an outcome added; a merged term replaces the sentence's last term (index `last`). */
function fold(r: Reading, o: Outcome, last: number): Reading {
  const { merged } = o;
  const terms = merged ? r.terms.map((tm, i) => (i === last ? merged : tm)) : r.terms;
  return {
    terms: [...terms, ...(o.terms ?? [])],
    caps: [...r.caps, ...(o.caps ?? [])],
    unread: [...r.unread, ...(o.unread ?? [])],
    bonusMax: [...r.bonusMax, ...(o.bonusMax ?? [])],
    neutral: [...r.neutral, ...(o.neutral ?? [])],
    used: [...r.used, ...(o.used ?? [])],
  };
}

const withUnread = (r: Reading, span: Span): Reading => ({ ...r, unread: [...r.unread, span] });

/** Where a sentence is: its reading, the conditions waiting for an action, its last term's index. */
interface Sentence {
  reading: Reading;
  pending: Seg[];
  last: number;
}

/** What a clause's actions made: the sentence after them, whether any term was made, where they end. */
interface ActionsRead {
  st: Sentence;
  made: boolean;
  end: number;
}

/** One clause being read: the text, the item's context and the clause's place in it. */
interface InClause {
  x: Text;
  ctx: Ctx;
  clause: Seg;
}

/** Read one action of a clause, after the text from `from` (clause-relative) that is its condition. */
function readAction(
  { x, ctx, clause }: InClause,
  { st, a, from }: { st: Sentence; a: Action; from: number },
): ActionsRead {
  const { reading, pending, last } = st;
  const condSeg = trimSeg(x.t, clause.s + from, clause.s + a.s);
  const cond = x.t.slice(condSeg.s, condSeg.e);
  const aSeg = { s: clause.s + a.s, e: clause.s + a.e };
  const site: Site = {
    a,
    cond,
    own: cond === '' ? null : condSeg,
    condSeg,
    aSeg,
    pending,
    x,
    ctx,
    prev: last >= 0 ? reading.terms[last] : undefined,
    last: reading.terms[reading.terms.length - 1],
  };
  const o = buildAt(site);
  const next = fold(reading, o, last);
  if (o.status === 'cap') {
    // A limit or a restatement takes no condition: scoring words before it are left unread.
    const leftover = x.t.slice(clause.s + from, clause.s + a.s);
    const r = VOCAB.test(leftover) && cond !== '' ? withUnread(next, toSpan(x, condSeg.s, condSeg.e)) : next;
    return { st: { reading: r, pending, last }, made: false, end: a.e };
  }
  const grew = next.terms.length > reading.terms.length;
  if (o.status !== 'merged' && !grew) return { st: { ...st, reading: next }, made: false, end: a.e };
  return {
    st: { reading: next, pending: [], last: grew ? next.terms.length - 1 : last },
    made: true,
    end: a.e,
  };
}

/** Read one clause: its actions in order, then what is left after the last one. */
function readClause(start: Sentence, at: InClause): Sentence {
  const { x, clause } = at;
  const t = x.t;
  const text = t.slice(clause.s, clause.e);
  const actions = findActions(text);
  let acc: ActionsRead = { st: start, made: false, end: 0 };
  for (const a of actions) {
    const r = readAction(at, { st: acc.st, a, from: acc.end });
    acc = { ...r, made: acc.made || r.made };
  }
  const { st } = acc;
  if (actions.length === 0) {
    const g = trimSeg(t, clause.s, clause.e);
    if (VOCAB.test(text)) return { ...st, reading: withUnread(st.reading, toSpan(x, g.s, g.e)) };
    return { ...st, pending: [...st.pending, clause] };
  }
  const tail = trimSeg(t, clause.s + acc.end, clause.e);
  const tailText = t.slice(tail.s, tail.e);
  if (tailText !== '' && VOCAB.test(tailText))
    return { ...st, reading: withUnread(st.reading, toSpan(x, tail.s, tail.e)) };
  if (!acc.made && tailText !== '') return { ...st, pending: [...st.pending, tail] };
  return st;
}

/** Read one text (criteria or requirement) with the clause grammar. */
export function readText(x: Text, ctx: Ctx): Reading {
  let reading = EMPTY;
  let carried: Seg[] = [];
  for (const sentence of split(x.t)) {
    const pending = sentence[0] && startsWithAction(x.t, sentence[0]) ? carried : [];
    let st: Sentence = { reading, pending, last: -1 };
    for (const clause of sentence) st = readClause(st, { x, ctx, clause });
    reading = st.reading;
    carried = dePending(st.pending, x.t);
  }
  return reading;
}

/** Words before an action that only count (每次, 一次, 每有一项): no condition of their own. */
const COUNT_ONLY_WORDS = new RegExp(`^(?:每有|每|有)?(?:一|1)?(?:个|名)?${U}$`);

/**
 * Whether a clause opens with its action, or with a bare count and its action ("每次扣6分"): then "…的" clauses left over by the sentence
 * before ("…给与通气的。每次扣6分") are its condition, not lost at the sentence's end.
 */
function startsWithAction(t: string, clause: Seg): boolean {
  const first = findActions(t.slice(clause.s, clause.e))[0];
  if (!first) return false;
  const g = trimSeg(t, clause.s, clause.s + first.s);
  return g.e <= g.s || COUNT_ONLY_WORDS.test(t.slice(g.s, g.e));
}
