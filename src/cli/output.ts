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
import { type Lang, UsageError } from './io';

/** What the CLI was doing when the file system said no. */
export type FsAction = 'read' | 'write';

const WRITE_TEXT = {
  zh: {
    ENOENT: (f: string, d: string) =>
      `无法写入 ${f}：文件夹 ${d} 不存在。请先建立这个文件夹，或换一个输出路径。`,
    ENOTDIR: (f: string, d: string) => `无法写入 ${f}：路径 ${d} 中有一段不是文件夹。请检查输出路径。`,
    EACCES: (f: string, d: string) =>
      `无法写入 ${f}：没有在文件夹 ${d} 中写入的权限（或该文件是只读的）。请换一个输出位置，或请管理员开放权限。`,
    EISDIR: (f: string) =>
      `无法写入 ${f}：这是一个文件夹。请在 -o 后给出文件名，例如 ${join(f, '结果.xlsx')}。`,
    ENOSPC: (f: string) =>
      `无法写入 ${f}：磁盘空间不足。已有的 ${f}（如有）保持原样，未留下不完整的文件。请腾出空间或换一个磁盘后重试。`,
    EFBIG: (f: string) =>
      `无法写入 ${f}：文件超过了系统允许的大小。已有的 ${f}（如有）保持原样，未留下不完整的文件。请换一个磁盘或放宽大小限制后重试。`,
    EROFS: (f: string) => `无法写入 ${f}：这个磁盘是只读的。请换一个输出位置。`,
    ENAMETOOLONG: (f: string) => `无法写入 ${f}：文件名或路径太长。请换一个较短的输出路径。`,
    other: (f: string) =>
      `无法写入 ${f}：系统拒绝了写入。已有的 ${f}（如有）保持原样。请检查磁盘和输出路径后重试。`,
  },
  en: {
    ENOENT: (f: string, d: string) =>
      `Cannot write ${f}: the folder ${d} does not exist. Create it first, or choose another output path.`,
    ENOTDIR: (f: string, d: string) =>
      `Cannot write ${f}: part of the path ${d} is not a folder. Check the output path.`,
    EACCES: (f: string, d: string) =>
      `Cannot write ${f}: no permission to write in the folder ${d} (or the file is read-only). Choose another output location, or ask an administrator for access.`,
    EISDIR: (f: string) =>
      `Cannot write ${f}: it is a folder. Give a file name after -o, e.g. ${join(f, 'result.xlsx')}.`,
    ENOSPC: (f: string) =>
      `Cannot write ${f}: the disk is full. Any existing ${f} was left as it was, and no partial file remains. Free some space or use another disk, then retry.`,
    EFBIG: (f: string) =>
      `Cannot write ${f}: the file is too large for this system's limit. Any existing ${f} was left as it was, and no partial file remains. Use another disk or raise the limit, then retry.`,
    EROFS: (f: string) => `Cannot write ${f}: the disk is read-only. Choose another output location.`,
    ENAMETOOLONG: (f: string) =>
      `Cannot write ${f}: the file name or path is too long. Choose a shorter path.`,
    other: (f: string) =>
      `Cannot write ${f}: the system refused the write. Any existing ${f} was left as it was. Check the disk and the output path, then retry.`,
  },
} as const;

const READ_TEXT = {
  zh: {
    ENOENT: (f: string) => `找不到文件 ${f}。请检查路径是否正确。`,
    ENOTDIR: (f: string) => `找不到文件 ${f}：路径中有一段不是文件夹。请检查路径是否正确。`,
    EACCES: (f: string) => `没有读取 ${f} 的权限。请检查文件权限，或把文件复制到你有权限的位置后重试。`,
    EISDIR: (f: string) => `${f} 是文件夹，不是文件。请给出一个 .xlsx 文件。`,
    ELOOP: (f: string) => `${f} 是循环的符号链接（链接最终指回自己），已跳过。请删除或修正这个链接。`,
    ECYCLE: (f: string) => `${f} 是指回其上级文件夹的链接，已跳过（其中的文件只检查一次）。`,
    ENAMETOOLONG: (f: string) => `无法读取 ${f}：文件名或路径太长。请把文件移到较短的路径下。`,
    other: (f: string) => `无法读取 ${f}：系统拒绝了读取。请检查文件和磁盘后重试。`,
  },
  en: {
    ENOENT: (f: string) => `${f} was not found. Check the path.`,
    ENOTDIR: (f: string) => `${f} was not found: part of its path is not a folder. Check the path.`,
    EACCES: (f: string) =>
      `No permission to read ${f}. Check the file's permissions, or copy it somewhere you can read it, and retry.`,
    EISDIR: (f: string) => `${f} is a folder, not a file. Give an .xlsx file.`,
    ELOOP: (f: string) =>
      `${f} is a symbolic link that loops back on itself; skipped. Delete or correct the link.`,
    ECYCLE: (f: string) =>
      `${f} is a link back to a folder that contains it; skipped (the files in it are read once).`,
    ENAMETOOLONG: (f: string) =>
      `Cannot read ${f}: the file name or path is too long. Move it to a shorter path.`,
    other: (f: string) =>
      `Cannot read ${f}: the system refused to read it. Check the file and the disk, and retry.`,
  },
} as const;

const OUTPUT_TEXT = {
  zh: {
    exists: (f: string) =>
      `输出文件 ${f} 已存在；为免覆盖其中的内容，未写入任何内容。如确要用新结果替换它，请加 --force；或换一个输出文件名。`,
    badExtension: (f: string, allowed: string) =>
      `输出文件 ${f} 的扩展名不对：请以 ${allowed} 结尾，例如 ${f.replace(/(\.[^./\\]*)?$/, '.xlsx')}。未写入任何内容。`,
    kindMismatch: (f: string, kind: WorkbookKind) =>
      kind === 'xlsx'
        ? `输出将是不含宏的普通工作簿，不能用扩展名 ${extname(f)} 保存（Excel 会拒绝打开）。请把输出文件名的扩展名改为 .xlsx。未写入任何内容。`
        : `输出是启用宏的工作簿，不能用扩展名 ${extname(f)} 保存（Excel 会拒绝打开）。请把输出文件名的扩展名改为 .xlsm。未写入任何内容。`,
  },
  en: {
    exists: (f: string) =>
      `The output ${f} already exists; nothing was written, so nothing in it is overwritten. Add --force to replace it with the new result, or choose another output name.`,
    badExtension: (f: string, allowed: string) =>
      `The output ${f} has the wrong extension: end it in ${allowed}, e.g. ${f.replace(/(\.[^./\\]*)?$/, '.xlsx')}. Nothing was written.`,
    kindMismatch: (f: string, kind: WorkbookKind) =>
      kind === 'xlsx'
        ? `The output is a workbook without macros and cannot be saved with the extension ${extname(f)} (Excel would refuse to open it). Change the output's extension to .xlsx. Nothing was written.`
        : `The output is a macro-enabled workbook and cannot be saved with the extension ${extname(f)} (Excel would refuse to open it). Change the output's extension to .xlsm. Nothing was written.`,
  },
} as const;

type WriteCode = keyof (typeof WRITE_TEXT)['zh'];
type ReadCode = keyof (typeof READ_TEXT)['zh'];

function writeCode(code: string): WriteCode {
  if (code === 'EPERM') return 'EACCES';
  if (code === 'EDQUOT') return 'ENOSPC';
  return code in WRITE_TEXT.zh ? (code as WriteCode) : 'other';
}

function readCode(code: string): ReadCode {
  if (code === 'EPERM') return 'EACCES';
  return code in READ_TEXT.zh ? (code as ReadCode) : 'other';
}

/**
 * The product's message for a file-system error code met while reading or writing `file`: what is
 * wrong and what to do, never the system's own text.
 * @example fsErrorText('write', 'ENOSPC', 'out.xlsx', 'en') // "Cannot write out.xlsx: the disk is full. …"
 */
export function fsErrorText(action: FsAction, code: string, file: string, lang: Lang): string {
  if (action === 'read') return READ_TEXT[lang][readCode(code)](file);
  return WRITE_TEXT[lang][writeCode(code)](file, dirname(file));
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
  const T = OUTPUT_TEXT[opts.lang];
  const st = await stat(file).catch((e: unknown) => {
    if (errnoCode(e) === 'ENOENT') return null;
    throw new CliFsError(fsErrorText('write', errnoCode(e), file, opts.lang), errnoCode(e));
  });
  if (st?.isDirectory()) throw new CliFsError(fsErrorText('write', 'EISDIR', file, opts.lang), 'EISDIR');
  if (!opts.extensions.includes(extname(file).toLowerCase()))
    throw new CliFsError(T.badExtension(file, opts.extensions.join(' / ')), 'EEXT');
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
    if (code === 'EEXIST') throw new CliFsError(OUTPUT_TEXT[lang].exists(file), 'EEXIST');
    // Disks without hard links (FAT, some network shares): check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code)) throw e;
    if (await exists(target)) throw new CliFsError(OUTPUT_TEXT[lang].exists(file), 'EEXIST');
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
    throw new CliFsError(OUTPUT_TEXT[lang].kindMismatch(file, kind), 'EEXT');
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
