/** Reading what assessors typed: entry cells, and turning cell text into numbers with a suggestion. */
import { colIndex } from './a1';
import { cellAt, formulaAt, type CellValue, type SheetGrid, textOf } from './grid';
import type { SheetState } from './meta';
import type { ItemEntry, RawEntry } from './model';
import type { DetectedTable } from './rubric';
import { UNIT_RE } from './rules/units';
import { normalize, parseNumber } from './text';

/** How a typed entry reads. */
export type EntryValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  /** Text that is not a plain number; `suggestion` is the number it probably means. */
  | { kind: 'text'; text: string; suggestion: number | null }
  /** A spreadsheet error value (#VALUE! …) cached in a formula cell. */
  | { kind: 'error'; text: string };

/** Entries at or beyond this magnitude are not read as scores. */
export const MAX_ENTRY = 1e6;

/**
 * Read a cell value as an entry.
 * @example readEntryValue('1分') → { kind: 'text', text: '1分', suggestion: 1 }
 */
export function readEntryValue(v: CellValue): EntryValue {
  if (v === null) return { kind: 'empty' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', text: String(v) };
    // No score is anywhere near a million points: a number that large is a slip (or pasted data)
    // and is reported like any other entry that cannot be a score.
    if (Math.abs(v) >= MAX_ENTRY) return { kind: 'text', text: String(v), suggestion: null };
    return { kind: 'number', value: v };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE', suggestion: null };
  const text = v.trim();
  if (text === '') return { kind: 'empty' };
  if (/^#[A-Z/0!?]+[!?A-Z0-9/]*$/.test(text)) return { kind: 'error', text };
  return { kind: 'text', text, suggestion: suggestNumber(text) };
}

/** The number a text entry most likely means: "1分", "０.５", "一", "扣1分", "-0.5 分". */
export function suggestNumber(text: string): number | null {
  const t = normalize(text)
    .text.replace(/^扣/, '')
    .replace(/分$/, '')
    .replace(/^(得|扣除)/, '');
  const direct = parseNumber(t);
  if (direct !== null) return direct;
  // A count written with its unit: "3人", "两次", "95%".
  const counted = new RegExp(`^(.+?)(?:个|名)?(?:${UNIT_RE}|%)$`).exec(t);
  if (counted) {
    const n = parseNumber(counted[1]!);
    if (n !== null) return n;
  }
  const m = /^[+-]?\d+(\.\d+)?$/.exec(t.replace(/[,，]/g, ''));
  return m ? Number(m[0]) : null;
}

/** The texts a yes/no entry cell holds: workbook data, the same in every UI language. */
export const YES_NO_TEXT = { yes: '是', no: '否' } as const;

/**
 * Read an input of an entry column exactly as the written formulas do: a number is a count or a
 * rate (ISNUMBER), the text 是 or 否 is a yes/no (x="是"), and anything else counts as nothing entered.
 * What the formulas cannot read is reported by the checks (inputNotRead), never guessed here, so the
 * score the core reports is the score the sheet shows.
 */
export function readInput(v: CellValue): number | boolean | null {
  const e = readEntryValue(v);
  if (e.kind === 'number') return e.value;
  if (v === YES_NO_TEXT.yes) return true;
  if (v === YES_NO_TEXT.no) return false;
  return null;
}

/** Whether a non-empty entry-column value is one readInput cannot use. */
export function unreadInput(v: CellValue): boolean {
  return readEntryValue(v).kind !== 'empty' && readInput(v) === null;
}

function raw(sheet: SheetGrid, row: number, col: number | undefined): RawEntry | null {
  if (col === undefined) return null;
  return { value: cellAt(sheet, row, col), formula: formulaAt(sheet, row, col), cell: { row, col } };
}

/**
 * The entries of every item of a detected table. Entry columns the product added (recorded in the
 * workbook's metadata, in rule-term order) are read into `counts`.
 */
export function readEntries(sheet: SheetGrid, table: DetectedTable, state?: SheetState): ItemEntry[] {
  const entryCols = (state?.entryColumns ?? []).map((c) => colIndex(c.col));
  return table.items.map((item) => {
    const reasonCol = table.columns.reason;
    const counts =
      entryCols.length > 0
        ? entryCols.map((c) => (c < 0 ? null : readInput(cellAt(sheet, item.row, c))))
        : null;
    const entry: ItemEntry = {
      itemId: item.id,
      deduction: raw(sheet, item.row, table.columns.deduction),
      score: raw(sheet, item.row, table.columns.score),
      reason: reasonCol === undefined ? '' : textOf(cellAt(sheet, item.row, reasonCol)),
      counts,
    };
    if (entryCols.length > 0)
      entry.inputs = entryCols.map((c) => raw(sheet, item.row, c < 0 ? undefined : c));
    return entry;
  });
}
