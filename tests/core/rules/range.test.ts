import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import { sofficeMissing } from '../../helpers/libreoffice';
import type { Entry } from './engines';
import { counts, effect, hfPairs, loDeductions, only } from './engines';

describe('range: parse', () => {
  it.each([
    ['视情况扣0.5—2分', 0.5, 2, ''],
    ['酌情扣1-3分', 1, 3, ''],
    ['台账不全的，酌情扣1-3分', 1, 3, '台账不全'],
    ['整改不及时的视情节轻重扣1至2分', 1, 2, '整改不及时'],
    ['酌情扣减1~3分', 1, 3, ''],
    ['工作不到位扣1—3分', 1, 3, '工作不到位'],
    ['视情况扣零点五到一分', 0.5, 1, ''],
  ])('%s', (text, min, max, what) => {
    const r = parseRuleStrict(text, { points: 10 });
    expect(only(r, 'range')).toMatchObject({ min, max, what });
    expect(r.terms).toHaveLength(1);
    expect(r.unread).toEqual([]);
  });

  it("keeps the minimum and does not take the maximum as the item's cap", () => {
    const r = parseRuleStrict('视情况扣0.5—2分', { points: 5 });
    expect(r.cap.kind).toBe('item');
    expect(explainRule(r, 5, 'zh')).toBe('视情况扣0.5至2分；本项最多扣5分（扣完为止）');
  });

  it('a cap written beside the range stays the cap', () => {
    const r = parseRuleStrict('未按要求开展的，视情况扣0.5~2分，本项最多扣3分', { points: 5 });
    expect(only(r, 'range')).toMatchObject({ min: 0.5, max: 2, what: '未按要求开展' });
    expect(r.cap).toMatchObject({ kind: 'explicit', amount: 3 });
    expect(r.unread).toEqual([]);
  });

  it('each of two ranges is its own term', () => {
    const r = parseRuleStrict('记录不全的视情况扣0.5-1分；未整改的酌情扣1-3分', { points: 10 });
    expect(r.terms).toMatchObject([
      { kind: 'range', min: 0.5, max: 1, what: '记录不全' },
      { kind: 'range', min: 1, max: 3, what: '未整改' },
    ]);
  });

  it.each(['视情况扣1-3分/次', '每次视情况扣0.5-1分', '迟报的，每次酌情扣1-2分'])(
    '%s: a range per unit is not one choice, so it is reported',
    (text) => {
      const r = parseRuleStrict(text, { points: 10 });
      expect(r.terms.some((t) => t.kind === 'range' || t.kind === 'discretion')).toBe(false);
      expect(r.unread.map((s) => r.source.slice(s.start, s.end)).join('/')).toMatch(/扣[\d.]+-[\d.]+分/);
    },
  );

  it('a range upside down (扣3-1分) is not a range', () => {
    const r = parseRuleStrict('酌情扣3-1分', { points: 10 });
    expect(r.terms.some((t) => t.kind === 'range')).toBe(false);
  });
});

describe('range: evaluate', () => {
  const t = only(parseRuleStrict('视情况扣0.5—2分'), 'range');
  it('an entry within the range is deducted as entered', () => {
    expect([0.5, 1, 1.25, 2].map((e) => effect(t, e).deductionCents)).toEqual([50, 100, 125, 200]);
  });
  it('0, blank or text: it did not happen', () => {
    expect([0, -1, null, '', '无'].map((e) => effect(t, e).deductionCents)).toEqual([0, 0, 0, 0, 0]);
  });
  it('an entry outside the range is held at its nearest end', () => {
    expect([0.2, 3, 10].map((e) => effect(t, e).deductionCents)).toEqual([50, 200, 200]);
  });
  it('scores no bonus and zeroes nothing', () => {
    for (const e of counts(3))
      expect(effect(t, e)).toMatchObject({ bonusCents: 0, zero: false, veto: false });
  });
});

describe('range: explain and prompt', () => {
  it('says the range and its condition', () => {
    const r = parseRuleStrict('台账不全的，酌情扣1-3分', { points: 10 });
    expect(explainRule(r, 10, 'zh')).toContain('台账不全的视情况扣1至3分');
    expect(explainRule(r, 10, 'en')).toContain('where "台账不全", 1 to 3 points off, as the assessor judges');
  });
  it('prompts for the deduction within the range', () => {
    const t = only(parseRuleStrict('台账不全的，酌情扣1-3分'), 'range');
    expect(handlerFor(t).prompt(t, 'zh')).toBe('扣除的分值，1至3分（台账不全）；未发生填0');
    expect(handlerFor(t).prompt(t, 'en')).toContain('1 to 3');
    expect(handlerFor(t).input).toBe('amount');
  });
});

describe('range formulas in HyperFormula', () => {
  const entries: Entry[] = [...counts(4), 0.2, 0.25, 1.234, 2.5, 100];
  it.each(['视情况扣0.5—2分', '酌情扣1-3分', '视情况扣零点五到一分'])(
    '%s: the core deduction for every entry',
    (text) => {
      const t = only(parseRuleStrict(text), 'range');
      const pairs = hfPairs(t, entries).deduction;
      expect(pairs).toHaveLength(entries.length);
      for (const [engine, core] of pairs) expect(engine).toBe(core);
    },
  );
});

const missing = sofficeMissing();
const skip = missing !== null && process.env.CI !== 'true';

describe.skipIf(skip)(`range formulas in LibreOffice Calc${skip ? ` (skipped: ${missing})` : ''}`, () => {
  it('compute the core deduction for every entry', async () => {
    const terms = ['视情况扣0.5—2分', '酌情扣1-3分'].map((s) => only(parseRuleStrict(s), 'range'));
    const inputs = [0, -1, 0.2, 0.5, 1.25, 2, 2.5, 1.234, 9];
    const { engine, core } = await loDeductions(terms, inputs);
    expect(engine).toEqual(core);
  }, 240_000);
});
