/**
 * What a sheet's XML and the workbook's defined names say about the user's own layout, for the
 * write planner: the rectangles carrying data validation (sqref lists), the hidden columns
 * (<cols><col hidden="1">) and the print area (_xlnm.Print_Area). Pure text → rectangles.
 */
import { parseA1 } from '../../../core/a1';
import type { MergeArea } from '../../../core/grid';

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/**
 * Hidden columns further right than the sheet's last used column by more than this are not listed:
 * `<col min="8" max="16384" hidden="1"/>` (everything right of the table hidden) would otherwise
 * list 16,377 columns. The planner asks only about columns it adds, just right of the table.
 */
export const HIDDEN_COL_MARGIN = 256;

/** One reference of a sqref or print area, without sheet name and $: A1, A1:C3, A:C (columns), 1:3 (rows). */
export function parseArea(text: string): MergeArea | null {
  const s = text.replace(/\$/g, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(s);
  if (cols) {
    const a = colOf(cols[1]!);
    const b = colOf(cols[2]!);
    if (a > LAST_COL || b > LAST_COL) return null;
    return { top: 0, left: Math.min(a, b), bottom: LAST_ROW, right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(s);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a < 0 || b < 0 || a > LAST_ROW || b > LAST_ROW) return null;
    return { top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: LAST_COL };
  }
  const [p, q] = s.split(':');
  const a = p ? parseA1(p.toUpperCase()) : null;
  const b = q !== undefined ? parseA1(q.toUpperCase()) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function colOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sqref ("C3:C10 E3 G1:G2"): references separated by spaces; unreadable ones are left out. */
export function parseSqref(sqref: string): MergeArea[] {
  const out: MergeArea[] = [];
  for (const part of sqref.split(/\s+/)) {
    if (part === '') continue;
    const r = parseArea(part);
    if (r) out.push(r);
  }
  return out;
}

/**
 * A defined name's areas ("'考核 表'!$A$1:$G$20,'考核 表'!$I$1:$J$5", or without sheet names):
 * split at the commas outside quotes, each stripped of its sheet name, quotes and $ signs.
 */
export function parseDefinedAreas(text: string): MergeArea[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      // '' inside a quoted sheet name is one quote.
      if (quoted && text[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const out: MergeArea[] = [];
  for (const p of parts) {
    const bang = p.lastIndexOf('!');
    const ref = (bang < 0 ? p : p.slice(bang + 1)).replace(/^\(|\)$/g, '');
    const r = parseArea(ref);
    if (r) out.push(r);
  }
  return out;
}

/**
 * The 0-based hidden columns of 1-based inclusive <col min max> spans, up to `lastCol` (the sheet's
 * last used column) + HIDDEN_COL_MARGIN, sorted and without repeats.
 */
export function hiddenColumns(spans: readonly [number, number][], lastCol: number): number[] {
  const limit = Math.min(LAST_COL, Math.max(lastCol, 0) + HIDDEN_COL_MARGIN);
  const set = new Set<number>();
  for (const [min, max] of spans) {
    const hi = Math.min(max - 1, limit);
    for (let c = Math.max(min - 1, 0); c <= hi; c++) set.add(c);
  }
  return [...set].sort((a, b) => a - b);
}
