/** The registry of term handlers: one per TermKind. */
import type { z } from 'zod';
import type { Term, TermKind } from '../types';
import type { TermHandler } from '../registry';
import { award, schema as awardSchema } from './award';
import { bonus, schema as bonusSchema } from './bonus';
import { choice, schema as choiceSchema } from './choice';
import { consequence, schema as consequenceSchema } from './consequence';
import { discretion, schema as discretionSchema } from './discretion';
import { flag, schema as flagSchema } from './flag';
import { fullIf, schema as fullIfSchema } from './fullIf';
import { perUnit, schema as perUnitSchema } from './perUnit';
import { range, schema as rangeSchema } from './range';
import { rank, schema as rankSchema } from './rank';
import { rate, schema as rateSchema } from './rate';
import { shortfall, schema as shortfallSchema } from './shortfall';
import { threshold, schema as thresholdSchema } from './threshold';
import { tier, schema as tierSchema } from './tier';
import { tierCount, schema as tierCountSchema } from './tierCount';
import { veto, schema as vetoSchema } from './veto';
import { zeroIf, schema as zeroIfSchema } from './zeroIf';

/**
 * Every kind's schema: the Term union (../types) is derived from this list, so a kind exists once it
 * is here; HANDLERS below then fails to compile until the kind has its handler.
 */
export const SCHEMAS = {
  perUnit: perUnitSchema,
  shortfall: shortfallSchema,
  threshold: thresholdSchema,
  rate: rateSchema,
  flag: flagSchema,
  award: awardSchema,
  fullIf: fullIfSchema,
  zeroIf: zeroIfSchema,
  veto: vetoSchema,
  bonus: bonusSchema,
  discretion: discretionSchema,
  tier: tierSchema,
  tierCount: tierCountSchema,
  choice: choiceSchema,
  rank: rankSchema,
  range: rangeSchema,
  consequence: consequenceSchema,
} as const;

/** The union of the kinds' terms, as their schemas describe them. */
export type SchemaTerm = { [K in keyof typeof SCHEMAS]: z.infer<(typeof SCHEMAS)[K]> }[keyof typeof SCHEMAS];

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
