/// <reference types="wps-jsapi" />
/**
 * The members of WPS 表格's object model (ET) the WPS adapter uses, and nothing else: the fake in
 * src/fake-wps implements exactly these. Names are checked against Kingsoft's own description
 * (wps-jsapi's lib.et.d.ts) at compile time below. Its member types are generated from the COM
 * type library and often wrong for JavaScript (`Value2: number`, `Address(): void`, `UsedRange:
 * number`), so the types here are narrowed to what a page in WPS receives.
 */

/** What `Range.Value2` holds: one cell gives a scalar, several a 2-D array (rows of cells). */
export type EtValue = string | number | boolean | null | undefined;

export interface EtRange {
  /** A scalar for a single cell, `EtValue[][]` for more; assignable from a scalar or a same-shaped array. */
  Value2: EtValue | EtValue[][];
  /** Formula text ("=SUM(A1:A3)") or the constant as text ("" when empty); same shapes as Value2. */
  Formula: EtValue | EtValue[][];
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** True when every cell is in a merged area, false when none is, null when some are. */
  readonly MergeCells: boolean | null;
  /** The merged area holding the top-left cell (the cell itself when not merged). */
  readonly MergeArea: EtRange;
  NumberFormat: string;
  readonly Interior: { Color: number };
  readonly Font: { Bold: boolean; Color: number };
  readonly EntireColumn: { Hidden: boolean; ColumnWidth: number };
  Merge(across?: boolean): void;
  /** Splits every merged area of the range back into cells. */
  UnMerge(): void;
  Select(): void;
  /** A1 text of the range, "$A$1" unless told otherwise. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
}

/** `Worksheet.Visible`: XlSheetVisibility. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;

export interface EtWorksheet {
  Name: string;
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based index, or a sheet name. */
  Item(index: number | string): EtWorksheet;
  /** Adds a sheet after `after` (or before `before`) and returns it. */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  ScreenUpdating: boolean;
  /** Off while sheets are deleted: WPS would otherwise ask the user to confirm each one. */
  DisplayAlerts: boolean;
}

/** `wps.ApiEvent`: the add-in event registry. */
export interface EtApiEvent {
  AddApiEventListener(
    name: 'SheetSelectionChange',
    callback: (sheet: EtWorksheet, target: EtRange) => void,
  ): void;
  RemoveApiEventListener(name: 'SheetSelectionChange', callback?: unknown): void;
}

/** A compile error here means wps-jsapi no longer has a member of that name. */
type Members<T, K extends keyof T> = K;
export type CheckedRangeMembers = Members<
  Et.EtRange,
  | 'Value2'
  | 'Formula'
  | 'Row'
  | 'Column'
  | 'Rows'
  | 'Columns'
  | 'MergeCells'
  | 'MergeArea'
  | 'NumberFormat'
  | 'Interior'
  | 'Font'
  | 'EntireColumn'
  | 'Merge'
  | 'UnMerge'
  | 'Select'
  | 'Address'
>;
export type CheckedWorksheetMembers = Members<
  Et.EtWorksheet,
  'Name' | 'Visible' | 'ProtectContents' | 'UsedRange' | 'Range' | 'Activate' | 'Delete'
>;
export type CheckedSheetsMembers = Members<Et.EtSheets, 'Count' | 'Item' | 'Add'>;
export type CheckedApplicationMembers = Members<
  Et.EtApplication,
  'ActiveWorkbook' | 'ScreenUpdating' | 'DisplayAlerts' | 'Worksheets'
>;
