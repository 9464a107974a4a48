/**
 * The CLI is "nothing silent, nothing fatal": a sheet the reader left out, a hidden rubric sheet, a
 * looping link, a damaged file among good ones and an unexpected failure are each said, in the
 * product's words, and cost only what they touch; the last line says 可以提交 only when it is so.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type SheetProblem, sheetProblemText } from '../../src/adapters/xlsx/errors';
import { formatUnexpected, run } from '../../src/cli/main';
import { capture, rubricRows, workbookBytes } from './helpers';

const tmp = () => mkdtemp(join(tmpdir(), 'cli-robust-'));

/** The report's lines, without the blank ones. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** A workbook of three rubric sheets: 考核表 (good), 坏名 renamed to "一/二", 合并 given overlapping merges. */
async function leftOutWorkbook(): Promise<Uint8Array> {
  const files = unzipSync(await workbookBytes([{ name: '考核表' }, { name: '坏名' }, { name: '合并' }]));
  const edited: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    let text = name.endsWith('.xml') ? strFromU8(data) : null;
    if (name === 'xl/workbook.xml') text = text!.replace('name="坏名"', 'name="一/二"');
    if (name === 'xl/worksheets/sheet3.xml')
      text = text!.replace(
        '</sheetData>',
        '</sheetData><mergeCells count="2"><mergeCell ref="J1:K3"/><mergeCell ref="K2:L4"/></mergeCells>',
      );
    edited[name] = text === null ? data : strToU8(text);
  }
  return zipSync(edited);
}

const LEFT_OUT: SheetProblem[] = [
  { sheet: '一/二', code: 'badSheetName', detail: '' },
  { sheet: '合并', code: 'overlappingMerge', detail: 'J1:K3 / K2:L4' },
];

interface JsonOut {
  files: {
    file: string;
    sheets: { name: string; hidden?: string; issues: { severity: string; code: string }[] }[];
    skipped: { name: string; reason: string; message: string }[];
    issues: { severity: string; message: string }[];
    error?: { message: string };
  }[];
}

describe('sheets the reader left out are never silent', () => {
  it('check prints why each left-out sheet was not read, in both languages; the good sheet is checked; not 可以提交', async () => {
    const d = await tmp();
    const f = join(d, 'left.xlsx');
    await writeFile(f, await leftOutWorkbook());
    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      const code = await run(['check', f, '--lang', lang], c.io);
      const out = c.out();
      expect(out).toContain(lang === 'zh' ? '工作表「考核表」：得分' : 'Sheet "考核表":');
      expect(out).toContain(
        lang === 'zh' ? '合并单元格 J1:K3 / K2:L4 相互重叠' : 'J1:K3 / K2:L4 that overlap',
      );
      expect(out).toContain(lang === 'zh' ? '工作表名“一/二”' : 'The sheet name "一/二"');
      expect(lines(out).at(-1)).not.toMatch(/可以提交|Ready to submit/);
      expect(code).toBe(1);
    }
  });

  it('check --json lists them under skipped with the reader’s reason and message', async () => {
    const d = await tmp();
    const f = join(d, 'left.xlsx');
    await writeFile(f, await leftOutWorkbook());
    const c = capture();
    expect(await run(['check', f, '--json', '--lang', 'en'], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as JsonOut;
    const file = report.files[0]!;
    expect(file.sheets.map((s) => s.name)).toEqual(['考核表']);
    const left = file.skipped.filter((s) => s.reason === 'badSheetName' || s.reason === 'overlappingMerge');
    expect(left.map((s) => [s.name, s.reason])).toEqual([
      ['一/二', 'badSheetName'],
      ['合并', 'overlappingMerge'],
    ]);
    expect(left[1]!.message).toBe(sheetProblemText(LEFT_OUT[1]!, 'en'));
    expect(left[0]!.message).toMatch(/^The sheet name "一\/二" is not one Excel allows/);
  });
  it('summary says on stderr which sheets were left out and why, sums the rest, and exits non-zero', async () => {
    const d = await tmp();
    await writeFile(join(d, '东风.xlsx'), await leftOutWorkbook());
    await writeFile(join(d, '西岭.xlsx'), await workbookBytes([{ name: '考核表' }]));
    for (const lang of ['zh', 'en'] as const) {
      const out = join(await tmp(), 'summary.xlsx');
      const c = capture();
      const code = await run(['summary', d, '-o', out, '--lang', lang], c.io);
      expect(c.err()).toContain(sheetProblemText(LEFT_OUT[1]!, lang));
      expect(c.err()).toContain(lang === 'zh' ? '工作表名“一/二”' : 'The sheet name "一/二"');
      expect(c.err()).toContain('东风.xlsx');
      expect(c.out()).toMatch(lang === 'zh' ? /已写入.*2 个单位/ : /Wrote .*2 units/);
      expect(code).toBe(1);
    }
  });
});

describe('hidden rubric sheets', () => {
  it('check checks hidden and very hidden rubric sheets and says they are hidden', async () => {
    const d = await tmp();
    const f = join(d, 'hidden.xlsx');
    // The hidden sheet deducts 70 from a 60-point item: an error only a check of it can find.
    await writeFile(
      f,
      await workbookBytes([
        { name: '可见' },
        { name: '隐藏', state: 'hidden', rows: rubricRows(70) },
        { name: '深藏', state: 'veryHidden' },
      ]),
    );
    const j = capture();
    expect(await run(['check', f, '--json'], j.io)).toBe(1);
    const file = (JSON.parse(j.out()) as JsonOut).files[0]!;
    expect(file.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['可见', undefined],
      ['隐藏', 'hidden'],
      ['深藏', 'veryHidden'],
    ]);
    expect(file.sheets[1]!.issues.some((i) => i.severity === 'error')).toBe(true);
    expect(file.sheets[2]!.issues.some((i) => i.severity === 'error')).toBe(false);

    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      await run(['check', f, '--lang', lang], c.io);
      const out = lines(c.out());
      const at = (s: string) =>
        out.findIndex((l) => l.includes(lang === 'zh' ? `工作表「${s}」：得分` : `Sheet "${s}":`));
      expect(at('隐藏')).toBeGreaterThan(0);
      expect(at('深藏')).toBeGreaterThan(0);
      expect(out[at('隐藏')]).toMatch(lang === 'zh' ? /（隐藏）$/ : /\(hidden\)$/);
      expect(out[at('隐藏') + 1]).toMatch(
        lang === 'zh' ? /隐藏的工作表，已照常检查/ : /hidden sheet, checked/,
      );
      expect(out[at('深藏')]).toMatch(lang === 'zh' ? /（深度隐藏）$/ : /\(very hidden\)$/);
      expect(out.at(-1)).toMatch(
        lang === 'zh' ? /3 张评分表.*请改正错误/ : /3 rubric sheets.*Correct the errors/,
      );
    }
  });
});

describe('a looping link costs only that path', () => {
  async function loopFolder(): Promise<string> {
    const d = await tmp();
    await writeFile(join(d, '甲.xlsx'), await workbookBytes([{ name: '考核表' }]));
    await writeFile(join(d, '乙.xlsx'), await workbookBytes([{ name: '考核表', rows: rubricRows(1) }]));
    await symlink(join(d, 'loop.xlsx'), join(d, 'loop.xlsx'));
    await mkdir(join(d, 'sub'));
    await symlink(d, join(d, 'sub', 'up'));
    return d;
  }

  it('check reports the loop and the link back, and checks the rest', async () => {
    const d = await loopFolder();
    const c = capture();
    const code = await run(['check', d], c.io);
    const out = c.out();
    expect(out).toContain('循环的符号链接');
    expect(out).toContain('指回其上级文件夹的链接');
    expect(out.match(/工作表「考核表」：得分/g)).toHaveLength(2);
    expect(code).toBe(1);
  });

  it('summary reports the loop and still writes the summary of the rest', async () => {
    const d = await loopFolder();
    const out = join(await tmp(), '汇总.xlsx');
    const c = capture();
    const code = await run(['summary', d, '-o', out], c.io);
    expect(c.err()).toContain('循环的符号链接');
    expect(c.out()).toContain('已写入');
    expect(c.out()).toMatch(/2 个单位/);
    expect(code).toBe(1);
  });
});

describe('many files: each reported as it is done, a bad one costs only itself', () => {
  async function mixedFolder(): Promise<string> {
    const d = await tmp();
    await writeFile(join(d, 'a.xlsx'), await workbookBytes([{ name: '考核表' }]));
    await writeFile(
      join(d, 'b.xlsx'),
      new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
    );
    await writeFile(join(d, 'c.xlsx'), zipSync({ 'docProps/app.xml': strToU8('<Properties/>') }));
    await writeFile(join(d, 'd.xlsx'), await workbookBytes([{ name: '考核表', rows: rubricRows(1) }]));
    return d;
  }

  it('a damaged file and a zip without a workbook each get a clear message in both languages; the others are reported', async () => {
    const d = await mixedFolder();
    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      expect(await run(['check', d, '--lang', lang], c.io)).toBe(1);
      const out = lines(c.out());
      for (const bad of ['b.xlsx', 'c.xlsx']) {
        const at = out.findIndex((l) => l.endsWith(bad));
        expect(at).toBeGreaterThanOrEqual(0);
        expect(out[at + 1]).toContain(bad);
        expect(out[at + 1]).toMatch(lang === 'zh' ? /无法读取.*另存为/ : /Cannot read.*save it/i);
        expect(out[at + 1]).not.toMatch(/[A-Za-z]+Error|invalid zip|end of central|\bat \S+:\d+/i);
      }
      expect(out.filter((l) => /工作表「考核表」：得分|Sheet "考核表":/.test(l))).toHaveLength(2);
    }
  });

  it('each file is printed before the next is read', async () => {
    const d = await mixedFolder();
    const c = capture();
    const replacement = await workbookBytes([{ name: '换过' }]);
    let replaced = false;
    const io = {
      ...c.io,
      // When a.xlsx's report is out, d.xlsx is replaced: a run that read every file first would miss it.
      out: (t: string) => {
        c.io.out(t);
        if (!replaced && t.includes('a.xlsx')) {
          writeFileSync(join(d, 'd.xlsx'), replacement);
          replaced = true;
        }
      },
    };
    await run(['check', d], io);
    expect(replaced).toBe(true);
    expect(c.out()).toContain('工作表「换过」');
    expect(c.outChunks.filter((t) => /\.xlsx\n/.test(t))).toHaveLength(4);
  });

  it('summary of the same folder names the two bad files, sums the two good ones, and exits non-zero', async () => {
    const d = await mixedFolder();
    const out = join(await tmp(), '汇总.xlsx');
    const c = capture();
    const code = await run(['summary', d, '-o', out], c.io);
    expect(c.err()).toContain('b.xlsx');
    expect(c.err()).toContain('c.xlsx');
    expect(c.out()).toMatch(/2 个单位/);
    expect(code).toBe(1);
  });
});

describe('the last line says 可以提交 only when it is so', () => {
  it('errors, no rubric, an unreadable file: never 可以提交; a clean file: 可以提交', async () => {
    const d = await tmp();
    const clean = join(d, 'clean.xlsx');
    await writeFile(clean, await workbookBytes([{ name: '考核表' }]));
    const wrong = join(d, 'wrong.xlsx');
    await writeFile(wrong, await workbookBytes([{ name: '考核表', rows: rubricRows(70) }]));
    const none = join(d, 'none.xlsx');
    await writeFile(none, await workbookBytes([{ name: '说明', rows: [['本表无评分内容'], ['见附件']] }]));
    const broken = join(d, 'broken.xlsx');
    await writeFile(broken, strToU8('not a workbook'));
    const last = async (...files: string[]) => {
      const c = capture();
      const code = await run(['check', ...files], c.io);
      return { code, line: lines(c.out()).at(-1)! };
    };
    expect(await last(clean)).toEqual({ code: 0, line: expect.stringContaining('可以提交') });
    for (const files of [[wrong], [none], [broken], [clean, wrong], [clean, none], [clean, broken]]) {
      const r = await last(...files);
      expect(r.line, files.join(' ')).not.toContain('可以提交');
      expect(r.code, files.join(' ')).toBe(1);
    }
  });
});

describe('an unexpected failure never shows the engine’s text', () => {
  it('a failure escaping a command prints what happened, which file, what to do — no internal text or stack', async () => {
    const d = await tmp();
    const f = join(d, '东风社区.xlsx');
    await writeFile(f, await workbookBytes([{ name: '考核表' }]));
    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      const io = {
        ...c.io,
        out: () => {
          throw new TypeError("Cannot set properties of undefined (setting 'x')");
        },
      };
      expect(await run(['check', f, '--lang', lang], io)).toBe(2);
      const err = c.err();
      expect(err).toContain('东风社区.xlsx');
      expect(err).not.toMatch(/Cannot set properties|TypeError|\bat \S+ \(|\.ts:\d+/);
      expect(err).toMatch(lang === 'zh' ? /无法处理.*重试/ : /cannot handle.*retry/);
    }
  });

  it('the formatter: engine text and stacks never reach the user; the files named are', () => {
    for (const e of [
      new TypeError("Cannot set properties of undefined (setting 'value')"),
      new RangeError('Invalid string length'),
      Object.assign(new Error('boom'), { stack: 'Error: boom\n    at f (/src/core/x.ts:1:2)' }),
      'a thrown string',
      undefined,
    ]) {
      for (const lang of ['zh', 'en'] as const) {
        const text = formatUnexpected(
          e,
          ['summary', 'a.xlsx', 'units/', '-o', 'out.xlsx', '--lang', lang],
          lang,
        );
        expect(text).not.toMatch(/Cannot set|Invalid string length|boom|a thrown string|\bat f\b|x\.ts/);
        expect(text).toContain('a.xlsx');
        expect(text).toContain('units/');
        expect(text).not.toContain('--lang');
        expect(text).toMatch(lang === 'zh' ? /未写入任何内容.*重试/ : /nothing was written.*retry/i);
      }
    }
  });
});

describe('summary says a roster or output problem in its own words', () => {
  it('a missing roster, a roster that is a folder and a damaged .xlsx roster: no engine text', async () => {
    const d = await tmp();
    const unit = join(d, '一村.xlsx');
    await writeFile(unit, await workbookBytes([{ name: '考核表' }]));
    const broken = join(d, '名单.xlsx');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
    await mkdir(join(d, '名单夹'));
    for (const roster of [join(d, '没有.txt'), join(d, '名单夹'), broken]) {
      const c = capture();
      const code = await run(
        ['summary', unit, '-o', join(d, 'out.xlsx'), '--roster', roster, '--force'],
        c.io,
      );
      const text = c.err() + c.out();
      expect(code, roster).not.toBe(0);
      expect(text).toContain(roster.split('/').pop()!);
      expect(text).not.toMatch(/ENOENT|EISDIR|errno|at \S+:\d+|Error:|invalid zip|end of central/i);
    }
  });
});
