/**
 * What both .xlsx readers share, with no library behind it: why a file could not be read (in both
 * languages), how a date reads, and the shape of a workbook read from a file. The streaming reader
 * (./reader) imports only this, so it carries no ExcelJS into the browser bundle.
 */
import type { WorkbookGrid } from '../../core/grid';

/** Why a file could not be read. */
export type XlsxReadErrorCode =
  | 'notFound'
  | 'notAFile'
  | 'empty'
  | 'legacyOrEncrypted'
  | 'notXlsx'
  | 'corrupt'
  | 'tooLarge';

type Lang = 'zh' | 'en';

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
      `未读取 ${f}：工作簿内容超过本工具一次能读取的上限（${d}），为免耗尽内存已停止。请删除评分表以外的大量数据（如整列填充的空行、明细表）后另存，再试。`,
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
      `${f} was not read: the workbook holds more than this tool reads at once (${d}), so reading stopped before memory ran out. Delete the large data outside the rubric (filled-down empty rows, detail sheets), save, and retry.`,
  },
};

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

/** A workbook read from a file, with details beyond the grid. */
export interface XlsxWorkbook {
  grid: WorkbookGrid;
  states: Record<string, SheetState>;
}
