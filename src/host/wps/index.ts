/**
 * The WPS 表格 adapter: the same Host as the Office adapter, over WPS's object model (ET) as a WPS
 * add-in page sees it (`window.Application`). ET has no batches: every property read, write or
 * method call is one call into WPS. So cells are read and written as 2-D arrays (`Value2`,
 * `Formula`) of whole used ranges and rectangular blocks, never cell by cell, and the adapter counts
 * its calls (`syncs` in HostRead/HostWrite) as the Office adapter counts context.sync.
 *
 * It never touches a global: the Application and the event registry are passed in, so tests run it
 * against src/fake-wps.
 */
import { a1, a1Range, colIndex, parseA1, parseRange } from '../../core/a1';
import type { CellValue, MergeArea, SheetGrid } from '../../core/grid';
import { type Expected, matchesExpected, type WriteOp, type WritePlan } from '../../core/plan';
import {
  HostEnvironmentError,
  HostError,
  PlanNotApplicableError,
  PlanStaleError,
  type StaleCell,
  WriteInterruptedError,
  type WriteProgress,
} from '../errors';
import { hostLang } from '../messages';
import { textForExcel } from '../office';
import type { Host, HostFeature, HostRead, HostSelection, SkippedOps } from '../types';
import {
  type EtApiEvent,
  type EtApplication,
  type EtRange,
  type EtValue,
  type EtWorksheet,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
} from './et';
import { countCalls } from './meter';

export interface WpsHostOptions {
  /** `window.Application` in WPS 表格, or the fake. */
  application: EtApplication;
  /** `wps.ApiEvent`; without it the host has no `onSelectionChange`. */
  events?: EtApiEvent;
  /** The UI language, e.g. `() => navigator.language`. */
  displayLanguage: () => string;
}

/**
 * What this adapter does not do in WPS: these plan operations are skipped and reported (the pane
 * lists them). Data validation and notes differ between WPS versions in what `Validation.Add` and
 * `AddComment` accept; charts in 汇总 are left out; print setup is left as the workbook has it.
 */
const UNSUPPORTED: ReadonlySet<HostFeature> = new Set([
  'dataValidation',
  'notes',
  'charts',
  'pageLayout',
  'suspendCalc',
]);

/**
 * A Host that talks to WPS 表格 through its JS object model.
 * @example createWpsHost({ application: window.Application, events: wps.ApiEvent, displayLanguage: () => navigator.language })
 */
export function createWpsHost(options: WpsHostOptions): Host {
  const lang = () => hostLang(options.displayLanguage());
  const metered = <T>(f: (app: EtApplication) => T): { result: T; calls: number } => {
    const { proxy, calls } = countCalls(options.application);
    try {
      return { result: f(proxy), calls: calls() };
    } catch (e) {
      if (e instanceof HostEnvironmentError) throw e;
      throw new HostError(e, lang());
    }
  };
  const events = options.events;
  return {
    readWorkbook: async () => {
      const { result, calls } = metered(readWorkbook);
      return { ...result, syncs: calls };
    },
    applyPlan: async (plan, onProgress) => {
      const { result, calls } = metered((app) => writePlan(app, plan, lang(), onProgress));
      return { skipped: result, syncs: calls };
    },
    selectCell: async (sheet, cell) => {
      metered((app) => {
        const ws = worksheets(app).Item(sheet);
        ws.Activate();
        ws.Range(cell).Select();
      });
    },
    ...(events
      ? {
          onSelectionChange: (listener: (selection: HostSelection) => void) => {
            const callback = (sheet: EtWorksheet, target: EtRange) => {
              try {
                const address = target.Address(false, false);
                listener({ sheet: sheet.Name, cell: address.split(/[:,]/)[0]!.toUpperCase() });
              } catch {
                // A selection WPS cannot describe (a chart, a shape) is not a cell to follow.
              }
            };
            events.AddApiEventListener('SheetSelectionChange', callback);
            return () => events.RemoveApiEventListener('SheetSelectionChange', callback);
          },
        }
      : {}),
    displayLanguage: () => options.displayLanguage(),
    supports: (feature) => !UNSUPPORTED.has(feature),
  };
}

function worksheets(app: EtApplication) {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new HostError(Object.assign(new Error('没有打开的工作簿'), { code: 'NoWorkbook' }));
  return wb.Worksheets;
}

// ---------------------------------------------------------------------------------------------- read

/**
 * Per sheet: name, visibility, protection, the used range's corner and size, its Value2 and Formula
 * as 2-D arrays, and its merged areas. The cost per sheet does not grow with its rows or cells;
 * merged areas cost a few calls each (ET cannot list them, so they are found by halving the used
 * range where `MergeCells` says some cells are merged).
 */
function readWorkbook(app: EtApplication): Omit<HostRead, 'syncs'> {
  const sheets = worksheets(app);
  const count = sheets.Count;
  const out: SheetGrid[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    const grid: SheetGrid = {
      name: ws.Name,
      values: [],
      formulas: [],
      merges: [],
      hidden: ws.Visible !== XL_SHEET_VISIBLE,
      protected: Boolean(ws.ProtectContents),
    };
    const used = ws.UsedRange;
    const top = used.Row - 1;
    const left = used.Column - 1;
    const rows = used.Rows.Count;
    const cols = used.Columns.Count;
    const values = asMatrix(used.Value2, rows, cols);
    const formulas = asMatrix(used.Formula, rows, cols);
    const empty = rows === 1 && cols === 1 && toCellValue(values[0]?.[0]) === null;
    if (!empty) {
      const width = left + cols;
      for (let r = 0; r < top + rows; r++) {
        const vr = new Array<CellValue>(width).fill(null);
        const fr = new Array<string | null>(width).fill(null);
        if (r >= top) {
          for (let c = 0; c < cols; c++) {
            vr[left + c] = toCellValue(values[r - top]?.[c]);
            const f = formulas[r - top]?.[c];
            fr[left + c] = typeof f === 'string' && f.startsWith('=') ? f : null;
          }
        }
        grid.values.push(vr);
        grid.formulas!.push(fr);
      }
      grid.merges = findMerges(ws, { top, left, bottom: top + rows - 1, right: left + cols - 1 });
    }
    out.push(grid);
  }
  return { workbook: { sheets: out }, mergesKnown: true };
}

/** Value2/Formula of one cell is a scalar; of a range, rows of cells. */
function asMatrix(v: EtValue | EtValue[][], rows: number, cols: number): EtValue[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  return Array.isArray(v) ? v : [[v]];
}

/** COM's CVErr values: Value2 gives a cell error as this base plus the xlErr code. */
const CVERR_BASE = -2146828288;
const XL_ERRORS: Record<number, string> = {
  2000: '#NULL!',
  2007: '#DIV/0!',
  2015: '#VALUE!',
  2023: '#REF!',
  2029: '#NAME?',
  2036: '#NUM!',
  2042: '#N/A',
};

function toCellValue(v: EtValue): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number') return XL_ERRORS[v - CVERR_BASE] ?? v;
  return v;
}

/**
 * Merged areas inside `rect`: none when `MergeCells` is false; when it is true (every cell merged),
 * the top-left cell's MergeArea, then the rest of the rectangle; when mixed, the two halves.
 */
function findMerges(ws: EtWorksheet, rect: MergeArea): MergeArea[] {
  const found: MergeArea[] = [];
  const seen = new Set<string>();
  const visit = (r: MergeArea) => {
    const merged = ws.Range(a1Range(r.top, r.left, r.bottom, r.right)).MergeCells;
    if (merged === false) return;
    if (merged === true) {
      const area = ws.Range(a1(r.top, r.left)).MergeArea;
      const top = area.Row - 1;
      const left = area.Column - 1;
      const m = { top, left, bottom: top + area.Rows.Count - 1, right: left + area.Columns.Count - 1 };
      const key = `${m.top}:${m.left}`;
      if (!seen.has(key)) {
        seen.add(key);
        found.push(m);
      }
      // What of `r` lies right of and below the area (an area may reach outside `r`).
      if (m.right < r.right)
        visit({ top: r.top, left: m.right + 1, bottom: Math.min(r.bottom, m.bottom), right: r.right });
      if (m.bottom < r.bottom) visit({ top: m.bottom + 1, left: r.left, bottom: r.bottom, right: r.right });
      return;
    }
    if (r.top === r.bottom && r.left === r.right) return;
    if (r.bottom - r.top >= r.right - r.left) {
      const mid = (r.top + r.bottom) >> 1;
      visit({ ...r, bottom: mid });
      visit({ ...r, top: mid + 1 });
    } else {
      const mid = (r.left + r.right) >> 1;
      visit({ ...r, right: mid });
      visit({ ...r, left: mid + 1 });
    }
  };
  visit(rect);
  return found.sort((a, b) => a.top - b.top || a.left - b.left);
}

// --------------------------------------------------------------------------------------------- write

type Content = string | number | boolean;

interface Action {
  sheet: string;
  run(app: EtApplication): void;
  ops: number;
}

/**
 * Checks the sheets (exist, not protected), compares every expected cell (one Value2 and one Formula
 * read per sheet), then writes: sheets added, cell contents as rectangular blocks through
 * `Range.Formula`, formatting, sheets deleted. Returns the operations skipped.
 * @throws PlanNotApplicableError, PlanStaleError before any write; WriteInterruptedError after some.
 */
function writePlan(
  app: EtApplication,
  plan: WritePlan,
  lang: 'zh-CN' | 'en',
  onProgress?: (done: number, total: number) => void,
): SkippedOps[] {
  const sheets = worksheets(app);
  const protectedByName = new Map<string, boolean>();
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    protectedByName.set(ws.Name.toLowerCase(), Boolean(ws.ProtectContents));
  }
  checkPlan(plan.ops, protectedByName, lang);
  compareCells(app, plan.ops, lang);
  const { actions, skipped } = buildActions(plan.ops);
  const total = actions.reduce((n, a) => n + a.ops, 0);
  let done = 0;
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      try {
        a.run(app);
      } catch (e) {
        throw new WriteInterruptedError(new HostError(e, lang), progressAt(actions, i), lang);
      }
      done += a.ops;
      onProgress?.(done, total);
    }
  } finally {
    app.ScreenUpdating = screen;
  }
  return skipped;
}

function progressAt(actions: readonly Action[], failed: number): WriteProgress {
  const order = [...new Set(actions.map((a) => a.sheet))];
  const before = new Set(actions.slice(0, failed).map((a) => a.sheet));
  const at = actions[failed]!.sheet;
  const after = new Set(actions.slice(failed + 1).map((a) => a.sheet));
  return {
    written: order.filter((s) => before.has(s) && s !== at && !after.has(s)),
    partly: order.filter((s) => s === at || (before.has(s) && after.has(s))),
    notWritten: order.filter((s) => !before.has(s) && s !== at),
  };
}

/** The same checks as the Office adapter, before anything is written. */
function checkPlan(
  ops: readonly WriteOp[],
  protectedByName: Map<string, boolean>,
  lang: 'zh-CN' | 'en',
): void {
  const sheets = new Map(protectedByName);
  for (const op of ops) {
    const key = op.sheet.toLowerCase();
    if (op.op === 'addSheet') {
      if (sheets.has(key)) throw new PlanNotApplicableError('sheetExists', op.sheet, undefined, lang);
      sheets.set(key, false);
      continue;
    }
    const isProtected = sheets.get(key);
    if (isProtected === undefined)
      throw new PlanNotApplicableError('sheetMissing', op.sheet, undefined, lang);
    if (op.op === 'deleteSheet') {
      sheets.delete(key);
      continue;
    }
    if (isProtected) throw new PlanNotApplicableError('sheetProtected', op.sheet, undefined, lang);
    for (const address of addressesOf(op)) {
      const ok =
        op.op === 'columnWidth' || op.op === 'hideColumns'
          ? /^[A-Za-z]{1,3}$/.test(address) && colIndex(address) >= 0
          : op.op === 'printTitles'
            ? /^\d+:\d+$/.test(address)
            : parseRange(address) !== null;
      if (!ok) throw new PlanNotApplicableError('badAddress', op.sheet, address, lang);
    }
  }
}

function addressesOf(op: Exclude<WriteOp, { op: 'addSheet' | 'deleteSheet' }>): string[] {
  switch (op.op) {
    case 'formula':
    case 'value':
    case 'note':
      return [op.cell];
    case 'columnWidth':
      return [op.col];
    case 'hideColumns':
      return op.cols;
    case 'printArea':
      return op.ranges.length > 0 ? op.ranges : [''];
    case 'printTitles':
      return [op.rows];
    case 'pageSetup':
      return [];
    case 'chart':
      return [op.range, op.dataRange, op.labelsRange];
    default:
      return [op.range];
  }
}

const cellKey = (cell: string) => cell.toUpperCase().replace(/\$/g, '');

/**
 * Compare-and-set: per sheet, the rectangle around every cell an op expects something of is read
 * whole (Value2 and Formula) and compared.
 * @throws PlanStaleError when a cell differs; nothing has been written.
 */
function compareCells(app: EtApplication, ops: readonly WriteOp[], lang: 'zh-CN' | 'en'): void {
  const added = new Set(ops.filter((o) => o.op === 'addSheet').map((o) => o.sheet.toLowerCase()));
  const bySheet = new Map<string, Map<string, Expected>>();
  for (const op of ops) {
    if ((op.op !== 'formula' && op.op !== 'value') || !op.expected) continue;
    if (added.has(op.sheet.toLowerCase())) continue;
    const cells = bySheet.get(op.sheet) ?? new Map<string, Expected>();
    const key = cellKey(op.cell);
    if (!cells.has(key)) cells.set(key, op.expected);
    bySheet.set(op.sheet, cells);
  }
  const stale: StaleCell[] = [];
  for (const [sheet, cells] of bySheet) {
    const points = [...cells.keys()].map((k) => parseA1(k)!);
    const top = Math.min(...points.map((p) => p.row));
    const left = Math.min(...points.map((p) => p.col));
    const bottom = Math.max(...points.map((p) => p.row));
    const right = Math.max(...points.map((p) => p.col));
    const range = worksheets(app)
      .Item(sheet)
      .Range(a1Range(top, left, bottom, right));
    const rows = bottom - top + 1;
    const cols = right - left + 1;
    const values = asMatrix(range.Value2, rows, cols);
    const formulas = asMatrix(range.Formula, rows, cols);
    for (const [key, want] of cells) {
      const p = parseA1(key)!;
      const value = toCellValue(values[p.row - top]?.[p.col - left]);
      const f = formulas[p.row - top]?.[p.col - left];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
      if (!matchesExpected(want, value, formula))
        stale.push({ sheet, cell: key, expected: want, found: formula ?? value });
    }
  }
  if (stale.length > 0) throw new PlanStaleError(stale, lang);
}

/** "#FFF2CC" → COM's BGR colour number. */
export function bgr(color: string): number {
  const hex = color.replace(/^#/, '');
  const n = Number.parseInt(hex.length === 3 ? hex.replace(/./g, '$&$&') : hex, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/**
 * Plan ops → calls, in the Office adapter's order: early deletes, adds, then per run of ops on one
 * sheet its cell contents as rectangular blocks and its formatting, and deletes last.
 */
function buildActions(ops: readonly WriteOp[]): { actions: Action[]; skipped: SkippedOps[] } {
  const readded = new Set(ops.filter((o) => o.op === 'addSheet').map((o) => o.sheet.toLowerCase()));
  const early: Action[] = [];
  const adds: Action[] = [];
  const deletes: Action[] = [];
  interface Run {
    sheet: string;
    cells: Map<string, Content>;
    cellOps: number;
    rest: Action[];
  }
  const runs: Run[] = [];
  const skipped = new Map<string, SkippedOps>();
  const skip = (feature: HostFeature, op: string) => {
    const s = skipped.get(op) ?? { feature, op, count: 0 };
    s.count++;
    skipped.set(op, s);
  };
  const runOf = (sheet: string): Run => {
    const last = runs.at(-1);
    if (last && last.sheet === sheet) return last;
    const r: Run = { sheet, cells: new Map(), cellOps: 0, rest: [] };
    runs.push(r);
    return r;
  };
  const range = (app: EtApplication, sheet: string, address: string) =>
    worksheets(app).Item(sheet).Range(address);
  const rest = (sheet: string, run: (app: EtApplication) => void) =>
    runOf(sheet).rest.push({ sheet, ops: 1, run });
  const deleteSheet = (sheet: string) => (app: EtApplication) => {
    app.DisplayAlerts = false;
    try {
      worksheets(app).Item(sheet).Delete();
    } finally {
      app.DisplayAlerts = true;
    }
  };

  for (const op of ops) {
    switch (op.op) {
      case 'addSheet':
        adds.push({
          sheet: op.sheet,
          ops: 1,
          run: (app) => {
            const list = worksheets(app);
            const ws = list.Add(undefined, list.Item(list.Count));
            ws.Name = op.sheet;
            if (op.hidden) ws.Visible = op.hidden === 'veryHidden' ? XL_SHEET_VERY_HIDDEN : XL_SHEET_HIDDEN;
          },
        });
        break;
      case 'deleteSheet':
        (readded.has(op.sheet.toLowerCase()) ? early : deletes).push({
          sheet: op.sheet,
          ops: 1,
          run: deleteSheet(op.sheet),
        });
        break;
      case 'formula':
      case 'value': {
        const r = runOf(op.sheet);
        r.cells.set(
          cellKey(op.cell),
          op.op === 'formula'
            ? op.formula.startsWith('=')
              ? op.formula
              : `=${op.formula}`
            : textForExcel(op.value),
        );
        r.cellOps++;
        break;
      }
      case 'numberFormat':
        rest(op.sheet, (app) => {
          range(app, op.sheet, op.range).NumberFormat = op.format;
        });
        break;
      case 'fill':
        rest(op.sheet, (app) => {
          range(app, op.sheet, op.range).Interior.Color = bgr(op.color);
        });
        break;
      case 'font':
        rest(op.sheet, (app) => {
          const font = range(app, op.sheet, op.range).Font;
          if (op.bold !== undefined) font.Bold = op.bold;
          if (op.color !== undefined) font.Color = bgr(op.color);
        });
        break;
      case 'merge':
        rest(op.sheet, (app) => range(app, op.sheet, op.range).Merge(false));
        break;
      case 'columnWidth': {
        const col = op.col.toUpperCase();
        // ET's ColumnWidth is in characters of the default font, as the plan gives it.
        rest(op.sheet, (app) => {
          range(app, op.sheet, `${col}:${col}`).EntireColumn.ColumnWidth = op.width;
        });
        break;
      }
      case 'hideColumns':
        rest(op.sheet, (app) => {
          for (const c of op.cols) {
            const col = c.toUpperCase();
            range(app, op.sheet, `${col}:${col}`).EntireColumn.Hidden = op.hidden;
          }
        });
        break;
      case 'validation':
      case 'clearValidation':
        skip('dataValidation', op.op);
        break;
      case 'note':
        skip('notes', op.op);
        break;
      case 'chart':
        skip('charts', op.op);
        break;
      case 'printArea':
      case 'printTitles':
      case 'pageSetup':
        skip('pageLayout', op.op);
        break;
      default:
        unhandled(op);
    }
  }

  const actions: Action[] = [...early, ...adds];
  for (const run of runs) {
    const blocks = cellBlocks(run.cells);
    const blockActions: Action[] = blocks.map((b) => {
      const address = a1Range(b.top, b.left, b.top + b.rows.length - 1, b.right);
      return {
        sheet: run.sheet,
        ops: b.rows.length * (b.right - b.left + 1),
        run: (app: EtApplication) => {
          const target = range(app, run.sheet, address);
          target.Formula = b.rows.length === 1 && b.right === b.left ? b.rows[0]![0]! : b.rows;
        },
      };
    });
    const counted = blockActions.reduce((n, a) => n + a.ops, 0);
    const last = blockActions.at(-1);
    if (last) last.ops += run.cellOps - counted;
    actions.push(...blockActions, ...run.rest);
  }
  actions.push(...deletes);
  return { actions, skipped: [...skipped.values()] };
}

function unhandled(op: never): never {
  throw new Error(`write op not handled: ${JSON.stringify(op)}`);
}

interface Block {
  top: number;
  left: number;
  right: number;
  rows: Content[][];
}

/** Runs of adjacent cells in a row, stacked while the next row has a run over the same columns. */
function cellBlocks(cells: Map<string, Content>): Block[] {
  const byRow = new Map<number, Map<number, Content>>();
  for (const [addr, v] of cells) {
    const p = parseA1(addr)!;
    const row = byRow.get(p.row) ?? new Map<number, Content>();
    row.set(p.col, v);
    byRow.set(p.row, row);
  }
  const done: Block[] = [];
  let open = new Map<string, Block>();
  for (const r of [...byRow.keys()].sort((x, y) => x - y)) {
    const row = byRow.get(r)!;
    const cols = [...row.keys()].sort((x, y) => x - y);
    const next = new Map<string, Block>();
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
      const left = cols[i]!;
      const right = cols[j]!;
      const values = cols.slice(i, j + 1).map((c) => row.get(c)!);
      const key = `${left}:${right}`;
      const prev = open.get(key);
      if (prev && prev.top + prev.rows.length === r) {
        prev.rows.push(values);
        open.delete(key);
        next.set(key, prev);
      } else next.set(key, { top: r, left, right, rows: [values] });
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}
