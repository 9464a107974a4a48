/**
 * What both .xlsx readers share, with no library behind it: why a file could not be read (in both
 * languages), how a date reads, and the shape of a workbook read from a file. The streaming reader
 * (./reader) imports only this, so it carries no ExcelJS into the browser bundle.
 */
import type { WorkbookGrid } from '../../core/grid';
import type { Lang } from '../../core/i18n';

/** Why a file could not be read. */
export type XlsxReadErrorCode =
  | 'notFound'
  | 'notAFile'
  | 'empty'
  | 'legacyOrEncrypted'
  | 'notXlsx'
  | 'corrupt'
  | 'tooLarge';

const MESSAGES: Record<Lang, Record<XlsxReadErrorCode, (file: string, detail: string) => string>> = {
  zh: {
    notFound: (f) => `找不到文件 ${f}。请检查路径是否正确。`,
    notAFile: (f) => `${f} 不是文件。请给出 .xlsx 文件或包含 .xlsx 文件的文件夹。`,
    empty: (f) => `文件 ${f} 是空的（0 字节）。请用 Excel 重新保存后再试。`,
    legacyOrEncrypted: (f) =>
      `无法读取 ${f}：这是旧版 .xls 文件或设置了打开密码的工作簿。请在 Excel 中“另存为” Excel 工作簿（.xlsx），如有打开密码请先取消密码。`,
    notXlsx: (f) => `无法读取 ${f}：它不是 .xlsx 工作簿。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再试。`,
    corrupt: (f, d) =>
      `无法读取 ${f}：文件已损坏或不完整（${d}）。请用 Excel 打开并重新保存，或向发送者索取原文件。`,
    tooLarge: (f, d) =>
      `未读取 ${f}：工作簿内容超过本工具一次能读取的上限（${tooLargeDetail(d, 'zh')}），为免耗尽内存已停止。请删除评分表以外的大量数据（如整列填充的空行、明细表）后另存，再试。`,
  },
  en: {
    notFound: (f) => `${f} was not found. Check the path.`,
    notAFile: (f) => `${f} is not a file. Give .xlsx files or folders that contain them.`,
    empty: (f) => `${f} is empty (0 bytes). Save it again from Excel and retry.`,
    legacyOrEncrypted: (f) =>
      `Cannot read ${f}: it is an old .xls file or a password-protected workbook. In Excel, save it as an Excel Workbook (.xlsx), removing the open password if it has one.`,
    notXlsx: (f) =>
      `Cannot read ${f}: it is not an .xlsx workbook. In Excel, save it as an Excel Workbook (.xlsx) and retry.`,
    corrupt: (f, d) =>
      `Cannot read ${f}: the file is damaged or incomplete (${d}). Open and save it again in Excel, or ask the sender for the original.`,
    tooLarge: (f, d) =>
      `${f} was not read: the workbook holds more than this tool reads at once (${tooLargeDetail(d, 'en')}), so reading stopped before memory ran out. Delete the large data outside the rubric (filled-down empty rows, detail sheets), save, and retry.`,
  },
};

/**
 * The limit a workbook passed, from the error's detail ("cells:N", "memory:MB", "text:N",
 * "package:MB"), in words.
 */
function tooLargeDetail(detail: string, lang: Lang): string {
  const [kind, n] = detail.split(':');
  const num = Number(n).toLocaleString('en-US');
  switch (kind) {
    case 'cells':
      return lang === 'zh' ? `超过 ${num} 个单元格` : `more than ${num} cells`;
    case 'memory':
      return lang === 'zh' ? `估计需要超过 ${num} MB 内存` : `an estimated more than ${num} MB of memory`;
    case 'text':
      return lang === 'zh' ? `超过 ${num} 个字符的文字` : `more than ${num} characters of text`;
    case 'package':
      return lang === 'zh' ? `解压后超过 ${num} MB` : `more than ${num} MB unzipped`;
    default:
      return detail;
  }
}

/** A file that is not a readable .xlsx workbook; `message` is in Chinese, `messageIn('en')` in English. */
export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  /** The file as named by the caller (a path or a display name). */
  readonly file: string;
  /** Technical detail (the underlying error), for logs and the corrupt-file message. */
  readonly detail: string;

  constructor(code: XlsxReadErrorCode, file: string, detail = '') {
    super(MESSAGES.zh[code](file, detail));
    this.name = 'XlsxReadError';
    this.code = code;
    this.file = file;
    this.detail = detail;
  }

  /** The message in the given language: what file, what is wrong, what to do. */
  messageIn(lang: Lang): string {
    return MESSAGES[lang][this.code](this.file, this.detail);
  }
}

/** ISO text for a date: the day alone when it has no time of day (how a date cell reads). */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
}

/** How each sheet is hidden, by name ("visible" for the others): the grid only says hidden or not. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** Why one sheet was left out of the grid (the rest of the workbook is read). */
export type SheetProblemCode = 'badSheetName' | 'overlappingMerge';

/** A sheet left out of the grid, with what was wrong (`detail`: the name, or the two merges). */
export interface SheetProblem {
  sheet: string;
  code: SheetProblemCode;
  detail: string;
}

const SHEET_PROBLEM: Record<Lang, Record<SheetProblemCode, (p: SheetProblem) => string>> = {
  zh: {
    badSheetName: (p) =>
      `工作表名“${p.sheet}”不是 Excel 允许的名称（${p.detail}），这张表未读取；其余工作表照常读取。请在 Excel 中给它改一个名称（不超过 31 个字符，不含 : \\ / ? * [ ]，不与其他表重名）后重试。`,
    overlappingMerge: (p) =>
      `工作表「${p.sheet}」中的合并单元格 ${p.detail} 相互重叠，Excel 不允许这样，这张表未读取；其余工作表照常读取。请在 Excel 中取消这些单元格的合并后重新合并，另存后重试。`,
  },
  en: {
    badSheetName: (p) =>
      `The sheet name "${p.sheet}" is not one Excel allows (${p.detail}), so that sheet was not read; the other sheets were. Rename it in Excel (at most 31 characters, none of : \\ / ? * [ ], not the name of another sheet) and retry.`,
    overlappingMerge: (p) =>
      `Sheet "${p.sheet}" has merged areas ${p.detail} that overlap, which Excel does not allow, so that sheet was not read; the other sheets were. In Excel, unmerge those cells and merge them again, save, and retry.`,
  },
};

/** What to tell the user about a sheet left out: what is wrong and what to do. */
export function sheetProblemText(p: SheetProblem, lang: Lang): string {
  return SHEET_PROBLEM[lang][p.code](p);
}

/** A workbook read from a file, with details beyond the grid. */
export interface XlsxWorkbook {
  grid: WorkbookGrid;
  states: Record<string, SheetState>;
  /** Sheets left out of the grid, and why (absent when none). */
  skipped?: SheetProblem[];
}
