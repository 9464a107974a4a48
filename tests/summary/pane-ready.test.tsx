// @vitest-environment jsdom
/**
 * The pane's 汇总 over the fake Excel: units with open entry errors and roster names without a sheet
 * are listed apart, each selecting where to look; a withheld rank reads "—" in the pane as in the
 * written 汇总, and the ready units' ranks in the pane are the ones the written 汇总 computes.
 */
import '../taskpane/jsdom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import { LABELS } from '../../src/core/summary';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import { SummaryStep } from '../../src/taskpane/components/SummaryStep';
import { reportOf, type UnitSpec, workbookOf } from './harness';

afterEach(cleanup);

const SPECS: UnitSpec[] = [
  { sheet: '东风社区', deductions: [0, 1] },
  { sheet: '新华社区', deductions: [0.5] },
  { sheet: '东湖社区', deductions: [0, 0, 2] },
];

const ROSTER: SheetGrid = {
  name: '参评单位名单',
  values: [['单位名称'], ['东风社区'], ['新华社区'], ['东湖社区'], ['彩屯社区']],
  merges: [],
};

const ERROR: Issue = { code: 'notANumber', severity: 'error', sheet: '东湖社区', cell: 'E5', params: {} };

async function setUp() {
  const { wb, tables } = workbookOf(SPECS, [ROSTER]);
  const fake = FakeWorkbook.fromGrid(wb);
  const excel = new FakeExcel(fake);
  const host = createOfficeHost({
    excel,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => 'zh-CN',
  });
  const { workbook } = await host.readWorkbook();
  const report = reportOf(workbook, tables);
  for (const s of report.sheets) if (s.sheet === ERROR.sheet) s.issues.push(ERROR);
  return { fake, host, workbook, report };
}

describe('SummaryStep: units not ready', () => {
  it('lists them apart with rank —, selects their cells, and agrees with the written 汇总', async () => {
    const { fake, host, workbook, report } = await setUp();
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="zh" />);

    const block = screen.getByRole('list', { name: '未就绪的单位 1 个（改正前排名显示为“—”）' });
    const line = within(block).getByRole('button', { name: /^东湖社区：总分 [\d.]+（暂定），排名 —，/ });
    fireEvent.click(line);
    await waitFor(() => expect(fake.selection).toEqual({ sheet: '东湖社区', address: 'E5' }));

    const missing = screen.getByRole('list', { name: '名单中未找到评分表的单位 1 个' });
    fireEvent.click(within(missing).getByRole('button', { name: '彩屯社区' }));
    await waitFor(() => expect(fake.selection).toEqual({ sheet: '参评单位名单', address: 'A5' }));

    const ranked = screen.getByRole('list', { name: '排名' });
    const paneRanks = within(ranked)
      .getAllByRole('listitem')
      .map((li) => /^(.+)：总分 ([\d.]+)，排名 (.+)$/.exec(li.textContent ?? '')!.slice(1));
    expect(paneRanks.map((r) => r[0])).toEqual(['东风社区', '新华社区']);

    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
    await waitFor(() => expect(screen.getByText(/汇总已生成/)).toBeTruthy());
    const L = LABELS.zh;
    const sheet = L.summarySheet;
    const header = Array.from({ length: 30 }, (_, c) => fake.cell(sheet, 2, c).value);
    const rankCol = header.indexOf(L.rankDense);
    const totalCol = header.indexOf(L.total);
    expect(rankCol).toBeGreaterThan(0);
    const written = SPECS.map((_, i) => [
      fake.cell(sheet, 3 + i, 1).value,
      fake.cell(sheet, 3 + i, totalCol).value,
      fake.cell(sheet, 3 + i, rankCol).value,
    ]);
    expect(written[2]).toEqual(['东湖社区', expect.any(Number), '—']);
    expect(written.slice(0, 2).map((w) => [w[0], String(w[1]), String(w[2])])).toEqual(paneRanks);
  });

  it('offers 结果通知单 and writes it when asked', async () => {
    const { fake, host, workbook, report } = await setUp();
    render(<SummaryStep host={host} workbook={workbook} report={report} lang="en" />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Create result slips/ }));
    const slips = LABELS.en.slip.sheet;
    await waitFor(() => expect(screen.getByText(`Create sheet "${slips}"`)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Create summary' }));
    await waitFor(() => expect(screen.getByText(/The summary is ready/)).toBeTruthy());
    expect(fake.sheetNames()).toContain(slips);
    expect(fake.sheet(slips)!.print.rowBreaks).toHaveLength(SPECS.length - 1);
  });
});
