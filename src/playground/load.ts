/**
 * Opening a workbook in the playground: .xlsx bytes → the grid the core reads → a fake Excel over it,
 * with the file's column widths and wrapped cells carried over so the grid looks like the sheet in Excel.
 */
import { charsToPoints } from '../host/office';
import { PlaygroundBook } from './live';
import { type OpenedXlsx, readXlsxBytes } from './xlsx';

export interface LoadedWorkbook {
  live: PlaygroundBook;
  /** The ExcelJS workbook it came from: a download is written over it. */
  source: OpenedXlsx['source'];
  fileName: string;
}

/**
 * Reads .xlsx bytes into a playground workbook.
 * @throws XlsxReadError when the bytes are not a readable .xlsx.
 */
export async function loadWorkbook(bytes: ArrayBuffer, fileName: string): Promise<LoadedWorkbook> {
  const { grid, source } = await readXlsxBytes(bytes, fileName);
  const live = PlaygroundBook.fromGrid(grid);
  for (const ws of source.worksheets) {
    const sheet = live.book.sheet(ws.name);
    if (!sheet) continue;
    ws.columns?.forEach((col, i) => {
      if (typeof col.width === 'number' && col.width > 0) sheet.columnWidths.set(i, charsToPoints(col.width));
    });
    const wrapped = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.alignment?.wrapText) wrapped.add(cell.address);
      }),
    );
    live.wrapped.set(sheet.name, wrapped);
  }
  return { live, source, fileName };
}

/** "communities.xlsx" → "communities-评分.xlsx": the download never overwrites the original's name. */
export function resultName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.xlsx$/i, '');
  return `${base}-${suffix}.xlsx`;
}
