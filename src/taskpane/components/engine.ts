/**
 * The core functions the pane calls, gathered in one object so the App receives them like it
 * receives the Host: one place to adapt when a core signature moves, and a seam for tests.
 */
import { type WorkbookReport, analyzeWorkbook } from '../../core/analyze';
import type { WorkbookGrid } from '../../core/grid';
import { formatIssue } from '../../core/i18n';
import type { Issue } from '../../core/issues';
import { META_SHEET, type Meta, metaOps, metaSheetState } from '../../core/meta';
import type { WriteOp, WritePlan } from '../../core/plan';
import { explainRule } from '../../core/rules/explain';
import type { Rule } from '../../core/rules/types';
import { planWrite } from '../../core/writeback';
import {
  type ItemEntryInput,
  type ItemPlan,
  type ItemPlanOptions,
  planItemEntry,
} from '../../core/writeback/item';
import type { SheetGrid } from '../../core/grid';
import type { SheetAnalysis } from '../../core/model';
import type { SheetState } from '../../core/meta';
import type { UiLang } from '../i18n';

export interface PlanOptions {
  entryColumns: boolean;
  sheets: string[];
  /** Conflicting cells (sheet!A1) confirmed for overwriting. */
  overwrite: string[];
  lang: UiLang;
}

export interface Engine {
  analyze(workbook: WorkbookGrid): WorkbookReport;
  plan(workbook: WorkbookGrid, report: WorkbookReport, options: PlanOptions): WritePlan;
  /** Operations that store the product's metadata (rule overrides) in the workbook. */
  saveMeta(workbook: WorkbookGrid, meta: Meta): WriteOp[];
  /** The write of one item's entries (评分 step), over that item's cells only. */
  planItem(
    sheet: SheetGrid,
    analysis: SheetAnalysis,
    state: SheetState | undefined,
    itemId: string,
    entry: ItemEntryInput,
    options?: ItemPlanOptions,
  ): ItemPlan;
  explain(rule: Rule, points: number | null, lang: UiLang): string;
  formatIssue(issue: Issue, lang: UiLang): string;
}

/** How many JSON cells the stored metadata spans (column A below the marker), so stale ones are cleared. */
function storedChunks(workbook: WorkbookGrid): number {
  const sheet = workbook.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return 0;
  let n = 0;
  for (let r = 1; r < sheet.values.length; r++) {
    const v = sheet.values[r]?.[0];
    if (typeof v !== 'string' || v === '') break;
    n++;
  }
  return n;
}

/** The engine backed by the rubric core. */
export const coreEngine: Engine = {
  analyze: (workbook) => analyzeWorkbook(workbook),
  plan: (workbook, report, o) =>
    planWrite(workbook, report, {
      entryColumns: o.entryColumns,
      sheets: o.sheets,
      meta: report.meta,
      lang: o.lang,
      overwrite: o.overwrite,
    }),
  saveMeta: (workbook, meta) => metaOps(meta, metaSheetState(workbook), storedChunks(workbook)),
  planItem: (sheet, analysis, state, itemId, entry, options) =>
    planItemEntry(sheet, analysis, state, itemId, entry, options),
  explain: (rule, points, lang) => explainRule(rule, points, lang),
  formatIssue: (issue, lang) => formatIssue(issue, lang),
};
