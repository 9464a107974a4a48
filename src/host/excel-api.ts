/**
 * The part of the Excel JavaScript API that the add-in uses, written as structural types. The real
 * `Excel` global satisfies them (src/taskpane/main.tsx passes it in, so the compiler checks that), and
 * so does the fake object model in src/fake-excel, which is how office.ts is tested without Excel.
 * Keep this surface small: every member added here must be implemented by the fake too.
 *
 * Data shapes (validation rules, prompts) reuse the ambient `Excel` types from @types/office-js:
 * those are types only and bring no runtime code.
 */

/** An object whose properties must be `load`ed and synced before they can be read. */
export interface XlClientObject {
  /** True when an `…OrNullObject` getter found nothing; readable after the next sync. */
  readonly isNullObject: boolean;
}

export interface XlRangeFont {
  bold: boolean;
  color: string;
}

export interface XlRangeFill {
  color: string;
}

export interface XlRangeFormat {
  /** Column width in points. */
  columnWidth: number;
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
}

export interface XlDataValidation {
  clear(): void;
  /**
   * An Excel.DataValidationType name (ExcelApi 1.8): "None" where no cell has a rule, the rule's type
   * ("List", "Decimal" …) where every cell has the same, "MixedCriteria" where some cells have one and
   * others none, "Inconsistent" where the cells' rules differ.
   */
  readonly type: string;
  rule: Excel.DataValidationRule;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
  load(propertyNames: string | string[]): unknown;
}

export interface XlRangeCollection {
  readonly items: XlRange[];
  load(propertyNames: string | string[]): unknown;
}

export interface XlRangeAreas extends XlClientObject {
  readonly areas: XlRangeCollection;
  load(propertyNames: string | string[]): unknown;
}

export interface XlRange extends XlClientObject {
  /** Sheet-qualified A1 address, e.g. "'张 村'!B3:D9". */
  readonly address: string;
  // biome-ignore lint/suspicious/noExplicitAny: Office types cell arrays as any[][]; narrowed where read.
  values: any[][];
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  formulas: any[][];
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  numberFormat: any[][];
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  /**
   * Whether every column of the range is hidden (write: hide or show them). Read: true, false, or
   * null where some of its columns are hidden and others not.
   */
  columnHidden: boolean;
  load(propertyNames: string | string[]): unknown;
  merge(across?: boolean): void;
  /** Splits every merged area of the range back into cells. */
  unmerge(): void;
  select(): void;
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** `cellType` is an Excel.SpecialCellType name such as "DataValidations" (ExcelApi 1.9). */
  getSpecialCellsOrNullObject(cellType: string): XlRangeAreas;
}

/** Zoom for printing: a percentage, or a number of pages wide and tall (0 = as many as needed). */
export interface XlPageZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

/** Print settings of a sheet (ExcelApi 1.9). */
export interface XlPageLayout {
  /** An Excel.PaperType name, e.g. "A4". */
  paperSize: string;
  /** "Portrait" | "Landscape". */
  orientation: string;
  zoom: XlPageZoom;
  /** One range or several, comma-separated ("A1:M40" or "A1:M40,A50:M60"). */
  setPrintArea(printArea: string): void;
  /** The print area's ranges; a null object where none is set. */
  getPrintAreaOrNullObject(): XlRangeAreas;
  /** Rows repeated at the top of each page, e.g. "$2:$3". */
  setPrintTitleRows(printTitleRows: string): void;
}

/** Manual page breaks of a sheet (ExcelApi 1.9). */
export interface XlPageBreakCollection {
  /** A break above the top-left cell of the range ("A5": page ends after row 4). */
  add(pageBreakRange: string): unknown;
}

export interface XlWorksheetProtection {
  readonly protected: boolean;
}

export interface XlNoteCollection {
  add(cellAddress: string, content: string): unknown;
}

export interface XlChartSeries {
  setXAxisValues(sourceData: XlRange): void;
}

export interface XlChart {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): XlChartSeries };
  setPosition(startCell: string, endCell?: string): void;
}

export interface XlChartCollection {
  /** `type` is an Excel.ChartType name such as "BarClustered"; `seriesBy` "Auto" | "Columns" | "Rows". */
  add(type: string, sourceData: XlRange, seriesBy?: string): XlChart;
}

export interface XlWorksheet extends XlClientObject {
  readonly name: string;
  /** "Visible" | "Hidden" | "VeryHidden". */
  visibility: string;
  readonly protection: XlWorksheetProtection;
  readonly notes: XlNoteCollection;
  readonly charts: XlChartCollection;
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.9. */
  readonly horizontalPageBreaks: XlPageBreakCollection;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
  load(propertyNames: string | string[]): unknown;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  load(propertyNames: string | string[]): unknown;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
}

export interface XlApplication {
  suspendApiCalculationUntilNextSync(): void;
}

export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  readonly application: XlApplication;
  sync(): Promise<unknown>;
}

/** What `Excel` offers the adapter: batches run against a request context. */
export interface ExcelApi {
  run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T>;
}

/** `Office.context.requirements.isSetSupported`, injected so tests can choose the Excel version. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;
