/**
 * rank: the unit's place gives its score (第一名得10分，第二名得8分，其余不得分; 排名前三的依次得5、4、3分).
 * Parsed, evaluated per place, explained, and its formula computed by HyperFormula and LibreOffice
 * Calc to the core's figures.
 */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { handlerFor } from '../../../src/core/rules/kinds';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import { termSchema } from '../../../src/core/rules/schema';
import { sofficeMissing } from '../../helpers/libreoffice';
import { effect, hfPairs, loDeductions, only } from './engines';

const ladder = '第一名得10分，第二名得8分，第三名得6分，其余不得分';
const list = '排名前三的依次得5、4、3分';
const places = [1, 2, 3, 4, 9];

describe('rank', () => {
  it('第一名得10分…其余不得分 is one rank term, not awards and a zero', () => {
    const r = parseRuleStrict(ladder, { points: 10 });
    expect(r.terms.map((t) => t.kind)).toEqual(['rank']);
    expect(r.unread).toEqual([]);
    const t = only(r, 'rank');
    expect(places.map((p) => effect(t, p).deductionCents)).toEqual([0, 200, 400, 1000, 1000]);
  });

  it('排名前三的依次得5、4、3分: the others score nothing', () => {
    const r = parseRuleStrict(list, { points: 5 });
    expect(r.unread).toEqual([]);
    const t = only(r, 'rank');
    expect(places.map((p) => effect(t, p).deductionCents)).toEqual([0, 100, 200, 500, 500]);
  });

  it('with no points given, the first place’s score stands for them', () => {
    const t = only(parseRuleStrict(list), 'rank');
    expect(t.bands.map((b) => b.deduct)).toEqual([0, 1, 2, 5]);
  });

  it('其余得N分 scores the later places', () => {
    const t = only(parseRuleStrict('考核排名第一名得3分，第二名得2分，其余得1分', { points: 3 }), 'rank');
    expect(t.what).toBe('考核');
    expect(places.map((p) => effect(t, p).deductionCents)).toEqual([0, 100, 200, 200, 200]);
  });

  it('a place that is not a whole number ≥ 1 scores nothing', () => {
    const t = only(parseRuleStrict(ladder, { points: 10 }), 'rank');
    for (const e of [0, -1, 2.5, null, '无']) expect(effect(t, e).deductionCents).toBe(0);
  });

  it('places out of order or scores that rise are no ladder', () => {
    expect(
      parseRuleStrict('第一名得5分，第三名得4分', { points: 5 }).terms.some((t) => t.kind === 'rank'),
    ).toBe(false);
    expect(
      parseRuleStrict('第一名得3分，第二名得4分', { points: 5 }).terms.some((t) => t.kind === 'rank'),
    ).toBe(false);
    expect(parseRuleStrict('前三名依次得5、4分', { points: 5 }).terms.some((t) => t.kind === 'rank')).toBe(
      false,
    );
  });

  it('reads only ladders a stored term can hold (amounts within range, at most 20 bands)', () => {
    const many = `前二十一名依次得${Array.from({ length: 21 }, (_, i) => 21 - i).join('、')}分`;
    for (const text of ['第一名得20000分，第二名得1分', many, '第一名得3.333分，第二名得1分']) {
      const r = parseRuleStrict(text);
      for (const t of r.terms) expect(termSchema.safeParse(t).success).toBe(true);
    }
    const r = parseRuleStrict('第一名得5分，第二名得4分', { points: 33.3333 });
    for (const t of r.terms) expect(termSchema.safeParse(t).success).toBe(true);
  });

  it('explains in plain words', () => {
    const r = parseRuleStrict(ladder, { points: 10 });
    expect(explainRule(r, 10, 'zh')).toContain(
      '按排名名次计分：第一名得满分，第二名得8分，第三名得6分，第四名及以后不得分',
    );
    expect(explainRule(r, 10, 'en')).toContain(
      '1st place: full points, 2nd place: 8 points, 3rd place: 6 points, 4th place and after: no points',
    );
    const t = only(r, 'rank');
    expect(handlerFor(t).prompt(t, 'zh')).toBe(
      '排名名次（填1、2、3…）：第一名得满分，第二名得8分，第三名得6分，第四名及以后不得分',
    );
  });

  it('its formula computes the core deduction for every entry (HyperFormula)', () => {
    for (const text of [ladder, list]) {
      const t = only(parseRuleStrict(text, { points: 10 }), 'rank');
      const pairs = hfPairs(t, [null, '', '无', -1, 0, 0.5, 1, 1.5, 2, 3, 4, 5, 12]).deduction;
      expect(pairs).toHaveLength(13);
      for (const [engine, core] of pairs) expect(engine).toBe(core);
    }
  });
});

const missing = sofficeMissing();
const skip = missing !== null && process.env.CI !== 'true';

describe.skipIf(skip)(`rank formulas in LibreOffice Calc${skip ? ` (skipped: ${missing})` : ''}`, () => {
  it('computes the core deduction for every place', async () => {
    const terms = [ladder, list].map((text) => only(parseRuleStrict(text, { points: 10 }), 'rank'));
    const { engine, core } = await loDeductions(terms, [-1, 0, 0.5, 1, 2, 2.5, 3, 4, 7]);
    expect(engine).toEqual(core);
    expect(new Set(core).size).toBeGreaterThan(3);
  }, 120_000);
});
