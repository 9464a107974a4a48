/**
 * The assessor's whole journey in the task pane, at Excel's default pane width (350 px), keyboard
 * only where practical, in Chromium over the playground's fake Excel (office.js is never loaded):
 * open the sample, score every item of one sheet in 评分 (上一项/下一项, 确定), 写入 and read what
 * changed, 撤销写入 back to the cells as they were, write again, go to a flagged finding from 检查,
 * and find the written sheet and the 汇总 set up to print.
 *
 * The fake workbook itself is read from the page: the playground's PlaygroundBook module is the one
 * the page runs (the dev server serves each module once), and its factory is wrapped to keep the
 * book it opens next, so the test compares cells, selection and print settings as the fake holds them.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a1, colIndex, parseRange } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import type { Rule } from '../../src/core/rules/types';
import { handlerFor } from '../../src/core/rules/kinds';
import { planItemEntry, type TermInput } from '../../src/core/writeback/item';
import { LABELS } from '../../src/core/summary/messages';
import { PAGE_STRINGS } from '../../src/playground/strings';
import { coreEngine } from '../../src/taskpane/components/engine';
import { translate } from '../../src/taskpane/i18n';
import { allIssues, cellKey } from '../../src/taskpane/state/flow';
import { summarizeWrite } from '../../src/taskpane/state/preview';
import { paneRule } from '../../src/taskpane/state/score-item';
import { type Browser, launchBrowser, type Playground, ROOT, startPlayground } from './harness';

const SAMPLES = process.env.PLAYGROUND_SAMPLES ?? join(ROOT, 'samples');
const PANE = 350;
const MAX_TABS = 400;
type Key = Parameters<typeof translate>[1];
const zh = (key: Key, params?: Record<string, string | number>) => translate('zh', key, params);

let server: Playground;
let browser: Browser;
const pageErrors: string[] = [];

/** What the journey carries from one step to the next. */
const journey: {
  sheet: string;
  /** The workbook right before the first 写入. */
  beforeWrite: WorkbookGrid | null;
} = { sheet: '', beforeWrite: null };

function pane(page: Page) {
  return page.getByTestId('task-pane');
}

/** A print setting as the fake holds it (FakePrint), with the sheet's hidden columns. */
interface PrintState {
  area: string[] | null;
  titleRows: string | null;
  paperSize: string;
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  hiddenCols: number[];
}

/** Wraps the page's PlaygroundBook factory so the next opened book is kept, then reopens the sample. */
async function keepBook(page: Page): Promise<void> {
  // Sent as text: the test's own transform would rewrite a dynamic import() written here.
  await page.evaluate(`(async () => {
    const { PlaygroundBook } = await import('/live.ts');
    const made = PlaygroundBook.fromGrid.bind(PlaygroundBook);
    PlaygroundBook.fromGrid = (grid) => {
      const book = made(grid);
      globalThis.__journeyBook = book;
      return book;
    };
  })()`);
  await page.getByRole('button', { name: PAGE_STRINGS.zh.sample, exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (globalThis as Record<string, unknown>).__journeyBook !== undefined))
    .toBe(true);
  await pane(page).getByRole('tree').waitFor({ timeout: 30_000 });
}

/** The fake workbook's contents now. */
async function bookGrid(page: Page): Promise<WorkbookGrid> {
  return page.evaluate(() => {
    const live = (globalThis as Record<string, unknown>).__journeyBook as {
      book: { toGrid(): unknown };
    };
    return JSON.parse(JSON.stringify(live.book.toGrid()));
  }) as Promise<WorkbookGrid>;
}

/** The fake's selection and active sheet. */
async function bookSelection(page: Page): Promise<{ sheet: string; address: string } | null> {
  return page.evaluate(() => {
    const live = (globalThis as Record<string, unknown>).__journeyBook as {
      book: { selection: { sheet: string; address: string } | null; activeSheet: string | null };
    };
    const sel = live.book.selection;
    return sel && live.book.activeSheet === sel.sheet ? { ...sel } : null;
  });
}

async function bookPrint(page: Page, sheet: string): Promise<PrintState | null> {
  return page.evaluate((name) => {
    const live = (globalThis as Record<string, unknown>).__journeyBook as {
      book: {
        sheet(n: string): { print: Omit<PrintState, 'hiddenCols'>; hiddenCols: Set<number> } | undefined;
      };
    };
    const s = live.book.sheet(name);
    if (!s) return null;
    return { ...JSON.parse(JSON.stringify(s.print)), hiddenCols: [...s.hiddenCols].sort((a, b) => a - b) };
  }, sheet);
}

function cellOf(
  grid: WorkbookGrid,
  sheet: string,
  address: string,
): { value: CellValue; formula: string | null } {
  const s = grid.sheets.find((x) => x.name === sheet);
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!s || !m) return { value: null, formula: null };
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  return { value: s.values[row]?.[col - 1] ?? null, formula: s.formulas?.[row]?.[col - 1] ?? null };
}

/** What the focused element is: its role, its text or label, whether it is disabled. */
async function focused(page: Page): Promise<{
  role: string;
  text: string;
  disabled: boolean;
  inPane: boolean;
  value: string;
  tag: string;
  checked: boolean;
}> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el)
      return { role: '', text: '', disabled: false, inPane: false, value: '', tag: '', checked: false };
    const role = el.getAttribute('role') ?? (el as HTMLInputElement).type ?? el.tagName.toLowerCase();
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? undefined;
    // biome-ignore lint/performance/useDomNodeTextContent: the shown text is wanted (not hidden copies)
    const text = (el.getAttribute('aria-label') ?? label ?? el.innerText ?? '').trim();
    const disabled = el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
    return {
      role,
      text,
      disabled,
      inPane: el.closest('[data-testid="task-pane"]') !== null,
      value: (el as HTMLInputElement).value ?? '',
      tag: el.tagName.toLowerCase(),
      checked: (el as HTMLInputElement).checked === true,
    };
  });
}

/** Press Tab (or Shift+Tab) until the focused element in the pane is the one wanted. */
async function tabTo(
  page: Page,
  wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  what: string,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  // The grid keeps Tab for moving between cells: a press that starts outside the pane (the button
  // pressed went away, the focus fell back to the page) starts again from the pane's selected tab.
  if (!(await focused(page)).inPane) {
    await pane(page).getByRole('tab', { selected: true }).focus();
    if (wanted(await focused(page))) return;
  }
  for (let n = 0; n < MAX_TABS; n++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.inPane && wanted(f)) return;
  }
  const last = await focused(page);
  const shown = await mainScreenText(page);
  throw new Error(
    `${what}: not reached in ${MAX_TABS} presses of ${key} (last: ${last.tag} "${last.text.slice(0, 60)}"; pane: ${shown})`,
  );
}

/** Back to the step tabs, along them with the arrows to `step`, Enter. */
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

/** What the journey enters for one term of a rule: a count, a rate, 是/否, or a deduction. */
function inputFor(rule: Rule, j: number, points: number | null): TermInput {
  const term = rule.terms[j]!;
  const kind = handlerFor(term).input;
  if (kind === 'count') return j === 0 ? 1 : 0;
  if (kind === 'percent') return 90;
  if (kind === 'amount') return points !== null && points >= 1 ? 0.5 : 0;
  if (kind === 'yesNo') return term.kind === 'veto' || term.kind === 'zeroIf' ? false : j === 0;
  return null;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startPlayground(SAMPLES), launchBrowser(pageErrors)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the assessor’s journey at 350 px', () => {
  it('评分: every item of a sheet scored with 上一项/下一项 and 确定, each entry in its cells', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: PANE + 1, height: 800 });
    await page.goto(`${server.url}?pane=${PANE}`);
    await pane(page).getByRole('tree').waitFor({ timeout: 30_000 });
    await keepBook(page);

    const opened = analyzeWorkbook(await bookGrid(page));
    const unit = opened.sheets.find((s) => s.analysis)!;
    expect(unit, 'the sample holds a rubric sheet').toBeDefined();
    journey.sheet = unit.sheet;
    const { table } = unit.analysis!;
    expect(table.items.length).toBeGreaterThan(2);

    await tabTo(page, (f) => f.role === 'tab', 'the step tabs');
    await goToStep(page, 'step.score');
    const heading = (i: number) => table.items[i]!.label || table.items[i]!.text;
    await pane(page)
      .getByRole('form', { name: heading(0) })
      .waitFor();

    // 下一项 and 上一项 move between items, by keyboard.
    await tabTo(page, (f) => f.text === zh('scoreNext') && !f.disabled, '下一项');
    await page.keyboard.press('Enter');
    await pane(page)
      .getByRole('form', { name: heading(1) })
      .waitFor();
    await tabTo(page, (f) => f.text === zh('scorePrev') && !f.disabled, '上一项', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await pane(page)
      .getByRole('form', { name: heading(0) })
      .waitFor();

    for (let i = 0; i < table.items.length; i++) {
      const now = analyzeWorkbook(await bookGrid(page));
      const grid = await bookGrid(page);
      const analysis = now.sheets.find((s) => s.sheet === unit.sheet)!.analysis!;
      const item = analysis.table.items[i]!;
      const rule = paneRule(
        analysis.rules[item.id] ?? {
          source: '',
          terms: [],
          cap: { kind: 'item', span: null },
          unread: [],
          overridden: false,
        },
      );
      const inputs = rule.terms.map((_, j) => inputFor(rule, j, item.points));
      const form = pane(page).getByRole('form', { name: item.label || item.text });
      await form.waitFor();

      // Each field as the item asks: a number typed, or 是/否 picked with the arrows.
      await form.locator('input, textarea, select').first().focus();
      for (const [j, v] of inputs.entries()) {
        const kind = handlerFor(rule.terms[j]!).input;
        if (kind === 'none') continue;
        if (kind === 'yesNo') {
          const want = v === true ? '是' : v === false ? '否' : '';
          const f0 = await focused(page);
          expect(f0.role, `${item.label} term ${j}`).toBe('radio');
          // Space picks the radio the focus is on; the arrows move the pick along the group.
          await page.keyboard.press('Space');
          for (let n = 0; n < 4; n++) {
            const f = await focused(page);
            if (f.value === want && f.checked) break;
            await page.keyboard.press('ArrowRight');
          }
          expect(await focused(page)).toMatchObject({ value: want, checked: true });
        } else {
          expect((await focused(page)).tag, `${item.label} term ${j}`).toBe('input');
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type(v === null ? '' : String(v));
        }
        await page.keyboard.press('Tab');
      }

      // What the core plans for these entries, confirmed over what the cells now hold (确定 replaces the cells it lists).
      const sheetGrid = grid.sheets.find((s) => s.name === unit.sheet)!;
      const meta = now.meta.sheets.find((s) => s.sheet === unit.sheet);
      const withRule = { ...analysis, rules: { ...analysis.rules, [item.id]: rule } };
      const reason = await form.locator('textarea').inputValue();
      const first = planItemEntry(sheetGrid, withRule, meta, item.id, { inputs, reason });
      expect(first.ok, item.label).toBe(true);
      if (!first.ok) return;
      const overwrite = first.plan.conflicts.map((c) => `${c.sheet}!${c.cell}`);
      const planned = planItemEntry(sheetGrid, withRule, meta, item.id, { inputs, reason }, { overwrite });
      if (!planned.ok) return;
      await pane(page)
        .getByRole('status')
        .filter({
          hasText: zh('scoreLive', {
            deduction:
              planned.score.zeroed || planned.score.veto ? planned.score.max : planned.score.deduction,
            score: planned.score.score,
          }),
        })
        .waitFor();

      await tabTo(page, (f) => f.text === zh('scoreConfirm') && !f.disabled, '确定');
      await page.keyboard.press('Enter');
      await pane(page)
        .getByText(zh('scoreSaved', { item: item.label || item.text, score: planned.score.score }))
        .waitFor({ timeout: 30_000 });
      if (i + 1 < table.items.length)
        await pane(page)
          .getByRole('form', { name: heading(i + 1) })
          .waitFor();

      const after = await bookGrid(page);
      // The deduction lands in 扣分 as the rule caps it; whatever the plan wrote is in its cell.
      if (planned.target === 'deduction') {
        const s = planned.score;
        expect(
          cellOf(after, unit.sheet, a1(item.row, analysis.table.columns.deduction!)).value,
          `${item.label}: 扣分`,
        ).toBe(s.zeroed || s.veto ? s.max : s.deduction);
      }
      expect(await mainScreenFormulas(page), `formula text in 评分 (${item.label})`).toEqual([]);
      for (const op of planned.plan.ops) {
        if (op.op !== 'value') continue;
        expect(cellOf(after, op.sheet, op.cell).value, `${item.label}: ${op.cell}`).toBe(op.value);
      }
    }
    // Every item scored: the progress line says so, on the last item.
    const total = table.items.length;
    await pane(page)
      .getByRole('status')
      .filter({ hasText: zh('scoreProgress', { n: total, total, scored: total }) })
      .waitFor();
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('写入: the one-screen sentence, the write, what changed and what is left, no formula on the main screen', async () => {
    const { page } = browser;
    const sheet = journey.sheet;
    expect(sheet, 'the 评分 step ran').not.toBe('');
    await goToStep(page, 'step.write');
    await pane(page).getByText(zh('writeIntro')).waitFor();

    // Only the scored sheet is written: the other sheets' boxes are cleared, by Space.
    const others = rubricSheetsIn(analyzeWorkbook(await bookGrid(page))).filter((n) => n !== sheet);
    for (const other of others) {
      await tabTo(page, (f) => f.role === 'checkbox' && f.text === other && f.checked, `the box of ${other}`);
      await page.keyboard.press('Space');
    }
    // The 得分 typed in the sheet are replaced by the formulas: its replace box, by Space.
    const grid = await bookGrid(page);
    const report = analyzeWorkbook(grid);
    const bare = coreEngine.plan(grid, report, {
      entryColumns: false,
      sheets: [sheet],
      overwrite: [],
      lang: 'zh',
    });
    const overwrite = bare.conflicts.map((c) => cellKey(c.sheet, c.cell));
    if (overwrite.length > 0) {
      const label = zh('sheetReplace', { sheet, count: overwrite.length });
      await tabTo(page, (f) => f.role === 'checkbox' && f.text === label, 'the sheet’s replace box');
      await page.keyboard.press('Space');
    }
    const plan = coreEngine.plan(grid, report, {
      entryColumns: false,
      sheets: [sheet],
      overwrite,
      lang: 'zh',
    });
    const [summary] = summarizeWrite(plan, bare.conflicts, overwrite, report, [sheet]);
    const counts = (w: NonNullable<typeof summary>) => ({
      sheet: w.sheet,
      score: w.scoreFormulas,
      totals: w.totals,
      texts: w.texts,
      settings: w.settings,
      replace: w.replace.length,
      keep: w.keep.length,
    });
    await pane(page)
      .getByText(zh('sheetPlan', counts(summary!)), { exact: true })
      .waitFor();
    expect(await mainScreenFormulas(page), 'formula text on 写入’s main screen').toEqual([]);

    journey.beforeWrite = await bookGrid(page);
    await tabTo(page, (f) => f.role === 'button' && f.text === zh('write') && !f.disabled, '写入');
    await page.keyboard.press('Enter');
    const done = pane(page)
      .getByRole('status')
      .filter({ hasText: zh('writeDone') });
    await done.waitFor({ timeout: 60_000 });

    // What changed: the sheet's sentence, now in the past; what is left: the fresh read's findings.
    await done.getByText(zh('sheetWritten', counts(summary!)), { exact: true }).waitFor();
    const after = analyzeWorkbook(await bookGrid(page));
    expect(cellsOf(await bookGrid(page)), 'the write changed cells').not.toEqual(
      cellsOf(journey.beforeWrite),
    );
    const issues = allIssues(after).filter((i) => i.sheet === sheet);
    const errors = issues.filter((i) => i.severity === 'error').length;
    const warnings = issues.filter((i) => i.severity === 'warning').length;
    const left = errors + warnings > 0 ? zh('leftToFix', { sheet, errors, warnings }) : zh('leftNone');
    await done.getByText(left, { exact: true }).waitFor();
    // The sheet now scores by formula.
    const written = after.sheets.find((s) => s.sheet === sheet)!.analysis!;
    const scoreCol = written.table.columns.score!;
    const firstItem = written.table.items[0]!;
    expect(cellOf(await bookGrid(page), sheet, a1(firstItem.row, scoreCol)).formula ?? '').toMatch(/^=/);
    expect(await mainScreenFormulas(page), 'formula text on the screen after 写入').toEqual([]);
    // The formulas are there, folded: in the details only.
    const details = pane(page).locator('details');
    expect(await details.count(), 'the folded details').toBeGreaterThan(0);
    await details.first().locator('summary').click();
    // Opened, the details show the formulas (the check above would see them).
    await expect.poll(async () => (await mainScreenFormulas(page)).length).toBeGreaterThan(0);
    await details.first().locator('summary').click();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('撤销写入: every cell back exactly as before the write', async () => {
    const { page } = browser;
    expect(journey.beforeWrite, 'the write ran').not.toBeNull();
    await tabTo(page, (f) => f.role === 'button' && f.text === zh('undoWrite') && !f.disabled, '撤销写入');
    await page.keyboard.press('Enter');
    await pane(page)
      .getByRole('status')
      .filter({ hasText: /^已撤销写入/ })
      .waitFor({ timeout: 60_000 });
    expect(cellsOf(await bookGrid(page))).toEqual(cellsOf(journey.beforeWrite!));
    expect(pageErrors).toEqual([]);
  }, 120_000);

  // 撤销写入 clears the product's own input limits, so that writing again does not take them for the
  // assessor's (the restored metadata no longer records those cells as the product's).
  it('撤销写入 leaves nothing the next write asks about: the same cells as before the first write', async () => {
    const { page } = browser;
    const sheet = journey.sheet;
    const conflictsOf = (grid: WorkbookGrid) =>
      coreEngine
        .plan(grid, analyzeWorkbook(grid), {
          entryColumns: false,
          sheets: [sheet],
          overwrite: [],
          lang: 'zh',
        })
        .conflicts.map((c) => `${c.kind ?? 'content'} ${cellKey(c.sheet, c.cell)}`)
        .sort();
    expect(conflictsOf(await bookGrid(page))).toEqual(conflictsOf(journey.beforeWrite!));
  });

  // Merges, input limits and hidden columns are back; the print area the write set where the sheet had
  // none stays (no plan op takes a print area away), and the pane lists it among what it could not restore.
  it.fails('撤销写入 leaves the sheet as before: merges, input limits, hidden columns, print area', async () => {
    const { page } = browser;
    const layout = (grid: WorkbookGrid) => {
      const s = grid.sheets.find((x) => x.name === journey.sheet)!;
      return {
        merges: s.merges,
        validations: s.validations ?? [],
        hiddenCols: s.hiddenCols ?? [],
        printArea: s.printArea ?? [],
      };
    };
    expect(layout(await bookGrid(page))).toEqual(layout(journey.beforeWrite!));
  });

  it('written again, 检查 takes the assessor to a flagged finding’s cell by Enter', async () => {
    const { page } = browser;
    const sheet = journey.sheet;
    // The replace box is ticked again after the undo (the plan starts afresh), then 写入.
    const grid = await bookGrid(page);
    const report = analyzeWorkbook(grid);
    const bare = coreEngine.plan(grid, report, {
      entryColumns: false,
      sheets: [sheet],
      overwrite: [],
      lang: 'zh',
    });
    if (bare.conflicts.length > 0) {
      const label = zh('sheetReplace', { sheet, count: bare.conflicts.length });
      const box = pane(page).getByRole('checkbox', { name: label, exact: true });
      await box.waitFor();
      if (!(await box.isChecked())) {
        await box.focus();
        await page.keyboard.press('Space');
      }
    }
    await tabTo(page, (f) => f.role === 'button' && f.text === zh('write') && !f.disabled, '写入');
    await page.keyboard.press('Enter');
    await pane(page)
      .getByRole('status')
      .filter({ hasText: zh('writeDone') })
      .waitFor({ timeout: 60_000 });
    const scoreCol = analyzeWorkbook(await bookGrid(page)).sheets.find((s) => s.sheet === sheet)!.analysis!
      .table.columns.score!;
    const item = report.sheets.find((s) => s.sheet === sheet)!.analysis!.table.items[0]!;
    expect(cellOf(await bookGrid(page), sheet, a1(item.row, scoreCol)).formula ?? '').toMatch(/^=/);

    await goToStep(page, 'step.check');
    const findings = allIssues(analyzeWorkbook(await bookGrid(page))).filter(
      (i) => i.severity !== 'info' && i.cell !== undefined && i.cell !== null && i.cell !== '',
    );
    expect(findings.length, 'the sample keeps flagged findings').toBeGreaterThan(0);
    const where = new Set(findings.map((i) => cellKey(i.sheet, i.cell!)));
    // Tab to the first finding listed that names a cell, Enter on it.
    await tabTo(
      page,
      (f) => f.role === 'button' && [...where].some((w) => f.text.startsWith(`${w}${zh('listColon')}`)),
      'a flagged finding',
    );
    expect(await mainScreenFormulas(page), 'formula text in 检查').toEqual([]);
    const text = (await focused(page)).text;
    const target = [...where].find((w) => text.startsWith(`${w}${zh('listColon')}`))!;
    const bang = target.lastIndexOf('!');
    const wanted = { sheet: target.slice(0, bang), address: target.slice(bang + 1) };
    expect(await bookSelection(page), 'selected before Enter').not.toEqual(wanted);
    await page.keyboard.press('Enter');
    await expect.poll(() => bookSelection(page)).toEqual(wanted);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('the written sheet prints whole: the table with its added columns, header rows repeated, helpers hidden, one page wide', async () => {
    const { page } = browser;
    const sheet = journey.sheet;
    const grid = await bookGrid(page);
    const report = analyzeWorkbook(grid);
    const { table } = report.sheets.find((s) => s.sheet === sheet)!.analysis!;
    const state = report.meta.sheets.find((s) => s.sheet === sheet);
    expect(state, 'the write left its state').toBeDefined();
    const helpers = state?.vetoColumn ? [colIndex(state.vetoColumn)] : [];
    // The table's columns as written: every column holding content from the header to the last row.
    const values = grid.sheets.find((s) => s.name === sheet)!;
    let right = 0;
    for (let r = table.headerRow; r <= table.lastRow; r++) {
      const row = values.values[r] ?? [];
      for (let c = 0; c < row.length; c++)
        if (
          !helpers.includes(c) &&
          (((row[c] ?? null) !== null && row[c] !== '') || values.formulas?.[r]?.[c])
        )
          right = Math.max(right, c);
    }
    expect(right, 'the write added columns right of 扣分原因').toBeGreaterThanOrEqual(
      table.columns.reason ?? 0,
    );

    const print = await bookPrint(page, sheet);
    expect(print?.area?.length, 'one print area').toBe(1);
    const area = parseRange(print!.area![0]!)!;
    expect(area.top).toBeLessThanOrEqual(table.headerRow);
    expect(area.bottom).toBeGreaterThanOrEqual(Math.max(table.lastRow, table.totalRow ?? 0));
    expect(area.left).toBeLessThanOrEqual(Math.min(...Object.values(table.columns)));
    expect(area.right, 'the print area reaches the added columns').toBeGreaterThanOrEqual(right);
    const titles = /^(\d+):(\d+)$/.exec(print!.titleRows ?? '');
    expect(titles, `title rows ${print!.titleRows}`).not.toBeNull();
    expect(Number(titles![1])).toBe(table.headerRow + 1);
    expect(Number(titles![2])).toBeLessThan(table.firstRow + 1);
    expect(print!.zoom.horizontalFitToPages, 'one page wide').toBe(1);
    expect(print!.paperSize).toBe('A4');
    for (const c of helpers) expect(print!.hiddenCols, `helper column ${a1(0, c)}`).toContain(c);
    // Nothing of the table itself is hidden out of the print.
    const shown = print!.hiddenCols.filter((c) => c >= area.left && c <= right && !helpers.includes(c));
    expect(shown, 'table columns hidden').toEqual([]);
  }, 60_000);

  it('汇总 prints as a 公示 page: title, header repeated, helpers hidden, print area to the signature line', async () => {
    const { page } = browser;
    await goToStep(page, 'step.summary');
    await tabTo(
      page,
      (f) => f.role === 'button' && /^(重新)?生成汇总$/.test(f.text) && !f.disabled,
      '生成汇总',
    );
    await page.keyboard.press('Enter');
    await pane(page)
      .getByText(/^汇总已生成/)
      .waitFor({ timeout: 60_000 });

    expect(await mainScreenFormulas(page), 'formula text in 汇总').toEqual([]);
    const grid = await bookGrid(page);
    const summary = grid.sheets.find((s) => s.name === '汇总');
    expect(summary, 'the 汇总 sheet').toBeDefined();
    const text = (r: number, c: number) => String(summary!.values[r]?.[c] ?? '');
    const units = analyzeWorkbook(grid).sheets.flatMap((s) =>
      s.analysis ? [s.analysis.table.title ?? ''] : [],
    );
    const [only] = new Set(units);
    const title = new Set(units).size === 1 && only ? `${only}（汇总）` : LABELS.zh.title;
    expect(text(0, 0), 'the title in A1').toBe(title);

    const print = await bookPrint(page, '汇总');
    expect(print).not.toBeNull();
    const titles = /^(\d+):(\d+)$/.exec(print!.titleRows ?? '');
    expect(titles, `title rows ${print!.titleRows}`).not.toBeNull();
    const headerRow = Number(titles![1]) - 1;
    expect(text(headerRow, 1), 'the repeated row is the header').not.toBe('');
    const header = summary!.values[headerRow] ?? [];
    const helpers = header.flatMap((v, c) =>
      v === LABELS.zh.rankKey || v === LABELS.zh.rankFirst ? [c] : [],
    );
    expect(helpers.length, 'the rank helpers').toBe(2);
    for (const c of helpers) expect(print!.hiddenCols, `helper ${a1(headerRow, c)}`).toContain(c);
    let lastPrinted = header.length - 1;
    while (lastPrinted > 0 && (helpers.includes(lastPrinted) || (header[lastPrinted] ?? '') === ''))
      lastPrinted--;

    const signature = summary!.values.findIndex((row) => row?.[0] === LABELS.zh.signature);
    expect(signature, 'the signature line').toBeGreaterThan(headerRow);
    expect(print!.area, 'print area from the title to the signature line').toEqual([
      `A1:${a1(signature, lastPrinted)}`,
    ]);
    expect(print!.zoom.horizontalFitToPages, 'one page wide').toBe(1);
    expect(print!.paperSize).toBe('A4');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

/** The rubric sheets of a report, by name. */
function rubricSheetsIn(report: ReturnType<typeof analyzeWorkbook>): string[] {
  return report.sheets.flatMap((s) => (s.analysis ? [s.sheet] : []));
}

/** Every non-empty cell of the workbook, as "sheet!A1" → value and formula. */
function cellsOf(grid: WorkbookGrid): Record<string, { value: CellValue; formula: string | null }> {
  const out: Record<string, { value: CellValue; formula: string | null }> = {};
  for (const s of grid.sheets) {
    const rows = Math.max(s.values.length, s.formulas?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(s.values[r]?.length ?? 0, s.formulas?.[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const value = s.values[r]?.[c] ?? null;
        const formula = s.formulas?.[r]?.[c] ?? null;
        if ((value === null || value === '') && formula === null) continue;
        out[`${s.name}!${a1(r, c)}`] = { value, formula };
      }
    }
  }
  return out;
}

/** Formula text the pane shows outside its folded details (a closed <details> renders no text). */
async function mainScreenFormulas(page: Page): Promise<string[]> {
  const shown = await mainScreenText(page);
  return shown.split('\n').filter((line) => /=\s*[A-Z]{2,}\(|=\$?[A-Z]{1,3}\$?\d+/.test(line));
}

/** The text the pane renders (a closed <details> renders none of its content). */
function mainScreenText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is wanted, not hidden text
  return pane(page).innerText();
}
