/** Each kind's declared fields and flags agree with its schema and with what the rest of the core asks. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { HANDLERS } from '../../../src/core/rules/kinds';
import { DEDUCTING_KINDS, type FieldSpec } from '../../../src/core/rules/registry';
import { termSchema } from '../../../src/core/rules/schema';
import type { TermKind } from '../../../src/core/rules/types';

const KINDS = Object.keys(HANDLERS) as TermKind[];

function shapeOf(kind: TermKind): Record<string, z.ZodType> {
  return (HANDLERS[kind].schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
}

function specsOf(kind: TermKind): FieldSpec[] {
  return HANDLERS[kind].fields.flatMap((d) => (d.type === 'nested' ? [...d.fields] : [d]));
}

/** A term of the kind made of its fields' defaults. */
function defaultTerm(kind: TermKind): Record<string, unknown> {
  const t: Record<string, unknown> = { kind, span: { start: 0, end: 0 } };
  for (const f of specsOf(kind)) if (f.default !== undefined) t[f.name] = f.default;
  return t;
}

describe.each(KINDS)('the %s kind', (kind) => {
  it('declares every key of its schema but kind and span as a field, or says why it is derived', () => {
    const keys = Object.keys(shapeOf(kind)).filter((k) => k !== 'kind' && k !== 'span');
    const declared = [...specsOf(kind).map((f) => f.name), ...Object.keys(HANDLERS[kind].derived ?? {})];
    expect([...declared].sort()).toEqual([...keys].sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('has field types its schema agrees with', () => {
    const shape = shapeOf(kind);
    for (const f of specsOf(kind)) {
      const s = shape[f.name]!;
      const ok = (v: unknown) => s.safeParse(v).success;
      switch (f.type) {
        case 'number':
          expect([ok(1.5), ok(null), ok(undefined), ok('1')], f.name).toEqual([true, false, false, false]);
          break;
        case 'nullableNumber':
          expect([ok(1.5), ok(null), ok(undefined)], f.name).toEqual([true, true, false]);
          break;
        case 'optionalNumber':
          expect([ok(1.5), ok(null), ok(undefined)], f.name).toEqual([true, false, true]);
          break;
        case 'text':
          expect([ok('每人'), ok(1)], f.name).toEqual([true, false]);
          break;
        case 'choice':
          expect(f.options?.length, f.name).toBeGreaterThan(1);
          for (const o of f.options ?? []) expect(ok(o), `${f.name}=${o}`).toBe(true);
          expect(ok('something else'), f.name).toBe(false);
          break;
        case 'bands':
          expect([ok(f.default), ok([])], f.name).toEqual([true, false]);
          break;
      }
    }
  });

  it('makes a valid term from its defaults', () => {
    expect(HANDLERS[kind].schema.safeParse(defaultTerm(kind)).success).toBe(true);
    expect(termSchema.safeParse(defaultTerm(kind)).success).toBe(true);
  });

  it('has a step only when it deducts in multiples of its amount', () => {
    const f = HANDLERS[kind].flags;
    if (f.hasStep) expect(f.deducting && specsOf(kind).some((s) => s.name === 'amount')).toBe(true);
    expect(f.deducting && f.allOrNothing).toBe(false);
  });
});

describe('the kinds list', () => {
  it('names each kind under its own key', () => {
    for (const k of KINDS) expect(HANDLERS[k].kind).toBe(k);
  });

  it('derives the deducting kinds from the flags', () => {
    expect([...DEDUCTING_KINDS].sort()).toEqual(KINDS.filter((k) => HANDLERS[k].flags.deducting).sort());
    expect(DEDUCTING_KINDS.has('perUnit')).toBe(true);
    expect(DEDUCTING_KINDS.has('bonus')).toBe(false);
  });

  it('flags as all-or-nothing the kinds that take all points or none', () => {
    expect(KINDS.filter((k) => HANDLERS[k].flags.allOrNothing).sort()).toEqual(['fullIf', 'veto', 'zeroIf']);
  });

  it('rejects, through the assembled union, a term of an unknown kind or with a field of the wrong type', () => {
    expect(termSchema.safeParse({ kind: 'nope', what: '', span: { start: 0, end: 0 } }).success).toBe(false);
    expect(termSchema.safeParse({ ...defaultTerm('range'), max: null }).success).toBe(false);
  });
});
