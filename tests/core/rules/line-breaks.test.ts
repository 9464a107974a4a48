/** A line break inside a 评分标准 cell: where the cell's width wrapped one clause, or where a new rule starts. */
import { describe, expect, it } from 'vitest';
import { parseRuleStrict } from '../../../src/core/rules/parse';

const terms = (text: string, points: number) =>
  parseRuleStrict(text, { points }).terms.map((t) => ({
    kind: t.kind,
    what: 'what' in t ? t.what : '',
    said: t.span ? text.slice(t.span.start, t.span.end) : '',
  }));

describe('line breaks in a rule', () => {
  it('a break that does not end a clause joins it: the condition keeps its start', () => {
    const text = '1.建立垃圾分类台帐，得1分。\n2.对违规占用绿地、损坏树木等违章\n建设行为进行查处，得2分';
    const [, second] = terms(text, 3);
    expect(second?.what).toBe('违规占用绿地、损坏树木等违章建设行为进行查处');
    // The span still points into the original text, across the break.
    expect(second?.said).toBe('违规占用绿地、损坏树木等违章\n建设行为进行查处，得2分');
  });

  it('a line that ends on its limit (以5分为上限) is complete: the next line keeps its own condition', () => {
    for (const limit of ['以5分为上限', '以5分為上限', '最多扣5分', '5分封顶']) {
      const found = terms(`更换一名学生扣1分，${limit}\n发生安全事故的，不得分`, 10);
      expect(
        found.map((t) => [t.kind, t.what]),
        limit,
      ).toEqual([
        ['perUnit', '更换学生'],
        ['zeroIf', '发生安全事故'],
      ]);
    }
  });

  it('a break after an enumeration comma (、) joins the list', () => {
    expect(terms('落实村级河长、巡查员、\n保洁员管理责任，得2分', 2)[0]?.what).toBe(
      '落实村级河长、巡查员、保洁员管理责任',
    );
  });

  it('a break between a condition and its points joins them', () => {
    expect(terms('按时完成整改\n得3分', 3)).toEqual([
      { kind: 'award', what: '按时完成整改', said: '按时完成整改\n得3分' },
    ]);
  });

  it('a break after a rule’s points, or before a numbered line, still separates rules', () => {
    expect(terms('迟到一次扣1分\n早退一次扣0.5分', 5).map((t) => t.what)).toEqual(['迟到', '早退']);
    expect(terms('1.建立台帐得1分\r\n2.按时上报材料得1分', 2).map((t) => t.what)).toEqual([
      '建立台帐',
      '按时上报材料',
    ]);
    expect(terms('开展巡河（1分）\n（2）建立台帐得1分', 2).map((t) => t.what)).toContain('建立台帐');
  });
});
