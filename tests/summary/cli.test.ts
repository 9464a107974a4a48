import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx as readWithExcelJS } from '../../src/adapters/xlsx/read';
import { parseGrades, parseQuota, runSummary } from '../../src/cli/commands/summary';
import { run } from '../../src/cli/main';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import { planSummary, summaryLayout } from '../../src/core/summary';
import { applyPlan, evaluate, valueAt } from './harness';
import { captureIo, shownValue, type UnitFile, writeUnitWorkbook } from './units';

const UNITS: Record<string, UnitFile> = {
  东风社区: {
    sheet: '考核细则',
    deductions: [0, 1, 0.5, 0.2, 0, 1, 0],
    reasons: [null, '计划不全', '缺一处', '少2户', null, '漏登2人'],
  },
  新华社区: {
    sheet: '考核细则',
    deductions: [0, 0, 0, 0, 0, 0, 4.5],
    reasons: [null, null, null, null, null, null, '发生计划外生育1例'],
  },
  彩屯社区: {
    sheet: '考核细则',
    deductions: [0.5, 0, 0, 0, 1, 0.5, 0],
    reasons: ['小组不全', null, null, null, '投稿3篇', '漏登1人'],
  },
};

let dir = '';
const sha = async (f: string) =>
  createHash('sha256')
    .update(await readFile(f))
    .digest('hex');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function sheetRows(file: string, sheet: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  const rows: ExcelJS.CellValue[][] = [];
  // Formula cells (rank and its helpers) read as their cached result.
  ws.eachRow((row, r) => {
    rows[r - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(shownValue);
  });
  return rows;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-cli-'));
  await mkdir(join(dir, 'units'));
  for (const [name, u] of Object.entries(UNITS))
    await writeUnitWorkbook(join(dir, 'units', `${name}.xlsx`), u);
});

describe('rubric-scorer summary', () => {
  it('summarises a folder of unit workbooks into the same figures as the core, inputs untouched', async () => {
    const files = Object.keys(UNITS).map((n) => join(dir, 'units', `${n}.xlsx`));
    const before = await Promise.all(files.map(sha));
    const out = join(dir, 'summary.xlsx');
    const c = capture();
    const code = await runSummary([join(dir, 'units')], { output: out, lang: 'zh' }, c.io);
    expect(code).toBe(0);
    expect(await Promise.all(files.map(sha))).toEqual(before);

    const rows = await sheetRows(out, '汇总');
    const header = rows[1]!.map(String);
    const col = (h: string) => header.findIndex((x) => x.startsWith(h));
    expect(header.slice(4, 10)).toEqual([
      '(一)日常工作（12分）',
      '1、领导重视（5分）',
      '2、宣传教育（7分）',
      '(二)重点工作（9分）',
      '1、流动人口（4.5分）',
      '2、计划生育（4.5分）',
    ]);
    const body = rows.slice(2, 2 + files.length);
    // Folders are read in name order.
    const order = [...files].sort();
    for (const [i, file] of order.entries()) {
      const report = analyzeWorkbook(await readWithExcelJS(file));
      const a = report.sheets[0]!.analysis!;
      const row = body[i]!;
      expect(row[2]).toBe(file);
      expect(row[3]).toBe('考核细则');
      const name = String(row[1]);
      expect(file.endsWith(`${name}.xlsx`)).toBe(true);
      expect(row[col('总分')]).toBe(a.score.total);
      expect(row[col('扣分项数')]).toBe(a.score.items.filter((s) => s.deduction > 0).length);
      a.table.groups.forEach((g, j) => {
        expect(row[4 + j]).toBe(a.score.groups.find((x) => x.groupId === g.id)!.score);
      });
    }
    const byName = Object.fromEntries(body.map((r) => [String(r[1]), r]));
    // Hand-checked: 东风 21−2.7 = 18.3, 彩屯 21−2 = 19, 新华 vetoed → 0 and last.
    expect(byName.东风社区![col('总分')]).toBe(18.3);
    expect(byName.彩屯社区![col('排名')]).toBe(1);
    expect(byName.东风社区![col('排名')]).toBe(2);
    expect(byName.新华社区![col('排名')]).toBe(3);
    expect(byName.新华社区![col('一票否决')]).toBe('一票否决');
    expect(String(byName.新华社区![col('否决原因')])).toContain('发生计划外生育1例');

    const ded = await sheetRows(out, '扣分明细');
    const listed = ded.slice(1).filter((r) => typeof r[0] === 'number');
    const expected = Object.values(UNITS).reduce(
      (n, u) => n + u.deductions.filter((d) => (d ?? 0) > 0).length,
      0,
    );
    expect(listed).toHaveLength(expected);
    const veto = listed.find((r) => r[1] === '新华社区')!;
    expect([veto[6], veto[7], veto[8], veto[9], veto[10], veto[11]]).toEqual([
      '计划外生育',
      4.5,
      4.5,
      0,
      '发生计划外生育1例',
      'G9',
    ]);
    expect(c.err.join('\n')).toContain('没有图表');
  });

  it('flags a unit that fails the checks (not ranked), lists its errors and an unreadable file, exit 1', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad);
    await writeUnitWorkbook(join(bad, '错误社区.xlsx'), {
      sheet: '考核细则',
      deductions: [5, 0, 0, 0, 0, 0, 0],
    });
    await writeFile(join(bad, '损坏.xlsx'), 'not a workbook');
    const out = join(dir, 'bad-summary.xlsx');
    const c = capture();
    const code = await runSummary([join(dir, 'units'), bad], { output: out, lang: 'zh' }, c.io);
    expect(code).toBe(1);
    const rows = await sheetRows(out, '汇总');
    const header = rows[1]!.map(String);
    const row = rows.find((r) => r[1] === '错误社区')!;
    expect(row[header.indexOf('排名')]).toBe('—');
    expect(String(row[header.indexOf('检查结果')])).toMatch(/^未通过/);
    const problems = await sheetRows(out, '检查问题');
    const codes = problems.slice(1).map((r) => `${String(r[0]).split(/[\\/]/).pop()} ${String(r[4])}`);
    expect(codes).toContain('错误社区.xlsx deductionAboveCap');
    expect(codes).toContain('损坏.xlsx fileUnreadable');
    expect(c.err.some((l) => l.includes('错误社区.xlsx') && l.includes('扣分'))).toBe(true);
  });

  it('refuses to write over an input (exit 2) and leaves it untouched', async () => {
    const target = join(dir, 'units', '东风社区.xlsx');
    const before = await sha(target);
    const c = capture();
    expect(await runSummary([join(dir, 'units')], { output: target, lang: 'en' }, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('inputs are never overwritten');
    expect(await sha(target)).toBe(before);
  });

  it('refuses an output that is an input through a link (exit 2) and leaves it untouched', async () => {
    const target = join(dir, 'units', '新华社区.xlsx');
    const link = join(dir, 'link-to-input.xlsx');
    await symlink(target, link);
    const before = await sha(target);
    const c = capture();
    expect(await runSummary([join(dir, 'units')], { output: link, lang: 'en' }, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('inputs are never overwritten');
    expect(await sha(target)).toBe(before);
  });

  it('exits 2 when there is nothing to read', async () => {
    const c = capture();
    expect(await runSummary([join(dir, 'nowhere')], { output: join(dir, 'x.xlsx'), lang: 'zh' }, c.io)).toBe(
      2,
    );
  });

  it('the add-in summary over the same units (one sheet each) evaluates to the CLI figures', async () => {
    const sheets: WorkbookGrid['sheets'] = [];
    for (const name of Object.keys(UNITS)) {
      const g = await readWithExcelJS(join(dir, 'units', `${name}.xlsx`));
      sheets.push({ ...g.sheets[0]!, name });
    }
    const wb: WorkbookGrid = { sheets };
    const plan = planSummary(wb, analyzeWorkbook(wb), { lang: 'zh' });
    const hf = evaluate(applyPlan(wb, plan).wb);
    const cli = await sheetRows(join(dir, 'summary.xlsx'), '汇总');
    const header = cli[1]!.map(String);
    const lay = summaryLayout(6);
    for (const [i, name] of plan.units.entries()) {
      const r = lay.firstRow + i;
      const row = cli.find((x) => x[1] === name)!;
      for (let j = 0; j < 6; j++)
        expect(valueAt(hf, '汇总', a1(r, lay.groupCol0 + j))).toBeCloseTo(Number(row[4 + j]), 9);
      expect(valueAt(hf, '汇总', a1(r, lay.total))).toBeCloseTo(Number(row[header.indexOf('总分')]), 9);
      expect(valueAt(hf, '汇总', a1(r, lay.rank))).toBe(row[header.indexOf('排名')]);
      expect(valueAt(hf, '汇总', a1(r, lay.deductions))).toBe(row[header.indexOf('扣分项数')]);
    }
  });
});

describe('rubric-scorer summary --grades / --quota', () => {
  const io = captureIo;

  it('writes a 等次 column from the options: thresholds, the vetoed unit lowest, then a quota', async () => {
    // Totals: 彩屯 19, 东风 18.3, 新华 vetoed.
    const out = join(dir, 'grades.xlsx');
    const c = io();
    const code = await run(
      ['summary', join(dir, 'units'), '-o', out, '--grades', '优秀:19,良好:18,合格'],
      c.io,
    );
    expect(code).toBe(0);
    const rows = await sheetRows(out, '汇总');
    const header = rows[1]!.map(String);
    const g = header.indexOf('等次');
    expect(g).toBe(header.indexOf('排名') + 1);
    const byName = Object.fromEntries(rows.slice(2, 5).map((r) => [String(r[1]), r[g]]));
    expect(byName).toEqual({ 彩屯社区: '优秀', 东风社区: '良好', 新华社区: '合格' });
    expect(c.err.join('')).toContain('等次按所给选项评定：优秀 ≥19, 良好 ≥18, 合格 <18');

    const q = join(dir, 'grades-quota.xlsx');
    const c2 = io();
    expect(
      await run(
        ['summary', join(dir, 'units'), '-o', q, '--grades', '优秀:18,合格', '--quota', '优秀:1'],
        c2.io,
      ),
    ).toBe(0);
    const qr = await sheetRows(q, '汇总');
    const qg = qr[1]!.map(String).indexOf('等次');
    const qBy = Object.fromEntries(qr.slice(2, 5).map((r) => [String(r[1]), r[qg]]));
    expect(qBy).toEqual({ 彩屯社区: '优秀', 东风社区: '合格', 新华社区: '合格' });
  });

  it('a malformed --grades or --quota is a usage error in both languages (exit 2), nothing written', async () => {
    const out = join(dir, 'bad-grades.xlsx');
    const c = io();
    expect(await run(['summary', join(dir, 'units'), '-o', out, '--grades', '优秀90,良好:80'], c.io)).toBe(2);
    const msg = c.err.join('');
    expect(msg).toContain('--grades 应写成');
    expect(msg).toContain('--grades takes');
    expect(msg).toContain('优秀90');
    await expect(readFile(out)).rejects.toThrow();
    expect(() => parseGrades('优秀:90,良好:90')).toThrow(/每个等次、每个分数只能出现一次/);
    expect(() => parseQuota('优秀:三成')).toThrow(/--quota takes "grade:share%"/);
    expect(parseQuota('优秀:30%')).toEqual([{ grade: '优秀', share: 0.3 }]);
  });

  it('a --quota count that is not a whole number of 1 or more says so in both languages (exit 2)', async () => {
    for (const bad of ['优秀:0', '优秀:2.5', '优秀:-1']) {
      const out = join(dir, 'bad-quota.xlsx');
      const c = io();
      expect(await run(['summary', join(dir, 'units'), '-o', out, '--quota', bad], c.io)).toBe(2);
      const msg = c.err.join('');
      expect(msg).toContain('名额个数应为 1 或以上的整数');
      expect(msg).toContain('a count of units must be a whole number, 1 or more');
      expect(msg).toContain(`“${bad}”`);
      await expect(readFile(out)).rejects.toThrow();
    }
    expect(() => parseQuota('优秀:150%')).toThrow(/大于 0、不超过 100%.*above 0% and at most 100%/);
  });
});
