/**
 * `summary --slips`: a 结果通知单 sheet with one printable page per unit whose figures are the 汇总's
 * (total, rank, grade) and whose item lines add up to them, with the deduction reasons, the veto and
 * open-error notes, signature lines, a page break between units, a print area and A4 fitted to width.
 */
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { captureIo as io, RUBRIC, shownValue as shown, writeUnitWorkbook } from './units';

const MAX = RUBRIC.reduce((a, r) => a + r[3], 0);

const UNITS: Record<string, { deductions: (number | null)[]; reasons?: (string | null)[] }> = {
  东风社区: { deductions: [0, 1, 0.5, 0, 0, 0, 0], reasons: [null, '计划不全', '缺一处阵地'] },
  新华社区: { deductions: [0, 0, 0, 0, 1, 0, 0], reasons: [null, null, null, null, '投稿不足'] },
  彩屯社区: { deductions: [0, 0, 0, 0, 0, 0, 1], reasons: [null, null, null, null, null, null, '发生1例'] },
  // 5 on a 2-point item: an open entry error, so the unit is not ranked.
  东湖社区: { deductions: [5, 0, 0, 0, 0, 0, 0] },
  和平社区: { deductions: [0, 1, 0.5, 0, 0, 0, 0] },
};

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slips-'));
  await mkdir(join(dir, 'units'));
  for (const [name, u] of Object.entries(UNITS))
    await writeUnitWorkbook(join(dir, 'units', `${name}.xlsx`), { sheet: '考核细则', ...u });
});

/** The manual row breaks of the n-th sheet as written (ExcelJS does not read them back). */
async function rowBreaks(file: string, n: number): Promise<number[]> {
  const entry = unzipSync(new Uint8Array(await readFile(file)))[`xl/worksheets/sheet${n}.xml`];
  const xml = entry ? strFromU8(entry) : '';
  const block = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
  return [...block.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
}

interface Slip {
  unit: string;
  firstRow: number;
  items: { label: string; points: number; deduction: number; score: number; reason: string }[];
  sum: { points: number; deduction: number; score: number };
  total: unknown;
  rank: unknown;
  grade: unknown;
  text: string;
}

function readSlips(ws: ExcelJS.Worksheet): Slip[] {
  const slips: Slip[] = [];
  const cell = (r: number, c: number) => shown(ws.getRow(r).getCell(c).value);
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = String(cell(r, 1) ?? '');
    if (!a.startsWith('被考核单位：')) continue;
    const s: Slip = {
      unit: a.slice('被考核单位：'.length),
      firstRow: r - 1,
      items: [],
      sum: { points: 0, deduction: 0, score: 0 },
      total: null,
      rank: null,
      grade: null,
      text: '',
    };
    let k = r + 2;
    for (; typeof cell(k, 1) === 'number'; k++)
      s.items.push({
        label: String(cell(k, 4)),
        points: Number(cell(k, 5)),
        deduction: Number(cell(k, 6)),
        score: Number(cell(k, 7)),
        reason: String(cell(k, 8) ?? ''),
      });
    expect(cell(k, 1)).toBe('合计');
    s.sum = { points: Number(cell(k, 5)), deduction: Number(cell(k, 6)), score: Number(cell(k, 7)) };
    expect(cell(k + 1, 1)).toBe('总分');
    s.total = cell(k + 1, 2);
    s.rank = cell(k + 1, 4);
    s.grade = cell(k + 1, 6);
    const texts: string[] = [];
    for (let j = k + 2; j <= ws.rowCount && !String(cell(j, 1) ?? '').startsWith('被考核单位：'); j++)
      texts.push(String(cell(j, 1) ?? ''));
    s.text = texts.join('\n');
    slips.push(s);
  }
  return slips;
}

describe('summary --slips', () => {
  it('one page per unit with the 汇总 figures, reasons, notes, signatures and page breaks', async () => {
    const out = join(dir, 'slips.xlsx');
    const c = io();
    const code = await run(
      ['summary', join(dir, 'units'), '-o', out, '--slips', '--grades', '优秀:20,良好:18.5,合格'],
      c.io,
    );
    expect(code).toBe(1); // 东湖社区's open error
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('结果通知单');
    expect(ws).toBeDefined();
    const slips = readSlips(ws!);
    expect(slips.map((s) => s.unit).sort()).toEqual(Object.keys(UNITS).sort());

    // The 汇总's own rows, read by header.
    const sum = wb.getWorksheet('汇总')!;
    const header = (sum.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
    const col = (re: RegExp) => header.findIndex((h) => re.test(h));
    const rows = new Map<string, { total: unknown; rank: unknown; grade: unknown }>();
    for (let r = 3; r <= sum.rowCount; r++) {
      const row = sum.getRow(r);
      const unit = row.getCell(col(/^单位$/)).value;
      if (typeof unit !== 'string' || !(unit in UNITS)) continue;
      rows.set(unit, {
        total: shown(row.getCell(col(/^总分/)).value),
        rank: shown(row.getCell(col(/^排名$/)).value),
        grade: shown(row.getCell(col(/^等次/)).value),
      });
    }
    expect(rows.size).toBe(5);
    for (const s of slips) {
      const want = rows.get(s.unit)!;
      expect(s.total).toBe(want.total);
      expect(s.sum.score).toBe(want.total);
      expect(s.rank === '暂不排名' ? '—' : s.rank).toBe(want.rank);
      expect(s.grade === '暂不评定' ? '—' : s.grade).toBe(want.grade);
      expect(s.items.map((i) => i.label)).toEqual(RUBRIC.map((r) => r[2]));
      const d = UNITS[s.unit]!.deductions;
      s.items.forEach((it, i) => {
        expect(it.points).toBe(RUBRIC[i]![3]);
        // As scored (and on 扣分明细): a deduction is capped at the item's points.
        expect(it.deduction).toBe(Math.min(d[i] ?? 0, RUBRIC[i]![3]));
        expect(it.reason).toBe(UNITS[s.unit]!.reasons?.[i] ?? '');
      });
      expect(s.sum.points).toBe(MAX);
      expect(s.text).toContain('考核人（签字）');
      expect(s.text).toContain('被考核单位签收');
    }
    const by = Object.fromEntries(slips.map((s) => [s.unit, s]));
    // Ordinary units: the items add up to the total.
    expect(by.东风社区!.total).toBe(MAX - 1.5);
    expect(by.东风社区!.items.reduce((a, i) => a + i.score, 0)).toBeCloseTo(MAX - 1.5, 2);
    expect(by.东风社区!.rank).toBe(by.和平社区!.rank);
    expect(by.新华社区!.rank).toBe(1);
    expect(by.新华社区!.grade).toBe('优秀');
    expect(by.东风社区!.grade).toBe('良好');
    expect(by.彩屯社区!.total).toBe(0);
    expect(by.彩屯社区!.text).toMatch(/一票否决：计划外生育（发生1例）.*总分计 0 分/);
    expect(by.东湖社区!.rank).toBe('暂不排名');
    expect(by.东湖社区!.text).toMatch(/暂不排名：未通过（\d+ 个错误）/);

    // A manual break after every unit but the last, each right before the next unit's title row.
    const breaks = await rowBreaks(out, wb.worksheets.indexOf(ws!) + 1);
    const starts = slips.map((s) => s.firstRow).sort((a, b) => a - b);
    expect(breaks).toEqual(starts.slice(1).map((r) => r - 1));
    expect(ws!.pageSetup.printArea).toMatch(/^A1:H\d+$/);
    expect(ws!.pageSetup.paperSize).toBe(9);
    expect(ws!.pageSetup.fitToWidth).toBe(1);
    expect(ws!.pageSetup.fitToHeight).toBe(0);
  });

  it('the sheet is named in the workbook language, and not there without --slips', async () => {
    const en = join(dir, 'slips-en.xlsx');
    await run(['summary', join(dir, 'units'), '-o', en, '--slips', '--lang', 'en'], io().io);
    const none = join(dir, 'none.xlsx');
    await run(['summary', join(dir, 'units'), '-o', none], io().io);
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(en);
    expect(a.getWorksheet('Result slips')).toBeDefined();
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(none);
    expect(b.worksheets.map((w) => w.name)).not.toContain('结果通知单');
  });
});
