/**
 * `rubric-scorer summary` over one unit's workbooks from several assessors (新华社区-组长.xlsx,
 * 新华社区-组员.xlsx): one row per unit, its total combined as --assessors says, ranked and graded on
 * that total; an identical copy of one assessor's workbook is still left out as a copy.
 */
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { captureIo as capture, RUBRIC, shownValue as shown, writeUnitWorkbook } from './units';

const MAX = RUBRIC.reduce((a, r) => a + r[3], 0);

/** File stem → deductions per item (the veto item untouched). */
const FILES: Record<string, number[]> = {
  '东风社区-张三': [0, 1, 0, 0, 0, 0, 0],
  '东风社区-李四': [1, 1, 0.5, 0.5, 0, 0, 0],
  '东风社区-王五': [0, 0, 0.5, 0, 0, 0, 0],
  '新华社区-组长': [0, 0, 0, 0, 1, 0, 0],
  '新华社区-组员': [2, 0, 0, 0, 1, 1, 0],
  彩屯社区: [0, 0, 0.5, 0, 0, 0, 0],
};
const totalOf = (stem: string) => MAX - FILES[stem]!.reduce((a, b) => a + b, 0);
const GRADES = '优秀:20,良好:18.5,合格';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assessors-cli-'));
  await mkdir(join(dir, 'units', '备份'), { recursive: true });
  for (const [stem, deductions] of Object.entries(FILES))
    await writeUnitWorkbook(join(dir, 'units', `${stem}.xlsx`), { sheet: '考核细则', deductions });
  // The same assessor's workbook once more, unchanged, in a subfolder.
  await copyFile(join(dir, 'units', '东风社区-张三.xlsx'), join(dir, 'units', '备份', '东风社区-张三.xlsx'));
});

interface Row {
  unit: string;
  total: number;
  rank: unknown;
  grade: unknown;
}

async function summaryRows(file: string): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('汇总')!;
  const header = (ws.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const rows: Row[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    // The signature line below is merged across the columns: not a unit.
    const unit = row.getCell(col(/^单位$/));
    if (!unit.value || unit.isMerged) continue;
    rows.push({
      unit: String(row.getCell(col(/^单位$/)).value),
      total: Number(shown(row.getCell(col(/^总分/)).value)),
      rank: shown(row.getCell(col(/^排名$/)).value),
      grade: shown(row.getCell(col(/^等次/)).value),
    });
  }
  return rows;
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
const grade = (t: number) => (t >= 20 ? '优秀' : t >= 18.5 ? '良好' : '合格');

/** Expected totals per unit, worked out here from the deductions. */
function expected(mode: 'mean' | 'trimmed' | 'weighted'): Record<string, number> {
  const df = ['东风社区-张三', '东风社区-李四', '东风社区-王五'].map(totalOf);
  const xh = ['新华社区-组长', '新华社区-组员'].map(totalOf);
  const sorted = [...df].sort((a, b) => a - b);
  return {
    东风社区: mode === 'trimmed' ? sorted[1]! : mean(df),
    新华社区: mode === 'weighted' ? Math.round(((xh[0]! * 2 + xh[1]!) / 3) * 100) / 100 : mean(xh),
    彩屯社区: totalOf('彩屯社区'),
  };
}

describe('summary with several assessors per unit', () => {
  for (const mode of ['mean', 'trimmed', 'weighted'] as const) {
    it(`${mode}: one row per unit, the combined total ranked and graded`, async () => {
      const out = join(dir, `summary-${mode}.xlsx`);
      const c = capture();
      const args = ['summary', join(dir, 'units'), '-o', out, '--grades', GRADES];
      if (mode !== 'mean') args.push('--assessors', mode);
      if (mode === 'weighted') args.push('--weights', '组长=2,组员=1');
      const code = await run(args, c.io);
      expect(c.err.join('')).toContain('备份');
      expect(code).toBe(0);
      const rows = await summaryRows(out);
      const want = expected(mode);
      expect(rows).toHaveLength(Object.keys(want).length);
      expect(Object.fromEntries(rows.map((r) => [r.unit, r.total]))).toEqual(want);
      const distinct = [...new Set(Object.values(want))].sort((a, b) => b - a);
      for (const r of rows) {
        expect(r.rank).toBe(distinct.indexOf(want[r.unit]!) + 1);
        expect(r.grade).toBe(grade(want[r.unit]!));
      }
    });
  }

  it('says which assessors were combined and how, and refuses an unknown mode or bad weights', async () => {
    const c = capture();
    const out = join(dir, 'summary-notes.xlsx');
    expect(await run(['summary', join(dir, 'units'), '-o', out, '--assessors', 'trimmed'], c.io)).toBe(0);
    const text = [...c.out, ...c.err].join('');
    expect(text).toMatch(/东风社区.*3 位考核人.*张三、李四、王五.*去掉一个最高分和一个最低分/);
    const bad = capture();
    expect(await run(['summary', join(dir, 'units'), '-o', out, '--assessors', 'median'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('--assessors');
    const w = capture();
    expect(await run(['summary', join(dir, 'units'), '-o', out, '--weights', '组长=0'], w.io)).toBe(2);
    expect(w.err.join('')).toContain('组长=0');
  });
});
