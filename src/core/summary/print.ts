/**
 * The 汇总 sheet laid out for 公示 (posting the results): the office prints it, signs it and hands it
 * in, so it prints whole on A4 — its title row, the header row repeated on every page, every printed
 * column on one page wide, the product's helper columns (排名依据, 排名辅助) hidden and out of the print,
 * and the signature line 制表人 / 审核人 / 日期 below the table. The add-in's live 汇总 (planSummary)
 * and the command line's values 汇总 (planSummaryValues) both take these ops from here, so the two
 * print alike. The op types are the write plan's own, as writeback/print.ts uses them for a rubric.
 */
import { a1, a1Range, colLetters } from '../a1';
import type { Lang } from '../i18n';
import type { WriteOp } from '../plan';
import { PORTRAIT_MAX_COLS } from '../writeback/print';
import { LABELS } from './messages';

export interface SummaryPrintInput {
  sheet: string;
  lang: Lang;
  /** The sheet's title, written in row 1 and merged over the printed columns. */
  title: string;
  /** The header row, 0-based: repeated at the top of every printed page. */
  headerRow: number;
  /** The last row written below the table (legends, missing units), 0-based. */
  below: number;
  /** The rightmost column of the table, helpers included, 0-based. */
  lastCol: number;
  /** The product's helper columns, 0-based: hidden, so they neither show nor print. */
  helperCols: readonly number[];
}

export interface SummaryPrintPlan {
  ops: WriteOp[];
  /** The row of the signature line, 0-based (the last printed row). */
  signatureRow: number;
  /** The rightmost printed column, 0-based. */
  lastPrintedCol: number;
}

/**
 * The ops that make a 汇总 sheet print as a 公示 page: title, signature line, print area, title rows,
 * A4 fitted to one page wide (landscape when wide), helper columns hidden.
 * @example planSummaryPrint({ sheet: '汇总', lang: 'zh', title: '考核汇总', headerRow: 1, below: 6, lastCol: 12, helperCols: [11, 12] }).signatureRow // 8
 */
export function planSummaryPrint(input: SummaryPrintInput): SummaryPrintPlan {
  const { sheet } = input;
  const helpers = [...new Set(input.helperCols)].filter((c) => c >= 0 && c <= input.lastCol);
  helpers.sort((a, b) => a - b);
  // The printed columns end before the helpers that close the row (they sit at its right end).
  let lastPrinted = input.lastCol;
  while (lastPrinted > 0 && helpers.includes(lastPrinted)) lastPrinted--;
  const printed = lastPrinted + 1 - helpers.filter((c) => c <= lastPrinted).length;
  const signatureRow = input.below + 2;
  const ops: WriteOp[] = [
    { op: 'value', sheet, cell: 'A1', value: input.title },
    { op: 'merge', sheet, range: a1Range(0, 0, 0, lastPrinted) },
    { op: 'font', sheet, range: 'A1', bold: true },
    { op: 'value', sheet, cell: a1(signatureRow, 0), value: LABELS[input.lang].signature },
    { op: 'merge', sheet, range: a1Range(signatureRow, 0, signatureRow, lastPrinted) },
    { op: 'printArea', sheet, ranges: [a1Range(0, 0, signatureRow, lastPrinted)] },
    { op: 'printTitles', sheet, rows: `${input.headerRow + 1}:${input.headerRow + 1}` },
    {
      op: 'pageSetup',
      sheet,
      paper: 'A4',
      orientation: printed > PORTRAIT_MAX_COLS ? 'landscape' : 'portrait',
      fitToWidth: true,
    },
  ];
  if (helpers.length > 0) ops.push({ op: 'hideColumns', sheet, cols: helpers.map(colLetters), hidden: true });
  return { ops, signatureRow, lastPrintedCol: lastPrinted };
}
