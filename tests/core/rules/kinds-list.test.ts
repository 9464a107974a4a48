import { describe, expect, it } from 'vitest';
import { HANDLERS, kindLabels } from '../../../src/core/rules/kinds';
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
});
