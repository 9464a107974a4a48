/**
 * The promise "nothing changes a cell the user did not confirm", by property, through the adapters
 * that carry a plan out: the Office adapter against the fake Excel, and the .xlsx patch writer on a
 * real package read back with the streaming reader. The scenarios are those of the core's property
 * (never-unconfirmed.test.ts): random entries, an earlier write typed over, random confirmations.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchXlsx } from '../../src/adapters/xlsx/patch';
import { openXlsx } from '../../src/adapters/xlsx/reader';
import { applyPlan } from '../../src/adapters/xlsx/write';
import { a1, a1Range } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { META_SHEET, readMeta } from '../../src/core/meta';
import type { WriteOp } from '../../src/core/plan';
import { planWrite } from '../../src/core/writeback';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import { applyPlanToGrid, typeInto } from '../helpers/hf';
import { rubricSheet } from './fixtures';

const N_ITEMS = 13;

const entryArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<CellValue | undefined>(undefined) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('1分', '无', '一') },
);

const scenarioArb = fc.record({
  noDeduction: fc.boolean(),
  deductions: fc.array(entryArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
  scores: fc.array(entryArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
  earlier: fc.option(fc.boolean(), { nil: undefined }),
  typedOver: fc.array(fc.tuple(fc.nat(), fc.constantFrom<CellValue>(7, '改过', 0)), { maxLength: 4 }),
  entryColumns: fc.boolean(),
  confirm: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** Every non-empty cell of every sheet but the product's data sheet: value and formula. */
function contents(wb: WorkbookGrid): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of wb.sheets) {
    if (s.name === META_SHEET) continue;
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? null;
        if ((v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) && f === null)
          return;
        // A formula's cached value is the engine's business; its text is the user's.
        out.set(`${s.name}!${a1(r, c)}`, JSON.stringify(f === null ? [v ?? null] : [f]));
      });
    });
  }
  return out;
}

function plan(wb: WorkbookGrid, entryColumns: boolean, overwrite: string[]) {
  const report = analyzeWorkbook(wb);
  return planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh', overwrite });
}

/** The workbook before the write: the sheet, and an earlier write the assessor typed over. */
function workbookOf(p: Scenario): WorkbookGrid {
  const { sheet } = rubricSheet({ noDeduction: p.noDeduction, deductions: p.deductions, scores: p.scores });
  let wb: WorkbookGrid = { sheets: [sheet] };
  if (p.earlier !== undefined) {
    const first = plan(wb, p.earlier, []);
    const all = first.conflicts.map((c) => `${c.sheet}!${c.cell}`);
    wb = applyPlanToGrid(wb, plan(wb, p.earlier, all)).wb;
    const owned = readMeta(wb).meta.sheets.flatMap((s) => s.owned.map((c) => [s.sheet, c] as const));
    for (const [i, v] of p.typedOver)
      if (owned.length > 0) {
        const [s, c] = owned[i % owned.length]!;
        typeInto(wb, s, c, v);
      }
  }
  return wb;
}

/** The draft, the cells confirmed in it, and the plan written. */
function decide(wb: WorkbookGrid, p: Scenario) {
  const draft = plan(wb, p.entryColumns, []);
  const confirmed = draft.conflicts
    .filter((_, i) => p.confirm[i % p.confirm.length])
    .map((c) => `${c.sheet}!${c.cell}`);
  return { draft, confirmed, final: plan(wb, p.entryColumns, confirmed) };
}

/** No cell that was non-empty, not the product's and not confirmed changed. */
function expectKept(wb: WorkbookGrid, after: WorkbookGrid, d: ReturnType<typeof decide>): void {
  const owned = new Set(readMeta(wb).meta.sheets.flatMap((s) => s.owned.map((c) => `${s.sheet}!${c}`)));
  const inConflict = new Set(d.draft.conflicts.map((c) => `${c.sheet}!${c.cell}`));
  const confirmed = new Set(d.confirmed);
  const now = contents(after);
  for (const [cell, was] of contents(wb)) {
    if (owned.has(cell) && !inConflict.has(cell)) continue;
    if (confirmed.has(cell)) continue;
    expect(now.get(cell), `${cell} changed without confirmation`).toBe(was);
  }
}

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
      fc.asyncProperty(scenarioArb, async (p) => {
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
        expectKept(read, book.toGrid(), d);
      }),
      { numRuns: 25 },
    );
  });

  it('the .xlsx patch writer, read back with the streaming reader', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (p) => {
        const bytes = await xlsxOf(workbookOf(p));
        const { pkg, book } = openXlsx(bytes, 'unit.xlsx');
        const d = decide(book.grid, p);
        // The writer refuses a plan that still lists conflicts; what it writes is the plan's ops,
        // which leave every unconfirmed conflict alone.
        const out = patchXlsx(pkg, { ...d.final, conflicts: [] }, { grid: book.grid }).bytes;
        expectKept(book.grid, openXlsx(out, 'unit.xlsx').book.grid, d);
      }),
      { numRuns: 20 },
    );
  });
});
