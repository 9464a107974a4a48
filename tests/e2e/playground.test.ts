/**
 * The playground end to end, in Chromium: the real task pane over the fake Excel walks the sample
 * workbook through 识别 → 规则 → 检查 → 写入 → 汇总, and the grid and pane are compared with what the
 * core computes in Node from the same file. Each step is photographed to docs/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook, type WorkbookReport } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { formatIssue } from '../../src/core/i18n';
import { countBySeverity } from '../../src/core/issues';
import { explainRule } from '../../src/core/rules/explain';
import { PAGE_STRINGS } from '../../src/playground/strings';
import { translate } from '../../src/taskpane/i18n';
import { listedIssues } from '../../src/taskpane/components/CheckStep';
import { allIssues } from '../../src/taskpane/state/flow';
import { analyzeSample, gridCell, numberIn, rubricSheetsOf, showSheet } from './expect';
import { type Browser, launchBrowser, type Playground, ROOT, startPlayground } from './harness';

const SAMPLES = process.env.PLAYGROUND_SAMPLES ?? join(ROOT, 'samples');
const SAMPLE = 'communities.xlsx';
const SHOTS = join(ROOT, 'docs/screenshots');
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh', key, params);

let server: Playground;
let browser: Browser;
let grid: WorkbookGrid;
let report: WorkbookReport;
const pageErrors: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, name) });
}

/** Opens the playground on the sample and waits for the pane's 识别 tree. */
async function openSample(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('task-pane').getByRole('tree').waitFor({ timeout: 30_000 });
}

function pane(page: Page) {
  return page.getByTestId('task-pane');
}

async function openStep(page: Page, key: Parameters<typeof translate>[1]): Promise<void> {
  await pane(page)
    .getByRole('tab', { name: zh(key), exact: true })
    .click();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ grid, report } = await analyzeSample(SAMPLES, SAMPLE));
  [server, browser] = await Promise.all([startPlayground(SAMPLES), launchBrowser(pageErrors)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('playground', () => {
  it('walks the sample through 识别, 规则, 检查, 写入 and 汇总', async () => {
    const { page } = browser;
    const units = rubricSheetsOf(report);
    expect(units.length).toBeGreaterThan(1);
    const first = units[0]!;
    const table = first.analysis.table;

    // 识别: the pane's tree holds the sample's categories and items, as the core finds them.
    await openSample(page);
    const tree = pane(page).getByRole('tree');
    const treeText = (await tree.textContent()) ?? '';
    for (const g of table.groups) expect(treeText).toContain(g.label);
    for (const item of table.items.slice(0, 3)) expect(treeText).toContain(item.label || item.text);
    await showSheet(page, first.sheet);
    await shot(page, '01-detect.png');

    // 规则: each rule said in plain words, as the core explains it.
    await openStep(page, 'step.rules');
    const item = table.items.find((i) => first.analysis.rules[i.id]) ?? table.items[0]!;
    const rule = first.analysis.rules[item.id]!;
    const plain = explainRule(rule, item.points, 'zh');
    await pane(page).getByText(plain, { exact: false }).first().waitFor();
    await shot(page, '02-rules.png');

    // 检查: the counts of errors, warnings and notes the core reports.
    await openStep(page, 'step.check');
    // The counts of the lines listed: a rubric finding repeated on every unit's sheet is one line.
    const counts = listedIssues(allIssues(report)).counts;
    expect(counts.error).toBeLessThanOrEqual(countBySeverity(allIssues(report)).error);
    await pane(page)
      .getByRole('status')
      .filter({ hasText: zh('counts', counts) })
      .waitFor();
    if (counts.error === 0 && counts.warning === 0) {
      await pane(page).getByText(zh('allClearTitle')).waitFor();
    }
    await shot(page, '03-check.png');

    // 写入: on every sheet whose entries are all numbers, each score cell and the 合计 cell show what
    // the core computed, through formulas HyperFormula evaluates in the page. (An entry typed as text,
    // like the planted "1分", is an error the assessor must fix first: 得分 asks for a number there.)
    await openStep(page, 'step.write');
    // The sample's 得分 are typed: they are conflicts, written over only when confirmed, sheet by
    // sheet (替换“…”中已有的内容).
    const replace = pane(page).getByRole('checkbox', { name: /^替换“/ });
    await replace.first().waitFor();
    for (const box of await replace.all()) await box.check();
    await pane(page)
      .getByRole('button', { name: zh('write'), exact: true })
      .click();
    await pane(page).getByText('写入完成').waitFor();
    const clean = (sheet: string) =>
      !report.sheets.find((r) => r.sheet === sheet)!.issues.some((i) => i.code === 'notANumber');
    expect(clean(first.sheet)).toBe(true);
    const shownTotal = new Map<string, number>();
    for (const u of units) {
      const t = u.analysis.table;
      const col = t.columns.score;
      expect(col, u.sheet).toBeDefined();
      await showSheet(page, u.sheet);
      // A sheet with text in 扣分 ("1分") is left to the assessor to fix; where its 得分 was typed and
      // the replacement was not confirmed, the typed number stays (tests/writeback cover the marker).
      if (!clean(u.sheet)) continue;
      if (t.totalRow !== null)
        shownTotal.set(u.sheet, await numberIn(gridCell(page, u.sheet, t.totalRow, col!)));
      for (const s of u.analysis.score.items) {
        const row = t.items.find((i) => i.id === s.itemId)!.row;
        expect(await numberIn(gridCell(page, u.sheet, row, col!)), `${u.sheet} row ${row + 1}`).toBe(s.score);
      }
      if (t.totalRow !== null) expect(shownTotal.get(u.sheet), u.sheet).toBe(u.analysis.score.total);
    }
    const scoreCol = table.columns.score;
    await showSheet(page, first.sheet);
    await gridCell(page, first.sheet, table.items[0]!.row, scoreCol!).click();
    expect(await page.getByTestId('formula-bar').inputValue()).toMatch(/^=/);
    await pane(page).getByText('写入完成').scrollIntoViewIfNeeded();
    await shot(page, '04-write.png');

    // 汇总: a summary sheet whose row for each unit carries the total its sheet shows (the core's
    // total where the entries are clean).
    await pane(page).getByRole('tab', { name: '汇总', exact: true }).click();
    await pane(page).getByRole('button', { name: '生成汇总' }).click();
    await pane(page).getByText('汇总已生成').waitFor();
    await showSheet(page, '汇总');
    for (const u of units) {
      const row = page.locator('[data-sheet="汇总"] tr', {
        has: page.locator('td', {
          hasText: new RegExp(`^${u.sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        }),
      });
      const numbers = (await row.first().locator('td').allInnerTexts()).map(Number);
      const shown = shownTotal.get(u.sheet);
      if (shown !== undefined) expect(numbers, u.sheet).toContain(shown);
      if (clean(u.sheet)) expect(numbers, u.sheet).toContain(u.analysis.score.total);
    }
    await shot(page, '05-summary.png');

    // The download is the workbook as it now stands: score formulas and the summary sheet included.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: PAGE_STRINGS.zh.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('communities-评分.xlsx');
    const back = analyzeWorkbook(await readXlsx(readFileSync(await download.path())));
    expect(back.sheets.map((s) => s.sheet)).toContain('汇总');
    const again = rubricSheetsOf(back).find((u) => u.sheet === first.sheet)!;
    expect(again.analysis.score.total).toBe(first.analysis.score.total);
    const firstScore = again.analysis.entries[0]?.score;
    expect(firstScore?.formula ?? '').toMatch(/^=/);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('reports "1分" typed into a 扣分 cell as not a number, with what to do', async () => {
    const { page } = browser;
    const first = rubricSheetsOf(report)[0]!;
    const table = first.analysis.table;
    const col = table.columns.deduction;
    expect(col).toBeDefined();
    const item = table.items[0]!;

    // What the core says about the same entry.
    const edited: WorkbookGrid = structuredClone(grid);
    const sheet = edited.sheets.find((s) => s.name === first.sheet)!;
    const row = sheet.values[item.row] ?? [];
    row[col!] = '1分';
    sheet.values[item.row] = row;
    const expected = analyzeWorkbook(edited)
      .sheets.flatMap((s) => s.issues)
      .find((i) => i.sheet === first.sheet && i.cell === a1(item.row, col!));
    expect(expected, 'the core flags the entry').toBeDefined();
    expect(expected!.severity).toBe('error');

    await openSample(page);
    await showSheet(page, first.sheet);
    const cell = gridCell(page, first.sheet, item.row, col!);
    await cell.dblclick();
    const editor = cell.locator('input');
    await editor.fill('1分');
    await editor.press('Enter');
    expect(((await cell.textContent()) ?? '').trim()).toBe('1分');

    await openStep(page, 'step.check');
    const message = formatIssue(expected!, 'zh');
    const issue = pane(page).getByRole('button', { name: `${first.sheet}!${expected!.cell}` });
    await issue.filter({ hasText: message }).waitFor();
    await pane(page)
      .getByRole('status')
      .filter({ hasText: /错误 [1-9]/ })
      .waitFor();
    // The issue's button shows the cell in the grid.
    await issue.first().click();
    await expect.poll(() => page.getByTestId('name-box').inputValue()).toBe(expected!.cell);
    await shot(page, '06-bad-input.png');
  });

  it('says clearly when a file is not a workbook, and when a workbook has no rubric', async () => {
    const { page } = browser;
    await openSample(page);
    const input = page.getByTestId('open-file');

    await input.setInputFiles({
      name: 'notes.xlsx',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a workbook'),
    });
    await page
      .getByTestId('page-notice')
      .filter({ hasText: PAGE_STRINGS.zh.unreadable({ file: 'notes.xlsx' }) })
      .waitFor();

    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('名单').addRows([
      ['姓名', '电话'],
      ['张三', '13800000000'],
    ]);
    const bytes = Buffer.from(await plain.xlsx.writeBuffer());
    await input.setInputFiles({ name: '名单.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: '名单' }).waitFor();
    await pane(page).getByText(zh('fault.title.noTable')).first().waitFor();
  });
});
