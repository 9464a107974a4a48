/**
 * The promise "nothing changes a cell the user did not confirm", by property, through the adapters
 * that carry a plan out: the Office adapter against the fake Excel, and the .xlsx patch writer on a
 * real package read back with the streaming reader. The scenarios are those of the core's property
 * (never-unconfirmed.test.ts, from ./unconfirmed.ts): random entries, an earlier write typed over, random confirmations.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { patchXlsx } from '../../src/adapters/xlsx/patch';
import { openXlsx } from '../../src/adapters/xlsx/reader';
import { applyPlan } from '../../src/adapters/xlsx/write';
import { a1, a1Range } from '../../src/core/a1';
import type { WorkbookGrid } from '../../src/core/grid';
import type { WriteOp } from '../../src/core/plan';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import { decide, expectKept, scenarioArb, workbookOf } from './unconfirmed';

const scenarios = scenarioArb(['1分', '无', '一']);

/** The grid as an .xlsx package, written cell by cell with ExcelJS (a second producer). */
async function xlsxOf(wb: WorkbookGrid): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ops: WriteOp[] = [];
  for (const s of wb.sheets) {
    ops.push({ op: 'addSheet', sheet: s.name, ...(s.hidden ? { hidden: 'veryHidden' as const } : {}) });
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? null;
        if (f !== null) ops.push({ op: 'formula', sheet: s.name, cell: a1(r, c), formula: f });
        else if (v !== null && v !== undefined)
          ops.push({ op: 'value', sheet: s.name, cell: a1(r, c), value: v });
      });
    });
    for (const m of s.merges ?? [])
      ops.push({ op: 'merge', sheet: s.name, range: a1Range(m.top, m.left, m.bottom, m.right) });
  }
  applyPlan(book, { ops, owned: [], conflicts: [] });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('no adapter changes a cell the user did not confirm', () => {
  it('the Office adapter against the fake Excel', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (p) => {
        const wb = workbookOf(p);
        const book = FakeWorkbook.fromGrid(wb);
        const excel = new FakeExcel(book);
        const host = createOfficeHost({
          excel,
          isSetSupported: excel.isSetSupported,
          displayLanguage: () => 'zh-CN',
        });
        const read = (await host.readWorkbook()).workbook;
        const d = decide(read, p);
        await host.applyPlan(d.final);
        expectKept(read, book.toGrid(), d, false);
      }),
      { numRuns: 25 },
    );
  });

  it('the .xlsx patch writer, read back with the streaming reader', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async (p) => {
        const bytes = await xlsxOf(workbookOf(p));
        const { pkg, book } = openXlsx(bytes, 'unit.xlsx');
        const d = decide(book.grid, p);
        // The writer refuses a plan that still lists conflicts; what it writes is the plan's ops,
        // which leave every unconfirmed conflict alone.
        const out = patchXlsx(pkg, { ...d.final, conflicts: [] }, { grid: book.grid }).bytes;
        expectKept(book.grid, openXlsx(out, 'unit.xlsx').book.grid, d, false);
      }),
      { numRuns: 20 },
    );
  });
});
