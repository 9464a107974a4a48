/**
 * A score typed on an item that states no points (an unpointed item) is not added into the total:
 * the core and the written 合计 formula leave it out, and the check says at the cell that the item
 * has no stated points, so the total never holds an amount the rubric does not back.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { formatIssue } from '../../src/core/i18n';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, buildEngine, hfValue } from '../helpers/hf';

function workbook(rows: CellValue[][]): WorkbookGrid {
  return {
    sheets: [
      {
        name: 'S',
        values: [['序号', '考核项目', '分值', '评分标准', '得分'], ...rows, ['合计', null, null, null, null]],
        merges: [],
      },
    ],
  };
}

const ROWS: CellValue[][] = [
  [1, '制度建设', 10, '每缺一项扣1分', 8],
  [2, '上级考核得分', null, '引用上级考核得分，相应进行折算', 50.5],
  [3, '队伍建设', 10, '每缺一人扣2分', 6],
];

describe('a score typed on an item without points', () => {
  it('is not added into the total, and is reported at its cell in both languages', () => {
    const wb = workbook(ROWS);
    const report = analyzeWorkbook(wb);
    const s = report.sheets[0]!;
    const a = s.analysis!;
    expect(a.table.items.map((i) => i.points)).toEqual([10, null, 10]);
    expect(a.score.items.map((x) => x.score)).toEqual([8, 0, 6]);
    expect(a.score.total).toBe(14);
    expect(a.score.max).toBe(20);
    const found = s.issues.filter((i) => i.code === 'entryWithoutPoints');
    expect(found.map((i) => [i.sheet, i.cell, i.params.value])).toEqual([['S', 'E3', '50.5']]);
    const zh = formatIssue(found[0]!, 'zh');
    expect(zh).toMatch(/50\.5/);
    expect(zh).toMatch(/上级考核得分/);
    expect(zh).toMatch(/没有标准分值/);
    expect(zh).toMatch(/不计入/);
    expect(formatIssue(found[0]!, 'en')).toMatch(/no points/i);
  });

  it('is left out of the written 合计 formula too (HyperFormula computes the core total)', () => {
    const wb = workbook(ROWS);
    const report = analyzeWorkbook(wb);
    const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    const filled = applyPlanToGrid(wb, plan).wb;
    const hf = buildEngine(filled);
    expect(hfValue(hf, 'S', 'E5')).toBe(report.sheets[0]!.analysis!.score.total);
    expect(hfValue(hf, 'S', 'E5')).toBe(14);
  });

  it('raises nothing when the unpointed item is left blank', () => {
    const wb = workbook(ROWS.map((r) => (r[2] === null ? [...r.slice(0, 4), null] : r)));
    const s = analyzeWorkbook(wb).sheets[0]!;
    expect(s.issues.map((i) => i.code)).not.toContain('entryWithoutPoints');
    expect(s.analysis!.score.total).toBe(14);
  });
});

describe('items without points, said once for the sheet', () => {
  it('gives the count and the first points cells, and that the maximum is not known', () => {
    const rows: CellValue[][] = [
      [1, '制度建设', 10, '每缺一项扣1分', null],
      [2, '上级考核一', null, '引用上级考核得分', null],
      [3, '上级考核二', null, '引用上级考核得分', null],
      [4, '上级考核三', null, '引用上级考核得分', null],
      [5, '上级考核四', null, '引用上级考核得分', null],
      [6, '队伍建设', 10, '每缺一人扣2分', null],
    ];
    const s = analyzeWorkbook(workbook(rows)).sheets[0]!;
    const said = s.issues.filter((i) => i.code === 'maxUndecided');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ sheet: 'S', cell: null, severity: 'warning' });
    expect(said[0]!.params).toMatchObject({ count: 4, cells: 'C3、C4、C5', more: 1, max: '20' });
    expect(formatIssue(said[0]!, 'zh')).toBe(
      '另有 4 项没有分值（C3、C4、C5 等），本表满分未定：显示的满分 20 只是其余各项分值之和。请在这些项填写标准分值。',
    );
    expect(formatIssue(said[0]!, 'en')).toBe(
      "4 more items state no points (C3, C4, C5, …), so the sheet's maximum is not known: the 20 shown is only the other items' points added up. Fill in those items' points.",
    );
    // One per item as before, at the points cell.
    expect(s.issues.filter((i) => i.code === 'pointsMissing').map((i) => i.cell)).toEqual([
      'C3',
      'C4',
      'C5',
      'C6',
    ]);
  });

  it('is not said when every item has points', () => {
    const s = analyzeWorkbook(workbook([[1, '制度建设', 10, '每缺一项扣1分', 9]])).sheets[0]!;
    expect(s.issues.map((i) => i.code)).not.toContain('maxUndecided');
  });
});
