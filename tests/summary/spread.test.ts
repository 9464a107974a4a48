/**
 * The 评分差异 sheet: for each unit scored by several assessors, every item's scores per assessor, the
 * spread (max − min) and a mark where it exceeds --spread (default DEFAULT_SPREAD); the plain report
 * says how many items exceed it. The slips of a combined unit show the combined figures of the 汇总.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { DEFAULT_SPREAD } from '../../src/core/summary/spread';
import { captureIo as capture, RUBRIC, shownValue as shown, writeUnitWorkbook } from './units';

const FILES: Record<string, number[]> = {
  '东风社区-张三': [0, 1, 0, 0, 0, 0, 0],
  '东风社区-李四': [1, 1, 0.5, 0.5, 0, 0, 0],
  '东风社区-王五': [0, 0, 0.5, 0, 0, 0, 0],
  '新华社区-组长': [0, 0, 0, 0, 1, 0, 0],
  '新华社区-组员': [2, 0, 0, 0, 1, 1.5, 0],
  彩屯社区: [0, 0, 0.5, 0, 0, 0, 0],
};
const score = (stem: string, i: number) => RUBRIC[i]![3] - FILES[stem]![i]!;

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spread-'));
  await mkdir(join(dir, 'units'));
  await mkdir(join(dir, 'single'));
  for (const [stem, deductions] of Object.entries(FILES))
    await writeUnitWorkbook(join(dir, 'units', `${stem}.xlsx`), { sheet: '考核细则', deductions });
  await writeUnitWorkbook(join(dir, 'single', '彩屯社区.xlsx'), { sheet: '考核细则', deductions: [0] });
  await writeUnitWorkbook(join(dir, 'single', '东湖社区.xlsx'), { sheet: '考核细则', deductions: [1] });
});

interface Line {
  unit: string;
  /** The assessors named over the unit's block, in column order. */
  assessors: string[];
  item: string;
  scores: unknown[];
  spread: unknown;
  flag: unknown;
}

async function spreadLines(file: string): Promise<{ lines: Line[]; header: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('评分差异')!;
  const header = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''));
  const lines: Line[] = [];
  let assessors: string[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const v = (c: number) => shown(ws.getRow(r).getCell(c + 1).value);
    if (v(0) === null && typeof v(1) === 'string')
      assessors = [v(6), v(7), v(8)].filter((x): x is string => typeof x === 'string');
    if (typeof v(0) !== 'number') continue;
    lines.push({
      unit: String(v(1)),
      assessors,
      item: String(v(4)),
      scores: [v(6), v(7), v(8)],
      spread: v(9),
      flag: v(10) ?? null,
    });
  }
  return { lines, header };
}

describe('summary: the spread across assessors', () => {
  it(`marks items whose assessors differ by more than ${DEFAULT_SPREAD} (the default) and counts them`, async () => {
    const out = join(dir, 'default.xlsx');
    const c = capture();
    expect(await run(['summary', join(dir, 'units'), '-o', out], c.io)).toBe(0);
    const { lines, header } = await spreadLines(out);
    expect(header.slice(6, 11)).toEqual([
      '考核人1',
      '考核人2',
      '考核人3',
      '差距（最高−最低）',
      `差距超过 ${DEFAULT_SPREAD} 分`,
    ]);
    expect(lines).toHaveLength(14); // 7 items × 2 combined units; 彩屯社区 has one assessor
    expect(new Set(lines.map((l) => l.unit))).toEqual(new Set(['东风社区', '新华社区']));
    for (const l of lines) {
      const i = RUBRIC.findIndex((r) => r[2] === l.item);
      const stems = l.assessors.map((a) => `${l.unit}-${a}`);
      expect([...stems].sort()).toEqual(
        Object.keys(FILES)
          .filter((f) => f.startsWith(`${l.unit}-`))
          .sort(),
      );
      const want = stems.map((s) => score(s, i));
      expect(l.scores.slice(0, stems.length)).toEqual(want);
      const spread = Math.round((Math.max(...want) - Math.min(...want)) * 100) / 100;
      expect(l.spread).toBe(spread);
      expect(l.flag).toBe(spread > DEFAULT_SPREAD ? '需复核' : null);
    }
    expect(lines.filter((l) => l.flag !== null).map((l) => `${l.unit} ${l.item}`)).toEqual([
      '新华社区 成立领导小组',
      '新华社区 流动人口管理',
    ]);
    expect(c.out.join('\n')).toContain('14 项中有 2 项的考核人评分差距超过 1 分');
  });

  it('--spread sets the threshold; refuses a value that is not points', async () => {
    const out = join(dir, 'half.xlsx');
    const c = capture();
    expect(
      await run(['summary', join(dir, 'units'), '-o', out, '--spread', '0.5', '--lang', 'en'], c.io),
    ).toBe(0);
    expect(c.out.join('\n')).toContain('4 of 14 items differ between assessors by more than 0.5');
    const bad = capture();
    expect(
      await run(['summary', join(dir, 'units'), '-o', join(dir, 'x.xlsx'), '--spread', 'abc'], bad.io),
    ).toBe(2);
    expect(bad.err.join('')).toContain('--spread');
  });

  it('no sheet and no line when no unit has several assessors', async () => {
    const out = join(dir, 'single.xlsx');
    const c = capture();
    expect(await run(['summary', join(dir, 'single'), '-o', out], c.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('评分差异')).toBeUndefined();
    expect(c.out.join('\n')).not.toContain('考核人评分');
  });

  it("a combined unit's slip shows the combined item scores and the 汇总's total", async () => {
    const out = join(dir, 'slips.xlsx');
    expect(await run(['summary', join(dir, 'units'), '-o', out, '--slips'], capture().io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('结果通知单')!;
    const sum = wb.getWorksheet('汇总')!;
    const head = Array.from(sum.getRow(2).values as ExcelJS.CellValue[], (v) => String(v ?? ''));
    let totalXh: unknown = null;
    for (let r = 3; r <= sum.rowCount; r++)
      if (sum.getRow(r).getCell(head.indexOf('单位')).value === '新华社区')
        totalXh = shown(sum.getRow(r).getCell(head.findIndex((h) => h.startsWith('总分'))).value);
    let at = 0;
    for (let r = 1; r <= ws.rowCount; r++)
      if (ws.getRow(r).getCell(1).value === '被考核单位：新华社区') at = r;
    expect(at).toBeGreaterThan(0);
    const items = RUBRIC.map((_, i) => Number(shown(ws.getRow(at + 2 + i).getCell(7).value)));
    expect(items).toEqual(RUBRIC.map((_, i) => (score('新华社区-组长', i) + score('新华社区-组员', i)) / 2));
    const totalRow = ws.getRow(at + 2 + RUBRIC.length + 1);
    expect(totalRow.getCell(1).value).toBe('总分');
    expect(totalRow.getCell(2).value).toBe(totalXh);
    const notes = [at + 2 + RUBRIC.length + 2].map((r) => String(ws.getRow(r).getCell(1).value));
    expect(notes[0]).toContain('2 位考核人评分');
  });
});
