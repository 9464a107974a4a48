/**
 * The write plan evaluated by HyperFormula: item scores, subtotals and totals equal the engine's own,
 * for random entries; re-planning the filled sheet changes nothing; cells the product does not own are
 * never overwritten silently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, parseA1 } from '../../src/core/a1';
import { analyzeWorkbook } from '../../src/core/analyze';
import { detectTable } from '../../src/core/detect/index';
import type { CellValue, WorkbookGrid } from '../../src/core/grid';
import { META_SHEET, readMeta } from '../../src/core/meta';
import type { SheetAnalysis } from '../../src/core/model';
import type { WritePlan } from '../../src/core/plan';
import { handlerFor } from '../../src/core/rules/kinds';
import { capCents } from '../../src/core/score';
import { MESSAGE_MAX, planWrite, TITLE_MAX } from '../../src/core/writeback';
import { applyPlanToGrid, buildEngine, hfValue, recalculate, typeInto } from '../helpers/hf';
import { type FixtureCategory, RUBRIC, rubricSheet, type SheetOptions } from './fixtures';

const N_ITEMS = RUBRIC.flatMap((c) => c.sections.flatMap((s) => s.items)).length;

function analysisOf(wb: WorkbookGrid, sheet: string): SheetAnalysis {
  const a = analyzeWorkbook(wb).sheets.find((s) => s.sheet === sheet)?.analysis;
  if (!a) throw new Error(`no rubric on ${sheet}`);
  return a;
}

function fill(
  wb: WorkbookGrid,
  entryColumns = false,
  overwrite?: string[],
): { plan: WritePlan; filled: WorkbookGrid } {
  const report = analyzeWorkbook(wb);
  const plan = planWrite(wb, report, {
    entryColumns,
    meta: report.meta,
    lang: 'zh',
    ...(overwrite ? { overwrite } : {}),
  });
  return { plan, filled: applyPlanToGrid(wb, plan).wb };
}

/** Subtotal cells by group id: the plan's formula at the group's first row in its level's column. */
function subtotalCells(wb: WorkbookGrid, sheet: string, a: SheetAnalysis): Map<string, string> {
  const meta = readMeta(wb).meta.sheets.find((s) => s.sheet === sheet);
  const out = new Map<string, string>();
  for (const g of a.table.groups) {
    const col = meta?.subtotalColumns?.find((c) => c.level === g.level)?.col;
    if (col) out.set(g.id, `${col}${g.firstRow + 1}`);
  }
  return out;
}

/**
 * Every score figure of the sheet as HyperFormula computes it, beside the engine's. Rows whose entry
 * holds text (the plan's `entryNotNumber` warnings) show the fix-this marker in 得分, and every
 * subtotal above them and the total show the pending marker instead of a figure.
 */
function compare(filled: WorkbookGrid, sheet: string, expected: SheetAnalysis, plan?: WritePlan): void {
  const hf = buildEngine(filled);
  const { table, score } = expected;
  const textRows = new Set(
    (plan?.warnings ?? []).flatMap((w) =>
      w.code === 'entryNotNumber' && w.sheet === sheet ? [parseA1(w.cell)!.row] : [],
    ),
  );
  const pending = (v: CellValue) => typeof v === 'string' && v.startsWith('待改正');
  const scoreCol = table.columns.score;
  const num = (v: CellValue) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v);
  if (scoreCol !== undefined) {
    for (const s of score.items) {
      const item = table.items.find((i) => i.id === s.itemId)!;
      const cell = a1(item.row, scoreCol);
      const typed = expected.entries.find((e) => e.itemId === item.id)?.score;
      if (typed && typed.formula === null && table.columns.deduction === undefined) continue;
      if (textRows.has(item.row)) {
        expect(hfValue(hf, sheet, cell), `${sheet}!${cell} (${item.label})`).toBe('扣分不是数字，请改为数字');
        continue;
      }
      expect(num(hfValue(hf, sheet, cell)), `${sheet}!${cell} (${item.label})`).toBe(s.score);
    }
    if (table.totalRow !== null) {
      const total = hfValue(hf, sheet, a1(table.totalRow, scoreCol));
      // A fired veto makes the total 0 whatever else the sheet holds.
      if (textRows.size > 0 && !score.vetoed) expect(pending(total), `total ${String(total)}`).toBe(true);
      else expect(num(total), 'total').toBe(score.total);
    }
  }
  const cells = subtotalCells(filled, sheet, expected);
  for (const g of score.groups) {
    const cell = cells.get(g.groupId);
    expect(cell, `subtotal cell of ${g.groupId}`).toBeDefined();
    const group = table.groups.find((x) => x.id === g.groupId)!;
    const v = hfValue(hf, sheet, cell!);
    if ([...textRows].some((r) => r >= group.firstRow && r <= group.lastRow))
      expect(pending(v), `subtotal ${g.groupId} at ${cell}: ${String(v)}`).toBe(true);
    else expect(num(v), `subtotal ${g.groupId} at ${cell}`).toBe(g.score);
  }
  hf.destroy();
}

const deductionArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 0 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('1分', '无', 0.125) },
);
const reasonArb = fc.option(fc.constantFrom('材料不全', '发生计划外生育，一票否决', '否决', 'Veto'), {
  nil: undefined,
});

describe('typed 扣分: 得分 formulas, subtotals and total', () => {
  it('equal the engine for random entries, before and after filling', () => {
    fc.assert(
      fc.property(
        fc.array(deductionArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
        fc.array(reasonArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
        (deductions, reasons) => {
          const { sheet } = rubricSheet({ deductions, reasons });
          const wb = { sheets: [sheet] };
          const before = analysisOf(wb, sheet.name);
          const { plan, filled } = fill(wb);
          expect(plan.conflicts).toEqual([]);
          compare(filled, sheet.name, before, plan);
          // The engine on the recalculated, filled workbook reports the same figures.
          const after = analysisOf(recalculate(filled), sheet.name);
          expect(after.score.items.map((s) => s.score)).toEqual(before.score.items.map((s) => s.score));
          expect(after.score.total).toBe(before.score.total);
          expect(after.score.vetoed).toBe(before.score.vetoed);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a whole-assessment veto makes the total 0 and the sheet says why', () => {
    const deductions = new Array<CellValue | undefined>(N_ITEMS).fill(undefined);
    deductions[9] = 2;
    const { sheet, totalRow, cols } = rubricSheet({ deductions, reasons: [] });
    const wb = { sheets: [sheet] };
    const before = analysisOf(wb, sheet.name);
    expect(before.score.vetoed).toBe(true);
    const { plan, filled } = fill(wb);
    const hf = buildEngine(filled);
    expect(hfValue(hf, sheet.name, a1(totalRow!, cols.score!))).toBe(0);
    expect(String(hfValue(hf, sheet.name, a1(totalRow!, cols.reason)))).toContain('一票否决（计划外生育）');
    expect(plan.ops.some((o) => o.op === 'note' && o.text.includes('计划外生育'))).toBe(true);
  });
});

describe('typed 得分: numbers stay, guards and subtotals are added', () => {
  it('subtotals and total equal the engine for random typed scores', () => {
    const scoreArb = fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 50 }).map((n) => n / 10) },
    );
    fc.assert(
      fc.property(
        fc.array(scoreArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
        fc.array(reasonArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
        (scores, reasons) => {
          const { sheet, itemRows, cols } = rubricSheet({ noDeduction: true, scores, reasons });
          const wb = { sheets: [sheet] };
          const before = analysisOf(wb, sheet.name);
          const { plan, filled } = fill(wb);
          expect(plan.conflicts).toEqual([]);
          // The typed numbers are not written over.
          for (const r of itemRows)
            expect(
              plan.ops.some((o) => (o.op === 'formula' || o.op === 'value') && o.cell === a1(r, cols.score!)),
            ).toBe(false);
          compare(filled, sheet.name, before);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('guards typed 得分 between 0 (or no bound for 倒扣) and the points', () => {
    const { sheet, itemRows, cols } = rubricSheet({ noDeduction: true });
    const { plan } = fill({ sheets: [sheet] });
    const v = (row: number) =>
      plan.ops.find((o) => o.op === 'validation' && o.range === a1(row, cols.score!));
    expect(v(itemRows[0]!)).toMatchObject({ rule: { kind: 'decimal', min: 0, max: 5 } });
    const negative = v(itemRows[6]!);
    expect(
      negative && negative.op === 'validation' && negative.rule.kind === 'decimal' && negative.rule.min < 0,
    ).toBe(true);
    // 最高加1分 raises the maximum.
    expect(v(itemRows[12]!)).toMatchObject({ rule: { kind: 'decimal', min: 0, max: 3 } });
  });
});

/** A random input for an entry cell, of the kind its validation allows. */
function inputArb(kind: string, cap: number | null): fc.Arbitrary<CellValue> {
  const blank = fc.constant<CellValue>(null);
  switch (kind) {
    case 'count':
      return fc.oneof(blank, fc.integer({ min: 0, max: 7 }));
    case 'percent':
      return fc.oneof(
        blank,
        fc.integer({ min: 800, max: 1000 }).map((n) => n / 10),
      );
    case 'yesNo':
      return fc.oneof(blank, fc.constantFrom('是', '否'));
    default:
      return fc.oneof(
        blank,
        fc.integer({ min: 0, max: Math.round((cap ?? 5) * 10) }).map((n) => n / 10),
      );
  }
}

describe('entry columns', () => {
  const { sheet } = rubricSheet();
  const base = { sheets: [sheet] };
  const first = fill(base, true);
  const a = analysisOf(first.filled, sheet.name);
  const state = readMeta(first.filled).meta.sheets[0]!;
  const slots = a.table.items.flatMap((item) =>
    a.rules[item.id]!.terms.map((term, j) => ({ item, term, j })).filter(
      (s) => handlerFor(s.term).input !== 'none',
    ),
  );

  it('records the entry columns in term order and guards each input', () => {
    expect(first.plan.conflicts).toEqual([]);
    expect(state.entryColumns.length).toBe(2);
    const item = a.table.items[3]!; // 投稿不足5篇…，上稿不足3篇…: two terms, two inputs
    const cols = state.entryColumns.map((c) => `${c.col}${item.row + 1}`);
    const vs = cols.map((c) => first.plan.ops.find((o) => o.op === 'validation' && o.range === c));
    expect(vs.map((v) => v?.op === 'validation' && v.rule.kind)).toEqual(['wholeNumber', 'wholeNumber']);
    expect(vs[0]?.op === 'validation' && vs[0].prompt?.message).toContain('不足5篇扣1分');
    // A row with one input: the other cell is shaded and refuses input.
    const one = `${state.entryColumns[1]!.col}${a.table.items[0]!.row + 1}`;
    expect(first.plan.ops.find((o) => o.op === 'validation' && o.range === one)).toMatchObject({
      rule: { kind: 'reject' },
    });
    expect(first.plan.ops.some((o) => o.op === 'fill' && o.range === one)).toBe(true);
    const yesNo = `${state.entryColumns[0]!.col}${a.table.items[5]!.row + 1}`;
    expect(first.plan.ops.find((o) => o.op === 'validation' && o.range === yesNo)).toMatchObject({
      rule: { kind: 'list', values: ['是', '否'] },
    });
    const perPerson = first.plan.ops.find(
      (o) => o.op === 'validation' && o.range === `${state.entryColumns[0]!.col}${a.table.items[0]!.row + 1}`,
    );
    expect(perPerson?.op === 'validation' && perPerson.prompt?.message).toBe(
      '跟踪随访不到位的人数，每人扣0.5分，本项最多扣5分',
    );
  });

  it('扣分, 得分, subtotals and total follow random entries exactly as the engine scores them', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          ...slots.map((s) =>
            inputArb(
              handlerFor(s.term).input,
              (() => {
                const c = capCents(a.rules[s.item.id]!.cap, s.item.points);
                return c === null ? null : c / 100;
              })(),
            ),
          ),
        ),
        fc.array(reasonArb, { minLength: N_ITEMS, maxLength: N_ITEMS }),
        (inputs, reasons) => {
          const wb = structuredClone(first.filled);
          slots.forEach((s, n) => {
            typeInto(wb, sheet.name, `${state.entryColumns[s.j]!.col}${s.item.row + 1}`, inputs[n] ?? null);
          });
          a.table.items.forEach((item, n) => {
            typeInto(wb, sheet.name, a1(item.row, 8), reasons[n] ?? null);
          });
          const shown = recalculate(wb);
          const engine = analysisOf(shown, sheet.name);
          compare(shown, sheet.name, engine);
          // Counts entered are scored by the engine from the inputs alone, not from cached cells.
          const blind = structuredClone(wb);
          for (const s of blind.sheets)
            s.values = s.values.map((row, r) => row.map((v, c) => (s.formulas?.[r]?.[c] ? null : v)));
          const fromInputs = analysisOf(blind, sheet.name);
          engine.score.items.forEach((s, n) => {
            if (fromInputs.score.items[n]!.source === 'counts')
              expect(s.score).toBe(fromInputs.score.items[n]!.score);
          });
          // Re-planning the sheet with entries keeps every formula as it is.
          const again = planWrite(shown, analyzeWorkbook(shown), {
            entryColumns: true,
            meta: readMeta(shown).meta,
            lang: 'zh',
          });
          expect(again.conflicts).toEqual([]);
          expect(applyPlanToGrid(shown, again).wb).toEqual(shown);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('safe to run again', () => {
  it('the plan for a filled sheet is the plan that filled it, and applying it changes nothing', () => {
    for (const entryColumns of [false, true]) {
      const { sheet } = rubricSheet({ deductions: [1, 0.5] });
      const wb = { sheets: [sheet] };
      const { plan, filled } = fill(wb, entryColumns, entryColumns ? ['考核表!G3', '考核表!G4'] : undefined);
      expect(plan.conflicts).toEqual([]);
      const report = analyzeWorkbook(filled);
      const again = planWrite(filled, report, { entryColumns, meta: report.meta, lang: 'zh' });
      expect(again.conflicts).toEqual([]);
      // The same operations; only what each expects to find differs (empty the first time, the
      // product's own formula the second).
      const bare = (ops: WritePlan['ops']) =>
        ops.map((o) => {
          if (o.op !== 'formula' && o.op !== 'value') return o;
          const { expected: _, ...rest } = o;
          return rest;
        });
      // The product's data sheet records the write (a pending record first), so it is left out here;
      // applying the second plan below proves it changes nothing.
      const onTable = (ops: WritePlan['ops']) => ops.filter((o) => o.sheet !== META_SHEET);
      expect(bare(onTable(again.ops))).toEqual(bare(onTable(plan.ops)));
      expect(applyPlanToGrid(filled, again).wb).toEqual(filled);
    }
  });

  it('detection reads the filled sheet as the same table', () => {
    for (const entryColumns of [false, true]) {
      for (const opts of [{}, { noDeduction: true }] as SheetOptions[]) {
        const { sheet } = rubricSheet({ ...opts, deductions: [1], reasons: ['是'] });
        const { filled } = fill({ sheets: [sheet] }, entryColumns);
        const before = detectTable(sheet);
        const after = detectTable(filled.sheets[0]!);
        expect(after).toEqual(before);
      }
    }
  });

  it('switching entry columns off clears the headers it owned and keeps what assessors typed', () => {
    const { sheet } = rubricSheet();
    const on = fill({ sheets: [sheet] }, true).filled;
    const state = readMeta(on).meta.sheets[0]!;
    const input = `${state.entryColumns[0]!.col}3`;
    typeInto(on, sheet.name, input, 2);
    const off = fill(on, false);
    const header = `${state.entryColumns[0]!.col}2`;
    expect(off.plan.ops).toContainEqual(
      expect.objectContaining({ op: 'value', sheet: sheet.name, cell: header, value: null }),
    );
    // What the count scored is carried into 扣分 as a typed number, and the plan says so.
    const carried = off.plan.warnings?.find((w) => w.code === 'entriesCarried');
    expect(carried).toMatchObject({ sheet: sheet.name });
    expect(off.plan.ops).toContainEqual(
      expect.objectContaining({
        op: 'value',
        sheet: sheet.name,
        cell: carried && 'cell' in carried ? carried.cell : '',
      }),
    );
    expect(off.plan.ops.some((o) => 'cell' in o && o.cell === input)).toBe(false);
  });
});

describe('conflicts', () => {
  it('a typed 得分 where the formula goes is a conflict, and the user can agree to overwrite it', () => {
    const scores = new Array<CellValue | undefined>(N_ITEMS).fill(undefined);
    scores[1] = 1.5;
    const { sheet, itemRows, cols } = rubricSheet({ scores });
    const wb = { sheets: [sheet] };
    const report = analyzeWorkbook(wb);
    const cell = a1(itemRows[1]!, cols.score!);
    const plan = planWrite(wb, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({ sheet: '考核表', cell, existing: '1.5' });
    expect(plan.conflicts[0]!.planned).toMatch(/^=IF\(ISNUMBER/);
    const agreed = planWrite(wb, report, {
      entryColumns: false,
      meta: report.meta,
      lang: 'zh',
      overwrite: [`考核表!${cell}`],
    });
    expect(agreed.conflicts).toEqual([]);
  });

  it('a number typed over a formula the product owns is a conflict', () => {
    const { sheet, itemRows, cols } = rubricSheet();
    const { filled } = fill({ sheets: [sheet] });
    const cell = a1(itemRows[2]!, cols.score!);
    typeInto(filled, sheet.name, cell, 1);
    const report = analyzeWorkbook(filled);
    expect(report.sheets[0]!.issues.some((i) => i.code === 'formulaOverwritten' && i.cell === cell)).toBe(
      true,
    );
    const again = planWrite(filled, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    expect(again.conflicts).toEqual([expect.objectContaining({ cell, existing: '1' })]);
  });

  it('a formula the product owns, edited by hand, is a conflict and is not replaced unconfirmed', () => {
    const { sheet, itemRows, cols } = rubricSheet();
    const { filled } = fill({ sheets: [sheet] });
    const cell = a1(itemRows[2]!, cols.score!);
    const ws = filled.sheets.find((s) => s.name === sheet.name)!;
    const pos = { row: itemRows[2]!, col: cols.score! };
    const edited = `${ws.formulas![pos.row]![pos.col]!}-1`;
    ws.formulas![pos.row]![pos.col] = edited;
    const report = analyzeWorkbook(filled);
    const again = planWrite(filled, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    expect(again.conflicts).toEqual([expect.objectContaining({ cell, existing: edited })]);
  });

  it('user text where the veto message would go is kept: the message moves, nothing is overwritten', () => {
    const { sheet, totalRow, cols } = rubricSheet();
    sheet.values[totalRow!]![cols.reason] = '考核组签字：';
    const { plan } = fill({ sheets: [sheet] });
    expect(plan.conflicts).toEqual([]);
    expect(plan.ops.some((o) => 'cell' in o && o.cell === a1(totalRow!, cols.reason))).toBe(false);
    expect(plan.ops.some((o) => o.op === 'formula' && o.formula.includes('一票否决（'))).toBe(true);
  });
});

describe('prompts and names', () => {
  it('prompt titles fit 32 characters and messages 255, also for long rubric wording', () => {
    const long = '跟踪随访'.repeat(60);
    const rubric: FixtureCategory[] = [
      {
        label: '(一)日常工作',
        sections: [
          {
            label: '1、基础',
            items: [
              {
                text: '(1)'.concat('很长的项目'.repeat(20)),
                points: 5,
                criteria: `${long}不到位的扣0.5分/人，${long}不足5篇的扣1分`,
              },
            ],
          },
        ],
      },
    ];
    for (const [noDeduction, entryColumns] of [
      [false, false],
      [true, false],
      [false, true],
    ] as const) {
      const { sheet } = rubricSheet({ rubric, noDeduction });
      for (const lang of ['zh', 'en'] as const) {
        const report = analyzeWorkbook({ sheets: [sheet] });
        const plan = planWrite({ sheets: [sheet] }, report, { entryColumns, meta: report.meta, lang });
        const vs = plan.ops.filter((o) => o.op === 'validation');
        expect(vs.length).toBeGreaterThan(0);
        for (const v of vs) {
          for (const m of [v.prompt, v.error]) {
            if (!m) continue;
            expect(m.title.length).toBeLessThanOrEqual(TITLE_MAX);
            expect(m.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
          }
        }
        // The whole rule in words is longer than Excel allows: cut, and marked as cut.
        if (!entryColumns)
          expect(
            vs.some((v) => v.prompt?.message.length === MESSAGE_MAX && v.prompt.message.endsWith('…')),
          ).toBe(true);
      }
    }
  });

  it('works on sheets named with spaces, quotes, brackets and Chinese, and keeps other sheets', () => {
    const names = ["张村 'A'", '（一）社区 考核', 'Sheet 1 (2)'];
    const sheets = names.map((name, i) => rubricSheet({ name, deductions: [i, 1] }).sheet);
    const other = { name: '说明', values: [['本表说明']], merges: [] };
    const wb = { sheets: [...sheets, other] };
    const before = analyzeWorkbook(wb);
    const { plan, filled } = fill(wb);
    expect(plan.conflicts).toEqual([]);
    for (const s of before.sheets) if (s.analysis) compare(filled, s.sheet, s.analysis);
    expect(filled.sheets.find((s) => s.name === '说明')).toEqual(other);
    expect(filled.sheets.some((s) => s.name === META_SHEET)).toBe(true);
  });
});
