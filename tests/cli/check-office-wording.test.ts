import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { run } from '../../src/cli/main';

const jsonIssue = z.object({
  cell: z.string().nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string().min(5),
});
const reportSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      sheets: z.array(
        z.object({
          name: z.string(),
          total: z.number(),
          max: z.number(),
          vetoed: z.boolean(),
          items: z.array(
            z.object({
              cell: z.string().regex(/^[A-Z]+\d+$/),
              label: z.string(),
              max: z.number(),
              deduction: z.number(),
              score: z.number(),
              rule: z.object({ text: z.string(), summary: z.string() }),
            }),
          ),
          issues: z.array(jsonIssue),
        }),
      ),
      skipped: z.array(z.object({ name: z.string(), reason: z.string(), message: z.string() })),
      issues: z.array(jsonIssue),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

type Row = [
  string | null,
  string | null,
  string,
  number,
  string,
  string,
  number | string | null,
  number | null,
  string | null,
];

/** A small rubric from an office: 考核项目 | 考核内容 | 目标要求 | 标准分值 | 评分标准 | 考核方式 | 扣分 | 得分 | 扣分原因. */
async function writeRubric(path: string, name: string, rows: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(['社区工作考核评分表']);
  ws.mergeCells('A1:I1');
  ws.addRow([
    '考核项目',
    '考核内容',
    '目标要求',
    '标准分值',
    '评 分 标 准',
    '考核方式',
    '扣分',
    '得分',
    '扣分原因',
  ]);
  for (const r of rows) ws.addRow(r);
  ws.mergeCells(3, 1, 2 + rows.length, 1);
  const notes = wb.addWorksheet('填表说明');
  notes.addRow(['请在扣分栏填写数字。']);
  await wb.xlsx.writeFile(path);
}

const RUBRIC = (d: (number | string | null)[], reasons: (string | null)[]): Row[] => [
  [
    '一、日常工作（10分）',
    '1、基础台帐',
    '（1）台帐齐全',
    4,
    '缺一项扣0.5分，扣完为止。',
    '查阅台帐',
    d[0] ?? null,
    null,
    reasons[0] ?? null,
  ],
  [
    null,
    null,
    '（2）按时上报',
    3,
    '迟报一次扣0.2分，最多扣2分。',
    '查阅记录',
    d[1] ?? null,
    null,
    reasons[1] ?? null,
  ],
  [
    null,
    '2、宣传活动',
    '（3）开展活动',
    3,
    '全年不少于4次，每少一次扣1分。',
    '查阅档案',
    d[2] ?? null,
    null,
    reasons[2] ?? null,
  ],
];

let dir: string;
let clean: string;
let faulty: string;
let corrupt: string;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false });
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rubric-cli-'));
  clean = join(dir, 'clean.xlsx');
  faulty = join(dir, 'faulty.xlsx');
  corrupt = join(dir, 'corrupt.xlsx');
  await writeRubric(clean, '东风社区', RUBRIC([0.5, 0.4, 1], ['缺会议记录', '迟报两次', '少一次']));
  await writeRubric(faulty, '新华社区', RUBRIC(['1分', 0.3, 5], ['缺', null, '少']));
  writeFileSync(corrupt, Buffer.from([0x50, 0x4b, 1, 2, 3, 4, 5, 6, 7, 8]));
});

describe('rubric-scorer check', () => {
  it('passes a clean workbook with exit 0 and reports its total', async () => {
    const r = await cli(['check', clean, '--json']);
    expect(r.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.out));
    const sheet = report.files[0]!.sheets[0]!;
    expect(sheet).toMatchObject({ name: '东风社区', total: 8.1, max: 10, vetoed: false });
    expect(sheet.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(sheet.items.map((i) => i.cell)).toEqual(['G3', 'G4', 'G5']);
    expect(report.files[0]!.skipped.map((s) => s.name)).toEqual(['填表说明']);
  });

  it('finds each planted mistake at its cell, exits 1, and keeps checking after a corrupt file', async () => {
    const before = { bytes: readFileSync(faulty), mtime: statSync(faulty).mtimeMs };
    const r = await cli(['check', faulty, corrupt, clean, '--json']);
    expect(r.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(r.out));
    expect(report.files.map((f) => f.file)).toEqual([faulty, corrupt, clean]);
    const found = report.files[0]!.sheets[0]!.issues.map((i) => `${i.code}@${i.cell}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'notANumber@G3',
        'notStepMultiple@G4',
        'reasonMissing@G4',
        'deductionAboveCap@G5',
      ]),
    );
    expect(report.files[1]!.error?.code).toBe('fileUnreadable');
    expect(report.files[2]!.sheets[0]!.total).toBe(8.1);
    expect(readFileSync(faulty).equals(before.bytes)).toBe(true);
    expect(statSync(faulty).mtimeMs).toBe(before.mtime);
  });

  it('prints a readable report in Chinese by default and in English on request', async () => {
    const zh = await cli(['check', faulty]);
    expect(zh.out).toContain('工作表「新华社区」');
    expect(zh.out).toContain('扣分填的是“1分”，不是数字。请改为数字 1');
    const en = await cli(['check', faulty, '--lang', 'en']);
    expect(en.out).toContain('Sheet "新华社区"');
    expect(en.out).toContain('not a number');
  });

  it('walks folders and exits 2 when it cannot run', async () => {
    const all = await cli(['check', dir, '--json']);
    expect(reportSchema.parse(JSON.parse(all.out)).files).toHaveLength(3);
    expect((await cli(['check', join(dir, 'missing.xlsx')])).code).toBe(2);
    expect((await cli(['check', clean, '--lang', 'fr'])).code).toBe(2);
    expect((await cli(['check'])).code).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), 'rubric-empty-'));
    const r = await cli(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('.xlsx');
  });

  it('works through the installed bin', () => {
    const r = spawnSync(process.execPath, ['bin/rubric-scorer.js', 'check', clean, '--json'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(reportSchema.parse(JSON.parse(r.stdout)).files[0]!.sheets[0]!.total).toBe(8.1);
  });
});
