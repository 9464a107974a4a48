/**
 * Writing the CLI's output workbooks safely, and saying file-system failures in the product's words.
 *
 * - An existing file at `-o` is never replaced unless the user says `--force`.
 * - Every output is written to a temporary file in the output's own folder, flushed, and renamed over
 *   the target in one step; a write that fails part-way (a full disk, a size limit) removes the
 *   temporary file and leaves whatever was at the target as it was.
 * - The output's extension matches the workbook's content type (.xlsx, .xlsm): Excel refuses to open
 *   a macro-free package named .xlsm, and a macro-enabled one named .xlsx.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { CLI_TEXT, type CliCatalogue } from '../core/i18n/cli';
import { type Lang, UsageError } from './io';

/** What the CLI was doing when the file system said no. */
export type FsAction = 'read' | 'write';

type WriteCode = keyof CliCatalogue['write'];
type ReadCode = keyof CliCatalogue['read'];

function writeCode(code: string): WriteCode {
  if (code === 'EPERM') return 'EACCES';
  if (code === 'EDQUOT') return 'ENOSPC';
  return code in CLI_TEXT.zh.write ? (code as WriteCode) : 'other';
}

function readCode(code: string): ReadCode {
  if (code === 'EPERM') return 'EACCES';
  return code in CLI_TEXT.zh.read ? (code as ReadCode) : 'other';
}

/**
 * The product's message for a file-system error code met while reading or writing `file`: what is
 * wrong and what to do, never the system's own text.
 * @example fsErrorText('write', 'ENOSPC', 'out.xlsx', 'en') // "Cannot write out.xlsx: the disk is full. …"
 */
export function fsErrorText(action: FsAction, code: string, file: string, lang: Lang): string {
  const T = CLI_TEXT[lang];
  if (action === 'read') return T.read[readCode(code)](file);
  return T.write[writeCode(code)](file, dirname(file), join(file, T.exampleOutput));
}

/** The error code of a Node file-system error ('' when it is not one). */
export function errnoCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** A file-system failure, already said in the user's language (exit code 2). */
export class CliFsError extends UsageError {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Kinds of workbook package, by their workbook part's content type. */
export type WorkbookKind = 'xlsx' | 'xlsm';

export interface OutputOptions {
  /** Replace an existing file. */
  force: boolean;
  lang: Lang;
  /** Extensions the command may write, lower case with the dot. */
  extensions: readonly string[];
}

/**
 * Check an output path before any work is done: the extension, an existing file (refused without
 * --force), a folder in the way, a missing or unwritable folder.
 * @throws CliFsError with the product's message
 */
export async function checkOutputPath(file: string, opts: OutputOptions): Promise<void> {
  const T = CLI_TEXT[opts.lang].output;
  const st = await stat(file).catch((e: unknown) => {
    if (errnoCode(e) === 'ENOENT') return null;
    throw new CliFsError(fsErrorText('write', errnoCode(e), file, opts.lang), errnoCode(e));
  });
  if (st?.isDirectory()) throw new CliFsError(fsErrorText('write', 'EISDIR', file, opts.lang), 'EISDIR');
  if (!opts.extensions.includes(extname(file).toLowerCase()))
    throw new CliFsError(
      T.badExtension(file, opts.extensions.join(' / '), file.replace(/(\.[^./\\]*)?$/, '.xlsx')),
      'EEXT',
    );
  if (st && !opts.force) throw new CliFsError(T.exists(file), 'EEXIST');
  const dir = dirname(resolve(file));
  const dst = await stat(dir).catch((e: unknown) => {
    throw new CliFsError(fsErrorText('write', errnoCode(e), file, opts.lang), errnoCode(e));
  });
  if (!dst.isDirectory()) throw new CliFsError(fsErrorText('write', 'ENOTDIR', file, opts.lang), 'ENOTDIR');
  await access(dir, constants.W_OK).catch((e: unknown) => {
    throw new CliFsError(fsErrorText('write', errnoCode(e), file, opts.lang), errnoCode(e));
  });
}

/**
 * Write `bytes` to `file` through a temporary file in the same folder and a rename. Without
 * `force`, an existing file is never replaced, even one that appeared while the output was being
 * made (the final step links the new file in and fails if the name is taken).
 * @throws CliFsError with the product's message; the target is then as it was and no temporary file remains
 */
export async function writeOutputFile(file: string, bytes: Uint8Array, opts: OutputOptions): Promise<void> {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = (e: unknown): CliFsError =>
    e instanceof CliFsError
      ? e
      : new CliFsError(fsErrorText('write', errnoCode(e), file, opts.lang), errnoCode(e));
  try {
    const existing = await stat(target).catch(() => null);
    const fh = await open(tmp, 'wx', 0o666);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (existing?.isDirectory())
      throw new CliFsError(fsErrorText('write', 'EISDIR', file, opts.lang), 'EISDIR');
    if (opts.force) {
      // The replacement keeps the permissions of the file it replaces.
      if (existing) await chmod(tmp, existing.mode & 0o7777).catch(() => undefined);
      await rename(tmp, target);
      return;
    }
    await placeNew(tmp, target, file, opts.lang);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw fail(e);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Put the temporary file at a target that must not exist yet. */
async function placeNew(tmp: string, target: string, file: string, lang: Lang): Promise<void> {
  try {
    await link(tmp, target);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'EEXIST') throw new CliFsError(CLI_TEXT[lang].output.exists(file), 'EEXIST');
    // Disks without hard links (FAT, some network shares): check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code)) throw e;
    if (await exists(target)) throw new CliFsError(CLI_TEXT[lang].output.exists(file), 'EEXIST');
    await rename(tmp, target);
    return;
  }
  await unlink(tmp);
}

/**
 * Refuse an output whose extension does not match the package about to be written.
 * @throws CliFsError
 */
export function checkOutputKind(file: string, bytes: Uint8Array, lang: Lang): void {
  const kind = workbookKind(bytes);
  const ext = extname(file).toLowerCase();
  if (kind !== null && ext !== `.${kind}`)
    throw new CliFsError(CLI_TEXT[lang].output.kindMismatch(extname(file), kind), 'EEXT');
}

const MAIN_TYPE =
  /ContentType="application\/vnd\.(?:openxmlformats-officedocument\.spreadsheetml|ms-excel)\.(?:sheet|template)(\.macroEnabled)?\.main\+xml"/i;

/**
 * Whether an .xlsx package is a plain or a macro-enabled workbook, from its [Content_Types].xml;
 * null when the bytes are not such a package.
 */
export function workbookKind(bytes: Uint8Array): WorkbookKind | null {
  const types = zipEntryText(bytes, '[Content_Types].xml');
  if (types === null) return null;
  const m = MAIN_TYPE.exec(types);
  if (!m) return null;
  return m[1] ? 'xlsm' : 'xlsx';
}

/** The text of one stored or deflated entry of a zip, found through its central directory. */
function zipEntryText(bytes: Uint8Array, name: string): string | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    if (dv.getUint32(p, true) !== 0x02014b50) return null;
    const nameLen = dv.getUint16(p + 28, true);
    const skip = nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    if (dec.decode(bytes.subarray(p + 46, p + 46 + nameLen)) === name) {
      const method = dv.getUint16(p + 10, true);
      const size = dv.getUint32(p + 20, true);
      const local = dv.getUint32(p + 42, true);
      if (local + 30 > bytes.length) return null;
      const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
      const raw = bytes.subarray(start, start + size);
      try {
        if (method === 0) return dec.decode(raw);
        if (method === 8) return dec.decode(inflateRawSync(raw));
      } catch {
        return null;
      }
      return null;
    }
    p += 46 + skip;
  }
  return null;
}
