/**
 * The `unmerge` op (an undo's, for a merge the product made) in every applier: the merged area that
 * is exactly the op's range is split back into cells, the other merges stay, and the cells keep what
 * they hold.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { patchXlsx } from '../../src/adapters/xlsx/patch';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { applyPlan } from '../../src/adapters/xlsx/write';
import type { MergeArea, SheetGrid } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/plan';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { FakeEt } from '../../src/fake-wps';
import { createOfficeHost } from '../../src/host/office';
import { createWpsHost } from '../../src/host/wps';

const SHEET = '表';
const KEPT: MergeArea = { top: 0, left: 0, bottom: 0, right: 3 };
const SPLIT: MergeArea = { top: 2, left: 1, bottom: 4, right: 1 };

function grid(): SheetGrid {
  return {
    name: SHEET,
    values: [
      ['标题', null, null, null],
      ['a', 'b', 'c', 'd'],
      [1, 2, 3, 4],
      [5, null, 7, 8],
      [9, null, 11, 12],
    ],
    merges: [KEPT, SPLIT],
  };
}

const PLAN: WritePlan = { ops: [{ op: 'unmerge', sheet: SHEET, range: 'B3:B5' }], owned: [], conflicts: [] };

const byTop = (ms: MergeArea[]) => [...ms].sort((a, b) => a.top - b.top || a.left - b.left);

async function xlsxOf(sheet: SheetGrid): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('unmerge', () => {
  it('the Office host over the fake Excel', async () => {
    const book = FakeWorkbook.fromGrid({ sheets: [grid()] });
    const excel = new FakeExcel(book, {});
    const host = createOfficeHost({
      excel,
      isSetSupported: excel.isSetSupported,
      displayLanguage: () => 'zh-CN',
    });
    expect(byTop(book.toGrid().sheets[0]!.merges)).toEqual([KEPT, SPLIT]);
    await host.applyPlan(PLAN);
    const s = book.toGrid().sheets[0]!;
    expect(s.merges).toEqual([KEPT]);
    expect(book.at(SHEET, 'B3').value).toBe(2);
  });

  it('the WPS host over the fake ET', async () => {
    const book = FakeWorkbook.fromGrid({ sheets: [grid()] });
    const et = new FakeEt(book, {});
    const host = createWpsHost({ application: et, events: et.events, displayLanguage: () => 'zh-CN' });
    await host.applyPlan(PLAN);
    const s = book.toGrid().sheets[0]!;
    expect(s.merges).toEqual([KEPT]);
    expect(book.at(SHEET, 'B3').value).toBe(2);
  });

  it('the .xlsx patcher', async () => {
    const bytes = await xlsxOf(grid());
    expect(byTop((await readXlsx(bytes)).sheets[0]!.merges)).toEqual([KEPT, SPLIT]);
    const out = patchXlsx(bytes, PLAN).bytes;
    const s = (await readXlsx(out)).sheets[0]!;
    expect(s.merges).toEqual([KEPT]);
    expect(s.values[2]![1]).toBe(2);
    // The last merge split takes the element with it.
    const none = patchXlsx(out, { ...PLAN, ops: [{ op: 'unmerge', sheet: SHEET, range: 'A1:D1' }] }).bytes;
    expect((await readXlsx(none)).sheets[0]!.merges).toEqual([]);
  });

  it('the ExcelJS writer', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxOf(grid())) as unknown as ArrayBuffer);
    applyPlan(wb, PLAN);
    const s = (await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))).sheets[0]!;
    expect(s.merges).toEqual([KEPT]);
    expect(s.values[2]![1]).toBe(2);
  });
});
