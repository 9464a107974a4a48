// @vitest-environment jsdom
import './jsdom-setup';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseA1 } from '../../src/core/a1';
import { FakeWorkbook } from '../../src/fake-excel';
import type { Host } from '../../src/host/types';
import { cleanRubric } from './stub-host';
import { cellsOf, officeHost, openWriteStep, pressWrite, writeReady } from './write-helpers';

afterEach(cleanup);

describe('写入 when the assessor types into a target cell after the preview (compare-and-set)', () => {
  it('names the cell, plans again, keeps the typed value, and writes the rest on the next 写入', async () => {
    const book = FakeWorkbook.fromGrid({ sheets: [cleanRubric('一村'), cleanRubric('二村')] });
    const before = cellsOf(book.toGrid());
    const { host } = officeHost(book);
    await openWriteStep(host);
    await screen.findByRole('table');

    // What one whole write gives, for comparison: the formula cells it fills in 一村.
    const whole = FakeWorkbook.fromGrid({ sheets: [cleanRubric('一村'), cleanRubric('二村')] });
    cleanup();
    await openWriteStep(officeHost(whole).host);
    await screen.findByRole('table');
    await pressWrite();
    await screen.findByText('写入完成。');
    const written = cellsOf(whole.toGrid());
    const [key] = [...written].find(
      ([k, v]) => k.startsWith('一村!F') && v.formula !== null && before.get(k)?.formula == null,
    )!;
    const address = key.slice('一村!'.length);
    cleanup();

    await openWriteStep(host);
    await screen.findByRole('table');
    // The assessor types a score into a cell the preview was going to fill with a formula.
    const at = parseA1(address)!;
    book.setContents('一村', at.row, at.col, [[4]]);
    await pressWrite();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('工作簿在预览后有改动');
    // Which cell changed, in words: sheet!cell, what it held and what it holds now.
    const list = await screen.findByRole('list', { name: /预览之后以下 1 个单元格有改动/ });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([`${key}：原为空，现为“4”`]);
    // Nothing was written: the workbook is as it was, with the typed value.
    const afterFirst = cellsOf(book.toGrid());
    expect(afterFirst.get(key)).toEqual({ value: 4, formula: null });
    afterFirst.delete(key);
    const unchanged = new Map(before);
    unchanged.delete(key);
    expect(afterFirst).toEqual(unchanged);
    // Planned again: the typed cell is now a conflict, left unticked (kept).
    const sheet = await screen.findByRole('region', { name: '一村' });
    const box = await within(sheet).findByRole('checkbox', { name: new RegExp(`^${key}：`) });
    expect((box as HTMLInputElement).checked).toBe(false);
    // In values, not formulas: what the cell shows now and what the formula would give.
    expect(box.closest('li')?.textContent).toMatch(new RegExp(`^${key}：现为“4”，写入后为“\\d+(\\.\\d+)?”$`));

    await pressWrite();
    await screen.findByText('写入完成。');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('list', { name: /预览之后/ })).toBeNull();
    // The assessor's value stays; every other cell is what one whole write gives.
    const after = cellsOf(book.toGrid());
    expect(after.get(key)).toEqual({ value: 4, formula: null });
    await waitFor(() => expect(book.toGrid().sheets.length).toBe(whole.toGrid().sheets.length));
    const rest = (m: Map<string, unknown>) =>
      new Map(
        [...m].filter(([k]) => k.startsWith('一村!') || k.startsWith('二村!')).filter(([k]) => k !== key),
      );
    const expectedRest = rest(written);
    const got = rest(after);
    // The total row sums the item scores, so its cached value differs by the typed score; the formulas match.
    const formulas = (m: Map<string, unknown>) =>
      new Map([...m].map(([k, v]) => [k, (v as { formula: string | null }).formula]));
    expect(formulas(got)).toEqual(formulas(expectedRest));
  });

  it("when the cell is typed into between the write's read and its apply, Excel refuses it whole, the pane names it and plans again", async () => {
    const book = FakeWorkbook.fromGrid({ sheets: [cleanRubric('一村'), cleanRubric('二村')] });
    const before = cellsOf(book.toGrid());
    const inner = officeHost(book).host;
    let applies = 0;
    // Just before the first apply reaches Excel, the assessor types into the first item's 得分.
    const host: Host = Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, {
      applyPlan: (...args: Parameters<Host['applyPlan']>) => {
        applies++;
        if (applies === 1) book.setContents('二村', 2, 5, [[3]]);
        return inner.applyPlan(...args);
      },
    });
    await openWriteStep(host);
    await pressWrite();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('二村!F3');
    // Nothing written: the compare-and-set refused the whole plan.
    const now = cellsOf(book.toGrid());
    expect(now.get('二村!F3')).toEqual({ value: 3, formula: null });
    now.delete('二村!F3');
    const unchanged = new Map(before);
    unchanged.delete('二村!F3');
    expect(now).toEqual(unchanged);
    // Planned again from the fresh read: the typed cell is a conflict, kept unless ticked.
    const sheet = await screen.findByRole('region', { name: '二村' });
    const box = await within(sheet).findByRole('checkbox', { name: /^二村!F3：现为“3”/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    await writeReady();
    await pressWrite();
    await screen.findByText('写入完成。');
    expect(applies).toBe(2);
    expect(book.at('二村', 'F3')).toEqual({ value: 3, formula: null });
    expect(book.at('二村', 'F4').formula).not.toBeNull();
    expect(book.at('一村', 'F3').formula).not.toBeNull();
  });
});
