import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../../src/core/entries';
import { fromCents, toCents } from '../../src/core/num';
import { scoreSheet } from '../../src/core/score';
import { makeTable, rule, SPAN } from '../fixtures/table';

const perPerson = rule([{ kind: 'perUnit', amount: 0.5, unit: '人', what: '跟踪随访不到位', span: SPAN }]);

describe('scoring from typed deductions', () => {
  it('caps a deduction at the item points and never goes below zero', () => {
    const { sheet, table } = makeTable('S', [], [{ text: 'a', points: 5, deduction: 7 }]);
    const s = scoreSheet(table, { i1: perPerson }, readEntries(sheet, table));
    expect(s.items[0]).toMatchObject({ deduction: 5, score: 0, source: 'deduction' });
  });

  it('applies an explicit smaller cap', () => {
    const { sheet, table } = makeTable('S', [], [{ text: 'a', points: 5, deduction: 4 }]);
    const r = rule(perPerson.terms, { kind: 'explicit', amount: 3, span: SPAN });
    expect(scoreSheet(table, { i1: r }, readEntries(sheet, table)).items[0]?.score).toBe(2);
  });

  it('lets a 倒扣 item go below zero', () => {
    const { sheet, table } = makeTable('S', [], [{ text: 'a', points: 10, deduction: 12.4 }]);
    const r = rule([{ kind: 'perUnit', amount: 2, unit: '人', what: '虚报', span: SPAN }], {
      kind: 'none',
      span: SPAN,
    });
    const s = scoreSheet(table, { i1: r }, readEntries(sheet, table));
    expect(s.items[0]?.score).toBe(-2.4);
    expect(s.total).toBe(-2.4);
  });

  it('adds decimals exactly', () => {
    const items = [0.1, 0.2, 0.1].map((d, i) => ({ text: `x${i}`, points: 1, deduction: d }));
    const { sheet, table } = makeTable('S', [], items);
    const rules = { i1: perPerson, i2: perPerson, i3: perPerson };
    const s = scoreSheet(table, rules, readEntries(sheet, table));
    expect(s.total).toBe(2.6);
    expect(s.items.map((i) => i.score)).toEqual([0.9, 0.8, 0.9]);
  });

  it('takes a typed 得分 where there is no 扣分', () => {
    const { sheet, table } = makeTable('S', [], [{ text: 'a', points: 5, score: 3.5 }], {
      noDeduction: true,
    });
    const s = scoreSheet(table, { i1: perPerson }, readEntries(sheet, table));
    expect(s.items[0]).toMatchObject({ score: 3.5, deduction: 1.5, source: 'score' });
  });

  it('counts an empty entry as no deduction', () => {
    const { sheet, table } = makeTable('S', [], [{ text: 'a', points: 5 }]);
    expect(scoreSheet(table, { i1: perPerson }, readEntries(sheet, table)).items[0]).toMatchObject({
      score: 5,
      source: 'none',
    });
  });
});

describe('vetoes', () => {
  const veto = rule([{ kind: 'veto', scope: 'assessment', what: '计划外', span: SPAN }]);
  it('sets the total to zero when a whole-assessment veto item loses its points', () => {
    const { sheet, table } = makeTable(
      'S',
      [],
      [
        { text: '计划外一票否决', points: 1, deduction: 1, reason: '计划外生育1例' },
        { text: 'b', points: 99 },
      ],
    );
    const s = scoreSheet(table, { i1: veto, i2: perPerson }, readEntries(sheet, table));
    expect(s.vetoed).toBe(true);
    expect(s.vetoItemIds).toEqual(['i1']);
    expect(s.total).toBe(0);
  });
  it('does not veto an untouched veto item', () => {
    const { sheet, table } = makeTable(
      'S',
      [],
      [
        { text: 'v', points: 1 },
        { text: 'b', points: 99, deduction: 1 },
      ],
    );
    const s = scoreSheet(table, { i1: veto, i2: perPerson }, readEntries(sheet, table));
    expect(s.vetoed).toBe(false);
    expect(s.total).toBe(99);
  });
});

describe('group subtotals', () => {
  it('sums every item under a group, at every level', () => {
    const { sheet, table } = makeTable(
      'S',
      [
        { id: 'g1', text: '日常工作', declared: 10 },
        { id: 'g2', text: '领导重视', declared: 6, parent: 'g1' },
        { id: 'g3', text: '基础工作', declared: 4, parent: 'g1' },
      ],
      [
        { text: 'a', points: 3, group: 'g2', deduction: 0.5 },
        { text: 'b', points: 3, group: 'g2', deduction: 0.2 },
        { text: 'c', points: 4, group: 'g3', deduction: 1 },
      ],
    );
    const rules = { i1: perPerson, i2: perPerson, i3: perPerson };
    const s = scoreSheet(table, rules, readEntries(sheet, table));
    const byId = Object.fromEntries(s.groups.map((g) => [g.groupId, g.score]));
    expect(byId).toEqual({ g1: 8.3, g2: 5.3, g3: 3 });
    expect(s.total).toBe(8.3);
  });
});

describe('scoring properties', () => {
  const cents = fc.integer({ min: 0, max: 2000 }).map(fromCents);
  it('every score is exact to 0.01, within [0, points] for capped items, and the total is the sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), cents), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const { sheet, table } = makeTable(
            'S',
            [],
            rows.map(([p, d], i) => ({ text: `t${i}`, points: p, deduction: d })),
          );
          const rules = Object.fromEntries(table.items.map((it) => [it.id, perPerson]));
          const s = scoreSheet(table, rules, readEntries(sheet, table));
          let sum = 0;
          s.items.forEach((it, i) => {
            const [p, d] = rows[i]!;
            expect(
              Number.isInteger(Math.round(it.score * 100)) &&
                Math.abs(it.score * 100 - Math.round(it.score * 100)) < 1e-9,
            ).toBe(true);
            expect(it.score).toBeGreaterThanOrEqual(0);
            expect(it.score).toBeLessThanOrEqual(p);
            expect(toCents(it.score)).toBe(Math.max(0, toCents(p) - Math.min(toCents(d), toCents(p))));
            sum += toCents(it.score);
          });
          expect(toCents(s.total)).toBe(sum);
          expect(String(s.total)).not.toMatch(/\.\d{3,}/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
