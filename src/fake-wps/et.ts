/**
 * A fake of WPS 表格's object model: exactly the members src/host/wps/et.ts names, over the fake
 * Excel's in-memory workbook (HyperFormula computes what is written). It enforces what ET enforces
 * and the adapter must respect: 1-based indexes (`Worksheets.Item(0)` fails), `Value2` shapes (one
 * cell a scalar, a range rows of cells; an array written must have the range's shape), a single cell
 * inside a merged area reading the area's top-left value, writes to a protected sheet failing, and
 * deleting a sheet failing while `DisplayAlerts` would ask the user. Every member access counts one
 * call in `calls`.
 */
import { DetailedCellError } from 'hyperformula';
import { a1, a1Range, colIndex, parseRange } from '../core/a1';
import type { CellValue } from '../core/grid';
import type { FakeSheet, FakeWorkbook, RawInput, Rect } from '../fake-excel/workbook';
import {
  type EtApiEvent,
  type EtApplication,
  type EtRange,
  type EtValue,
  type EtWorkbook,
  type EtWorksheet,
  type EtWorksheets,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
} from '../host/wps/et';

/** An error as WPS raises it to a page: a COM-style message and an HRESULT-like code. */
export class FakeWpsError extends Error {
  constructor(
    message: string,
    readonly code = 'DISP_E_EXCEPTION',
  ) {
    super(message);
    this.name = 'FakeWpsError';
  }
}

const MAX_ROW = 1_048_575;
const CVERR_BASE = -2146828288;
const ERROR_CODES: Record<string, number> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
};

export interface FakeEtOptions {
  /** The n-th (1-based) write through `Range.Formula` fails, to test an interrupted write. */
  failFormulaWrite?: number;
}

/** The fake `Application`, with the calls made into it counted. */
export class FakeEt implements EtApplication {
  calls = 0;
  private screenUpdating = true;
  private displayAlerts = true;
  private formulaWrites = 0;
  readonly events = new FakeApiEvent(this);

  constructor(
    readonly book: FakeWorkbook,
    readonly options: FakeEtOptions = {},
  ) {}

  tick(): void {
    this.calls++;
  }

  get ActiveWorkbook(): EtWorkbook {
    this.tick();
    return new FakeEtWorkbook(this);
  }
  get ScreenUpdating(): boolean {
    this.tick();
    return this.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.tick();
    this.screenUpdating = v;
  }
  get DisplayAlerts(): boolean {
    this.tick();
    return this.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.tick();
    this.displayAlerts = v;
  }

  /** For FakeRange: counts the Formula writes and fails the configured one. */
  noteFormulaWrite(): void {
    this.formulaWrites++;
    if (this.formulaWrites === this.options.failFormulaWrite)
      throw new FakeWpsError('Range 类的 Formula 属性无法设置', 'E_FAIL');
  }
  alertsOn(): boolean {
    return this.displayAlerts;
  }
}

class FakeEtWorkbook implements EtWorkbook {
  constructor(private readonly et: FakeEt) {}
  get Worksheets(): EtWorksheets {
    this.et.tick();
    return new FakeWorksheets(this.et);
  }
}

class FakeWorksheets implements EtWorksheets {
  constructor(private readonly et: FakeEt) {}
  get Count(): number {
    this.et.tick();
    return this.et.book.sheetNames().length;
  }
  Item(index: number | string): EtWorksheet {
    this.et.tick();
    const names = this.et.book.sheetNames();
    if (typeof index === 'number') {
      if (!Number.isInteger(index) || index < 1 || index > names.length)
        throw new FakeWpsError(
          `下标越界：Worksheets.Item(${index})，有 ${names.length} 张工作表（从 1 开始）`,
        );
      return new FakeWorksheet(this.et, this.et.book.sheet(names[index - 1]!)!);
    }
    const s = this.et.book.sheet(index);
    if (!s) throw new FakeWpsError(`下标越界：没有工作表“${index}”`);
    return new FakeWorksheet(this.et, s);
  }
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet {
    this.et.tick();
    const names = this.et.book.sheetNames();
    // The in-memory workbook appends: only "after the last sheet" keeps WPS's order.
    if (before || (after && after.Name !== names.at(-1)))
      throw new FakeWpsError('fake: Worksheets.Add supports only After:=the last sheet');
    let n = names.length + 1;
    while (this.et.book.sheet(`Sheet${n}`)) n++;
    return new FakeWorksheet(this.et, this.et.book.addSheet(`Sheet${n}`));
  }
}

class FakeWorksheet implements EtWorksheet {
  constructor(
    private readonly et: FakeEt,
    readonly sheet: FakeSheet,
  ) {}
  get Name(): string {
    this.et.tick();
    return this.sheet.name;
  }
  set Name(v: string) {
    this.et.tick();
    const book = this.et.book;
    const other = book.sheet(v);
    if (other && other !== this.sheet) throw new FakeWpsError(`工作表名称“${v}”已被使用`);
    book.hf.renameSheet(book.hf.getSheetId(this.sheet.name)!, v);
    this.sheet.name = v;
  }
  get Visible(): number {
    this.et.tick();
    const v = this.sheet.visibility;
    return v === 'Visible' ? XL_SHEET_VISIBLE : v === 'Hidden' ? XL_SHEET_HIDDEN : XL_SHEET_VERY_HIDDEN;
  }
  set Visible(v: number) {
    this.et.tick();
    this.sheet.visibility =
      v === XL_SHEET_VISIBLE ? 'Visible' : v === XL_SHEET_HIDDEN ? 'Hidden' : 'VeryHidden';
  }
  get ProtectContents(): boolean {
    this.et.tick();
    return this.sheet.protected;
  }
  get UsedRange(): EtRange {
    this.et.tick();
    const used = this.et.book.usedRect(this.sheet.name) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return new FakeRange(this.et, this.sheet, used);
  }
  Range(address: string): EtRange {
    this.et.tick();
    const rect = rectOf(address);
    if (!rect) throw new FakeWpsError(`Range(“${address}”)：地址无效`);
    return new FakeRange(this.et, this.sheet, rect);
  }
  Activate(): void {
    this.et.tick();
    this.et.book.activeSheet = this.sheet.name;
  }
  Delete(): void {
    this.et.tick();
    if (this.et.alertsOn())
      throw new FakeWpsError('fake: Delete with DisplayAlerts on would wait for the user to confirm');
    this.et.book.deleteSheet(this.sheet.name);
  }
}

/** "B3", "B3:D9" or a whole column "G:G". */
function rectOf(address: string): Rect | null {
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address);
  if (cols) return { top: 0, left: colIndex(cols[1]!), bottom: MAX_ROW, right: colIndex(cols[2]!) };
  return parseRange(address.replace(/\$/g, ''));
}

class FakeRange implements EtRange {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: FakeSheet,
    private readonly rect: Rect,
  ) {}

  private get single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }
  private mergeOf(row: number, col: number): Rect | undefined {
    return this.sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
  private writable(): void {
    if (this.sheet.protected)
      throw new FakeWpsError(`工作表“${this.sheet.name}”受保护：无法更改受保护的单元格`, 'E_ACCESSDENIED');
  }
  private cellsOf<T>(f: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const row: T[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  private value(row: number, col: number): EtValue {
    const book = this.et.book;
    const v = book.hf.getCellValue({ sheet: book.hf.getSheetId(this.sheet.name)!, row, col });
    if (v instanceof DetailedCellError) return CVERR_BASE + (ERROR_CODES[v.value] ?? 2015);
    const cell = v as CellValue;
    return cell === null ? undefined : cell;
  }
  private formula(row: number, col: number): string {
    const { value, formula } = this.et.book.cell(this.sheet.name, row, col);
    if (formula) return formula;
    if (value === null) return '';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return String(value);
  }
  /** A scalar fills the range; an array must have exactly its shape. */
  private write(v: unknown, as: (x: EtValue) => RawInput): void {
    this.writable();
    const rows = this.rect.bottom - this.rect.top + 1;
    const cols = this.rect.right - this.rect.left + 1;
    let matrix: RawInput[][];
    if (Array.isArray(v)) {
      if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
        throw new FakeWpsError(`数组形状与区域 ${this.addr()} 不符（应为 ${rows} 行 × ${cols} 列）`);
      matrix = (v as EtValue[][]).map((r) => r.map(as));
    } else matrix = Array.from({ length: rows }, () => new Array<RawInput>(cols).fill(as(v as EtValue)));
    this.et.book.setContents(this.sheet.name, this.rect.top, this.rect.left, matrix);
  }
  private addr(rowAbs = true, colAbs = true): string {
    const cell = (r: number, c: number) => {
      const text = a1(r, c);
      const m = /^([A-Z]+)(\d+)$/.exec(text)!;
      return `${colAbs ? '$' : ''}${m[1]}${rowAbs ? '$' : ''}${m[2]}`;
    };
    const { top, left, bottom, right } = this.rect;
    return this.single ? cell(top, left) : `${cell(top, left)}:${cell(bottom, right)}`;
  }

  get Value2(): EtValue | EtValue[][] {
    this.et.tick();
    if (this.single) {
      const m = this.mergeOf(this.rect.top, this.rect.left);
      return m ? this.value(m.top, m.left) : this.value(this.rect.top, this.rect.left);
    }
    return this.cellsOf((r, c) => this.value(r, c));
  }
  set Value2(v: EtValue | EtValue[][]) {
    this.et.tick();
    // Value2 stores text as text, never as a formula.
    this.write(v, (x) => (typeof x === 'string' ? `'${x}` : (x ?? null)));
  }
  get Formula(): EtValue | EtValue[][] {
    this.et.tick();
    if (this.single) return this.formula(this.rect.top, this.rect.left);
    return this.cellsOf((r, c) => this.formula(r, c));
  }
  set Formula(v: EtValue | EtValue[][]) {
    this.et.tick();
    this.writable();
    this.et.noteFormulaWrite();
    this.write(v, (x) => (x === undefined || x === '' ? null : x));
  }
  get Row(): number {
    this.et.tick();
    return this.rect.top + 1;
  }
  get Column(): number {
    this.et.tick();
    return this.rect.left + 1;
  }
  get Rows(): { readonly Count: number } {
    this.et.tick();
    return new FakeCount(this.et, this.rect.bottom - this.rect.top + 1);
  }
  get Columns(): { readonly Count: number } {
    this.et.tick();
    return new FakeCount(this.et, this.rect.right - this.rect.left + 1);
  }
  get MergeCells(): boolean | null {
    this.et.tick();
    const { top, left, bottom, right } = this.rect;
    let covered = 0;
    for (const m of this.sheet.merges) {
      const h = Math.min(bottom, m.bottom) - Math.max(top, m.top) + 1;
      const w = Math.min(right, m.right) - Math.max(left, m.left) + 1;
      if (h > 0 && w > 0) covered += h * w;
    }
    const area = (bottom - top + 1) * (right - left + 1);
    return covered === 0 ? false : covered === area ? true : null;
  }
  get MergeArea(): EtRange {
    this.et.tick();
    const m = this.mergeOf(this.rect.top, this.rect.left);
    return new FakeRange(
      this.et,
      this.sheet,
      m ?? { ...this.rect, bottom: this.rect.top, right: this.rect.left },
    );
  }
  get NumberFormat(): string {
    this.et.tick();
    return this.sheet.numberFormats.get(a1(this.rect.top, this.rect.left)) ?? 'General';
  }
  set NumberFormat(v: string) {
    this.et.tick();
    this.writable();
    for (const row of this.cellsOf((r, c) => a1(r, c)))
      for (const k of row) this.sheet.numberFormats.set(k, v);
  }
  get Interior(): { Color: number } {
    this.et.tick();
    const range = this;
    const et = this.et;
    return {
      get Color() {
        et.tick();
        return 0xffffff;
      },
      set Color(v: number) {
        et.tick();
        range.writable();
        for (const row of range.cellsOf((r, c) => a1(r, c)))
          for (const k of row) range.sheet.fills.set(k, rgbOf(v));
      },
    };
  }
  get Font(): { Bold: boolean; Color: number } {
    this.et.tick();
    const range = this;
    const et = this.et;
    const each = (f: (key: string) => void) => {
      range.writable();
      for (const row of range.cellsOf((r, c) => a1(r, c))) for (const k of row) f(k);
    };
    return {
      get Bold() {
        et.tick();
        return range.sheet.fonts.get(a1(range.rect.top, range.rect.left))?.bold ?? false;
      },
      set Bold(v: boolean) {
        et.tick();
        each((k) => range.sheet.fonts.set(k, { ...range.sheet.fonts.get(k), bold: v }));
      },
      get Color() {
        et.tick();
        return 0;
      },
      set Color(v: number) {
        et.tick();
        each((k) => range.sheet.fonts.set(k, { ...range.sheet.fonts.get(k), color: rgbOf(v) }));
      },
    };
  }
  get EntireColumn(): { Hidden: boolean; ColumnWidth: number } {
    this.et.tick();
    const range = this;
    const et = this.et;
    const cols = () => {
      const out: number[] = [];
      for (let c = range.rect.left; c <= range.rect.right; c++) out.push(c);
      return out;
    };
    return {
      get Hidden() {
        et.tick();
        return range.sheet.hiddenCols.has(range.rect.left);
      },
      set Hidden(v: boolean) {
        et.tick();
        range.writable();
        for (const c of cols()) v ? range.sheet.hiddenCols.add(c) : range.sheet.hiddenCols.delete(c);
      },
      get ColumnWidth() {
        et.tick();
        return range.sheet.columnWidths.get(range.rect.left) ?? 8.43;
      },
      set ColumnWidth(v: number) {
        et.tick();
        range.writable();
        for (const c of cols()) range.sheet.columnWidths.set(c, v);
      },
    };
  }
  Merge(): void {
    this.et.tick();
    this.writable();
    this.sheet.merges = this.sheet.merges.filter(
      (m) =>
        m.bottom < this.rect.top ||
        m.top > this.rect.bottom ||
        m.right < this.rect.left ||
        m.left > this.rect.right,
    );
    if (!this.single) this.sheet.merges.push({ ...this.rect });
  }
  UnMerge(): void {
    this.et.tick();
    this.writable();
    this.sheet.merges = this.sheet.merges.filter(
      (m) =>
        m.bottom < this.rect.top ||
        m.top > this.rect.bottom ||
        m.right < this.rect.left ||
        m.left > this.rect.right,
    );
  }
  Select(): void {
    this.et.tick();
    this.et.book.selection = {
      sheet: this.sheet.name,
      address: a1Range(this.rect.top, this.rect.left, this.rect.bottom, this.rect.right),
    };
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.et.tick();
    return this.addr(rowAbsolute, columnAbsolute);
  }
  /** For the event fake: this range's sheet. */
  worksheet(): EtWorksheet {
    return new FakeWorksheet(this.et, this.sheet);
  }
}

class FakeCount {
  constructor(
    private readonly et: FakeEt,
    private readonly n: number,
  ) {}
  get Count(): number {
    this.et.tick();
    return this.n;
  }
}

/** COM's BGR number → "#RRGGBB". */
function rgbOf(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

type SelectionCallback = (sheet: EtWorksheet, target: EtRange) => void;

/** `wps.ApiEvent` with only SheetSelectionChange; `select` plays the user moving the cursor. */
export class FakeApiEvent implements EtApiEvent {
  private readonly listeners = new Set<SelectionCallback>();
  constructor(private readonly et: FakeEt) {}
  AddApiEventListener(_name: 'SheetSelectionChange', callback: SelectionCallback): void {
    this.listeners.add(callback);
  }
  RemoveApiEventListener(_name: 'SheetSelectionChange', callback?: unknown): void {
    if (callback === undefined) this.listeners.clear();
    else this.listeners.delete(callback as SelectionCallback);
  }
  get count(): number {
    return this.listeners.size;
  }
  /** The user selects `address` ("G5" or "G5:H7") on `sheet`. */
  select(sheet: string, address: string): void {
    const s = this.et.book.sheet(sheet);
    const rect = rectOf(address);
    if (!s || !rect) throw new Error(`no ${sheet}!${address}`);
    const range = new FakeRange(this.et, s, rect);
    for (const l of this.listeners) l(range.worksheet(), range);
  }
}
