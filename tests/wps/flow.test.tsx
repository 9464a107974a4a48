// @vitest-environment jsdom
/**
 * The whole add-in flow on the real sample workbook in WPS 表格's shape: the .xlsx reader, the fake
 * ET model (HyperFormula computing the written formulas), the WPS adapter and the same task pane.
 * A user walks 识别 → 规则 → 检查 → 写入 → 汇总 by clicking tabs and buttons; the test then compares
 * what the fake workbook computes with what the core computes, and counts calls into WPS.
 */
import '../taskpane/jsdom-setup';
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { a1, colIndex } from '../../src/core/a1';
import { analyzeWorkbook, type WorkbookReport } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { countBySeverity } from '../../src/core/issues';
import { listedIssues } from '../../src/taskpane/components/CheckStep';
import { META_SHEET } from '../../src/core/meta';
import type { SheetAnalysis } from '../../src/core/model';
import { fmt } from '../../src/core/num';
import type { DetectedTable } from '../../src/core/rubric';
import { DEDUCTION_COLUMNS, LABELS } from '../../src/core/summary';
import { FakeWorkbook } from '../../src/fake-excel';
import { FakeEt } from '../../src/fake-wps';
import { createWpsHost } from '../../src/host/wps';
import type { Host } from '../../src/host/types';
import { App } from '../../src/taskpane/App';
import { translator } from '../../src/taskpane/i18n';

afterEach(cleanup);

const SAMPLE = 'samples/communities.xlsx';
const t = translator('zh');
const L = LABELS.zh;

interface Planted {
  file: string;
  sheet: string;
  cell: string;
  code: string;
}
const planted = (
  JSON.parse(readFileSync('samples/planted.json', 'utf8')) as { mistakes: Planted[] }
).mistakes.filter((m) => m.file === 'communities.xlsx');

/** What one host call cost in calls into WPS. */
interface Call {
  op: 'read' | 'apply' | 'select';
  syncs: number;
}

/** The host with every call metered by the fake's own call count. */
function meteredHost(excel: FakeEt): { host: Host; calls: Call[] } {
  const inner = createWpsHost({ application: excel, events: excel.events, displayLanguage: () => 'zh-CN' });
  const calls: Call[] = [];
  const metered = async <T,>(op: Call['op'], f: () => Promise<T>): Promise<T> => {
    const before = excel.calls;
    try {
      return await f();
    } finally {
      calls.push({ op, syncs: excel.calls - before });
    }
  };
  const host: Host = {
    ...inner,
    readWorkbook: () => metered('read', () => inner.readWorkbook()),
    applyPlan: (plan, onProgress) => metered('apply', () => inner.applyPlan(plan, onProgress)),
    selectCell: (sheet, cell) => metered('select', () => inner.selectCell(sheet, cell)),
  };
  return { host, calls };
}

function analysis(report: WorkbookReport, sheet: string): SheetAnalysis {
  const a = report.sheets.find((s) => s.sheet === sheet)?.analysis;
  if (!a) throw new Error(`no rubric on ${sheet}`);
  return a;
}

/** Group labels and item labels in the order the structure tree shows them. */
function treeOrder(table: DetectedTable): string[] {
  const out: string[] = [];
  const item = (id: string) => {
    const i = table.items.find((x) => x.id === id)!;
    out.push(i.label || i.text);
  };
  const group = (id: string) => {
    const g = table.groups.find((x) => x.id === id)!;
    out.push(g.label);
    g.groupIds.forEach(group);
    g.itemIds.forEach(item);
  };
  table.rootGroupIds.forEach(group);
  table.rootItemIds.forEach(item);
  return out;
}

/** Items whose 扣分 or 得分 holds text (typed "1分", "一"…): the formulas and the check read them differently. */
function textEntryRows(a: SheetAnalysis): Set<number> {
  const rows = new Set<number>();
  for (const e of a.entries) {
    if (typeof e.deduction?.value === 'string' || typeof e.score?.value === 'string') {
      rows.add(a.table.items.find((i) => i.id === e.itemId)!.row);
    }
  }
  return rows;
}

async function settle(calls: Call[], count: number): Promise<void> {
  await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(count), { timeout: 20_000 });
  // The pane is idle again once the last read is rendered.
  await waitFor(() => expect(screen.queryByText(t('loading'))).toBeNull(), { timeout: 20_000 });
}

function tab(name: string): void {
  fireEvent.click(screen.getByRole('tab', { name }));
}

function pickSheet(sheet: string, sheets: number): void {
  if (sheets < 2) return;
  fireEvent.change(screen.getByRole('combobox', { name: t('sheetPicker') }), { target: { value: sheet } });
}

/** Round trips per operation, each the host call itself and the re-read the pane does after it. */
interface Syncs {
  read: number;
  saveRules: number;
  write: number;
  summary: number;
  select: number;
  rereads: number[];
}

/**
 * Walks the pane over a workbook read from the sample, asserting each step against the core, and
 * returns the round trips each operation took and how many computed cells it compared.
 */
async function walk(grid: WorkbookGrid): Promise<{ syncs: Syncs; compared: number; final: WorkbookGrid }> {
  const book = FakeWorkbook.fromGrid(grid);
  const excel = new FakeEt(book);
  const { host, calls } = meteredHost(excel);
  const before = analyzeWorkbook(grid);
  const rubricSheets = before.sheets.filter((s) => s.analysis).map((s) => s.sheet);

  render(<App host={host} />);

  // 识别: every rubric sheet's tree holds its categories, sections and items in order.
  const tree = await screen.findByRole('tree', { name: t('structure') }, { timeout: 20_000 });
  expect(tree).toBeTruthy();
  await settle(calls, 1);
  for (const sheet of rubricSheets) {
    pickSheet(sheet, rubricSheets.length);
    const a = analysis(before, sheet);
    const shown = within(screen.getByRole('tree', { name: t('structure') })).getAllByRole('treeitem');
    const expected = treeOrder(a.table);
    expect(shown).toHaveLength(expected.length);
    for (const [n, label] of expected.entries()) {
      expect(shown[n]!.textContent, `${sheet} tree row ${n}`).toContain(label);
    }
    expect(a.table.items.length).toBeGreaterThan(10);
  }

  // 规则: the planted "0.3 off a 0.2分/次 item" on 铁西社区 — the office decides the rule is 0.1分/次.
  const stepMistake = planted.find((m) => m.sheet === '铁西社区' && m.code === 'notStepMultiple')!;
  expect(
    before.sheets
      .find((s) => s.sheet === '铁西社区')!
      .issues.some((i) => i.code === 'notStepMultiple' && i.cell === stepMistake.cell),
  ).toBe(true);
  const tiexi = analysis(before, '铁西社区');
  const row = Number(stepMistake.cell.slice(1)) - 1;
  const target = tiexi.table.items.find((i) => i.row === row)!;
  const typed = tiexi.entries.find((e) => e.itemId === target.id)!.deduction!.value as number;
  const newAmount = 0.1;
  expect(Math.round(typed * 100) % Math.round(newAmount * 100)).toBe(0);
  tab(t('step.rules'));
  pickSheet('铁西社区', rubricSheets.length);
  const heading = `${target.numbering ? `${target.numbering} ` : ''}${target.label || target.text}`;
  const card = screen.getByRole('group', { name: heading });
  fireEvent.click(within(card).getByRole('button', { name: t('edit') }));
  const amount = within(card).getAllByRole('spinbutton', { name: t('amount') })[0]!;
  fireEvent.change(amount, { target: { value: String(newAmount) } });
  const readsBeforeSave = calls.length;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: t('saveRules', { count: 1 }) }));
  });
  await screen.findByText(t('rulesSaved'), undefined, { timeout: 20_000 });
  await settle(calls, readsBeforeSave + 2);
  // The override lives in the workbook: the core reading the fake sees it on every sheet of the rubric.
  const saved = book.toGrid();
  expect(saved.sheets.find((s) => s.name === META_SHEET)?.hidden).toBe(true);
  const afterSave = analyzeWorkbook(saved);
  expect(afterSave.meta.overrides).toHaveLength(1);
  for (const sheet of rubricSheets) {
    const a = analysis(afterSave, sheet);
    const item = a.table.items.find((i) => i.text === target.text && i.criteria === target.criteria)!;
    expect(a.rules[item.id], sheet).toMatchObject({
      overridden: true,
      terms: [expect.objectContaining({ amount: newAmount })],
    });
  }
  await waitFor(() =>
    expect(within(screen.getByRole('group', { name: heading })).getByText(t('overriddenBadge'))).toBeTruthy(),
  );

  // 检查: counts and totals as the core reports them; every planted mistake listed at its cell.
  tab(t('step.check'));
  // The counts are of the lines listed: a rubric finding repeated on every unit's sheet is one line.
  const issues = [...afterSave.issues, ...afterSave.sheets.flatMap((s) => s.issues)];
  const listed = listedIssues(issues).counts;
  expect(listed.error).toBeLessThanOrEqual(countBySeverity(issues).error);
  expect(screen.getByText(t('counts', { ...listed }))).toBeTruthy();
  for (const sheet of rubricSheets) {
    const { score, table } = analysis(afterSave, sheet);
    const line = score.vetoed
      ? t('sheetVetoed', {
          sheet,
          items: score.vetoItemIds.map((id) => table.items.find((i) => i.id === id)?.label ?? '').join('、'),
        })
      : t('sheetScore', {
          sheet,
          total: fmt(score.total),
          max: fmt(score.max),
          declared:
            table.declaredTotal !== null && table.declaredTotal !== score.max ? fmt(table.declaredTotal) : '',
        });
    expect(screen.getByText(line)).toBeTruthy();
  }
  const go = (where: string) => screen.queryByTitle(t('goToCell', { where }));
  for (const m of planted.filter((p) => rubricSheets.includes(p.sheet))) {
    const where = `${m.sheet}!${m.cell}`;
    if (m === stepMistake) expect(go(where), `${where} fixed by the rule`).toBeNull();
    else expect(go(where), where).not.toBeNull();
  }
  const shown = planted.find((m) => m.sheet === '铁西社区' && m.code === 'notANumber')!;
  await act(async () => {
    fireEvent.click(go(`${shown.sheet}!${shown.cell}`)!);
  });
  await waitFor(() => expect(book.selection).toEqual({ sheet: shown.sheet, address: shown.cell }));
  expect(book.activeSheet).toBe(shown.sheet);

  // 写入: the typed 得分 are conflicts; the user confirms them all and writes.
  tab(t('step.write'));
  const all = await screen.findByRole('checkbox', { name: t('overwriteAll') }, { timeout: 20_000 });
  fireEvent.click(all);
  const writeButton = screen.getByRole('button', { name: t('write') });
  await waitFor(() => expect((writeButton as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 });
  const callsBeforeWrite = calls.length;
  await act(async () => {
    fireEvent.click(writeButton);
  });
  // A read to plan again (the workbook may have changed since the preview), the write, a re-read.
  await settle(calls, callsBeforeWrite + 3);
  expect(calls[callsBeforeWrite]!.op).toBe('read');
  const writeCall = calls[callsBeforeWrite + 1]!;
  expect(writeCall.op).toBe('apply');
  const done = screen.getByText('写入完成。').closest('[role="status"]') as HTMLElement;
  expect(done.getAttribute('data-syncs')).toBe(String(writeCall.syncs));

  // HyperFormula inside the fake computes each 得分, subtotal and 合计 as the core does.
  const written = book.toGrid();
  const after = analyzeWorkbook(written);
  expect(after.sheets.filter((s) => s.analysis).map((s) => s.sheet)).toEqual(rubricSheets);
  let compared = 0;
  let expectedCompared = 0;
  for (const sheet of rubricSheets) {
    const a = analysis(after, sheet);
    const { table, score } = a;
    const col = table.columns.score!;
    const value = (r: number, c: number) => book.cell(sheet, r, c).value;
    const text = textEntryRows(analysis(afterSave, sheet));
    const state = after.meta.sheets.find((s) => s.sheet === sheet)!;
    expect(book.cell(sheet, table.totalRow!, col).formula, `${sheet} 合计`).not.toBeNull();
    if (text.size > 0) {
      // Text typed in 扣分 is never scored as nothing deducted: 得分 asks for a number there, and the
      // 合计 shows that it is pending (or 0 under a fired veto) instead of a final-looking total.
      for (const r of text) {
        expect(value(r, col), `${sheet}!${a1(r, col)}`).toBe('扣分不是数字，请改为数字');
      }
      const total = value(table.totalRow!, col);
      if (score.vetoed) expect(total, `${sheet} 合计`).toBe(0);
      else expect(String(total), `${sheet} 合计`).toMatch(/^待改正/);
      continue;
    }
    expectedCompared += table.items.length + table.groups.length + 1;
    score.items.forEach((s, n) => {
      const item = table.items[n]!;
      expect(s.itemId).toBe(item.id);
      expect(book.cell(sheet, item.row, col).formula, `${sheet}!${a1(item.row, col)}`).not.toBeNull();
      expect(value(item.row, col), `${sheet}!${a1(item.row, col)}`).toBe(s.score);
      compared++;
    });
    const levels = new Map((state.subtotalColumns ?? []).map((c) => [c.level, colIndex(c.col)]));
    expect(levels.size).toBe(Math.max(...table.groups.map((g) => g.level)));
    for (const g of score.groups) {
      const group = table.groups.find((x) => x.id === g.groupId)!;
      const c = levels.get(group.level)!;
      expect(value(group.firstRow, c), `${sheet} ${group.text} at ${a1(group.firstRow, c)}`).toBe(g.score);
      compared++;
    }
    expect(value(table.totalRow!, col), `${sheet} 合计`).toBe(score.total);
    compared++;
  }
  expect(compared).toBe(expectedCompared);

  // 汇总: both sheets generated; each unit's total is its sheet's 合计, and 扣分明细 lists its deductions.
  tab(t('step.summary'));
  const callsBeforeSummary = calls.length;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
  });
  await screen.findByText(/汇总已生成/, undefined, { timeout: 20_000 });
  await settle(calls, callsBeforeSummary + 2);
  expect(book.sheetNames()).toEqual(expect.arrayContaining([L.summarySheet, L.deductionSheet]));
  const summary = book.toGrid().sheets.find((s) => s.name === L.summarySheet)!;
  const headerRow = summary.values.findIndex((r) => r.includes(L.unit));
  const header = summary.values[headerRow]!;
  const unitCol = header.indexOf(L.unit);
  const totalCol = header.indexOf(L.total);
  const countCol = header.indexOf(L.deductions);
  expect(Math.min(headerRow, unitCol, totalCol, countCol)).toBeGreaterThanOrEqual(0);
  const units = summary.values.slice(headerRow + 1).filter((r) => rubricSheets.includes(String(r[unitCol])));
  expect(units.map((r) => r[unitCol])).toEqual(rubricSheets);
  const details = book.toGrid().sheets.find((s) => s.name === L.deductionSheet)!;
  const dUnit = DEDUCTION_COLUMNS.indexOf('unit');
  const dScore = DEDUCTION_COLUMNS.indexOf('score');
  const dItem = DEDUCTION_COLUMNS.indexOf('item');
  for (const r of units) {
    const sheet = String(r[unitCol]);
    const { table, score } = analysis(after, sheet);
    const total = book.cell(sheet, table.totalRow!, table.columns.score!).value;
    // A unit whose 合计 is pending (text in 扣分) has open entry errors: 汇总 marks it and withholds
    // its rank (tests/summary/truth.test.ts); its figures are not final, so they are not compared.
    if (typeof total === 'string' && total.startsWith('待改正')) continue;
    expect(r[totalCol], `${sheet} in 汇总`).toBe(total);
    expect(r[totalCol], `${sheet} in 汇总`).toBe(score.total);
    const rows = details.values.filter((d) => d[dUnit] === sheet);
    const deducted = score.items.filter((s) => s.deduction > 0);
    expect(r[countCol], `${sheet} deductions`).toBe(deducted.length);
    expect(rows.map((d) => d[dItem])).toEqual(
      deducted.map((s) => table.items.find((i) => i.id === s.itemId)!.label),
    );
    // Listed items' 得分 plus the full points of the rest make up the unit's 合计 (unless vetoed).
    if (!score.vetoed) {
      const listed = rows.reduce((n, d) => n + Number(d[dScore]), 0);
      const rest = score.items.filter((s) => s.deduction <= 0).reduce((n, s) => n + s.score, 0);
      expect(Math.round((listed + rest) * 100) / 100, `${sheet} 扣分明细`).toBe(total);
    }
  }

  // Round trips: one read, one host call per operation, each followed by a re-read; the write is
  // preceded by a read as well.
  const applies = calls.filter((c) => c.op === 'apply');
  const reads = calls.filter((c) => c.op === 'read');
  expect(applies).toHaveLength(3);
  expect(reads).toHaveLength(5);
  const syncs: Syncs = {
    read: reads[0]!.syncs,
    saveRules: applies[0]!.syncs,
    write: applies[1]!.syncs,
    summary: applies[2]!.syncs,
    // The fewest: selections the pane makes while another call runs share the fake's sync counter.
    select: Math.min(...calls.filter((c) => c.op === 'select').map((c) => c.syncs)),
    rereads: reads.slice(1).map((c) => c.syncs),
  };
  return { syncs, compared, final: book.toGrid() };
}

/** Cells in the sheets' used ranges: what a read cell by cell would cost at least. */
const cellsOf = (grid: WorkbookGrid) =>
  grid.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);

const mergesOf = (grid: WorkbookGrid) => grid.sheets.reduce((n, s) => n + (s.merges?.length ?? 0), 0);

/**
 * What a read may cost when calls follow sheets and merged areas: ET cannot list merged areas, and
 * one area's extent alone takes three calls (Range, MergeArea, Address), so the sample's one area
 * per 18 cells puts any exact read above cells/5. A fixed number per sheet and a few per area.
 */
const readBudget = (grid: WorkbookGrid) => 16 * grid.sheets.length + 12 * mergesOf(grid);

describe('the add-in flow on samples/communities.xlsx through the WPS adapter and a fake ET model', () => {
  let sample: WorkbookGrid;
  let five: Syncs;

  beforeAll(async () => {
    sample = await readXlsx(SAMPLE);
  });

  it('识别 → 规则 → 检查 → 写入 → 汇总: the fake computes what the core computes', async () => {
    expect(analyzeWorkbook(sample).sheets.filter((s) => s.analysis)).toHaveLength(5);
    const walked = await walk(sample);
    five = walked.syncs;
    const clean = analyzeWorkbook(sample)
      .sheets.flatMap((s) => (s.analysis ? [s.analysis] : []))
      .filter((a) => textEntryRows(a).size === 0);
    expect(clean.length).toBeGreaterThanOrEqual(2);
    expect(walked.compared).toBe(
      clean.reduce((n, a) => n + a.table.items.length + a.table.groups.length + 1, 0),
    );
    const cells = cellsOf(sample);
    console.log(
      `WPS calls per operation, 5 rubric sheets (${cells} cells): read ${five.read}, save rules ${five.saveRules}, write ${five.write}, summary ${five.summary}, select ${five.select}; re-reads ${five.rereads.join('/')}`,
    );
    // Reads follow sheets and merged areas (of the workbook as it is then), and stay below a call per cell.
    for (const [n, grid] of [
      [five.read, sample],
      ...five.rereads.map((r) => [r, walked.final] as const),
    ] as const) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(readBudget(grid));
      expect(n).toBeLessThan(cells);
    }
    // Far fewer calls than cells: nothing is written cell by cell. The write also merges the areas
    // the plan asks for, one Range.Merge each (two calls), which no block can share.
    for (const n of [five.saveRules, five.summary]) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThan(cells / 5);
    }
    expect(five.write).toBeLessThan(cells / 5 + 2 * mergesOf(walked.final));
    expect(five.select).toBeLessThanOrEqual(6);
  }, 120_000);

  it('one rubric sheet costs about a fifth of five: calls follow sheets and merged areas, not cells', async () => {
    expect(five).toBeDefined();
    const one: WorkbookGrid = { sheets: sample.sheets.filter((s) => s.name === '铁西社区') };
    const { syncs: counts } = await walk(one);
    console.log(
      `WPS calls per operation, 1 rubric sheet (${cellsOf(one)} cells): read ${counts.read}, save rules ${counts.saveRules}, write ${counts.write}, summary ${counts.summary}, select ${counts.select}; re-reads ${counts.rereads.join('/')}`,
    );
    expect(counts.select).toBe(five.select);
    expect(counts.read).toBeLessThan(five.read);
    expect(counts.read).toBeLessThanOrEqual(readBudget(one));
    expect(counts.read).toBeLessThan(cellsOf(one) / 2);
    expect(counts.write).toBeLessThan(five.write);
  }, 120_000);
});
