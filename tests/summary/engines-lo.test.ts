/**
 * The grade formula (gradeExpr) and the assessors' combination formulas (combineExpr) recalculated in
 * LibreOffice Calc from a workbook holding formulas only (no cached results), cell by cell against the
 * core: totals on, just below and just above every band edge (ROUND to 0.01 deciding), ties, a veto and
 * withheld rows; mean, trimmed and weighted means with absent members. One soffice run for all.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ref } from '../../src/core/formula/ast';
import { unparse } from '../../src/core/formula/unparse';
import { type CombineMode, combineExpr, combineScores } from '../../src/core/summary/assessors';
import { type GradeBand, gradeByThreshold, gradeExpr, lowestGrade } from '../../src/core/summary/grades';
import { recalcWithLibreOffice, sofficeMissing } from '../helpers/libreoffice';

const WITHHELD = '暂缓';

/** 优秀 ≥90, 良好 ≥80, 合格 ≥60, the rest 不合格. */
const FOUR: GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
  { grade: '不合格', min: null },
];
/** 优秀 above 85 only, 达标 from 59.5; below that no band (''). */
const STRICT: GradeBand[] = [
  { grade: '优秀', min: 85, strict: true },
  { grade: '达标', min: 59.5 },
];
const SCHEMES = [FOUR, STRICT];

/** Each edge, and totals either side of it as typed (ROUND to 0.01 decides: 89.995 is 90). */
function aroundEdges(): number[] {
  const edges = [...new Set(SCHEMES.flatMap((s) => s.flatMap((b) => (b.min === null ? [] : [b.min]))))];
  const out: number[] = [100, 0, 0.004, -0.5];
  for (const m of edges)
    for (const d of [-1, -0.01, -0.006, -0.005, -0.0049, 0, 0.004, 0.005, 0.01, 0.5])
      out.push(Math.round((m + d) * 10_000) / 10_000);
  return out;
}

interface GradeRow {
  total: number;
  veto: string | null;
  hold: number | null;
}

const GRADE_ROWS: GradeRow[] = [
  ...aroundEdges().map((total) => ({ total, veto: null, hold: null })),
  // Ties: the same total three times, on an edge and between edges.
  ...[90, 90, 90, 84.5, 84.5, 84.5].map((total) => ({ total, veto: null, hold: null })),
  { total: 95, veto: '否决', hold: null },
  { total: 40, veto: '否决', hold: null },
  { total: 95, veto: null, hold: 1 },
  { total: 95, veto: '否决', hold: 2 },
  { total: 61, veto: null, hold: 0 },
];

function coreGrade(r: GradeRow, bands: readonly GradeBand[]): string {
  if (r.hold !== null && r.hold > 0) return WITHHELD;
  const lowest = lowestGrade(bands);
  if (r.veto !== null && lowest !== null) return lowest;
  return gradeByThreshold(r.total, bands);
}

/** Five assessors' scores a row; null is a member who gave none. */
const SCORE_ROWS: (number | null)[][] = [
  [8, 9.5, null, 6, 7],
  [8, null, 5, null, null],
  [null, null, null, null, null],
  [null, null, 7.25, null, null],
  [10, 10, 10, 9, 3.33],
  [9, 9, 9, 5, 5],
  [80.01, 80.02, null, null, null],
  [80.01, 80.02, 80.02, null, 80.01],
  [88.88, 91.11, 79.99, 90, 89.995],
  [0, 0, null, 0, null],
  [1, 2, 2, null, 0],
  [33.33, 33.33, 33.34, null, null],
];
const WEIGHTS = [2, 1, 1, 1, 0.5];
const MODES: CombineMode[] = ['mean', 'trimmed', 'weighted'];

async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const g = wb.addWorksheet('G');
  GRADE_ROWS.forEach((r, i) => {
    g.getCell(i + 1, 1).value = r.total;
    if (r.veto !== null) g.getCell(i + 1, 2).value = r.veto;
    if (r.hold !== null) g.getCell(i + 1, 3).value = r.hold;
    SCHEMES.forEach((bands, s) => {
      const e = gradeExpr({ row: i, total: 0, veto: 1, hold: 2 }, bands, WITHHELD);
      g.getCell(i + 1, 4 + s).value = { formula: unparse(e).slice(1) };
    });
  });
  const c = wb.addWorksheet('C');
  SCORE_ROWS.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== null) c.getCell(i + 1, j + 1).value = v;
    });
    MODES.forEach((mode, m) => {
      const e = combineExpr(
        row.map((_, j) => ref(i, j)),
        mode,
        WEIGHTS,
      );
      c.getCell(i + 1, 6 + m).value = { formula: unparse(e).slice(1) };
    });
  });
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const missing = sofficeMissing();

describe.skipIf(missing !== null)(
  `grade and combination formulas in LibreOffice Calc${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('every cell as the core computes it', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'engines-lo-')), 'engines.xlsx');
      await writeWorkbook(file);
      const out = recalcWithLibreOffice([file], { [file]: ['G', 'C'] })[file]!;
      const g = out.G!;
      const c = out.C!;

      const gotGrades = GRADE_ROWS.map((r, i) => [r.total, ...SCHEMES.map((_, s) => g[i]?.[3 + s] ?? null)]);
      const wantGrades = GRADE_ROWS.map((r) => [r.total, ...SCHEMES.map((b) => coreGrade(r, b))]);
      expect(gotGrades).toEqual(wantGrades);
      // The edges really are crossed: every grade of both schemes, and '' below 达标, occurs.
      const seen = new Set(wantGrades.flatMap((r) => r.slice(1)));
      for (const b of SCHEMES.flat()) expect(seen).toContain(b.grade);
      expect(seen).toContain('');

      const gotCombined = SCORE_ROWS.map((_, i) =>
        MODES.map((_, m) => {
          const t = c[i]?.[5 + m] ?? '';
          return t === '' ? null : Number(t);
        }),
      );
      const wantCombined = SCORE_ROWS.map((r) => MODES.map((mode) => combineScores(r, mode, WEIGHTS).value));
      expect(gotCombined).toEqual(wantCombined);
    }, 240_000);
  },
);
