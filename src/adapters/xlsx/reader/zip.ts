/**
 * The entries of a zip, and one entry's content streamed out in pieces: a part is never
 * decompressed whole, so a 500 MB sheet is read with a few megabytes of buffers. The zip itself is
 * read through a ByteSource: bytes in memory, or (in Node) a file read piece by piece, so that a
 * large file need not be held whole either. fflate does the inflating; the central directory is
 * read here because streaming one entry needs its offset.
 */
import { Inflate, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** Random access to a zip's bytes. */
export interface ByteSource {
  readonly length: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the source). */
  read(offset: number, length: number): Uint8Array;
}

/** A zip held in memory; reads are views, not copies. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    length: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** The source of a zip given as bytes or as a source. */
export function sourceOf(input: Uint8Array | ByteSource): ByteSource {
  // Duck-typed: bytes from another realm (a worker, a test environment) are bytes still.
  return typeof (input as Partial<ByteSource>).read === 'function'
    ? (input as ByteSource)
    : memorySource(input as Uint8Array);
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Bytes that are not a zip the reader can open. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/**
 * The entries of a zip (its central directory). Only the end of the zip and its directory are read.
 * @throws ZipError when there is no central directory.
 */
export function zipEntries(input: Uint8Array | ByteSource): ZipEntry[] {
  const src = sourceOf(input);
  const tailStart = Math.max(0, src.length - 65_557);
  const tail = src.read(tailStart, src.length - tailStart);
  const tv = view(tail);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === 0x06054b50) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('no zip central directory (the file is cut short or not a zip)');
  let count = tv.getUint16(at + 10, true);
  let dirSize = tv.getUint32(at + 12, true);
  let dirStart = tv.getUint32(at + 16, true);
  // Zip64: the end record points to a larger one.
  const eocd = tailStart + at;
  if ((count === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) && eocd >= 20) {
    const loc = view(src.read(eocd - 20, 20));
    if (loc.byteLength === 20 && loc.getUint32(0, true) === 0x07064b50) {
      const rec = view(src.read(Number(loc.getBigUint64(8, true)), 56));
      if (rec.byteLength === 56 && rec.getUint32(0, true) === 0x06064b50) {
        count = Number(rec.getBigUint64(32, true));
        dirSize = Number(rec.getBigUint64(40, true));
        dirStart = Number(rec.getBigUint64(48, true));
      }
    }
  }
  const dir = src.read(dirStart, dirSize);
  const dv = view(dir);
  const out: ZipEntry[] = [];
  const dec = new TextDecoder();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dv.getUint32(p, true) !== 0x02014b50)
      throw new ZipError('damaged zip directory');
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > dir.length) throw new ZipError('damaged zip directory');
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
      name: dec.decode(dir.subarray(p + 46, p + 46 + nameLen)),
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

/** Entries up to this size (uncompressed, as the directory says) may be inflated in one go. */
const ONE_GO_MAX = 16 * 1024 * 1024;

/**
 * An entry that fits in one piece, inflated in one go into a buffer of the size the directory
 * gives: the streaming inflater hands over such an entry as one chunk too, but grows and copies its
 * buffers on the way, which is most of the time on the small parts of a rubric. Null when the data
 * does not inflate to exactly that size (damaged, or a directory that lies): the streaming path then
 * says what it says.
 */
function inflatedInOneGo(compressed: Uint8Array, size: number): Uint8Array | null {
  try {
    // One byte more than announced, so that data longer than announced shows as a size mismatch.
    const out = inflateSync(compressed, { out: new Uint8Array(size + 1) });
    return out.length === size ? out : null;
  } catch {
    return null;
  }
}

/**
 * Stream one entry's content to `onChunk`, in order; the compressed bytes are read a piece at a time.
 * @throws ZipError for a compression method other than stored or deflate, or damaged data.
 */
export function streamEntry(
  input: Uint8Array | ByteSource,
  e: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
): void {
  const src = sourceOf(input);
  const head = src.read(e.offset, 30);
  const hv = view(head);
  if (head.length < 30 || hv.getUint32(0, true) !== 0x04034b50)
    throw new ZipError(`damaged zip entry ${e.name}`);
  const start = e.offset + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  const total = e.compressedSize;
  if (start + total > src.length) throw new ZipError(`damaged zip entry ${e.name}`);
  const piece = (i: number) => src.read(start + i, Math.min(PIECE, total - i));
  if (e.method === 0) {
    for (let i = 0; i < total; i += PIECE) onChunk(piece(i));
    return;
  }
  if (e.method !== 8) throw new ZipError(`zip entry ${e.name} uses compression method ${e.method}`);
  if (total > 0 && total <= PIECE && e.size > 0 && e.size <= ONE_GO_MAX) {
    const whole = inflatedInOneGo(piece(0), e.size);
    if (whole !== null) {
      onChunk(whole);
      return;
    }
  }
  const inflate = new Inflate((chunk) => onChunk(chunk));
  try {
    for (let i = 0; i < total; i += PIECE) inflate.push(piece(i), i + PIECE >= total);
    if (total === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    // Only fflate's own faults are damaged data; what the consumer throws (a size bound) goes through.
    if (!(err instanceof Error) || typeof (err as { code?: unknown }).code !== 'number') throw err;
    throw new ZipError(`zip entry ${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
