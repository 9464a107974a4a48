/** Editing one field of a term through the rule edits changes that field and nothing else, for every kind. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../src/core/rules/kinds';
import type { FieldSpec } from '../../src/core/rules/registry';
import type { Term, TermKind, TierBand } from '../../src/core/rules/types';
import { en } from '../../src/taskpane/i18n/en';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';
import { editDraft, fieldSpecs, patchTerm, termOfKind } from '../../src/taskpane/state/rule-edit';

const KINDS = Object.keys(HANDLERS) as TermKind[];
const points = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100);
const band: fc.Arbitrary<TierBand> = fc.record({
  lo: fc.option(points, { nil: null }),
  loOpen: fc.boolean(),
  hi: fc.option(points, { nil: null }),
  hiOpen: fc.boolean(),
  deduct: points,
  score: fc.option(points, { nil: null }),
  label: fc.string({ maxLength: 10 }),
});

/** Any value a field may hold (undefined: absent). */
function anyValue(f: FieldSpec): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'number':
      return points;
    case 'nullableNumber':
      return fc.option(points, { nil: null });
    case 'optionalNumber':
      return fc.option(points, { nil: undefined });
    case 'text':
      return fc.string({ maxLength: 20 });
    case 'choice':
      return fc.constantFrom(...(f.options ?? []));
    case 'bands':
      return fc.array(band, { minLength: 1, maxLength: 3 });
  }
}

/** A new value to type into a field (null clears a field that may be empty). */
function editOf(f: FieldSpec): fc.Arbitrary<unknown> {
  return f.type === 'optionalNumber' ? fc.option(points, { nil: null }) : anyValue(f);
}

function termOf(kind: TermKind): fc.Arbitrary<Term> {
  const fields = Object.fromEntries(fieldSpecs(kind).map((f) => [f.name, anyValue(f)]));
  return fc.record({ ...fields, span: fc.record({ start: fc.nat(50), end: fc.nat(50) }) }).map((r) => {
    const t: Record<string, unknown> = { kind };
    for (const [k, v] of Object.entries(r)) if (v !== undefined) t[k] = v;
    return t as unknown as Term;
  });
}

/** A term of any kind, a field of it and a new value for that field. */
const edit = fc
  .constantFrom(...KINDS)
  .chain((kind) =>
    fc
      .constantFrom(...fieldSpecs(kind))
      .chain((field) => fc.record({ term: termOf(kind), field: fc.constant(field), value: editOf(field) })),
  );

const without = (t: Term, k: string) => {
  const r: Record<string, unknown> = { ...(t as unknown as Record<string, unknown>) };
  delete r[k];
  return r;
};

describe('editing one field of a term', () => {
  it('the generated terms are ones the workbook can hold', () => {
    for (const kind of KINDS)
      fc.assert(fc.property(termOf(kind), (t) => HANDLERS[kind].schema.safeParse(t).success));
  });

  it('sets that field and leaves every other field of the term as it was, for every kind', () => {
    fc.assert(
      fc.property(edit, ({ term, field, value }) => {
        const next = patchTerm(term, { [field.name]: value as never });
        expect(without(next, field.name)).toEqual(without(term, field.name));
        const got = (next as unknown as Record<string, unknown>)[field.name];
        expect(got).toEqual(value === null && field.type === 'optionalNumber' ? undefined : value);
        if (got === undefined) expect(field.name in next).toBe(false);
        expect(HANDLERS[term.kind].schema.safeParse(next).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('in a draft, leaves the other terms as they were', () => {
    fc.assert(
      fc.property(edit, termOf('perUnit'), ({ term, field, value }, other) => {
        const draft = { terms: [other, term, other], cap: { kind: 'item' as const, span: null } };
        const next = editDraft(draft, { type: 'patch', index: 1, patch: { [field.name]: value as never } });
        expect(next.terms[0]).toEqual(other);
        expect(next.terms[2]).toEqual(other);
        expect(next.terms[1]).toEqual(patchTerm(term, { [field.name]: value as never }));
      }),
      { numRuns: 200 },
    );
  });

  it('rebuilding a term as its own kind keeps it whole', () => {
    for (const kind of KINDS)
      fc.assert(
        fc.property(termOf(kind), (t) => {
          expect(termOfKind(kind, t)).toEqual(t);
        }),
      );
  });

  it('a value the field cannot hold changes nothing', () => {
    fc.assert(
      fc.property(edit, ({ term, field }) => {
        const bad = field.type === 'text' ? 7 : field.type === 'bands' ? [] : 'x'.repeat(600);
        expect(patchTerm(term, { [field.name]: bad as never })).toEqual(term);
        expect(patchTerm(term, { [field.name]: -1 })).toEqual(term);
      }),
    );
  });
});

describe('field labels', () => {
  it('are in both catalogues, for every field, group and choice', () => {
    const keys = KINDS.flatMap((k) =>
      HANDLERS[k].fields.flatMap((d) => [
        d.label,
        ...(d.type === 'nested' ? d.fields.map((f) => f.label) : []),
        ...(d.type === 'choice' ? (d.options ?? []).map((o) => `${d.label}.${o}`) : []),
      ]),
    );
    for (const key of keys) {
      expect(key in zhCN, key).toBe(true);
      expect(key in en, key).toBe(true);
    }
  });
});
