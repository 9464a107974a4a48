/**
 * Numbered notes rows directly under a table, with no 说明 / 注 row leading them: they are notes, not
 * items, and the grade rules they state are still found outside the table.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, MergeArea } from '../../src/core/grid';
import { RUBRIC_ISSUE_CODES } from '../../src/core/issues';
import { readGradeRules } from '../../src/core/summary/grades';

function analyze(values: CellValue[][], merges: MergeArea[] = []) {
  const sheet = { name: 'S', values, merges };
  const report = analyzeWorkbook({ sheets: [sheet] });
  const s = report.sheets[0]!;
  const a = s.analysis;
  if (!a) throw new Error(`not read as a rubric: ${s.skipped?.reason} ${s.skipped?.code}`);
  const rubricErrors = s.issues.filter((i) => i.severity === 'error' && RUBRIC_ISSUE_CODES.has(i.code));
  return { a, sheet, rubricErrors };
}

const body: CellValue[][] = [
  ['社区卫生服务站考核细则', null, null, null],
  ['序号', '考核项目', '分值', '评分标准'],
  [1, '门诊日志登记完整', 30, '每缺一项扣2分，扣完为止'],
  [2, '慢病随访按时完成', 40, '每少随访一人扣1分'],
  [3, '药品效期管理', 30, '发现过期药品一次扣5分'],
];
const note1 = '1. 90分以上为优秀，80—89分为良好，70—79分为合格，70分以下为不合格。';
const note2 = '2. 本细则由卫生健康局负责解释，自印发之日起施行。';

describe('numbered notes rows under a table', () => {
  it('ends the table at notes merged across it', () => {
    const values = [...body, [note1, null, null, null], [note2, null, null, null]];
    const merges: MergeArea[] = [
      { top: 5, left: 0, bottom: 5, right: 3 },
      { top: 6, left: 0, bottom: 6, right: 3 },
    ];
    const { a, sheet, rubricErrors } = analyze(values, merges);
    expect(a.table.items.map((i) => i.label)).toEqual([
      '门诊日志登记完整',
      '慢病随访按时完成',
      '药品效期管理',
    ]);
    expect(a.table.items.map((i) => i.points)).toEqual([30, 40, 30]);
    expect(a.table.lastRow).toBe(4);
    expect(rubricErrors).toEqual([]);
    const g = readGradeRules(sheet, a.table);
    expect(g?.bands.map((b) => b.grade)).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(g?.source).toMatchObject({ kind: 'notes', cell: 'A6' });
  });

  it('ends the table at notes in the item column with the other columns empty (no merge)', () => {
    const values = [...body, [null, note1, null, null], [null, note2, null, null]];
    const { a, sheet, rubricErrors } = analyze(values);
    expect(a.table.items).toHaveLength(3);
    expect(a.table.lastRow).toBe(4);
    expect(rubricErrors).toEqual([]);
    expect(readGradeRules(sheet, a.table)?.bands).toHaveLength(4);
  });

  it('keeps a numbered item row with points, and a short unscored group label, as table rows', () => {
    const values: CellValue[][] = [
      ['考核细则', null, null, null],
      ['序号', '考核项目', '分值', '评分标准'],
      ['一', '基础管理', null, null],
      [1, '门诊日志登记完整', 50, '每缺一项扣2分'],
      ['二', '服务质量', null, null],
      [2, '慢病随访按时完成', 50, '每少随访一人扣1分'],
    ];
    const { a } = analyze(values);
    expect(a.table.items.filter((i) => i.points !== null).map((i) => i.points)).toEqual([50, 50]);
    expect(a.table.lastRow).toBe(5);
  });
});
