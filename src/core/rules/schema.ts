/** zod schemas for rules read back from a workbook (overrides typed or saved by users). */
import { z } from 'zod';
import type { Cap, Term } from './types';

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
const amount = z.number().finite().min(0).max(10000);
const text = z.string().max(500);
const bound = z.number().finite().min(0).max(100000).nullable();
const bands = z
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

export const termSchema: z.ZodType<Term> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('perUnit'),
    amount,
    unit: text,
    what: text,
    span,
    max: amount.optional(),
    after: amount.optional(),
    later: amount.optional(),
    extraAt: amount.optional(),
    extra: amount.optional(),
  }),
  z.object({ kind: z.literal('shortfall'), amount, required: amount, unit: text, what: text, span }),
  z.object({ kind: z.literal('threshold'), amount, required: amount, unit: text, what: text, span }),
  z.object({ kind: z.literal('rate'), amount, step: amount, target: amount.nullable(), what: text, span }),
  z.object({ kind: z.literal('flag'), amount, what: text, span }),
  z.object({ kind: z.literal('award'), amount, what: text, span }),
  z.object({ kind: z.literal('fullIf'), what: text, span }),
  z.object({ kind: z.literal('zeroIf'), what: text, span }),
  z.object({ kind: z.literal('veto'), scope: z.enum(['item', 'assessment']), what: text, span }),
  z.object({ kind: z.literal('bonus'), amount, max: amount.nullable(), unit: text, what: text, span }),
  z.object({ kind: z.literal('discretion'), what: text, span }),
  z.object({ kind: z.literal('tier'), bands, unit: z.enum(['%', '分']), what: text, span }),
  z.object({ kind: z.literal('tierCount'), bands, unit: text, what: text, span }),
  z.object({ kind: z.literal('choice'), bands, what: text, span }),
  z.object({ kind: z.literal('range'), min: amount, max: amount, what: text, span }),
  z.object({ kind: z.literal('consequence'), effect: text, what: text, span }),
]);

export const capSchema: z.ZodType<Cap> = z.union([
  z.object({ kind: z.literal('item'), span: span.nullable() }),
  z.object({ kind: z.literal('explicit'), amount, span }),
  z.object({ kind: z.literal('none'), span }),
]);
