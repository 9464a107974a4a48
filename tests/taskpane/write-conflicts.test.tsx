// @vitest-environment jsdom
/**
 * Each cell the write would replace has one keep-or-replace box in the pane, in its sheet's list; a
 * long list opens from a button that gives the keyboard the first box. One 全部覆盖 box decides for
 * every sheet at once.
 */
import './jsdom-setup';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeWorkbook } from '../../src/fake-excel';
import { cleanRubric, type RubricRow, rubricSheet } from './stub-host';
import { officeHost, openWriteStep, pressWrite, written } from './write-helpers';

afterEach(cleanup);

/** A sheet of `n` items, each with a typed 得分 (a conflict each). */
function scored(name: string, n: number) {
  const items: RubricRow[] = Array.from({ length: n }, (_, i) => ({
    content: `(${i + 1})工作${i + 1}`,
    points: 5,
    criteria: '每缺一次扣1分，扣完为止。',
    score: 4,
  }));
  return rubricSheet(name, [{ label: '一、日常工作', items }]);
}

/** Every checkbox of the pane whose name starts with the cell's sheet!A1. */
const boxesFor = (key: string) =>
  screen
    .queryAllByRole('checkbox')
    .filter((b) => (b.getAttribute('aria-label') ?? labelOf(b)).startsWith(`${key}：`));
function labelOf(box: HTMLElement): string {
  const id = box.getAttribute('id');
  const label = id ? document.querySelector(`label[for="${id}"]`) : null;
  return label?.textContent ?? '';
}

describe('写入: one box per conflicting cell', () => {
  it('each cell has its box in its sheet’s list only, also with the operations’ details open', async () => {
    const book = FakeWorkbook.fromGrid({
      sheets: [
        cleanRubric('一村', { 0: { score: 4 }, 1: { score: 3 } }),
        cleanRubric('二村', { 0: { score: 2 } }),
      ],
    });
    await openWriteStep(officeHost(book).host);
    fireEvent.click(screen.getByText(/^公式和操作明细/));
    for (const [sheet, cells] of [
      ['一村', ['F3', 'F4']],
      ['二村', ['F3']],
    ] as const) {
      const list = within(screen.getByRole('region', { name: sheet })).getByRole('list');
      for (const cell of cells) {
        const boxes = boxesFor(`${sheet}!${cell}`);
        expect(boxes, `${sheet}!${cell}`).toHaveLength(1);
        expect(list.contains(boxes[0]!)).toBe(true);
      }
    }
    // One 全部覆盖 for the whole workbook.
    const all = screen.getAllByRole('checkbox', { name: '全部覆盖' });
    expect(all).toHaveLength(1);
    fireEvent.click(all[0]!);
    await waitFor(() =>
      expect(
        boxesFor('一村!F3')
          .concat(boxesFor('一村!F4'), boxesFor('二村!F3'))
          .map((b) => (b as HTMLInputElement).checked),
      ).toEqual([true, true, true]),
    );
    await pressWrite();
    await written();
    expect(book.at('一村', 'F3').formula).not.toBeNull();
    expect(book.at('二村', 'F3').formula).not.toBeNull();
  });

  it('a long list opens from a button, and the keyboard lands on its first box', async () => {
    const book = FakeWorkbook.fromGrid({ sheets: [scored('一村', 12)] });
    await openWriteStep(officeHost(book).host);
    const region = screen.getByRole('region', { name: '一村' });
    expect(boxesFor('一村!F3')).toHaveLength(0);
    const open = within(region).getByRole('button', { name: '逐个选择（12 个单元格）' });
    open.focus();
    expect(document.activeElement).toBe(open);
    await act(async () => {
      fireEvent.click(open);
    });
    const first = boxesFor('一村!F3');
    expect(first).toHaveLength(1);
    expect(document.activeElement).toBe(first[0]);
    expect(within(within(region).getByRole('list')).getAllByRole('checkbox')).toHaveLength(12);
    for (let r = 3; r <= 14; r++) expect(boxesFor(`一村!F${r}`), `F${r}`).toHaveLength(1);
  });
});
