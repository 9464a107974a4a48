/**
 * One zip entry's content (src/adapters/xlsx/reader/zip.ts): whether it is inflated in one go or
 * in pieces, what comes out is the entry's data, whatever size the directory claims for it, and
 * damaged data is a ZipError.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { streamEntry, ZipError, type ZipEntry, zipEntries } from '../../src/adapters/xlsx/reader/zip';

/** A sheet-like XML text of about `rows` rows. */
function xml(rows: number): string {
  const parts = ['<sheetData>'];
  for (let r = 1; r <= rows; r++)
    parts.push(`<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 1000}</v></c></row>`);
  parts.push('</sheetData>');
  return parts.join('');
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function read(bytes: Uint8Array, e: ZipEntry): { data: string; chunks: number } {
  const chunks: Uint8Array[] = [];
  streamEntry(bytes, e, (c) => chunks.push(c.slice()));
  return { data: new TextDecoder().decode(concat(chunks)), chunks: chunks.length };
}

/** The zip with the directory's uncompressed size of its one entry set to `size`. */
function claimingSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = out.length - 46; i >= 0; i--)
    if (dv.getUint32(i, true) === 0x02014b50) {
      dv.setUint32(i + 24, size, true);
      return out;
    }
  throw new Error('no directory entry');
}

describe('a zip entry read out', () => {
  const small = xml(300);
  const zip = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(small) }, { level: 6 });

  it("is the entry's data, in one chunk for an entry that fits in one piece", () => {
    const [e] = zipEntries(zip);
    expect(e!.size).toBe(small.length);
    expect(read(zip, e!)).toEqual({ data: small, chunks: 1 });
  });

  it('is the data itself when the directory claims a size too small, too large, or off by one', () => {
    for (const size of [1, small.length - 1, small.length + 1, small.length * 3]) {
      const lying = claimingSize(zip, size);
      const [e] = zipEntries(lying);
      expect(e!.size).toBe(size);
      expect(read(lying, e!).data).toBe(small);
    }
  });

  it('an entry larger than one piece comes in pieces, whole', () => {
    // Incompressible, so that the compressed entry is over one piece (256 KiB).
    const noise = randomBytes(450_000).toString('base64');
    const big = zipSync({ 'a.xml': strToU8(noise) }, { level: 6 });
    const [e] = zipEntries(big);
    expect(e!.compressedSize).toBeGreaterThan(256 * 1024);
    const r = read(big, e!);
    expect(r.data).toBe(noise);
    expect(r.chunks).toBeGreaterThan(1);
  });

  it('damaged deflate data is a ZipError', () => {
    const [e] = zipEntries(zip);
    const damaged = zip.slice();
    // The local header is 30 bytes plus the name; spoil the deflate data after it.
    const start = e!.offset + 30 + 'xl/worksheets/sheet1.xml'.length;
    damaged.fill(0xff, start, start + 8);
    expect(() => read(damaged, e!)).toThrow(ZipError);
  });

  it('a deflate stream cut short is a ZipError', () => {
    const data = deflateSync(strToU8(small));
    expect(data.length).toBeGreaterThan(20);
    const cut = zipSync({ 'x.xml': strToU8(small) });
    const [e] = zipEntries(cut);
    // Say the entry is shorter than it is: the deflate stream then ends early.
    const short: ZipEntry = { ...e!, compressedSize: Math.floor(e!.compressedSize / 2) };
    expect(() => read(cut, short)).toThrow(ZipError);
  });
});
