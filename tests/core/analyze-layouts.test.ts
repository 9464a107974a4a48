import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core';

describe('a rubric whose rules are written into the item text (考核内容及评分标准)', () => {
  it('reads each item’s rule from its text and scores the typed 得分', () => {
    const wb = {
      sheets: [
        {
          name: '党建',
          merges: [],
          values: [
            ['XX社区党建工作考核评分表'],
            ['序号', '考核项目', '考核内容及评分标准', '分值', '自评分', '考核得分', '备注'],
            [1, '组织建设', '建立学习制度，每月学习不少于1次，每少一次扣0.5分。', 50, 50, 49.5, '少一次'],
            [2, '党员管理', '党员信息台账完整，缺一项扣1分，扣完为止。', 50, 50, 49.7, '缺'],
          ],
        },
      ],
    };
    const s = analyzeWorkbook(wb).sheets[0]!;
    const a = s.analysis!;
    // The combined column holds the rules, so it is read as the criteria (by its content), and the
    // sheet says so; the item labels come from 考核项目.
    expect(a.table.columns).toMatchObject({ project: 1, criteria: 2, points: 3, selfScore: 4, score: 5 });
    expect(s.issues.map((i) => i.code)).toContain('columnByContent');
    const kinds = a.table.items.map((i) => a.rules[i.id]!.terms.map((t) => t.kind));
    // “每月学习不少于1次，每少一次扣0.5分”: a shortfall against a required count.
    expect(kinds).toEqual([['shortfall'], ['perUnit']]);
    expect(a.score.total).toBe(99.2);
    expect(s.issues.filter((i) => i.code === 'ruleUnknown')).toEqual([]);
  });
});
