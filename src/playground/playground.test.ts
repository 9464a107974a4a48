/**
 * The playground's pure parts and its workbook in Node: how cells are shown, what Excel's
 * validation refuses, edits recomputing formulas and signalling the pane, and .xlsx round trips.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../core/grid';
import type { FakeValidation } from '../fake-excel';
import { displayValue, editText } from './display';
import { PlaygroundBook } from './live';
import { loadWorkbook, resultName } from './load';
import { readXlsx } from '../adapters/xlsx/read';
import { refusal } from './validate';
import { XlsxReadError, readXlsxBytes, saveXlsxBytes, toExcelJsValidation } from './xlsx';

function grid(): WorkbookGrid {
  return {
    sheets: [
      {
        name: '东风社区',
        values: [
          ['项目', '分值', '扣分', '得分'],
          ['(一)日常工作', 3, 0.1, null],
          [null, 2, 0.2, null],
        ],
        formulas: [
          [null, null, null, null],
          [null, null, null, '=B2-C2'],
          [null, null, null, '=B3-C3'],
        ],
        merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
      },
      { name: '说明', values: [['只读']], merges: [], protected: true },
    ],
  };
}

function decimal(min: number, max: number, style: 'Stop' | 'Warning' = 'Stop'): FakeValidation {
  return {
    rule: { decimal: { formula1: min, formula2: max, operator: 'Between' } },
    prompt: null,
    errorAlert: {
      showAlert: true,
      style,
      title: '扣分',
      message: `请输入 ${min} 到 ${max} 之间的数字`,
    } as Excel.DataValidationErrorAlert,
  };
}

describe('displayValue', () => {
  it('shows float sums as Excel does, to 15 significant digits', () => {
    expect(displayValue(0.1 + 0.2)).toBe('0.3');
    expect(displayValue(2.8)).toBe('2.8');
    expect(displayValue(true)).toBe('TRUE');
    expect(displayValue(null)).toBe('');
  });

  it('applies fixed-decimal number formats', () => {
    expect(displayValue(2.5, '0.00')).toBe('2.50');
    expect(displayValue(2.5, '0')).toBe('3');
    expect(editText(0.1 + 0.2, null)).toBe('0.3');
    expect(editText(5, '=B2-C2')).toBe('=B2-C2');
  });
});

describe('refusal (data validation while typing)', () => {
  it('refuses text and out-of-range numbers in a decimal cell, with the alert written by the plan', () => {
    expect(refusal(decimal(0, 5), '1分')).toEqual({ title: '扣分', message: '请输入 0 到 5 之间的数字' });
    expect(refusal(decimal(0, 5), '6')).not.toBeNull();
    expect(refusal(decimal(0, 5), '2.5')).toBeNull();
    expect(refusal(decimal(0, 5), '')).toBeNull();
  });

  it('lets entries through under a warning alert or without a rule', () => {
    expect(refusal(decimal(0, 5, 'Warning'), '1分')).toBeNull();
    expect(refusal(undefined, '1分')).toBeNull();
  });

  it('judges whole numbers, literal lists and the reject-all rule', () => {
    const whole: FakeValidation = {
      rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
      prompt: null,
      errorAlert: null,
    };
    expect(refusal(whole, '1.5')).not.toBeNull();
    expect(refusal(whole, '2')).toBeNull();
    const list: FakeValidation = {
      rule: { list: { inCellDropDown: true, source: '是,否' } },
      prompt: null,
      errorAlert: null,
    };
    expect(refusal(list, '是')).toBeNull();
    expect(refusal(list, '也许')).not.toBeNull();
    const reject: FakeValidation = {
      rule: { custom: { formula: '=FALSE' } },
      prompt: null,
      errorAlert: null,
    };
    expect(refusal(reject, '1')).not.toBeNull();
  });
});

describe('PlaygroundBook', () => {
  it('recomputes formulas when an entry is typed, and tells the pane, not when the pane itself writes', async () => {
    const live = PlaygroundBook.fromGrid(grid());
    let edits = 0;
    let redraws = 0;
    live.watchEdits(() => edits++);
    live.subscribe(() => redraws++);
    expect(live.book.at('东风社区', 'D2').value).toBeCloseTo(2.9, 10);

    expect(live.type('东风社区', 1, 2, '1')).toBe(true);
    expect(live.book.at('东风社区', 'D2').value).toBe(2);
    expect(edits).toBe(1);

    await live.excelApi.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('东风社区').getRange('C3').values = [[1.5]];
      await ctx.sync();
    });
    expect(live.book.at('东风社区', 'D3').value).toBe(0.5);
    expect(edits).toBe(1);
    expect(redraws).toBe(2);
  });

  it('refuses typing on a protected sheet', () => {
    const live = PlaygroundBook.fromGrid(grid());
    expect(live.type('说明', 0, 0, '改')).toBe(false);
    expect(live.book.at('说明', 'A1').value).toBe('只读');
  });

  it('follows the selection the pane makes through selectCell', async () => {
    const live = PlaygroundBook.fromGrid(grid());
    await live.excelApi.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('东风社区');
      ws.activate();
      ws.getRange('C3').select();
      await ctx.sync();
    });
    expect(live.currentSheet()).toBe('东风社区');
    expect(live.selection()).toEqual({ sheet: '东风社区', address: 'C3' });
  });
});

describe('.xlsx in and out', () => {
  it('reads back what it saved: values, formulas, merges, validation and new sheets', async () => {
    const live = PlaygroundBook.fromGrid(grid());
    live.book.addSheet('汇总');
    live.book.setContents('汇总', 0, 0, [['总分', '=SUM(东风社区!D2:D3)']]);
    live.book.sheet('东风社区')!.validations.set('C2', decimal(0, 3));
    const bytes = await saveXlsxBytes(live.book, null);

    const { grid: back, source } = await readXlsxBytes(bytes, 'out.xlsx');
    expect(back.sheets.map((s) => s.name)).toEqual(['东风社区', '说明', '汇总']);
    const dong = back.sheets[0]!;
    expect(dong.formulas?.[1]?.[3]).toBe('=B2-C2');
    expect(dong.values[1]?.[3]).toBeCloseTo(2.9, 10);
    expect(dong.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(back.sheets[2]!.formulas?.[0]?.[1]).toBe('=SUM(东风社区!D2:D3)');
    expect(source.getWorksheet('东风社区')!.getCell('C2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 3],
      showErrorMessage: true,
      error: '请输入 0 到 3 之间的数字',
    });
  });

  it('keeps the opened file as the base of the download, dropping deleted sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表一');
    ws.getCell('A1').value = '标题';
    ws.getCell('A1').font = { italic: true };
    ws.getColumn(1).width = 30;
    wb.addWorksheet('旧汇总').getCell('A1').value = 1;
    const opened = await loadWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer, '单位.xlsx');
    expect(opened.live.book.sheet('表一')!.columnWidths.get(0)).toBeGreaterThan(150);

    opened.live.book.deleteSheet('旧汇总');
    opened.live.type('表一', 1, 0, '=1+1');
    const bytes = await saveXlsxBytes(opened.live.book, opened.source);
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(bytes);
    expect(check.worksheets.map((w) => w.name)).toEqual(['表一']);
    expect(check.getWorksheet('表一')!.getCell('A1').font?.italic).toBe(true);
    expect(check.getWorksheet('表一')!.getCell('A2').value).toMatchObject({ formula: '1+1', result: 2 });
    expect(resultName('单位.xlsx', '评分')).toBe('单位-评分.xlsx');
  });

  it('says why a file cannot be read: not an .xlsx, an old .xls or encrypted, damaged', async () => {
    const code = (bytes: Uint8Array) =>
      readXlsxBytes(bytes.buffer as ArrayBuffer, 'x.xlsx').then(
        () => 'read',
        (e: unknown) => (e instanceof XlsxReadError ? e.code : 'other'),
      );
    expect(await code(new TextEncoder().encode('not a workbook'))).toBe('notXlsx');
    expect(await code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(
      'legacyOrEncrypted',
    );
    expect(await code(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))).toBe('corrupt');
    expect(await code(new Uint8Array(0))).toBe('empty');
  });

  it('gives the core the same grid as the Node adapter for the same file', async () => {
    const live = PlaygroundBook.fromGrid(grid());
    live.book.sheet('说明')!.visibility = 'Hidden';
    const bytes = await saveXlsxBytes(live.book, null);
    const mine = (await readXlsxBytes(bytes, 'x.xlsx')).grid;
    const node = await readXlsx(new Uint8Array(bytes));
    const norm = (g: WorkbookGrid) =>
      g.sheets.map((s) => ({
        name: s.name,
        values: s.values,
        formulas: s.values.map((row, r) => row.map((_, c) => s.formulas?.[r]?.[c] ?? null)),
        merges: s.merges,
        hidden: s.hidden ?? false,
        protected: s.protected ?? false,
      }));
    expect(norm(mine)).toEqual(norm(node));
  });

  it('converts list validations to ExcelJS quoting', () => {
    expect(
      toExcelJsValidation({
        rule: { list: { inCellDropDown: true, source: '是,否' } },
        prompt: null,
        errorAlert: null,
      }),
    ).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
  });
});
