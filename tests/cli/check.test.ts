/**
 * `rubric-scorer check` over the sample workbooks: every planted mistake is reported at its cell with
 * its code, clean sheets have no entry errors, the JSON has its documented shape, exit codes, unreadable
 * files, inputs left untouched, and the real bin. The samples are generated into a temp folder by
 * scripts/make-samples.ts; planted.json (written by the same script) says what must be found.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeSamples } from '../../scripts/make-samples';
import { run } from '../../src/cli/main';
import { ISSUE_CODES, type IssueCode } from '../../src/core/issues';

const ROOT = join(import.meta.dirname, '..', '..');

const issueSchema = z.object({
  cell: z
    .string()
    .regex(/^[A-Z]+\d+$/)
    .nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.enum(Object.keys(ISSUE_CODES) as [IssueCode, ...IssueCode[]]),
  message: z.string().min(4),
});
const reportSchema = z.strictObject({
  files: z.array(
    z.strictObject({
      file: z.string(),
      sheets: z.array(
        z.strictObject({
          name: z.string(),
          total: z.number(),
          max: z.number(),
          vetoed: z.boolean(),
          hidden: z.enum(['hidden', 'veryHidden']).optional(),
          columns: z.array(
            z.strictObject({
              column: z.string().regex(/^[A-Z]+$/),
              header: z.string(),
              role: z.string().min(1),
              by: z.enum(['header', 'content']),
              reason: z.string().optional(),
            }),
          ),
          items: z.array(
            z.strictObject({
              cell: z.string().regex(/^[A-Z]+\d+$/),
              label: z.string().min(1),
              max: z.number(),
              deduction: z.number(),
              score: z.number(),
              rule: z.strictObject({
                text: z.string(),
                summary: z.string(),
                terms: z.array(
                  z.looseObject({ kind: z.string(), source: z.string(), explanation: z.string().min(2) }),
                ),
                cap: z.looseObject({ kind: z.enum(['item', 'explicit', 'none']) }),
                unread: z.array(
                  z.strictObject({ text: z.string().min(1), start: z.number().int(), end: z.number().int() }),
                ),
                overridden: z.boolean(),
              }),
            }),
          ),
          issues: z.array(issueSchema),
        }),
      ),
      skipped: z.array(
        z.strictObject({
          name: z.string(),
          reason: z.string(),
          code: z.string(),
          row: z.number().int().min(1).optional(),
          headers: z.array(z.string()).optional(),
          sanctionHeaders: z.array(z.string()).optional(),
          sanctions: z.array(z.string()).optional(),
          pointsHeader: z.string().optional(),
          rows: z.number().int().min(0).optional(),
          message: z.string(),
        }),
      ),
      issues: z.array(issueSchema),
      error: z.strictObject({ code: z.string(), message: z.string().min(4) }).optional(),
    }),
  ),
});
type Report = z.infer<typeof reportSchema>;

const plantedSchema = z.object({
  mistakes: z.array(
    z.object({
      file: z.string(),
      sheet: z.string(),
      cell: z.string(),
      code: z.string(),
      note: z.string(),
      pending: z.string().optional(),
    }),
  ),
  rubricFaults: z.array(
    z.object({ file: z.string(), sheet: z.string(), cell: z.string(), code: z.string() }),
  ),
  cleanSheets: z.array(z.object({ file: z.string(), sheet: z.string() })),
  skippedSheets: z.array(z.object({ file: z.string(), sheet: z.string() })),
});
type Planted = z.infer<typeof plantedSchema>;

/** Issue codes about what assessors typed (as opposed to the rubric itself or the file). */
const ENTRY_CODES = new Set<string>([
  'notANumber',
  'scoreAbovePoints',
  'deductionAboveCap',
  'belowZero',
  'negativeDeduction',
  'notStepMultiple',
  'scoreDeductionMismatch',
  'reasonMissing',
  'entryMissing',
  'vetoFired',
  'bonusAboveMax',
  'formulaOverwritten',
  'subtotalMismatch',
  'totalMismatch',
]);

function capture(errIsTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), errIsTTY },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function checkJson(args: string[]): Promise<{ code: number; report: Report; err: string }> {
  const c = capture();
  const code = await run(['check', ...args, '--json'], c.io);
  return { code, report: reportSchema.parse(JSON.parse(c.out())), err: c.err() };
}

const sha = async (f: string) =>
  createHash('sha256')
    .update(await readFile(f))
    .digest('hex');

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out.sort();
}

/** Known gaps, from the committed planted.json (the same as the generated one, see the first test). */
const PENDING = plantedSchema
  .parse(JSON.parse(readFileSync(join(ROOT, 'samples', 'planted.json'), 'utf8')))
  .mistakes.filter((m) => m.pending);

let dir = '';
let planted: Planted;
let all: Report;
let allCode = -1;

/** The JSON entry of a file given relative to the samples folder. */
function fileOf(report: Report, rel: string) {
  const f = report.files.find((x) => relative(dir, x.file).split('\\').join('/') === rel);
  if (!f) throw new Error(`${rel} not in the report`);
  return f;
}
function sheetOf(report: Report, rel: string, sheet: string) {
  const s = fileOf(report, rel).sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`${rel} › ${sheet} not in the report`);
  return s;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'check-cli-'));
  await makeSamples(dir);
  planted = plantedSchema.parse(JSON.parse(await readFile(join(dir, 'planted.json'), 'utf8')));
  ({ code: allCode, report: all } = await checkJson([dir]));
}, 60_000);

describe('samples', () => {
  it('the committed samples are what scripts/make-samples.ts writes', async () => {
    const made = (await listFiles(dir)).map((f) => relative(dir, f));
    const committed = (await listFiles(join(ROOT, 'samples'))).map((f) => relative(join(ROOT, 'samples'), f));
    expect(committed).toEqual(made);
    for (const f of made) expect(await sha(join(ROOT, 'samples', f)), f).toBe(await sha(join(dir, f)));
  });

  it('plants every kind of entry mistake the brief lists, and lists clean sheets', () => {
    const codes = new Set(planted.mistakes.map((m) => m.code));
    for (const c of [
      'notANumber',
      'deductionAboveCap',
      'belowZero',
      'notStepMultiple',
      'scoreDeductionMismatch',
      'reasonMissing',
      'entryMissing',
      'vetoFired',
      'totalMismatch',
      'scoreAbovePoints',
    ])
      expect(codes, c).toContain(c);
    for (const m of planted.mistakes) expect(Object.keys(ISSUE_CODES)).toContain(m.code);
    expect(planted.cleanSheets.length).toBeGreaterThanOrEqual(3);
  });
});

describe('rubric-scorer check --json over the samples', () => {
  it('finds every .xlsx under the folder, reads them all and exits 1 (the samples hold errors)', () => {
    expect(allCode).toBe(1);
    const files = all.files.map((f) => relative(dir, f.file).split('\\').join('/')).sort();
    expect(files).toEqual(
      [
        'communities.xlsx',
        'other-office.xlsx',
        'rubric-template.xlsx',
        'units/东风社区.xlsx',
        'units/北站社区 (二).xlsx',
        'units/南湖社区.xlsx',
        'units/新华社区.xlsx',
        'units/铁西社区.xlsx',
      ].sort(),
    );
    for (const f of all.files) expect(f.error, f.file).toBeUndefined();
  });

  it('reports every planted mistake at its cell with its code', () => {
    const live = planted.mistakes.filter((m) => !m.pending);
    expect(live.length).toBeGreaterThanOrEqual(20);
    for (const m of live) {
      const s = sheetOf(all, m.file, m.sheet);
      const found = s.issues.filter((i) => i.cell === m.cell).map((i) => i.code);
      expect(found, `${m.file} › ${m.sheet} ${m.cell}: ${m.note}`).toContain(m.code);
    }
  });

  // Mistakes the checker does not report yet (planted.json says why); listed so they are not forgotten.
  for (const m of PENDING) it.todo(`${m.file} › ${m.sheet} ${m.cell} ${m.code}: ${m.pending}`);

  it('reports the rubric’s own faults on every sheet that carries the seed rubric', () => {
    expect(planted.rubricFaults.length).toBeGreaterThan(0);
    for (const f of planted.rubricFaults) {
      const s = sheetOf(all, f.file, f.sheet);
      expect(
        s.issues.some((i) => i.cell === f.cell && i.code === f.code),
        `${f.file} › ${f.sheet} ${f.cell} ${f.code}`,
      ).toBe(true);
    }
  });

  it('clean sheets: no entry finding of any severity, and no error beyond the rubric’s own faults', () => {
    for (const c of planted.cleanSheets) {
      const s = sheetOf(all, c.file, c.sheet);
      const expected = new Set(
        planted.rubricFaults
          .filter((f) => f.file === c.file && f.sheet === c.sheet)
          .map((f) => `${f.cell}|${f.code}`),
      );
      expect(
        s.issues.filter((i) => ENTRY_CODES.has(i.code)),
        `${c.file} › ${c.sheet}`,
      ).toEqual([]);
      expect(
        s.issues.filter((i) => i.severity === 'error' && !expected.has(`${i.cell}|${i.code}`)),
        `${c.file} › ${c.sheet}`,
      ).toEqual([]);
      expect(s.vetoed).toBe(false);
    }
  });

  it('planted sheets report no entry finding beyond those planted', () => {
    const plantedSheets = new Set(planted.mistakes.map((m) => `${m.file}|${m.sheet}`));
    for (const key of plantedSheets) {
      const [file, sheet] = key.split('|') as [string, string];
      const want = new Set(
        planted.mistakes
          .filter((m) => m.file === file && m.sheet === sheet)
          .map((m) => `${m.cell}|${m.code}`),
      );
      const extra = sheetOf(all, file, sheet).issues.filter(
        (i) => ENTRY_CODES.has(i.code) && !want.has(`${i.cell}|${i.code}`),
      );
      expect(extra, key).toEqual([]);
    }
  });

  it('a clean sheet’s total is its points less the 扣分 typed on it (read independently with ExcelJS)', async () => {
    for (const c of planted.cleanSheets.filter((x) => x.file !== 'other-office.xlsx')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, c.file));
      const ws = wb.getWorksheet(c.sheet)!;
      let typed = 0;
      ws.getColumn(7).eachCell((cell) => {
        if (typeof cell.value === 'number') typed += Math.round(cell.value * 100);
      });
      const s = sheetOf(all, c.file, c.sheet);
      // Only typed numbers count: the 合计 row holds a SUM formula.
      const itemDeductions = s.items.reduce((a, i) => a + Math.round(i.deduction * 100), 0);
      expect(itemDeductions).toBe(typed);
      expect(Math.round(s.total * 100)).toBe(Math.round(s.max * 100) - itemDeductions);
      expect(s.total).not.toBe(s.max);
    }
  });

  it('the veto sheet is vetoed with total 0; other sheets are not', () => {
    const veto = planted.mistakes.find((m) => m.code === 'vetoFired')!;
    const s = sheetOf(all, veto.file, veto.sheet);
    expect(s.vetoed).toBe(true);
    expect(s.total).toBe(0);
    expect(sheetOf(all, 'communities.xlsx', '东风社区').vetoed).toBe(false);
  });

  it('items: the cell is the 扣分 cell on the seed rubric and the 得分 cell on the other office’s', () => {
    const seed = sheetOf(all, 'communities.xlsx', '东风社区');
    expect(seed.items).toHaveLength(37);
    for (const i of seed.items) expect(i.cell).toMatch(/^G\d+$/);
    expect(seed.items.reduce((a, i) => a + Math.round(i.max * 100), 0)).toBe(9500);
    expect(seed.items[0]!.rule.text).toContain('按责任状进行考核');
    const other = sheetOf(all, 'other-office.xlsx', '安全生产考核');
    for (const i of other.items) expect(i.cell).toMatch(/^H\d+$/);
    expect(other.max).toBe(100);
  });

  it('each item carries its rule as read: terms with the words they came from and what they mean, and the unread words', () => {
    const items = all.files.flatMap((f) => f.sheets.flatMap((s) => s.items));
    const terms = items.flatMap((i) => i.rule.terms.map((t) => ({ t, text: i.rule.text })));
    expect(terms.length).toBeGreaterThan(items.length / 2);
    for (const { t, text } of terms) {
      expect(t.source.length).toBeGreaterThan(0);
      expect(text).toContain(t.source);
    }
    // 每…扣0.5分 reads as so much per unit, with its amount.
    const per = terms.find(({ t }) => t.kind === 'perUnit' && t.source.includes('0.5'));
    expect(per?.t).toMatchObject({ amount: 0.5 });
    for (const i of items)
      for (const u of i.rule.unread) expect(i.rule.text.slice(u.start, u.end)).toBe(u.text);
  });

  it('the 说明 sheet is skipped, not scored', () => {
    for (const s of planted.skippedSheets) {
      const f = fileOf(all, s.file);
      expect(f.sheets.map((x) => x.name)).not.toContain(s.sheet);
      expect(f.skipped.map((x) => x.name)).toContain(s.sheet);
    }
  });
});

describe('readable report', () => {
  it('zh by default: per file and sheet, cells and messages, a summary line', async () => {
    const c = capture();
    const code = await run(['check', join(dir, 'units', '铁西社区.xlsx')], c.io);
    expect(code).toBe(1);
    const text = c.out();
    expect(text).toContain('铁西社区.xlsx');
    expect(text).toContain('90.6 / 95');
    expect(text).toMatch(/G14.*1分/);
    expect(text).toMatch(/错误/);
    expect(text.trim().split('\n').at(-1)).toMatch(/^共.*1 个文件/);
  });

  it('en with --lang en', async () => {
    const c = capture();
    await run(['check', join(dir, 'units', '铁西社区.xlsx'), '--lang', 'en'], c.io);
    expect(c.out()).toMatch(/G14/);
    expect(c.out()).toMatch(/errors?/);
    expect(c.out()).not.toMatch(/扣分填的是/);
  });
});

describe('exit codes and unreadable files', () => {
  it('0 for a workbook without errors', async () => {
    const p = join(dir, 'clean', '考核.xlsx');
    await mkdir(join(dir, 'clean'), { recursive: true });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('东风社区');
    ws.addRow(['社区工作考核评分表']);
    ws.addRow(['考核项目', '考核内容', '标准分值', '评分标准', '扣分', '得分', '扣分原因']);
    ws.addRow(['一、基础工作', '台账齐全', 60, '每缺一本扣1分，扣完为止', 2, 58, '缺2本']);
    ws.addRow(['二、宣传', '宣传活动', 40, '每少一次扣2分', null, 40, null]);
    await wb.xlsx.writeFile(p);
    const { code, report } = await checkJson([p]);
    expect(report.files[0]!.sheets[0]!.total).toBe(98);
    expect(code).toBe(0);
  });

  it('2 when it cannot run: no arguments, no .xlsx found, a bad --lang, an unknown command', async () => {
    const empty = join(dir, 'empty-folder');
    await mkdir(empty, { recursive: true });
    await writeFile(join(empty, 'notes.txt'), 'x');
    await writeFile(join(empty, '~$考核.xlsx'), 'lock');
    for (const argv of [
      ['check'],
      ['check', empty],
      ['check', join(dir, 'communities.xlsx'), '--lang', 'fr'],
      ['grade', dir],
    ]) {
      const c = capture();
      expect(await run(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err().length, argv.join(' ')).toBeGreaterThan(0);
      expect(c.out()).toBe('');
    }
  });

  it('a corrupt file is reported and the other files are still checked', async () => {
    const folder = join(dir, 'mixed');
    await mkdir(folder, { recursive: true });
    const noise = new Uint8Array(2048);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
    await writeFile(join(folder, 'a-broken.xlsx'), noise);
    await writeFile(join(folder, 'b-东风社区.xlsx'), await readFile(join(dir, 'units', '东风社区.xlsx')));
    const { code, report } = await checkJson([folder]);
    expect(code).toBe(1);
    expect(report.files).toHaveLength(2);
    const broken = report.files[0]!;
    expect(broken.file).toContain('a-broken.xlsx');
    expect(broken.sheets).toEqual([]);
    expect(broken.error?.message).toContain('a-broken.xlsx');
    const ok = report.files[1]!;
    expect(ok.error).toBeUndefined();
    expect(ok.sheets[0]!.name).toBe('东风社区');
    // Readable report: the broken file named, the other one scored.
    const c = capture();
    await run(['check', folder], c.io);
    expect(c.out()).toContain('a-broken.xlsx');
    expect(c.out()).toContain('91.9 / 95');
  });

  it('progress on stderr only when it is a terminal and there are several files', async () => {
    const tty = capture(true);
    await run(['check', join(dir, 'units')], tty.io);
    expect(tty.err()).toMatch(/1\/5/);
    const pipe = capture(false);
    await run(['check', join(dir, 'units')], pipe.io);
    expect(pipe.err()).toBe('');
    const one = capture(true);
    await run(['check', join(dir, 'units', '东风社区.xlsx')], one.io);
    expect(one.err()).toBe('');
  });
});

describe('the real bin', () => {
  it('node bin/rubric-scorer.js check --json --lang en: same findings as in-process, inputs untouched', async () => {
    const files = (await listFiles(dir)).filter((f) => f.endsWith('.xlsx'));
    const before = await Promise.all(
      files.map(async (f) => ({ sha: await sha(f), mtime: (await stat(f)).mtimeMs })),
    );
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'rubric-scorer.js'), 'check', join(dir, 'units'), '--json', '--lang', 'en'],
      {
        encoding: 'utf8',
        cwd: ROOT,
        timeout: 60_000,
      },
    );
    expect(r.status, r.stderr).toBe(1);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.files).toHaveLength(5);
    const codes = (rep: Report, name: string) =>
      rep.files
        .find((f) => f.file.endsWith(`${name}.xlsx`))!
        .sheets.flatMap((s) => s.issues.map((i) => `${i.cell}|${i.code}`))
        .sort();
    for (const name of ['东风社区', '南湖社区', '北站社区 (二)'])
      expect(codes(report, name)).toEqual(codes(all, `units/${name}`));
    const msg = report.files
      .flatMap((f) => f.sheets.flatMap((s) => s.issues.map((i) => i.message)))
      .join('\n');
    expect(msg).toMatch(/[A-Za-z]{4}/);
    const after = await Promise.all(
      files.map(async (f) => ({ sha: await sha(f), mtime: (await stat(f)).mtimeMs })),
    );
    expect(after).toEqual(before);

    const bad = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'rubric-scorer.js'), 'check', join(dir, 'no-such-folder')],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no-such-folder');
  }, 60_000);
});
