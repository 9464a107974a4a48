/**
 * `fill -o` and `summary -o`: an existing file is never replaced without --force; every output goes
 * to a temporary file in the same folder and is renamed, so a write that fails part-way (a full disk,
 * simulated with `ulimit -f` in a child shell) leaves the old file as it was and no fragment behind;
 * file-system errors get the product's own messages; the output's name matches its content type.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { run } from '../../src/cli/main';
import { fsErrorText } from '../../src/cli/output';
import { capture, extraFiles, workbookBytes } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

const MAIN_TYPE = /ContentType="application\/vnd\.[^"]*?(sheet|template)(\.macroEnabled)?\.main\+xml"/;

/** The workbook content type of an .xlsx/.xlsm package, read independently of the CLI. */
function packageKind(file: string): 'xlsx' | 'xlsm' {
  const types = strFromU8(unzipSync(readFileSync(file))['[Content_Types].xml']!);
  const m = MAIN_TYPE.exec(types);
  if (!m) throw new Error(`no workbook content type in ${file}`);
  return m[2] ? 'xlsm' : 'xlsx';
}

let dir = '';
let input = '';
let unitsDir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-output-'));
  input = join(dir, 'in.xlsx');
  await writeFile(input, await workbookBytes([{ name: '东风社区' }]));
  unitsDir = join(dir, 'units');
  await mkdir(unitsDir);
  await writeFile(join(unitsDir, '东风社区.xlsx'), await workbookBytes([{ name: '东风社区' }]));
  await writeFile(join(unitsDir, '南湖社区.xlsx'), await workbookBytes([{ name: '南湖社区' }]));
});

describe('an existing output file', () => {
  for (const [cmd, args] of [
    ['fill', () => ['fill', input]],
    ['summary', () => ['summary', unitsDir]],
  ] as const) {
    it(`${cmd} -o onto an existing file: refused (exit 2), the file untouched, unless --force`, async () => {
      const out = join(dir, `${cmd}-existing.xlsx`);
      await writeFile(out, 'the assessor’s own file');
      const before = sha(out);
      for (const lang of ['zh', 'en'] as const) {
        const c = capture();
        expect(await run([...args(), '-o', out, '--lang', lang], c.io)).toBe(2);
        expect(sha(out)).toBe(before);
        expect(c.err()).toContain(out);
        expect(c.err()).toContain('--force');
        expect(c.err()).toMatch(lang === 'zh' ? /已存在/ : /already exists/);
        expect(c.out()).toBe('');
      }
      const c = capture();
      expect(await run([...args(), '-o', out, '--force'], c.io), c.err()).toBeLessThan(2);
      expect(sha(out)).not.toBe(before);
      expect((await readXlsx(out)).sheets.length).toBeGreaterThan(0);
      expect(extraFiles(dir, [])).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    });
  }
});

describe('a write that fails part-way (ulimit -f in a child shell)', () => {
  for (const [cmd, args] of [
    ['fill', () => ['fill', input]],
    ['summary', () => ['summary', unitsDir]],
  ] as const) {
    it(`${cmd}: exit 2, the product's message, the old file intact, no fragment left`, async () => {
      const folder = await mkdtemp(join(dir, `ulimit-${cmd}-`));
      const out = join(folder, 'result.xlsx');
      const old = await workbookBytes([{ name: 'old', rows: [['an earlier result']] }]);
      await writeFile(out, old);
      const before = sha(out);
      // 4 KiB: more than the old file needs (it is already written) and less than the new one.
      expect(old.length).toBeGreaterThan(4096);
      // Outside the limit first, so that a stale built CLI is rebuilt before the limited run.
      spawnSync(process.execPath, ['bin/rubric-scorer.js', '--version'], { cwd: ROOT, timeout: 60_000 });
      const tsxCache = await mkdtemp(join(dir, 'tsx-cache-'));
      const quoted = [...args(), '-o', out, '--force'].map((a) => `'${a}'`).join(' ');
      const r = spawnSync(
        'bash',
        ['-c', `ulimit -f 4; exec "${process.execPath}" bin/rubric-scorer.js ${quoted} --lang en`],
        // A cache of its own: the child may not write whole cache files under the limit.
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: tsxCache } },
      );
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(out);
      expect(r.stderr).toMatch(/too large|disk is full/);
      expect(r.stderr).toMatch(/left as it was/);
      expect(r.stderr).not.toMatch(/EFBIG|at .*\.ts:\d+/);
      expect(sha(out)).toBe(before);
      expect(extraFiles(folder, ['result.xlsx'])).toEqual([]);
    }, 60_000);
  }
});

describe('file-system errors in the product’s words', () => {
  it('-o in a folder that does not exist, or naming a folder: exit 2, said plainly, nothing written', async () => {
    for (const [out, zh, en] of [
      [join(dir, 'no-such-folder', 'x.xlsx'), /文件夹.*不存在/, /folder .* does not exist/],
      [unitsDir, /是一个文件夹/, /is a folder/],
    ] as const) {
      for (const [lang, re] of [
        ['zh', zh],
        ['en', en],
      ] as const) {
        for (const cmd of [
          ['fill', input],
          ['summary', unitsDir],
        ]) {
          const c = capture();
          expect(await run([...cmd, '-o', out, '--lang', lang], c.io), `${cmd[0]} ${out}`).toBe(2);
          expect(c.err()).toMatch(re);
          expect(c.err()).not.toMatch(/ENOENT|EISDIR|illegal operation/);
        }
      }
    }
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('every error code the CLI can meet has its own zh and en text, naming the file', () => {
    for (const code of [
      'ENOENT',
      'EACCES',
      'EPERM',
      'EISDIR',
      'ENOSPC',
      'EDQUOT',
      'EFBIG',
      'EROFS',
      'ENOTDIR',
    ]) {
      const zh = fsErrorText('write', code, '/data/结果.xlsx', 'zh');
      const en = fsErrorText('write', code, '/data/结果.xlsx', 'en');
      expect(zh, code).toContain('/data/结果.xlsx');
      expect(en, code).toContain('/data/结果.xlsx');
      expect(zh, code).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(en.replaceAll('结果', ''), code).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh + en, code).not.toContain(code);
    }
    expect(fsErrorText('write', 'ENOSPC', 'a.xlsx', 'zh')).toMatch(/磁盘空间不足/);
    expect(fsErrorText('write', 'EACCES', 'a.xlsx', 'en')).toMatch(/permission/);
    expect(fsErrorText('read', 'EACCES', 'a.xlsx', 'zh')).toMatch(/没有读取/);
    expect(fsErrorText('read', 'ENOENT', 'a.xlsx', 'en')).toMatch(/not found/);
  });

  it('an input that cannot be read is named with what is wrong, not as a damaged workbook', async () => {
    const c = capture();
    expect(await run(['fill', join(dir, 'missing.xlsx'), '-o', join(dir, 'm-out.xlsx')], c.io)).toBe(2);
    expect(c.err()).toMatch(/找不到/);
    const d = capture();
    expect(await run(['fill', unitsDir, '-o', join(dir, 'm-out.xlsx'), '--lang', 'en'], d.io)).toBe(2);
    expect(d.err()).toMatch(/is a folder/);
  });
});

describe('the output’s name matches what is written', () => {
  /** The input package with its workbook content type made macro-enabled (an .xlsm). */
  async function xlsm(): Promise<Uint8Array> {
    const parts = unzipSync(await workbookBytes([{ name: '东风社区' }]));
    const types = strFromU8(parts['[Content_Types].xml']!);
    parts['[Content_Types].xml'] = strToU8(
      types.replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      ),
    );
    return zipSync(parts);
  }

  it('fill x.xlsx -o y.xlsm is refused with what to name it; nothing is written', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const out = join(dir, `wrong-${lang}.xlsm`);
      const c = capture();
      expect(await run(['fill', input, '-o', out, '--lang', lang], c.io)).toBe(2);
      expect(c.err()).toContain('.xlsx');
      expect(c.err()).toMatch(lang === 'zh' ? /扩展名/ : /extension/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('an output that is not .xlsx or .xlsm is refused before anything is read', async () => {
    for (const out of ['result.txt', 'result', 'result.xls']) {
      const c = capture();
      expect(await run(['fill', input, '-o', join(dir, out)], c.io), out).toBe(2);
      expect(c.err()).toMatch(/\.xlsx/);
      expect(existsSync(join(dir, out))).toBe(false);
      const s = capture();
      expect(await run(['summary', unitsDir, '-o', join(dir, out)], s.io), out).toBe(2);
      expect(existsSync(join(dir, out))).toBe(false);
    }
  });

  it('from an .xlsm input, to either name: written with the content type its name says, or refused', async () => {
    const src = join(dir, 'macro.xlsm');
    await writeFile(src, await xlsm());
    for (const ext of ['xlsx', 'xlsm'] as const) {
      const out = join(dir, `from-macro.${ext}`);
      const c = capture();
      const code = await run(['fill', src, '-o', out], c.io);
      if (code === 0) expect(packageKind(out)).toBe(ext);
      else {
        expect(code).toBe(2);
        expect(c.err()).toMatch(/扩展名/);
        expect(existsSync(out)).toBe(false);
      }
    }
  });

  it('fill x.xlsx -o y.xlsx writes an .xlsx package', async () => {
    const out = join(dir, 'plain-out.xlsx');
    const c = capture();
    expect(await run(['fill', input, '-o', out], c.io), c.err()).toBe(0);
    expect(packageKind(out)).toBe('xlsx');
  });
});
