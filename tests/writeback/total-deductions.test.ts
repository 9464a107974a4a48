/**
 * Deductions from the sheet's total (在总分中扣除10分, a 扣分项 / 负面清单 / 追加扣除 section of rows
 * with no points of their own): read, scored and written so that the whole deduction comes off the
 * total, not capped by the item's points; the written 合计 as HyperFormula and LibreOffice compute it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/adapters/xlsx/write';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { parseRule } from '../../src/core/rules/parse';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, buildEngine, hfValue, typeInto } from '../helpers/hf';
import { recalcWithLibreOffice, sofficeMissing } from '../helpers/libreoffice';

const NAME = '考核表';
/** Row 7 (0-based 6) is 合计; 得分 is column F. */
const TOTAL = 'F7';

/** 100 points in two categories, then a 扣分项 section whose rows state no points. */
function rubric(d: {
  hazards: CellValue;
  reports: CellValue;
  accidents: CellValue;
  notices: CellValue;
}): WorkbookGrid {
  const sheet: SheetGrid = {
    name: NAME,
    merges: [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 4, left: 0, bottom: 5, right: 0 },
    ],
    values: [
      ['考核项目', '考核内容', '分值', '评分标准', '扣分', '得分'],
      ['一、安全生产', '隐患排查', 30, '发现一处隐患扣2分', d.hazards, null],
      [null, '台账管理', 20, '缺一项扣1分，扣完为止', null, null],
      ['二、日常工作', '信息报送', 50, '迟报一次扣1分', d.reports, null],
      ['三、扣分项', '发生较大事故', null, '发生较大事故的，每起在总分中扣除10分', d.accidents, null],
      [null, '被通报批评', null, '被市级通报批评的，扣2分', d.notices, null],
      ['合计', null, 100, null, null, null],
    ],
  };
  return { sheets: [sheet] };
}

const TYPED = { hazards: 4, reports: 3, accidents: 20, notices: 2 };

describe('reading a deduction from the total', () => {
  it('takes 在总分中 / 从总分中 / 总分 as where the points come from, keeping the condition before it', () => {
    const r = parseRule('发生较大事故的，在总分中扣除10分');
    expect(r.fromTotal).toBe(true);
    expect(r.terms).toEqual([expect.objectContaining({ kind: 'flag', amount: 10, what: '发生较大事故' })]);
    expect(r.unread).toEqual([]);
    const each = parseRule('发生一般事故的，每起从总分中扣5分');
    expect(each.fromTotal).toBe(true);
    expect(each.terms).toEqual([
      expect.objectContaining({ kind: 'perUnit', amount: 5, unit: '起', what: '发生一般事故' }),
    ]);
    const named = parseRule('被市级通报批评的，在考核总分中扣2分');
    expect(named).toMatchObject({ fromTotal: true, unread: [] });
    expect(named.terms[0]).toMatchObject({ kind: 'flag', amount: 2, what: '被市级通报批评' });
    expect(parseRule('出现违纪问题的，每次扣2分').fromTotal).toBeUndefined();
    expect(parseRule('总分达到90分的，不扣分').fromTotal).toBeUndefined();
  });

  it('marks the rows of a 扣分项 section without points, and not those of a 奖扣分项目 section', () => {
    const a = analyzeWorkbook(rubric(TYPED)).sheets[0]!.analysis!;
    const fromTotal = a.table.items.map((i) => [i.text, a.rules[i.id]!.fromTotal === true]);
    expect(fromTotal).toEqual([
      ['隐患排查', false],
      ['台账管理', false],
      ['信息报送', false],
      ['发生较大事故', true],
      ['被通报批评', true],
    ]);
    const said = rubric(TYPED);
    said.sheets[0]!.values[4]![0] = '三、其他（在总分中扣除）';
    said.sheets[0]!.values[4]![3] = '发生较大事故的，每起扣10分';
    const t = analyzeWorkbook(said).sheets[0]!.analysis!;
    expect(t.table.items.slice(3).map((i) => t.rules[i.id]!.fromTotal === true)).toEqual([true, true]);
    expect(t.score.total).toBe(71);
    const mixed = rubric(TYPED);
    mixed.sheets[0]!.values[4]![0] = '三、奖扣分项目';
    mixed.sheets[0]!.values[4]![3] = '发生较大事故的，扣10分';
    const m = analyzeWorkbook(mixed).sheets[0]!.analysis!;
    expect(m.table.items.slice(3).map((i) => m.rules[i.id]!.fromTotal === true)).toEqual([false, false]);
  });
});

describe('scoring a deduction from the total', () => {
  it('takes the whole deduction off the total, beyond the row’s own points, with nothing to report', () => {
    const s = analyzeWorkbook(rubric(TYPED)).sheets[0]!;
    const { score } = s.analysis!;
    expect(score.items.map((i) => [i.deduction, i.score])).toEqual([
      [4, 26],
      [0, 20],
      [3, 47],
      [20, -20],
      [2, -2],
    ]);
    expect(score.groups.map((g) => g.score)).toEqual([46, 47, -22]);
    expect(score.max).toBe(100);
    expect(score.total).toBe(71);
    expect(s.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('lets the assessor type the whole deduction: a row with points of its own is bounded by its rule, not them', () => {
    const wb = rubric({ hazards: null, reports: null, accidents: null, notices: null });
    // The 扣分项 rows state points of their own (5 and 2); their rules take from the total.
    wb.sheets[0]!.values[4]![2] = 5;
    wb.sheets[0]!.values[4]![3] = '发生较大事故的，每起在总分中扣除10分';
    wb.sheets[0]!.values[5]![2] = 2;
    wb.sheets[0]!.values[5]![3] = '被通报批评的，在总分中扣除3分，最多扣6分';
    const report = analyzeWorkbook(wb);
    const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    const limit = (cell: string) => {
      const op = plan.ops.find((o) => o.op === 'validation' && o.range === cell);
      return op?.op === 'validation' && op.rule.kind === 'decimal' ? op.rule.max : 'none';
    };
    expect(limit('E5')).toBeNull();
    expect(limit('E6')).toBe(6);
    // An ordinary item keeps its points as the bound.
    expect(limit('E2')).toBe(30);
  });

  it('still honours a cap the rule states', () => {
    const wb = rubric(TYPED);
    wb.sheets[0]!.values[4]![3] = '发生较大事故的，每起在总分中扣除10分，最多扣15分';
    const s = analyzeWorkbook(wb).sheets[0]!;
    expect(s.analysis!.score.items[3]).toMatchObject({ deduction: 15, score: -15 });
    expect(s.analysis!.score.total).toBe(76);
    expect(s.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['deductionAboveCap@E5']);
  });
});

/** The workbook after the write-back, recalculated by HyperFormula. */
function written(wb: WorkbookGrid, entryColumns = false): WorkbookGrid {
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh' });
  expect(plan.conflicts).toEqual([]);
  return applyPlanToGrid(wb, plan).wb;
}

describe('the written 合计 (HyperFormula)', () => {
  it('subtracts the deductions typed in the 扣分项 rows, and follows them when they change', () => {
    const wb = written(rubric(TYPED));
    const hf = buildEngine(wb);
    expect(hfValue(hf, NAME, 'F5')).toBe(-20);
    expect(hfValue(hf, NAME, 'F6')).toBe(-2);
    expect(hfValue(hf, NAME, TOTAL)).toBe(71);
    for (const [accidents, total] of [
      [0, 91],
      [30, 61],
      [100, -9],
    ] as const) {
      const changed = structuredClone(wb);
      typeInto(changed, NAME, 'E5', accidents);
      expect(hfValue(buildEngine(changed), NAME, TOTAL), `${accidents}`).toBe(total);
      typeInto(changed, NAME, 'F7', null);
      expect(analyzeWorkbook(changed).sheets[0]!.analysis!.score.total).toBe(total);
    }
  });

  it('subtracts the deductions computed from entry columns, as the core scores them', () => {
    const wb = written(rubric({ hazards: null, reports: null, accidents: null, notices: null }), true);
    const sheet = wb.sheets[0]!;
    const entry = sheet.values[0]!.indexOf('录入1');
    expect(entry).toBeGreaterThan(5);
    const col = String.fromCharCode(65 + entry);
    typeInto(wb, NAME, `${col}2`, 2);
    typeInto(wb, NAME, `${col}5`, 3);
    typeInto(wb, NAME, `${col}6`, '是');
    const core = analyzeWorkbook(wb).sheets[0]!.analysis!.score;
    expect(core.items.map((i) => i.score)).toEqual([26, 20, 50, -30, -2]);
    expect(core.total).toBe(64);
    const hf = buildEngine(wb);
    expect(hfValue(hf, NAME, 'E5')).toBe(30);
    expect(hfValue(hf, NAME, 'F5')).toBe(-30);
    expect(hfValue(hf, NAME, TOTAL)).toBe(64);
  });
});

/** The sheet as an .xlsx with the plan applied and no cached results, so figures come from the engine. */
async function filled(wb: WorkbookGrid, file: string): Promise<void> {
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
  const sheet = wb.sheets[0]!;
  const x = new ExcelJS.Workbook();
  const ws = x.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  applyPlan(x, {
    ...plan,
    ops: plan.ops.map((o) =>
      o.op === 'formula' ? { op: o.op, sheet: o.sheet, cell: o.cell, formula: o.formula } : o,
    ),
  });
  writeFileSync(file, new Uint8Array(await x.xlsx.writeBuffer()));
}

const missing = sofficeMissing();

describe('the written 合计 (LibreOffice)', () => {
  it.skipIf(missing !== null)(
    `computes the totals the core computes${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'total-deductions-'));
      const cases = [TYPED, { ...TYPED, accidents: 0 }, { ...TYPED, accidents: 100, notices: 4 }].map(
        (d, n) => {
          const wb = rubric(d);
          return {
            wb,
            file: join(dir, `case-${n}.xlsx`),
            total: analyzeWorkbook(wb).sheets[0]!.analysis!.score.total,
          };
        },
      );
      expect(cases.map((c) => c.total)).toEqual([71, 91, -11]);
      for (const c of cases) await filled(c.wb, c.file);
      const csv = recalcWithLibreOffice(
        cases.map((c) => c.file),
        Object.fromEntries(cases.map((c) => [c.file, [NAME]])),
      );
      for (const c of cases) {
        const rows = csv[c.file]?.[NAME];
        expect(rows, c.file).toBeDefined();
        expect(Number(rows![6]?.[5]), c.file).toBeCloseTo(c.total, 2);
        expect(Number(rows![4]?.[5]), c.file).toBeCloseTo(-Number(c.wb.sheets[0]!.values[4]![4]), 2);
      }
    },
    240_000,
  );
});
