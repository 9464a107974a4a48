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
