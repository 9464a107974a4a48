/**
 * Quotas written in the rubric's notes ("优秀等次不超过参评单位的30%", "优秀不超过2个"), applied by the
 * CLI after the thresholds: best-ranked first, units tied on the line going down together, a vetoed
 * unit taking no place, a unit with open errors counted among the units but not graded; the report says
 * what quota was read, from which cell, and who went down.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { parseGradeText } from '../../src/core/summary';
import { writeUnitWorkbook } from './units';

/** Unit → deductions (MAX 21): totals 21, 20.5, 20, 20, 20, vetoed, open error, 19, 19, 17. */
const UNITS: Record<string, number[]> = {
  甲社区: [0],
  乙社区: [0, 0.5],
  丙社区: [0, 1],
  丁社区: [0, 0, 1],
  戊社区: [1],
  己社区: [0, 0, 0, 0, 0, 0, 1],
  庚社区: [5],
  辛社区: [0, 2],
  壬社区: [0, 0, 2],
  癸社区: [2, 2],
};
const BANDS = '说明：1. 20分以上为优秀，18分以上为良好，18分以下为合格。';

async function folder(quota: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'quota-notes-'));
  await mkdir(join(dir, 'units'));
  for (const [name, deductions] of Object.entries(UNITS)) {
    const file = join(dir, 'units', `${name}.xlsx`);
    await writeUnitWorkbook(file, { sheet: '考核细则', deductions });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    ws.getCell('A11').value = BANDS;
    ws.getCell('A12').value = quota;
    await wb.xlsx.writeFile(file);
  }
  return dir;
}

async function grades(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('汇总') ?? wb.getWorksheet('Summary')!;
  const head = Array.from(ws.getRow(2).values as ExcelJS.CellValue[], (v) => String(v ?? ''));
  const out: Record<string, unknown> = {};
  for (let r = 3; r <= ws.rowCount; r++) {
    const u = ws.getRow(r).getCell(head.indexOf(head.find((h) => /^(单位|Unit)$/.test(h))!)).value;
    if (typeof u === 'string' && u in UNITS)
      out[u] = ws.getRow(r).getCell(head.findIndex((h) => /^(等次|Grade)$/.test(h))).value;
  }
  return out;
}

function capture() {
  const lines: string[] = [];
  return {
    lines,
    io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), errIsTTY: false },
  };
}

describe('quotas read from the rubric notes', () => {
  it('30% of 10 units: 3 places, the three tied on the line all go down, and the report says so', async () => {
    const dir = await folder('2. 优秀等次不超过参评单位的30%。');
    const out = join(dir, 'out.xlsx');
    const c = capture();
    await run(['summary', join(dir, 'units'), '-o', out], c.io);
    expect(await grades(out)).toEqual({
      甲社区: '优秀',
      乙社区: '优秀',
      丙社区: '良好',
      丁社区: '良好',
      戊社区: '良好',
      己社区: '合格', // vetoed: the lowest grade, no place taken
      庚社区: '—', // open error: counted among the 10, not graded
      辛社区: '良好',
      壬社区: '良好',
      癸社区: '合格',
    });
    const text = c.lines.join('\n');
    const line = text.split('\n').find((l) => l.startsWith('等次名额'));
    expect(line).toBeDefined();
    expect(line).toContain('A12：“2. 优秀等次不超过参评单位的30%。”');
    expect(line).toContain('参评单位 10 个，优秀至多 3 个；按分数线达到优秀的 5 个');
    expect(line).toMatch(/按总分从高到低，(甲社区、乙社区|乙社区、甲社区)保留优秀/);
    for (const u of ['丙社区', '丁社区', '戊社区'])
      expect(line).toMatch(new RegExp(`${u}[^。]*在名额线上并列 20 分`));
    expect(line).toContain('降为良好');
  });

  it('"优秀不超过2个" in English: 2 places, no tie on the line', async () => {
    const dir = await folder('2. 优秀不超过2个');
    const out = join(dir, 'out.xlsx');
    const c = capture();
    await run(['summary', join(dir, 'units'), '-o', out, '--lang', 'en'], c.io);
    const g = await grades(out);
    expect([g.甲社区, g.乙社区, g.丙社区, g.丁社区, g.戊社区]).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '良好',
    ]);
    const line = c.lines.find((l) => l.startsWith('Grade quota "'));
    expect(line).toContain('A12: "2. 优秀不超过2个"');
    expect(line).toContain('10 units listed, at most 2 优秀; 5 reached 优秀 by the thresholds');
    expect(line).not.toContain('tied');
  });

  it('--quota over the notes is said as the option', async () => {
    const dir = await folder('2. 优秀等次不超过参评单位的30%。');
    const c = capture();
    await run(['summary', join(dir, 'units'), '-o', join(dir, 'o.xlsx'), '--quota', '优秀:5'], c.io);
    const line = c.lines.find((l) => l.startsWith('等次名额'));
    expect(line).toContain('按 --quota 选项');
    expect(line).toContain('未超过名额');
  });
});

describe('a notes row led by 说明： and numbered', () => {
  it('"说明：1. 20分以上为优秀" reads 20, not 1.20', () => {
    expect(parseGradeText('说明：1. 20分以上为优秀，18分以上为良好，18分以下为合格。')?.bands[0]).toEqual({
      grade: '优秀',
      min: 20,
    });
  });
});
