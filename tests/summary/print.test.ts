/**
 * The 汇总 laid out for 公示: a title row over the printed columns, the header row repeated on every
 * page, the rank helpers hidden, a print area from the title to the signature line 制表人 / 审核人 /
 * 日期, A4 fitted to one page wide. The add-in's live 汇总 and the CLI's 汇总 take it from the same
 * core plan; checked in the plans, in the .xlsx the CLI writes (read back with ExcelJS) and through
 * the Office adapter over the fake Excel.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSummary } from '../../src/cli/commands/summary';
import { a1, colLetters } from '../../src/core/a1';
import type { WriteOp } from '../../src/core/plan';
import {
  LABELS,
  planSummary,
  planSummaryPrint,
  planSummaryValues,
  summaryLayout,
} from '../../src/core/summary';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import { reportOf, type UnitSpec, workbookOf } from './harness';
import { captureIo, writeUnitWorkbook } from './units';

const SPECS: UnitSpec[] = [
  { sheet: '东风社区', deductions: [0, 1, 0.5] },
  { sheet: '新华社区', deductions: [0, 0, 0, 0, 1] },
  { sheet: '彩屯社区', deductions: [0.5] },
];

function setUp() {
  const { wb, tables } = workbookOf(SPECS);
  return { wb, report: reportOf(wb, tables) };
}

const on = (ops: readonly WriteOp[], sheet: string) => ops.filter((o) => o.sheet === sheet);
function only<K extends WriteOp['op']>(ops: readonly WriteOp[], kind: K): Extract<WriteOp, { op: K }>[] {
  return ops.filter((o): o is Extract<WriteOp, { op: K }> => o.op === kind);
}

/** The add-in 汇总's layout, from the number of subtotal columns its header row holds. */
function layoutOf(ops: readonly WriteOp[]) {
  const header = only(ops, 'value').filter((o) => /^[A-Z]+3$/.test(o.cell));
  const key = header.findIndex((o) => o.value === LABELS.zh.rankKey);
  const lay = summaryLayout(header.findIndex((o) => o.value === LABELS.zh.total) - 2);
  expect(lay.key).toBe(key);
  return lay;
}

describe('planSummaryPrint', () => {
  it('prints from the title to the signature line, helpers hidden and out of the area', () => {
    const p = planSummaryPrint({
      sheet: '汇总',
      lang: 'zh',
      title: '考核汇总',
      headerRow: 2,
      below: 9,
      lastCol: 12,
      helperCols: [11, 12],
    });
    expect(p.signatureRow).toBe(11);
    expect(p.lastPrintedCol).toBe(10);
    expect(only(p.ops, 'printArea')).toEqual([{ op: 'printArea', sheet: '汇总', ranges: ['A1:K12'] }]);
    expect(only(p.ops, 'printTitles')).toEqual([{ op: 'printTitles', sheet: '汇总', rows: '3:3' }]);
    expect(only(p.ops, 'pageSetup')).toEqual([
      { op: 'pageSetup', sheet: '汇总', paper: 'A4', orientation: 'landscape', fitToWidth: true },
    ]);
    expect(only(p.ops, 'hideColumns')).toEqual([
      { op: 'hideColumns', sheet: '汇总', cols: ['L', 'M'], hidden: true },
    ]);
    expect(only(p.ops, 'merge').map((m) => m.range)).toEqual(['A1:K1', 'A12:K12']);
    expect(only(p.ops, 'value')).toEqual([
      { op: 'value', sheet: '汇总', cell: 'A1', value: '考核汇总' },
      { op: 'value', sheet: '汇总', cell: 'A12', value: LABELS.zh.signature },
    ]);
    expect(LABELS.zh.signature).toMatch(/^制表人：_+\s+审核人：_+\s+日期：/);
    expect(LABELS.en.signature).toMatch(/^Prepared by: _+\s+Checked by: _+\s+Date: _+$/);
  });

  it('a narrow table prints portrait; the signature is in the workbook language', () => {
    const p = planSummaryPrint({
      sheet: 'Summary',
      lang: 'en',
      title: 'Assessment summary',
      headerRow: 1,
      below: 5,
      lastCol: 6,
      helperCols: [5, 6],
    });
    expect(only(p.ops, 'pageSetup')[0]?.orientation).toBe('portrait');
    expect(only(p.ops, 'value')[1]?.value).toBe(LABELS.en.signature);
    expect(only(p.ops, 'printArea')[0]?.ranges).toEqual(['A1:E8']);
  });
});

describe('the 汇总 plans', () => {
  it('the add-in 汇总: header row 3 on every page, 排名依据/排名辅助 hidden, signature below the notes', () => {
    const { wb, report } = setUp();
    const plan = planSummary(wb, report, { lang: 'zh' });
    const ops = on(plan.ops, '汇总');
    const lay = layoutOf(ops);
    const helpers = [colLetters(lay.key), colLetters(lay.first)];
    expect(only(ops, 'hideColumns')).toEqual([
      { op: 'hideColumns', sheet: '汇总', cols: helpers, hidden: true },
    ]);
    expect(only(ops, 'printTitles')).toEqual([{ op: 'printTitles', sheet: '汇总', rows: '3:3' }]);
    const sig = only(ops, 'value').find((o) => o.value === LABELS.zh.signature)!;
    const legend = only(ops, 'value').find((o) => o.value === LABELS.zh.legend)!;
    const sigRow = Number(sig.cell.slice(1));
    expect(sigRow).toBe(Number(legend.cell.slice(1)) + 2);
    expect(only(ops, 'printArea')[0]?.ranges).toEqual([`A1:${colLetters(lay.key - 1)}${sigRow}`]);
    expect(only(ops, 'pageSetup')[0]).toMatchObject({ paper: 'A4', fitToWidth: true });
    // The chart sits below the signature line, outside the print area.
    const chart = only(ops, 'chart')[0]!;
    expect(Number(/^[A-Z]+(\d+)/.exec(chart.range)![1])).toBeGreaterThan(sigRow);
    expect(only(ops, 'merge').map((m) => m.range)).toContain(`A1:${colLetters(lay.key - 1)}1`);
  });

  it('the CLI 汇总: header row 2 on every page, the same helpers hidden, the signature in English', () => {
    const { wb, report } = setUp();
    const plan = planSummaryValues(
      report.sheets.map((s) => ({
        file: `${s.sheet}.xlsx`,
        report: { ...report, sheets: [s] },
        grid: { sheets: wb.sheets.filter((g) => g.name === s.sheet) },
      })),
      { lang: 'en' },
    );
    const ops = on(plan.ops, 'Summary');
    const header = only(ops, 'value').filter((o) => /^[A-Z]+2$/.test(o.cell));
    const key = header.find((o) => o.value === LABELS.en.rankKey)!.cell.replace('2', '');
    const first = header.find((o) => o.value === LABELS.en.rankFirst)!.cell.replace('2', '');
    expect(only(ops, 'hideColumns')).toEqual([
      { op: 'hideColumns', sheet: 'Summary', cols: [key, first], hidden: true },
    ]);
    expect(only(ops, 'printTitles')).toEqual([{ op: 'printTitles', sheet: 'Summary', rows: '2:2' }]);
    const sig = only(ops, 'value').find((o) => o.value === LABELS.en.signature)!;
    const lastPrinted = colLetters(header.length - 3);
    expect(only(ops, 'printArea')[0]?.ranges).toEqual([`A1:${lastPrinted}${sig.cell.slice(1)}`]);
    expect(only(ops, 'pageSetup')[0]).toEqual({
      op: 'pageSetup',
      sheet: 'Summary',
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
    });
  });
});

describe('the signature line comes after every block below the table', () => {
  it('after the missing units of a roster, in the add-in and in the CLI 汇总', () => {
    const { wb, report } = setUp();
    const roster = ['东风社区', '新华社区', '彩屯社区', '站前社区', '立山社区'];
    const live = only(on(planSummary(wb, report, { lang: 'zh', roster }).ops, '汇总'), 'value');
    const cli = only(
      on(
        planSummaryValues(
          report.sheets.map((s) => ({
            file: `${s.sheet}.xlsx`,
            report: { ...report, sheets: [s] },
            grid: { sheets: wb.sheets.filter((g) => g.name === s.sheet) },
          })),
          { lang: 'zh', roster },
        ).ops,
        '汇总',
      ),
      'value',
    );
    for (const ops of [live, cli]) {
      const row = (v: string) => Number(ops.find((o) => o.value === v)!.cell.replace(/^[A-Z]+/, ''));
      expect(row(LABELS.zh.signature)).toBe(row('立山社区') + 2);
      expect(row('立山社区')).toBeGreaterThan(row('站前社区'));
    }
  });
});

describe('the 汇总 as written', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'summary-print-'));
    await mkdir(join(dir, 'units'));
    await writeUnitWorkbook(join(dir, 'units', '东风社区.xlsx'), {
      sheet: '考核细则',
      deductions: [0, 1, 0.5, 0, 0, 0, 0],
    });
    await writeUnitWorkbook(join(dir, 'units', '新华社区.xlsx'), {
      sheet: '考核细则',
      deductions: [0, 0, 0, 0, 1, 0, 0],
    });
  });

  it('the CLI .xlsx keeps the print area, title rows, hidden helpers and A4 one page wide', async () => {
    const out = join(dir, 'summary.xlsx');
    const cap = captureIo();
    expect(await runSummary([join(dir, 'units')], { output: out, lang: 'zh' }, cap.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('汇总')!;
    const header = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(String);
    const key = header.indexOf(LABELS.zh.rankKey) + 1;
    const first = header.indexOf(LABELS.zh.rankFirst) + 1;
    expect([key, first]).toEqual([header.length - 1, header.length]);
    expect(ws.getColumn(key).hidden).toBe(true);
    expect(ws.getColumn(first).hidden).toBe(true);
    expect(ws.getColumn(key - 1).hidden).toBe(false);
    let sigRow = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === LABELS.zh.signature) sigRow = r;
    });
    expect(sigRow).toBeGreaterThan(4);
    expect(ws.pageSetup.printArea).toBe(`A1:${colLetters(key - 2)}${sigRow}`);
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getCell('A1').value).toBe('2014年人口计生工作绩效考核细则（汇总）');
    expect(ws.getCell('A1').isMerged).toBe(true);
  });

  it('the add-in writes the same layout through the Office adapter (fake Excel)', async () => {
    const { wb, report } = setUp();
    const plan = planSummary(wb, report, { lang: 'zh' });
    const fake = FakeWorkbook.fromGrid(wb);
    const excel = new FakeExcel(fake);
    const host = createOfficeHost({
      excel,
      isSetSupported: excel.isSetSupported,
      displayLanguage: () => 'zh-CN',
    });
    const res = await host.applyPlan(plan);
    expect(res.skipped.filter((s) => s.op !== 'chart')).toEqual([]);
    const sheet = fake.sheet('汇总')!;
    const area = only(on(plan.ops, '汇总'), 'printArea')[0]!.ranges;
    expect(sheet.print.area).toEqual(area);
    expect(sheet.print.titleRows).toBe('3:3');
    expect(sheet.print.paperSize).toBe('A4');
    expect(sheet.print.orientation).toBe('Landscape');
    expect(sheet.print.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    const lay = layoutOf(on(plan.ops, '汇总'));
    expect([...sheet.hiddenCols].sort((a, b) => a - b)).toEqual([lay.key, lay.first]);
    const sigRow = Number(area[0]!.split(':')[1]!.replace(/^[A-Z]+/, '')) - 1;
    expect(fake.at('汇总', a1(sigRow, 0)).value).toBe(LABELS.zh.signature);
  });
});
