/**
 * Reading from a path goes through a file source: the zip's directory, then each part the core
 * needs, a piece at a time. The result is the in-memory read's, parts the reader does not need are
 * never read, and the file's own faults are said in the reader's terms.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource, readXlsxWorkbook, XlsxReadError } from '../../src/adapters/xlsx/read';
import { readXlsxStream } from '../../src/adapters/xlsx/reader';

const ROOT = join(import.meta.dirname, '..', '..');
const REAL = join(ROOT, '..', 'shared', 'real-rubrics');
const FILES = [
  join(ROOT, 'samples', 'communities.xlsx'),
  join(ROOT, 'samples', 'other-office.xlsx'),
  ...readdirSync(REAL)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(REAL, f)),
];
const dir = mkdtempSync(join(tmpdir(), 'rs-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'read';
  } catch (e) {
    return e instanceof XlsxReadError ? e.code : `raw: ${String(e)}`;
  }
}

describe('reading a path through a file source', () => {
  it.each(FILES)('%s: the same workbook as reading its bytes', async (file) => {
    const fromPath = await readXlsxWorkbook(file);
    const fromBytes = readXlsxStream(new Uint8Array(readFileSync(file)), 'x');
    expect(fromPath.grid).toEqual(fromBytes.grid);
    expect(fromPath.states).toEqual(fromBytes.states);
    expect(fromPath.skipped).toEqual(fromBytes.skipped);
  });

  it('a large part the reader does not need is never read', () => {
    const parts = unzipSync(new Uint8Array(readFileSync(FILES[0]!)));
    const big = new Uint8Array(8 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
    const file = join(dir, 'with-media.xlsx');
    writeFileSync(file, zipSync({ ...parts, 'xl/media/image1.bin': [big, { level: 0 }] }));
    const fd = openSync(file, 'r');
    let read = 0;
    try {
      const src = fileSource(fd, readFileSync(file).length);
      const counted = {
        length: src.length,
        read: (o: number, n: number) => {
          const b = src.read(o, n);
          read += b.length;
          return b;
        },
      };
      const book = readXlsxStream(counted, 'with-media.xlsx');
      expect(book.grid).toEqual(readXlsxStream(new Uint8Array(readFileSync(FILES[0]!)), 'x').grid);
    } finally {
      closeSync(fd);
    }
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(big.length / 4);
  });

  it('a missing file, a folder and a file cut short are said as such, never raw', async () => {
    expect(await codeOf(readXlsxWorkbook(join(dir, 'none.xlsx')))).toBe('notFound');
    expect(await codeOf(readXlsxWorkbook(dir))).toBe('notAFile');
    const bytes = readFileSync(FILES[0]!);
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await codeOf(readXlsxWorkbook(cut))).toBe('corrupt');
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    expect(await codeOf(readXlsxWorkbook(empty))).toBe('empty');
  });
});
