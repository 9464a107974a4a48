/**
 * An in-memory workbook for the fake Excel object model: cell contents live in HyperFormula, so a
 * formula written through the fake reads back its computed value; merges, validation, formats,
 * notes, visibility and protection are kept beside it. Runs in the browser too (no Node imports).
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { a1, a1Range, parseA1, parseRange } from '../core/a1';
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../core/grid';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A 0-based inclusive rectangle. */
export type Rect = MergeArea;

export interface FakeValidation {
  rule: Excel.DataValidationRule | null;
  prompt: Excel.DataValidationPrompt | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
}

export interface FakeFont {
  bold?: boolean;
  color?: string;
}

/** A chart as drawn: ranges as sheet-local A1 text. */
export interface FakeChart {
  type: string;
  dataRange: string;
  seriesBy: string;
  labelsRange: string | null;
  title: string;
  legendVisible: boolean;
  /** Top-left and bottom-right anchor cells. */
  position: { start: string; end: string } | null;
}

/** A sheet's state besides its cell contents. Cell-keyed maps use A1 text ("B3"). */
export interface FakeSheet {
  name: string;
  visibility: Visibility;
  protected: boolean;
  merges: Rect[];
  validations: Map<string, FakeValidation>;
  numberFormats: Map<string, string>;
  fills: Map<string, string>;
  fonts: Map<string, FakeFont>;
  /** Column index → width in points. */
  columnWidths: Map<number, number>;
  notes: Map<string, string>;
  charts: FakeChart[];
  hiddenCols: Set<number>;
  /** Print settings, as set through pageLayout. */
  print: FakePrint;
}

/** A sheet's print settings: areas and title rows as A1 text. */
export interface FakePrint {
  area: string[] | null;
  titleRows: string | null;
  paperSize: string;
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Manual page breaks: 1-based rows after which a page ends, in the order added. */
  rowBreaks: number[];
}

/** Input as Excel parses typed text: "=…" is a formula, "'…" is text, "12" is a number. */
export type RawInput = string | number | boolean | null;

const LICENSE = { licenseKey: 'gpl-v3' } as const;

export class FakeWorkbook {
  readonly hf: HyperFormula;
  private readonly order: FakeSheet[] = [];
  /** Where the last `select()` went, for tests of "show me the cell". */
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;

  constructor() {
    this.hf = HyperFormula.buildEmpty(LICENSE);
  }

  /** A workbook holding the grid's sheets: formulas where given, else values (strings stay text). */
  static fromGrid(grid: WorkbookGrid): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of grid.sheets) {
      const sheet = wb.addSheet(s.name);
      sheet.visibility = s.hidden ? 'Hidden' : 'Visible';
      sheet.protected = s.protected ?? false;
      sheet.merges = s.merges.map((m) => ({ ...m }));
      for (const c of s.hiddenCols ?? []) sheet.hiddenCols.add(c);
      for (const r of s.validations ?? [])
        for (const key of FakeWorkbook.cellsOf(r))
          sheet.validations.set(key, {
            rule: { custom: { formula: '=TRUE' } },
            prompt: null,
            errorAlert: null,
          });
      if (s.printArea && s.printArea.length > 0)
        sheet.print.area = s.printArea.map((r) => a1Range(r.top, r.left, r.bottom, r.right));
    }
    // Contents after every sheet exists, so cross-sheet formulas resolve.
    wb.hf.batch(() => {
      for (const s of grid.sheets) {
        const rows = s.values.map((row, r) =>
          row.map((v, c) => s.formulas?.[r]?.[c] ?? (typeof v === 'string' ? `'${v}` : v)),
        );
        const fRows = s.formulas ?? [];
        for (let r = 0; r < fRows.length; r++) {
          const fr = fRows[r] ?? [];
          const row = rows[r] ?? [];
          for (let c = row.length; c < fr.length; c++) row[c] = fr[c] ?? null;
          rows[r] = row;
        }
        if (rows.length > 0) wb.hf.setCellContents({ sheet: wb.sheetId(s.name), row: 0, col: 0 }, rows);
      }
    });
    return wb;
  }

  /** The workbook as the core sees it: computed values, formula text, merges, hidden, protected. */
  toGrid(): WorkbookGrid {
    return {
      sheets: this.order.map((s): SheetGrid => {
        const used = this.usedRect(s.name);
        const values: CellValue[][] = [];
        const formulas: (string | null)[][] = [];
        if (used) {
          for (let r = 0; r <= used.bottom; r++) {
            const vr: CellValue[] = [];
            const fr: (string | null)[] = [];
            for (let c = 0; c <= used.right; c++) {
              const cell = this.cell(s.name, r, c);
              vr.push(cell.value);
              fr.push(cell.formula);
            }
            values.push(vr);
            formulas.push(fr);
          }
        }
        const grid: SheetGrid = {
          name: s.name,
          values,
          formulas,
          merges: s.merges.map((m) => ({ ...m })),
          hidden: s.visibility !== 'Visible',
          protected: s.protected,
        };
        const validated = FakeWorkbook.rectsOf([...s.validations.keys()]);
        if (validated.length > 0) grid.validations = validated;
        if (s.hiddenCols.size > 0) grid.hiddenCols = [...s.hiddenCols].sort((a, b) => a - b);
        if (s.print.area) grid.printArea = s.print.area.map((r) => parseRange(r)!);
        return grid;
      }),
    };
  }

  sheetNames(): string[] {
    return this.order.map((s) => s.name);
  }

  /** Sheets are found case-insensitively, as in Excel. */
  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.order.find((s) => s.name.toLowerCase() === key);
  }

  /** @throws Error when the name is taken. */
  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`sheet "${name}" exists`);
    this.hf.addSheet(name);
    const sheet: FakeSheet = {
      name,
      visibility: 'Visible',
      protected: false,
      merges: [],
      validations: new Map(),
      numberFormats: new Map(),
      fills: new Map(),
      fonts: new Map(),
      columnWidths: new Map(),
      notes: new Map(),
      charts: [],
      hiddenCols: new Set(),
      print: {
        area: null,
        titleRows: null,
        paperSize: 'Letter',
        orientation: 'Portrait',
        zoom: { scale: 100 },
        rowBreaks: [],
      },
    };
    this.order.push(sheet);
    return sheet;
  }

  deleteSheet(name: string): void {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet "${name}"`);
    this.hf.removeSheet(this.sheetId(s.name));
    this.order.splice(this.order.indexOf(s), 1);
  }

  /** Writes a block of typed input with its top-left at (top, left). */
  setContents(sheet: string, top: number, left: number, rows: RawInput[][]): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet "${sheet}"`);
    this.hf.setCellContents({ sheet: this.sheetId(s.name), row: top, col: left }, rows);
  }

  /** The computed value (errors as their text, e.g. "#DIV/0!") and the formula text, if any. */
  cell(sheet: string, row: number, col: number): { value: CellValue; formula: string | null } {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet "${sheet}"`);
    const addr = { sheet: this.sheetId(s.name), row, col };
    const v = this.hf.getCellValue(addr);
    const value: CellValue = v instanceof DetailedCellError ? v.value : (v as CellValue);
    const formula = this.hf.doesCellHaveFormula(addr) ? (this.hf.getCellFormula(addr) ?? null) : null;
    return { value, formula };
  }

  /** Convenience for tests: the cell at A1 text. */
  at(sheet: string, address: string): { value: CellValue; formula: string | null } {
    const p = parseA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(sheet, p.row, p.col);
  }

  /** The smallest rectangle holding every non-empty cell, or null for an empty sheet. */
  usedRect(sheet: string): Rect | null {
    const s = this.sheet(sheet);
    if (!s) return null;
    const id = this.sheetId(s.name);
    const { width, height } = this.hf.getSheetDimensions(id);
    let top = -1;
    let left = Number.POSITIVE_INFINITY;
    let bottom = -1;
    let right = -1;
    const serialized = this.hf.getSheetSerialized(id);
    for (let r = 0; r < height; r++) {
      const row = serialized[r] ?? [];
      for (let c = 0; c < Math.min(width, row.length); c++) {
        const raw = row[c];
        if (raw === null || raw === undefined || raw === '') continue;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return top < 0 ? null : { top, left, bottom, right };
  }

  /**
   * Cell keys ("B3") as rectangles: runs of adjacent cells in a row, stacked while the next row has
   * a run over the same columns. Sorted by top, then left: one canonical form for any set of cells.
   */
  static rectsOf(keys: readonly string[]): Rect[] {
    const byRow = new Map<number, number[]>();
    for (const k of keys) {
      const p = parseA1(k);
      if (!p) continue;
      const row = byRow.get(p.row) ?? [];
      row.push(p.col);
      byRow.set(p.row, row);
    }
    const done: Rect[] = [];
    let open = new Map<string, Rect>();
    for (const r of [...byRow.keys()].sort((x, y) => x - y)) {
      const cols = [...new Set(byRow.get(r)!)].sort((x, y) => x - y);
      const next = new Map<string, Rect>();
      for (let i = 0; i < cols.length; ) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
        const key = `${cols[i]}:${cols[j]}`;
        const prev = open.get(key);
        if (prev && prev.bottom === r - 1) {
          prev.bottom = r;
          open.delete(key);
          next.set(key, prev);
        } else next.set(key, { top: r, left: cols[i]!, bottom: r, right: cols[j]! });
        i = j + 1;
      }
      done.push(...open.values());
      open = next;
    }
    done.push(...open.values());
    return done.sort((a, b) => a.top - b.top || a.left - b.left);
  }

  /** Keys of every cell in a rectangle, for the per-cell format maps. */
  static cellsOf(rect: Rect): string[] {
    const out: string[] = [];
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) out.push(a1(r, c));
    return out;
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet "${name}"`);
    return id;
  }
}
