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
import { cleanRubric, stubHost } from './stub-host';
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

describe('识别: sheets not read as rubrics', () => {
  // 降职/降薪 where points would be; a header with an empty 分值 column; an empty sheet; a hidden one.
  const sheets = [
    cleanRubric('一村'),
    {
      name: '红线',
      values: [
        ['序号', '类别', '考核标准', '处罚标准'],
        [1, '红线', '发生安全事故', '降职'],
        [2, '红线', '弄虚作假', '降薪两级'],
        [3, '黄线', '投诉处置不当', '降薪一级'],
      ],
      merges: [],
    },
    {
      name: '模板',
      values: [
        ['考核项目', '考核内容', '分值', '评分标准'],
        ['一、日常工作', '按时报送', null, '迟报一次扣1分'],
      ],
      merges: [],
    },
    { name: '空白', values: [], merges: [] },
    { ...cleanRubric('旧表'), hidden: true },
  ];
  const rowsOf = async (lang?: string) => {
    render(<App host={stubHost({ sheets }, lang ? { lang } : {})} />);
    const name = lang ? 'Sheets not read as rubrics' : '未作为评分表读取的工作表';
    const list = await screen.findByRole('list', { name });
    return Object.fromEntries(
      within(list)
        .getAllByRole('listitem')
        .map((li) => [li.querySelector('.fui-Text')!.textContent!, li.textContent!]),
    );
  };

  it('says for each what was found: the sanctions, the empty points column, empty, hidden', async () => {
    const rows = await rowsOf();
    expect(rows.红线).toBe(
      '红线：第1行像是表头（序号、类别、考核标准、处罚标准），但没有分值列：“处罚标准”列写的是降职、降薪两级、降薪一级等处理，不是分数。这张表不是计分的评分表。',
    );
    expect(rows.模板).toBe(
      '模板：第1行是表头（考核项目、考核内容、分值、评分标准），但其下 1 行都没有分值（“分值”列是空的）。要计分，请先填写各项分值。',
    );
    expect(rows.空白).toBe('空白：工作表是空的。');
    expect(rows.旧表).toBe('旧表：隐藏的工作表。');
  });

  it('says it in English when the pane is in English', async () => {
    const rows = await rowsOf('en-US');
    expect(rows.红线).toBe(
      '红线: Row 1 reads like a header (序号, 类别, 考核标准, 处罚标准), but there is no points column: "处罚标准" holds sanctions such as 降职, 降薪两级, 降薪一级, not points. This is not a points rubric.',
    );
    expect(rows.空白).toBe('空白: The sheet is empty.');
    expect(rows.旧表).toBe('旧表: Hidden sheet.');
  });
});
