import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../../src/core';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { parseRule, titleCaps } from '../../../src/core/rules/parse';

const HEAD = ['考核项目', '考核内容', '分值', '评分标准', '扣分', '得分'];

function sheet(rows: CellValue[][], merges: SheetGrid['merges'] = []): WorkbookGrid {
  return { sheets: [{ name: '考核表', values: [HEAD, ...rows], merges }] };
}

function analysed(wb: WorkbookGrid) {
  const a = analyzeWorkbook(wb).sheets[0]!.analysis!;
  return { a, rule: (n: number) => a.rules[a.table.items[n]!.id]!, score: (n: number) => a.score.items[n]! };
}

describe('a cap written in the title', () => {
  it('is read from the title alone: explicit amounts that limit deductions, nothing else', () => {
    expect(titleCaps('安全管理（最高扣10分）').map((c) => c.kind === 'explicit' && c.amount)).toEqual([10]);
    expect(titleCaps('台账管理，本项最多扣5分').map((c) => c.kind === 'explicit' && c.amount)).toEqual([5]);
    expect(titleCaps('信息报送（扣分不超过3分）').map((c) => c.kind === 'explicit' && c.amount)).toEqual([3]);
    expect(titleCaps('安全管理（10分）')).toEqual([]);
    expect(titleCaps('最高10分')).toEqual([]);
    expect(titleCaps('扣分项目')).toEqual([]);
  });

  it('caps the rule read from the 评分标准, the smaller explicit cap winning', () => {
    const text = '发现一处隐患扣2分';
    expect(parseRule(text).cap.kind).toBe('item');
    expect(parseRule(text, { points: 20, title: '安全管理（最高扣10分）' }).cap).toMatchObject({
      kind: 'explicit',
      amount: 10,
    });
    expect(parseRule('发现一处隐患扣2分，最多扣4分', { title: '安全管理（最高扣10分）' }).cap).toMatchObject({
      kind: 'explicit',
      amount: 4,
    });
  });

  it("in the item's own text limits its deductions in the score", () => {
    const { rule, score } = analysed(
      sheet([
        ['安全', '安全管理（最高扣10分）', 20, '发现一处隐患扣2分', 14, null],
        ['安全', '台账管理', 20, '发现一处问题扣2分', 14, null],
      ]),
    );
    expect(rule(0).cap).toMatchObject({ kind: 'explicit', amount: 10 });
    expect(score(0)).toMatchObject({ deduction: 10, score: 10 });
    expect(rule(1).cap.kind).toBe('item');
    expect(score(1)).toMatchObject({ deduction: 14, score: 6 });
  });

  it('after the item text ("……，本项最多扣5分") limits a deduction the assessor types', () => {
    const { rule, score } = analysed(
      sheet([['台账', '建立工作台账，本项最多扣5分', 10, '酌情扣分', 8, null]]),
    );
    expect(rule(0).cap).toMatchObject({ kind: 'explicit', amount: 5 });
    expect(score(0)).toMatchObject({ deduction: 5, score: 5 });
  });

  it('in the label of a category holding that item alone caps it; over several items it caps none of them', () => {
    const { a, rule, score } = analysed(
      sheet(
        [
          ['安全管理（最高扣10分）', '隐患排查', 20, '发现一处隐患扣2分', 14, null],
          ['台账管理（最高扣3分）', '建立台账', 10, '缺一项扣1分', 5, null],
          [null, '更新台账', 10, '缺一项扣1分', 5, null],
        ],
        [{ top: 2, left: 0, bottom: 3, right: 0 }],
      ),
    );
    expect(a.table.items).toHaveLength(3);
    const shared = a.table.groups.find((g) => g.text === '台账管理（最高扣3分）');
    expect(shared?.itemIds).toEqual([a.table.items[1]!.id, a.table.items[2]!.id]);
    expect(rule(0).cap).toMatchObject({ kind: 'explicit', amount: 10 });
    expect(score(0).score).toBe(10);
    expect(rule(1).cap.kind).toBe('item');
    expect(rule(2).cap.kind).toBe('item');
    expect(score(1).score).toBe(5);
  });
});
