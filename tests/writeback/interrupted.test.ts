/**
 * A write that Excel gives up on part-way, at every request in turn: the error says which sheets
 * were written, the product's metadata never claims a cell that was not written, and writing the
 * plan made again from a fresh read gives the workbook an uninterrupted write gives.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { META_SHEET } from '../../src/core/meta';
import { planWrite } from '../../src/core/writeback';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { WriteInterruptedError } from '../../src/host/errors';
import { createOfficeHost } from '../../src/host/office';
import { cleanRubric } from '../taskpane/stub-host';

function hostOver(book: FakeWorkbook) {
  const excel = new FakeExcel(book);
  // Small requests, so that a write of three sheets takes several.
  const host = createOfficeHost({
    excel,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => 'zh-CN',
    maxChunkBytes: 1500,
  });
  return { excel, host };
}

function start(): WorkbookGrid {
  return {
    sheets: [
      cleanRubric('一村', { 0: { score: 4 } }),
      cleanRubric('二村', { 1: { deduction: 1 } }),
      cleanRubric('三村'),
    ],
  };
}

/** Read, plan with entry columns, write: the pane's write, as the host sees it. */
async function writeOnce(host: ReturnType<typeof createOfficeHost>) {
  const { workbook } = await host.readWorkbook();
  const report = analyzeWorkbook(workbook);
  const plan = planWrite(workbook, report, { entryColumns: true, meta: report.meta, lang: 'zh' });
  return { plan, res: await host.applyPlan(plan) };
}

describe('a write interrupted at each request in turn', () => {
  it('says which sheets were written, claims nothing unwritten, and finishing gives the uninterrupted workbook', async () => {
    const clean = FakeWorkbook.fromGrid(start());
    const whole = hostOver(clean);
    const before = whole.excel.syncs;
    const first = await writeOnce(whole.host);
    // The typed 得分 on 一村 and 扣分 on 二村 are conflicts nobody confirmed: they stay.
    expect(first.plan.conflicts.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['一村!F3', '二村!E4']);
    const expected = clean.toGrid();
    const writeSyncs = whole.excel.syncs - before;
    // One read (the pane's) and the write's own requests; the test needs several of the latter.
    expect(writeSyncs).toBeGreaterThan(4);

    const untouched = FakeWorkbook.fromGrid(start()).toGrid();
    let interrupted = 0;
    for (let k = 1; k <= writeSyncs; k++) {
      const book = FakeWorkbook.fromGrid(start());
      const { excel, host } = hostOver(book);
      const { workbook } = await host.readWorkbook();
      const report = analyzeWorkbook(workbook);
      const plan = planWrite(workbook, report, { entryColumns: true, meta: report.meta, lang: 'zh' });
      excel.faults = [{ sync: excel.syncs + k, code: 'GeneralException' }];
      let error: unknown = null;
      try {
        await host.applyPlan(plan);
      } catch (e) {
        error = e;
      }
      excel.faults = [];
      if (error === null) continue;
      if (!(error instanceof WriteInterruptedError)) {
        // A failure before anything is written (the fresh look, the compare-and-set) leaves the
        // workbook as it was.
        expect(book.toGrid()).toEqual(untouched);
        continue;
      }
      interrupted++;
      const p = error.progress;
      // Every sheet of the plan is in exactly one list, and the failed request's sheet is not "written".
      const planned = [...new Set(plan.ops.map((o) => o.sheet))];
      expect([...p.written, ...p.partly, ...p.notWritten].sort()).toEqual(planned.sort());
      expect(p.partly.length + p.notWritten.length).toBeGreaterThan(0);
      expect(error.message).toContain('继续写入');
      // A sheet said to be written holds what the uninterrupted write put there; a sheet not written
      // is as it was.
      const now = book.toGrid();
      for (const name of p.written.filter((n) => n !== META_SHEET))
        expect(now.sheets.find((s) => s.name === name)).toEqual(expected.sheets.find((s) => s.name === name));
      for (const name of p.notWritten.filter((n) => n !== META_SHEET))
        expect(now.sheets.find((s) => s.name === name)).toEqual(
          untouched.sheets.find((s) => s.name === name),
        );
      // The metadata never claims what was not written: it is either absent or the final one.
      // This is the first write: until it ends, no cell is claimed as the product's.
      const meta = analyzeWorkbook(now).meta;
      expect(meta.sheets).toEqual([]);
      // A metadata sheet written whole says a write is under way.
      if (p.written.includes(META_SHEET)) expect(meta.pending?.length).toBeGreaterThan(0);
      // Finish: a fresh read, a fresh plan, the same conflicts as before and the same workbook.
      const { plan: again } = await writeOnce(host);
      expect(again.conflicts).toEqual(first.plan.conflicts);
      expect(book.toGrid()).toEqual(expected);
    }
    expect(interrupted).toBeGreaterThan(2);
  });
});
