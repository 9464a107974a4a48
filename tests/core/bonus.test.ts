import { describe, expect, it } from 'vitest';
import { checkEntries } from '../../src/core/checks/entries';
import { readEntries } from '../../src/core/entries';
import { explainRule } from '../../src/core/rules/explain';
import { parseRule } from '../../src/core/rules/parse';
import { scoreItem, scoreSheet } from '../../src/core/score';
import { makeTable } from '../fixtures/table';

describe('a bonus limit said after several bonus terms', () => {
  const text = '被区级推广的加1分，市级以上推广的加2分，最高加2分。';

  it('caps the sum of the bonus terms, in simplified and traditional characters', () => {
    for (const t of [text, '被區級推廣的加1分，市級以上推廣的加2分，最高加2分。']) {
      const rule = parseRule(t, { points: 0 });
      expect(rule.terms.map((x) => x.kind)).toEqual(['bonus', 'bonus']);
      expect(rule.bonusCap).toBe(2);
    }
    expect(parseRule('每项创新加1分，最高加3分。', { points: 0 }).bonusCap).toBeUndefined();
  });

  it('limits the score from entry counts and reports a typed score above it', () => {
    const rule = parseRule(text, { points: 0 });
    const { sheet, table } = makeTable('S', [], [{ text: '创新加分', points: 0, score: 3 }], {
      noDeduction: true,
    });
    const item = table.items[0]!;
    const counted = scoreItem(item, rule, {
      itemId: item.id,
      deduction: null,
      score: null,
      reason: '',
      counts: [1, 1],
    });
    expect(counted.score).toBe(2);
    const rules = { [item.id]: rule };
    const entries = readEntries(sheet, table);
    const found = checkEntries(sheet, table, rules, entries, scoreSheet(table, rules, entries));
    expect(found.map((i) => [i.code, i.cell, i.params.max])).toEqual([['bonusAboveMax', 'F2', '2']]);
  });
});

describe('the explanation of a bonus limit', () => {
  it('says the limit on the sum in both languages', () => {
    const rule = parseRule('被区级推广的加1分，市级以上推广的加2分，最高加2分。', { points: 0 });
    expect(explainRule(rule, 0, 'zh')).toContain('加分合计最多2分');
    expect(explainRule(rule, 0, 'en')).toContain('bonus at most 2 in all');
  });
});
