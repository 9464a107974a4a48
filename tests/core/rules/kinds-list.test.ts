import { describe, expect, it } from 'vitest';
import { HANDLERS, SCHEMAS } from '../../../src/core/rules/kinds';

describe('the kinds list', () => {
  it('gives every kind in SCHEMAS a handler built on that same schema, with fields, flags and its functions', () => {
    const kinds = Object.keys(SCHEMAS).sort();
    expect(Object.keys(HANDLERS).sort()).toEqual(kinds);
    for (const k of kinds) {
      const h = HANDLERS[k as keyof typeof HANDLERS];
      expect(h.kind).toBe(k);
      expect(h.schema).toBe(SCHEMAS[k as keyof typeof SCHEMAS]);
      expect(h.fields.length, k).toBeGreaterThan(0);
      expect(typeof h.flags.deducting).toBe('boolean');
      for (const fn of [h.evaluate, h.explain, h.prompt, h.formula]) expect(typeof fn).toBe('function');
    }
  });
});
