// @vitest-environment jsdom
/**
 * Several assessors inside one workbook (新华社区-张三, 新华社区-李四 …): the pane's 汇总 makes one row
 * per unit whose totals and ranks are the CLI's for the same sheets handed in as one workbook each,
 * in the pane, in the written 汇总 (live formulas, computed by the fake Excel) and for trimmed means.
 */
import '../taskpane/jsdom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbookReport } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { LABELS, planSummary, planSummaryValues } from '../../src/core/summary';
import type { CombineMode } from '../../src/core/summary/assessors';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import { SummaryStep } from '../../src/taskpane/components/SummaryStep';
import { reportOf, type UnitSpec, workbookOf } from './harness';

afterEach(cleanup);

const SPECS: UnitSpec[] = [
  { sheet: '新华社区-张三', deductions: [0, 1, 0.5] },
  { sheet: '新华社区-李四', deductions: [0, 2, 0, 1] },
  { sheet: '新华社区-王五', deductions: [1, 0, 0, 0, 0.5] },
  { sheet: '东风社区-张三', deductions: [0, 0, 1] },
  { sheet: '东风社区-李四', deductions: [0, 0, 0, 0, 0, 0.5] },
  { sheet: '和平社区', deductions: [0, 1, 0, 0, 1] },
];

function cli(wb: WorkbookGrid, report: WorkbookReport, mode: CombineMode) {
  return planSummaryValues(
    report.sheets.map((s) => ({
      file: `${s.sheet}.xlsx`,
      report: { ...report, sheets: [s] },
      grid: { sheets: wb.sheets.filter((g) => g.name === s.sheet) },
    })),
    { lang: 'zh', assessors: { mode } },
  ).units.map((u) => [u.name, u.figures.total, u.rank]);
}

async function setUp() {
  const { wb, tables } = workbookOf(SPECS);
  const fake = FakeWorkbook.fromGrid(wb);
  const excel = new FakeExcel(fake);
  const host = createOfficeHost({
    excel,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => 'zh-CN',
  });
  const { workbook } = await host.readWorkbook();
  return { fake, host, workbook, report: reportOf(workbook, tables) };
}

/** The 汇总's rows as the fake Excel computes them: unit, total, rank. */
function written(fake: FakeWorkbook, n: number) {
  const L = LABELS.zh;
  const header = Array.from({ length: 30 }, (_, c) => fake.cell(L.summarySheet, 2, c).value);
  const total = header.indexOf(L.total);
  const rank = header.indexOf(L.rankDense);
  return Array.from({ length: n }, (_, i) => [
    fake.cell(L.summarySheet, 3 + i, 1).value,
    fake.cell(L.summarySheet, 3 + i, total).value,
    fake.cell(L.summarySheet, 3 + i, rank).value,
  ]);
}

describe('several assessors in one workbook', () => {
  it('the pane and the written 汇总 show one row per unit with the CLI totals and ranks (mean)', async () => {
    const { fake, host, workbook, report } = await setUp();
    const expected = cli(workbook, report, 'mean');
    expect(expected.map((r) => r[0])).toEqual(['新华社区', '东风社区', '和平社区']);
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="zh" />);
    const pane = within(screen.getByRole('list', { name: '排名' }))
      .getAllByRole('listitem')
      .map((li) => /^(.+)：总分 ([\d.]+)，排名 (.+)$/.exec(li.textContent ?? '')!.slice(1));
    expect(pane).toEqual(expected.map((r) => r.map(String)));
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
    await waitFor(() => expect(screen.getByText(/汇总已生成/)).toBeTruthy());
    expect(written(fake, 3)).toEqual(expected);
  });

  it('the pane offers the trimmed mean and then shows the CLI trimmed figures', async () => {
    const { host, workbook, report } = await setUp();
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="zh" />);
    fireEvent.click(screen.getByRole('radio', { name: /去掉一个最高分和一个最低分/ }));
    const expected = cli(workbook, report, 'trimmed').map((r) => r.map(String));
    await waitFor(() => {
      const pane = within(screen.getByRole('list', { name: '排名' }))
        .getAllByRole('listitem')
        .map((li) => /^(.+)：总分 ([\d.]+)，排名 (.+)$/.exec(li.textContent ?? '')!.slice(1));
      expect(pane).toEqual(expected);
    });
  });

  it('trimmed: the written 汇总 and the plan agree with the CLI', async () => {
    const { fake, host, workbook, report } = await setUp();
    const expected = cli(workbook, report, 'trimmed');
    expect(expected).not.toEqual(cli(workbook, report, 'mean'));
    const plan = planSummary(workbook, report, { lang: 'zh', assessors: { mode: 'trimmed' } });
    expect(plan.status.map((s) => [s.name, s.total, s.rank])).toEqual(expected);
    expect(plan.status[0]!.assessors).toEqual(['张三', '李四', '王五']);
    await host.applyPlan(plan);
    expect(written(fake, 3)).toEqual(expected);
  });
});
