/** Small rubric workbooks built by code, and an in-memory CLI io, for the CLI tests. */
import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface Captured {
  io: { out: (t: string) => void; err: (t: string) => void; errIsTTY: boolean };
  /** Every chunk written to stdout, in order. */
  outChunks: string[];
  out: () => string;
  err: () => string;
}

export function capture(errIsTTY = false): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t) => void out.push(t), err: (t) => void err.push(t), errIsTTY },
    outChunks: out,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

export const HEADER = ['考核项目', '考核内容', '标准分值', '评分标准', '扣分', '得分', '扣分原因'];

/** The rows of a two-item rubric (60 + 40 points), title first; `deduction` goes to E3. */
export function rubricRows(deduction: string | number | null = 2): (string | number | null)[][] {
  return [
    ['社区工作考核评分表'],
    HEADER,
    ['一、基础工作', '台账齐全', 60, '每缺一本扣1分，扣完为止', deduction, null, '缺2本'],
    ['二、宣传', '宣传活动', 40, '每少一次扣2分', null, null, null],
  ];
}

export interface SheetSpec {
  name: string;
  rows?: (string | number | null)[][];
  state?: 'visible' | 'hidden' | 'veryHidden';
  protect?: boolean;
}

/** An ExcelJS workbook with the given sheets (a rubric each unless rows are given). */
export async function workbookBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows ?? rubricRows()) ws.addRow(r);
    if (s.protect) await ws.protect('', {});
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Names in a folder that look like leftovers of an interrupted write (anything but the listed files). */
export function extraFiles(dir: string, expected: readonly string[]): string[] {
  return readdirSync(dir).filter((n) => !expected.includes(n));
}

/**
 * A workbook's bytes with its XML edited, for text ExcelJS will not write: a cell string holding
 * ESC or CR (Excel stores them as `_x001B_`), a sheet name holding a newline (`&#10;` in
 * workbook.xml). In the text of every .xml part, `⟨XXXX⟩` (four hex digits) becomes the OOXML
 * string escape `_xXXXX_`, and `⟪XXXX⟫` becomes the XML character reference `&#xXXXX;`.
 */
export function withRawText(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    out[name] = name.endsWith('.xml')
      ? strToU8(
          strFromU8(data)
            .replace(/⟨([0-9A-Fa-f]{4})⟩/g, '_x$1_')
            .replace(/⟪([0-9A-Fa-f]{4})⟫/g, '&#x$1;'),
        )
      : data;
  }
  return zipSync(out);
}

/** Text with every character below U+0020 (but tab and newline) and DEL…U+009F as `⟨XXXX⟩`. */
export function cellMarkers(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: marking control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `⟨${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}
