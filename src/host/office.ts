/**
 * The Office.js adapter: reads a workbook into a WorkbookGrid and applies write plans, in as few
 * round trips (context.sync) as Excel allows. It never imports Office.js itself: `Excel` and the
 * requirement check are passed in, so tests run it against src/fake-excel.
 */
import { a1, a1Range, colIndex, colLetters, parseA1, parseRange } from '../core/a1';
import type { CellValue, MergeArea, SheetGrid } from '../core/grid';
import type { Lang } from '../core/i18n';
import {
  type Expected,
  matchesExpected,
  type ValidationRule,
  type WriteOp,
  type WritePlan,
} from '../core/plan';
import {
  HostEnvironmentError,
  HostError,
  PlanNotApplicableError,
  PlanStaleError,
  type StaleCell,
  WriteInterruptedError,
  type WriteProgress,
} from './errors';
import type {
  ExcelApi,
  IsSetSupported,
  XlDataValidation,
  XlRangeAreas,
  XlRequestContext,
  XlWorksheet,
} from './excel-api';
import { hostLang } from './messages';
import type { Host, HostFeature, HostRead, HostSelection, HostWrite, SkippedOps } from './types';

/** The ExcelApi requirement set each optional feature needs (checked at run time). */
export const FEATURE_SETS: Record<HostFeature | 'mergedAreas' | 'specialCells', string> = {
  dataValidation: '1.8',
  notes: '1.18',
  // Charts exist since 1.1; naming the category axis from a range (setXAxisValues) needs 1.7.
  charts: '1.7',
  suspendCalc: '1.6',
  pageLayout: '1.9',
  mergedAreas: '1.13',
  specialCells: '1.9',
};

/**
 * Excel on the web refuses a request over 5 MB. A chunk is cut when its estimated JSON size would
 * pass this bound, leaving room for the protocol's own framing.
 */
export const DEFAULT_MAX_CHUNK_BYTES = 4_000_000;

/** Estimated framing per queued action (object path, method name, ids) on top of its data. */
const ACTION_OVERHEAD_BYTES = 200;

export interface OfficeHostOptions {
  /** The `Excel` global, or the fake. */
  excel: ExcelApi;
  /** `Office.context.requirements.isSetSupported`, bound. */
  isSetSupported: IsSetSupported;
  /** `() => Office.context.displayLanguage`. */
  displayLanguage: () => string;
  maxChunkBytes?: number;
  /**
   * Reports selection changes (the Office event is registered at the task pane's start); omitted
   * where the Excel version cannot, and the host then has no `onSelectionChange`.
   */
  watchSelection?: (listener: (selection: HostSelection) => void) => () => void;
}

/**
 * Excel's column width is in points; plans give it in characters of the default font. One character
 * is the width of a digit (7 px in Calibri 11 and DengXian 11, the defaults of Western and Chinese
 * Excel) and Excel adds 5 px of padding; 1 px = 0.75 pt. So 8.43 characters (the default) → 48 pt.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * A Host that talks to Excel through Office.js.
 * @example createOfficeHost({ excel: Excel, isSetSupported: (n, v) => Office.context.requirements.isSetSupported(n, v), displayLanguage: () => Office.context.displayLanguage })
 */
export function createOfficeHost(options: OfficeHostOptions): Host {
  const { excel, isSetSupported } = options;
  const maxChunkBytes = options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES;
  const has = (feature: HostFeature | 'mergedAreas' | 'specialCells') =>
    isSetSupported('ExcelApi', FEATURE_SETS[feature]);
  const lang = () => hostLang(options.displayLanguage());

  async function run<T>(batch: (ctx: XlRequestContext) => Promise<T>): Promise<T> {
    try {
      return await excel.run(batch);
    } catch (e) {
      if (e instanceof HostEnvironmentError) throw e;
      throw new HostError(e, lang());
    }
  }

  return {
    readWorkbook: () =>
      readWorkbook(
        run,
        {
          merges: has('mergedAreas'),
          specialCells: has('specialCells'),
          validationType: has('dataValidation'),
          printArea: has('pageLayout'),
        },
        maxChunkBytes,
      ),
    applyPlan: (plan, onProgress) =>
      run((ctx) =>
        writePlan(ctx, plan, {
          maxChunkBytes,
          validation: has('dataValidation'),
          notes: has('notes'),
          suspendCalc: has('suspendCalc'),
          lang: lang(),
          charts: has('charts'),
          pageLayout: has('pageLayout'),
          ...(onProgress ? { onProgress } : {}),
        }),
      ),
    selectCell: (sheet, cell) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    ...(options.watchSelection ? { onSelectionChange: options.watchSelection } : {}),
    displayLanguage: () => options.displayLanguage(),
    supports: (feature) => has(feature),
  };
}

// ---------------------------------------------------------------------------------------------- read

/** Office's codes for a request or response over Excel on the web's 5 MB limit. */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** A guess at one cell's share of a response (value + formula as JSON), to size row bands. */
const EST_CELL_BYTES = 100;

/**
 * Reads the whole workbook: one batch when it fits in a response (the normal case), else sheet
 * structure first and the cells in row bands sized to the limit.
 */
async function readWorkbook(
  run: <T>(batch: (ctx: XlRequestContext) => Promise<T>) => Promise<T>,
  known: ReadFeatures,
  maxBytes: number,
): Promise<HostRead> {
  const mergesKnown = known.merges;
  // Syncs spent, failed ones included.
  const spent = { syncs: 0 };
  try {
    const sheets = await run((ctx) => readStructure(ctx, known, true, spent));
    return { workbook: { sheets: sheets.map((s) => s.grid) }, syncs: spent.syncs, mergesKnown };
  } catch (e) {
    if (!(e instanceof HostError && PAYLOAD_CODES.has(e.officeCode))) throw e;
  }
  const sheets = await run((ctx) => readStructure(ctx, known, false, spent));
  let syncs = spent.syncs;
  const bands: Band[] = [];
  for (const { grid, used } of sheets) {
    if (!used) continue;
    const width = used.right + 1;
    grid.values = Array.from({ length: used.bottom + 1 }, () => new Array<CellValue>(width).fill(null));
    grid.formulas = Array.from({ length: used.bottom + 1 }, () => new Array<string | null>(width).fill(null));
    const cols = used.right - used.left + 1;
    const rowsPerBand = Math.max(1, Math.floor(maxBytes / (cols * EST_CELL_BYTES)));
    for (let top = used.top; top <= used.bottom; top += rowsPerBand) {
      bands.push({ grid, rect: { ...used, top, bottom: Math.min(used.bottom, top + rowsPerBand - 1) } });
    }
  }
  const batches: Band[][] = [];
  let cur: Band[] = [];
  let bytes = 0;
  for (const b of bands) {
    const size = (b.rect.bottom - b.rect.top + 1) * (b.rect.right - b.rect.left + 1) * EST_CELL_BYTES;
    if (cur.length > 0 && bytes + size > maxBytes) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(b);
    bytes += size;
  }
  if (cur.length > 0) batches.push(cur);
  for (const batch of batches) syncs += await readBands(run, batch);
  return { workbook: { sheets: sheets.map((s) => s.grid) }, syncs, mergesKnown };
}

interface Band {
  grid: SheetGrid;
  rect: MergeArea;
}

/**
 * Reads bands in one batch; when the response is still too large, halves the batch (or the band)
 * and tries again. Returns the syncs spent, failed ones included.
 * @throws HostError when a single row is over the limit.
 */
async function readBands(
  run: <T>(batch: (ctx: XlRequestContext) => Promise<T>) => Promise<T>,
  bands: Band[],
): Promise<number> {
  try {
    await run(async (ctx) => {
      const ranges = bands.map((b) => {
        const range = ctx.workbook.worksheets
          .getItem(b.grid.name)
          .getRange(a1Range(b.rect.top, b.rect.left, b.rect.bottom, b.rect.right));
        range.load('values,formulas');
        return range;
      });
      await ctx.sync();
      bands.forEach((b, i) => {
        const placed = placeUsedRange(
          a1Range(b.rect.top, b.rect.left, b.rect.bottom, b.rect.right),
          ranges[i]!.values,
          ranges[i]!.formulas,
        );
        for (let r = b.rect.top; r <= b.rect.bottom; r++) {
          for (let c = b.rect.left; c <= b.rect.right; c++) {
            b.grid.values[r]![c] = placed.values[r]![c]!;
            b.grid.formulas![r]![c] = placed.formulas[r]![c]!;
          }
        }
      });
    });
    return 1;
  } catch (e) {
    if (!(e instanceof HostError && PAYLOAD_CODES.has(e.officeCode))) throw e;
    const only = bands.length === 1 ? bands[0]! : null;
    if (only && only.rect.top === only.rect.bottom) throw e;
    const halves: Band[][] = only
      ? (() => {
          const mid = Math.floor((only.rect.top + only.rect.bottom) / 2);
          return [
            [{ grid: only.grid, rect: { ...only.rect, bottom: mid } }],
            [{ grid: only.grid, rect: { ...only.rect, top: mid + 1 } }],
          ];
        })()
      : [bands.slice(0, bands.length >> 1), bands.slice(bands.length >> 1)];
    let syncs = 1;
    for (const h of halves) syncs += await readBands(run, h);
    return syncs;
  }
}

/** What this Excel can tell the read besides cells (each by its ExcelApi version). */
interface ReadFeatures {
  /** Merged areas (1.13). */
  merges: boolean;
  /** Every validated cell of a sheet at once, through special cells (1.9). */
  specialCells: boolean;
  /** `dataValidation.type` (1.8): validated cells found column by column where special cells are missing. */
  validationType: boolean;
  /** The print area (1.9). */
  printArea: boolean;
}

/**
 * Columns looked at for hidden ones (and, without special cells, for validation): the used range and
 * this many more to its right, where the plan adds its columns (subtotals, entry columns, a veto
 * column, assessors' columns), which are empty until written and so outside the used range.
 */
const ADDED_COLS_MARGIN = 32;

/**
 * No sheet's columns are looked at past this one (IV, old Excel's last), so that a stray entry far
 * to the right cannot make the request too large; columns past it are read as shown.
 */
const LAST_SCANNED_COL = 255;

/**
 * Validated cells found one by one (without special cells), at most this many over the workbook;
 * past it a column with validation somewhere counts as validated over the used rows, so that the
 * user's rules are kept (and listed) rather than replaced unseen.
 */
const CELL_PROBE_BUDGET = 20_000;

/**
 * A fixed number of syncs whatever the size: the first learns the sheets; the second brings every
 * sheet's used range (with its contents when `withContents`), merged areas, validated cells and print
 * area in one batch; the third, each used column's hidden state (and, without special cells, its
 * validation type). Office cannot enumerate sheets and load their ranges in the same request: the
 * sheet proxies exist only after the first sync, and the columns are known only after the second.
 * Without special cells, a fourth finds which cells of a partly validated column carry a rule.
 */
async function readStructure(
  ctx: XlRequestContext,
  known: ReadFeatures,
  withContents: boolean,
  spent: { syncs: number },
): Promise<{ grid: SheetGrid; used: MergeArea | null }[]> {
  const sync = () => {
    spent.syncs++;
    return ctx.sync();
  };
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  await sync();

  const areasOf = (areas: XlRangeAreas | null): MergeArea[] => {
    if (!areas || areas.isNullObject) return [];
    return areas.areas.items.flatMap((a) => {
      const r = parseRange(localAddress(a.address));
      return r ? [r] : [];
    });
  };
  const pending = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(withContents ? 'address,values,formulas' : 'address');
    const loadAreas = (areas: XlRangeAreas) => {
      areas.load('areas/items/address');
      return areas;
    };
    const merged = known.merges ? loadAreas(ws.getRange().getMergedAreasOrNullObject()) : null;
    const validated = known.specialCells
      ? loadAreas(ws.getRange().getSpecialCellsOrNullObject('DataValidations'))
      : null;
    const printArea = known.printArea ? loadAreas(ws.pageLayout.getPrintAreaOrNullObject()) : null;
    return { ws, used, merged, validated, printArea };
  });
  await sync();

  const sheets = pending.map(({ ws, used, merged, validated, printArea }) => {
    const grid: SheetGrid = {
      name: ws.name,
      values: [],
      merges: areasOf(merged),
      hidden: ws.visibility !== 'Visible',
      protected: ws.protection.protected,
    };
    const rect = used.isNullObject ? null : parseRange(localAddress(used.address));
    if (!used.isNullObject && withContents) {
      const placed = placeUsedRange(used.address, used.values, used.formulas);
      grid.values = placed.values;
      grid.formulas = placed.formulas;
    }
    const validations = areasOf(validated);
    if (validations.length > 0) grid.validations = validations;
    const print = areasOf(printArea);
    if (print.length > 0) grid.printArea = print;
    return { ws, grid, used: rect };
  });

  // Per column: hidden or not and, without special cells, which validation type it carries.
  const probeTypes = !known.specialCells && known.validationType;
  const columns = sheets.flatMap(({ ws, grid, used }) => {
    if (!used) return [];
    const last = Math.min(used.right + ADDED_COLS_MARGIN, LAST_SCANNED_COL);
    return Array.from({ length: Math.max(0, last + 1) }, (_, col) => {
      const letters = colLetters(col);
      const whole = ws.getRange(`${letters}:${letters}`);
      whole.load('columnHidden');
      let type: XlDataValidation | null = null;
      if (probeTypes) {
        type = ws.getRange(a1Range(used.top, col, used.bottom, col)).dataValidation;
        type.load('type');
      }
      return { ws, grid, used, col, whole, type };
    });
  });
  if (columns.length === 0) return sheets;
  await sync();

  const hidden = new Map<SheetGrid, number[]>();
  const mixed: typeof columns = [];
  for (const c of columns) {
    // Office reads true only where the whole column is hidden.
    if (c.whole.columnHidden === true) hidden.set(c.grid, [...(hidden.get(c.grid) ?? []), c.col]);
    if (!c.type || c.type.type === 'None') continue;
    if (c.type.type === 'Inconsistent' || c.type.type === 'MixedCriteria') mixed.push(c);
    else addValidation(c.grid, { top: c.used.top, left: c.col, bottom: c.used.bottom, right: c.col });
  }
  for (const [grid, cols] of hidden) grid.hiddenCols = cols;
  if (mixed.length === 0) return sheets;

  // Which cells of the partly validated columns carry a rule: one more sync, one load per cell.
  let budget = CELL_PROBE_BUDGET;
  const probes: { grid: SheetGrid; col: number; row: number; dv: XlDataValidation }[] = [];
  for (const c of mixed) {
    const rows = c.used.bottom - c.used.top + 1;
    if (rows > budget) {
      addValidation(c.grid, { top: c.used.top, left: c.col, bottom: c.used.bottom, right: c.col });
      continue;
    }
    budget -= rows;
    for (let row = c.used.top; row <= c.used.bottom; row++) {
      const dv = c.ws.getRange(a1(row, c.col)).dataValidation;
      dv.load('type');
      probes.push({ grid: c.grid, col: c.col, row, dv });
    }
  }
  if (probes.length > 0) {
    await sync();
  }
  for (const p of probes) {
    if (p.dv.type === 'None') continue;
    const last = p.grid.validations?.at(-1);
    // Consecutive validated cells of one column make one rectangle.
    if (last && last.left === p.col && last.right === p.col && last.bottom === p.row - 1) last.bottom = p.row;
    else addValidation(p.grid, { top: p.row, left: p.col, bottom: p.row, right: p.col });
  }
  // One order for the rectangles however they were found, as special cells give them.
  for (const { grid } of sheets) grid.validations?.sort((a, b) => a.top - b.top || a.left - b.left);
  return sheets;
}

function addValidation(grid: SheetGrid, rect: MergeArea): void {
  grid.validations = [...(grid.validations ?? []), rect];
}

/** "'张 村'!B3:D9" → "B3:D9". The address part never holds "!", so the last one splits. */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/** Office's used-range arrays start at the used range's corner; the grid starts at A1. */
function placeUsedRange(
  address: string,
  values: unknown[][],
  formulas: unknown[][],
): { values: CellValue[][]; formulas: (string | null)[][] } {
  const rect = parseRange(localAddress(address)) ?? { top: 0, left: 0, bottom: values.length - 1, right: 0 };
  const width = rect.right + 1;
  const outValues: CellValue[][] = [];
  const outFormulas: (string | null)[][] = [];
  for (let r = 0; r <= rect.bottom; r++) {
    const vr: CellValue[] = new Array<CellValue>(width).fill(null);
    const fr: (string | null)[] = new Array<string | null>(width).fill(null);
    const srcV = values[r - rect.top];
    const srcF = formulas[r - rect.top];
    if (srcV) {
      for (let c = rect.left; c <= rect.right; c++) {
        vr[c] = toCellValue(srcV[c - rect.left]);
        const f = srcF?.[c - rect.left];
        fr[c] = typeof f === 'string' && f.startsWith('=') ? f : null;
      }
    }
    outValues.push(vr);
    outFormulas.push(fr);
  }
  return { values: outValues, formulas: outFormulas };
}

/** Office gives empty cells as "" and errors as their text ("#DIV/0!"). */
function toCellValue(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

// --------------------------------------------------------------------------------------------- write

interface WriteOptions {
  maxChunkBytes: number;
  validation: boolean;
  notes: boolean;
  charts: boolean;
  suspendCalc: boolean;
  pageLayout: boolean;
  lang: Lang;
  onProgress?: (done: number, total: number) => void;
}

/** One queued piece of work: its estimated request size and how many plan ops it carries out. */
interface Action {
  /** The sheet it changes (for saying what an interrupted write left). */
  sheet: string;
  bytes: number;
  ops: number;
  queue(ctx: XlRequestContext): void;
}

async function writePlan(ctx: XlRequestContext, plan: WritePlan, opt: WriteOptions): Promise<HostWrite> {
  let syncs = 0;
  // A fresh look at the sheets: the workbook may have changed since the task pane read it.
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  await ctx.sync();
  syncs++;
  const protectedByName = new Map(
    worksheets.items.map((ws) => [ws.name.toLowerCase(), ws.protection.protected]),
  );
  checkPlan(plan.ops, protectedByName, opt.lang);
  syncs += await compareCells(ctx, plan.ops, opt);

  const { actions, skipped } = buildActions(plan.ops, opt);
  actions.push(...pageBreakActions(plan, opt, skipped));
  const chunks = packChunks(actions, opt.maxChunkBytes);
  const total = actions.reduce((n, a) => n + a.ops, 0);
  let done = 0;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (opt.suspendCalc) ctx.application.suspendApiCalculationUntilNextSync();
    for (const a of chunk) a.queue(ctx);
    try {
      await ctx.sync();
    } catch (e) {
      throw new WriteInterruptedError(new HostError(e, opt.lang), progressAt(chunks, i), opt.lang);
    }
    syncs++;
    done += chunk.reduce((n, a) => n + a.ops, 0);
    opt.onProgress?.(done, total);
  }
  return { syncs, skipped };
}

/**
 * Which sheets a write interrupted in chunk `failed` left written whole, in part, or not at all. A
 * sheet with an action in the failed chunk may have been written in part (a batch is not a
 * transaction), so it counts as partly written.
 */
function progressAt(chunks: readonly Action[][], failed: number): WriteProgress {
  const before = new Set<string>();
  const at = new Set<string>();
  const after = new Set<string>();
  chunks.forEach((chunk, i) => {
    for (const a of chunk) (i < failed ? before : i === failed ? at : after).add(a.sheet);
  });
  const order = [...new Set(chunks.flat().map((a) => a.sheet))];
  const written = order.filter((s) => before.has(s) && !at.has(s) && !after.has(s));
  const partly = order.filter((s) => at.has(s) || (before.has(s) && after.has(s)));
  const notWritten = order.filter((s) => !before.has(s) && !at.has(s));
  return { written, partly, notWritten };
}

/** Rough response size of one cell's value and formula, to split compare-and-set loads. */
const CHECK_CELL_BYTES = 100;

/**
 * Compare-and-set: loads every cell an op expects something of (on sheets that exist before the
 * plan runs) and compares. One sync for any plan that fits a response; more only for larger ones.
 * @throws PlanStaleError, before anything is written, when a cell differs from what was expected.
 */
async function compareCells(
  ctx: XlRequestContext,
  ops: readonly WriteOp[],
  opt: WriteOptions,
): Promise<number> {
  const added = new Set(ops.filter((o) => o.op === 'addSheet').map((o) => o.sheet.toLowerCase()));
  const bySheet = new Map<string, Map<string, Expected>>();
  for (const op of ops) {
    if ((op.op !== 'formula' && op.op !== 'value') || !op.expected) continue;
    if (added.has(op.sheet.toLowerCase())) continue;
    const cells = bySheet.get(op.sheet) ?? new Map<string, Expected>();
    // The first op on a cell is the one that meets what is there now.
    const key = op.cell.toUpperCase().replace(/\$/g, '');
    if (!cells.has(key)) cells.set(key, op.expected);
    bySheet.set(op.sheet, cells);
  }
  if (bySheet.size === 0) return 0;
  const loads: { sheet: string; top: number; left: number; bottom: number; right: number; bytes: number }[] =
    [];
  for (const [sheet, cells] of bySheet) {
    const blocks = cellBlocks(new Map([...cells.keys()].map((k) => [k, 0])));
    for (const b of blocks) {
      const bottom = b.top + b.rows.length - 1;
      const width = b.right - b.left + 1;
      const rowsPer = Math.max(1, Math.floor(opt.maxChunkBytes / (width * CHECK_CELL_BYTES)));
      for (let top = b.top; top <= bottom; top += rowsPer) {
        const end = Math.min(bottom, top + rowsPer - 1);
        loads.push({
          sheet,
          top,
          left: b.left,
          bottom: end,
          right: b.right,
          bytes: (end - top + 1) * width * CHECK_CELL_BYTES,
        });
      }
    }
  }
  const batches: (typeof loads)[] = [];
  let cur: typeof loads = [];
  let bytes = 0;
  for (const l of loads) {
    if (cur.length > 0 && bytes + l.bytes > opt.maxChunkBytes) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(l);
    bytes += l.bytes;
  }
  if (cur.length > 0) batches.push(cur);
  const stale: StaleCell[] = [];
  for (const batch of batches) {
    const ranges = batch.map((l) => {
      const r = ctx.workbook.worksheets.getItem(l.sheet).getRange(a1Range(l.top, l.left, l.bottom, l.right));
      r.load('values,formulas');
      return r;
    });
    await ctx.sync();
    batch.forEach((l, i) => {
      const cells = bySheet.get(l.sheet)!;
      const r = ranges[i]!;
      for (let row = l.top; row <= l.bottom; row++) {
        for (let col = l.left; col <= l.right; col++) {
          const key = a1(row, col);
          const want = cells.get(key);
          if (!want) continue;
          const value = toCellValue(r.values[row - l.top]?.[col - l.left]);
          const f = r.formulas[row - l.top]?.[col - l.left];
          const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
          if (!matchesExpected(want, value, formula))
            stale.push({ sheet: l.sheet, cell: key, expected: want, found: formula ?? value });
        }
      }
    });
  }
  if (stale.length > 0) throw new PlanStaleError(stale, opt.lang);
  return batches.length;
}

/**
 * Everything that would make a plan fail half-way is checked here, before the first write: target
 * sheets exist (or are added earlier in the plan), are not protected, and addresses parse.
 * @throws PlanNotApplicableError
 */
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
      // A sheet deleted and added again in one plan (a regenerated summary) is fine.
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

/**
 * Turns plan ops into queued actions: sheets deleted to be re-created go first, then sheets are
 * added, then the ops in plan order, a run of consecutive ops on one sheet at a time (its cell
 * contents as rectangular blocks, then its formatting in plan order), and sheets are deleted last.
 * A sheet written in two runs (the product's data: a record of the write first, the final one last)
 * gets two runs, in that order.
 */
function buildActions(
  ops: readonly WriteOp[],
  opt: WriteOptions,
): { actions: Action[]; skipped: SkippedOps[] } {
  const adds: Action[] = [];
  const deletes: Action[] = [];
  // Sheets the plan deletes and adds again must be deleted before they are added.
  const readded = new Set(ops.filter((o) => o.op === 'addSheet').map((o) => o.sheet.toLowerCase()));
  const earlyDeletes: Action[] = [];
  interface Run {
    sheet: string;
    cells: Map<string, CellContent>;
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
  const runOf = (name: string): Run => {
    const last = runs.at(-1);
    if (last && last.sheet === name) return last;
    const r: Run = { sheet: name, cells: new Map(), cellOps: 0, rest: [] };
    runs.push(r);
    return r;
  };
  const ws = (ctx: XlRequestContext, name: string): XlWorksheet => ctx.workbook.worksheets.getItem(name);
  const rest = (sheet: string, bytes: number, queue: (ctx: XlRequestContext) => void) =>
    runOf(sheet).rest.push({ sheet, bytes, ops: 1, queue });

  for (const op of ops) {
    switch (op.op) {
      case 'addSheet':
        adds.push({
          sheet: op.sheet,
          bytes: ACTION_OVERHEAD_BYTES + op.sheet.length * 3,
          ops: 1,
          queue: (ctx) => {
            const added = ctx.workbook.worksheets.add(op.sheet);
            if (op.hidden) added.visibility = op.hidden === 'veryHidden' ? 'VeryHidden' : 'Hidden';
          },
        });
        break;
      case 'deleteSheet':
        (readded.has(op.sheet.toLowerCase()) ? earlyDeletes : deletes).push({
          sheet: op.sheet,
          bytes: ACTION_OVERHEAD_BYTES,
          ops: 1,
          queue: (ctx) => ws(ctx, op.sheet).delete(),
        });
        break;
      case 'formula':
      case 'value': {
        const r = runOf(op.sheet);
        r.cells.set(
          op.cell.toUpperCase().replace(/\$/g, ''),
          op.op === 'formula' ? formulaText(op.formula) : textForExcel(op.value),
        );
        r.cellOps++;
        break;
      }
      case 'numberFormat': {
        const r = parseRange(op.range)!;
        const matrix = fill(r.bottom - r.top + 1, r.right - r.left + 1, op.format);
        rest(op.sheet, ACTION_OVERHEAD_BYTES + JSON.stringify(matrix).length, (ctx) => {
          ws(ctx, op.sheet).getRange(op.range).numberFormat = matrix;
        });
        break;
      }
      case 'validation': {
        if (!opt.validation) {
          skip('dataValidation', op.op);
          break;
        }
        const rule = toExcelRule(op.rule);
        rest(
          op.sheet,
          ACTION_OVERHEAD_BYTES * 4 + JSON.stringify([rule, op.prompt, op.error]).length,
          (ctx) => {
            const dv = ws(ctx, op.sheet).getRange(op.range).dataValidation;
            // A rule cannot be set over an existing one of another type: clear first.
            dv.clear();
            dv.rule = rule;
            if (op.prompt)
              dv.prompt = { showPrompt: true, title: op.prompt.title, message: op.prompt.message };
            if (op.error) {
              dv.errorAlert = {
                showAlert: true,
                style: 'Stop',
                title: op.error.title,
                message: op.error.message,
              };
            }
          },
        );
        break;
      }
      case 'clearValidation':
        if (!opt.validation) {
          skip('dataValidation', op.op);
          break;
        }
        rest(op.sheet, ACTION_OVERHEAD_BYTES, (ctx) =>
          ws(ctx, op.sheet).getRange(op.range).dataValidation.clear(),
        );
        break;
      case 'fill':
        rest(op.sheet, ACTION_OVERHEAD_BYTES, (ctx) => {
          ws(ctx, op.sheet).getRange(op.range).format.fill.color = op.color;
        });
        break;
      case 'font':
        rest(op.sheet, ACTION_OVERHEAD_BYTES * 2, (ctx) => {
          const font = ws(ctx, op.sheet).getRange(op.range).format.font;
          if (op.bold !== undefined) font.bold = op.bold;
          if (op.color !== undefined) font.color = op.color;
        });
        break;
      case 'merge':
        rest(op.sheet, ACTION_OVERHEAD_BYTES, (ctx) => ws(ctx, op.sheet).getRange(op.range).merge(false));
        break;
      case 'unmerge':
        rest(op.sheet, ACTION_OVERHEAD_BYTES, (ctx) => ws(ctx, op.sheet).getRange(op.range).unmerge());
        break;
      case 'columnWidth': {
        const col = op.col.toUpperCase();
        rest(op.sheet, ACTION_OVERHEAD_BYTES, (ctx) => {
          ws(ctx, op.sheet).getRange(`${col}:${col}`).format.columnWidth = charsToPoints(op.width);
        });
        break;
      }
      case 'hideColumns':
        rest(op.sheet, ACTION_OVERHEAD_BYTES * Math.max(1, op.cols.length), (ctx) => {
          for (const c of op.cols) {
            const col = c.toUpperCase();
            ws(ctx, op.sheet).getRange(`${col}:${col}`).columnHidden = op.hidden;
          }
        });
        break;
      case 'printArea':
        if (!opt.pageLayout) {
          skip('pageLayout', op.op);
          break;
        }
        rest(op.sheet, ACTION_OVERHEAD_BYTES + JSON.stringify(op.ranges).length, (ctx) =>
          ws(ctx, op.sheet).pageLayout.setPrintArea(op.ranges.join(',')),
        );
        break;
      case 'printTitles': {
        if (!opt.pageLayout) {
          skip('pageLayout', op.op);
          break;
        }
        const [first, last] = op.rows.split(':');
        rest(op.sheet, ACTION_OVERHEAD_BYTES, (ctx) =>
          ws(ctx, op.sheet).pageLayout.setPrintTitleRows(`$${first}:$${last}`),
        );
        break;
      }
      case 'pageSetup':
        if (!opt.pageLayout) {
          skip('pageLayout', op.op);
          break;
        }
        rest(op.sheet, ACTION_OVERHEAD_BYTES * 3, (ctx) => {
          const layout = ws(ctx, op.sheet).pageLayout;
          layout.paperSize = op.paper;
          layout.orientation = op.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          // One page wide, as many pages tall as the table needs.
          if (op.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        });
        break;
      case 'chart': {
        if (!opt.charts) {
          skip('charts', op.op);
          break;
        }
        const anchor = parseRange(op.range)!;
        rest(op.sheet, ACTION_OVERHEAD_BYTES * 6 + JSON.stringify(op).length, (ctx) => {
          const sheet = ws(ctx, op.sheet);
          const chart = sheet.charts.add(CHART_TYPES[op.type], sheet.getRange(op.dataRange), 'Columns');
          chart.title.text = op.title;
          chart.legend.visible = false;
          chart.series.getItemAt(0).setXAxisValues(sheet.getRange(op.labelsRange));
          chart.setPosition(a1(anchor.top, anchor.left), a1(anchor.bottom, anchor.right));
        });
        break;
      }
      case 'note':
        if (!opt.notes) {
          skip('notes', op.op);
          break;
        }
        rest(op.sheet, ACTION_OVERHEAD_BYTES + JSON.stringify(op.text).length, (ctx) =>
          ws(ctx, op.sheet).notes.add(op.cell, op.text),
        );
        break;
      default:
        unhandled(op);
    }
  }

  const actions: Action[] = [...earlyDeletes, ...adds];
  for (const run of runs) {
    const { sheet } = run;
    const blocks = cellBlocks(run.cells);
    const blockActions: Action[] = [];
    for (const b of blocks) {
      for (const band of splitBand(b, opt.maxChunkBytes - ACTION_OVERHEAD_BYTES)) {
        const address = a1Range(band.top, band.left, band.top + band.rows.length - 1, band.right);
        blockActions.push({
          sheet,
          bytes: ACTION_OVERHEAD_BYTES + band.bytes,
          ops: band.cells,
          queue: (ctx) => {
            ws(ctx, sheet).getRange(address).formulas = band.rows;
          },
        });
      }
    }
    // Ops that wrote the same cell twice count once per cell in the blocks; keep the plan's count.
    const counted = blockActions.reduce((n, a) => n + a.ops, 0);
    const last = blockActions.at(-1);
    if (last) last.ops += run.cellOps - counted;
    actions.push(...blockActions, ...run.rest);
  }
  actions.push(...deletes);
  return { actions, skipped: [...skipped.values()] };
}

/**
 * The plan's manual page breaks, queued after every op (their sheets exist by then) and packed into
 * the same chunks, so they cost no round trip of their own. Without ExcelApi 1.9 they are skipped and
 * reported (`pageBreak`, feature pageLayout) for the caller to say.
 */
function pageBreakActions(plan: WritePlan, opt: WriteOptions, skipped: SkippedOps[]): Action[] {
  const actions: Action[] = [];
  let missed = 0;
  for (const b of plan.pageBreaks ?? []) {
    for (const row of b.rows) {
      if (!opt.pageLayout) {
        missed++;
        continue;
      }
      // Excel puts the break above the cell given: after row r is above row r + 1.
      actions.push({
        sheet: b.sheet,
        bytes: ACTION_OVERHEAD_BYTES,
        ops: 1,
        queue: (ctx) => {
          ctx.workbook.worksheets.getItem(b.sheet).horizontalPageBreaks.add(`A${row + 1}`);
        },
      });
    }
  }
  if (missed > 0) skipped.push({ feature: 'pageLayout', op: 'pageBreak', count: missed });
  return actions;
}

type CellContent = string | number | boolean;

/** Plan chart kinds → Excel.ChartType names. */
const CHART_TYPES: Record<Extract<WriteOp, { op: 'chart' }>['type'], string> = { bar: 'BarClustered' };

/** A compile error when the plan gains an op kind this adapter does not apply. */
function unhandled(op: never): never {
  throw new Error(`write op not handled: ${JSON.stringify(op)}`);
}

/** Formula text as Excel wants it through `range.formulas`: English function names, leading "=". */
function formulaText(formula: string): string {
  return formula.startsWith('=') ? formula : `=${formula}`;
}

/**
 * A value written through `range.formulas` is parsed as if typed: "=1" becomes a formula and "001"
 * the number 1. Text that Excel would reinterpret gets the apostrophe prefix, which Excel stores as
 * "text, shown as is" and drops from the value.
 */
export function textForExcel(v: CellValue): CellContent {
  if (v === null) return '';
  if (typeof v !== 'string') return v;
  if (/^[=+\-@']/.test(v) || /^\s*[($¥€£]?\s*[\d.,]/.test(v) || /^(true|false)$/i.test(v.trim()))
    return `'${v}`;
  return v;
}

function toExcelRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'wholeNumber':
    case 'decimal': {
      const basic: Excel.BasicDataValidation =
        rule.max === null
          ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
          : { formula1: rule.min, formula2: rule.max, operator: 'Between' };
      return rule.kind === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'reject':
      return { custom: { formula: '=FALSE' } };
  }
}

function fill<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
}

interface Block {
  top: number;
  left: number;
  right: number;
  rows: CellContent[][];
}

/**
 * Groups single cells into rectangles: runs of adjacent cells in a row, stacked while the next row
 * has a run over exactly the same columns. A column of 2,000 formulas becomes one range write.
 */
function cellBlocks(cells: Map<string, CellContent>): Block[] {
  const byRow = new Map<number, Map<number, CellContent>>();
  for (const [addr, v] of cells) {
    const p = parseA1(addr)!;
    let row = byRow.get(p.row);
    if (!row) {
      row = new Map();
      byRow.set(p.row, row);
    }
    row.set(p.col, v);
  }
  const done: Block[] = [];
  let open = new Map<string, Block>();
  for (const r of [...byRow.keys()].sort((x, y) => x - y)) {
    const row = byRow.get(r)!;
    const cols = [...row.keys()].sort((x, y) => x - y);
    const next = new Map<string, Block>();
    let i = 0;
    while (i < cols.length) {
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
      } else {
        next.set(key, { top: r, left, right, rows: [values] });
      }
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

/** Cuts a block into bands of whole rows that each fit the byte budget. */
function splitBand(
  b: Block,
  budget: number,
): { top: number; left: number; right: number; rows: CellContent[][]; bytes: number; cells: number }[] {
  const out: {
    top: number;
    left: number;
    right: number;
    rows: CellContent[][];
    bytes: number;
    cells: number;
  }[] = [];
  let cur: CellContent[][] = [];
  let bytes = 2;
  let top = b.top;
  b.rows.forEach((row, i) => {
    const size = JSON.stringify(row).length + 1;
    if (cur.length > 0 && bytes + size > budget) {
      out.push({
        top,
        left: b.left,
        right: b.right,
        rows: cur,
        bytes,
        cells: cur.length * (b.right - b.left + 1),
      });
      cur = [];
      bytes = 2;
      top = b.top + i;
    }
    cur.push(row);
    bytes += size;
  });
  if (cur.length > 0)
    out.push({
      top,
      left: b.left,
      right: b.right,
      rows: cur,
      bytes,
      cells: cur.length * (b.right - b.left + 1),
    });
  return out;
}

/** Greedy packing in order: a chunk closes when the next action would pass the bound. */
function packChunks(actions: readonly Action[], maxBytes: number): Action[][] {
  const chunks: Action[][] = [];
  let cur: Action[] = [];
  let bytes = 0;
  for (const a of actions) {
    if (cur.length > 0 && bytes + a.bytes > maxBytes) {
      chunks.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(a);
    bytes += a.bytes;
  }
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}
