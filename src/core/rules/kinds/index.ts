/** The registry of term handlers: one per TermKind. */
import type { Term, TermKind } from '../types';
import type { TermHandler } from '../registry';
import { award } from './award';
import { bonus } from './bonus';
import { choice } from './choice';
import { consequence } from './consequence';
import { discretion } from './discretion';
import { flag } from './flag';
import { fullIf } from './fullIf';
import { perUnit } from './perUnit';
import { range } from './range';
import { rank } from './rank';
import { rate } from './rate';
import { shortfall } from './shortfall';
import { threshold } from './threshold';
import { tier } from './tier';
import { tierCount } from './tierCount';
import { veto } from './veto';
import { zeroIf } from './zeroIf';

/** Every kind's handler; the mapped type makes a missing kind a compile error. */
export const HANDLERS: { [K in TermKind]: TermHandler<K> } = {
  perUnit,
  shortfall,
  threshold,
  rate,
  flag,
  award,
  fullIf,
  zeroIf,
  veto,
  bonus,
  discretion,
  tier,
  tierCount,
  choice,
  rank,
  range,
  consequence,
};

/**
 * The handler for a term, typed loosely so callers can pass the term they hold.
 * @example handlerFor(term).evaluate(term as never, 3).deductionCents
 */
export function handlerFor<T extends Term>(term: T): TermHandler<T['kind']> {
  return HANDLERS[term.kind] as unknown as TermHandler<T['kind']>;
}
