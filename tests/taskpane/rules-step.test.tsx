// @vitest-environment jsdom
/**
 * 规则 on samples/communities.xlsx through the Office adapter and a fake Excel: sections with the items
 * to decide first, the filter, the counts against what is listed, saving blocked by an incomplete
 * rule, and a card's heading selecting its cell in the workbook.
 */
import './jsdom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook, type SheetReport } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { FakeWorkbook } from '../../src/fake-excel';
import { App } from '../../src/taskpane/App';
import { officeHost } from './write-helpers';

afterEach(cleanup);

let sample: WorkbookGrid;
let first: SheetReport;

beforeAll(async () => {
  sample = await readXlsx('samples/communities.xlsx');
  first = analyzeWorkbook(sample).sheets.find((s) => s.analysis)!;
});

async function openRules(lang = 'zh-CN') {
  const book = FakeWorkbook.fromGrid(structuredClone(sample));
  render(<App host={officeHost(book, { lang }).host} />);
  await screen.findByRole('tree');
  fireEvent.click(screen.getByRole('tab', { name: lang.startsWith('zh') ? '规则' : 'Rules' }));
  await screen.findAllByRole('group');
  return book;
}

/** The rule cards (a card's message bar is a group too). */
const cards = () => screen.queryAllByRole('group').filter((g) => g.classList.contains('fui-Card'));
const sections = () => screen.getAllByRole('region').filter((r) => r.querySelector('h2'));
const counts = () => {
  const text = screen.getAllByRole('status').find((s) => s.textContent?.startsWith('已确认'))!.textContent!;
  const [confirmed = -1, open = -1, decide = 0] = [...text.matchAll(/(\d+) 项/g)].map((m) => Number(m[1]));
  return { confirmed, open, decide, text };
};
const filter = (value: string) =>
  fireEvent.change(screen.getByRole('combobox', { name: '显示' }), { target: { value } });
const headingOf = (id: string) => {
  const item = first.analysis!.table.items.find((i) => i.id === id)!;
  return `${item.numbering ? `${item.numbering} ` : ''}${item.label || item.text}`;
};
/** The items the checks say have no rule to compute (scored at discretion). */
const unknown = () => first.issues.filter((i) => i.code === 'ruleUnknown').map((i) => i.itemId!);

describe('规则 on the sample workbook', () => {
  it('lists sections with the items to decide first, and counts what it lists', async () => {
    await openRules();
    const table = first.analysis!.table;
    expect(cards()).toHaveLength(table.items.length);
    const c = counts();
    expect(c.confirmed).toBe(0);
    expect(c.open).toBe(table.items.length);
    expect(c.decide).toBeGreaterThanOrEqual(unknown().length);
    expect(c.text).toBe(`已确认 0 项，待确认 ${table.items.length} 项，其中 ${c.decide} 项需要决定`);

    // Sections holding a card to decide come first; in each, the cards to decide lead.
    const asks = (g: HTMLElement) => g.querySelector('.fui-Badge') !== null;
    const perSection = sections().map((sec) =>
      cards()
        .filter((g) => sec.contains(g))
        .map(asks),
    );
    expect(perSection.flat()).toHaveLength(table.items.length);
    expect(perSection.flat().filter(Boolean)).toHaveLength(c.decide);
    for (const flags of perSection) expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
    const withAsk = perSection.map((f) => f.some(Boolean));
    expect(withAsk).toEqual([...withAsk].sort((x, y) => Number(y) - Number(x)));
    // Each section is headed by its group in the table, with how many of its items to decide.
    const groups = first.analysis!.table.groups;
    for (const sec of sections()) {
      const title = sec.getAttribute('aria-label')!;
      const last = groups.find((g) =>
        title.endsWith(`${g.numbering ? `${g.numbering} ` : ''}${g.label}`.trim()),
      );
      expect(last, title).toBeTruthy();
      for (const g of cards().filter((x) => sec.contains(x))) {
        const item = table.items.find((i) => headingOf(i.id) === g.getAttribute('aria-label'))!;
        expect(item.groupIds.at(-1)).toBe(last!.id);
      }
    }
    expect(within(sections()[0]!).getByRole('heading').textContent).toMatch(/\d+ 项需要决定/);
    for (const id of unknown()) {
      const card = screen.getByRole('group', { name: headingOf(id) });
      expect(within(card).getByText('未写扣分办法')).toBeTruthy();
    }

    filter('decide');
    expect(cards()).toHaveLength(c.decide);
    filter('edited');
    expect(cards()).toHaveLength(0);
    expect(screen.getByText('没有符合的项。')).toBeTruthy();
    filter('all');
    expect(cards()).toHaveLength(table.items.length);
  });

  it('a decision confirms the item in place and leaves the filter of items to decide', async () => {
    await openRules();
    const before = counts();
    const card = screen.getByRole('group', { name: headingOf(unknown()[0]!) });
    const at = cards().indexOf(card);
    fireEvent.click(within(card).getByRole('button', { name: '酌情扣分' }));
    expect(counts()).toMatchObject({ confirmed: 1, open: before.open - 1, decide: before.decide - 1 });
    expect(cards().indexOf(screen.getByRole('group', { name: headingOf(unknown()[0]!) }))).toBe(at);
    filter('decide');
    expect(cards()).toHaveLength(before.decide - 1);
    filter('edited');
    expect(cards().map((g) => g.getAttribute('aria-label'))).toEqual([headingOf(unknown()[0]!)]);
    expect(screen.getByRole('button', { name: '保存规则（1 项）' }).hasAttribute('disabled')).toBe(false);
  });

  it('an incomplete rule blocks saving, says why, and saving comes back once it is fixed', async () => {
    await openRules();
    const plain = cards().find((g) => g.querySelector('.fui-Badge') === null)!;
    const name = plain.getAttribute('aria-label')!;
    fireEvent.click(within(plain).getByRole('button', { name: '修改' }));
    fireEvent.change(within(plain).getAllByRole('combobox', { name: '类型' })[0]!, {
      target: { value: 'range' },
    });
    fireEvent.change(within(plain).getAllByRole('spinbutton', { name: '最少扣' })[0]!, {
      target: { value: '3' },
    });
    const save = screen.getByRole('button', { name: /^保存规则/ });
    expect(save.hasAttribute('disabled')).toBe(true);
    const reason = document.getElementById(save.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).toMatch(/^1 项规则还没改好，改好后才能保存：/);
    expect(counts().decide).toBeGreaterThan(0);
    // The blocked card now asks too, with its reason as a badge.
    expect(within(screen.getByRole('group', { name })).getByText('规则未改好')).toBeTruthy();

    fireEvent.change(
      within(screen.getByRole('group', { name })).getAllByRole('spinbutton', { name: '最多扣' })[0]!,
      {
        target: { value: '4' },
      },
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^保存规则/ }).hasAttribute('disabled')).toBe(false),
    );
    expect(screen.getByRole('button', { name: /^保存规则/ }).hasAttribute('aria-describedby')).toBe(false);
  });

  it("a card's heading selects its 评分标准 cell in the workbook", async () => {
    const book = await openRules();
    const table = first.analysis!.table;
    const item = table.items.find((i) => i.criteriaCell && !unknown().includes(i.id))!;
    const card = screen.getByRole('group', { name: headingOf(item.id) });
    await act(async () => {
      fireEvent.click(within(card).getByRole('button', { name: headingOf(item.id) }));
    });
    await waitFor(() =>
      expect(book.selection).toEqual({
        sheet: first.sheet,
        address: a1(item.criteriaCell!.row, item.criteriaCell!.col),
      }),
    );
  });

  it('says the counts in plural-correct English', async () => {
    await openRules('en-US');
    const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('confirmed'))!;
    const n = first.analysis!.table.items.length;
    expect(status.textContent).toMatch(
      new RegExp(`^0 items confirmed, ${n} open, \\d+ of them need a decision$`),
    );
  });
});
