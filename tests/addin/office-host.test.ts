import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import type { WriteOp, WritePlan } from '../../src/core/plan';
import { FakeExcel, FakeWorkbook } from '../../src/fake-excel';
import { HostError, PlanNotApplicableError } from '../../src/host/errors';
import { charsToPoints, createOfficeHost, textForExcel } from '../../src/host/office';
import { expectedScore, rubricSheet, rubricWorkbook } from './fixtures';

function hostOver(
  wb: FakeWorkbook,
  opts: { apiVersion?: string; payloadLimit?: number; maxChunkBytes?: number } = {},
) {
  const excel = new FakeExcel(wb, {
    ...(opts.apiVersion ? { apiVersion: opts.apiVersion } : {}),
    ...(opts.payloadLimit ? { payloadLimit: opts.payloadLimit } : {}),
  });
  const host = createOfficeHost({
    excel,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => 'zh-CN',
    ...(opts.maxChunkBytes ? { maxChunkBytes: opts.maxChunkBytes } : {}),
  });
  return { excel, host };
}

const plan = (ops: WriteOp[]): WritePlan => ({ ops, owned: [], conflicts: [] });

describe('readWorkbook', () => {
  it('returns values, formulas, merges, hidden and protected as the workbook holds them', async () => {
    const grid = rubricWorkbook(3, 12);
    const wb = FakeWorkbook.fromGrid(grid);
    const { host } = hostOver(wb);
    const { workbook, mergesKnown } = await host.readWorkbook();
    expect(mergesKnown).toBe(true);
    expect(workbook).toEqual(wb.toGrid());
    expect(workbook.sheets.map((s) => [s.name, s.hidden, s.protected])).toEqual([
      ['彩屯 社区', false, false],
      ['Sheet2', true, false],
      ['Sheet3', false, true],
    ]);
    const first = workbook.sheets[0]!;
    const source = grid.sheets[0]!;
    expect(first.merges).toEqual(source.merges);
    expect(first.values[0]).toEqual(source.values[0]);
    for (let i = 0; i < 12; i++) {
      expect(first.values[i + 1]?.[1]).toBe(source.values[i + 1]?.[1]);
      expect(first.formulas?.[i + 1]?.[4]).toBe(source.formulas?.[i + 1]?.[4]);
      expect(first.values[i + 1]?.[4]).toBe(expectedScore(i));
      // Plain cells carry no formula, even though Office's `formulas` repeats their values.
      expect(first.formulas?.[i + 1]?.[2]).toBeNull();
    }
    const total = Array.from({ length: 12 }, (_, i) => expectedScore(i)).reduce((a, b) => a + b, 0);
    expect(first.values[13]?.[4]).toBeCloseTo(total, 10);
  });

  it('takes the same, small number of syncs for 1 sheet × 10 rows and 20 sheets × 2,000 rows', async () => {
    const small = await hostOver(FakeWorkbook.fromGrid(rubricWorkbook(1, 10))).host.readWorkbook();
    const bigWb = FakeWorkbook.fromGrid(rubricWorkbook(20, 2000));
    const big = await hostOver(bigWb).host.readWorkbook();
    console.info(
      `readWorkbook syncs: 1 sheet × 10 rows → ${small.syncs}; 20 sheets × 2000 rows → ${big.syncs}`,
    );
    expect(big.syncs).toBe(small.syncs);
    // Sheets, then cells with merges, validation and print area, then each column's hidden state.
    expect(small.syncs).toBe(3);
    expect(big.workbook.sheets).toHaveLength(20);
    expect(big.workbook.sheets[19]?.values).toHaveLength(2002);
  });

  it('reads a workbook too large for one response in row bands, with the same result', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(3, 300));
    const whole = await hostOver(wb).host.readWorkbook();
    const { host, excel } = hostOver(wb, { payloadLimit: 60_000, maxChunkBytes: 40_000 });
    const banded = await host.readWorkbook();
    console.info(
      `readWorkbook over a 60 kB response limit: ${banded.syncs} syncs (one batch: ${whole.syncs})`,
    );
    expect(banded.workbook).toEqual(whole.workbook);
    expect(banded.syncs).toBeGreaterThan(whole.syncs + 2);
    expect(banded.syncs).toBe(excel.syncs);
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
    const s = workbook.sheets[0]!;
    expect(s.values).toHaveLength(4);
    expect(s.values[2]).toEqual([null, null, '标题', 5]);
    expect(s.values[3]).toEqual([null, null, null, 10]);
    expect(s.formulas?.[3]?.[3]).toBe('=D3*2');
    expect(workbook.sheets[1]).toMatchObject({ name: '空', values: [], merges: [] });
  });

  it('falls back without merged areas on Excel older than ExcelApi 1.13', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(1, 10));
    const { host } = hostOver(wb, { apiVersion: '1.12' });
    const read = await host.readWorkbook();
    expect(read.mergesKnown).toBe(false);
    expect(read.workbook.sheets[0]?.merges).toEqual([]);
    expect(read.workbook.sheets[0]?.values[1]?.[0]).toBe('项目1');
  });

  it('wraps an Excel failure in HostError with the Office code', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(1, 10));
    const { host } = hostOver(wb, { payloadLimit: 10 });
    const err = await host.readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).officeCode).toBe('RequestPayloadSizeLimitExceeded');
    expect((err as HostError).code).toBe('officeError');
  });
});

describe('applyPlan', () => {
  it('writes formulas that the workbook evaluates, and values that stay what they were', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 6)] });
    const { host } = hostOver(wb);
    const ops: WriteOp[] = [];
    for (let r = 1; r <= 6; r++)
      ops.push({ op: 'formula', sheet: '表', cell: a1(r, 5), formula: `=${a1(r, 4)}*2` });
    ops.push({ op: 'value', sheet: '表', cell: 'G1', value: '001' });
    ops.push({ op: 'value', sheet: '表', cell: 'G2', value: '=不是公式' });
    ops.push({ op: 'value', sheet: '表', cell: 'G3', value: 2.5 });
    ops.push({ op: 'value', sheet: '表', cell: 'B2', value: null });
    const out = await host.applyPlan(plan(ops));
    expect(out.syncs).toBe(2);
    for (let r = 1; r <= 6; r++) {
      expect(wb.at('表', a1(r, 5))).toEqual({ value: expectedScore(r - 1) * 2, formula: `=${a1(r, 4)}*2` });
    }
    expect(wb.at('表', 'G1')).toEqual({ value: '001', formula: null });
    expect(wb.at('表', 'G2')).toEqual({ value: '=不是公式', formula: null });
    expect(wb.at('表', 'G3').value).toBe(2.5);
    expect(wb.at('表', 'B2').value).toBeNull();
  });

  it('replaces existing data validation (clear, then rule, prompt and error alert)', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 4)] });
    const { host } = hostOver(wb);
    const validation = (max: number): WriteOp => ({
      op: 'validation',
      sheet: '表',
      range: 'D2:D5',
      rule: { kind: 'decimal', min: 0, max },
      prompt: { title: '扣分', message: `0 到 ${max}` },
      error: { title: '超出范围', message: `扣分不能超过 ${max}` },
    });
    await host.applyPlan(plan([validation(5)]));
    await host.applyPlan(plan([validation(3)]));
    const v = wb.sheet('表')!.validations.get('D3');
    expect(v?.rule).toEqual({ decimal: { formula1: 0, formula2: 3, operator: 'Between' } });
    expect(v?.prompt).toMatchObject({ showPrompt: true, title: '扣分', message: '0 到 3' });
    expect(v?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: '超出范围' });
    expect(wb.sheet('表')!.validations.has('D6')).toBe(false);
  });

  it('refuses a plan touching a protected sheet before writing anything', async () => {
    const grid = rubricWorkbook(3, 5);
    const wb = FakeWorkbook.fromGrid(grid);
    const before = wb.toGrid();
    const { host, excel } = hostOver(wb);
    const ops: WriteOp[] = [
      { op: 'addSheet', sheet: 'RubricScorerData', hidden: 'veryHidden' },
      { op: 'formula', sheet: '彩屯 社区', cell: 'F2', formula: '=E2' },
      { op: 'value', sheet: 'Sheet3', cell: 'F2', value: 1 },
    ];
    const err = await host.applyPlan(plan(ops)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanNotApplicableError);
    expect(err).toMatchObject({ code: 'sheetProtected', sheet: 'Sheet3' });
    expect((err as PlanNotApplicableError).localized('en')).toContain('Sheet3');
    expect(wb.toGrid()).toEqual(before);
    expect(wb.sheetNames()).toEqual(['彩屯 社区', 'Sheet2', 'Sheet3']);
    expect(excel.syncLog).toHaveLength(1);
  });

  it('refuses a plan for a missing sheet or an existing added sheet', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(1, 3));
    const { host } = hostOver(wb);
    await expect(
      host.applyPlan(plan([{ op: 'value', sheet: '无', cell: 'A1', value: 1 }])),
    ).rejects.toMatchObject({
      code: 'sheetMissing',
    });
    await expect(host.applyPlan(plan([{ op: 'addSheet', sheet: '彩屯 社区' }]))).rejects.toMatchObject({
      code: 'sheetExists',
    });
  });

  it('adds a very hidden sheet and fills it in the same plan, and deletes sheets last', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(2, 3));
    const { host } = hostOver(wb);
    const out = await host.applyPlan(
      plan([
        { op: 'deleteSheet', sheet: 'Sheet2' },
        { op: 'addSheet', sheet: 'RubricScorerData', hidden: 'veryHidden' },
        { op: 'value', sheet: 'RubricScorerData', cell: 'A1', value: 'rubric-scorer-meta' },
        { op: 'value', sheet: 'RubricScorerData', cell: 'A2', value: '{"version":1}' },
      ]),
    );
    expect(out.syncs).toBe(2);
    expect(wb.sheetNames()).toEqual(['彩屯 社区', 'RubricScorerData']);
    expect(wb.sheet('RubricScorerData')?.visibility).toBe('VeryHidden');
    expect(wb.at('RubricScorerData', 'A2').value).toBe('{"version":1}');
  });

  it('regenerates a sheet in one plan: deletes it, adds it again and fills it', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(2, 3));
    const { host } = hostOver(wb);
    await host.applyPlan(
      plan([
        { op: 'addSheet', sheet: '汇总' },
        { op: 'value', sheet: '汇总', cell: 'A1', value: 'old' },
      ]),
    );
    await host.applyPlan(
      plan([
        { op: 'deleteSheet', sheet: '汇总' },
        { op: 'addSheet', sheet: '汇总' },
        { op: 'value', sheet: '汇总', cell: 'B2', value: 'new' },
      ]),
    );
    expect(wb.sheetNames().filter((n) => n === '汇总')).toHaveLength(1);
    expect(wb.at('汇总', 'A1').value).toBeNull();
    expect(wb.at('汇总', 'B2').value).toBe('new');
  });

  it('applies formats, merges, widths and notes, and reports notes skipped on older Excel', async () => {
    const ops: WriteOp[] = [
      { op: 'numberFormat', sheet: '表', range: 'C2:D3', format: '0.0' },
      { op: 'fill', sheet: '表', range: 'E2', color: '#FFF2CC' },
      { op: 'font', sheet: '表', range: 'A1:E1', bold: true },
      { op: 'merge', sheet: '表', range: 'F1:G1' },
      { op: 'columnWidth', sheet: '表', col: 'B', width: 30 },
      { op: 'note', sheet: '表', cell: 'E2', text: '扣完为止' },
    ];
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 3)] });
    const out = await hostOver(wb).host.applyPlan(plan(ops));
    const s = wb.sheet('表')!;
    expect(out.skipped).toEqual([]);
    expect([s.numberFormats.get('C2'), s.numberFormats.get('D3'), s.numberFormats.get('E2')]).toEqual([
      '0.0',
      '0.0',
      undefined,
    ]);
    expect(s.fills.get('E2')).toBe('#FFF2CC');
    expect(s.fonts.get('C1')).toEqual({ bold: true });
    expect(s.merges).toContainEqual({ top: 0, left: 5, bottom: 0, right: 6 });
    expect(s.columnWidths.get(1)).toBe(charsToPoints(30));
    expect(s.notes.get('E2')).toBe('扣完为止');

    const old = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 3)] });
    const outOld = await hostOver(old, { apiVersion: '1.12' }).host.applyPlan(plan(ops));
    expect(outOld.skipped).toEqual([{ feature: 'notes', op: 'note', count: 1 }]);
    expect(old.sheet('表')!.notes.size).toBe(0);
    expect(old.sheet('表')!.fills.get('E2')).toBe('#FFF2CC');
  });

  it('splits a large plan into chunks under the payload limit: syncs grow with payload, not rows or sheets', async () => {
    const limit = 300_000;
    const run = async (sheets: number, rows: number, textLength: number) => {
      const wb = FakeWorkbook.fromGrid(rubricWorkbook(sheets, 5));
      for (const n of wb.sheetNames()) wb.sheet(n)!.protected = false;
      const ops: WriteOp[] = [];
      for (const sheet of wb.sheetNames()) {
        for (let r = 0; r < rows; r++) {
          ops.push({ op: 'value', sheet, cell: a1(r + 10, 6), value: `说明${'字'.repeat(textLength)}${r}` });
          ops.push({ op: 'formula', sheet, cell: a1(r + 10, 7), formula: `=LEN(${a1(r + 10, 6)})` });
        }
      }
      const progress: [number, number][] = [];
      const { host, excel } = hostOver(wb, { payloadLimit: limit, maxChunkBytes: limit - 50_000 });
      const out = await host.applyPlan(plan(ops), (d, t) => progress.push([d, t]));
      expect(Math.max(...excel.syncLog.map((s) => s.bytes))).toBeLessThanOrEqual(limit);
      expect(progress.at(-1)).toEqual([ops.length, ops.length]);
      const last = wb.sheetNames().at(-1)!;
      expect(wb.at(last, a1(rows + 9, 7)).value).toBe(`说明${'字'.repeat(textLength)}${rows - 1}`.length);
      return out.syncs;
    };
    const fewLongRows = await run(1, 200, 2000);
    const manySmallRows = await run(20, 400, 2);
    const doubled = await run(1, 400, 2000);
    console.info(
      `applyPlan syncs: 1×200 long texts → ${fewLongRows}; 20×400 short → ${manySmallRows}; 1×400 long → ${doubled}`,
    );
    expect(fewLongRows).toBeGreaterThan(2);
    expect(manySmallRows).toBe(2);
    expect(doubled).toBeGreaterThan(fewLongRows);
  });

  it('a plan sent as one request would be refused by the same limit (the chunking is what saves it)', async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 3)] });
    const ops: WriteOp[] = Array.from({ length: 200 }, (_, r) => ({
      op: 'value' as const,
      sheet: '表',
      cell: a1(r, 8),
      value: '字'.repeat(2000),
    }));
    const { host } = hostOver(wb, { payloadLimit: 300_000, maxChunkBytes: 10_000_000 });
    await expect(host.applyPlan(plan(ops))).rejects.toMatchObject({
      officeCode: 'RequestPayloadSizeLimitExceeded',
    });
  });

  it('draws a bar chart with its title, category labels and anchor, and skips it on Excel before 1.7', async () => {
    const op: WriteOp = {
      op: 'chart',
      sheet: '表',
      type: 'bar',
      dataRange: 'E2:E6',
      labelsRange: 'B2:B6',
      title: '各项得分',
      range: 'H2:M16',
    };
    const wb = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 5)] });
    const out = await hostOver(wb).host.applyPlan(plan([op]));
    expect(out.skipped).toEqual([]);
    expect(wb.sheet('表')!.charts).toEqual([
      {
        type: 'BarClustered',
        dataRange: 'E2:E6',
        seriesBy: 'Columns',
        labelsRange: 'B2:B6',
        title: '各项得分',
        legendVisible: false,
        position: { start: 'H2', end: 'M16' },
      },
    ]);
    const old = FakeWorkbook.fromGrid({ sheets: [rubricSheet('表', 5)] });
    const outOld = await hostOver(old, { apiVersion: '1.6' }).host.applyPlan(plan([op]));
    expect(outOld.skipped).toEqual([{ feature: 'charts', op: 'chart', count: 1 }]);
    expect(old.sheet('表')!.charts).toEqual([]);
  });

  it('selects a cell on its sheet', async () => {
    const wb = FakeWorkbook.fromGrid(rubricWorkbook(2, 3));
    await hostOver(wb).host.selectCell('Sheet2', 'E3');
    expect(wb.activeSheet).toBe('Sheet2');
    expect(wb.selection).toEqual({ sheet: 'Sheet2', address: 'E3' });
  });
});

describe('helpers', () => {
  it('converts column widths in characters to points (8.43 characters is Excel default 48 pt)', () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0);
    expect(charsToPoints(20)).toBeGreaterThan(charsToPoints(10));
  });

  it('protects text Excel would reinterpret, and leaves other text alone', () => {
    expect(textForExcel('001')).toBe("'001");
    expect(textForExcel('=A1')).toBe("'=A1");
    expect(textForExcel('TRUE')).toBe("'TRUE");
    expect(textForExcel('扣分')).toBe('扣分');
    expect(textForExcel(3)).toBe(3);
    expect(textForExcel(null)).toBe('');
  });
});
