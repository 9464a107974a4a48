/**
 * What the page should show, computed in Node by the same core from the same file: the tests then
 * compare the browser's grid and pane against the core, never against numbers copied by hand.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type WorkbookReport, analyzeWorkbook } from '../../src/core/analyze';
import { a1 } from '../../src/core/a1';
import type { WorkbookGrid } from '../../src/core/grid';
import type { SheetAnalysis } from '../../src/core/model';
import { readXlsx } from '../../src/adapters/xlsx/read';

/** The sample workbook as the core reads it, and its report. */
export async function analyzeSample(
  dir: string,
  file: string,
): Promise<{ grid: WorkbookGrid; report: WorkbookReport }> {
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run samples first`);
  // Read by the CLI's own adapter: the page (browser reader, fake Excel, HyperFormula) must agree with it.
  const grid = await readXlsx(path);
  return { grid, report: analyzeWorkbook(grid) };
}

export function rubricSheetsOf(report: WorkbookReport): { sheet: string; analysis: SheetAnalysis }[] {
  return report.sheets.flatMap((s) => (s.analysis ? [{ sheet: s.sheet, analysis: s.analysis }] : []));
}

/** The grid cell on screen (the sheet must be the one shown). */
export function gridCell(page: Page, sheet: string, row: number, col: number): Locator {
  return page.locator(`[data-sheet=${JSON.stringify(sheet)}] td[data-cell="${a1(row, col)}"]`);
}

/** Shows a sheet by its tab under the grid. */
export async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: sheet, exact: true }).click();
  await page.locator(`[data-sheet=${JSON.stringify(sheet)}]`).waitFor();
}

/** A cell's shown text as a number (NaN when it is not one). */
export async function numberIn(cell: Locator): Promise<number> {
  const text = ((await cell.textContent()) ?? '').trim();
  return text === '' ? Number.NaN : Number(text);
}
