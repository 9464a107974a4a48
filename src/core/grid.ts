/**
 * The neutral picture of a workbook that every adapter (Office.js, ExcelJS, the playground) builds
 * and the core reads. Rows and columns are 0-based; A1 text is produced only by ./a1.
 */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive on both ends. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Cell values as displayed/cached, row-major. Rows may be ragged; missing cells are null. */
  values: CellValue[][];
  /** Formula text ("=SUM(A1:A3)") where the cell holds a formula, else null/absent. */
  formulas?: (string | null)[][];
  merges: MergeArea[];
  /** Hidden or very hidden sheets are never treated as rubrics. */
  hidden?: boolean;
  protected?: boolean;
  /** Rectangles that carry data validation (any rule), where the host can tell; absent = not known. */
  validations?: MergeArea[];
  /** 0-based indices of hidden columns, where the host can tell; absent = not known. */
  hiddenCols?: number[];
  /** The print area's rectangles, when one is set. */
  printArea?: MergeArea[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

/** The raw value at (row, col), or null. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  return sheet.values[row]?.[col] ?? null;
}

/** The formula at (row, col), or null. */
export function formulaAt(sheet: SheetGrid, row: number, col: number): string | null {
  return sheet.formulas?.[row]?.[col] ?? null;
}

/** The merge area covering (row, col), if any. */
export function mergeAt(sheet: SheetGrid, row: number, col: number): MergeArea | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** The value a reader sees at (row, col): a merged cell shows its top-left value everywhere. */
export function shownAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const m = mergeAt(sheet, row, col);
  return m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, row, col);
}

/** Cell value as trimmed text ('' for null). */
export function textOf(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.trim();
}

export function rowCount(sheet: SheetGrid): number {
  return sheet.values.length;
}

export function colCount(sheet: SheetGrid): number {
  let n = 0;
  for (const r of sheet.values) n = Math.max(n, r.length);
  return n;
}
