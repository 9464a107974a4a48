// @vitest-environment jsdom
/**
 * 识别 on samples/communities.xlsx through the Office adapter and a fake Excel: the rubric's own
 * faults come before the structure tree, errors first and then in sheet order, and each selects its
 * cell in the workbook.
 */
import './jsdom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { parseA1 } from '../../src/core/a1';
import { analyzeWorkbook, type SheetReport } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { RUBRIC_ISSUE_CODES } from '../../src/core/issues';
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

describe('识别 on the sample workbook', () => {
  it("lists the rubric's faults before the tree, errors first then in sheet order, each selecting its cell", async () => {
    const book = FakeWorkbook.fromGrid(structuredClone(sample));
    render(<App host={officeHost(book).host} />);
    const tree = await screen.findByRole('tree', { name: '表格结构' });
    const list = screen.getByRole('list', { name: '细则自查' });
    expect(list.compareDocumentPosition(tree) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const faults = first.issues.filter((i) => RUBRIC_ISSUE_CODES.has(i.code));
    expect(faults.length).toBeGreaterThan(1);
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(faults.length);
    const shown = rows.map((li) => {
      const button = within(li).getByRole('button');
      const cell = button.querySelector('.fui-Text')!.textContent!;
      const severity = li.querySelector('.fui-Badge')!.textContent!;
      return { button, cell, severity };
    });
    expect(shown.map((s) => s.cell).sort()).toEqual(faults.map((f) => f.cell!).sort());
    const rank = (s: string) => ['错误', '警告', '提示'].indexOf(s);
    const at = (cell: string) => {
      const p = parseA1(cell)!;
      return p.row * 1000 + p.col;
    };
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1]!, shown[i]!];
      expect(rank(a.severity)).toBeLessThanOrEqual(rank(b.severity));
      if (a.severity === b.severity) expect(at(a.cell)).toBeLessThanOrEqual(at(b.cell));
    }
    for (const s of shown) {
      await act(async () => {
        fireEvent.click(s.button);
      });
      await waitFor(() => expect(book.selection).toEqual({ sheet: first.sheet, address: s.cell }));
    }
  });
});
