/** zod schemas for rules read back from a workbook (overrides typed or saved by users). */
import { z } from 'zod';
import type { Cap, Term } from './types';

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
const amount = z.number().finite().min(0).max(10000);
const text = z.string().max(500);

export const termSchema: z.ZodType<Term> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('perUnit'), amount, unit: text, what: text, span }),
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
]);

export const capSchema: z.ZodType<Cap> = z.union([
  z.object({ kind: z.literal('item'), span: span.nullable() }),
  z.object({ kind: z.literal('explicit'), amount, span }),
  z.object({ kind: z.literal('none'), span }),
]);
