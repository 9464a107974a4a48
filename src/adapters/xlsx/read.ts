/**
 * .xlsx files → the core's WorkbookGrid, for the CLI (Node). The file is only ever read: the
 * streaming reader (./reader) reads the zip's directory and then each part it needs, a piece at a
 * time, straight from the file, keeping only what the core needs, so neither the file nor a part is
 * ever held whole. The ExcelJS reader (./grid.ts) stays for comparison (tests, bench/read.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { WorkbookGrid } from '../../core/grid';
import { type XlsxWorkbook, XlsxReadError } from './errors';
import { type ByteSource, readXlsxStream } from './reader';

export {
  isoDate,
  type SheetState,
  type XlsxReadErrorCode,
  type XlsxWorkbook,
  XlsxReadError,
} from './errors';
export { plainValue } from './value';

export interface ReadXlsxOptions {
  /** Name used in error messages when reading bytes (defaults to "workbook.xlsx"). */
  name?: string;
}

/** A file opened for reading, as a ByteSource over its descriptor. */
export function fileSource(fd: number, size: number): ByteSource {
  return {
    length: size,
    read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const n = readSync(fd, buf, got, want - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return got === want ? buf : buf.subarray(0, got);
    },
  };
}

/** A read failure of the file itself, in the reader's own terms. */
function fileError(e: unknown, name: string): XlsxReadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new XlsxReadError('notFound', name);
  if (code === 'EISDIR') return new XlsxReadError('notAFile', name);
  return new XlsxReadError('corrupt', name, e instanceof Error ? e.message : String(e));
}

/** Reads the workbook at `path` through a file source; the file is closed whatever happens. */
function readFromFile(path: string, name: string): XlsxWorkbook {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileError(e, name);
  }
  try {
    let size: number;
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw new XlsxReadError('notAFile', name);
      size = st.size;
    } catch (e) {
      throw e instanceof XlsxReadError ? e : fileError(e, name);
    }
    try {
      return readXlsxStream(fileSource(fd, size), name);
    } catch (e) {
      // A read failing part-way (the file shrank, a device error) is the file's fault, said so.
      throw e instanceof XlsxReadError ? e : fileError(e, name);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Read an .xlsx (a path, or its bytes) with each sheet's hidden state.
 * @throws XlsxReadError when the file is missing, not an .xlsx, or damaged.
 */
export async function readXlsxWorkbook(
  input: string | Uint8Array,
  opts: ReadXlsxOptions = {},
): Promise<XlsxWorkbook> {
  const name = opts.name ?? (typeof input === 'string' ? basename(input) : 'workbook.xlsx');
  if (typeof input === 'string') return readFromFile(input, name);
  return readXlsxStream(input, name);
}

/**
 * Read an .xlsx file (a path, or its bytes) into the core's grid.
 * @throws XlsxReadError when the file is missing, not an .xlsx, or damaged.
 * @example const grid = await readXlsx('samples/communities.xlsx');
 */
export async function readXlsx(
  input: string | Uint8Array,
  opts: ReadXlsxOptions = {},
): Promise<WorkbookGrid> {
  return (await readXlsxWorkbook(input, opts)).grid;
}
