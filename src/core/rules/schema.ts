/**
 * zod schemas for rules read back from a workbook (overrides typed or saved by users). Each kind's
 * schema lives in its own file (./kinds/<kind>.ts); the union of terms is assembled from the kinds' list.
 */
import { z } from 'zod';
import { HANDLERS } from './kinds';
import { amount, span } from './kinds/schema-parts';
import type { Cap, Term } from './types';

// The kinds' schemas are z.object({ kind: z.literal(…), … }), each checked against its Term type where
// it is declared; the union only needs them as the discriminated options they are.
const options = Object.values(HANDLERS).map((h) => h.schema) as unknown as [
  z.ZodObject<{ kind: z.ZodLiteral<string> }>,
  ...z.ZodObject<{ kind: z.ZodLiteral<string> }>[],
];

export const termSchema: z.ZodType<Term> = z.discriminatedUnion(
  'kind',
  options,
) as unknown as z.ZodType<Term>;

export const capSchema: z.ZodType<Cap> = z.union([
  z.object({ kind: z.literal('item'), span: span.nullable() }),
  z.object({ kind: z.literal('explicit'), amount, span }),
  z.object({ kind: z.literal('none'), span }),
]);
