// @vitest-environment jsdom
import './jsdom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import { META_SHEET } from '../../src/core/meta';
import { FakeWorkbook } from '../../src/fake-excel';
import { App } from '../../src/taskpane/App';
import { cleanRubric } from './stub-host';
import { officeHost, pressWrite, writeInPane, writeReady, written } from './write-helpers';

afterEach(cleanup);

describe('the pane over the Office adapter and a fake Excel', () => {
  it('reads the workbook, selects an issue cell in Excel, and stores an edited rule the next read applies', async () => {
    const book = FakeWorkbook.fromGrid({ sheets: [cleanRubric('一村', { 0: { score: 6 } })] });
    const { host } = officeHost(book);
    render(<App host={host} />);
    expect(await screen.findByRole('tree', { name: '表格结构' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    const first = within(screen.getByRole('region', { name: '错误' })).getAllByRole('button')[0]!;
    await act(async () => {
      fireEvent.click(first);
    });
    await waitFor(() => expect(book.selection).toEqual({ sheet: '一村', address: 'F3' }));

    fireEvent.click(screen.getByRole('tab', { name: '规则' }));
    const card = screen.getByRole('group', { name: /安全生产/ });
    fireEvent.click(within(card).getByRole('button', { name: '修改' }));
    fireEvent.change(within(card).getAllByRole('spinbutton', { name: '分数' })[0]!, {
      target: { value: '3' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存规则（1 项）' }));
    });
    await screen.findByText('规则已保存在工作簿中。');
    // The store is in the workbook: the core reading the fake's grid sees the override, and so does the pane.
    const grid = book.toGrid();
    expect(grid.sheets.some((s) => s.name === META_SHEET)).toBe(true);
    const report = analyzeWorkbook(grid);
    const a = report.sheets.find((s) => s.sheet === '一村')?.analysis;
    const item = a?.table.items.find((i) => i.text.includes('安全生产'));
    expect(item && a?.rules[item.id]).toMatchObject({
      overridden: true,
      terms: [expect.objectContaining({ amount: 3 })],
    });
    await waitFor(() =>
      expect(within(screen.getByRole('group', { name: /安全生产/ })).getByText('已修改')).toBeTruthy(),
    );
  });
});

describe('a write Excel gives up on part-way, in the pane', () => {
  const grid = () => ({ sheets: [cleanRubric('一村'), cleanRubric('二村'), cleanRubric('三村')] });

  const smallRequests = (book: FakeWorkbook) => officeHost(book, { maxChunkBytes: 1500 });

  it('says which sheets were written, and 继续写入 gives the workbook one whole write gives', async () => {
    const whole = FakeWorkbook.fromGrid(grid());
    await writeInPane(smallRequests(whole).host);
    await written();
    const expected = whole.toGrid();
    cleanup();

    const book = FakeWorkbook.fromGrid(grid());
    const { excel, host } = smallRequests(book);
    // After the click: the fresh read (as many requests as the first read), the write's look at the
    // sheets, the compare-and-set, then the chunks; the fault hits the second chunk.
    render(<App host={host} />);
    expect(await screen.findByRole('tree', { name: '表格结构' })).toBeTruthy();
    const read = excel.syncs;
    excel.faults = [{ sync: excel.syncs + read + 4, code: 'GeneralException' }];
    fireEvent.click(screen.getByRole('tab', { name: '写入' }));
    await writeReady();
    await pressWrite();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('写入未完成');
    expect(alert.textContent).toContain('GeneralException');
    expect(alert.textContent).toMatch(/已写完：.*；写了一部分：.*；未写入：/);
    expect(alert.textContent).not.toContain('RubricScorerData');
    expect(book.toGrid()).not.toEqual(expected);
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: '继续写入' }));
    });
    await waitFor(() => expect(book.toGrid()).toEqual(expected));
    expect(screen.queryByText('写入未完成')).toBeNull();
  });
});
