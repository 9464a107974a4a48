import { describe, expect, it } from 'vitest';
import { FakeExcel, FakeOfficeError, FakeWorkbook } from '../../src/fake-excel';
import { rubricSheet, rubricWorkbook } from './fixtures';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : 'not an Office error';
  }
  return undefined;
};

describe('fake Excel: load before read', () => {
  it('throws PropertyNotLoaded for a property not loaded, or loaded but not yet synced', async () => {
    const excel = new FakeExcel(FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 3)] }));
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1:B2');
      expect(codeOf(() => range.values)).toBe('PropertyNotLoaded');
      range.load('values');
      expect(codeOf(() => range.values)).toBe('PropertyNotLoaded');
      expect(codeOf(() => range.isNullObject)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(range.values).toEqual([
        ['考核项目', '考核内容'],
        ['项目1', '内容 表 1'],
      ]);
      // Loading one property does not make the others readable.
      expect(codeOf(() => range.formulas)).toBe('PropertyNotLoaded');
      expect(codeOf(() => range.address)).toBe('PropertyNotLoaded');
    });
  });

  it('loads collection items and navigation paths only as asked', async () => {
    const excel = new FakeExcel(FakeWorkbook.fromGrid(rubricWorkbook(3, 2)));
    await excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(codeOf(() => sheets.items)).toBe('PropertyNotLoaded');
      sheets.load('items/name,items/protection/protected');
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([
        ['彩屯 社区', false],
        ['Sheet2', false],
        ['Sheet3', true],
      ]);
      expect(codeOf(() => sheets.items[1]!.visibility)).toBe('PropertyNotLoaded');
    });
  });

  it('queues writes until sync, then evaluates formulas with HyperFormula', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 3)] });
    const excel = new FakeExcel(wb);
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表').getRange('G1:G2');
      r.formulas = [['=C2+C3'], ["='表'!G1*10"]];
      expect(wb.at('表', 'G1').value).toBeNull();
      r.load('values,formulas');
      await ctx.sync();
      expect(r.values).toEqual([[5], [50]]);
      expect(r.formulas).toEqual([['=C2+C3'], ["='表'!G1*10"]]);
    });
    expect(excel.syncs).toBe(1);
  });

  it('gives null objects for missing sheets and empty used ranges, settled at sync', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('空');
    const excel = new FakeExcel(wb);
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('无此表');
      const used = ctx.workbook.worksheets.getItem('空').getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
  });

  it('refuses writes to a protected sheet at sync, after the earlier writes of the batch landed', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(3, 2));
    const excel = new FakeExcel(wb);
    const err = await excel
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet2').getRange('H1').values = [[1]];
        ctx.workbook.worksheets.getItem('Sheet3').getRange('H1').values = [[1]];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AccessDenied' });
    expect(wb.at('Sheet2', 'H1').value).toBe(1);
    expect(wb.at('Sheet3', 'H1').value).toBeNull();
  });

  it('refuses a data-validation rule over an existing one, and APIs newer than its version', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 2)] });
    const rule = { wholeNumber: { formula1: 0, formula2: 5, operator: 'Between' as const } };
    await new FakeExcel(wb).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('D2:D3').dataValidation.rule = rule;
      await ctx.sync();
    });
    const again = new FakeExcel(wb).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('D3').dataValidation.rule = rule;
      await ctx.sync();
    });
    await expect(again).rejects.toMatchObject({ code: 'InvalidOperation' });
    const old = new FakeExcel(wb, { apiVersion: '1.7' }).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('D2').dataValidation.clear();
      await ctx.sync();
    });
    await expect(old).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(new FakeExcel(wb, { apiVersion: '1.7' }).isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(new FakeExcel(wb, { apiVersion: '1.13' }).isSetSupported('ExcelApi', '1.8')).toBe(true);
  });

  it('refuses a request over the payload limit', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 2)] });
    const excel = new FakeExcel(wb, { payloadLimit: 1000 });
    const run = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('A10').values = [['x'.repeat(2000)]];
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.at('表', 'A10').value).toBeNull();
  });

  it('round-trips a grid through fromGrid and toGrid', () => {
    const grid = rubricWorkbook(3, 7);
    const back = FakeWorkbook.fromGrid(grid).toGrid();
    expect(back.sheets.map((s) => [s.name, s.hidden, s.protected, s.merges])).toEqual(
      grid.sheets.map((s) => [s.name, s.hidden, s.protected, s.merges]),
    );
    const s = back.sheets[0]!;
    const g = grid.sheets[0]!;
    expect(s.formulas).toEqual(g.formulas);
    // Values agree wherever the source had no formula.
    for (const [r, row] of g.values.entries()) {
      for (const [c, v] of row.entries()) {
        if (g.formulas?.[r]?.[c] == null) expect(s.values[r]?.[c] ?? null).toBe(v);
      }
    }
  });
});

describe('fake Excel: what it reports of the user’s own layout', () => {
  const decimal = { decimal: { formula1: 0, formula2: 5, operator: 'Between' as const } };
  const list = { list: { inCellDropDown: true, source: '0,1' } };
  function book(): FakeWorkbook {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 4)] });
    const s = wb.sheet('表')!;
    for (const k of ['D2', 'D3']) s.validations.set(k, { rule: decimal, prompt: null, errorAlert: null });
    s.validations.set('E2', { rule: decimal, prompt: null, errorAlert: null });
    s.validations.set('E3', { rule: list, prompt: null, errorAlert: null });
    // An input message alone allows any value.
    s.validations.set('F2', {
      rule: null,
      prompt: { showPrompt: true, title: 't', message: 'm' },
      errorAlert: null,
    });
    s.hiddenCols.add(2);
    s.hiddenCols.add(3);
    return wb;
  }

  it('dataValidation.type: None, the one type, MixedCriteria (some cells), Inconsistent (different rules)', async () => {
    await new FakeExcel(book()).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      const at = ['A2:A3', 'D2:D3', 'D2:D4', 'E2:E3', 'D2', 'E3', 'F2', 'D:D'].map((a) => {
        const dv = ws.getRange(a).dataValidation;
        expect(codeOf(() => dv.type)).toBe('PropertyNotLoaded');
        dv.load('type');
        return dv;
      });
      expect(codeOf(() => at[0]!.type)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(at.map((dv) => dv.type)).toEqual([
        'None',
        'Decimal',
        'MixedCriteria',
        'Inconsistent',
        'Decimal',
        'List',
        'None',
        'MixedCriteria',
      ]);
    });
    const old = new FakeExcel(book(), { apiVersion: '1.7' }).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').getRange('D2').dataValidation.load('type');
      await ctx.sync();
    });
    await expect(old).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('columnHidden: true where every column is hidden, false where none, null where some', async () => {
    await new FakeExcel(book()).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      const ranges = ['C:C', 'C:D', 'A:A', 'B:C', 'D2:D3'].map((a) => {
        const r = ws.getRange(a);
        r.load('columnHidden');
        return r;
      });
      await ctx.sync();
      expect(ranges.map((r) => r.columnHidden)).toEqual([true, true, false, null, true]);
    });
  });

  it('pageLayout.getPrintAreaOrNullObject: a null object where none is set, else its areas (ExcelApi 1.9)', async () => {
    const wb = book();
    wb.addSheet('无');
    wb.sheet('表')!.print.area = ['A1:E5', 'A8:E9'];
    await new FakeExcel(wb).run(async (ctx) => {
      const set = ctx.workbook.worksheets.getItem('表').pageLayout.getPrintAreaOrNullObject();
      const none = ctx.workbook.worksheets.getItem('无').pageLayout.getPrintAreaOrNullObject();
      set.load('areas/items/address');
      none.load('areas/items/address');
      expect(codeOf(() => set.isNullObject)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(set.isNullObject).toBe(false);
      expect(set.areas.items.map((r) => r.address)).toEqual(["'表'!A1:E5", "'表'!A8:E9"]);
    });
    const old = new FakeExcel(wb, { apiVersion: '1.8' }).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('表').pageLayout.getPrintAreaOrNullObject().load('address');
      await ctx.sync();
    });
    await expect(old).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
