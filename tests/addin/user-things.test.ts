/**
 * The add-in sees the user's own layout through the Office host, as `fill` does through the .xlsx
 * reader (tests/writeback/user-things-xlsx.test.ts): the user's data validation on the 扣分 cells is a
 * conflict, listed and left; a hidden column where a subtotal goes is said and shown again; the print
 * area grows over the added column. The read costs the same few syncs whatever the workbook's size.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { planWrite } from '../../src/core/writeback';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import { cleanRubric } from '../taskpane/stub-host';

const USERS_LIST: Excel.DataValidationRule = { list: { inCellDropDown: true, source: '0,1,2' } };

interface Spec {
  /** Cells of 一村 given the user's list validation. */
  listed?: string[];
  /** 0-based columns hidden. */
  hidden?: number[];
  printArea?: string;
  /** More rubric sheets after 一村, with nothing of the user's. */
  extraSheets?: number;
}

function book(spec: Spec): FakeWorkbook {
  const grid: WorkbookGrid = {
    sheets: [
      cleanRubric('一村'),
      ...Array.from({ length: spec.extraSheets ?? 0 }, (_, i) => cleanRubric(`村${i + 2}`)),
    ],
  };
  const wb = FakeWorkbook.fromGrid(grid);
  const sheet = wb.sheet('一村')!;
  for (const cell of spec.listed ?? [])
    sheet.validations.set(cell, { rule: USERS_LIST, prompt: null, errorAlert: null });
  for (const c of spec.hidden ?? []) sheet.hiddenCols.add(c);
  if (spec.printArea) sheet.print.area = [spec.printArea];
  return wb;
}

function hostOver(wb: FakeWorkbook, apiVersion?: string) {
  const excel = new FakeExcel(wb, apiVersion ? { apiVersion } : {});
  const host = createOfficeHost({
    excel,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => 'zh-CN',
  });
  return { excel, host };
}

/** Read through the host and plan the pane's write (no entry columns: the guards sit on 扣分). */
async function readAndPlan(host: ReturnType<typeof createOfficeHost>) {
  const read = await host.readWorkbook();
  const report = analyzeWorkbook(read.workbook);
  const plan = planWrite(read.workbook, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
  return { read, plan };
}

describe('the Office host reads the user’s own validation, hidden columns and print area', () => {
  it('reports them in the grid as the .xlsx reader does', async () => {
    const wb = book({ listed: ['E3', 'E4'], hidden: [7, 11], printArea: 'A1:G7' });
    const { workbook } = await hostOver(wb).host.readWorkbook();
    const s = workbook.sheets[0]!;
    expect(s.validations).toEqual([{ top: 2, left: 4, bottom: 3, right: 4 }]);
    expect(s.hiddenCols).toEqual([7, 11]);
    expect(s.printArea).toEqual([{ top: 0, left: 0, bottom: 6, right: 6 }]);
  });

  it('a sheet with none of them has none in its grid', async () => {
    const { workbook } = await hostOver(book({})).host.readWorkbook();
    const s = workbook.sheets[0]!;
    expect(s.validations).toBeUndefined();
    expect(s.hiddenCols).toBeUndefined();
    expect(s.printArea).toBeUndefined();
  });

  it('the user’s validation on 扣分 is a conflict: listed, and left as it was by the write', async () => {
    const wb = book({ listed: ['E3', 'E4'] });
    const { host } = hostOver(wb);
    const { plan } = await readAndPlan(host);
    expect(plan.conflicts.filter((c) => c.kind === 'validation').map((c) => c.cell)).toEqual(['E3', 'E4']);
    await host.applyPlan(plan);
    const sheet = wb.sheet('一村')!;
    expect(sheet.validations.get('E3')?.rule).toEqual(USERS_LIST);
    expect(sheet.validations.get('E4')?.rule).toEqual(USERS_LIST);
    // The item without the user's validation gets the product's input check.
    expect(sheet.validations.get('E6')?.rule).toHaveProperty('decimal');
  });

  it('without the user’s validation the same cells get the product’s (the conflict is the validation)', async () => {
    const wb = book({});
    const { host } = hostOver(wb);
    const { plan } = await readAndPlan(host);
    expect(plan.conflicts.filter((c) => c.kind === 'validation')).toEqual([]);
    await host.applyPlan(plan);
    expect(wb.sheet('一村')!.validations.get('E3')?.rule).toHaveProperty('decimal');
  });

  it('a hidden column where the subtotal goes is said and shown again; another hidden column stays', async () => {
    const wb = book({ hidden: [7, 11] });
    const { host } = hostOver(wb);
    const { plan } = await readAndPlan(host);
    expect(plan.warnings).toContainEqual({ code: 'columnHidden', sheet: '一村', col: 'H' });
    await host.applyPlan(plan);
    expect(wb.at('一村', 'H1').value).toBe('一级小计');
    expect([...wb.sheet('一村')!.hiddenCols]).toEqual([11]);
  });

  it('the print area grows over the added subtotal column', async () => {
    const wb = book({ printArea: 'A1:G7' });
    const { host } = hostOver(wb);
    const { plan } = await readAndPlan(host);
    await host.applyPlan(plan);
    expect(wb.sheet('一村')!.print.area).toEqual(['A1:H7']);
  });
});

describe('what the read costs, and Excel versions that cannot tell everything', () => {
  it('takes three syncs for 1 sheet and for 5, with the user’s things on them or not', async () => {
    const counts: number[] = [];
    for (const spec of [
      {},
      { extraSheets: 4 },
      { listed: ['E3'], hidden: [7], printArea: 'A1:G7' },
      { listed: ['E3'], hidden: [7], printArea: 'A1:G7', extraSheets: 4 },
    ]) {
      const { excel, host } = hostOver(book(spec));
      const read = await host.readWorkbook();
      expect(read.syncs).toBe(excel.syncs);
      counts.push(read.syncs);
    }
    expect(counts).toEqual([3, 3, 3, 3]);
  });

  it('without special cells (ExcelApi 1.8) finds the validated cells column by column, in one more sync', async () => {
    const wb = book({ listed: ['E3', 'E4', 'I2'], hidden: [7], printArea: 'A1:G7' });
    // A column validated whole over the used rows needs no look at its cells.
    for (const r of [1, 2, 3, 4, 5, 6])
      wb.sheet('一村')!.validations.set(`J${r}`, { rule: USERS_LIST, prompt: null, errorAlert: null });
    const counts: number[] = [];
    for (const extraSheets of [0, 4]) {
      const { excel, host } = hostOver(
        book({ listed: ['E3', 'E4'], hidden: [7], printArea: 'A1:G7', extraSheets }),
        '1.8',
      );
      const read = await host.readWorkbook();
      expect(read.syncs).toBe(excel.syncs);
      counts.push(read.syncs);
    }
    expect(counts).toEqual([4, 4]);
    const { host } = hostOver(wb, '1.8');
    const { read, plan } = await readAndPlan(host);
    const s = read.workbook.sheets[0]!;
    expect(s.validations).toEqual([
      { top: 0, left: 9, bottom: 5, right: 9 },
      { top: 1, left: 8, bottom: 1, right: 8 },
      { top: 2, left: 4, bottom: 3, right: 4 },
    ]);
    expect(s.hiddenCols).toEqual([7]);
    // No print area without ExcelApi 1.9: none is read, and the write goes on without one.
    expect(s.printArea).toBeUndefined();
    expect(plan.conflicts.filter((c) => c.kind === 'validation').map((c) => c.cell)).toEqual(['E3', 'E4']);
    const out = await host.applyPlan(plan);
    expect(out.skipped.map((k) => k.feature)).toContain('pageLayout');
    expect(wb.sheet('一村')!.validations.get('E3')?.rule).toEqual(USERS_LIST);
    expect(wb.at('一村', 'H1').value).toBe('一级小计');
    expect(wb.sheet('一村')!.hiddenCols.has(7)).toBe(false);
    expect(wb.sheet('一村')!.print.area).toEqual(['A1:G7']);
  });

  it('without data validation at all (ExcelApi 1.7) knows no validation, and reads the rest', async () => {
    const { excel, host } = hostOver(book({ listed: ['E3'], hidden: [7] }), '1.7');
    const read = await host.readWorkbook();
    expect(read.workbook.sheets[0]!.validations).toBeUndefined();
    expect(read.workbook.sheets[0]!.hiddenCols).toEqual([7]);
    expect(read.syncs).toBe(excel.syncs);
  });

  it('a workbook read in row bands (too large for one response) carries them too', async () => {
    const wb = book({ listed: ['E3', 'E4'], hidden: [7], printArea: 'A1:G7' });
    // Long 扣分原因 make the cells too large for one response, not any one row.
    for (const row of [2, 3, 5]) wb.setContents('一村', row, 6, [[`'${'原因'.repeat(500)}`]]);
    const whole = await hostOver(wb).host.readWorkbook();
    const excel = new FakeExcel(wb, { payloadLimit: 3_500 });
    const host = createOfficeHost({
      excel,
      isSetSupported: excel.isSetSupported,
      displayLanguage: () => 'zh-CN',
      maxChunkBytes: 2_000,
    });
    const banded = await host.readWorkbook();
    expect(banded.syncs).toBeGreaterThan(whole.syncs);
    expect(banded.workbook).toEqual(whole.workbook);
  });
});
