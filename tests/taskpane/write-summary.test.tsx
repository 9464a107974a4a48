// @vitest-environment jsdom
import './jsdom-setup';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseA1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WritePlan } from '../../src/core/plan';
import { FakeWorkbook } from '../../src/fake-excel';
import type { Host } from '../../src/host/types';
import { cleanRubric } from './stub-host';
import { cellsOf, officeHost, openWriteStep, pressWrite } from './write-helpers';

afterEach(cleanup);

/** The Office host over the fake Excel, recording every plan it is given to apply. */
function recording(book: FakeWorkbook, lang = 'zh-CN'): { host: Host; plans: WritePlan[] } {
  const inner = officeHost(book, { lang }).host;
  const plans: WritePlan[] = [];
  const host: Host = Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, {
    applyPlan: (...args: Parameters<Host['applyPlan']>) => {
      plans.push(args[0]);
      return inner.applyPlan(...args);
    },
  });
  return { host, plans };
}

/** Per sheet, the cells whose formula the write changed, split into item rows and the rest. */
function formulasWritten(book: FakeWorkbook, before: ReturnType<typeof cellsOf>, sheet: string) {
  const table = analyzeWorkbook(book.toGrid()).sheets.find((s) => s.sheet === sheet)!.analysis!.table;
  const onItem = (cell: string) => {
    const row = parseA1(cell)!.row;
    return table.items.some((i) => row >= i.row && row <= i.lastRow);
  };
  let items = 0;
  let rest = 0;
  for (const [k, v] of cellsOf(book.toGrid())) {
    if (!k.startsWith(`${sheet}!`) || v.formula === null || before.get(k)?.formula === v.formula) continue;
    if (onItem(k.slice(sheet.length + 1))) items++;
    else rest++;
  }
  return { items, rest };
}

const num = (text: string, re: RegExp): number => Number(re.exec(text)?.[1] ?? Number.NaN);
const checked = (el: HTMLElement) => (el as HTMLInputElement).checked;
const mixed = (el: HTMLElement) => (el as HTMLInputElement).indeterminate;

describe('写入 in one screen, per sheet', () => {
  const grid = () => ({
    sheets: [
      cleanRubric('一村', { 0: { score: 4 }, 1: { score: 3 } }),
      cleanRubric('二村', { 0: { score: 2 } }),
    ],
  });

  it('the sheet box ticks only its own sheet, is mixed when part is ticked, and unticked cells keep their values', async () => {
    const book = FakeWorkbook.fromGrid(grid());
    const before = cellsOf(book.toGrid());
    const { host, plans } = recording(book);
    await openWriteStep(host);
    const one = screen.getByRole('region', { name: '一村' });
    const two = screen.getByRole('region', { name: '二村' });
    const oneBox = within(one).getByRole('checkbox', { name: /^替换“一村”中已有的内容（2 个）$/ });
    const twoBox = within(two).getByRole('checkbox', { name: /^替换“二村”中已有的内容（1 个）$/ });
    const cellBoxes = (r: HTMLElement) => within(within(r).getByRole('list')).getAllByRole('checkbox');
    expect(cellBoxes(one)).toHaveLength(2);
    expect(cellBoxes(two)).toHaveLength(1);
    expect([...cellBoxes(one), ...cellBoxes(two)].map(checked)).toEqual([false, false, false]);
    // Values, not formulas: the typed score and what the formula would give.
    const lines = within(within(one).getByRole('list'))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines[0]).toMatch(/^一村!F3：现为“4”，写入后为“5”$/);
    for (const l of lines) expect(l).not.toContain('“=');

    fireEvent.click(oneBox);
    await waitFor(() =>
      expect(cellBoxes(screen.getByRole('region', { name: '一村' })).map(checked)).toEqual([true, true]),
    );
    expect(cellBoxes(screen.getByRole('region', { name: '二村' })).map(checked)).toEqual([false]);
    expect(checked(twoBox)).toBe(false);
    // One cell of 一村 unticked: its sheet box is mixed.
    fireEvent.click(cellBoxes(screen.getByRole('region', { name: '一村' }))[1]!);
    await waitFor(() =>
      expect(cellBoxes(screen.getByRole('region', { name: '一村' })).map(checked)).toEqual([true, false]),
    );
    const oneNow = within(screen.getByRole('region', { name: '一村' })).getByRole('checkbox', {
      name: /^替换“一村”/,
    });
    expect(mixed(oneNow)).toBe(true);
    expect(mixed(twoBox)).toBe(false);

    await waitFor(() =>
      expect(screen.getByRole('button', { name: '写入' }).hasAttribute('disabled')).toBe(false),
    );
    await pressWrite();
    await screen.findByText('写入完成。');
    const after = cellsOf(book.toGrid());
    // Ticked: replaced by the formula. Unticked, in 一村 and all of 二村: the typed values stay.
    expect(after.get('一村!F3')?.formula).not.toBeNull();
    expect(after.get('一村!F4')).toEqual({ value: 3, formula: null });
    expect(after.get('二村!F3')).toEqual({ value: 2, formula: null });
    expect(plans).toHaveLength(1);
    expect(before.get('一村!F3')).toEqual({ value: 4, formula: null });
  });

  it('the sentence counts what is listed and what Excel receives, before and after the write (zh)', async () => {
    const book = FakeWorkbook.fromGrid(grid());
    const before = cellsOf(book.toGrid());
    const { host, plans } = recording(book);
    await openWriteStep(host);
    fireEvent.click(
      within(screen.getByRole('region', { name: '一村' })).getByRole('checkbox', { name: /^替换“一村”/ }),
    );
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: '一村' })).getByText(/将被替换/)).toBeTruthy(),
    );
    const sentence = (sheet: string) =>
      within(screen.getByRole('region', { name: sheet })).getByText(new RegExp(`^${sheet}：`)).textContent ??
      '';
    const planned = { 一村: sentence('一村'), 二村: sentence('二村') };
    expect(planned.一村).toMatch(/；2 个已有内容（手填得分或改过的公式）将被替换。$/);
    expect(planned.二村).toMatch(/；1 个已有内容保持原样。$/);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '写入' }).hasAttribute('disabled')).toBe(false),
    );
    await pressWrite();
    const done = (await screen.findByText('写入完成。')).closest('[role="status"]') as HTMLElement;
    const writtenLines = within(done)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(writtenLines).toHaveLength(2);

    for (const sheet of ['一村', '二村'] as const) {
      const s = planned[sheet];
      const score = num(s, /写入 (\d+) 个得分公式/);
      const totals = num(s, /(\d+) 个小计和合计/);
      const inExcel = formulasWritten(book, before, sheet);
      expect(score).toBeGreaterThan(0);
      expect(totals).toBeGreaterThan(0);
      expect(score).toBe(inExcel.items);
      expect(totals).toBe(inExcel.rest);
      // Every operation counted is one the adapter was given for that sheet.
      const ops = plans[0]!.ops.filter((o) => o.sheet === sheet);
      const texts = s.includes('列标题') ? num(s, /(\d+) 个列标题和文字/) : 0;
      const settings = s.includes('格式和输入限制') ? num(s, /(\d+) 项格式和输入限制/) : 0;
      expect(score + totals + texts + settings).toBe(ops.length);
      expect(score + totals).toBe(ops.filter((o) => o.op === 'formula').length);
      // After the write, the same counts in the past tense.
      const line = writtenLines.find((l) => l.startsWith(`${sheet}：`))!;
      expect(num(line, /写入了 (\d+) 个得分公式/)).toBe(score);
      expect(num(line, /(\d+) 个小计和合计/)).toBe(totals);
    }
    expect(writtenLines.find((l) => l.startsWith('一村：'))).toMatch(/替换了 2 个已有内容。$/);
    expect(writtenLines.find((l) => l.startsWith('二村：'))).toMatch(/1 个已有内容保持原样。$/);
    // What is left to fix: the errors and warnings of the workbook as it now reads, per sheet.
    const report = analyzeWorkbook(book.toGrid());
    for (const sheet of ['一村', '二村']) {
      const issues = report.sheets.find((r) => r.sheet === sheet)!.issues;
      const errors = issues.filter((i) => i.severity === 'error').length;
      const warnings = issues.filter((i) => i.severity === 'warning').length;
      const said = [...done.querySelectorAll('div')].find((d) =>
        d.textContent?.startsWith(`还需处理：“${sheet}”`),
      );
      if (errors + warnings === 0) expect(said).toBeUndefined();
      else {
        expect(said?.textContent).toContain(errors > 0 ? `${errors} 个错误` : '个警告');
        if (warnings > 0) expect(said?.textContent).toContain(`${warnings} 个警告`);
        if (errors === 0) expect(said?.textContent).not.toContain('错误');
      }
    }
  });

  it('in English: plural-correct counts and no Chinese outside the sheet names', async () => {
    const book = FakeWorkbook.fromGrid({
      sheets: [
        cleanRubric('North', { 0: { score: 4 }, 1: { score: 3 } }),
        cleanRubric('South', { 0: { score: 2 } }),
      ],
    });
    const before = cellsOf(book.toGrid());
    const { host, plans } = recording(book, 'en-US');
    await openWriteStep(host, 'Write');
    const text = (sheet: string) =>
      within(screen.getByRole('region', { name: sheet })).getByText(new RegExp(`^${sheet}: `)).textContent ??
      '';
    expect(text('North')).toMatch(/; 2 filled-in cells are kept\.$/);
    expect(text('South')).toMatch(/; 1 filled-in cell is kept\.$/);
    fireEvent.click(
      within(screen.getByRole('region', { name: 'South' })).getByRole('checkbox', {
        name: /^Replace .* on South \(1\)$/,
      }),
    );
    await waitFor(() => expect(text('South')).toMatch(/; 1 cell already filled in .* will be replaced\.$/));
    const planned = { North: text('North'), South: text('South') };
    for (const s of Object.values(planned)) {
      expect(s).not.toMatch(/[\u3400-\u9fff\uff00-\uffef]/);
      expect(s).toMatch(/writes \d+ score formulas?, \d+ subtotals? (?:and|or) totals?/);
    }
    // North keeps two of its three item scores as typed: one formula, in the singular.
    expect(planned.North).toMatch(/^North: writes 1 score formula, /);
    expect(planned.South).toMatch(/^South: writes 3 score formulas, /);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Write' }).hasAttribute('disabled')).toBe(false),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write' }));
    });
    const done = (await screen.findByText('Written.')).closest('[role="status"]') as HTMLElement;
    expect(done.textContent).not.toMatch(/[\u3400-\u9fff\uff00-\uffef]/);
    for (const sheet of ['North', 'South'] as const) {
      const s = planned[sheet];
      const inExcel = formulasWritten(book, before, sheet);
      expect(num(s, /writes (\d+) score formulas?/)).toBe(inExcel.items);
      expect(num(s, /(\d+) subtotals? (?:and|or) totals?/)).toBe(inExcel.rest);
      expect(inExcel.items + inExcel.rest).toBe(
        plans[0]!.ops.filter((o) => o.sheet === sheet && o.op === 'formula').length,
      );
    }
    expect(book.at('North', 'F3')).toEqual({ value: 4, formula: null });
    expect(book.at('South', 'F3').formula).not.toBeNull();
  });
});
