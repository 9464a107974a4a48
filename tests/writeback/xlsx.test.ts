/**
 * `rubric-scorer fill` on real .xlsx files: what it writes, what it refuses, that a second run changes
 * nothing, what the ExcelJS writer loses, and LibreOffice's recalculation of the written formulas.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { applyPlan, lostParts, PlanConflictError } from '../../src/adapters/xlsx/write';
import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { a1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { readMeta } from '../../src/core/meta';
import type { SheetAnalysis } from '../../src/core/model';
import type { WritePlan } from '../../src/core/plan';
import { planWrite } from '../../src/core/writeback';
import { applyPlanToGrid } from '../helpers/hf';
import { recalcWithLibreOffice, sofficeMissing } from '../helpers/libreoffice';
import { rubricSheet } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'fill-test-'));

async function writeGrid(wb: WorkbookGrid, file: string): Promise<void> {
  const x = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = x.addWorksheet(s.name);
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  writeFileSync(file, new Uint8Array(await x.xlsx.writeBuffer()));
}

function capture(): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), errIsTTY: false }, out, err };
}

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

const SHEET = "张村 '一' 社区";

function deductionsFor(seed: number): (CellValue | undefined)[] {
  // A fixed spread of entries per seed: blanks, decimals, a value over the cap, a negative.
  const pool: (CellValue | undefined)[] = [undefined, 0.5, 1, 2.5, 7, -1, 0.1, 3, undefined, 1.5];
  return Array.from({ length: 13 }, (_, i) => pool[(i * 7 + seed * 3) % pool.length]);
}

describe('rubric-scorer fill', () => {
  const input = join(dir, 'in.xlsx');
  const output = join(dir, 'out.xlsx');
  const again = join(dir, 'again.xlsx');
  let grid: WorkbookGrid;

  beforeAll(async () => {
    const other: SheetGrid = { name: '说明', values: [['填表说明：扣分请填数字'], [null, 42]], merges: [] };
    grid = {
      sheets: [rubricSheet({ name: SHEET, deductions: deductionsFor(1), reasons: ['缺记录'] }).sheet, other],
    };
    await writeGrid(grid, input);
  });

  it('writes a new workbook, leaves the input alone, and says what it wrote', async () => {
    const before = hash(input);
    const c = capture();
    expect(await run(['fill', input, '-o', output], c.io)).toBe(0);
    expect(hash(input)).toBe(before);
    expect(c.out.join('')).toContain(`工作表「${SHEET}」：公式`);
    expect(c.out.join('')).toContain('其余内容均已保留');
    const filled = await readXlsx(output);
    expect(filled.sheets.find((s) => s.name === '说明')?.values).toEqual([
      ['填表说明：扣分请填数字'],
      [null, 42],
    ]);
    // The engine reads the filled workbook to the same totals as the original.
    const a = analyzeWorkbook(grid).sheets[0]!.analysis!;
    const b = analyzeWorkbook(filled).sheets.find((s) => s.sheet === SHEET)!.analysis!;
    expect(b.score.total).toBe(a.score.total);
    expect(b.score.items.map((s) => s.score)).toEqual(a.score.items.map((s) => s.score));
    // Formulas went in as formulas, with data validation on the 扣分 cells.
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(output);
    const ws = x.getWorksheet(SHEET)!;
    const item = a.table.items[0]!;
    expect(ws.getCell(item.row + 1, a.table.columns.score! + 1).formula).toMatch(/^IF\(ISNUMBER\(G3\)/);
    expect(ws.getCell(item.row + 1, a.table.columns.deduction! + 1).dataValidation).toMatchObject({
      type: 'decimal',
      formulae: [0, 5],
      showErrorMessage: true,
    });
    expect(x.getWorksheet('RubricScorerData')?.state).toBe('veryHidden');
  });

  it('running fill on its own output changes nothing', async () => {
    const c = capture();
    expect(await run(['fill', output, '-o', again], c.io)).toBe(0);
    const first = await readXlsx(output);
    const second = await readXlsx(again);
    expect(second).toEqual(first);
    const report = analyzeWorkbook(first);
    const plan = planWrite(first, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    expect(plan.conflicts).toEqual([]);
    for (const op of plan.ops) {
      if (op.op !== 'formula') continue;
      const s = first.sheets.find((x) => x.name === op.sheet)!;
      const p = /^([A-Z]+)(\d+)$/.exec(op.cell)!;
      const r = Number(p[2]) - 1;
      const col = p[1]!.charCodeAt(0) - 65;
      expect(s.formulas?.[r]?.[col], op.cell).toBe(op.formula);
    }
  });

  it('refuses to write over its input, also through another path', async () => {
    const link = join(dir, 'link.xlsx');
    symlinkSync(input, link);
    for (const out of [input, join(dir, '.', 'in.xlsx'), link]) {
      const c = capture();
      const before = hash(input);
      expect(await run(['fill', input, '-o', out], c.io)).toBe(2);
      expect(c.err.join('')).toContain('从不覆盖输入');
      expect(hash(input)).toBe(before);
    }
  });

  it('exits 1 on conflicts, lists them and writes nothing', async () => {
    const scores = new Array<CellValue | undefined>(13).fill(undefined);
    scores[2] = 1.5;
    const f = rubricSheet({ name: '考核表', scores });
    const file = join(dir, 'typed.xlsx');
    await writeGrid({ sheets: [f.sheet] }, file);
    const out = join(dir, 'typed-out.xlsx');
    const c = capture();
    expect(await run(['fill', file, '-o', out, '--lang', 'en'], c.io)).toBe(1);
    expect(c.err.join('')).toContain(`考核表!${a1(f.itemRows[2]!, f.cols.score!)}: holds "1.5"`);
    expect(existsSync(out)).toBe(false);
    // The adapter refuses a plan with conflicts too.
    const g = await readXlsx(file);
    const r = analyzeWorkbook(g);
    const plan = planWrite(g, r, { entryColumns: false, meta: r.meta, lang: 'zh' });
    expect(() => applyPlan(new ExcelJS.Workbook(), plan)).toThrow(PlanConflictError);
  });

  it('says what the .xlsx writer cannot keep (charts, shapes)', async () => {
    const zip = storedZip({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': '<workbook/>',
      'xl/charts/chart1.xml': '<c:chartSpace/>',
      'xl/drawings/drawing1.xml':
        '<xdr:wsDr><xdr:twoCellAnchor><xdr:sp macro=""/></xdr:twoCellAnchor></xdr:wsDr>',
    });
    expect(lostParts(zip).sort()).toEqual(['charts', 'shapes']);
    expect(lostParts(new Uint8Array(readFileSync(input)))).toEqual([]);
  });
});

/** A zip with stored (uncompressed) entries: enough for reading the directory and the parts. */
function storedZip(files: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const n = enc.encode(name);
    const data = enc.encode(text);
    const local = new Uint8Array(30 + n.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    local.set(data, 30 + n.length);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((a, p) => a + p.length, 0));
  let p = 0;
  for (const part of all) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

// --------------------------------------------------------------------------- LibreOffice Calc

const missing = sofficeMissing();

describe.skipIf(missing !== null)(
  `LibreOffice recalculates the written formulas${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    interface Case {
      file: string;
      sheet: string;
      expected: SheetAnalysis;
    }
    const cases: Case[] = [];

    /** Fill a workbook without cached results, so the figures can only come from LibreOffice. */
    async function filledWithoutResults(
      wb: WorkbookGrid,
      file: string,
      entryColumns: boolean,
      type?: (ws: ExcelJS.Worksheet, plan: WritePlan) => void,
    ): Promise<void> {
      const report = analyzeWorkbook(wb);
      const plan = planWrite(wb, report, { entryColumns, meta: report.meta, lang: 'zh' });
      expect(plan.conflicts).toEqual([]);
      const x = new ExcelJS.Workbook();
      const src = join(dir, `src-${cases.length}.xlsx`);
      await writeGrid(wb, src);
      await x.xlsx.readFile(src);
      applyPlan(x, {
        ...plan,
        ops: plan.ops.map((o) =>
          o.op === 'formula' ? { op: o.op, sheet: o.sheet, cell: o.cell, formula: o.formula } : o,
        ),
      });
      if (type) type(x.getWorksheet(wb.sheets[0]!.name)!, plan);
      writeFileSync(file, new Uint8Array(await x.xlsx.writeBuffer()));
    }

    beforeAll(async () => {
      for (const seed of [1, 2]) {
        const name = seed === 1 ? "张村 '一' 社区" : '（二）Sheet 2';
        const f = rubricSheet({
          name,
          deductions: deductionsFor(seed),
          reasons: seed === 2 ? [...new Array<undefined>(9).fill(undefined), '一票否决'] : [],
        });
        const wb = { sheets: [f.sheet] };
        const file = join(dir, `lo-${seed}.xlsx`);
        await filledWithoutResults(wb, file, false);
        cases.push({ file, sheet: name, expected: analyzeWorkbook(wb).sheets[0]!.analysis! });
      }
      // Entry columns with counts typed in: the engine scores them from the inputs.
      const f = rubricSheet({ name: '录入', noDeduction: false });
      const wb = { sheets: [f.sheet] };
      const file = join(dir, 'lo-entries.xlsx');
      const inputs: Record<number, CellValue[]> = {
        0: [3],
        2: [null, 2],
        3: [4, 1],
        4: [85.5],
        5: ['是'],
        6: [2],
        8: [2],
        10: ['否'],
        12: [5],
      };
      await filledWithoutResults(wb, file, true, (ws, plan) => {
        const meta = readMeta(applyPlanToGrid(wb, plan).wb).meta.sheets[0]!;
        for (const [i, vals] of Object.entries(inputs)) {
          vals.forEach((v, j) => {
            if (v !== null) ws.getCell(`${meta.entryColumns[j]!.col}${f.itemRows[Number(i)]! + 1}`).value = v;
          });
        }
      });
      const typed = await readXlsx(file);
      cases.push({
        file,
        sheet: '录入',
        expected: analyzeWorkbook(typed).sheets.find((s) => s.sheet === '录入')!.analysis!,
      });
    }, 60_000);

    it('gives the engine’s item scores, subtotals and totals (one soffice run)', () => {
      const csv = recalcWithLibreOffice(
        cases.map((c) => c.file),
        Object.fromEntries(cases.map((c) => [c.file, [c.sheet]])),
      );
      for (const c of cases) {
        const rows = csv[c.file]?.[c.sheet];
        expect(rows, `${c.file} ${c.sheet}`).toBeDefined();
        const at = (row: number, col: number) => Number(rows![row]?.[col] ?? Number.NaN);
        const { table, score } = c.expected;
        const col = table.columns.score!;
        for (const s of score.items) {
          const item = table.items.find((i) => i.id === s.itemId)!;
          expect(at(item.row, col), `${c.sheet}!${a1(item.row, col)}`).toBeCloseTo(s.score, 2);
        }
        expect(at(table.totalRow!, col), `${c.sheet} total`).toBeCloseTo(score.total, 2);
        const subtotalCols = new Map<number, number>();
        // Subtotal columns follow the table: level 1 right after its last column.
        const first = Math.max(...Object.values(table.columns)) + 1;
        for (const g of table.groups) subtotalCols.set(g.level, first + g.level - 1);
        for (const g of score.groups) {
          const group = table.groups.find((x) => x.id === g.groupId)!;
          expect(
            at(group.firstRow, subtotalCols.get(group.level)!),
            `${c.sheet} subtotal ${group.text}`,
          ).toBeCloseTo(g.score, 2);
        }
      }
      expect(cases.some((c) => c.expected.score.vetoed)).toBe(true);
      expect(cases.some((c) => c.expected.score.items.some((s) => s.source === 'counts'))).toBe(true);
    }, 240_000);
  },
);
