/**
 * Print settings for a written rubric sheet, as plan ops: assessors hand the sheet in on paper, so it
 * must print whole on A4 — the table with its title and the signature lines below it, the header rows
 * on every page, every column on one page wide (landscape when the table is wide), and the product's
 * helper columns out of the print.
 */
import { a1Range, colLetters } from '../a1';
import { formulaAt, type SheetGrid, textOf } from '../grid';
import type { WriteOp } from '../plan';
import type { DetectedTable } from '../rubric';

/** More printed columns than this go landscape (a portrait A4 page holds about seven readable columns). */
export const PORTRAIT_MAX_COLS = 7;
/** Blank rows allowed between the table and its signature lines (考核人：… 日期：…). */
const SIGNATURE_GAP = 3;
/** Signature lines are looked for this many rows below the table, no further. */
const SIGNATURE_SPAN = 8;

export interface PrintInput {
  sheet: SheetGrid;
  table: DetectedTable;
  /** The rightmost column the written table uses (added subtotal and entry columns included), 0-based. */
  right: number;
  /** The product's helper columns (否决判定): hidden, so they never print. 0-based. */
  helperCols?: readonly number[];
}

function rowHasText(sheet: SheetGrid, r: number): boolean {
  const row = sheet.values[r] ?? [];
  for (let c = 0; c < row.length; c++)
    if (textOf(row[c] ?? null) !== '' || formulaAt(sheet, r, c) !== null) return true;
  return false;
}

/** The first row of the title block right above the header (blank rows end it). */
function topRow(sheet: SheetGrid, headerRow: number): number {
  let top = headerRow;
  while (top > 0 && rowHasText(sheet, top - 1)) top--;
  return top;
}

/** The last row to print: the table, then signature lines within a short gap below it. */
function bottomRow(sheet: SheetGrid, lastRow: number): number {
  let bottom = lastRow;
  let gap = 0;
  const end = Math.min(sheet.values.length - 1, lastRow + SIGNATURE_SPAN);
  for (let r = lastRow + 1; r <= end; r++) {
    if (rowHasText(sheet, r)) {
      bottom = r;
      gap = 0;
    } else if (++gap > SIGNATURE_GAP) break;
  }
  for (const m of sheet.merges)
    if (m.top <= bottom && m.bottom > bottom && m.top > lastRow) bottom = m.bottom;
  return bottom;
}

/** The leftmost column with content in the printed rows. */
function leftCol(sheet: SheetGrid, top: number, bottom: number): number {
  let left = Number.POSITIVE_INFINITY;
  for (let r = top; r <= bottom; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < Math.min(row.length, left); c++)
      if (textOf(row[c] ?? null) !== '') {
        left = c;
        break;
      }
  }
  for (const m of sheet.merges) if (m.top <= bottom && m.bottom >= top) left = Math.min(left, m.left);
  return Number.isFinite(left) ? left : 0;
}

/** The header rows (the header and a second header row under it), 0-based and inclusive. */
function headerRows(table: DetectedTable): { top: number; bottom: number } {
  let bottom = table.headerRow;
  // A second header row (扣分 | 得分 under a merged 考核评分) sits between the header and the body;
  // a 总分 row directly under the header is body, not header.
  while (bottom + 1 < table.firstRow && bottom + 1 !== table.totalRow) bottom++;
  return { top: table.headerRow, bottom };
}

/**
 * The ops that make a written sheet print whole on A4. An existing print area is the user's and is
 * kept (planWrite grows it to the added columns); title rows, page setup and hidden helpers are set.
 * @example ops.push(...planPrint({ sheet, table, right: 9, helperCols: [10] }));
 */
export function planPrint(input: PrintInput): WriteOp[] {
  const { sheet, table } = input;
  const name = sheet.name;
  const helpers = [...new Set(input.helperCols ?? [])].sort((a, b) => a - b);
  const ops: WriteOp[] = [];
  const top = topRow(sheet, table.headerRow);
  const bottom = bottomRow(sheet, table.lastRow);
  const left = Math.min(leftCol(sheet, top, bottom), input.right);
  const right = input.right;
  if (!sheet.printArea || sheet.printArea.length === 0)
    ops.push({ op: 'printArea', sheet: name, ranges: [a1Range(top, left, bottom, right)] });
  const h = headerRows(table);
  ops.push({ op: 'printTitles', sheet: name, rows: `${h.top + 1}:${h.bottom + 1}` });
  const printed = right - left + 1 - helpers.filter((c) => c >= left && c <= right).length;
  ops.push({
    op: 'pageSetup',
    sheet: name,
    paper: 'A4',
    orientation: printed > PORTRAIT_MAX_COLS ? 'landscape' : 'portrait',
    fitToWidth: true,
  });
  if (helpers.length > 0)
    ops.push({ op: 'hideColumns', sheet: name, cols: helpers.map(colLetters), hidden: true });
  return ops;
}
