/**
 * The WPS adapter against the fake ET model: reads as the Office adapter reads, calls counted and
 * independent of the number of rows, compare-and-set, protected sheets refused before any write,
 * skipped features reported, selection followed; and the fake's own rules (1-based, Value2 shapes,
 * merged reads).
 */
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import type { SheetGrid } from '../../src/core/grid';
import type { WriteOp, WritePlan } from '../../src/core/plan';
import { FakeWorkbook } from '../../src/fake-excel';
import { FakeEt, FakeWpsError } from '../../src/fake-wps';
import { PlanNotApplicableError, PlanStaleError, WriteInterruptedError } from '../../src/host/errors';
import { bgr, createWpsHost } from '../../src/host/wps';
import { expectedScore, rubricSheet, rubricWorkbook } from '../addin/fixtures';

function hostOver(wb: FakeWorkbook, options: ConstructorParameters<typeof FakeEt>[1] = {}) {
  const et = new FakeEt(wb, options);
  const host = createWpsHost({ application: et, events: et.events, displayLanguage: () => 'zh-CN' });
  return { et, host };
}

const plan = (ops: WriteOp[]): WritePlan => ({ ops, owned: [], conflicts: [] });
const noMerges = (s: SheetGrid): SheetGrid => ({ ...s, merges: [] });

describe('WPS readWorkbook', () => {
  it('returns values, formulas, merges, hidden and protected as the workbook holds them', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(3, 12));
    const { host, et } = hostOver(wb);
    const read = await host.readWorkbook();
    expect(read.mergesKnown).toBe(true);
    expect(read.workbook).toEqual(wb.toGrid());
    expect(read.workbook.sheets.map((s) => [s.name, s.hidden, s.protected])).toEqual([
      ['彩屯 社区', false, false],
      ['Sheet2', true, false],
      ['Sheet3', false, true],
    ]);
    expect(read.workbook.sheets[0]!.values[1]![4]).toBe(expectedScore(0));
    // The adapter's own count and the fake's agree.
    expect(read.syncs).toBe(et.calls);
  });

  it('costs the same calls for 10 rows as for 2,000 rows, and a fixed number per sheet', async () => {
    const calls = async (sheets: number, rows: number) => {
      const grid = rubricWorkbook(sheets, rows);
      return (
        await hostOver(FakeWorkbook.fromGrid({ sheets: grid.sheets.map(noMerges) })).host.readWorkbook()
      ).syncs;
    };
    const small = await calls(1, 10);
    const big = await calls(1, 2000);
    const twenty = await calls(20, 2000);
    console.info(
      `WPS readWorkbook calls (no merges): 1 sheet × 10 rows → ${small}; 1 × 2000 → ${big}; 20 × 2000 → ${twenty}`,
    );
    expect(big).toBe(small);
    const perSheet = (twenty - small) / 19;
    expect(Number.isInteger(perSheet)).toBe(true);
    expect(small - perSheet).toBeLessThanOrEqual(3);
    expect(perSheet).toBeLessThanOrEqual(16);
  });

  it('finds merged areas with a few calls each, however long the sheet', async () => {
    const merged = (rows: number, merges: SheetGrid['merges']): FakeWorkbook =>
      FakeWorkbook.fromGrid({ sheets: [{ ...rubricSheet('表', rows), merges }] });
    const four = [
      { top: 1, left: 0, bottom: 5, right: 0 },
      { top: 6, left: 0, bottom: 9, right: 1 },
      { top: 0, left: 3, bottom: 0, right: 4 },
      { top: 10, left: 2, bottom: 10, right: 4 },
    ];
    const none = (await hostOver(merged(10, [])).host.readWorkbook()).syncs;
    const short = await hostOver(merged(10, four)).host.readWorkbook();
    const long = await hostOver(merged(2000, four)).host.readWorkbook();
    expect(short.workbook.sheets[0]!.merges).toEqual(four.sort((a, b) => a.top - b.top || a.left - b.left));
    expect(long.workbook.sheets[0]!.merges).toEqual(short.workbook.sheets[0]!.merges);
    console.info(
      `WPS merges: 4 areas on 10 rows → ${short.syncs - none} extra calls; on 2000 rows → ${long.syncs - none}`,
    );
    // Halving 200 times as many rows adds about log2(200) ≈ 8 levels, two looks of 2 calls each,
    // per area: the cost follows the merged areas, not the rows.
    expect(long.syncs - none).toBeLessThanOrEqual(short.syncs - none + 4 * 8 * 2 * 2);
    // The rubric fixture's merges (one per 5 rows) are all found.
    const grid = rubricWorkbook(1, 200);
    const read = await hostOver(FakeWorkbook.fromGrid(grid)).host.readWorkbook();
    expect(read.workbook.sheets[0]!.merges).toEqual(grid.sheets[0]!.merges);
  });

  it('places a used range that does not start at A1, and reads an empty sheet as empty', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('偏移');
    wb.addSheet('空');
    wb.setContents('偏移', 2, 2, [
      ['标题', 5],
      [null, '=D3*2'],
    ]);
    const { workbook } = await hostOver(wb).host.readWorkbook();
    expect(workbook.sheets[0]!.values[2]).toEqual([null, null, '标题', 5]);
    expect(workbook.sheets[0]!.values[3]).toEqual([null, null, null, 10]);
    expect(workbook.sheets[0]!.formulas?.[3]?.[3]).toBe('=D3*2');
    expect(workbook.sheets[1]).toMatchObject({ name: '空', values: [], merges: [] });
  });

  it('reads a cell error as its text, as the Office adapter does', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('错');
    wb.setContents('错', 0, 0, [[1, '=A1/0']]);
    const { workbook } = await hostOver(wb).host.readWorkbook();
    expect(workbook.sheets[0]!.values[0]).toEqual([1, '#DIV/0!']);
  });
});

describe('WPS applyPlan', () => {
  it('writes formulas through Range.Formula in blocks; the workbook computes them; text stays text', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 6)] });
    const { host, et } = hostOver(wb);
    const ops: WriteOp[] = [];
    for (let r = 1; r <= 6; r++)
      ops.push({ op: 'formula', sheet: '表', cell: a1(r, 5), formula: `=${a1(r, 4)}*2` });
    ops.push({ op: 'value', sheet: '表', cell: 'H1', value: '001' });
    ops.push({ op: 'value', sheet: '表', cell: 'H2', value: '=不是公式' });
    ops.push({ op: 'value', sheet: '表', cell: 'H3', value: 2.5 });
    const progress: number[] = [];
    const out = await host.applyPlan(plan(ops), (done) => progress.push(done));
    for (let r = 1; r <= 6; r++)
      expect(wb.at('表', a1(r, 5))).toEqual({ value: expectedScore(r - 1) * 2, formula: `=${a1(r, 4)}*2` });
    expect(wb.at('表', 'H1')).toEqual({ value: '001', formula: null });
    expect(wb.at('表', 'H2')).toEqual({ value: '=不是公式', formula: null });
    expect(wb.at('表', 'H3').value).toBe(2.5);
    // Two blocks, H1:H3 and F2:F7.
    expect(progress).toEqual([3, 9]);
    expect(out.syncs).toBe(et.calls);
  });

  it('write calls do not grow with the rows written', async () => {
    const cost = async (rows: number) => {
      const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', rows)] });
      const ops: WriteOp[] = [];
      for (let r = 1; r <= rows; r++)
        ops.push({ op: 'formula', sheet: '表', cell: a1(r, 5), formula: `=${a1(r, 4)}+1` });
      return (await hostOver(wb).host.applyPlan(plan(ops))).syncs;
    };
    const ten = await cost(10);
    const many = await cost(2000);
    console.info(`WPS applyPlan calls: 10 formulas → ${ten}; 2000 formulas → ${many}`);
    expect(many).toBe(ten);
  });

  it('compare-and-set: a cell changed since the plan fails the whole write, nothing written', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 6)] });
    const { host } = hostOver(wb);
    const ops: WriteOp[] = [
      { op: 'value', sheet: '表', cell: 'D2', value: 1, expected: { kind: 'value', value: 0.5 } },
      { op: 'value', sheet: '表', cell: 'D3', value: 1, expected: { kind: 'value', value: 0 } },
    ];
    wb.setContents('表', 2, 3, [[9]]);
    const err = await host.applyPlan(plan(ops)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanStaleError);
    expect((err as PlanStaleError).cells).toEqual([
      { sheet: '表', cell: 'D3', expected: { kind: 'value', value: 0 }, found: 9 },
    ]);
    expect(wb.at('表', 'D2').value).toBe(0.5);
    // With what is there now, it writes.
    ops[1] = { op: 'value', sheet: '表', cell: 'D3', value: 1, expected: { kind: 'value', value: 9 } };
    await host.applyPlan(plan(ops));
    expect([wb.at('表', 'D2').value, wb.at('表', 'D3').value]).toEqual([1, 1]);
  });

  it('refuses a protected sheet before writing anything, on any sheet', async () => {
    const wb = FakeWorkbook.fromGrid({
      sheets: [rubricSheet('一', 3), rubricSheet('二', 3, { protected: true })],
    });
    const { host } = hostOver(wb);
    const err = await host
      .applyPlan(
        plan([
          { op: 'value', sheet: '一', cell: 'D2', value: 3 },
          { op: 'value', sheet: '二', cell: 'D2', value: 3 },
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanNotApplicableError);
    expect((err as PlanNotApplicableError).code).toBe('sheetProtected');
    expect(wb.at('一', 'D2').value).toBe(0.5);
    // The fake itself refuses too, so a missing check would not go unnoticed.
    const et = new FakeEt(wb);
    expect(() => {
      et.ActiveWorkbook.Worksheets.Item('二').Range('D2').Formula = 1;
    }).toThrow(FakeWpsError);
  });

  it('a failure in the middle says which sheets were written', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('一', 3), rubricSheet('二', 3)] });
    const { host } = hostOver(wb, { failFormulaWrite: 2 });
    const err = await host
      .applyPlan(
        plan([
          { op: 'value', sheet: '一', cell: 'D2', value: 3 },
          { op: 'value', sheet: '二', cell: 'D2', value: 3 },
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteInterruptedError);
    expect((err as WriteInterruptedError).progress).toEqual({
      written: ['一'],
      partly: ['二'],
      notWritten: [],
    });
  });

  it('adds, hides and deletes sheets; formats; skips what WPS is not asked to do, and says so', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 3)] });
    const { host } = hostOver(wb);
    const out = await host.applyPlan(
      plan([
        { op: 'addSheet', sheet: '汇总', hidden: 'veryHidden' },
        { op: 'value', sheet: '汇总', cell: 'A1', value: '单位' },
        { op: 'formula', sheet: '汇总', cell: 'B1', formula: "=SUM('表'!E2:E4)" },
        { op: 'fill', sheet: '表', range: 'A1:E1', color: '#FFF2CC' },
        { op: 'font', sheet: '表', range: 'A1', bold: true },
        { op: 'columnWidth', sheet: '表', col: 'B', width: 30 },
        { op: 'hideColumns', sheet: '表', cols: ['C'], hidden: true },
        { op: 'merge', sheet: '表', range: 'B2:B3' },
        { op: 'note', sheet: '表', cell: 'A1', text: '说明' },
        {
          op: 'validation',
          sheet: '表',
          range: 'D2:D4',
          rule: { kind: 'decimal', min: 0, max: 5 },
          prompt: null,
          error: null,
        },
        {
          op: 'chart',
          sheet: '汇总',
          type: 'bar',
          dataRange: 'B1:B1',
          labelsRange: 'A1:A1',
          title: 't',
          range: 'D1:H10',
        },
        { op: 'printArea', sheet: '表', ranges: ['A1:E5'] },
      ]),
    );
    const s = wb.sheet('汇总')!;
    expect(s.visibility).toBe('VeryHidden');
    expect(wb.at('汇总', 'B1').value).toBe(expectedScore(0) + expectedScore(1) + expectedScore(2));
    const t = wb.sheet('表')!;
    expect(t.fills.get('C1')).toBe('#FFF2CC');
    expect(t.fonts.get('A1')?.bold).toBe(true);
    expect(t.columnWidths.get(1)).toBe(30);
    expect([...t.hiddenCols]).toEqual([2]);
    expect(t.merges).toContainEqual({ top: 1, left: 1, bottom: 2, right: 1 });
    expect(out.skipped.map((k) => [k.feature, k.op, k.count])).toEqual([
      ['notes', 'note', 1],
      ['dataValidation', 'validation', 1],
      ['charts', 'chart', 1],
      ['pageLayout', 'printArea', 1],
    ]);
    expect(host.supports('charts')).toBe(false);
    await host.applyPlan(plan([{ op: 'deleteSheet', sheet: '汇总' }]));
    expect(wb.sheetNames()).toEqual(['表']);
    expect(bgr('#0000FF')).toBe(0xff0000);
  });
});

describe('WPS selection', () => {
  it('selectCell activates and selects; SheetSelectionChange gives the top-left cell', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(2, 5));
    const { host, et } = hostOver(wb);
    await host.selectCell('Sheet2', 'D4');
    expect(wb.selection).toEqual({ sheet: 'Sheet2', address: 'D4' });
    expect(wb.activeSheet).toBe('Sheet2');
    const seen: unknown[] = [];
    const stop = host.onSelectionChange!((s) => seen.push(s));
    et.events.select('彩屯 社区', 'E3:F5');
    stop();
    et.events.select('彩屯 社区', 'A1');
    expect(seen).toEqual([{ sheet: '彩屯 社区', cell: 'E3' }]);
    expect(et.events.count).toBe(0);
  });
});

describe('the fake ET model enforces what WPS does', () => {
  const et = () => new FakeEt(FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 10)] }));
  it('1-based sheet indexes', () => {
    const e = et();
    expect(e.ActiveWorkbook.Worksheets.Item(1).Name).toBe('表');
    expect(() => e.ActiveWorkbook.Worksheets.Item(0)).toThrow(FakeWpsError);
    expect(() => e.ActiveWorkbook.Worksheets.Item(2)).toThrow(FakeWpsError);
  });
  it('Value2 of one cell is a scalar, of a range a 2-D array; written arrays must fit the range', () => {
    const ws = et().ActiveWorkbook.Worksheets.Item(1);
    expect(ws.Range('C2').Value2).toBe(2);
    expect(ws.Range('C2:D3').Value2).toEqual([
      [2, 0.5],
      [3, 0],
    ]);
    expect(() => {
      ws.Range('C2:D3').Formula = [[1, 2]];
    }).toThrow(FakeWpsError);
  });
  it('a cell inside a merged area reads the top-left value; within a range it is empty', () => {
    const ws = et().ActiveWorkbook.Worksheets.Item(1);
    expect(ws.Range('A4').Value2).toBe('项目1');
    expect(ws.Range('A2:A4').Value2).toEqual([['项目1'], [undefined], [undefined]]);
    expect(ws.Range('A1:A6').MergeCells).toBeNull();
    expect(ws.Range('A2:A6').MergeCells).toBe(true);
    expect(ws.Range('B2:B6').MergeCells).toBe(false);
  });
  it('deleting a sheet while alerts are on would wait for the user', () => {
    const e = et();
    expect(() => e.ActiveWorkbook.Worksheets.Item(1).Delete()).toThrow(FakeWpsError);
  });
});
