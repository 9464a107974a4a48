/**
 * The playground's WPS mode (?host=wps) in Chromium: the same pane, through the real WPS adapter and
 * the fake ET object model, reads the sample and writes it; the grid then shows the core's scores,
 * computed by the formulas the WPS path wrote.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookReport } from '../../src/core/analyze';
import { PAGE_STRINGS } from '../../src/playground/strings';
import { translate } from '../../src/taskpane/i18n';
import { analyzeSample, gridCell, numberIn, rubricSheetsOf, showSheet } from './expect';
import { type Browser, launchBrowser, type Playground, ROOT, startPlayground } from './harness';

const SAMPLES = process.env.PLAYGROUND_SAMPLES ?? join(ROOT, 'samples');
const zh = (key: Parameters<typeof translate>[1]) => translate('zh', key);

let server: Playground;
let browser: Browser;
let report: WorkbookReport;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ report } = await analyzeSample(SAMPLES, 'communities.xlsx'));
  [server, browser] = await Promise.all([startPlayground(SAMPLES), launchBrowser(pageErrors)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('playground, WPS mode', () => {
  it('reads and writes the sample through the WPS adapter; the grid shows the core scores', async () => {
    const { page } = browser;
    const pane = page.getByTestId('task-pane');
    await page.goto(`${server.url}?host=wps`);
    expect(await page.getByTestId('host-kind').textContent()).toBe(PAGE_STRINGS.zh.hostWps);
    await pane.getByRole('tree').waitFor({ timeout: 30_000 });

    const units = rubricSheetsOf(report);
    const clean = units.filter(
      (u) => !report.sheets.find((r) => r.sheet === u.sheet)!.issues.some((i) => i.code === 'notANumber'),
    );
    expect(clean.length).toBeGreaterThan(0);
    await pane.getByRole('tab', { name: zh('step.write'), exact: true }).click();
    // The sample's 得分 are typed: each sheet's filled-in cells are replaced only when confirmed.
    const replace = pane.getByRole('checkbox', { name: /^替换“/ });
    await replace.first().waitFor({ timeout: 30_000 });
    for (const box of await replace.all()) await box.check();
    await pane.getByRole('button', { name: zh('write'), exact: true }).click();
    await pane.getByText('写入完成').waitFor({ timeout: 30_000 });

    for (const u of clean) {
      const t = u.analysis.table;
      const col = t.columns.score!;
      await showSheet(page, u.sheet);
      for (const s of u.analysis.score.items) {
        const row = t.items.find((i) => i.id === s.itemId)!.row;
        expect(await numberIn(gridCell(page, u.sheet, row, col)), `${u.sheet} row ${row + 1}`).toBe(s.score);
      }
      if (t.totalRow !== null)
        expect(await numberIn(gridCell(page, u.sheet, t.totalRow, col)), u.sheet).toBe(
          u.analysis.score.total,
        );
    }
    const first = clean[0]!;
    await showSheet(page, first.sheet);
    await gridCell(
      page,
      first.sheet,
      first.analysis.table.items[0]!.row,
      first.analysis.table.columns.score!,
    ).click();
    expect(await page.getByTestId('formula-bar').inputValue()).toMatch(/^=/);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
