/**
 * HyperFormula for the write-back tests: apply a WritePlan to an in-memory WorkbookGrid the way a host
 * does (cell contents, merges, added sheets), evaluate every formula, and copy the results back as
 * cached values (what a spreadsheet shows after recalculating).
 */
import { HyperFormula } from 'hyperformula';
import { parseA1, parseRange } from '../../src/core/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/plan';

function setCell(s: SheetGrid, row: number, col: number, value: CellValue, formula: string | null): void {
  while (s.values.length <= row) s.values.push([]);
  const r = s.values[row]!;
  while (r.length <= col) r.push(null);
  r[col] = value;
  s.formulas ??= [];
  while (s.formulas.length <= row) s.formulas.push([]);
  const fr = s.formulas[row]!;
  while (fr.length <= col) fr.push(null);
  fr[col] = formula;
}

/** Set a value at sheet!A1 (clearing any formula there). */
export function typeInto(wb: WorkbookGrid, sheet: string, cell: string, value: CellValue): void {
  const s = wb.sheets.find((x) => x.name === sheet);
  const p = parseA1(cell);
  if (!s || !p) throw new Error(`no cell ${sheet}!${cell}`);
  setCell(s, p.row, p.col, value, null);
}

/** Validations recorded while applying, for assertions. */
export interface AppliedPlan {
  wb: WorkbookGrid;
  validations: Extract<WritePlan['ops'][number], { op: 'validation' }>[];
}

/**
 * A copy of the workbook with the plan applied. Formula cells get the plan's cached result (or null);
 * merges already present are not added twice.
 */
export function applyPlanToGrid(wb: WorkbookGrid, plan: WritePlan): AppliedPlan {
  const out: WorkbookGrid = structuredClone(wb);
  const validations: AppliedPlan['validations'] = [];
  const find = (name: string) => {
    const s = out.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  for (const op of plan.ops) {
    switch (op.op) {
      case 'addSheet':
        if (!out.sheets.some((s) => s.name === op.sheet))
          out.sheets.push({ name: op.sheet, values: [], merges: [], hidden: op.hidden !== undefined });
        break;
      case 'deleteSheet':
        out.sheets = out.sheets.filter((s) => s.name !== op.sheet);
        break;
      case 'value': {
        const p = parseA1(op.cell)!;
        setCell(find(op.sheet), p.row, p.col, op.value, null);
        break;
      }
      case 'formula': {
        const p = parseA1(op.cell)!;
        setCell(find(op.sheet), p.row, p.col, op.result ?? null, op.formula);
        break;
      }
      case 'merge': {
        const m = parseRange(op.range)!;
        const s = find(op.sheet);
        if (
          !s.merges.some(
            (x) => x.top === m.top && x.left === m.left && x.bottom === m.bottom && x.right === m.right,
          )
        )
          s.merges.push(m);
        break;
      }
      case 'validation':
        validations.push(op);
        break;
      default:
        find(op.sheet);
    }
  }
  return { wb: out, validations };
}

/** HyperFormula over a workbook grid (formula text where present, else values). */
export function buildEngine(wb: WorkbookGrid): HyperFormula {
  const data: Record<string, (CellValue | string)[][]> = {};
  for (const s of wb.sheets) {
    const rows = Math.max(s.values.length, s.formulas?.length ?? 0);
    data[s.name] = Array.from({ length: rows }, (_, r) => {
      const width = Math.max(s.values[r]?.length ?? 0, s.formulas?.[r]?.length ?? 0);
      return Array.from({ length: width }, (_, c) => s.formulas?.[r]?.[c] ?? s.values[r]?.[c] ?? null);
    });
  }
  return HyperFormula.buildFromSheets(data as never, { licenseKey: 'gpl-v3' });
}

/** The value HyperFormula computes at sheet!A1 (errors as "#TYPE"). */
export function hfValue(hf: HyperFormula, sheet: string, cell: string): CellValue {
  const id = hf.getSheetId(sheet);
  const p = parseA1(cell);
  if (id === undefined || !p) throw new Error(`no cell ${sheet}!${cell}`);
  const v = hf.getCellValue({ sheet: id, row: p.row, col: p.col });
  if (v !== null && typeof v === 'object') return `#${(v as { type: string }).type}`;
  return v as CellValue;
}

/** A copy of the workbook whose formula cells hold what HyperFormula computes (a recalculation). */
export function recalculate(wb: WorkbookGrid): WorkbookGrid {
  const hf = buildEngine(wb);
  const out: WorkbookGrid = structuredClone(wb);
  for (const s of out.sheets) {
    const id = hf.getSheetId(s.name)!;
    (s.formulas ?? []).forEach((row, r) => {
      row.forEach((f, c) => {
        if (!f) return;
        const v = hf.getCellValue({ sheet: id, row: r, col: c });
        s.values[r] ??= [];
        s.values[r]![c] =
          v !== null && typeof v === 'object' ? `#${(v as { type: string }).type}` : (v as CellValue);
      });
    });
  }
  hf.destroy();
  return out;
}
