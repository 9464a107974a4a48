/**
 * Which cells the write-back may write: empty cells, cells the product owns (recorded in the
 * workbook's metadata by the previous write) and cells that already hold exactly what is planned.
 * Anything else is a conflict, and so is an owned formula that someone typed a value over or edited.
 */
import { parseA1 } from '../a1';
import { cellAt, formulaAt, type SheetGrid, textOf } from '../grid';
import type { SheetState } from '../meta';
import type { Conflict } from '../plan';

/** Formula text compared loosely: no leading "=", no spaces outside strings, upper case outside strings. */
export function sameFormula(a: string, b: string): boolean {
  return normFormula(a) === normFormula(b);
}

function normFormula(f: string): string {
  const s = f.trim().replace(/^=/, '');
  let out = '';
  let inStr = false;
  for (const ch of s) {
    if (ch === '"') inStr = !inStr;
    if (!inStr && /\s/.test(ch)) continue;
    out += inStr ? ch : ch.toUpperCase();
  }
  return out;
}

/**
 * Whether a formula the product wrote at `cell` was typed over with a value or edited into another
 * formula (`formula` is what the cell holds now): the assessor's change wins until they decide.
 */
export function changedByHand(state: SheetState | undefined, cell: string, formula: string | null): boolean {
  const written = state?.formulas[cell];
  return written !== undefined && (formula === null || !sameFormula(formula, written));
}

/** What the plan wants in a cell. */
export type Planned = { formula: string } | { value: string | number | boolean | null };

function plannedText(p: Planned): string {
  return 'formula' in p ? p.formula : textOf(p.value);
}

/**
 * The conflict of writing `planned` at `cell`, or null when the write is allowed.
 * `overwrite` holds "sheet!A1" keys the user agreed to overwrite.
 */
export function conflictAt(
  sheet: SheetGrid,
  cell: string,
  planned: Planned,
  state: SheetState | undefined,
  overwrite: ReadonlySet<string>,
): Conflict | null {
  const pos = parseA1(cell);
  if (!pos) return null;
  const formula = formulaAt(sheet, pos.row, pos.col);
  const value = cellAt(sheet, pos.row, pos.col);
  const empty = formula === null && (value === null || textOf(value) === '');
  if (empty) return null;
  if ('formula' in planned && formula !== null && sameFormula(formula, planned.formula)) return null;
  if ('value' in planned && formula === null && value === planned.value) return null;
  const owned = state?.owned.includes(cell) ?? false;
  if (owned && !changedByHand(state, cell, formula)) return null;
  if (overwrite.has(`${sheet.name}!${cell}`)) return null;
  return { sheet: sheet.name, cell, existing: formula ?? textOf(value), planned: plannedText(planned) };
}
