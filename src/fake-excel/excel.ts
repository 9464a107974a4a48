/**
 * A fake of the Excel JavaScript API, covering exactly the surface in src/host/excel-api.ts. It keeps
 * Office's batch semantics, which is what makes it worth testing against:
 * - a property can be read only after `load` and a `sync` (else PropertyNotLoaded, like Office);
 * - writes and method calls are queued and applied to the FakeWorkbook in order at `sync`;
 * - a request larger than Excel on the web's 5 MB limit is refused (RequestPayloadSizeLimitExceeded);
 * - APIs newer than the configured ExcelApi version fail at sync (ApiNotFound);
 * - writes to a protected sheet fail at sync (AccessDenied), after the earlier queued writes landed,
 *   as in Excel: a batch is not a transaction.
 * No Node imports: the playground runs this in the browser.
 */
import { a1Range, colIndex, parseA1, sheetRef } from '../core/a1';
import type {
  ExcelApi,
  XlChart,
  XlChartCollection,
  XlChartSeries,
  XlApplication,
  XlDataValidation,
  XlNoteCollection,
  XlPageBreakCollection,
  XlPageLayout,
  XlPageZoom,
  XlRange,
  XlRangeAreas,
  XlRangeCollection,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlRequestContext,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from '../host/excel-api';
import {
  type FakeChart,
  type FakeSheet,
  type FakeValidation,
  FakeWorkbook,
  type RawInput,
  type Rect,
  type Visibility,
} from './workbook';

/** Excel on the web's limit on one request. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
/** Framing a queued action costs in the fake's size estimate. */
const ACTION_BYTES = 60;

/** The error Office raises (OfficeExtension.Error's shape: name, code, message). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version this Excel supports, e.g. '1.18' (the default) or '1.7'. */
  apiVersion?: string;
  /** Request size above which sync() is refused; defaults to Excel on the web's 5 MB. */
  payloadLimit?: number;
}

/**
 * A sync made to fail on purpose (tests of a write interrupted part-way): the `sync`-th sync (1-based,
 * counted over the FakeExcel's life) applies the first `applied` of its queued actions (default:
 * half), then fails with `code`, as Excel does when it gives up in the middle of a batch.
 */
export interface InjectedFault {
  sync: number;
  applied?: number;
  code?: string;
}

/** What one sync sent: its estimated size and how many actions it queued. */
export interface SyncRecord {
  bytes: number;
  actions: number;
}

/**
 * The fake `Excel` namespace: `run` gives a batch a fresh request context over the workbook.
 * @example const excel = new FakeExcel(FakeWorkbook.fromGrid(grid)); await excel.run(async (ctx) => { … });
 */
export class FakeExcel implements ExcelApi {
  readonly apiVersion: string;
  readonly payloadLimit: number;
  /** Every successful or failed sync, in order. */
  readonly syncLog: SyncRecord[] = [];
  /** Faults to inject, by sync number (see InjectedFault). */
  faults: InjectedFault[] = [];

  constructor(
    readonly workbook: FakeWorkbook = new FakeWorkbook(),
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.payloadLimit = options.payloadLimit ?? WEB_PAYLOAD_LIMIT;
  }

  get syncs(): number {
    return this.syncLog.length;
  }

  run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
    return batch(new FakeRequestContext(this));
  }

  /** Stands in for `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported = (name: string, minVersion?: string): boolean =>
    name === 'ExcelApi' && (minVersion === undefined || compareVersions(this.apiVersion, minVersion) >= 0);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Queued {
  bytes: number;
  apply(): void;
}

export class FakeRequestContext implements XlRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  private queue: Queued[] = [];
  /** Size of what the current sync's loads return, checked against the same limit. */
  responseBytes = 0;
  private unsettled: FakeObject[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  get book(): FakeWorkbook {
    return this.excel.workbook;
  }

  enqueue(bytes: number, apply: () => void): void {
    this.queue.push({ bytes: bytes + ACTION_BYTES, apply });
  }

  /** Queue an action that fails at sync when this Excel is older than the API set it needs. */
  requireApi(version: string, what: string): void {
    if (compareVersions(this.excel.apiVersion, version) < 0) {
      this.enqueue(0, () => {
        throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}.`);
      });
    }
  }

  track(o: FakeObject): void {
    this.unsettled.push(o);
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const unsettled = this.unsettled;
    this.queue = [];
    this.unsettled = [];
    const bytes = queue.reduce((n, q) => n + q.bytes, 0);
    this.excel.syncLog.push({ bytes, actions: queue.length });
    if (bytes > this.excel.payloadLimit) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    this.responseBytes = 0;
    const fault = this.excel.faults.find((f) => f.sync === this.excel.syncLog.length);
    if (fault) {
      const n = fault.applied ?? Math.floor(queue.length / 2);
      for (const q of queue.slice(0, n)) q.apply();
      throw new FakeOfficeError(fault.code ?? 'GeneralException', 'An internal error has occurred.');
    }
    for (const q of queue) q.apply();
    for (const o of unsettled) o.settle();
    if (this.responseBytes > this.excel.payloadLimit) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
  }
}

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Splits a load argument ("a, b/c" or ["a", "b/c"]) into paths. */
function paths(spec: string | string[]): string[] {
  const list = Array.isArray(spec) ? spec : spec.split(',');
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Every proxy: loaded properties, null-object state, and navigation to child objects. */
abstract class FakeObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(protected readonly ctx: FakeRequestContext) {
    ctx.track(this);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** Called at the end of the first sync after creation. */
  settle(): void {
    if (this.nullState !== undefined) return;
    try {
      this.nullState = this.isNull();
    } catch {
      // A proxy from getItem() whose target is gone is not a null object; using it fails instead.
      this.nullState = false;
    }
  }

  load(propertyNames: string | string[]): this {
    const list = paths(propertyNames);
    this.ctx.enqueue(JSON.stringify(list).length, () => this.loadNow(list));
    return this;
  }

  /** Takes the snapshot now (inside a sync). */
  loadNow(list: string[]): void {
    const nulled = this.isNull();
    for (const path of list) {
      const slash = path.indexOf('/');
      if (slash >= 0) {
        const head = path.slice(0, slash);
        const child = this.child(head);
        if (!child) throw new FakeOfficeError('PropertyNotFound', `No navigation property '${head}'.`);
        child.loadNow([path.slice(slash + 1)]);
        continue;
      }
      const value = nulled ? null : this.snapshot(path);
      this.ctx.responseBytes += JSON.stringify(value ?? null).length;
      this.loaded.set(path, value);
    }
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** A property write: queued, and the loaded value is stale from now on. */
  protected write(name: string, payload: unknown, apply: () => void): void {
    this.loaded.delete(name);
    this.ctx.enqueue(JSON.stringify(payload ?? null).length + name.length, apply);
  }

  protected isNull(): boolean {
    return false;
  }

  /** The property's current value, or throws PropertyNotFound. */
  protected abstract snapshot(name: string): unknown;

  protected child(_name: string): FakeObject | undefined {
    return undefined;
  }
}

function unknownProperty(name: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotFound', `The property '${name}' does not exist on this object.`);
}

function accessDenied(sheet: FakeSheet): FakeOfficeError {
  return new FakeOfficeError(
    'AccessDenied',
    `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`,
  );
}

// ----------------------------------------------------------------------------------- workbook, sheets

class FakeWorkbookProxy implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

class FakeApplication implements XlApplication {
  /** Syncs during which calculation was suspended (visible to tests through the context). */
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi('1.6', 'suspendApiCalculationUntilNextSync');
    this.ctx.enqueue(0, () => {});
  }
}

type SheetResolver = () => FakeSheet | null;

class FakeWorksheetCollection extends FakeObject implements XlWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  override loadNow(list: string[]): void {
    const itemPaths = list
      .map((p) => (p.startsWith('items/') ? p.slice('items/'.length) : p))
      .filter((p) => p !== 'items');
    this.loadedItems = this.ctx.book.sheetNames().map((name) => {
      const sheet = this.ctx.book.sheet(name)!;
      const ws = new FakeWorksheet(this.ctx, () =>
        this.ctx.book.sheetNames().includes(sheet.name) ? sheet : null,
      );
      ws.settle();
      ws.loadNow(itemPaths);
      return ws;
    });
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheet(key);
      if (!s)
        throw new FakeOfficeError(
          'ItemNotFound',
          `The requested resource doesn't exist (worksheet '${key}').`,
        );
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(key) ?? null);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const chosen = name ?? `Sheet${this.ctx.book.sheetNames().length + 1}`;
    this.ctx.enqueue(chosen.length, () => {
      if (this.ctx.book.sheet(chosen)) {
        throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${chosen}' already exists.`);
      }
      created = this.ctx.book.addSheet(chosen);
    });
    return new FakeWorksheet(this.ctx, () => created);
  }

  protected snapshot(name: string): unknown {
    throw unknownProperty(name);
  }
}

class FakeWorksheet extends FakeObject implements XlWorksheet {
  readonly protection: FakeWorksheetProtection;
  readonly notes: FakeNoteCollection;
  readonly charts: FakeChartCollection;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreakCollection;

  constructor(
    ctx: FakeRequestContext,
    readonly resolve: SheetResolver,
  ) {
    super(ctx);
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.notes = new FakeNoteCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    this.pageLayout = new FakePageLayout(ctx, this);
    this.horizontalPageBreaks = new FakePageBreakCollection(ctx, this);
  }

  /** The sheet, or ItemNotFound when this proxy is a null object being used. */
  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The worksheet does not exist.');
    return s;
  }

  get name(): string {
    return this.read('name');
  }

  get visibility(): string {
    return this.read('visibility');
  }

  set visibility(v: string) {
    this.write('visibility', v, () => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') {
        throw new FakeOfficeError('InvalidArgument', `Bad visibility '${v}'.`);
      }
      this.sheet().visibility = v as Visibility;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.sheet();
      const rect =
        address === undefined ? { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } : parseAddress(address);
      return { sheet, rect };
    });
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    // The fake keeps no formatting outside cell contents that would widen the used range.
    return new FakeRange(this.ctx, () => {
      const sheet = this.sheet();
      const rect = this.ctx.book.usedRect(sheet.name);
      return rect ? { sheet, rect } : null;
    });
  }

  activate(): void {
    this.ctx.enqueue(0, () => {
      this.ctx.book.activeSheet = this.sheet().name;
    });
  }

  delete(): void {
    this.ctx.enqueue(0, () => {
      const s = this.sheet();
      const visible = this.ctx.book
        .sheetNames()
        .filter((n) => this.ctx.book.sheet(n)?.visibility === 'Visible');
      if (s.visibility === 'Visible' && visible.length <= 1) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
        );
      }
      this.ctx.book.deleteSheet(s.name);
    });
  }

  protected override isNull(): boolean {
    return this.resolve() === null;
  }

  protected snapshot(name: string): unknown {
    const s = this.sheet();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    throw unknownProperty(name);
  }

  protected override child(name: string): FakeObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }
}

class FakeWorksheetProtection extends FakeObject implements XlWorksheetProtection {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }

  get protected(): boolean {
    return this.read('protected');
  }

  protected snapshot(name: string): unknown {
    if (name === 'protected') return this.ws.sheet().protected;
    throw unknownProperty(name);
  }
}

/** Print settings (ExcelApi 1.9): writes, and the print area's ranges to load. */
class FakePageLayout implements XlPageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  private edit(bytes: number, f: (sheet: FakeSheet) => void): void {
    this.ctx.requireApi('1.9', 'pageLayout');
    this.ctx.enqueue(bytes, () => {
      const sheet = this.ws.sheet();
      if (sheet.protected) throw accessDenied(sheet);
      f(sheet);
    });
  }

  get paperSize(): string {
    throw notLoaded('paperSize');
  }
  set paperSize(v: string) {
    this.edit(v.length, (s) => {
      s.print.paperSize = v;
    });
  }
  get orientation(): string {
    throw notLoaded('orientation');
  }
  set orientation(v: string) {
    this.edit(v.length, (s) => {
      if (v !== 'Portrait' && v !== 'Landscape')
        throw new FakeOfficeError('InvalidArgument', `Bad orientation '${v}'.`);
      s.print.orientation = v;
    });
  }
  get zoom(): XlPageZoom {
    throw notLoaded('zoom');
  }
  set zoom(v: XlPageZoom) {
    this.edit(JSON.stringify(v).length, (s) => {
      s.print.zoom = { ...v };
    });
  }

  setPrintArea(printArea: string): void {
    this.edit(printArea.length, (s) => {
      const areas = printArea.split(',').map((a) => parseAddress(a.trim()));
      s.print.area = areas.map((r) => a1Range(r.top, r.left, r.bottom, r.right));
    });
  }

  getPrintAreaOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi('1.9', 'getPrintAreaOrNullObject');
    return new FakeRangeAreas(this.ctx, () => {
      const sheet = this.ws.sheet();
      return sheet.print.area ? { sheet, areas: sheet.print.area.map(parseAddress) } : null;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.edit(rows.length, (s) => {
      const r = parseAddress(rows);
      if (r.left !== 0) throw new FakeOfficeError('InvalidArgument', `Not whole rows: '${rows}'.`);
      s.print.titleRows = `${r.top + 1}:${r.bottom + 1}`;
    });
  }
}

/** Manual row page breaks (ExcelApi 1.9): recorded as the row after which a page ends. */
class FakePageBreakCollection implements XlPageBreakCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  add(pageBreakRange: string): void {
    this.ctx.requireApi('1.9', 'horizontalPageBreaks');
    this.ctx.enqueue(pageBreakRange.length, () => {
      const sheet = this.ws.sheet();
      if (sheet.protected) throw accessDenied(sheet);
      const r = parseAddress(pageBreakRange);
      if (r.top === 0) throw new FakeOfficeError('InvalidArgument', `No break above row 1.`);
      if (!sheet.print.rowBreaks.includes(r.top)) sheet.print.rowBreaks.push(r.top);
    });
  }
}

class FakeNoteCollection implements XlNoteCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  add(cellAddress: string, content: string): void {
    this.ctx.requireApi('1.18', 'notes');
    this.ctx.enqueue(JSON.stringify(content).length, () => {
      const sheet = this.ws.sheet();
      if (sheet.protected) throw accessDenied(sheet);
      const p = parseA1(cellAddress);
      if (!p) throw new FakeOfficeError('InvalidArgument', `Bad cell address '${cellAddress}'.`);
      sheet.notes.set(a1Range(p.row, p.col, p.row, p.col), content);
    });
  }
}

class FakeChartCollection implements XlChartCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChartProxy {
    const chart = new FakeChartProxy(this.ctx);
    this.ctx.enqueue(type.length + seriesBy.length, () => {
      const sheet = this.ws.sheet();
      if (sheet.protected) throw accessDenied(sheet);
      const { rect } = sourceData.target();
      chart.record = {
        type,
        dataRange: a1Range(rect.top, rect.left, rect.bottom, rect.right),
        seriesBy,
        labelsRange: null,
        title: '',
        legendVisible: true,
        position: null,
      };
      sheet.charts.push(chart.record);
    });
    return chart;
  }
}

/** Chart proxies only take writes, each applied to the record the queued add() created. */
class FakeChartProxy implements XlChart {
  record: FakeChart | null = null;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): XlChartSeries };

  constructor(private readonly ctx: FakeRequestContext) {
    const edit = (bytes: number, f: (c: FakeChart) => void) =>
      ctx.enqueue(bytes, () => {
        if (!this.record) throw new FakeOfficeError('ItemNotFound', 'The chart does not exist.');
        f(this.record);
      });
    this.title = {
      get text(): string {
        throw notLoaded('text');
      },
      set text(text: string) {
        edit(JSON.stringify(text).length, (c) => {
          c.title = text;
        });
      },
    };
    this.legend = {
      get visible(): boolean {
        throw notLoaded('visible');
      },
      set visible(visible: boolean) {
        edit(5, (c) => {
          c.legendVisible = visible;
        });
      },
    };
    this.series = {
      getItemAt: (index: number) => ({
        setXAxisValues: (sourceData: XlRange) => {
          ctx.requireApi('1.7', 'ChartSeries.setXAxisValues');
          edit(0, (c) => {
            if (index !== 0) throw new FakeOfficeError('ItemNotFound', `No series ${index}.`);
            const { rect } = (sourceData as FakeRange).target();
            c.labelsRange = a1Range(rect.top, rect.left, rect.bottom, rect.right);
          });
        },
      }),
    };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.ctx.enqueue(0, () => {
      if (!this.record) throw new FakeOfficeError('ItemNotFound', 'The chart does not exist.');
      this.record.position = { start: startCell, end: endCell ?? startCell };
    });
  }
}

// ---------------------------------------------------------------------------------------------- ranges

type RangeResolver = () => { sheet: FakeSheet; rect: Rect } | null;

/** "B3", "B3:D9", "C:C", "C:E", "3:5" → rectangle. */
function parseAddress(address: string): Rect {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [p, q = p] = local.split(':');
  const cols = /^[A-Za-z]{1,3}$/;
  const rows = /^\d+$/;
  if (p && q && cols.test(p) && cols.test(q)) {
    return {
      top: 0,
      left: Math.min(colIndex(p), colIndex(q)),
      bottom: MAX_ROW,
      right: Math.max(colIndex(p), colIndex(q)),
    };
  }
  if (p && q && rows.test(p) && rows.test(q)) {
    return { top: Math.min(+p, +q) - 1, left: 0, bottom: Math.max(+p, +q) - 1, right: MAX_COL };
  }
  const a = p ? parseA1(p) : null;
  const b = q ? parseA1(q) : null;
  if (!a || !b)
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: address '${address}'.`);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function rectSize(rect: Rect): { rows: number; cols: number } {
  return { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Office accepts a 2-D array matching the range, or one value for every cell. */
function matrixFor<T>(input: unknown, rect: Rect, what: string): T[][] {
  const { rows, cols } = rectSize(rect);
  if (!Array.isArray(input)) return Array.from({ length: rows }, () => new Array<T>(cols).fill(input as T));
  const m = input as T[][];
  if (m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
  return m;
}

class FakeRange extends FakeObject implements XlRange {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(
    ctx: FakeRequestContext,
    readonly resolve: RangeResolver,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }

  target(): { sheet: FakeSheet; rect: Rect } {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError('ItemNotFound', 'The range does not exist.');
    return t;
  }

  /** For writes: the target, refusing protected sheets. */
  writable(): { sheet: FakeSheet; rect: Rect } {
    const t = this.target();
    if (t.sheet.protected) throw accessDenied(t.sheet);
    return t;
  }

  get address(): string {
    return this.read('address');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.setContents('values', v);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setContents('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v, () => {
      const { sheet, rect } = this.writable();
      const m = matrixFor<string>(v, rect, 'numberFormat');
      for (let r = 0; r < m.length; r++) {
        const row = m[r]!;
        for (let c = 0; c < row.length; c++) {
          sheet.numberFormats.set(
            a1Range(rect.top + r, rect.left + c, rect.top + r, rect.left + c),
            String(row[c]),
          );
        }
      }
    });
  }

  /** `values` and `formulas` both take typed input, as in Excel. */
  private setContents(name: string, v: unknown[][]): void {
    this.write(name, v, () => {
      const { sheet, rect } = this.writable();
      const m = matrixFor<RawInput>(v, rect, name).map((row) => row.map((x) => (x === '' ? null : x)));
      this.ctx.book.setContents(sheet.name, rect.top, rect.left, m);
    });
  }

  merge(across?: boolean): void {
    this.ctx.enqueue(0, () => {
      const { sheet, rect } = this.writable();
      const areas: Rect[] = across
        ? Array.from({ length: rectSize(rect).rows }, (_, i) => ({
            ...rect,
            top: rect.top + i,
            bottom: rect.top + i,
          }))
        : [rect];
      for (const area of areas) {
        // Excel keeps only the top-left value of a merged area.
        const { rows, cols } = rectSize(area);
        const blank: RawInput[][] = Array.from({ length: rows }, () => new Array<RawInput>(cols).fill(null));
        const topLeft = this.ctx.book.cell(sheet.name, area.top, area.left);
        blank[0]![0] =
          topLeft.formula ?? (typeof topLeft.value === 'string' ? `'${topLeft.value}` : topLeft.value);
        this.ctx.book.setContents(sheet.name, area.top, area.left, blank);
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, area));
        sheet.merges.push({ ...area });
      }
    });
  }

  unmerge(): void {
    this.ctx.enqueue(0, () => {
      const { sheet, rect } = this.writable();
      // As Excel: every merged area that touches the range is split; the cells keep what they hold.
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
    });
  }

  select(): void {
    this.ctx.enqueue(0, () => {
      const { sheet, rect } = this.target();
      this.ctx.book.selection = {
        sheet: sheet.name,
        address: a1Range(rect.top, rect.left, rect.bottom, rect.right),
      };
    });
  }

  get columnHidden(): boolean {
    return this.read('columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this.write('columnHidden', hidden, () => {
      const { sheet, rect } = this.writable();
      for (let c = rect.left; c <= rect.right; c++) {
        if (hidden) sheet.hiddenCols.add(c);
        else sheet.hiddenCols.delete(c);
      }
    });
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    this.ctx.requireApi('1.9', 'getSpecialCellsOrNullObject');
    if (cellType !== 'DataValidations')
      throw new FakeOfficeError('InvalidArgument', `The fake knows only DataValidations, not '${cellType}'.`);
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.target();
      const inside = [...sheet.validations.keys()].filter((k) => {
        const p = parseA1(k)!;
        return p.row >= rect.top && p.row <= rect.bottom && p.col >= rect.left && p.col <= rect.right;
      });
      const areas = FakeWorkbook.rectsOf(inside);
      return areas.length > 0 ? { sheet, areas } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi('1.13', 'getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.target();
      const found = sheet.merges.filter((m) => overlaps(m, rect));
      return found.length > 0 ? { sheet, areas: found } : null;
    });
  }

  protected override isNull(): boolean {
    return this.resolve() === null;
  }

  protected snapshot(name: string): unknown {
    const { sheet, rect } = this.target();
    switch (name) {
      case 'address':
        return `${sheetRef(sheet.name)}!${a1Range(rect.top, rect.left, rect.bottom, rect.right)}`;
      case 'rowCount':
        return rectSize(rect).rows;
      case 'columnCount':
        return rectSize(rect).cols;
      case 'columnHidden': {
        const all = [];
        for (let c = rect.left; c <= rect.right; c++) all.push(sheet.hiddenCols.has(c));
        return all.every(Boolean) ? true : all.some(Boolean) ? null : false;
      }
      case 'values':
      case 'formulas':
      case 'numberFormat': {
        const out: unknown[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: unknown[] = [];
          for (let c = rect.left; c <= rect.right; c++) {
            if (name === 'numberFormat') {
              row.push(sheet.numberFormats.get(a1Range(r, c, r, c)) ?? 'General');
              continue;
            }
            const cell = this.ctx.book.cell(sheet.name, r, c);
            row.push(name === 'formulas' && cell.formula !== null ? cell.formula : (cell.value ?? ''));
          }
          out.push(row);
        }
        return out;
      }
      default:
        throw unknownProperty(name);
    }
  }

  protected override child(name: string): FakeObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'dataValidation') return this.dataValidation;
    return undefined;
  }
}

class FakeRangeAreas extends FakeObject implements XlRangeAreas {
  readonly areas: FakeRangeCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => { sheet: FakeSheet; areas: Rect[] } | null,
  ) {
    super(ctx);
    this.areas = new FakeRangeCollection(ctx, () => {
      const found = this.resolve();
      return found ? found.areas.map((rect) => ({ sheet: found.sheet, rect })) : [];
    });
  }

  protected override isNull(): boolean {
    return this.resolve() === null;
  }

  protected snapshot(name: string): unknown {
    const found = this.resolve();
    if (name === 'areaCount') return found?.areas.length ?? 0;
    if (name === 'address' && found) {
      return found.areas
        .map((r) => `${sheetRef(found.sheet.name)}!${a1Range(r.top, r.left, r.bottom, r.right)}`)
        .join(', ');
    }
    throw unknownProperty(name);
  }

  protected override child(name: string): FakeObject | undefined {
    return name === 'areas' ? this.areas : undefined;
  }
}

class FakeRangeCollection extends FakeObject implements XlRangeCollection {
  private loadedItems: FakeRange[] | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolveAll: () => { sheet: FakeSheet; rect: Rect }[],
  ) {
    super(ctx);
  }

  get items(): FakeRange[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  override loadNow(list: string[]): void {
    const itemPaths = list
      .map((p) => (p.startsWith('items/') ? p.slice('items/'.length) : p))
      .filter((p) => p !== 'items');
    this.loadedItems = this.resolveAll().map((t) => {
      const r = new FakeRange(this.ctx, () => t);
      r.settle();
      r.loadNow(itemPaths);
      return r;
    });
  }

  protected snapshot(name: string): unknown {
    throw unknownProperty(name);
  }
}

class FakeRangeFormat extends FakeObject implements XlRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;

  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }

  set columnWidth(points: number) {
    this.write('columnWidth', points, () => {
      const { sheet, rect } = this.range.writable();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }

  protected snapshot(name: string): unknown {
    if (name === 'columnWidth') {
      const { sheet, rect } = this.range.target();
      return sheet.columnWidths.get(rect.left) ?? 48;
    }
    throw unknownProperty(name);
  }

  protected override child(name: string): FakeObject | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }
}

class FakeRangeFill extends FakeObject implements XlRangeFill {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  get color(): string {
    return this.read('color');
  }

  set color(color: string) {
    this.write('color', color, () => {
      const { sheet, rect } = this.range.writable();
      for (const key of FakeWorkbook.cellsOf(rect)) sheet.fills.set(key, color);
    });
  }

  protected snapshot(name: string): unknown {
    if (name === 'color') {
      const { sheet, rect } = this.range.target();
      return sheet.fills.get(a1Range(rect.top, rect.left, rect.top, rect.left)) ?? null;
    }
    throw unknownProperty(name);
  }
}

class FakeRangeFont extends FakeObject implements XlRangeFont {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  get bold(): boolean {
    return this.read('bold');
  }
  set bold(bold: boolean) {
    this.setFont('bold', bold);
  }
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.setFont('color', color);
  }

  private setFont(key: 'bold' | 'color', v: boolean | string): void {
    this.write(key, v, () => {
      const { sheet, rect } = this.range.writable();
      for (const cell of FakeWorkbook.cellsOf(rect))
        sheet.fonts.set(cell, { ...sheet.fonts.get(cell), [key]: v });
    });
  }

  protected snapshot(name: string): unknown {
    const { sheet, rect } = this.range.target();
    const font = sheet.fonts.get(a1Range(rect.top, rect.left, rect.top, rect.left)) ?? {};
    if (name === 'bold') return font.bold ?? false;
    if (name === 'color') return font.color ?? '#000000';
    throw unknownProperty(name);
  }
}

class FakeDataValidation extends FakeObject implements XlDataValidation {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  clear(): void {
    this.ctx.requireApi('1.8', 'dataValidation');
    this.ctx.enqueue(0, () => {
      const { sheet, rect } = this.range.writable();
      for (const key of FakeWorkbook.cellsOf(rect)) sheet.validations.delete(key);
    });
  }

  get rule(): Excel.DataValidationRule {
    return this.read('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    this.ctx.requireApi('1.8', 'dataValidation');
    this.write('rule', rule, () => {
      const { sheet, rect } = this.range.writable();
      const cells = FakeWorkbook.cellsOf(rect);
      // Excel refuses a new rule over cells that already carry one: clear() must come first.
      if (cells.some((k) => sheet.validations.get(k)?.rule)) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'The range already has data validation; clear it before setting a rule.',
        );
      }
      for (const k of cells) this.cell(sheet, k).rule = rule;
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.setPart('prompt', prompt);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.setPart('errorAlert', alert);
  }

  private setPart(
    key: 'prompt' | 'errorAlert',
    v: Excel.DataValidationPrompt | Excel.DataValidationErrorAlert,
  ): void {
    this.ctx.requireApi('1.8', 'dataValidation');
    this.write(key, v, () => {
      const { sheet, rect } = this.range.writable();
      for (const k of FakeWorkbook.cellsOf(rect)) Object.assign(this.cell(sheet, k), { [key]: v });
    });
  }

  private cell(sheet: FakeSheet, key: string): FakeValidation {
    let v = sheet.validations.get(key);
    if (!v) {
      v = { rule: null, prompt: null, errorAlert: null };
      sheet.validations.set(key, v);
    }
    return v;
  }

  get type(): string {
    return this.read('type');
  }

  protected snapshot(name: string): unknown {
    const { sheet, rect } = this.range.target();
    if (name === 'type') {
      if (compareVersions(this.ctx.excel.apiVersion, '1.8') < 0)
        throw new FakeOfficeError('ApiNotFound', 'dataValidation needs ExcelApi 1.8.');
      return validationType(sheet, rect);
    }
    const v = sheet.validations.get(a1Range(rect.top, rect.left, rect.top, rect.left));
    if (name === 'rule') return v?.rule ?? {};
    if (name === 'prompt') return v?.prompt ?? { showPrompt: false, title: '', message: '' };
    if (name === 'errorAlert')
      return v?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' };
    throw unknownProperty(name);
  }
}

/** Excel.DataValidationRule keys → Excel.DataValidationType names. */
const RULE_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

/** What `dataValidation.type` reads over a rectangle, counted from the validated cells only. */
function validationType(sheet: FakeSheet, rect: Rect): string {
  const types = new Set<string>();
  let cells = 0;
  for (const [key, v] of sheet.validations) {
    const p = parseA1(key)!;
    if (p.row < rect.top || p.row > rect.bottom || p.col < rect.left || p.col > rect.right) continue;
    const kind = Object.entries(v.rule ?? {}).find(([, part]) => part !== undefined)?.[0];
    // A cell with only an input message allows any value, as in Excel.
    if (kind === undefined) continue;
    types.add(RULE_TYPES[kind] ?? 'Custom');
    cells++;
  }
  const { rows, cols } = rectSize(rect);
  if (cells === 0) return 'None';
  if (cells < rows * cols) return 'MixedCriteria';
  return types.size === 1 ? [...types][0]! : 'Inconsistent';
}
