/**
 * The task pane driven by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows), at Excel's default
 * pane width of 350 px, in Chromium over the playground (its stub host: office.js is never loaded):
 * 规则 (a rule confirmed and saved), 写入 (the plan written), 汇总 (the summary built). After each step
 * nothing reaches sideways out of the page or the pane, and every item's points label stays on one line
 * (写入 and 汇总 show none: the 识别 tree's are checked after them, reached by keyboard too).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/taskpane/i18n';
import { type Browser, launchBrowser, type Playground, ROOT, startPlayground } from './harness';

const SAMPLES = process.env.PLAYGROUND_SAMPLES ?? join(ROOT, 'samples');
const PANE = 350;
/** Tab presses allowed to reach a control (the 规则 step lists every item's card). */
const MAX_TABS = 600;
type Key = Parameters<typeof translate>[1];
const zh = (key: Key, params?: Record<string, string | number>) => translate('zh', key, params);

let server: Playground;
let browser: Browser;
const pageErrors: string[] = [];

function pane(page: Page) {
  return page.getByTestId('task-pane');
}

/** What the focused element is: its role, its text or label, whether it is disabled. */
async function focused(
  page: Page,
): Promise<{ role: string; text: string; disabled: boolean; inPane: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { role: '', text: '', disabled: false, inPane: false };
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    // biome-ignore lint/performance/useDomNodeTextContent: the shown text is wanted (a tab also holds a hidden copy of its label, for its bold width)
    const text = (el.getAttribute('aria-label') ?? el.innerText ?? '').trim();
    const disabled = el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
    return { role, text, disabled, inPane: el.closest('[data-testid="task-pane"]') !== null };
  });
}

/** Press Tab (or Shift+Tab) until the focused element in the pane is the one wanted; fails after MAX_TABS. */
async function tabTo(
  page: Page,
  wanted: (f: { role: string; text: string; disabled: boolean }) => boolean,
  what: string,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  for (let n = 0; n < MAX_TABS; n++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.inPane && wanted(f)) return;
  }
  throw new Error(`${what}: not reached in ${MAX_TABS} presses of ${key}`);
}

/** From wherever the focus is, back to the step tabs, then along them with the arrows to `step`, Enter. */
async function goToStep(page: Page, step: Key): Promise<void> {
  const name = zh(step);
  const f = await focused(page);
  if (!(f.inPane && f.role === 'tab'))
    await tabTo(page, (x) => x.role === 'tab', 'the step tabs', 'Shift+Tab');
  for (let n = 0; n < 8; n++) {
    const now = await focused(page);
    if (now.role === 'tab' && now.text === name) break;
    await page.keyboard.press('ArrowRight');
  }
  expect((await focused(page)).text).toBe(name);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => pane(page).getByRole('tab', { name, exact: true }).getAttribute('aria-selected'))
    .toBe('true');
}

/**
 * Layout faults: the page or the pane scrolling sideways (scrollWidth beyond clientWidth), and an
 * item's points label ([data-points]) taller than one line of its text.
 */
async function layoutFaults(page: Page): Promise<{ faults: string[]; points: number }> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth)
      out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const root = document.querySelector('[data-testid="task-pane"]') as HTMLElement;
    if (root.scrollWidth > root.clientWidth)
      out.push(`pane scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const labels = Array.from(root.querySelectorAll<HTMLElement>('[data-points]')).filter(
      (el) => el.getClientRects().length > 0,
    );
    for (const el of labels) {
      const cs = getComputedStyle(el);
      const line = Number.parseFloat(cs.lineHeight) || Number.parseFloat(cs.fontSize) * 1.4;
      const h = el.getBoundingClientRect().height;
      // One line: its height is the line height (to a pixel of rounding), never two lines.
      if (Math.abs(h - line) > 1)
        out.push(`points label "${el.textContent}" is ${h}px tall, a line is ${line}px`);
    }
    return { faults: out, points: labels.length };
  });
}

/**
 * 写入 and 汇总 show no item points: after them, back to 识别 by keyboard, whose tree shows every
 * item's points as the workbook now reads, each on one line.
 */
async function pointsAfter(page: Page, step: string): Promise<void> {
  await goToStep(page, 'step.detect');
  await pane(page).getByRole('tree').waitFor();
  const after = await layoutFaults(page);
  expect(after.faults, `识别 after ${step}`).toEqual([]);
  expect(after.points, `识别 after ${step} shows items with points`).toBeGreaterThan(0);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startPlayground(SAMPLES), launchBrowser(pageErrors)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('task pane by keyboard only, 350 px', () => {
  it('规则 → 写入 → 汇总 with Tab, Enter, Space and arrows, laid out at 350 px after each', async () => {
    const { page } = browser;
    // The page is the pane alone (and the playground's 1 px border left of it), as in Excel, where
    // the pane is its own document: the grid beside it shrinks to nothing.
    await page.setViewportSize({ width: PANE + 1, height: 800 });
    await page.goto(`${server.url}?pane=${PANE}`);
    await pane(page).getByRole('tree').waitFor({ timeout: 30_000 });
    const start = await layoutFaults(page);
    expect(start.faults, '识别').toEqual([]);
    expect(start.points, 'the 识别 tree shows items with points').toBeGreaterThan(0);

    // Into the pane from the page: Tab to the step tabs.
    await tabTo(page, (f) => f.role === 'tab', 'the step tabs');

    // 规则: confirm a rule the pane asks about (按此理解), with Space; save with Enter.
    await goToStep(page, 'step.rules');
    await tabTo(
      page,
      (f) => f.role === 'button' && (f.text === zh('acceptAsRead') || f.text === zh('useDiscretion')),
      'a rule to confirm',
    );
    await page.keyboard.press('Space');
    await pane(page).getByText(zh('editedBadge'), { exact: true }).first().waitFor();
    await tabTo(
      page,
      (f) => f.role === 'button' && f.text === zh('saveRules', { count: 1 }) && !f.disabled,
      'save',
    );
    await page.keyboard.press('Enter');
    await pane(page).getByText(zh('rulesSaved')).waitFor({ timeout: 30_000 });
    const rules = await layoutFaults(page);
    expect(rules.faults, '规则').toEqual([]);
    expect(rules.points, 'the 规则 cards show items with points').toBeGreaterThan(0);

    // 写入: the write button, Enter.
    await goToStep(page, 'step.write');
    await tabTo(page, (f) => f.role === 'button' && f.text === zh('write') && !f.disabled, 'write');
    await page.keyboard.press('Enter');
    await pane(page).getByText(zh('writeDone'), { exact: true }).waitFor({ timeout: 60_000 });
    expect((await layoutFaults(page)).faults, '写入').toEqual([]);
    await pointsAfter(page, '写入');

    // 汇总: the create button, Enter.
    await goToStep(page, 'step.summary');
    await tabTo(
      page,
      (f) => f.role === 'button' && /^(重新)?生成汇总$/.test(f.text) && !f.disabled,
      'create summary',
    );
    await page.keyboard.press('Enter');
    await pane(page)
      .getByText(/^汇总已生成/)
      .waitFor({ timeout: 60_000 });
    expect((await layoutFaults(page)).faults, '汇总').toEqual([]);
    await pointsAfter(page, '汇总');
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
