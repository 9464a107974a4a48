/**
 * The entries of a zip held in memory, and one entry's content streamed out in pieces: a part is
 * never decompressed whole, so a 500 MB sheet is read with a few megabytes of buffers. fflate does
 * the inflating; the central directory is read here because streaming one entry needs its offset.
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** Bytes that are not a zip the reader can open. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/**
 * The entries of a zip (its central directory).
 * @throws ZipError when there is no central directory.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no zip central directory (the file is cut short or not a zip)');
  let count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  // Zip64: the end record points to a larger one.
  if ((count === 0xffff || p === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === 0x07064b50) {
    const z = Number(dv.getBigUint64(eocd - 12, true));
    if (dv.getUint32(z, true) === 0x06064b50) {
      count = Number(dv.getBigUint64(z + 32, true));
      p = Number(dv.getBigUint64(z + 48, true));
    }
  }
  const out: ZipEntry[] = [];
  const dec = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50)
      throw new ZipError('damaged zip directory');
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    let offset = dv.getUint32(p + 42, true);
    // Zip64 sizes live in the extra field.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = dv.getUint16(e, true);
      const len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(dv.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(dv.getBigUint64(q, true));
          q += 8;
        }
        if (offset === 0xffffffff) offset = Number(dv.getBigUint64(q, true));
      }
      e += 4 + len;
    }
    out.push({
      name: dec.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: dv.getUint16(p + 10, true),
      compressedSize,
      size,
      offset,
    });
    p += 46 + nameLen + extraLen + comment;
  }
  return out;
}

/** Compressed input is fed to the inflater in pieces of this size, so output arrives in pieces too. */
const PIECE = 256 * 1024;

/**
 * Stream one entry's content to `onChunk`, in order.
 * @throws ZipError for a compression method other than stored or deflate, or damaged data.
 */
export function streamEntry(bytes: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || dv.getUint32(e.offset, true) !== 0x04034b50)
    throw new ZipError(`damaged zip entry ${e.name}`);
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  const raw = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    for (let i = 0; i < raw.length; i += PIECE) onChunk(raw.subarray(i, i + PIECE));
    return;
  }
  if (e.method !== 8) throw new ZipError(`zip entry ${e.name} uses compression method ${e.method}`);
  const inflate = new Inflate((chunk) => onChunk(chunk));
  try {
    for (let i = 0; i < raw.length; i += PIECE)
      inflate.push(raw.subarray(i, i + PIECE), i + PIECE >= raw.length);
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    // Only fflate's own faults are damaged data; what the consumer throws (a size bound) goes through.
    if (!(err instanceof Error) || typeof (err as { code?: unknown }).code !== 'number') throw err;
    throw new ZipError(`zip entry ${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
