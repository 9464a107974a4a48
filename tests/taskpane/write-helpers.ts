/** Pane-level helpers for the 写入 step over the Office adapter and a fake Excel. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { expect } from 'vitest';
import { a1 } from '../../src/core/a1';
import { cellAt, formulaAt, type WorkbookGrid } from '../../src/core/grid';
import { FakeExcel, type FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import type { WritePlan } from '../../src/core/plan';
import type { Host } from '../../src/host/types';
import { App } from '../../src/taskpane/App';

/** The Office adapter over a fake Excel holding `book`, in a Chinese Excel. */
export function officeHost(
  book: FakeWorkbook,
  opts: { apiVersion?: string; maxChunkBytes?: number; lang?: string } = {},
): { excel: FakeExcel; host: Host } {
  const excel = new FakeExcel(book, opts.apiVersion === undefined ? {} : { apiVersion: opts.apiVersion });
  const host = createOfficeHost({
    excel,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => opts.lang ?? 'zh-CN',
    ...(opts.maxChunkBytes === undefined ? {} : { maxChunkBytes: opts.maxChunkBytes }),
  });
  return { excel, host };
}

/** Render the pane over `host`, wait for the read, and open 写入 with its plan made (the button enabled). */
export async function openWriteStep(host: Host, tab = '写入'): Promise<void> {
  render(createElement(App, { host }));
  expect(await screen.findByRole('tree')).toBeTruthy();
  fireEvent.click(screen.getByRole('tab', { name: tab }));
  await writeReady(tab);
}

/** Wait until the step's write button can be pressed (its plan made). */
export async function writeReady(name = '写入'): Promise<void> {
  await waitFor(() => expect(screen.getByRole('button', { name }).hasAttribute('disabled')).toBe(false));
}

/** Press the step's 写入 button (or its English name). */
export async function pressWrite(name = '写入'): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

/** Open 写入 and press it once; the caller waits for what the write shows (see `written`). */
export async function writeInPane(host: Host): Promise<void> {
  await openWriteStep(host);
  await pressWrite();
}

/** Wait for the pane to say a write is done. */
export async function written(): Promise<HTMLElement> {
  const done = await screen.findByText('写入完成。');
  return done.closest('[role="status"]') as HTMLElement;
}

export type Cells = Map<string, { value: unknown; formula: string | null }>;

/** Every non-empty cell of the workbook (sheet!A1 → value and formula). */
export function cellsOf(grid: WorkbookGrid): Cells {
  const out: Cells = new Map();
  for (const sheet of grid.sheets) {
    const rows = Math.max(sheet.values.length, sheet.formulas?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(sheet.values[r]?.length ?? 0, sheet.formulas?.[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const value = cellAt(sheet, r, c);
        const formula = formulaAt(sheet, r, c);
        if ((value === null || value === '') && formula === null) continue;
        out.set(`${sheet.name}!${a1(r, c)}`, { value, formula });
      }
    }
  }
  return out;
}

/** The host, recording every plan it is given to apply (the plans Excel receives, in order). */
export function recordingHost(inner: Host): { host: Host; plans: WritePlan[] } {
  const plans: WritePlan[] = [];
  const host: Host = Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, {
    applyPlan: (...args: Parameters<Host['applyPlan']>) => {
      plans.push(args[0]);
      return inner.applyPlan(...args);
    },
  });
  return { host, plans };
}
