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
import type { Lang } from '../../core/i18n';
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
  type EtWorksheets,
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
  if (!wb) throw new HostEnvironmentError('noWorkbook', {});
  return wb.Worksheets;
}

// ---------------------------------------------------------------------------------------------- read

/**
 * Per sheet: name, visibility, protection, the used range's corner and size, its Value2 and Formula
 * as 2-D arrays, and its merged areas. The cost per sheet does not grow with its rows or cells;
 * merged areas cost a few calls each (ET cannot list them: the likely ones are asked their
 * MergeArea, and the rest of the used range is proved by `MergeCells`, halved where it is mixed).
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
    // One call for the corner and the size, instead of Row, Column, Rows.Count and Columns.Count.
    const corner = rectOfAddress(used.Address(false, false));
    const top = corner.top;
    const left = corner.left;
    const rows = corner.bottom - corner.top + 1;
    const cols = corner.right - corner.left + 1;
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
      grid.merges = findMerges(
        ws,
        { top, left, bottom: top + rows - 1, right: left + cols - 1 },
        grid.values,
      );
    }
    out.push(grid);
  }
  return { workbook: { sheets: out }, mergesKnown: true, hiddenColsKnown: false };
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

/** "B3:D9" or "B3" as ET's `Address(false, false)` gives it, as 0-based corners. */
function rectOfAddress(address: string): MergeArea {
  const r = parseRange(address.split(',')[0]!.replace(/\$/g, ''));
  if (!r) throw new HostEnvironmentError('unreadableAnswer', {});
  return r;
}

const inside = (r: MergeArea, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/**
 * Merged areas inside `rect`, in two passes. First the likely ones: a merged area's cells other than
 * its top-left read empty, so a cell holding something with an empty cell below it, or an empty
 * cell right of it over a filled one, is asked for its MergeArea (its Address: the whole extent in
 * one call). Then the rest is proved: what no area found covers, cut into rectangles, is asked
 * `MergeCells`; false (the usual answer) ends it, true gives the top-left cell's MergeArea and the
 * rest of the rectangle is asked again, mixed halves it along its longer side. So every area is
 * found whatever the values say; the values only spare calls. Each area costs a few calls and each
 * rectangle left over two: the cost follows the merged areas, not the cells.
 */
function findMerges(ws: EtWorksheet, rect: MergeArea, values: readonly CellValue[][]): MergeArea[] {
  const found: MergeArea[] = [];
  const filled = (row: number, col: number) => values[row]?.[col] != null;
  const covering = (row: number, col: number) => found.find((f) => inside(f, row, col));
  /** The merged area holding the cell, added to `found`; null when the cell is not merged. */
  const areaAt = (row: number, col: number): MergeArea | null => {
    const known = covering(row, col);
    if (known) return known;
    const area = rectOfAddress(ws.Range(a1(row, col)).MergeArea.Address(false, false));
    if (area.top === area.bottom && area.left === area.right) return null;
    found.push(area);
    return area;
  };

  if (ws.Range(a1Range(rect.top, rect.left, rect.bottom, rect.right)).MergeCells === false) return [];
  // Rows of a column proved to hold no merged cell: a candidate whose neighbour lies there is no
  // area's top-left and is not asked. A column is asked from its first candidate down, and again
  // after a miss, so misses stop once the rest of the column holds no area.
  const clean = new Map<number, [number, number][]>();
  const isClean = (row: number, col: number) =>
    clean.get(col)?.some(([a, b]) => row >= a && row <= b) ?? false;
  const prove = (from: number, to: number, col: number): boolean => {
    if (from > to) return true;
    const none = ws.Range(a1Range(from, col, to, col)).MergeCells === false;
    if (none) clean.set(col, [...(clean.get(col) ?? []), [from, to]]);
    return none;
  };
  const asked = new Set<number>();
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (!filled(r, c) || covering(r, c)) continue;
      const down = r < rect.bottom && !filled(r + 1, c);
      const across = c < rect.right && !filled(r, c + 1) && (r === rect.bottom || filled(r + 1, c + 1));
      if (!down && !across) continue;
      // The cell an area starting here would have to cover.
      const [row, col] = down ? [r + 1, c] : [r, c + 1];
      if (isClean(row, col)) continue;
      if (!asked.has(col)) {
        asked.add(col);
        if (prove(row, rect.bottom, col)) continue;
      }
      if (areaAt(r, c) === null && !prove(row, rect.bottom, col)) prove(row, (row + rect.bottom) >> 1, col);
    }
  }

  const rest = (r: MergeArea, m: MergeArea) => {
    // What of `r` lies right of and below the area (an area may reach outside `r`).
    if (m.right < r.right)
      visit({ top: r.top, left: m.right + 1, bottom: Math.min(r.bottom, m.bottom), right: r.right });
    if (m.bottom < r.bottom) visit({ top: m.bottom + 1, left: r.left, bottom: r.bottom, right: r.right });
  };
  const visit = (r: MergeArea): void => {
    const known = covering(r.top, r.left);
    if (known) {
      rest(r, known);
      return;
    }
    const merged = ws.Range(a1Range(r.top, r.left, r.bottom, r.right)).MergeCells;
    if (merged === false) return;
    if (merged === true) {
      const area = areaAt(r.top, r.left);
      // MergeCells true means every cell is merged; a top-left that is not would be WPS contradicting itself.
      if (area) rest(r, area);
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
  const first = found.length;
  for (const part of uncovered(rect, found.slice(0, first))) visit(part);
  return found.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * `rect` less the `areas`, as few rectangles as a sweep finds: by rows (runs of uncovered columns
 * stacked while the next row has the same run) or by columns, whichever gives fewer.
 */
function uncovered(rect: MergeArea, areas: readonly MergeArea[]): MergeArea[] {
  const sweep = (byRows: boolean): MergeArea[] => {
    const [lo, hi, a, b] = byRows
      ? [rect.top, rect.bottom, rect.left, rect.right]
      : [rect.left, rect.right, rect.top, rect.bottom];
    const free = (i: number, j: number) => !areas.some((m) => (byRows ? inside(m, i, j) : inside(m, j, i)));
    const done: MergeArea[] = [];
    let open = new Map<string, MergeArea>();
    for (let i = lo; i <= hi; i++) {
      const next = new Map<string, MergeArea>();
      for (let j = a; j <= b; ) {
        if (!free(i, j)) {
          j++;
          continue;
        }
        let k = j;
        while (k + 1 <= b && free(i, k + 1)) k++;
        const key = `${j}:${k}`;
        const prev = open.get(key);
        if (prev) {
          if (byRows) prev.bottom = i;
          else prev.right = i;
          open.delete(key);
          next.set(key, prev);
        } else
          next.set(
            key,
            byRows ? { top: i, left: j, bottom: i, right: k } : { top: j, left: i, bottom: k, right: i },
          );
        j = k + 1;
      }
      done.push(...open.values());
      open = next;
    }
    done.push(...open.values());
    return done;
  };
  const rows = sweep(true);
  const cols = sweep(false);
  return cols.length < rows.length ? cols : rows;
}

// --------------------------------------------------------------------------------------------- write

type Content = string | number | boolean;

interface Action {
  sheet: string;
  run(book: SheetCache): void;
  ops: number;
}

/**
 * The Worksheets collection and each sheet asked for once per write: every op on a sheet would
 * otherwise cost ActiveWorkbook, Worksheets and Item again before its own call.
 */
class SheetCache {
  private list?: EtWorksheets;
  private readonly byName = new Map<string, EtWorksheet>();
  constructor(readonly app: EtApplication) {}
  worksheets(): EtWorksheets {
    this.list ??= worksheets(this.app);
    return this.list;
  }
  item(name: string): EtWorksheet {
    const key = name.toLowerCase();
    let ws = this.byName.get(key);
    if (!ws) {
      ws = this.worksheets().Item(name);
      this.byName.set(key, ws);
    }
    return ws;
  }
  added(name: string, ws: EtWorksheet): void {
    this.byName.set(name.toLowerCase(), ws);
  }
  deleted(name: string): void {
    this.byName.delete(name.toLowerCase());
  }
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
  lang: Lang,
  onProgress?: (done: number, total: number) => void,
): SkippedOps[] {
  const book = new SheetCache(app);
  const sheets = book.worksheets();
  const protectedByName = new Map<string, boolean>();
  const count = sheets.Count;
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    const name = ws.Name;
    book.added(name, ws);
    protectedByName.set(name.toLowerCase(), Boolean(ws.ProtectContents));
  }
  checkPlan(plan.ops, protectedByName, lang);
  compareCells(book, plan.ops, lang);
  const { actions, skipped } = buildActions(plan.ops);
  // Print settings are not set in WPS (see above): manual page breaks are reported as skipped too.
  const breaks = (plan.pageBreaks ?? []).reduce((n, b) => n + b.rows.length, 0);
  if (breaks > 0) skipped.push({ feature: 'pageLayout', op: 'pageBreak', count: breaks });
  const total = actions.reduce((n, a) => n + a.ops, 0);
  let done = 0;
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      try {
        a.run(book);
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
function checkPlan(ops: readonly WriteOp[], protectedByName: Map<string, boolean>, lang: Lang): void {
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
function compareCells(book: SheetCache, ops: readonly WriteOp[], lang: Lang): void {
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
    const range = book.item(sheet).Range(a1Range(top, left, bottom, right));
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
    /** Fills not yet turned into actions: each cell's last colour, and how many ops set them. */
    fills: Map<string, Content>;
    fillOps: number;
    widths: Map<number, number>;
    widthOps: number;
  }
  const runs: Run[] = [];
  const skipped = new Map<string, SkippedOps>();
  const skip = (feature: HostFeature, op: string) => {
    const s = skipped.get(op) ?? { feature, op, count: 0 };
    s.count++;
    skipped.set(op, s);
  };
  const runOf = (sheet: string): Run => {
    const last = runs[runs.length - 1];
    if (last && last.sheet === sheet) return last;
    const r: Run = {
      sheet,
      cells: new Map(),
      cellOps: 0,
      rest: [],
      fills: new Map(),
      fillOps: 0,
      widths: new Map(),
      widthOps: 0,
    };
    runs.push(r);
    return r;
  };
  const range = (book: SheetCache, sheet: string, address: string) => book.item(sheet).Range(address);
  const flushFills = (run: Run) => {
    if (run.fills.size === 0) return;
    const byColor = new Map<string, Map<string, Content>>();
    for (const [cell, color] of run.fills) {
      const cells = byColor.get(String(color)) ?? new Map<string, Content>();
      cells.set(cell, color);
      byColor.set(String(color), cells);
    }
    const fillActions: Action[] = [];
    for (const [color, cells] of byColor) {
      for (const b of cellBlocks(cells)) {
        const address = a1Range(b.top, b.left, b.top + b.rows.length - 1, b.right);
        fillActions.push({
          sheet: run.sheet,
          ops: 0,
          run: (book) => {
            range(book, run.sheet, address).Interior.Color = bgr(color);
          },
        });
      }
    }
    if (fillActions[0]) fillActions[0].ops = run.fillOps;
    run.rest.push(...fillActions);
    run.fills = new Map();
    run.fillOps = 0;
  };
  const rest = (sheet: string, run: (book: SheetCache) => void) =>
    runOf(sheet).rest.push({ sheet, ops: 1, run });
  /** The run's last format of this kind, when `op` sets the same and its range adjoins: one call for both. */
  const lastFormat = new Map<
    string,
    { key: string; rect: MergeArea; action: Action; op: { range: string } }
  >();
  const extended = (op: Extract<WriteOp, { op: 'numberFormat' | 'fill' | 'font' }>): boolean => {
    const rect = parseRange(op.range);
    const { range: _, ...what } = op;
    const key = JSON.stringify(what);
    const slot = `${runs.length}:${op.op}`;
    const last = lastFormat.get(slot);
    const run = runs[runs.length - 1];
    if (rect && last && last.key === key && run?.sheet === op.sheet && run.rest.includes(last.action)) {
      const r = last.rect;
      const below = r.left === rect.left && r.right === rect.right && rect.top === r.bottom + 1;
      const beside = r.top === rect.top && r.bottom === rect.bottom && rect.left === r.right + 1;
      if (below || beside) {
        r.bottom = rect.bottom;
        r.right = rect.right;
        last.op.range = a1Range(r.top, r.left, r.bottom, r.right);
        last.action.ops++;
        return true;
      }
    }
    return false;
  };
  const format = (
    op: Extract<WriteOp, { op: 'numberFormat' | 'fill' | 'font' }>,
    set: (target: EtRange) => void,
  ) => {
    if (extended(op)) return;
    const target = { range: op.range };
    rest(op.sheet, (book) => set(range(book, op.sheet, target.range)));
    const rect = parseRange(op.range);
    const { range: _, ...what } = op;
    const done = runOf(op.sheet).rest;
    if (rect)
      lastFormat.set(`${runs.length}:${op.op}`, {
        key: JSON.stringify(what),
        rect: { ...rect },
        action: done[done.length - 1]!,
        op: target,
      });
  };
  const deleteSheet = (sheet: string) => (book: SheetCache) => {
    const ws = book.item(sheet);
    book.app.DisplayAlerts = false;
    try {
      ws.Delete();
      book.deleted(sheet);
    } finally {
      book.app.DisplayAlerts = true;
    }
  };

  for (const op of ops) {
    switch (op.op) {
      case 'addSheet':
        adds.push({
          sheet: op.sheet,
          ops: 1,
          run: (book) => {
            const list = book.worksheets();
            const ws = list.Add(undefined, list.Item(list.Count));
            ws.Name = op.sheet;
            book.added(op.sheet, ws);
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
        format(op, (target) => {
          target.NumberFormat = op.format;
        });
        break;
      case 'fill': {
        // Fills are kept as each cell's last colour and written as one block per colour: the same
        // cells end the same colour as op by op, in a call per rectangle instead of one per op.
        const rect = parseRange(op.range);
        const run = runOf(op.sheet);
        if (!rect) {
          flushFills(run);
          format(op, (target) => {
            target.Interior.Color = bgr(op.color);
          });
          break;
        }
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++) run.fills.set(a1(r, c), op.color);
        run.fillOps++;
        break;
      }
      case 'font':
        format(op, (target) => {
          const font = target.Font;
          if (op.bold !== undefined) font.Bold = op.bold;
          if (op.color !== undefined) font.Color = bgr(op.color);
        });
        break;
      case 'merge':
        rest(op.sheet, (book) => range(book, op.sheet, op.range).Merge(false));
        break;
      case 'unmerge':
        rest(op.sheet, (book) => range(book, op.sheet, op.range).UnMerge());
        break;
      case 'columnWidth':
        // ET's ColumnWidth is in characters of the default font, as the plan gives it. Each
        // column's last width counts; neighbours of one width are set in one call.
        runOf(op.sheet).widths.set(colIndex(op.col), op.width);
        runOf(op.sheet).widthOps++;
        break;
      case 'hideColumns':
        rest(op.sheet, (book) => {
          for (const c of op.cols) {
            const col = c.toUpperCase();
            range(book, op.sheet, `${col}:${col}`).EntireColumn.Hidden = op.hidden;
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

  for (const run of runs) {
    flushFills(run);
    const cols = [...run.widths.keys()].sort((x, y) => x - y);
    const widthActions: Action[] = [];
    for (let i = 0; i < cols.length; ) {
      const width = run.widths.get(cols[i]!)!;
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1 && run.widths.get(cols[j + 1]!) === width)
        j++;
      const from = a1(0, cols[i]!).replace(/\d+$/, '');
      const to = a1(0, cols[j]!).replace(/\d+$/, '');
      widthActions.push({
        sheet: run.sheet,
        ops: 0,
        run: (book) => {
          range(book, run.sheet, `${from}:${to}`).EntireColumn.ColumnWidth = width;
        },
      });
      i = j + 1;
    }
    if (widthActions[0]) widthActions[0].ops = run.widthOps;
    run.rest.push(...widthActions);
  }
  const actions: Action[] = [...early, ...adds];
  for (const run of runs) {
    const blocks = cellBlocks(run.cells);
    const blockActions: Action[] = blocks.map((b) => {
      const address = a1Range(b.top, b.left, b.top + b.rows.length - 1, b.right);
      return {
        sheet: run.sheet,
        ops: b.rows.length * (b.right - b.left + 1),
        run: (book: SheetCache) => {
          const target = range(book, run.sheet, address);
          target.Formula = b.rows.length === 1 && b.right === b.left ? b.rows[0]![0]! : b.rows;
        },
      };
    });
    const counted = blockActions.reduce((n, a) => n + a.ops, 0);
    const last = blockActions[blockActions.length - 1];
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
