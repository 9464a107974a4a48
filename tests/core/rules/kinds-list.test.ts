import { describe, expect, it } from 'vitest';
import { HANDLERS, kindLabels } from '../../../src/core/rules/kinds';
import type { FieldDecl } from '../../../src/core/rules/registry';
import type { Term } from '../../../src/core/rules/types';
import { en } from '../../../src/taskpane/i18n/en';
import { zhCN } from '../../../src/taskpane/i18n/zh-CN';

describe('the kinds list', () => {
  it('gives every kind a handler under its own name, with fields, flags and its functions', () => {
    for (const [k, h] of Object.entries(HANDLERS)) {
      expect(h.kind).toBe(k);
      expect(h.fields.length, k).toBeGreaterThan(0);
      expect(typeof h.flags.deducting).toBe('boolean');
      for (const fn of [h.evaluate, h.explain, h.prompt, h.formula]) expect(typeof fn).toBe('function');
    }
  });

  it('names every kind in both languages, and both pane catalogues carry exactly those names', () => {
    const kinds = Object.keys(HANDLERS);
    for (const [k, h] of Object.entries(HANDLERS)) {
      expect(h.label.zh.trim(), k).not.toBe('');
      expect(h.label.en.trim(), k).not.toBe('');
      expect(h.label.zh, k).toMatch(/\p{Script=Han}/u);
      expect(zhCN[`kind.${h.kind}`]).toBe(h.label.zh);
      expect(en[`kind.${h.kind}`]).toBe(h.label.en);
    }
    for (const catalogue of [zhCN, en]) {
      const listed = Object.keys(catalogue).filter((key) => key.startsWith('kind.'));
      expect(listed.sort()).toEqual(kinds.map((k) => `kind.${k}`).sort());
    }
    expect(kindLabels('zh')['kind.veto']).toBe('一票否决');
    expect(kindLabels('en')['kind.perUnit']).toBe('Points off per unit');
  });

  it('flags as deducting exactly the kinds whose terms take points off by themselves', () => {
    for (const h of Object.values(HANDLERS)) {
      const inputs = [true, false, 0, 0.5, 1, 3, 50, 100, 1000];
      const takes = sampleTerms(h.kind, h.fields).some((term) =>
        inputs.some((input) => h.evaluate(term as never, input).deductionCents > 0),
      );
      expect(h.flags.deducting, h.kind).toBe(takes);
    }
  });

  it('declares a bonus limit exactly for the kinds that add points, and an assessment veto exactly where the term vetoes', () => {
    for (const h of Object.values(HANDLERS)) {
      for (const term of sampleTerms(h.kind, h.fields)) {
        const parsed = h.schema.safeParse(term);
        expect(parsed.success, h.kind).toBe(true);
        const effects = [true, false, 1, 3, 50, 100, 1000].map((input) => h.evaluate(term as never, input));
        const adds = effects.some((e) => e.bonusCents > 0);
        const limit = h.bonusLimitCents?.(term as never);
        expect(limit !== undefined && limit > 0, h.kind).toBe(adds);
        for (const e of effects) if (limit !== undefined) expect(e.bonusCents).toBeLessThanOrEqual(limit);
        const vetoes = effects.some((e) => e.veto);
        expect(h.vetoesAssessment?.(term as never) ?? false, `${h.kind} ${JSON.stringify(term)}`).toBe(
          vetoes,
        );
      }
    }
  });
});

/** A term of the kind from its fields' defaults, and one more per other option of a choice field. */
function sampleTerms(kind: string, fields: readonly FieldDecl[]): Term[] {
  const base: Record<string, unknown> = { kind, span: { start: 0, end: 0 } };
  const flat = fields.flatMap((f) => (f.type === 'nested' ? f.fields : [f]));
  for (const f of flat) if (f.default !== undefined) base[f.name] = f.default;
  const out = [base];
  for (const f of flat)
    for (const o of f.options ?? []) if (o !== f.default) out.push({ ...base, [f.name]: o });
  return out as unknown as Term[];
}
