/**
 * The task pane's state as one pure reducer: loading, the report read, the rules being edited, the
 * write preview and its progress, and the fault on screen. Every host call and core computation
 * happens at the edges (../App.tsx) and arrives here as an action carrying its result.
 */
import type { WorkbookReport } from '../../core/analyze';
import type { WorkbookGrid } from '../../core/grid';
import type { Issue } from '../../core/issues';
import type { SheetAnalysis } from '../../core/model';
import type { Conflict, WritePlan } from '../../core/plan';
import type { UndoGap } from '../../core/writeback/undo';
import type { SkippedOps } from '../../host/types';
import type { UiLang } from '../i18n';
import type { Fault } from './faults';
import type { RuleDraft } from './rule-edit';

/** Which long operation is running, if any. */
export type Busy = 'loading' | 'saving' | 'writing' | null;

/** Rows of the write preview per page: long plans are paged, never rendered whole. */
export const PREVIEW_PAGE_SIZE = 25;

export interface WriteResult {
  ops: number;
  syncs: number;
  skipped: SkippedOps[];
}

/** What 撤销写入 needs: the workbook as read just before the last write, and the plans applied. */
export interface UndoSource {
  before: WorkbookGrid;
  plans: WritePlan[];
  /** False when that read could not report merged areas. */
  mergesKnown?: boolean;
  /** False when that read could not tell hidden columns. */
  hiddenColsKnown?: boolean;
}

/** What an undo did: cells put back, cells edited since the write (left as they are), what stays. */
export interface UndoResult {
  restored: string[];
  conflicts: Conflict[];
  gaps: UndoGap[];
}

export interface WriteState {
  entryColumns: boolean;
  /** Sheets to write; null until the assessor chooses (then every rubric sheet is written). */
  sheets: string[] | null;
  /** Conflicting cells (sheet!A1) the assessor confirmed to overwrite. */
  overwrite: string[];
  /** The plan for the current options, or null while it is being prepared. */
  plan: WritePlan | null;
  /** Cells holding the assessor's content that a write would replace (from the plan without overwrites). */
  conflicts: Conflict[];
  page: number;
  progress: { done: number; total: number } | null;
  result: WriteResult | null;
  /** The last successful write, while it can be undone. */
  undo: UndoSource | null;
  undoResult: UndoResult | null;
}

export interface FlowState {
  lang: UiLang;
  /** The step shown (an id from the steps registry). */
  step: string;
  busy: Busy;
  workbook: WorkbookGrid | null;
  report: WorkbookReport | null;
  readSyncs: number | null;
  /** The rubric sheet shown in 识别 and 规则. */
  sheet: string | null;
  /** Rules being edited, by rule key (./rule-edit ruleKey). */
  drafts: Record<string, RuleDraft>;
  /** Rule keys whose saved override is to be removed on the next save. */
  resets: string[];
  /** The rule key whose editor is open. */
  editing: string | null;
  /** A one-off confirmation to show (after a save). */
  notice: 'rulesSaved' | null;
  write: WriteState;
  fault: Fault | null;
}

export type FlowAction =
  | { type: 'setLang'; lang: UiLang }
  | { type: 'setStep'; step: string }
  | { type: 'loadStart' }
  | { type: 'loaded'; workbook: WorkbookGrid; report: WorkbookReport; syncs: number }
  | { type: 'failed'; fault: Fault }
  | { type: 'dismissFault' }
  | { type: 'selectSheet'; sheet: string }
  | { type: 'openEditor'; key: string | null }
  | { type: 'editRule'; key: string; draft: RuleDraft }
  | { type: 'discardDraft'; key: string }
  | { type: 'resetRule'; key: string }
  | { type: 'saveStart' }
  | { type: 'saved' }
  | { type: 'setEntryColumns'; on: boolean }
  | { type: 'toggleWriteSheet'; sheet: string; on: boolean }
  | { type: 'toggleOverwrite'; cell: string; on: boolean }
  | { type: 'overwriteAll'; on: boolean }
  | { type: 'planned'; plan: WritePlan; conflicts: Conflict[] }
  | { type: 'setPage'; page: number }
  | { type: 'writeStart'; total: number }
  | { type: 'writeProgress'; done: number; total: number }
  | { type: 'written'; result: WriteResult; undo?: UndoSource }
  | { type: 'undoStart' }
  | { type: 'undone'; result: UndoResult };

export function initialState(lang: UiLang, step = 'detect'): FlowState {
  return {
    lang,
    step,
    busy: null,
    workbook: null,
    report: null,
    readSyncs: null,
    sheet: null,
    drafts: {},
    resets: [],
    editing: null,
    notice: null,
    write: {
      entryColumns: false,
      sheets: null,
      overwrite: [],
      plan: null,
      conflicts: [],
      page: 0,
      progress: null,
      result: null,
      undo: null,
      undoResult: null,
    },
    fault: null,
  };
}

/** "sheet!A1" for a conflict, the key the overwrite list holds. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** Rubric sheets of the report, in workbook order. */
export function rubricSheets(
  report: WorkbookReport | null,
): { sheet: string; analysis: SheetAnalysis; issues: Issue[] }[] {
  if (!report) return [];
  return report.sheets.flatMap((s) =>
    s.analysis ? [{ sheet: s.sheet, analysis: s.analysis, issues: s.issues }] : [],
  );
}

/** Every issue of the report: workbook-level first, then each sheet's. */
export function allIssues(report: WorkbookReport | null): Issue[] {
  if (!report) return [];
  return [...report.issues, ...report.sheets.flatMap((s) => s.issues)];
}

/** The sheets a write covers under the current options. */
export function writeSheets(state: FlowState): string[] {
  return state.write.sheets ?? rubricSheets(state.report).map((s) => s.sheet);
}

/** Options changed: the plan is stale, and so is the last result. */
function replan(w: WriteState, patch: Partial<WriteState>): WriteState {
  return { ...w, ...patch, plan: null, page: 0, result: null };
}

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'setLang':
      return { ...state, lang: action.lang };
    case 'setStep':
      return { ...state, step: action.step, notice: null };
    case 'loadStart':
      return { ...state, busy: 'loading', fault: null };
    case 'loaded': {
      const names = rubricSheets(action.report).map((s) => s.sheet);
      const sheet = state.sheet !== null && names.includes(state.sheet) ? state.sheet : (names[0] ?? null);
      const w = state.write;
      return {
        ...state,
        busy: null,
        workbook: action.workbook,
        report: action.report,
        readSyncs: action.syncs,
        sheet,
        fault: names.length === 0 ? { kind: 'noTable' } : null,
        // The report changed, so the plan is recomputed; the last write's result stays on screen.
        write: {
          ...w,
          sheets: w.sheets === null ? null : w.sheets.filter((s) => names.includes(s)),
          plan: null,
          page: 0,
          progress: null,
        },
      };
    }
    case 'failed':
      return { ...state, busy: null, fault: action.fault, write: { ...state.write, progress: null } };
    case 'dismissFault':
      return { ...state, fault: null };
    case 'selectSheet':
      return { ...state, sheet: action.sheet, editing: null };
    case 'openEditor':
      return { ...state, editing: action.key, notice: null };
    case 'editRule':
      return {
        ...state,
        drafts: { ...state.drafts, [action.key]: action.draft },
        resets: state.resets.filter((k) => k !== action.key),
        notice: null,
      };
    case 'discardDraft': {
      const { [action.key]: _gone, ...drafts } = state.drafts;
      return { ...state, drafts, editing: state.editing === action.key ? null : state.editing };
    }
    case 'resetRule': {
      const { [action.key]: _gone, ...drafts } = state.drafts;
      const resets = state.resets.includes(action.key) ? state.resets : [...state.resets, action.key];
      return { ...state, drafts, resets, editing: null, notice: null };
    }
    case 'saveStart':
      return { ...state, busy: 'saving', fault: null, notice: null };
    case 'saved':
      return { ...state, busy: null, drafts: {}, resets: [], editing: null, notice: 'rulesSaved' };
    case 'setEntryColumns':
      return { ...state, write: replan(state.write, { entryColumns: action.on }) };
    case 'toggleWriteSheet': {
      const current = writeSheets(state);
      const without = current.filter((s) => s !== action.sheet);
      const order = rubricSheets(state.report).map((s) => s.sheet);
      const sheets = action.on ? order.filter((s) => without.includes(s) || s === action.sheet) : without;
      return { ...state, write: replan(state.write, { sheets }) };
    }
    case 'toggleOverwrite': {
      const without = state.write.overwrite.filter((c) => c !== action.cell);
      return {
        ...state,
        write: replan(state.write, { overwrite: action.on ? [...without, action.cell] : without }),
      };
    }
    case 'overwriteAll': {
      const overwrite = action.on ? state.write.conflicts.map((c) => cellKey(c.sheet, c.cell)) : [];
      return { ...state, write: replan(state.write, { overwrite }) };
    }
    case 'planned': {
      // Confirmations for cells that no longer conflict are dropped, so they cannot apply later by surprise.
      const live = new Set(action.conflicts.map((c) => cellKey(c.sheet, c.cell)));
      const w = state.write;
      return {
        ...state,
        write: {
          ...w,
          plan: action.plan,
          conflicts: action.conflicts,
          overwrite: w.overwrite.filter((c) => live.has(c)),
        },
      };
    }
    case 'setPage': {
      const rows = state.write.plan?.ops.length ?? 0;
      const last = Math.max(0, Math.ceil(rows / PREVIEW_PAGE_SIZE) - 1);
      return { ...state, write: { ...state.write, page: Math.min(Math.max(0, action.page), last) } };
    }
    case 'writeStart':
      return {
        ...state,
        busy: 'writing',
        fault: null,
        write: {
          ...state.write,
          progress: { done: 0, total: action.total },
          result: null,
          undoResult: null,
        },
      };
    case 'writeProgress':
      return { ...state, write: { ...state.write, progress: { done: action.done, total: action.total } } };
    case 'written':
      return {
        ...state,
        busy: null,
        write: {
          ...state.write,
          progress: null,
          result: action.result,
          undo: action.undo ?? null,
          undoResult: null,
        },
      };
    case 'undoStart':
      return { ...state, busy: 'writing', fault: null, write: { ...state.write, undoResult: null } };
    case 'undone':
      // The write is undone: its result no longer describes the workbook, and it cannot be undone twice.
      return {
        ...state,
        busy: null,
        write: { ...state.write, result: null, undo: null, undoResult: action.result },
      };
  }
}
