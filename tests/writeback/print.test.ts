/**
 * Printing the written sheet: planWrite carries the ops that make it print whole on A4 (print area
 * over the title, the table and its signature lines; header rows repeated; one page wide; landscape
 * when wide; the product's helper column hidden), and the Office adapter applies them to the fake Excel.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import type { WriteOp, WritePlan } from '../../src/core/plan';
import { planWrite, VETO_INLINE_MAX } from '../../src/core/writeback';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { createOfficeHost } from '../../src/host/office';
import { GridBuilder } from '../helpers/grid';
import { applyPlanToGrid } from '../helpers/hf';
import { CRITERIA, type FixtureCategory, RUBRIC, rubricSheet } from './fixtures';

function plan(wb: WorkbookGrid): WritePlan {
  const report = analyzeWorkbook(wb);
  return planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
}

const printOps = (p: WritePlan, sheet: string) =>
  p.ops.filter(
    (o): o is Extract<WriteOp, { op: 'printArea' | 'printTitles' | 'pageSetup' | 'hideColumns' }> =>
      (o.op === 'printArea' || o.op === 'printTitles' || o.op === 'pageSetup' || o.op === 'hideColumns') &&
      o.sheet === sheet,
  );

/** The sample layout with signature lines two rows below the 合计 row. */
function signedSheet(rubric: FixtureCategory[] = RUBRIC) {
  const f = rubricSheet({ name: '东风社区', rubric });
  const last = f.totalRow!;
  const values = f.sheet.values.map((r) => [...r]);
  values[last + 2] = ['考核人：', null, null, '被考核单位负责人：'];
  values[last + 3] = ['日期：    年  月  日'];
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { ...f, sheet: { ...f.sheet, values }, signatureRow: last + 3 };
}

async function applyInFake(wb: WorkbookGrid, p: WritePlan) {
  const fake = FakeWorkbook.fromGrid(wb);
  const excel = new FakeExcel(fake);
  const host = createOfficeHost({
    excel,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => 'zh-CN',
  });
  await host.applyPlan(p);
  return fake;
}

describe('print settings of the written sheet', () => {
  it('covers the title, the table with its added subtotal columns, and the signature lines', () => {
    const f = signedSheet();
    const wb = { sheets: [f.sheet] };
    const p = plan(wb);
    const ops = printOps(p, '东风社区');
    // 9 columns A–I, then one subtotal column per group level (two levels: J, K).
    expect(ops.find((o) => o.op === 'printArea')).toEqual({
      op: 'printArea',
      sheet: '东风社区',
      ranges: [`A1:K${f.signatureRow + 1}`],
    });
    expect(ops.find((o) => o.op === 'printTitles')).toEqual({
      op: 'printTitles',
      sheet: '东风社区',
      rows: '2:2',
    });
    expect(ops.find((o) => o.op === 'pageSetup')).toEqual({
      op: 'pageSetup',
      sheet: '东风社区',
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
    });
    expect(ops.some((o) => o.op === 'hideColumns' && o.hidden)).toBe(false);
  });

  it('stops at a blank gap: text far below the table is not printed with it', () => {
    const f = rubricSheet({ name: '表' });
    const values = f.sheet.values.map((r) => [...r]);
    values[f.totalRow! + 6] = ['附件：另一张表'];
    const p = plan({ sheets: [{ ...f.sheet, values }] });
    const area = printOps(p, '表').find((o) => o.op === 'printArea');
    expect(area).toMatchObject({ ranges: [`A1:K${f.totalRow! + 1}`] });
  });

  it('prints a narrow table portrait, and repeats both rows of a two-row header', () => {
    const b = new GridBuilder('窗口服务');
    b.set('A1', '政务服务窗口考核表');
    b.row('A2', ['考核内容', '分值', '评分标准', '考核评分', null]);
    b.row('A3', [null, null, null, '扣分', '得分']);
    b.merge('A2:A3', '考核内容').merge('B2:B3', '分值').merge('C2:C3', '评分标准').merge('D2:E2', '考核评分');
    b.row('A4', ['首问负责', 5, '未落实首问负责制的每次扣1分', null, null]);
    b.row('A5', ['一次告知', 5, '未一次性告知的每次扣1分', null, null]);
    b.row('A6', ['合计', 10, null, null, null]);
    const p = plan({ sheets: [b.build()] });
    const ops = printOps(p, '窗口服务');
    expect(ops.find((o) => o.op === 'printTitles')).toMatchObject({ rows: '2:3' });
    expect(ops.find((o) => o.op === 'printArea')).toMatchObject({ ranges: ['A1:E6'] });
    const setup = ops.find((o) => o.op === 'pageSetup');
    expect(setup).toMatchObject({ orientation: 'portrait', fitToWidth: true, paper: 'A4' });
  });

  it('keeps a print area the user set (grown to the added columns), and still sets titles and page', () => {
    const f = rubricSheet({ name: '表' });
    const sheet = { ...f.sheet, printArea: [{ top: 1, left: 0, bottom: f.totalRow!, right: 8 }] };
    const ops = printOps(plan({ sheets: [sheet] }), '表');
    expect(ops.filter((o) => o.op === 'printArea')).toEqual([
      { op: 'printArea', sheet: '表', ranges: [`A2:K${f.totalRow! + 1}`] },
    ]);
    expect(ops.map((o) => o.op)).toEqual(expect.arrayContaining(['printTitles', 'pageSetup']));
  });

  it('hides the veto helper column, keeps it out of the print area, and says nothing of it on the next write', () => {
    const vetoes = Array.from({ length: VETO_INLINE_MAX + 1 }, (_, i) => ({
      text: `安全事故${i + 1}`,
      points: 1,
      criteria: CRITERIA.veto,
    }));
    const rubric: FixtureCategory[] = [
      { label: '一、否决事项', sections: [{ label: '（一）安全', items: vetoes }] },
      ...RUBRIC,
    ];
    const f = rubricSheet({ name: '表', rubric });
    const wb = { sheets: [f.sheet] };
    const p = plan(wb);
    const helper = p.warnings?.find((w) => w.code === 'vetoHelper');
    expect(helper).toBeDefined();
    const col = (helper as { col: string }).col;
    const ops = printOps(p, '表');
    expect(ops).toContainEqual({ op: 'hideColumns', sheet: '表', cols: [col], hidden: true });
    // The helper is the column right of the subtotals (L): the print area ends at K.
    expect(col).toBe('L');
    expect(ops.find((o) => o.op === 'printArea')).toMatchObject({ ranges: [`A1:K${f.totalRow! + 1}`] });

    const written = applyPlanToGrid(wb, p).wb;
    const again = plan({
      sheets: written.sheets.map((s) => (s.name === '表' ? { ...s, hiddenCols: [11] } : s)),
    });
    expect(again.warnings?.some((w) => w.code === 'columnHidden')).toBeFalsy();
    expect(printOps(again, '表')).toEqual(ops);
  });

  it('is applied by the Office adapter: the fake Excel holds the area, title rows, A4 landscape, one page wide', async () => {
    const f = signedSheet();
    const wb = { sheets: [f.sheet] };
    const fake = await applyInFake(wb, plan(wb));
    const print = fake.sheet('东风社区')!.print;
    expect(print.area).toEqual([`A1:K${f.signatureRow + 1}`]);
    expect(print.titleRows).toBe('2:2');
    expect(print.paperSize).toBe('A4');
    expect(print.orientation).toBe('Landscape');
    expect(print.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });
});
