/**
 * Opening a workbook in the playground: .xlsx bytes → the grid the core reads → a fake Excel over it,
 * with the file's column widths and wrapped cells carried over so the grid looks like the sheet in Excel.
 */
import { charsToPoints } from '../host/office';
import { PlaygroundBook } from './live';
import { markOpened, type OriginalXlsx, openXlsxBytes } from './xlsx';

export interface LoadedWorkbook {
  live: PlaygroundBook;
  /** The file it came from: a download is that file patched with what the pane changed. */
  source: OriginalXlsx;
  fileName: string;
}

/**
 * Reads .xlsx bytes into a playground workbook.
 * @throws XlsxReadError when the bytes are not a readable .xlsx.
 */
export async function loadWorkbook(bytes: ArrayBuffer, fileName: string): Promise<LoadedWorkbook> {
  const source = openXlsxBytes(bytes, fileName);
  const live = PlaygroundBook.fromGrid(source.grid);
  for (const [name, widths] of source.layout.widths) {
    const sheet = live.book.sheet(name);
    if (!sheet) continue;
    for (const [col, chars] of widths) sheet.columnWidths.set(col, charsToPoints(chars));
  }
  for (const [name, cells] of source.layout.wrapped) if (live.book.sheet(name)) live.wrapped.set(name, cells);
  markOpened(source, live.book);
  return { live, source, fileName };
}

/** "communities.xlsx" → "communities-评分.xlsx": the download never overwrites the original's name. */
export function resultName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.xlsx$/i, '');
  return `${base}-${suffix}.xlsx`;
}
