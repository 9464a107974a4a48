/** The registry of term handlers: one per TermKind. */
import type { z } from 'zod';
import type { KindLabel, TermHandler } from '../registry';
import type { Term, TermKind } from '../types';
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

/**
 * Every kind, each a handler holding its schema, label and functions. The Term union (../types) is
 * derived from the schemas here, so a kind exists once its one line is here; HANDLERS below then
 * fails to compile when a line's name differs from its handler's kind.
 */
const KINDS = {
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
} as const;

/** The union of the kinds' terms, as their schemas describe them. */
export type SchemaTerm = {
  [K in keyof typeof KINDS]: z.infer<(typeof KINDS)[K]['schema']>;
}[keyof typeof KINDS];

/** Every kind's handler, by kind. */
export const HANDLERS: { readonly [K in TermKind]: TermHandler<K> } = KINDS;

/**
 * The pane's `kind.<name>` entries in one language, from the kinds' labels.
 * @example kindLabels('zh')['kind.veto'] === '一票否决'
 */
export function kindLabels(lang: keyof KindLabel): Record<`kind.${TermKind}`, string> {
  return Object.fromEntries(Object.values(HANDLERS).map((h) => [`kind.${h.kind}`, h.label[lang]])) as Record<
    `kind.${TermKind}`,
    string
  >;
}

/**
 * The handler for a term, typed loosely so callers can pass the term they hold.
 * @example handlerFor(term).evaluate(term as never, 3).deductionCents
 */
export function handlerFor<T extends Term>(term: T): TermHandler<T['kind']> {
  return HANDLERS[term.kind] as unknown as TermHandler<T['kind']>;
}
