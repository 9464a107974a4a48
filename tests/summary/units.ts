/** Unit workbooks written with ExcelJS the way the collecting office receives them: one file per unit. */
import ExcelJS from 'exceljs';

export const RUBRIC: [string, string, string, number, string][] = [
  ['(一)日常工作(12分)', '1、领导重视(5分)', '成立领导小组', 2, '未成立领导小组的扣2分'],
  ['', '', '年初有工作计划', 3, '无计划扣3分，计划不全的扣1分'],
  ['', '2、宣传教育(7分)', '宣传阵地', 3, '每缺一处扣0.5分，扣完为止'],
  ['', '', '入户宣传', 2, '每少1户扣0.1分'],
  ['', '', '投稿', 2, '投稿不足5篇的扣1分'],
  ['(二)重点工作(9分)', '1、流动人口(4.5分)', '流动人口管理', 4.5, '每漏登1人扣0.5分'],
  ['', '2、计划生育(4.5分)', '计划外生育', 4.5, '发生计划外生育的，一票否决'],
];

/** First item row (1-based) and the entry columns: G 扣分, H 得分, I 扣分原因. */
export const FIRST_ROW = 3;

export interface UnitFile {
  sheet: string;
  deductions: (number | null)[];
  reasons?: (string | null)[];
}

/** A unit workbook: the rubric with merged category/section cells, 扣分 typed, 得分 as formulas with results. */
export async function writeUnitWorkbook(file: string, unit: UnitFile): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(unit.sheet);
  ws.getCell('A1').value = '2014年人口计生工作绩效考核细则';
  ws.getRow(2).values = [
    '考核项目',
    '考核内容',
    '目标要求',
    '标准分值(21分)',
    '评分标准',
    '考核方式',
    '扣分',
    '得分',
    '扣分原因',
  ];
  RUBRIC.forEach((r, i) => {
    const row = FIRST_ROW + i;
    const d = unit.deductions[i] ?? null;
    ws.getRow(row).values = [
      r[0] || null,
      r[1] || null,
      r[2],
      r[3],
      r[4],
      '查资料',
      d,
      null,
      unit.reasons?.[i] ?? null,
    ];
    ws.getCell(`H${row}`).value = {
      formula: `MAX(0,D${row}-G${row})`,
      result: Math.max(0, Math.round((r[3] - (d ?? 0)) * 100) / 100),
    };
  });
  ws.mergeCells('A3:A7');
  ws.mergeCells('A8:A9');
  ws.mergeCells('B3:B4');
  ws.mergeCells('B5:B7');
  await wb.xlsx.writeFile(file);
}

/** The CLI's io for a test: every line printed to stdout and stderr, kept in order. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), errIsTTY: false },
  };
}

/** A cell as a reader sees it: a formula cell's cached result, any other cell's value. */
export function shownValue(v: ExcelJS.CellValue): ExcelJS.CellValue {
  return v !== null && typeof v === 'object' && 'formula' in v
    ? ((v.result as ExcelJS.CellValue) ?? null)
    : v;
}
