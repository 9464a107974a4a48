// @vitest-environment jsdom
import './jsdom-setup';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseA1 } from '../../src/core/a1';
import { FakeWorkbook } from '../../src/fake-excel';
import type { Host } from '../../src/host/types';
import { cleanRubric } from './stub-host';
import { cellsOf, officeHost, writeInPane, written } from './write-helpers';

afterEach(cleanup);

async function writeAndWait(book: FakeWorkbook, host: Host = officeHost(book).host) {
  await writeInPane(host);
  await written();
}

async function undoInPane(): Promise<HTMLElement> {
  await act(async () => {
    fireEvent.click(await screen.findByRole('button', { name: '撤销写入' }));
  });
  const done = await screen.findByText(/已撤销写入/);
  return done.closest('[role="status"]') as HTMLElement;
}

describe('撤销写入 in the pane, over the Office adapter and a fake Excel', () => {
  const grid = () => ({ sheets: [cleanRubric('一村', { 0: { score: 4 } }), cleanRubric('二村')] });

  it('puts back every cell the write changed, and removes the sheet it added', async () => {
    const book = FakeWorkbook.fromGrid(grid());
    const before = book.toGrid();
    await writeAndWait(book);
    const written = book.toGrid();
    // The write did change the workbook (else the undo would prove nothing).
    expect(cellsOf(written)).not.toEqual(cellsOf(before));
    expect(written.sheets.length).toBeGreaterThan(before.sheets.length);

    const status = await undoInPane();
    const after = book.toGrid();
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(cellsOf(after)).toEqual(cellsOf(before));
    // Merges, input limits and hidden columns as they were, as the fake holds them.
    const layout = (g: typeof before) =>
      g.sheets.map((s) => ({
        merges: s.merges,
        validations: s.validations ?? [],
        hiddenCols: s.hiddenCols ?? [],
      }));
    expect(layout(written)).not.toEqual(layout(before));
    expect(layout(after)).toEqual(layout(before));
    expect(status.textContent).toMatch(/恢复了 [1-9]\d* 个单元格/);
    expect(status.textContent).not.toContain('修改过');
    // Formatting the read does not record stays, and the pane says so by sheet and kind.
    const gaps = within(status)
      .getByRole('list', { name: /无法恢复/ })
      .querySelectorAll('li');
    const lines = [...gaps].map((li) => li.textContent ?? '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(一村|二村)：.+（[1-9]\d* 项）$/);
    expect(lines.some((l) => l.startsWith('一村：')) && lines.some((l) => l.startsWith('二村：'))).toBe(true);
    // Undone once: the button is gone.
    expect(screen.queryByRole('button', { name: '撤销写入' })).toBeNull();
  });

  it('where Excel cannot report merges (before ExcelApi 1.13), splits none: the merges were there before', async () => {
    // Which merges a write makes on this workbook.
    const probe = FakeWorkbook.fromGrid(grid());
    const plain = probe.toGrid().sheets.map((s) => s.merges.length);
    await writeAndWait(probe);
    cleanup();
    const made = probe.toGrid().sheets.filter((s, i) => s.merges.length > (plain[i] ?? 0));
    expect(made.length).toBeGreaterThan(0);
    // The same workbook with those merges already there, written and undone where merges are not read.
    const start = grid();
    for (const s of start.sheets) s.merges = made.find((m) => m.name === s.name)?.merges ?? s.merges;
    const book = FakeWorkbook.fromGrid(start);
    const before = book.toGrid();
    await writeAndWait(book, officeHost(book, { apiVersion: '1.12' }).host);
    const status = await undoInPane();
    expect(book.toGrid().sheets.map((s) => s.merges)).toEqual(before.sheets.map((s) => s.merges));
    expect(status.textContent).toContain('合并单元格');
  });

  it('leaves a cell typed into after the write as typed, and lists it', async () => {
    const book = FakeWorkbook.fromGrid(grid());
    const before = cellsOf(book.toGrid());
    await writeAndWait(book);
    // A formula the write put in a rubric sheet, over a cell that held something else before.
    const [key] = [...cellsOf(book.toGrid())].find(
      ([k, v]) => k.startsWith('一村!') && v.formula !== null && before.get(k)?.formula == null,
    )!;
    const address = key.slice('一村!'.length);
    const typed = 3.5;
    const at = parseA1(address)!;
    book.setContents('一村', at.row, at.col, [[typed]]);

    const status = await undoInPane();
    expect(book.at('一村', address)).toEqual({ value: typed, formula: null });
    const list = within(status).getByRole('list', { name: /写入之后被修改过/ });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`${key}：现为“${typed}”`]);
    // Everything else is back as it was.
    const after = cellsOf(book.toGrid());
    after.delete(key);
    const expected = new Map(before);
    expected.delete(key);
    expect(after).toEqual(expected);
  });

  it('when a cell is typed into between its read and its apply, reads and plans once more, and leaves that cell too', async () => {
    const book = FakeWorkbook.fromGrid(grid());
    const before = cellsOf(book.toGrid());
    const inner = officeHost(book).host;
    let applies = 0;
    let typedAt: { key: string; address: string } | null = null;
    // The second applyPlan is the undo's first: just before it reaches Excel, the assessor types
    // into a cell the write filled, so the undo's compare-and-set finds it changed.
    const host: Host = Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, {
      applyPlan: (...args: Parameters<Host['applyPlan']>) => {
        applies++;
        if (applies === 2) {
          const [key] = [...cellsOf(book.toGrid())].find(
            ([k, v]) => k.startsWith('二村!') && v.formula !== null && before.get(k)?.formula == null,
          )!;
          const address = key.slice('二村!'.length);
          const at = parseA1(address)!;
          book.setContents('二村', at.row, at.col, [[2]]);
          typedAt = { key, address };
        }
        return inner.applyPlan(...args);
      },
    });
    await writeAndWait(book, host);
    const status = await undoInPane();
    expect(applies).toBe(3);
    const t = typedAt as { key: string; address: string } | null;
    expect(t).not.toBeNull();
    expect(book.at('二村', t!.address)).toEqual({ value: 2, formula: null });
    const list = within(status).getByRole('list', { name: /写入之后被修改过/ });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`${t!.key}：现为“2”`]);
    expect(screen.queryByRole('alert')).toBeNull();
    const after = cellsOf(book.toGrid());
    after.delete(t!.key);
    const expected = new Map(before);
    expected.delete(t!.key);
    expect(after).toEqual(expected);
  });
});
