/**
 * Bounded formulas: with 100 veto items on a sheet, every formula the plan writes stays within
 * Excel's 8,192 characters and 64 nesting levels, and the total still follows any one veto.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/adapters/xlsx/write';
import { a1 } from '../../src/core/a1';
import type { SheetGrid } from '../../src/core/grid';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid, buildEngine, hfValue, typeInto } from '../helpers/hf';
import { recalcWithLibreOffice, sofficeMissing } from '../helpers/libreoffice';
import { CRITERIA, type FixtureCategory, RUBRIC, rubricSheet } from './fixtures';

/** Deepest parenthesis nesting of a formula, outside string literals. */
function depth(formula: string): number {
  let d = 0;
  let max = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '(') max = Math.max(max, ++d);
    else if (!inString && ch === ')') d--;
  }
  return max;
}

/** The sheet as an .xlsx with the plan applied and no cached results, so figures come from the engine. */
async function filled(sheet: SheetGrid, plan: ReturnType<typeof planWrite>, file: string): Promise<void> {
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

describe('100 veto items', () => {
  const vetoes = Array.from({ length: 100 }, (_, i) => ({
    text: `否决事项${i + 1}`,
    points: 1,
    criteria: CRITERIA.veto,
  }));
  const rubric: FixtureCategory[] = [
    { label: '一、否决事项', sections: [{ label: '（一）安全', items: vetoes }] },
    ...RUBRIC,
  ];
  const f = rubricSheet({ name: '表', rubric });
  const wb = { sheets: [f.sheet] };
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });

  it('writes every formula within 8,192 characters and 64 nesting levels', () => {
    const formulas = plan.ops.flatMap((o) => (o.op === 'formula' ? [o.formula] : []));
    expect(formulas.length).toBeGreaterThan(100);
    for (const x of formulas) {
      expect(x.length).toBeLessThanOrEqual(8192);
      expect(depth(x)).toBeLessThanOrEqual(64);
    }
    // The vetoes are read as vetoes of the whole assessment, so the total has 100 tests to make.
    expect(plan.warnings?.some((w) => w.code === 'vetoHelper')).toBe(true);
  });

  it('the total is the sum with no veto, and 0 once any one of the 100 is marked 否决', () => {
    const written = applyPlanToGrid(wb, plan).wb;
    const total = a1(f.totalRow!, f.cols.score!);
    const hf = buildEngine(written);
    const clean = hfValue(hf, '表', total);
    expect(typeof clean).toBe('number');
    expect(clean).toBeGreaterThan(0);
    for (const i of [0, 57, 99]) {
      const marked = structuredClone(written);
      typeInto(marked, '表', a1(f.itemRows[i]!, f.cols.reason), '发生事故，一票否决');
      expect(hfValue(buildEngine(marked), '表', total), `veto item ${i + 1}`).toBe(0);
    }
  });

  it.skipIf(missing !== null)(
    `LibreOffice computes the same total, and 0 for any one veto marked${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'veto-many-'));
      const total = a1(f.totalRow!, f.cols.score!);
      const expected = analyzeWorkbook(wb).sheets[0]!.analysis!.score.total;
      expect(expected).toBeGreaterThan(0);
      const cases: { file: string; total: number }[] = [];
      for (const marked of [null, 0, 57, 99]) {
        const sheet = structuredClone(f.sheet);
        if (marked !== null)
          typeInto({ sheets: [sheet] }, '表', a1(f.itemRows[marked]!, f.cols.reason), '发生事故，一票否决');
        const file = join(dir, `veto-${marked ?? 'none'}.xlsx`);
        await filled(sheet, plan, file);
        cases.push({ file, total: marked === null ? expected : 0 });
      }
      const csv = recalcWithLibreOffice(
        cases.map((c) => c.file),
        Object.fromEntries(cases.map((c) => [c.file, ['表']])),
      );
      for (const c of cases) {
        const rows = csv[c.file]?.表;
        expect(rows, c.file).toBeDefined();
        expect(Number(rows![f.totalRow!]?.[f.cols.score!]), `${c.file} ${total}`).toBeCloseTo(c.total, 2);
      }
    },
    240_000,
  );
});
