// @vitest-environment jsdom
/**
 * The 汇总 step's inputs take what the CLI's options take, read by the same core parsers: 等次名额
 * (--quota: a count of units is a whole number, 1 or more) and assessors' weights (--weights, for the
 * weighted mean). A bad input is said under its field in the pane's language and nothing is written
 * until it is fixed; good weights give the CLI's weighted totals and ranks, in the pane and in the
 * written 汇总.
 */
import '../taskpane/jsdom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbookReport } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { LABELS, planSummaryValues, type SummaryValuesOptions } from '../../src/core/summary';
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
  { sheet: '东风社区-李四', deductions: [0, 0, 0, 0, 0, 2.5] },
  { sheet: '和平社区', deductions: [0, 1, 0, 0, 1] },
];

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

/** The CLI's figures for the same sheets handed in as one workbook each, weighted by `weights`. */
function cliWeighted(wb: WorkbookGrid, report: WorkbookReport, weights: Map<string, number>) {
  return planSummaryValues(
    report.sheets.map((s) => ({
      file: `${s.sheet}.xlsx`,
      report: { ...report, sheets: [s] },
      grid: { sheets: wb.sheets.filter((g) => g.name === s.sheet) },
    })),
    { lang: 'zh', assessors: { mode: 'weighted', weights } },
  ).units.map((u) => [u.name, u.figures.total, u.rank]);
}

function paneRanks() {
  return within(screen.getByRole('list', { name: '排名' }))
    .getAllByRole('listitem')
    .map((li) => /^(.+)：总分 ([\d.]+)，排名 (.+)$/.exec(li.textContent ?? '')!.slice(1));
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('等次名额 in the pane', () => {
  it('a count that is not a whole number of 1 or more is said under the field; nothing can be written', async () => {
    const { host, workbook, report } = await setUp();
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="zh" />);
    const field = screen.getByRole('textbox', { name: /等次名额/ });
    for (const bad of ['优秀:0', '优秀:1.5', '优秀:-2']) {
      fireEvent.change(field, { target: { value: bad } });
      expect(screen.getByText(`名额个数应为 1 或以上的整数，如“优秀:3”（收到“${bad}”）。`)).toBeTruthy();
      expect(button('生成汇总').disabled).toBe(true);
    }
    fireEvent.change(field, { target: { value: '优秀:150%' } });
    expect(screen.getByText(/名额比例应大于 0、不超过 100%/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '优秀三个' } });
    expect(screen.getByText(/无法读取“优秀三个”/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '优秀:2' } });
    expect(screen.queryByText(/名额个数应为|无法读取/)).toBeNull();
    expect(button('生成汇总').disabled).toBe(false);
    // The quota reached the plan: without thresholds it cannot grade, and the plan says so.
    expect(screen.getByText(/只找到等次名额/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '' } });
    expect(screen.queryByText(/只找到等次名额/)).toBeNull();
  });

  it('in English too', async () => {
    const { host, workbook, report } = await setUp();
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="en" />);
    fireEvent.change(screen.getByRole('textbox', { name: /Grade quota/ }), { target: { value: '优秀:2.5' } });
    expect(
      screen.getByText('A count of units must be a whole number, 1 or more, e.g. "优秀:3" (got "优秀:2.5").'),
    ).toBeTruthy();
    expect(button('Create summary').disabled).toBe(true);
  });
});

describe('assessors’ weights in the pane', () => {
  it('weighted by 张三=3 gives the CLI --weights figures, in the pane and in the written 汇总', async () => {
    const { fake, host, workbook, report } = await setUp();
    const weights = new Map([['张三', 3]]);
    const expected = cliWeighted(workbook, report, weights);
    const plain = cliWeighted(workbook, report, new Map());
    expect(expected).not.toEqual(plain);
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="zh" />);
    expect(screen.queryByRole('textbox', { name: /各考核人的权重/ })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '按权重加权平均' }));
    const field = screen.getByRole('textbox', { name: /各考核人的权重/ });
    expect(screen.getByText('本工作簿的考核人：张三、李四、王五')).toBeTruthy();
    await waitFor(() => expect(paneRanks()).toEqual(plain.map((r) => r.map(String))));
    fireEvent.change(field, { target: { value: '张三=3' } });
    await waitFor(() => expect(paneRanks()).toEqual(expected.map((r) => r.map(String))));
    fireEvent.click(button('生成汇总'));
    await waitFor(() => expect(screen.getByText(/汇总已生成/)).toBeTruthy());
    const L = LABELS.zh;
    const header = Array.from({ length: 30 }, (_, c) => fake.cell(L.summarySheet, 2, c).value);
    const total = header.indexOf(L.total);
    const rank = header.indexOf(L.rankDense);
    const written = expected.map((_, i) => [
      fake.cell(L.summarySheet, 3 + i, 1).value,
      fake.cell(L.summarySheet, 3 + i, total).value,
      fake.cell(L.summarySheet, 3 + i, rank).value,
    ]);
    expect(written).toEqual(expected);
  });

  it('a weight that is not positive, or a name no sheet has, is said under the field; nothing can be written', async () => {
    const { host, workbook, report } = await setUp();
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="zh" />);
    fireEvent.click(screen.getByRole('radio', { name: '按权重加权平均' }));
    const field = screen.getByRole('textbox', { name: /各考核人的权重/ });
    fireEvent.change(field, { target: { value: '张三=0' } });
    expect(screen.getByText(/无法读取“张三=0”：请写成“考核人=权重”/)).toBeTruthy();
    expect(button('生成汇总').disabled).toBe(true);
    fireEvent.change(field, { target: { value: '张三=2,赵六=1' } });
    expect(screen.getByText('没有名为“赵六”的考核人（本工作簿的考核人：张三、李四、王五）。')).toBeTruthy();
    expect(button('生成汇总').disabled).toBe(true);
    fireEvent.change(field, { target: { value: '张三=2，李四=1.5' } });
    expect(screen.queryByText(/无法读取|没有名为/)).toBeNull();
    expect(button('生成汇总').disabled).toBe(false);
  });
});

describe('printing the 汇总 from the pane', () => {
  it('writes the print layout; where the host cannot set it (ExcelApi 1.8), says what to set by hand', async () => {
    const { wb, tables } = workbookOf(SPECS);
    for (const api of ['1.9', '1.8'] as const) {
      const fake = FakeWorkbook.fromGrid(wb);
      const excel = new FakeExcel(fake, { apiVersion: api });
      const host = createOfficeHost({
        excel,
        isSetSupported: excel.isSetSupported,
        displayLanguage: () => 'zh-CN',
      });
      const { workbook } = await host.readWorkbook();
      render(<SummaryStep host={host} workbook={workbook} report={reportOf(workbook, tables)} lang="zh" />);
      fireEvent.click(button('生成汇总'));
      await waitFor(() => expect(screen.getByText(/汇总已生成/)).toBeTruthy());
      const said = screen.queryByText(/不能通过插件设置打印格式/) !== null;
      const print = fake.sheet(LABELS.zh.summarySheet)!.print;
      if (api === '1.9') {
        expect(said).toBe(false);
        expect(print.titleRows).toBe('3:3');
        expect(print.area).toHaveLength(1);
      } else {
        expect(said).toBe(true);
        expect(print.titleRows ?? null).toBeNull();
      }
      // The signature line is written either way.
      const rows = Array.from({ length: 40 }, (_, r) => fake.cell(LABELS.zh.summarySheet, r, 0).value);
      expect(rows).toContain(LABELS.zh.signature);
      cleanup();
    }
  });
});

describe('等次分数线 in the pane', () => {
  it('thresholds and a quota typed as for --grades and --quota give the CLI grades in the written 汇总', async () => {
    const { fake, host, workbook, report } = await setUp();
    const cliPlan = (grades?: SummaryValuesOptions['grades']) =>
      planSummaryValues(
        report.sheets.map((s) => ({
          file: `${s.sheet}.xlsx`,
          report: { ...report, sheets: [s] },
          grid: { sheets: workbook.sheets.filter((g) => g.name === s.sheet) },
        })),
        { lang: 'zh', ...(grades ? { grades } : {}) },
      ).units;
    // 优秀 from the second-best total: more than one unit reaches it, the quota of 1 keeps one.
    const line = [...new Set(cliPlan().map((u) => u.figures.total))].sort((a, b) => b - a)[1]!;
    const grades = {
      bands: [
        { grade: '优秀', min: line },
        { grade: '合格', min: null },
      ],
      quotas: [{ grade: '优秀', count: 1 }],
    };
    const cli = cliPlan(grades).map((u) => [u.name, u.grade]);
    expect(cli.filter((u) => u[1] === '优秀')).toHaveLength(1);
    expect(cliPlan({ bands: grades.bands }).filter((u) => u.grade === '优秀').length).toBeGreaterThan(1);
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="zh" />);
    const field = screen.getByRole('textbox', { name: /等次分数线/ });
    fireEvent.change(field, { target: { value: '优秀90,合格' } });
    expect(screen.getByText(/无法读取“优秀90”：请写成“等次:最低分”/)).toBeTruthy();
    expect(button('生成汇总').disabled).toBe(true);
    fireEvent.change(field, { target: { value: `优秀:${line},合格` } });
    fireEvent.change(screen.getByRole('textbox', { name: /等次名额/ }), { target: { value: '优秀:1' } });
    expect(screen.queryByText(/无法读取/)).toBeNull();
    fireEvent.click(button('生成汇总'));
    await waitFor(() => expect(screen.getByText(/汇总已生成/)).toBeTruthy());
    const L = LABELS.zh;
    const header = Array.from({ length: 30 }, (_, c) => fake.cell(L.summarySheet, 2, c).value);
    const grade = header.indexOf(L.grade);
    expect(grade).toBeGreaterThan(0);
    const written = cli.map((_, i) => [
      fake.cell(L.summarySheet, 3 + i, 1).value,
      fake.cell(L.summarySheet, 3 + i, grade).value,
    ]);
    expect(written).toEqual(cli);
  });
});
