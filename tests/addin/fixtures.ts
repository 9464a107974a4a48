/** Workbooks for the add-in tests, built by code. */
import { a1 } from '../../src/core/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';

/**
 * A rubric-like sheet: a header row, `rows` item rows (项目 text merged down in groups of 5, points,
 * a 得分 formula per row) and a total row summing the scores.
 */
export function rubricSheet(
  name: string,
  rows: number,
  opts: { hidden?: boolean; protected?: boolean } = {},
): SheetGrid {
  const values: CellValue[][] = [['考核项目', '考核内容', '标准分值', '扣分', '得分']];
  const formulas: (string | null)[][] = [[null, null, null, null, null]];
  const merges: SheetGrid['merges'] = [];
  for (let i = 0; i < rows; i++) {
    const r = i + 1;
    const group = Math.floor(i / 5);
    const top = i % 5 === 0;
    const points = (i % 4) + 2;
    const deduction = i % 3 === 0 ? 0.5 : 0;
    values.push([top ? `项目${group + 1}` : null, `内容 ${name} ${i + 1}`, points, deduction, null]);
    formulas.push([null, null, null, null, `=MAX(0,${a1(r, 2)}-${a1(r, 3)})`]);
    if (top && i + 4 < rows) merges.push({ top: r, left: 0, bottom: r + 4, right: 0 });
  }
  values.push(['合计', null, null, null, null]);
  formulas.push([null, null, null, null, `=SUM(${a1(1, 4)}:${a1(rows, 4)})`]);
  const sheet: SheetGrid = {
    name,
    values,
    formulas,
    merges,
    hidden: opts.hidden ?? false,
    protected: opts.protected ?? false,
  };
  return sheet;
}

/** `sheets` rubric sheets of `rows` rows; the second is hidden and the third protected when present. */
export function rubricWorkbook(sheets: number, rows: number): WorkbookGrid {
  return {
    sheets: Array.from({ length: sheets }, (_, i) =>
      rubricSheet(i === 0 ? '彩屯 社区' : `Sheet${i + 1}`, rows, { hidden: i === 1, protected: i === 2 }),
    ),
  };
}

/** Expected computed score for row i (0-based item index) of rubricSheet. */
export function expectedScore(i: number): number {
  const points = (i % 4) + 2;
  const deduction = i % 3 === 0 ? 0.5 : 0;
  return Math.max(0, points - deduction);
}
