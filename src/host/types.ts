/**
 * What the task pane asks of its host. Components receive a Host and never import Office.js, so the
 * same UI runs in Excel (./office.ts), in tests and in the browser playground (src/fake-excel).
 */
import type { WorkbookGrid } from '../core/grid';
import type { WritePlan } from '../core/plan';

/** Optional capabilities that depend on the Excel version. */
export type HostFeature = 'dataValidation' | 'notes' | 'charts' | 'suspendCalc' | 'pageLayout';

export interface HostRead {
  workbook: WorkbookGrid;
  /** Round trips to Excel the read took (a small constant, whatever the workbook's size). */
  syncs: number;
  /** False when this Excel cannot report merged areas (before ExcelApi 1.13): `merges` are then empty. */
  mergesKnown: boolean;
  /** False when this host cannot tell hidden columns (WPS): `hiddenCols` is then absent. */
  hiddenColsKnown?: boolean;
}

/** Plan operations the host could not apply because this Excel lacks the feature. */
export interface SkippedOps {
  feature: HostFeature;
  /** Which plan operation kind was skipped, e.g. 'note'. */
  op: string;
  count: number;
}

export interface HostWrite {
  /** Round trips to Excel the write took: 1 check + 1 per payload chunk. */
  syncs: number;
  skipped: SkippedOps[];
}

/** Where the user's cursor is. */
export interface HostSelection {
  sheet: string;
  /** Top-left cell of the selection, e.g. "G5". */
  cell: string;
}

export interface Host {
  /**
   * Read every sheet in one batch: used-range values and formulas, merged areas, names, visibility,
   * protection, and the user's data validation, hidden columns and print area where Excel can tell.
   * @throws HostError when Excel rejects the batch.
   */
  readWorkbook(): Promise<HostRead>;
  /**
   * Apply a write plan. Checks first that every target sheet exists and is unprotected, and throws
   * before writing anything when not.
   * @throws PlanNotApplicableError before any write; HostError when Excel rejects a batch.
   */
  applyPlan(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<HostWrite>;
  /** Activate the sheet and select the cell (to show the user where an issue is). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Follow the user's selection: `listener` gets the sheet and the top-left cell (A1) each time the
   * selection moves. Returns the unsubscribe function. Absent where the host cannot report it.
   */
  onSelectionChange?(listener: (selection: HostSelection) => void): () => void;
  /** Office's display language, e.g. 'zh-CN'. */
  displayLanguage(): string;
  supports(feature: HostFeature): boolean;
}
