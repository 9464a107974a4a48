/**
 * The reader on workbooks that would stop a whole run: one sheet with a name Excel does not allow or
 * with overlapping merges costs only that sheet, with a message; a workbook too large to read safely
 * is refused, with a message in both languages, before memory runs out; a 1,000,000-row sheet is read
 * in a child process whose peak memory is measured.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInChild, writeLargeSheet } from '../../bench/read';
import { sheetProblemText, XlsxReadError } from '../../src/adapters/xlsx/errors';
import { loadXlsx } from '../../src/adapters/xlsx/grid';
import { DEFAULT_LIMITS, openXlsx, readXlsxStream } from '../../src/adapters/xlsx/reader';
import type { CliIO } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { a1 } from '../../src/core/a1';
import type { SheetGrid } from '../../src/core/grid';
import { rubricSheet } from '../writeback/fixtures';
import { buildPackage } from './parts';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-robust-'));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function sheetXml(g: SheetGrid, extraMerges: string[] = []): string {
  const rows = g.values
    .map((row, r) => {
      const cells = row
        .map((v, c) =>
          v === null
            ? ''
            : typeof v === 'number'
              ? `<c r="${a1(r, c)}"><v>${v}</v></c>`
              : `<c r="${a1(r, c)}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`,
        )
        .join('');
      return cells ? `<row r="${r + 1}">${cells}</row>` : '';
    })
    .join('');
  const merges = [...g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), ...extraMerges];
  return `<sheetData>${rows}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
}

/** A rubric sheet that reads well, a sheet named "a/b", a second "考核表", a sheet with overlapping merges. */
function faultyWorkbook(): Uint8Array {
  const good = rubricSheet({ name: '考核表', deductions: [0.5, null, 1] }).sheet;
  return buildPackage({
    sheets: [
      { name: '考核表', xml: sheetXml(good) },
      { name: '一/二', xml: sheetXml(good) },
      { name: '考核表', xml: sheetXml(good) },
      { name: '合并', xml: sheetXml(good, ['J1:K3', 'K2:L4']) },
    ],
  });
}

function capture(): { io: CliIO; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), errIsTTY: false },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('one bad sheet costs only that sheet', () => {
  it('ExcelJS refuses the whole workbook (the fault); the streaming reader leaves out only the bad sheets, saying why', async () => {
    const bytes = faultyWorkbook();
    await expect(loadXlsx(bytes, 'x.xlsx')).rejects.toBeInstanceOf(XlsxReadError);
    const book = readXlsxStream(bytes, 'x.xlsx');
    expect(book.grid.sheets.map((s) => s.name)).toEqual(['考核表']);
    expect(book.skipped?.map((p) => [p.sheet, p.code])).toEqual([
      ['一/二', 'badSheetName'],
      ['考核表', 'badSheetName'],
      ['合并', 'overlappingMerge'],
    ]);
    const merge = book.skipped![2]!;
    expect(merge.detail).toBe('J1:K3 / K2:L4');
    expect(sheetProblemText(merge, 'zh')).toMatch(/合并单元格 J1:K3 \/ K2:L4 相互重叠.*其余工作表照常读取/);
    expect(sheetProblemText(merge, 'en')).toMatch(/overlap.*the other sheets were/);
    expect(sheetProblemText(book.skipped![0]!, 'zh')).toContain('“一/二”');
    expect(sheetProblemText(book.skipped![0]!, 'en')).toMatch(/Rename it/);
  });

  it('names Excel refuses: too long, a forbidden character, a quote at either end, empty', () => {
    const names = ['x'.repeat(32), 'a:b', 'a?b', 'a*b', 'a[b]', 'a\\b', "'ab", '  '];
    const bytes = buildPackage({
      sheets: [{ name: 'ok', xml: '<sheetData/>' }, ...names.map((name) => ({ name, xml: '<sheetData/>' }))],
    });
    const book = readXlsxStream(bytes, 'x.xlsx');
    expect(book.grid.sheets.map((s) => s.name)).toEqual(['ok']);
    expect(book.skipped?.map((p) => p.sheet)).toEqual(names);
    // 31 characters (CJK counted as one each) is allowed.
    const fine = buildPackage({ sheets: [{ name: '考'.repeat(31), xml: '<sheetData/>' }] });
    expect(readXlsxStream(fine, 'x.xlsx').skipped).toBeUndefined();
  });

  it('fill writes the good sheet, says which sheets it left and why, and keeps them as they were', async () => {
    const input = join(dir, 'faulty.xlsx');
    const output = join(dir, 'faulty-out.xlsx');
    writeFileSync(input, faultyWorkbook());
    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      const out = join(dir, `faulty-out-${lang}.xlsx`);
      expect(await run(['fill', input, '-o', out, '--lang', lang], c.io), c.err()).toBe(0);
      expect(c.err()).toContain(lang === 'zh' ? '相互重叠' : 'overlap');
      expect(c.err()).toContain(lang === 'zh' ? '“一/二”' : '"一/二"');
    }
    const c = capture();
    expect(await run(['fill', input, '-o', output], c.io)).toBe(0);
    const after = readXlsxStream(new Uint8Array(readFileSync(output)), 'o');
    const sheet = after.grid.sheets.find((s) => s.name === '考核表')!;
    expect(sheet.formulas?.some((row) => row.some((f) => f !== null))).toBe(true);
    expect(after.skipped?.map((p) => p.sheet)).toEqual(['一/二', '考核表', '合并']);
  });

  it('check reads the rest of the file: the good sheet is checked', async () => {
    const input = join(dir, 'faulty-check.xlsx');
    writeFileSync(input, faultyWorkbook());
    const c = capture();
    await run(['check', input, '--json'], c.io);
    const json = JSON.parse(c.out()) as { files: { sheets: { name: string }[]; error?: unknown }[] };
    expect(json.files[0]!.error).toBeUndefined();
    expect(json.files[0]!.sheets.map((s) => s.name)).toEqual(['考核表']);
  });
});

describe('a workbook too large to read safely is refused before memory runs out', () => {
  const big = join(dir, '250000-rows.xlsx');

  it('past the cells bound, the memory estimate (cells × size), or the unzipped size: tooLarge, said in both languages', () => {
    writeLargeSheet(big, 250_000);
    const bytes = new Uint8Array(readFileSync(big));
    const refuse = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as XlsxReadError;
      }
      throw new Error('expected tooLarge');
    };
    const cells = refuse(() => readXlsxStream(bytes, '明细.xlsx', { ...DEFAULT_LIMITS, cells: 100_000 }));
    expect(cells.code).toBe('tooLarge');
    expect(cells.message).toContain('超过 100,000 个单元格');
    expect(cells.messageIn('en')).toContain('more than 100,000 cells');
    const mem = refuse(() => readXlsxStream(bytes, '明细.xlsx', { ...DEFAULT_LIMITS, bytes: 20_000_000 }));
    expect(mem.message).toContain('估计需要超过 20 MB 内存');
    expect(mem.messageIn('en')).toMatch(/estimated more than 20 MB of memory.*before memory ran out/);
    const pkg = refuse(() => openXlsx(bytes, '明细.xlsx', { ...DEFAULT_LIMITS, packageBytes: 10_000_000 }));
    expect(pkg.message).toContain('解压后超过 10 MB');
    expect(pkg.messageIn('en')).toContain('more than 10 MB unzipped');
    // The bound is met on the way: the refusal comes long before the 1,000,000 cells are read.
    const t = performance.now();
    refuse(() => readXlsxStream(bytes, '明细.xlsx', { ...DEFAULT_LIMITS, cells: 1_000 }));
    expect(performance.now() - t).toBeLessThan(2_000);
  }, 60_000);

  it('1,000,000 rows × 4 cells (numbers, shared and inline strings, formulas): read, peak RSS under 1.5 GB in a child process', () => {
    const million = join(dir, '1000000-rows.xlsx');
    writeLargeSheet(million, 1_000_000);
    expect(existsSync(million)).toBe(true);
    const r = readInChild('stream', million);
    expect(r.error).toBeUndefined();
    expect(r.cells).toBe(4_000_000);
    expect(r.peakRssMB).toBeLessThan(1_500);
    console.log(`1,000,000 rows: ${r.ms} ms, peak RSS ${r.peakRssMB} MB`);
  }, 240_000);
});
