/**
 * .xlsx files → the core's WorkbookGrid, for the CLI (Node). The file is only ever read: a path is
 * read into memory first and the streaming reader (./reader) works on the bytes, keeping only what
 * the core needs. The ExcelJS reader (./grid.ts) stays for comparison (tests, bench/read.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WorkbookGrid } from '../../core/grid';
import { type XlsxWorkbook, XlsxReadError } from './errors';
import { readXlsxStream } from './reader';

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

async function bytesOf(input: string | Uint8Array, name: string): Promise<Uint8Array> {
  if (typeof input !== 'string') return input;
  try {
    return await readFile(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new XlsxReadError('notFound', name);
    if (code === 'EISDIR') throw new XlsxReadError('notAFile', name);
    throw new XlsxReadError('corrupt', name, e instanceof Error ? e.message : String(e));
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
  return readXlsxStream(await bytesOf(input, name), name);
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
