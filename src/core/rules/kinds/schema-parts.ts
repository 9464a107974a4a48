/**
 * The zod pieces the kinds' schemas share (amounts, texts, spans, bands), and the compile-time check
 * that a kind's schema describes exactly its Term type.
 */
import { z } from 'zod';
import type { FieldSpec, KindFlags } from '../registry';

export const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export const amount = z.number().finite().min(0).max(10000);
export const text = z.string().max(500);
export const bound = z.number().finite().min(0).max(100000).nullable();
export const bands = z
  .array(
    z.object({
      lo: bound,
      loOpen: z.boolean(),
      hi: bound,
      hiOpen: z.boolean(),
      deduct: amount,
      score: amount.nullable(),
      label: text,
    }),
  )
  .min(1)
  .max(20);

/** True when A and B are the same type (not merely assignable one to the other). */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only for `true`: `type Check = Assert<Same<z.infer<typeof schema>, …>>`. */
export type Assert<T extends true> = T;

/** Fields many kinds share. */
export const WHAT: FieldSpec = { name: 'what', type: 'text', default: '', label: 'what' };
export const AMOUNT: FieldSpec = { name: 'amount', type: 'number', default: 1, label: 'amount' };
export const UNIT: FieldSpec = { name: 'unit', type: 'text', default: '次', label: 'unit' };
export const REQUIRED: FieldSpec = { name: 'required', type: 'number', default: 1, label: 'required' };
export const BANDS: FieldSpec = {
  name: 'bands',
  type: 'bands',
  default: [{ lo: null, loOpen: false, hi: null, hiOpen: false, deduct: 1, score: null, label: '' }],
  label: 'bands',
};

/** Flags of a kind that takes points away in whole multiples of its amount. */
export const STEPPED: KindFlags = { deducting: true, allOrNothing: false, hasStep: true };
/** Flags of a kind that takes points away by amounts of its own (bands, a range, the assessor's call). */
export const DEDUCTS: KindFlags = { deducting: true, allOrNothing: false, hasStep: false };
/** Flags of a kind that takes no points by itself or gives points. */
export const NO_DEDUCTION: KindFlags = { deducting: false, allOrNothing: false, hasStep: false };
/** Flags of a kind that takes all of the item's points or none. */
export const ALL_OR_NOTHING: KindFlags = { deducting: false, allOrNothing: true, hasStep: false };
