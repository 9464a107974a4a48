/** The one place formula text is produced (English function names, for range.formulas). */
import { a1, colLetters, sheetRef } from '../a1';
import type { BinOp, Expr } from './ast';

const PRECEDENCE: Record<BinOp, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '<=': 1,
  '>': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
};

function numText(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`formula number must be finite, got ${v}`);
  // Two-decimal scores print exactly; avoid exponent notation for small magnitudes.
  const s = String(v);
  return s.includes('e') ? v.toFixed(10).replace(/\.?0+$/, '') : s;
}

function cellText(row: number, col: number, abs: boolean | undefined): string {
  return abs ? `$${colLetters(col)}$${row + 1}` : a1(row, col);
}

function prefix(sheet: string | null): string {
  return sheet === null ? '' : `${sheetRef(sheet)}!`;
}

function unparseExpr(e: Expr, parentPrec: number): string {
  switch (e.t) {
    case 'num':
      return e.v < 0 && parentPrec > 0 ? `(${numText(e.v)})` : numText(e.v);
    case 'str':
      return `"${e.v.replace(/"/g, '""')}"`;
    case 'bool':
      return e.v ? 'TRUE' : 'FALSE';
    case 'ref':
      return prefix(e.sheet) + cellText(e.row, e.col, e.abs);
    case 'range': {
      const a = cellText(e.top, e.left, e.abs);
      const b = cellText(e.bottom, e.right, e.abs);
      return prefix(e.sheet) + (a === b ? a : `${a}:${b}`);
    }
    case 'fn':
      return `${e.name}(${e.args.map((x) => unparseExpr(x, 0)).join(',')})`;
    case 'neg':
      return `-${unparseExpr(e.e, 5)}`;
    case 'bin': {
      const p = PRECEDENCE[e.op];
      // Left-associative: the right operand needs parentheses at equal precedence.
      const text = `${unparseExpr(e.l, p)}${e.op}${unparseExpr(e.r, p + 1)}`;
      return p < parentPrec ? `(${text})` : text;
    }
  }
}

/**
 * Formula text with a leading "=".
 * @example unparse(fn('SUM', range(0,0,2,0))) === '=SUM(A1:A3)'
 */
export function unparse(e: Expr): string {
  return `=${unparseExpr(e, 0)}`;
}
