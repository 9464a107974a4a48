import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, formatIssue, ISSUE_CODES, toCents } from '../../src/core';
import type { CellValue, SheetGrid } from '../../src/core/grid';

const WORDS = [
  '扣',
  '分',
  '每',
  '人',
  '次',
  '0.5',
  '１',
  '两',
  '最多',
  '扣完为止',
  '倒扣',
  '不少于',
  '少一次',
  '一票否决',
  '酌情',
  '记满分',
  '不得分',
  '加',
  '%',
  '，',
  '；',
  '/',
];
const criteria = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join(''));

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100, max: 100 }),
  fc.integer({ min: 0, max: 1000 }).map((c) => c / 100),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('1分', '０.５', '一', '是', '否', '#VALUE!', '-', ' ', '扣2分', '1e309'),
);

function sheetOf(
  name: string,
  rows: { points: CellValue; criteria: string; ded: CellValue; score: CellValue; reason: CellValue }[],
): SheetGrid {
  const values: CellValue[][] = [['考核内容', '分值', '评分标准', '扣分', '得分', '扣分原因']];
  rows.forEach((r, i) => {
    values.push([`项目${i + 1}`, r.points, r.criteria, r.ded, r.score, r.reason]);
  });
  values.push(['合计', null, null, null, null, null]);
  return { name, values, merges: [] };
}

describe('analyzeWorkbook on random entries and rules', () => {
  it('never throws, and every finding has a known code, a cell and messages in both languages', () => {
    const row = fc.record({
      points: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(null, '五', '5分', 'x', '')),
      criteria,
      ded: cell,
      score: cell,
      reason: cell,
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 15 }),
        fc.string({ maxLength: 10 }),
        (rows, name) => {
          const report = analyzeWorkbook({ sheets: [sheetOf(name || 'S', rows)] });
          expect(report.sheets).toHaveLength(1);
          for (const s of report.sheets) {
            for (const i of s.issues) {
              expect(ISSUE_CODES[i.code]).toBe(i.severity);
              expect(formatIssue(i, 'zh').length).toBeGreaterThan(4);
              expect(formatIssue(i, 'en')).not.toContain('undefined');
            }
            const a = s.analysis;
            if (!a) continue;
            for (const x of [a.score.total, a.score.max, ...a.score.items.map((it) => it.score)]) {
              expect(Number.isFinite(x)).toBe(true);
              expect(toCents(x) / 100).toBe(x);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
