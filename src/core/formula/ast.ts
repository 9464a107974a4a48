/**
 * Formulas as data. Every formula the product writes is built as this tree and turned into text in
 * exactly one place (./unparse). Only functions that Excel 2016, WPS and LibreOffice all compute are
 * allowed, so the type itself keeps LET, FILTER, XLOOKUP and RANK.EQ out.
 */

export type FnName =
  | 'SUM'
  | 'MIN'
  | 'MAX'
  | 'IF'
  | 'ROUND'
  | 'COUNTIF'
  | 'COUNTIFS'
  | 'SUMIF'
  | 'AND'
  | 'OR'
  | 'NOT'
  | 'ISNUMBER'
  | 'ISBLANK'
  | 'COUNT'
  | 'COUNTA'
  | 'ABS'
  | 'HYPERLINK'
  | 'IFERROR';

export type BinOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '&';

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  /** A cell, 0-based; sheet null = same sheet. abs = $A$1. */
  | { t: 'ref'; sheet: string | null; row: number; col: number; abs?: boolean }
  | {
      t: 'range';
      sheet: string | null;
      top: number;
      left: number;
      bottom: number;
      right: number;
      abs?: boolean;
    }
  | { t: 'fn'; name: FnName; args: Expr[] }
  | { t: 'bin'; op: BinOp; l: Expr; r: Expr }
  | { t: 'neg'; e: Expr };

export const num = (v: number): Expr => ({ t: 'num', v });
export const str = (v: string): Expr => ({ t: 'str', v });
export const ref = (row: number, col: number, sheet: string | null = null): Expr => ({
  t: 'ref',
  sheet,
  row,
  col,
});
export const absRef = (row: number, col: number, sheet: string | null = null): Expr => ({
  t: 'ref',
  sheet,
  row,
  col,
  abs: true,
});
export const range = (
  top: number,
  left: number,
  bottom: number,
  right: number,
  sheet: string | null = null,
): Expr => ({
  t: 'range',
  sheet,
  top,
  left,
  bottom,
  right,
});
export const fn = (name: FnName, ...args: Expr[]): Expr => ({ t: 'fn', name, args });
export const bin = (op: BinOp, l: Expr, r: Expr): Expr => ({ t: 'bin', op, l, r });
