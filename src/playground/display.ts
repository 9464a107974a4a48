/**
 * How the grid shows a cell, the way Excel's "General" format does: numbers to 15 significant
 * digits (so a float sum never shows as 0.30000000000000004), booleans as TRUE/FALSE, and fixed
 * decimals for the "0.0…" formats the write plans use.
 */
import type { CellValue } from '../core/grid';

/** The text Excel would show for a value under a number format ("General" when absent). */
export function displayValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fixed = numberFormat ? /^0(?:\.(0+))?$/.exec(numberFormat.trim()) : null;
  if (fixed) return value.toFixed(fixed[1]?.length ?? 0);
  return String(Number.parseFloat(value.toPrecision(15)));
}

/** What the formula bar shows: the formula when there is one, else the value as typed. */
export function editText(value: CellValue, formula: string | null): string {
  if (formula !== null) return formula;
  if (value === null) return '';
  if (typeof value === 'number') return String(Number.parseFloat(value.toPrecision(15)));
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value;
}
