/**
 * The shapes the clause grammar works with: what a production sees of its phrase (a Site), and what
 * it gives back (an Outcome). Productions never change what was read before them; the driver folds
 * each outcome into a new reading.
 */
import type { Text } from '../segments';
import type { Cap, Span, Term } from '../types';
import type { Action, ActionKind, Seg } from '../vocab';

/** What the whole item offers a production beyond its clause. */
export interface Ctx {
  crit: Text;
  req: Text | null;
  points: number | null;
}

/** A bonus limit with no bonus term yet: applied after the whole text is read. */
export interface BonusMax {
  amount: number;
  at: Seg;
  what: string;
}

/** What the grammar has read of one text so far. */
export interface Reading {
  terms: Term[];
  caps: { cap: Cap; at: number }[];
  unread: Span[];
  bonusMax: BonusMax[];
  /** Spans read that add no term (restated points, limits folded into a term). */
  neutral: Span[];
  /** Spans of counts and targets a term took from elsewhere in the criteria (collected as neutral). */
  used: Span[];
}

/** One action phrase in its clause, as a production sees it. */
export interface Site {
  a: Action;
  /** The condition before the action in its clause, trimmed ('' when none). */
  cond: string;
  /** The condition's segment, or null when the action has none of its own. */
  own: Seg | null;
  condSeg: Seg;
  aSeg: Seg;
  /** Clauses of the sentence so far that had no action: conditions waiting for one. */
  pending: Seg[];
  x: Text;
  ctx: Ctx;
  /** The last term made in this sentence, if any (for restatements and limits). */
  prev: Term | undefined;
  /** The last term made in the whole text, if any. */
  last: Term | undefined;
}

/**
 * What a production read. `status` tells the driver how the clause goes on: 'cap' (a limit or a
 * restatement, the pending conditions stay), 'term' (terms made), 'merged' (the phrase restates the
 * sentence's last term, which `merged` replaces), 'none' (nothing made).
 */
export interface Outcome {
  status: 'cap' | 'term' | 'merged' | 'none';
  terms?: Term[];
  caps?: { cap: Cap; at: number }[];
  unread?: Span[];
  neutral?: Span[];
  bonusMax?: BonusMax[];
  used?: Span[];
  merged?: Term;
}

/** A named production: the action pattern it answers and how it builds its outcome. */
export interface Production {
  name: ActionKind;
  match: RegExp;
  build: (site: Site) => Outcome;
}
