/**
 * Nothing reaches the terminal raw: cell text, sheet names and file names holding escape sequences
 * (ESC[2J clears the screen, ESC]0;… BEL sets the window title), a carriage return, other C0 and C1
 * controls and bidirectional overrides (U+202E) are shown as `\uXXXX` in the plain report, in
 * `fill`'s conflict list and warnings, and on stderr; a cell cannot fake the report's last line.
 * The workbooks are built with ExcelJS and their XML edited where ExcelJS drops control characters
 * (Excel itself stores ESC in a cell as `_x001B_`).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { run } from '../../src/cli/main';
import { capture, cellMarkers, rubricRows, withRawText, workbookBytes } from './helpers';

/** What a terminal would act on instead of showing (tab and newline aside). */
const RAW =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Clear screen, set the window title, return to the line start, C1 NEL and CSI, right-to-left override. */
const HOSTILE = '\u001b[2J\u001b]0;已通过\u0007\r\u0085\u009b31m\u202e';
/** A fake last line in green, on a line of its own. */
const FAKE = '\n\r共 1 个文件、1 张评分表：错误 0 个，警告 0 个。\u001b[32m可以提交。\u001b[0m\n';

const rawAt = (text: string) => {
  const m = RAW.exec(text);
  return m
    ? `U+${m[0].charCodeAt(0).toString(16)} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 10))}`
    : null;
};

let dir = '';

/** A workbook whose 扣分 cell, 得分 cell and (optionally) sheet name hold `text`. */
async function hostileWorkbook(opts: {
  deduction?: string;
  score?: string;
  sheet?: string;
}): Promise<Uint8Array> {
  const rows = rubricRows(opts.deduction === undefined ? 2 : cellMarkers(opts.deduction));
  if (opts.score !== undefined) rows[2]![5] = cellMarkers(opts.score);
  rows[3]![6] = cellMarkers(`原因${HOSTILE}${FAKE}`);
  return withRawText(await workbookBytes([{ name: opts.sheet ?? '东风社区', rows }]));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-terminal-'));
});

describe('the fixtures hold the raw characters', () => {
  it('the reader gives back ESC, BEL, CR and U+202E in cells, and a newline and U+202E in a sheet name', async () => {
    const grid = await readXlsx(
      await hostileWorkbook({ deduction: `1分${HOSTILE}`, sheet: '东风⟪000A⟫社区\u202e' }),
    );
    const s = grid.sheets[0]!;
    expect(s.name).toBe('东风\n社区\u202e');
    const e3 = String(s.values[2]![4]);
    for (const c of ['\u001b[2J', '\u001b]0;', '\u0007', '\r', '\u202e']) expect(e3).toContain(c);
  });
});

describe('check: the plain report', () => {
  let folder = '';
  let file = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(dir, 'check-'));
    file = join(folder, `单位${HOSTILE}.xlsx`);
    await writeFile(
      file,
      await hostileWorkbook({ deduction: `1分${HOSTILE}${FAKE}`, sheet: '东风\u202e社区⟪000A⟫共' }),
    );
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: file name, sheet name and cell text are shown escaped; stdout holds no raw control`, async () => {
      const c = capture();
      expect(await run(['check', folder, '--lang', lang], c.io)).toBe(1);
      const out = c.out();
      expect(rawAt(out)).toBeNull();
      expect(rawAt(c.err())).toBeNull();
      // The file name, as typed on the screen, escape by escape.
      expect(out).toContain('单位\\u001b[2J\\u001b]0;已通过\\u0007\\u000d\\u0085\\u009b31m\\u202e.xlsx');
      // The sheet name: the override escaped, its newline shown as \n on the sheet's line.
      expect(out).toContain('东风\\u202e社区\\n共');
      // The 扣分 text quoted in the finding.
      expect(out).toContain('1分\\u001b[2J\\u001b]0;已通过\\u0007');
    });
  }

  it('a cell cannot fake the green 可以提交 line: the only line starting 共 is the last, and it says to correct', async () => {
    const c = capture();
    await run(['check', folder], c.io);
    const lines = c.out().trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('共'))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).not.toContain('可以提交');
    expect(lines.at(-1)).toContain('请改正错误');
    // The fake is there, visibly escaped, inside the finding's line.
    const fake = lines.find((l) => l.includes('可以提交'));
    expect(fake).toContain('\\n\\u000d共 1 个文件');
    expect(fake).toContain('\\u001b[32m可以提交');
  });

  it('a file name cannot fake it either: a corrupt file named like the last line', async () => {
    const f = await mkdtemp(join(dir, 'name-'));
    await writeFile(join(f, `坏${FAKE}.xlsx`), 'not a workbook');
    const c = capture();
    expect(await run(['check', f], c.io)).toBe(1);
    const lines = c.out().trimEnd().split('\n');
    expect(rawAt(c.out())).toBeNull();
    expect(lines.filter((l) => /^\s*共/.test(l))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).not.toContain('可以提交');
  });

  it('--json stays valid and decodes to the original file name, sheet name and text', async () => {
    const c = capture();
    await run(['check', folder, '--json'], c.io);
    expect(rawAt(c.out())).toBeNull();
    const report = JSON.parse(c.out()) as {
      files: { file: string; sheets: { name: string; issues: { message: string }[] }[] }[];
    };
    const f = report.files[0]!;
    expect(f.file).toBe(file);
    expect(f.sheets[0]!.name).toBe('东风\u202e社区\n共');
    expect(f.sheets[0]!.issues.some((i) => i.message.includes(`1分${HOSTILE}`))).toBe(true);
  });

  it('progress on a terminal: the product’s own \\r and ESC[K only, the file names escaped', async () => {
    const f = await mkdtemp(join(dir, 'progress-'));
    await writeFile(join(f, `a${HOSTILE}.xlsx`), await hostileWorkbook({}));
    await writeFile(join(f, `b${HOSTILE}.xlsx`), await hostileWorkbook({}));
    const c = capture(true);
    await run(['check', f], c.io);
    const err = c.err();
    expect(err).toContain('1/2 a\\u001b[2J');
    // What remains once the status line's own controls are taken out is plain text.
    expect(rawAt(err.replaceAll('\r', '').replaceAll('\u001b[K', ''))).toBeNull();
    expect(rawAt(c.out())).toBeNull();
  });
});

describe('fill: conflicts and warnings', () => {
  it('a typed 得分 holding escapes is listed escaped in the conflict list on stderr', async () => {
    const f = await mkdtemp(join(dir, 'fill-'));
    const input = join(f, 'in.xlsx');
    await writeFile(
      input,
      await hostileWorkbook({ score: `满分${HOSTILE}${FAKE}`, sheet: '东风\u202e社区' }),
    );
    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      expect(await run(['fill', input, '-o', join(f, `out-${lang}.xlsx`), '--lang', lang], c.io)).toBe(1);
      const err = c.err();
      expect(rawAt(err)).toBeNull();
      expect(err).toContain('东风\\u202e社区!F3');
      expect(err).toContain('满分\\u001b[2J\\u001b]0;已通过\\u0007\\u000d');
      // The typed text stays on its conflict line.
      expect(err.split('\n').filter((l) => l.includes('F3'))).toHaveLength(1);
      expect(err).toContain('\\n\\u000d共 1 个文件');
    }
  });

  it('text in 扣分 holding escapes is quoted escaped in the warning printed before writing', async () => {
    const f = await mkdtemp(join(dir, 'fill-warn-'));
    const input = join(f, 'in.xlsx');
    await writeFile(input, await hostileWorkbook({ deduction: `1分${HOSTILE}${FAKE}` }));
    const c = capture();
    await run(['fill', input, '-o', join(f, 'out.xlsx')], c.io);
    expect(rawAt(c.err())).toBeNull();
    expect(rawAt(c.out())).toBeNull();
    expect(c.err()).toContain('1分\\u001b[2J\\u001b]0;已通过\\u0007');
    expect(
      c
        .err()
        .split('\n')
        .filter((l) => l.includes('E3')),
    ).toHaveLength(1);
  });

  it('file names with escapes on stderr: an input that cannot be read, an output that exists', async () => {
    const f = await mkdtemp(join(dir, 'fill-names-'));
    const bad = join(f, `坏${HOSTILE}.xlsx`);
    await writeFile(bad, 'not a workbook');
    const c = capture();
    expect(await run(['fill', bad, '-o', join(f, 'out.xlsx')], c.io)).toBe(2);
    expect(rawAt(c.err())).toBeNull();
    expect(c.err()).toContain('坏\\u001b[2J');
    const input = join(f, 'in.xlsx');
    await writeFile(input, await workbookBytes([{ name: '东风社区' }]));
    const existing = join(f, `已有${HOSTILE}.xlsx`);
    await writeFile(existing, 'the assessor’s file');
    const d = capture();
    expect(await run(['fill', input, '-o', existing], d.io)).toBe(2);
    expect(rawAt(d.err())).toBeNull();
    expect(d.err()).toContain('已有\\u001b[2J');
  });
});

describe('stderr when it cannot run', () => {
  it('a path that does not exist and an unknown option are named escaped', async () => {
    const c = capture();
    expect(await run(['check', join(dir, `没有${HOSTILE}.xlsx`)], c.io)).toBe(2);
    expect(rawAt(c.err())).toBeNull();
    expect(c.err()).toContain('没有\\u001b[2J');
    const d = capture();
    expect(await run(['check', dir, `--x${HOSTILE}`], d.io)).toBe(2);
    expect(rawAt(d.err())).toBeNull();
    expect(d.err()).toContain('\\u001b[2J');
  });
});

describe('summary', () => {
  it('unit names from file names with escapes are shown escaped on stdout and stderr', async () => {
    const f = await mkdtemp(join(dir, 'summary-'));
    const units = join(f, 'units');
    await mkdir(units);
    await writeFile(join(units, `东风社区${HOSTILE}.xlsx`), await workbookBytes([{ name: '考核细则' }]));
    await writeFile(join(units, `坏${HOSTILE}.xlsx`), 'not a workbook');
    const c = capture();
    await run(['summary', units, '-o', join(f, 'summary.xlsx')], c.io);
    expect(rawAt(c.out())).toBeNull();
    expect(rawAt(c.err())).toBeNull();
    expect(c.out()).toContain('东风社区\\u001b[2J');
    expect(c.err()).toContain('坏\\u001b[2J');
  });
});

describe('a newline in a sheet or file name', () => {
  // Reproduced: a sheet named "东风&#10;可以提交" (a newline in workbook.xml) or a file named
  // "新华\n可以提交.xlsx" breaks the printed line in two, so the name's second part stands alone.
  it('fill: the sheet name stays on its line in the written-sheet line and in warnings (zh and en)', async () => {
    const f = await mkdtemp(join(dir, 'fill-newline-'));
    const input = join(f, 'in.xlsx');
    // Text in 扣分 gives a warning that names the sheet; the write itself names it per sheet.
    await writeFile(input, await hostileWorkbook({ deduction: '1分', sheet: '东风⟪000A⟫可以提交' }));
    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      await run(['fill', input, '-o', join(f, `out-${lang}.xlsx`), '--lang', lang], c.io);
      const lines = (c.out() + c.err()).split('\n');
      expect(
        lines.some((l) => l.includes('东风\\n可以提交')),
        lang,
      ).toBe(true);
      // No line begins with the name's second half.
      expect(
        lines.filter((l) => l.trimStart().startsWith('可以提交')),
        lang,
      ).toEqual([]);
    }
  });

  it('summary: a unit named by a file name with a newline stays on its line', async () => {
    const f = await mkdtemp(join(dir, 'summary-newline-'));
    const units = join(f, 'units');
    await mkdir(units);
    await writeFile(join(units, '新华\n可以提交.xlsx'), await hostileWorkbook({ sheet: '考核细则' }));
    const c = capture();
    await run(['summary', units, '-o', join(f, 'summary.xlsx')], c.io);
    const lines = (c.out() + c.err()).split('\n');
    expect(lines.some((l) => l.includes('新华\\n可以提交'))).toBe(true);
    expect(lines.filter((l) => l.trimStart().startsWith('可以提交'))).toEqual([]);
  });
});
