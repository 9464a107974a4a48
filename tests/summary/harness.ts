/**
 * Test harness for the summary: unit sheets built by code (with 得分 formulas the way the write-back
 * writes them), a plan applier over an in-memory WorkbookGrid, and HyperFormula to evaluate it.
 */
import { HyperFormula } from 'hyperformula';
import type { WorkbookReport } from '../../src/core/analyze';
import { a1, parseA1, parseRange } from '../../src/core/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { readEntries } from '../../src/core/entries';
import { emptyMeta, readMeta } from '../../src/core/meta';
import type { SheetAnalysis } from '../../src/core/model';
import type { WritePlan } from '../../src/core/plan';
import type { DetectedTable } from '../../src/core/rubric';
import type { Rule } from '../../src/core/rules/types';
import { scoreSheet } from '../../src/core/score';
import { type GroupSpec, type ItemSpec, makeTable, rule, SPAN } from '../fixtures/table';

/** The shared rubric: two categories, three sections, seven items; item 7 is a 一票否决 item. */
export const GROUPS: GroupSpec[] = [
  { id: 'c1', text: '日常工作', declared: 12, numbering: '(一)' },
  { id: 's1', text: '领导重视', declared: 5, parent: 'c1', numbering: '1、' },
  { id: 's2', text: '宣传教育', declared: 7, parent: 'c1', numbering: '2、' },
  { id: 'c2', text: '重点工作', declared: 9, numbering: '(二)' },
];

export const ITEMS: ItemSpec[] = [
  { text: '成立领导小组', points: 2, group: 's1' },
  { text: '年初有计划', points: 3, group: 's1' },
  { text: '宣传阵地', points: 3, group: 's2' },
  { text: '入户宣传', points: 2, group: 's2' },
  { text: '投稿', points: 2, group: 's2' },
  { text: '流动人口管理', points: 4.5, group: 'c2' },
  { text: '计划外生育', points: 4.5, group: 'c2' },
];

export const VETO_ITEM = 6;

/** Rules by item index: the last item can veto the whole assessment. */
export function rulesFor(table: DetectedTable): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  table.items.forEach((it, i) => {
    rules[it.id] =
      i === VETO_ITEM
        ? rule([{ kind: 'veto', scope: 'assessment', what: '计划外生育', span: SPAN }])
        : rule([]);
  });
  return rules;
}

export interface UnitSpec {
  sheet: string;
  /** 扣分 per item index (undefined = empty). */
  deductions: (number | undefined)[];
  reasons?: (string | undefined)[];
  /** Item indexes to leave out (a unit whose rubric lacks them). */
  omit?: number[];
  groups?: GroupSpec[];
  noScore?: boolean;
}

/**
 * A unit sheet in the fixture layout (A 项目 … E 扣分, F 得分, G 扣分原因) whose 得分 cells hold
 * =MAX(0,C-E) formulas with their cached values, as after the write-back.
 */
export function unitSheet(spec: UnitSpec): { sheet: SheetGrid; table: DetectedTable } {
  const items = ITEMS.map((it, i) => ({ ...it, i })).filter((it) => !spec.omit?.includes(it.i));
  const { sheet, table } = makeTable(
    spec.sheet,
    spec.groups ?? GROUPS,
    items.map((it) => ({
      ...it,
      deduction: spec.deductions[it.i] ?? null,
      reason: spec.reasons?.[it.i] ?? '',
      criteria: it.i === VETO_ITEM ? '发生计划外生育的，一票否决' : '每缺一项扣1分',
    })),
  );
  sheet.formulas = sheet.values.map((r) => r.map(() => null));
  for (const item of table.items) {
    const d = sheet.values[item.row]![4];
    const pts = item.points ?? 0;
    const f = `=MAX(0,C${item.row + 1}-E${item.row + 1})`;
    sheet.formulas[item.row]![5] = f;
    sheet.values[item.row]![5] = Math.max(0, Math.round((pts - (typeof d === 'number' ? d : 0)) * 100) / 100);
  }
  if (spec.noScore) {
    delete table.columns.score;
    for (const r of sheet.values) r[5] = null;
    delete sheet.formulas;
  }
  return { sheet, table };
}

/** The core's analysis of a sheet, the way analyzeWorkbook builds it from a detected table. */
export function analyse(sheet: SheetGrid, table: DetectedTable): SheetAnalysis {
  const rules = rulesFor(table);
  const entries = readEntries(sheet, table);
  return { table, rules, entries, score: scoreSheet(table, rules, entries) };
}

/** A workbook of unit sheets and its report (meta read from the workbook, as analyzeWorkbook does). */
export function workbookOf(
  specs: UnitSpec[],
  extra: SheetGrid[] = [],
): { wb: WorkbookGrid; tables: Map<string, DetectedTable> } {
  const tables = new Map<string, DetectedTable>();
  const sheets: SheetGrid[] = [];
  for (const s of specs) {
    const u = unitSheet(s);
    sheets.push(u.sheet);
    tables.set(s.sheet, u.table);
  }
  return { wb: { sheets: [...sheets, ...extra] }, tables };
}

/** Report for a workbook whose rubric tables are known (detection is not under test here). */
export function reportOf(wb: WorkbookGrid, tables: Map<string, DetectedTable>): WorkbookReport {
  const read = readMeta(wb);
  return {
    sheets: wb.sheets.map((s) => {
      const t = tables.get(s.name);
      return t
        ? { sheet: s.name, analysis: analyse(s, t), skipped: null, issues: [] }
        : {
            sheet: s.name,
            analysis: null,
            skipped: { sheet: s.name, reason: 'noHeader', code: 'noHeader', nearest: null },
            issues: [],
          };
    }),
    issues: [],
    meta: read.ok ? read.meta : emptyMeta(),
  };
}

/** Formatting ops recorded by the applier, by sheet. */
export interface Applied {
  wb: WorkbookGrid;
  fills: { sheet: string; range: string; color: string }[];
}

function setCell(s: SheetGrid, cell: string, value: CellValue, formula: string | null): void {
  const p = parseA1(cell);
  if (!p) throw new Error(`bad address ${cell}`);
  while (s.values.length <= p.row) s.values.push([]);
  const row = s.values[p.row]!;
  while (row.length <= p.col) row.push(null);
  row[p.col] = value;
  s.formulas ??= [];
  while (s.formulas.length <= p.row) s.formulas.push([]);
  const fr = s.formulas[p.row]!;
  while (fr.length <= p.col) fr.push(null);
  fr[p.col] = formula;
}

/**
 * Apply a plan to a copy of the workbook, the way a host does: sheets deleted and added in plan order,
 * then cell contents. Adding a sheet whose name exists (case-insensitively) fails, as in Excel.
 */
export function applyPlan(wb: WorkbookGrid, plan: WritePlan): Applied {
  const sheets: SheetGrid[] = structuredClone(wb.sheets);
  const fills: Applied['fills'] = [];
  const find = (name: string) => {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  for (const op of plan.ops) {
    switch (op.op) {
      case 'deleteSheet':
        sheets.splice(sheets.indexOf(find(op.sheet)), 1);
        break;
      case 'addSheet':
        if (sheets.some((s) => s.name.toLowerCase() === op.sheet.toLowerCase()))
          throw new Error(`sheet exists: ${op.sheet}`);
        sheets.push({ name: op.sheet, values: [], merges: [], ...(op.hidden ? { hidden: true } : {}) });
        break;
      case 'value':
        setCell(find(op.sheet), op.cell, op.value, null);
        break;
      case 'formula':
        setCell(find(op.sheet), op.cell, null, op.formula);
        break;
      case 'fill':
        find(op.sheet);
        fills.push({ sheet: op.sheet, range: op.range, color: op.color });
        break;
      case 'merge': {
        const r = parseRange(op.range);
        if (!r) throw new Error(`bad range ${op.range}`);
        find(op.sheet).merges.push(r);
        break;
      }
      default:
        find(op.sheet);
    }
  }
  return { wb: { sheets }, fills };
}

/** HyperFormula over a workbook grid (formulas where present, else values). */
export function evaluate(wb: WorkbookGrid): HyperFormula {
  const data: Record<string, (CellValue | string)[][]> = {};
  for (const s of wb.sheets) {
    data[s.name] = s.values.map((row, r) => row.map((v, c) => s.formulas?.[r]?.[c] ?? v));
    const width = Math.max(0, ...s.values.map((r) => r.length), ...(s.formulas ?? []).map((r) => r.length));
    for (let r = 0; r < (s.formulas?.length ?? 0); r++) {
      const rows = data[s.name]!;
      const row: (CellValue | string)[] = rows[r] ?? [];
      rows[r] = row;
      for (let c = 0; c < width; c++) {
        const f = s.formulas?.[r]?.[c];
        if (f) row[c] = f;
        else row[c] ??= null;
      }
    }
  }
  return HyperFormula.buildFromSheets(data as never, { licenseKey: 'gpl-v3' });
}

/** The evaluated value of sheet!A1 (an error value becomes its text, e.g. "#REF!"). */
export function valueAt(hf: HyperFormula, sheet: string, cell: string): CellValue {
  const id = hf.getSheetId(sheet);
  const p = parseA1(cell);
  if (id === undefined || !p) throw new Error(`no cell ${sheet}!${cell}`);
  const v = hf.getCellValue({ sheet: id, row: p.row, col: p.col });
  if (v !== null && typeof v === 'object') return `#${(v as { type: string }).type}`;
  return v as CellValue;
}

export { a1 };
