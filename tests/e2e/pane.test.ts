/**
 * The task pane as an assessor uses it, at Excel's default pane width (350 px), in Chromium over the
 * playground: every step laid out without horizontal overflow and with points on one line; an item
 * scored in 评分 by keyboard only (the item followed from the grid selection), its entry written to the
 * grid as the core computes it; every item, finding and rule card taking you to its cell.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import type { WorkbookReport } from '../../src/core/analyze';
import { handlerFor } from '../../src/core/rules/kinds';
import { liveItemScore } from '../../src/core/writeback/item';
import { translate } from '../../src/taskpane/i18n';
import { paneRule } from '../../src/taskpane/state/score-item';
import { itemCell } from '../../src/taskpane/state/structure';
import { analyzeSample, gridCell, numberIn, rubricSheetsOf, showSheet } from './expect';
import { type Browser, launchBrowser, type Playground, ROOT, startPlayground } from './harness';

const SAMPLES = process.env.PLAYGROUND_SAMPLES ?? join(ROOT, 'samples');
const SAMPLE = 'communities.xlsx';
const SHOTS = join(ROOT, 'docs/screenshots');
const PANE = 350;
type Key = Parameters<typeof translate>[1];
const zh = (key: Key, params?: Record<string, string | number>) => translate('zh', key, params);

let server: Playground;
let browser: Browser;
let report: WorkbookReport;
const pageErrors: string[] = [];

function pane(page: Page) {
  return page.getByTestId('task-pane');
}

async function open(page: Page, width = PANE): Promise<void> {
  await page.goto(`${server.url}?pane=${width}`);
  await pane(page).getByRole('tree').waitFor({ timeout: 30_000 });
}

async function openStep(page: Page, key: Key): Promise<void> {
  await pane(page)
    .getByRole('tab', { name: zh(key), exact: true })
    .click();
}

/**
 * What breaks the pane's layout: any element reaching outside the pane (it would scroll sideways or
 * be cut off), and any points label ([data-points]) taller than one line ("1 / 分").
 */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="task-pane"]') as HTMLElement;
    const box = root.getBoundingClientRect();
    const out: string[] = [];
    if (root.scrollWidth > root.clientWidth + 1)
      out.push(`pane scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Focus-trap sentinels (empty, one pixel wide) are not content.
      if (r.width <= 1 && (el.textContent ?? '') === '' && el.children.length === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.opacity === '0') continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        const text = (el.textContent ?? '').trim().slice(0, 40);
        out.push(
          `<${el.tagName.toLowerCase()}> "${text}" spans ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
      }
    }
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-points]'))) {
      const lh = Number.parseFloat(getComputedStyle(el).lineHeight) || 16;
      if (el.getBoundingClientRect().height > lh * 1.5) out.push(`points wrap: "${el.textContent}"`);
    }
    return out;
  });
}

beforeAll(async () => {
  ({ report } = await analyzeSample(SAMPLES, SAMPLE));
  [server, browser] = await Promise.all([startPlayground(SAMPLES), launchBrowser(pageErrors)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('task pane at 350 px', () => {
  it('lays out every step without sideways overflow, points on one line, at 320 and 350 px', async () => {
    const { page } = browser;
    for (const width of [320, PANE]) {
      await open(page, width);
      const steps: Key[] = [
        'step.detect',
        'step.rules',
        'step.score',
        'step.check',
        'step.write',
        'step.summary',
      ];
      for (const step of steps) {
        await openStep(page, step);
        await pane(page).getByRole('tabpanel').waitFor();
        await page.waitForTimeout(0);
        expect(await layoutFaults(page), `${step} at ${width} px`).toEqual([]);
      }
    }
    expect(pageErrors).toEqual([]);
  });

  it('scores an item by keyboard only, following the row selected in the grid', async () => {
    const { page } = browser;
    const first = rubricSheetsOf(report)[0]!;
    const { table, rules } = first.analysis;
    // An item whose rule asks for counts, with the next item after it.
    const at = table.items.findIndex((i) => {
      const r = rules[i.id];
      return r !== undefined && r.terms.length > 0 && r.terms.every((t) => handlerFor(t).input === 'count');
    });
    expect(at, 'the sample has an item counted per person or per time').toBeGreaterThanOrEqual(0);
    const item = table.items[at]!;
    const next = table.items[at + 1]!;
    const rule = paneRule(rules[item.id]!);
    const counts = rule.terms.map((_, j) => (j === 0 ? 2 : 1));
    const live = liveItemScore(item, rule, counts);
    const dedCol = table.columns.deduction!;

    await open(page);
    await showSheet(page, first.sheet);
    // Keyboard from the tabs on: → to 评分, Enter.
    await pane(page)
      .getByRole('tab', { name: zh('step.detect'), exact: true })
      .focus();
    for (let n = 0; n < 2; n++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const form = pane(page).getByRole('form');
    await form.first().waitFor();

    // Selecting the item's row in the grid shows it in the pane.
    await gridCell(page, first.sheet, item.row, 0).click();
    await pane(page)
      .getByRole('form', { name: item.label || item.text })
      .waitFor();
    await pane(page)
      .getByRole('tab', { name: zh('step.score'), exact: true })
      .focus();
    let presses = 0;
    while (presses < 12) {
      await page.keyboard.press('Tab');
      presses++;
      const inForm = await page.evaluate(
        () => document.activeElement?.tagName === 'INPUT' && document.activeElement.closest('form') !== null,
      );
      if (inForm) break;
    }
    expect(presses, 'Tab presses from the tab to the first input').toBeLessThan(12);
    for (const [j, n] of counts.entries()) {
      await page.keyboard.type(String(n));
      if (j < counts.length - 1) await page.keyboard.press('Tab');
    }
    const status = pane(page)
      .getByRole('status')
      .filter({ hasText: zh('scoreLive', { deduction: live.deduction, score: live.score }) });
    await status.waitFor();
    await page.screenshot({ path: join(SHOTS, '07-score.png') });
    await page.keyboard.press('Enter');

    // Written to 扣分 as the core computes it; the pane moves on to the next item and its cell.
    await pane(page)
      .getByRole('form', { name: next.label || next.text })
      .waitFor();
    // The focus is back in the form, on the next item's first field (before this test clicks the grid).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form') !== null)).toBe(true);
    await showSheet(page, first.sheet);
    expect(await numberIn(gridCell(page, first.sheet, item.row, dedCol))).toBe(live.deduction);
    await expect.poll(() => page.getByTestId('name-box').inputValue()).toBe(itemCell(table, next.id));
    await pane(page)
      .getByText(zh('scoreSaved', { item: item.label || item.text, score: live.score }))
      .waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('takes you to the cell: tree items, rule cards and the sheet picker', async () => {
    const { page } = browser;
    const units = rubricSheetsOf(report);
    const first = units[0]!;
    const { table } = first.analysis;
    await open(page);
    await showSheet(page, first.sheet);

    // 识别: an item of the tree, by click and by Enter.
    const item = table.items[2]!;
    const tree = pane(page).getByRole('tree');
    await tree
      .getByRole('treeitem', { name: new RegExp(escapeRe(item.label || item.text)) })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('name-box').inputValue()).toBe(itemCell(table, item.id));
    const other = table.items[4]!;
    await tree
      .getByRole('treeitem', { name: new RegExp(escapeRe(other.label || other.text)) })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('name-box').inputValue()).toBe(itemCell(table, other.id));

    // 规则: a card's heading selects the item's 评分标准 cell.
    await openStep(page, 'step.rules');
    const ruled = table.items.find((i) => i.criteriaCell !== null)!;
    const heading = `${ruled.numbering ? `${ruled.numbering} ` : ''}${ruled.label || ruled.text}`;
    await pane(page)
      .getByRole('group', { name: heading })
      .first()
      .getByRole('button', { name: heading })
      .click();
    await expect
      .poll(() => page.getByTestId('name-box').inputValue())
      .toBe(a1(ruled.criteriaCell!.row, ruled.criteriaCell!.col));
    await page.screenshot({ path: join(SHOTS, '02-rules.png') });

    // Choosing another sheet in the picker shows it in the grid.
    const second = units[1]!;
    await pane(page)
      .getByRole('combobox', { name: zh('sheetPicker') })
      .first()
      .selectOption(second.sheet);
    await page.locator(`[data-sheet=${JSON.stringify(second.sheet)}]`).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
