/**
 * 结果通知单 in the add-in: planSummary({ slips: true }) written through the Office adapter over the
 * fake Excel holds the same slip rows and values as the CLI's slips (planSummaryValues, which
 * `summary --slips` writes) for the same units, with the print area, A4 fitted to width and a manual
 * page break between units; without ExcelApi 1.9 the breaks are skipped and reported.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import { planSummary, planSummaryValues, slipsSheetName } from '../../src/core/summary';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { FakeEt } from '../../src/fake-wps';
import { createOfficeHost } from '../../src/host/office';
import { createWpsHost } from '../../src/host/wps';
import { reportOf, type UnitSpec, workbookOf } from './harness';

const SPECS: UnitSpec[] = [
  { sheet: '东风社区', deductions: [0, 1, 0.5], reasons: [undefined, '计划不全', '缺一处阵地'] },
  {
    sheet: '新华社区',
    deductions: [0, 0, 0, 0, 1],
    reasons: [undefined, undefined, undefined, undefined, '投稿不足'],
  },
  { sheet: '彩屯社区', deductions: [0, 0, 0, 0, 0, 0, 1], reasons: [] },
  { sheet: '东湖社区', deductions: [0.5] },
];

/** An open entry error on 东湖社区, so both sides withhold its rank. */
const ERROR: Issue = {
  code: 'notANumber',
  severity: 'error',
  sheet: '东湖社区',
  cell: 'E4',
  params: {},
};

function setUp() {
  const { wb, tables } = workbookOf(SPECS);
  const report = reportOf(wb, tables);
  for (const s of report.sheets) if (s.sheet === ERROR.sheet) s.issues.push(ERROR);
  return { wb, tables, report };
}

/** The CLI's slips: each unit's sheet as its own workbook file, as the office receives them. */
function cliSlips(wb: WorkbookGrid, report: ReturnType<typeof setUp>['report']) {
  const plan = planSummaryValues(
    report.sheets.map((s) => ({
      file: `${s.sheet}.xlsx`,
      report: { ...report, sheets: [s] },
      grid: { sheets: wb.sheets.filter((g) => g.name === s.sheet) },
    })),
    { lang: 'zh', slips: true },
  );
  const sheet = slipsSheetName('zh');
  const cells = new Map<string, unknown>();
  // An empty reason is written as ''; Excel shows such a cell as empty.
  for (const op of plan.ops)
    if (op.op === 'value' && op.sheet === sheet && op.value !== '' && op.value !== null)
      cells.set(op.cell, op.value);
  return { plan, sheet, cells };
}

describe('结果通知单 in the add-in', () => {
  it('writes the same slips as the CLI, with print area, A4 fit and a break between units', async () => {
    const { wb, report } = setUp();
    const cli = cliSlips(wb, report);
    expect(cli.cells.size).toBeGreaterThan(50);
    const plan = planSummary(wb, report, { lang: 'zh', slips: true });
    expect(plan.sheets.map((s) => [s.name, s.role])).toContainEqual([cli.sheet, 'slips']);

    const fake = FakeWorkbook.fromGrid(wb);
    const excel = new FakeExcel(fake);
    const host = createOfficeHost({
      excel,
      isSetSupported: excel.isSetSupported,
      displayLanguage: () => 'zh-CN',
    });
    const out = await host.applyPlan(plan);
    expect(out.skipped.filter((s) => s.op === 'pageBreak')).toEqual([]);

    const rect = fake.usedRect(cli.sheet)!;
    const written = new Map<string, unknown>();
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const { value } = fake.cell(cli.sheet, r, c);
        if (value !== null && value !== '')
          written.set(FakeWorkbook.cellsOf({ top: r, left: c, bottom: r, right: c })[0]!, value);
      }
    expect(Object.fromEntries(written)).toEqual(Object.fromEntries(cli.cells));

    // The withheld rank and the totals as the CLI prints them.
    const ranks = cli.plan.units.map((u) => [u.name, u.figures.total, u.rank]);
    expect(ranks).toContainEqual(['东湖社区', expect.any(Number), null]);
    expect(plan.status.map((s) => [s.sheet, s.total, s.rank])).toEqual(ranks);

    const print = fake.sheet(cli.sheet)!.print;
    const cliBreaks = cli.plan.pageBreaks.find((b) => b.sheet === cli.sheet)!.rows;
    expect(cliBreaks).toHaveLength(SPECS.length - 1);
    expect(print.rowBreaks).toEqual(cliBreaks);
    expect(print.paperSize).toBe('A4');
    expect(print.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(print.area).toHaveLength(1);
    expect(print.area![0]!.startsWith('A1:')).toBe(true);
  });

  it('takes as many syncs with slips as without: breaks go in the same batches', async () => {
    const { wb, report } = setUp();
    const syncsOf = async (slips: boolean) => {
      const excel = new FakeExcel(FakeWorkbook.fromGrid(wb));
      const host = createOfficeHost({
        excel,
        isSetSupported: excel.isSetSupported,
        displayLanguage: () => 'zh-CN',
      });
      const out = await host.applyPlan(planSummary(wb, report, { lang: 'zh', slips }));
      expect(out.syncs).toBe(excel.syncs);
      return out.syncs;
    };
    expect(await syncsOf(true)).toBe(await syncsOf(false));
  });

  it('before ExcelApi 1.9 writes the slips and reports the page breaks skipped', async () => {
    const { wb, report } = setUp();
    const fake = FakeWorkbook.fromGrid(wb);
    const excel = new FakeExcel(fake, { apiVersion: '1.8' });
    const host = createOfficeHost({
      excel,
      isSetSupported: excel.isSetSupported,
      displayLanguage: () => 'zh-CN',
    });
    const out = await host.applyPlan(planSummary(wb, report, { lang: 'zh', slips: true }));
    expect(out.skipped).toContainEqual({ feature: 'pageLayout', op: 'pageBreak', count: SPECS.length - 1 });
    const sheet = slipsSheetName('zh');
    expect(fake.sheet(sheet)!.print.rowBreaks).toEqual([]);
    expect(fake.at(sheet, 'A2').value).toContain('东风社区');
  });

  it('in WPS writes the slips and reports the page breaks skipped (print settings are not set there)', async () => {
    const { wb, report } = setUp();
    const fake = FakeWorkbook.fromGrid(wb);
    const et = new FakeEt(fake);
    const host = createWpsHost({ application: et, events: et.events, displayLanguage: () => 'zh-CN' });
    const out = await host.applyPlan(planSummary(wb, report, { lang: 'zh', slips: true }));
    expect(out.skipped).toContainEqual({ feature: 'pageLayout', op: 'pageBreak', count: SPECS.length - 1 });
    expect(fake.at(slipsSheetName('zh'), 'A2').value).toContain('东风社区');
  });
});
