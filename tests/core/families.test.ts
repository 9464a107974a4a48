/**
 * Table families seen in real offices' rubrics, built by code from domains of their own (fire safety,
 * libraries, school canteens, street cleaning, a water utility): each must give its items, their
 * points, the column the rules are read from, and no false alarm about a rubric that is consistent.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, MergeArea } from '../../src/core/grid';
import { RUBRIC_ISSUE_CODES } from '../../src/core/issues';

function analyze(values: CellValue[][], merges: MergeArea[] = []) {
  const report = analyzeWorkbook({ sheets: [{ name: 'S', values, merges }] });
  const s = report.sheets[0]!;
  const a = s.analysis;
  if (!a) throw new Error(`not read as a rubric: ${s.skipped?.reason} ${s.skipped?.code}`);
  const rubricErrors = s.issues.filter((i) => i.severity === 'error' && RUBRIC_ISSUE_CODES.has(i.code));
  return { a, issues: s.issues, rubricErrors };
}

describe('family: header words in no list, columns told apart by what they hold', () => {
  // 检查项目 is a listed word; 计分 | 判定办法 | 实得 are not.
  const values: CellValue[][] = [
    ['消防安全检查表', null, null, null, null],
    ['序', '检查项目', '计分', '判定办法', '实得'],
    [1, '消防通道保持畅通', 10, '发现堵塞一处扣2分，扣完为止', null],
    [2, '灭火器定期检查', 10, '每缺少一具扣1分', null],
    [3, '疏散指示标志完好', 20, '损坏一处扣2分，扣完为止', null],
    [4, '消防演练每半年一次', 30, '未组织演练扣10分；记录不全扣2分', null],
    [5, '微型消防站人员在岗', 30, '每缺一人扣3分', null],
  ];

  it('reads the items, their points and the rules from 判定办法', () => {
    const { a, rubricErrors } = analyze(values);
    expect(a.table.items.map((i) => i.label)).toEqual([
      '消防通道保持畅通',
      '灭火器定期检查',
      '疏散指示标志完好',
      '消防演练每半年一次',
      '微型消防站人员在岗',
    ]);
    expect(a.table.items.map((i) => i.points)).toEqual([10, 10, 20, 30, 30]);
    expect(a.table.columns.criteria).toBe(3);
    // 判定办法 and 计分 are no listed header words: read by what the columns hold, and said.
    expect(a.table.columnUses?.find((u) => u.col === 3)).toMatchObject({ by: 'content' });
    expect(a.table.columnUses?.find((u) => u.col === 2)).toMatchObject({ by: 'content' });
    expect(a.table.items.every((i) => a.rules[i.id]!.terms.length > 0)).toBe(true);
    expect(rubricErrors).toEqual([]);
  });
});

describe('family: points only in the text, "（2分）"', () => {
  const values: CellValue[][] = [
    ['公共图书馆服务考评表', null, null],
    ['序号', '考评内容及要求', '考评方法'],
    [1, '开放时间每周不少于56小时（20分）', '每少1小时扣2分'],
    [2, '图书外借服务规范，借还记录完整（20分）', '记录缺失一次扣1分'],
    [3, '开展阅读推广活动每年不少于12次（30分）', '每少一次扣3分'],
    [4, '读者满意度调查每年一次（30分）', '未开展扣30分'],
  ];

  it('takes each item’s points from its text, says so, and reads the rules from 考评方法', () => {
    const { a, issues, rubricErrors } = analyze(values);
    expect(a.table.items).toHaveLength(4);
    expect(a.table.items.map((i) => i.points)).toEqual([20, 20, 30, 30]);
    expect(a.table.columns.criteria).toBe(2);
    expect(issues.map((i) => i.code)).toContain('pointsFromText');
    expect(a.score.max).toBe(100);
    expect(rubricErrors).toEqual([]);
  });
});

describe('family: a 总分 row directly under the header', () => {
  const values: CellValue[][] = [
    ['学校食堂食品安全考核细则', null, null, null],
    ['考核项目', '分值', '考核标准', '得分'],
    ['总分', 100, null, null],
    ['从业人员健康证', 25, '每缺一人扣5分', null],
    ['食品留样', 25, '每缺一餐扣5分', null],
    ['餐具消毒', 25, '发现未消毒一次扣5分', null],
    ['原料进货查验', 25, '台账缺失一次扣2分', null],
  ];

  it('takes the stated total from it and reads every item below it', () => {
    const { a, rubricErrors } = analyze(values);
    expect(a.table.items.map((i) => i.label)).toEqual([
      '从业人员健康证',
      '食品留样',
      '餐具消毒',
      '原料进货查验',
    ]);
    expect(a.table.items.map((i) => i.points)).toEqual([25, 25, 25, 25]);
    expect(a.table.columns.criteria).toBe(2);
    expect(a.table.declaredTotal).toBe(100);
    expect(rubricErrors).toEqual([]);
  });
});

describe('family: 小计 rows after each part, and one before its items', () => {
  const after: CellValue[][] = [
    ['类别', '考核内容', '分值', '评分标准'],
    ['道路保洁', '主干道无垃圾', 20, '发现一处扣1分'],
    [null, '果皮箱清洁', 10, '每个不洁扣0.5分'],
    ['小计', null, 30, null],
    ['公厕管理', '无异味', 40, '发现一次扣2分'],
    [null, '设施完好', 30, '损坏一处扣1分'],
    ['小计', null, 70, null],
    ['合计', null, 100, null],
  ];

  it('after the items: reads the items, matches each 小计 to its items, no false mismatch', () => {
    const { a, rubricErrors } = analyze(after);
    expect(a.table.items.map((i) => i.points)).toEqual([20, 10, 40, 30]);
    expect(a.table.columns.criteria).toBe(3);
    expect((a.table.subtotals ?? []).map((s) => s.declared)).toEqual([30, 70]);
    expect(rubricErrors).toEqual([]);
  });

  it('after the items: a 小计 that does not add up is reported at its cell', () => {
    const wrong = after.map((r) => [...r]);
    wrong[3]![2] = 35;
    const { rubricErrors } = analyze(wrong);
    expect(rubricErrors.map((i) => [i.code, i.cell])).toEqual([['pointsSumMismatch', 'A4']]);
  });

  const before: CellValue[][] = [
    ['类别', '考核内容', '分值', '评分标准'],
    ['小计', null, 30, null],
    ['道路保洁', '主干道无垃圾', 20, '发现一处扣1分'],
    [null, '果皮箱清洁', 10, '每个不洁扣0.5分'],
    ['小计', null, 70, null],
    ['公厕管理', '无异味', 40, '发现一次扣2分'],
    [null, '设施完好', 30, '损坏一处扣1分'],
  ];

  it('before the items: reads the same items and raises no false mismatch', () => {
    const { a, rubricErrors } = analyze(before);
    expect(a.table.items.map((i) => i.points)).toEqual([20, 10, 40, 30]);
    expect(a.table.columns.criteria).toBe(3);
    expect(rubricErrors).toEqual([]);
  });
});

describe('family: points per role, 直接责任人 | 部门负责人 | 分管领导', () => {
  const values: CellValue[][] = [
    ['供水服务负面清单记分标准', null, null, null, null],
    ['序号', '考核内容', '直接责任人', '部门负责人', '分管领导'],
    [1, '接到报修超过2小时未到场', 2, 1, 0.5],
    [2, '停水未提前24小时通知用户', 3, 2, 1],
    [3, '抄表数据弄虚作假', 6, 3, 2],
    [4, '用户投诉处理超过3个工作日', 1, 0.5, null],
  ];

  it('scores the first role’s points, reads the others, says so, and checks no sum', () => {
    const { a, issues, rubricErrors } = analyze(values);
    expect(a.table.items.map((i) => i.points)).toEqual([2, 3, 6, 1]);
    expect(a.table.items.map((i) => i.rolePoints)).toEqual([
      [2, 1, 0.5],
      [3, 2, 1],
      [6, 3, 2],
      [1, 0.5, null],
    ]);
    expect(issues.map((i) => i.code)).toContain('pointsByRole');
    expect(rubricErrors).toEqual([]);
  });
});
