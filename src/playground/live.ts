/**
 * The playground's workbook: a FakeWorkbook behind the fake Excel object model, with a change signal
 * so the grid view redraws after every batch the task pane runs, and the pane re-checks after every
 * entry typed in the grid. No Node imports: this runs in the browser.
 */
import { FakeExcel, FakeWorkbook, type RawInput } from '../fake-excel';
import type { WorkbookGrid } from '../core/grid';
import type { ExcelApi, XlRequestContext } from '../host/excel-api';

type Listener = () => void;

/** Where the grid's cursor is: the sheet shown and the selected cell as A1 text. */
export interface Selection {
  sheet: string;
  address: string;
}

export class PlaygroundBook {
  readonly excel: FakeExcel;
  /** Bumped on every change (a batch run by the pane, an entry typed, a click); React reads it. */
  private version = 0;
  private readonly views = new Set<Listener>();
  private readonly edits = new Set<Listener>();
  private readonly selections = new Set<(selection: { sheet: string; cell: string }) => void>();
  /**
   * Cells set to wrap text in the opened file, by sheet name: the fake keeps no alignment, and
   * without it long text would run on over its empty neighbours.
   */
  readonly wrapped = new Map<string, Set<string>>();

  constructor(readonly book: FakeWorkbook) {
    this.excel = new FakeExcel(book);
  }

  static fromGrid(grid: WorkbookGrid): PlaygroundBook {
    return new PlaygroundBook(FakeWorkbook.fromGrid(grid));
  }

  /**
   * The `Excel` the Office adapter is given: the fake's own `run`, followed by a redraw, so the grid
   * shows what a write or a selection did the moment its batch ends (failed batches included: Excel
   * keeps the writes that landed before the failure).
   */
  readonly excelApi: ExcelApi = {
    run: async <T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T> => {
      try {
        return await this.excel.run(batch);
      } finally {
        this.changed();
      }
    },
  };

  readonly isSetSupported = (name: string, minVersion?: string): boolean =>
    this.excel.isSetSupported(name, minVersion);

  /** For useSyncExternalStore: redraw subscribers. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.views.add(listener);
    return () => this.views.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  /** Subscribers told when the user typed into the workbook (the pane re-checks), not on the pane's own writes. */
  readonly watchEdits = (listener: Listener): (() => void) => {
    this.edits.add(listener);
    return () => this.edits.delete(listener);
  };

  wraps(sheet: string, address: string): boolean {
    return this.wrapped.get(sheet)?.has(address) ?? false;
  }

  /** The sheets a user sees as tabs. */
  visibleSheets(): string[] {
    return this.book.sheetNames().filter((n) => this.book.sheet(n)?.visibility === 'Visible');
  }

  /** The sheet on screen: the active one if still visible, else the first visible sheet. */
  currentSheet(): string | null {
    const visible = this.visibleSheets();
    const active = this.book.activeSheet;
    if (active !== null && visible.includes(active)) return active;
    return visible[0] ?? null;
  }

  selection(): Selection | null {
    const sel = this.book.selection;
    const sheet = this.currentSheet();
    if (!sel || sheet === null || sel.sheet !== sheet) return null;
    return sel;
  }

  /** Show a sheet, as clicking its tab does. */
  showSheet(name: string): void {
    this.book.activeSheet = name;
    this.changed();
  }

  /** Select a cell (A1 text, or a range whose top-left is the cursor) on the current sheet. */
  select(sheet: string, address: string): void {
    this.book.activeSheet = sheet;
    this.book.selection = { sheet, address };
    this.changed();
    const cell = address.split(':')[0] ?? address;
    for (const l of this.selections) l({ sheet, cell });
  }

  /**
   * Subscribers told when the user moves the cursor in the grid, as Excel's selection event tells
   * the add-in (the pane's own selections are not reported back, which the pane does not need).
   */
  readonly watchSelection = (
    listener: (selection: { sheet: string; cell: string }) => void,
  ): (() => void) => {
    this.selections.add(listener);
    return () => this.selections.delete(listener);
  };

  /**
   * Type into a cell as in Excel: "=…" is a formula, "'…" text, "12" a number, "" clears it.
   * Returns false (and changes nothing) when the sheet is protected, as Excel refuses the edit.
   */
  type(sheet: string, row: number, col: number, text: string): boolean {
    const s = this.book.sheet(sheet);
    if (!s || s.protected) return false;
    const input: RawInput = text === '' ? null : text;
    this.book.setContents(s.name, row, col, [[input]]);
    this.changed();
    for (const l of this.edits) l();
    return true;
  }

  /** Redraw the grid after changes made around the fake Excel (the WPS fake writes the book directly). */
  redraw(): void {
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const l of this.views) l();
  }
}
