// @vitest-environment jsdom
/**
 * 继续写入 after a write Excel gave up on part-way: what the pane then says it wrote is what that press
 * wrote (the plan Excel received the second time, with the choices made in between), not what the
 * first press meant to write.
 */
import './jsdom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseA1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import { FakeWorkbook } from '../../src/fake-excel';
import { App } from '../../src/taskpane/App';
import { cleanRubric } from './stub-host';
import { officeHost, pressWrite, recordingHost, writeReady, written } from './write-helpers';

afterEach(cleanup);

const num = (text: string, re: RegExp): number => Number(re.exec(text)?.[1] ?? 0);

describe('继续写入 in the pane', () => {
  it('the per-sheet sentences after it describe the finishing write, with the box ticked in between', async () => {
    const book = FakeWorkbook.fromGrid({
      sheets: [
        cleanRubric('一村', { 0: { score: 4 } }),
        cleanRubric('二村', { 0: { score: 2 } }),
        cleanRubric('三村'),
      ],
    });
    // Small requests, so that the write takes several and one can fail after others landed.
    const { excel, host: inner } = officeHost(book, { maxChunkBytes: 1500 });
    const { host, plans } = recordingHost(inner);
    render(<App host={host} />);
    expect(await screen.findByRole('tree', { name: '表格结构' })).toBeTruthy();
    const read = excel.syncs;
    fireEvent.click(screen.getByRole('tab', { name: '写入' }));
    await writeReady();
    // After the click: the fresh read, the write's look at the sheets, the compare-and-set, then the
    // chunks; the fault hits the second chunk.
    excel.faults = [{ sync: excel.syncs + read + 4, code: 'GeneralException' }];
    await pressWrite();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('写入未完成');
    excel.faults = [];

    // Between the presses, the assessor decides to replace the typed score on 二村.
    fireEvent.click(
      within(screen.getByRole('region', { name: '二村' })).getByRole('checkbox', { name: /^替换“二村”/ }),
    );
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: '二村' })).getByText(/将被替换/)).toBeTruthy(),
    );
    await writeReady();
    await act(async () => {
      fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: '继续写入' }));
    });
    const done = await written();
    expect(plans).toHaveLength(2);
    const finishing = plans[1]!;
    const lines = within(done)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines.map((l) => l.slice(0, l.indexOf('：')))).toEqual(['一村', '二村', '三村']);
    const line = (sheet: string) => lines.find((l) => l.startsWith(`${sheet}：`))!;
    expect(line('一村')).toMatch(/；1 个已有内容保持原样。$/);
    expect(line('二村')).toMatch(/；替换了 1 个已有内容。$/);
    expect(line('三村')).not.toContain('已有内容');
    // Every count is one of the finishing plan's operations on that sheet.
    const table = (sheet: string) =>
      analyzeWorkbook(book.toGrid()).sheets.find((s) => s.sheet === sheet)!.analysis!.table;
    for (const sheet of ['一村', '二村', '三村']) {
      const ops = finishing.ops.filter((o) => o.sheet === sheet);
      const items = table(sheet).items;
      const onItem = (cell: string) => {
        const row = parseA1(cell)!.row;
        return items.some((i) => row >= i.row && row <= i.lastRow);
      };
      const l = line(sheet);
      const score = num(l, /(\d+) 个得分公式/);
      const totals = num(l, /(\d+) 个小计和合计/);
      const texts = num(l, /(\d+) 个列标题和文字/);
      const settings = num(l, /(\d+) 项格式和输入限制/);
      expect(score).toBe(ops.filter((o) => o.op === 'formula' && onItem(o.cell)).length);
      expect(totals).toBe(ops.filter((o) => o.op === 'formula' && !onItem(o.cell)).length);
      expect(score + totals + texts + settings).toBe(ops.length);
    }
    expect(book.at('二村', 'F3').formula).not.toBeNull();
    expect(book.at('一村', 'F3')).toEqual({ value: 4, formula: null });
  });
});
