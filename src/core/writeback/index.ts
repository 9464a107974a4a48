/**
 * The write-back plan: formulas for 得分 (and 扣分 over entry columns), subtotals, the total and the
 * veto, data validation for what assessors type, and the product's metadata, as plain operations.
 *
 * Layout on each rubric sheet: the table's own cells are written only where the rubric has them
 * (扣分, 得分, the 合计 row's 得分). Subtotals go in added columns right of the table, one per group
 * level ("一级小计", "二级小计"), each group's subtotal in a cell merged over exactly the group's rows,
 * mirroring the group label merged over the same rows on the left; entry columns ("录入1" …) follow.
 * Nothing is inserted, so every user cell keeps its address, and the added headers are not rubric
 * header words, so detection reads the filled sheet as the same table.
 */
import { a1, a1Range, colIndex, colLetters, parseRange } from '../a1';
import type { WorkbookReport } from '../analyze';
import { bin, type Expr, fn, num, range, ref, str } from '../formula/ast';
import { unparse } from '../formula/unparse';
import {
  cellAt,
  type CellValue,
  formulaAt,
  mergeAt,
  type SheetGrid,
  textOf,
  type WorkbookGrid,
} from '../grid';
import { readEntries } from '../entries';
import { META_SHEET, type Meta, metaOps, metaSheetState, type SheetState } from '../meta';
import type { SheetAnalysis } from '../model';
import { fromCents, toCents } from '../num';
import {
  type Conflict,
  type Expected,
  expectedOf,
  type PlanWarning,
  type WriteOp,
  type WritePlan,
} from '../plan';
import type { RubricItem } from '../rubric';
import { handlerFor } from '../rules/kinds';
import type { Lang } from '../rules/registry';
import type { Rule } from '../rules/types';
import { capCents, emptyRule, hasAssessmentVeto, opensItems, schemeOf, scoreSheet } from '../score';
import {
  deductionFromEntries,
  type ItemCells,
  pointsOperand,
  roundedSum,
  schemeTotal,
  type SheetCols,
  scoreFromDeduction,
  scoreFromEntries,
  scoreFromTyped,
  sumArgs,
  unlessAnyText,
  vetoCondition,
} from './formulas';
import { deductionGuard, entryGuard, type Guard, rejectGuard, scoreGuard } from './guards';
import { WRITEBACK_TEXT } from './messages';
import { planPrint } from './print';
import { changedByHand, conflictAt, type Planned } from './ownership';

export { clipUnits, MESSAGE_MAX, TITLE_MAX } from './messages';

export interface WriteOptions {
  /** Add entry columns ("录入列") for items whose rule counts things. */
  entryColumns: boolean;
  /** Only these sheets (default: every rubric sheet of the report). */
  sheets?: string[];
  /** The product's metadata as it is in the workbook (report.meta). */
  meta: Meta;
  lang: Lang;
  /** "sheet!A1" cells the user agreed to overwrite. */
  overwrite?: string[];
}

/**
 * Headers of the assessor columns added to a rubric that has none. Always in Chinese, whatever the
 * pane's language: they are header words that detection reads back as the table's own columns.
 */
export const ASSESSOR_HEADERS = { deduction: '扣分', score: '得分', reason: '扣分原因' } as const;

/** Shading of entry cells that do not apply to their row, and of added headers. */
export const SHADE_NA = 'D9D9D9';
export const SHADE_HEADER = 'DDEBF7';

interface Cell {
  row: number;
  col: number;
}

interface SheetPlan {
  ops: WriteOp[];
  conflicts: Conflict[];
  warnings: PlanWarning[];
  state: SheetState;
}

/**
 * Above this many whole-assessment veto items on a sheet, their tests go into a helper column and
 * the total reads it with one COUNTIF, so the total stays far inside Excel's 8,192 characters and
 * 64 nesting levels whatever the number of veto items.
 */
export const VETO_INLINE_MAX = 8;

/**
 * Plan the write-back for every rubric sheet of a report.
 * @example
 * const report = analyzeWorkbook(grid);
 * const plan = planWrite(grid, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
 * if (plan.conflicts.length === 0) applyToHost(plan.ops);
 */
export function planWrite(wb: WorkbookGrid, report: WorkbookReport, opts: WriteOptions): WritePlan {
  const overwrite = new Set(opts.overwrite ?? []);
  const ops: WriteOp[] = [];
  const conflicts: Conflict[] = [];
  const warnings: PlanWarning[] = [];
  const states = new Map(opts.meta.sheets.map((s) => [s.sheet, s]));
  const pending = new Map((opts.meta.pending ?? []).map((s) => [s.sheet, s]));
  const planned: SheetState[] = [];
  for (const sr of report.sheets) {
    if (!sr.analysis) continue;
    if (opts.sheets && !opts.sheets.includes(sr.sheet)) continue;
    const sheet = wb.sheets.find((s) => s.name === sr.sheet);
    if (!sheet) continue;
    // Refused before anything is written, as Excel refuses: the plan has no op for a protected sheet.
    if (sheet.protected) {
      warnings.push({ code: 'sheetProtected', sheet: sheet.name, blocking: true });
      continue;
    }
    const p = planSheet(sheet, sr.analysis, states.get(sr.sheet), pending.get(sr.sheet), opts, overwrite);
    ops.push(...p.ops);
    conflicts.push(...p.conflicts);
    warnings.push(...p.warnings);
    states.set(sr.sheet, p.state);
    planned.push(p.state);
  }
  const { pending: _interrupted, ...base } = opts.meta;
  const meta: Meta = { ...base, sheets: [...states.values()] };
  const metaSheet = wb.sheets.find((s) => s.name === META_SHEET);
  let previous = 0;
  if (metaSheet) while (textOf(cellAt(metaSheet, previous + 1, 0)) !== '') previous++;
  // The record of the write goes first and claims nothing new (see Meta.pending); the final data last.
  const journal = metaOps({ ...base, pending: planned }, metaSheetState(wb), previous);
  const journalChunks = journal.filter((o) => o.op === 'value' && o.cell !== 'A1' && o.value !== null).length;
  const final = metaOps(meta, true, Math.max(previous, journalChunks));
  const owned = meta.sheets.flatMap((s) => s.owned.map((c) => `${s.sheet}!${c}`));
  const plan: WritePlan = { ops: [...journal, ...ops, ...final], owned, conflicts };
  if (warnings.length > 0) plan.warnings = warnings;
  return plan;
}

/** The first column right of everything in the table's rows (merges included). */
function rightEdge(sheet: SheetGrid, top: number, bottom: number): number {
  let right = -1;
  for (let r = top; r <= bottom; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = row.length - 1; c > right; c--) {
      if (textOf(row[c] ?? null) !== '' || formulaAt(sheet, r, c) !== null) {
        right = c;
        break;
      }
    }
  }
  for (const m of sheet.merges) if (m.bottom >= top && m.top <= bottom) right = Math.max(right, m.right);
  return right + 1;
}

function ruleOf(analysis: SheetAnalysis, item: RubricItem): Rule {
  return analysis.rules[item.id] ?? emptyRule(item.criteria);
}

function planSheet(
  sheet: SheetGrid,
  analysis: SheetAnalysis,
  state: SheetState | undefined,
  pending: SheetState | undefined,
  opts: WriteOptions,
  overwrite: ReadonlySet<string>,
): SheetPlan {
  const { table } = analysis;
  const name = sheet.name;
  const t = WRITEBACK_TEXT[opts.lang];
  const warnings: PlanWarning[] = [];
  const cols: SheetCols = {
    deduction: table.columns.deduction,
    score: table.columns.score,
    reason: table.columns.reason,
  };

  // Terms that take an input, per item; K entry columns cover the furthest such term.
  const inputs = new Map<string, number[]>();
  let k = 0;
  if (opts.entryColumns) {
    for (const item of table.items) {
      const idx: number[] = [];
      ruleOf(analysis, item).terms.forEach((term, j) => {
        if (handlerFor(term).input !== 'none') idx.push(j);
      });
      if (idx.length === 0) continue;
      inputs.set(item.id, idx);
      k = Math.max(k, idx[idx.length - 1]! + 1);
    }
  }
  // The added columns start where the last write (or an interrupted one) put them.
  const layoutOf = (x: SheetState | undefined) =>
    [
      ...(x?.subtotalColumns ?? []),
      ...(x?.entryColumns ?? []),
      ...(x?.vetoColumn ? [{ col: x.vetoColumn }] : []),
    ].map((c) => colIndex(c.col));
  const recorded = [...layoutOf(state), ...layoutOf(pending)];
  let edge = recorded.length > 0 ? Math.min(...recorded) : rightEdge(sheet, table.headerRow, table.lastRow);
  // A rubric as it is handed out, with no column for the assessors, gets 扣分 | 得分 (| 扣分原因) right
  // of the table so that it can be scored. On the next read they are the table's own columns.
  const assessorHeaders: [number, string][] = [];
  if (cols.deduction === undefined && cols.score === undefined) {
    cols.deduction = edge;
    cols.score = edge + 1;
    assessorHeaders.push([edge, ASSESSOR_HEADERS.deduction], [edge + 1, ASSESSOR_HEADERS.score]);
    edge += 2;
    if (cols.reason === undefined) {
      cols.reason = edge;
      assessorHeaders.push([edge, ASSESSOR_HEADERS.reason]);
      edge += 1;
    }
  }
  const start = edge;
  const canScore = cols.score !== undefined || cols.deduction !== undefined;
  const levels = canScore ? Math.max(0, ...table.groups.map((g) => g.level)) : 0;
  const subtotalCol = (level: number) => start + level - 1;
  const entryCol = (j: number) => start + levels + j;
  const allEntryCols = Array.from({ length: k }, (_, j) => entryCol(j));
  const vetoItems = table.items.filter((i) => hasAssessmentVeto(ruleOf(analysis, i)));
  const withTotal = table.totalRow !== null && cols.score !== undefined;
  const vetoCol = withTotal && vetoItems.length > VETO_INLINE_MAX ? start + levels + k : null;

  const writes = new Map<string, Planned & Cell>();
  const format: WriteOp[] = [];
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  const guards: { range: string; guard: Guard }[] = [];
  const put = (row: number, col: number, p: Planned) => writes.set(a1(row, col), { ...p, row, col });
  const formula = (row: number, col: number, e: Expr) => put(row, col, { formula: unparse(e) });

  // Added column headers.
  const addedCols: number[] = [];
  const header = (col: number, text: string, width: number) => {
    addedCols.push(col);
    put(table.headerRow, col, { value: text });
    const addr = a1(table.headerRow, col);
    format.push(
      { op: 'font', sheet: name, range: addr, bold: true },
      { op: 'fill', sheet: name, range: addr, color: SHADE_HEADER },
      { op: 'columnWidth', sheet: name, col: colLetters(col), width },
    );
  };
  for (const [col, text] of assessorHeaders) header(col, text, text === ASSESSOR_HEADERS.reason ? 16 : 7);
  for (let l = 1; l <= levels; l++) header(subtotalCol(l), t.subtotalHeader(l), 10);
  for (let j = 0; j < k; j++) header(entryCol(j), t.entryHeader(j), 9);
  if (vetoCol !== null) header(vetoCol, t.vetoHeader, 8);

  // Entries holding text ("1分"): the 得分 formula says so, and totals above it are not final.
  const textItems = new Set<string>();
  const textAt = (row: number, col: number): string | null => {
    if (formulaAt(sheet, row, col) !== null) return null;
    const v = cellAt(sheet, row, col);
    return typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'boolean' ? textOf(v) : null;
  };

  // Items.
  const cellsOf = new Map<string, ItemCells>();
  const scoreExpr = new Map<string, { cell: Cell | null; inline: Expr | null; typed: Cell | null }>();
  const handedOver = new Set(assessorHeaders.map(([col]) => a1(table.headerRow, col)));
  const hadEntries = (state?.entryColumns.length ?? 0) > 0 || (pending?.entryColumns.length ?? 0) > 0;
  const openItems = opensItems(table);
  for (const item of table.items) {
    const rule = ruleOf(analysis, item);
    const idx = inputs.get(item.id);
    const entryCols: (number | undefined)[] = rule.terms.map((_, j) =>
      idx?.includes(j) ? entryCol(j) : undefined,
    );
    const c: ItemCells = {
      item,
      rule,
      points: pointsOperand(item, cellAt(sheet, item.pointsCell.row, item.pointsCell.col)),
      pointsValue: item.points ?? 0,
      entryCols,
      allEntryCols,
      fromEntries: idx !== undefined,
      notNumber: t.notNumber,
      ...(openItems || rule.fromTotal === true ? { open: true } : {}),
    };
    cellsOf.set(item.id, c);
    const { row } = item;

    if (k > 0) {
      for (let j = 0; j < k; j++) {
        const col = entryCol(j);
        const term = idx?.includes(j) ? rule.terms[j] : undefined;
        const g = term ? entryGuard(term, item, rule, opts.lang) : null;
        if (g) guards.push({ range: a1(row, col), guard: g });
        else {
          guards.push({ range: a1(row, col), guard: rejectGuard(opts.lang) });
          format.push({
            op: 'fill',
            sheet: name,
            range: a1Range(row, col, item.lastRow, col),
            color: SHADE_NA,
          });
        }
      }
    }

    if (c.fromEntries) {
      if (cols.deduction !== undefined) formula(row, cols.deduction, deductionFromEntries(c));
      const ded = cols.deduction !== undefined ? ref(row, cols.deduction) : null;
      if (cols.score !== undefined) {
        formula(row, cols.score, scoreFromEntries(c, cols, ded));
        scoreExpr.set(item.id, { cell: { row, col: cols.score }, inline: null, typed: null });
      } else scoreExpr.set(item.id, { cell: null, inline: scoreFromEntries(c, cols, ded), typed: null });
    } else if (cols.deduction !== undefined) {
      const g = deductionGuard(item, rule, opts.lang, c.open);
      if (g) guards.push({ range: a1(row, cols.deduction), guard: g });
      const text = textAt(row, cols.deduction);
      if (text !== null) {
        textItems.add(item.id);
        warnings.push({ code: 'entryNotNumber', sheet: name, cell: a1(row, cols.deduction), text });
      }
      if (cols.score !== undefined) {
        formula(row, cols.score, scoreFromDeduction(c, cols, cols.deduction));
        scoreExpr.set(item.id, { cell: { row, col: cols.score }, inline: null, typed: null });
      } else
        scoreExpr.set(item.id, {
          cell: null,
          inline: scoreFromDeduction(c, cols, cols.deduction),
          typed: { row, col: cols.deduction },
        });
    } else if (cols.score !== undefined) {
      const g = scoreGuard(item, rule, opts.lang);
      if (g) guards.push({ range: a1(row, cols.score), guard: g });
      const text = textAt(row, cols.score);
      if (text !== null) {
        textItems.add(item.id);
        warnings.push({ code: 'entryNotNumber', sheet: name, cell: a1(row, cols.score), text });
      }
      scoreExpr.set(item.id, {
        cell: null,
        inline: scoreFromTyped(c, cols, cols.score),
        typed: { row, col: cols.score },
      });
    }

    // Entry columns turned off while they hold entries: what they scored stays, as typed numbers.
    if (!c.fromEntries && hadEntries) {
      const s = analysis.score.items.find((x) => x.itemId === item.id);
      if (s && s.source === 'counts') {
        const lost = Math.max(0, toCents(s.max) - toCents(s.score));
        if (cols.deduction !== undefined && toCents(s.score) <= toCents(s.max)) {
          if (lost > 0) {
            put(row, cols.deduction, { value: fromCents(lost) });
            handedOver.add(a1(row, cols.deduction));
            warnings.push({
              code: 'entriesCarried',
              sheet: name,
              cell: a1(row, cols.deduction),
              value: fromCents(lost),
            });
          }
        } else if (cols.score !== undefined) {
          put(row, cols.score, { value: s.score });
          handedOver.add(a1(row, cols.score));
          warnings.push({ code: 'entriesCarried', sheet: name, cell: a1(row, cols.score), value: s.score });
        }
      }
    }
  }

  const isFree = (row: number, col: number) =>
    !writes.has(a1(row, col)) &&
    formulaAt(sheet, row, col) === null &&
    textOf(cellAt(sheet, row, col)) === '';
  /** SUM arguments of some items and child groups, and the cells whose text makes the sum not final. */
  const sumOf = (itemIds: readonly string[], groupCells: Cell[]): { args: Expr[]; texts: Expr[] } => {
    const cells: { row: number; col: number; lastRow: number }[] = [];
    const inline: Expr[] = [];
    const typed: Expr[] = [];
    for (const id of itemIds) {
      const s = scoreExpr.get(id);
      const item = cellsOf.get(id)?.item;
      if (!s || !item) continue;
      if (s.cell) cells.push({ ...s.cell, lastRow: item.lastRow });
      else if (s.inline) {
        inline.push(s.inline);
        if (s.typed) typed.push(ref(s.typed.row, s.typed.col));
      }
    }
    const all = [...cells, ...groupCells.map((g) => ({ ...g, lastRow: g.row }))];
    return { args: sumArgs(all, inline, isFree), texts: [...sumArgs(all, [], isFree), ...typed] };
  };
  const finalSum = (x: { args: Expr[]; texts: Expr[] }) =>
    unlessAnyText(roundedSum(x.args), x.texts, t.pendingTotal);

  // Subtotals: one merged cell per group over the group's rows, in its level's column.
  const groupCell = new Map<string, Cell>();
  if (levels > 0) {
    for (const g of table.groups) groupCell.set(g.id, { row: g.firstRow, col: subtotalCol(g.level) });
    for (const g of table.groups) {
      const at = groupCell.get(g.id)!;
      const children = g.groupIds.map((id) => groupCell.get(id)).filter((x): x is Cell => x !== undefined);
      formula(at.row, at.col, finalSum(sumOf(g.itemIds, children)));
      if (g.lastRow > g.firstRow)
        merges.push({ top: g.firstRow, left: at.col, bottom: g.lastRow, right: at.col });
    }
  }

  // The total, with the veto.
  let vetoTextCell: Cell | null = null;
  if (withTotal && table.totalRow !== null && cols.score !== undefined) {
    const roots =
      levels > 0
        ? sumOf(
            table.rootItemIds,
            table.rootGroupIds.map((id) => groupCell.get(id)).filter((x): x is Cell => !!x),
          )
        : sumOf(
            table.items.map((i) => i.id),
            [],
          );
    const scheme = schemeOf(table);
    const open = opensItems(scheme);
    const sum = unlessAnyText(schemeTotal(roundedSum(roots.args), scheme, open), roots.texts, t.pendingTotal);
    const conds = vetoItems.map((i) => vetoCondition(cellsOf.get(i.id)!, cols));
    let fired: Expr | null = null;
    if (vetoCol !== null) {
      // Each veto item's test in its own row of the helper column; the total counts the 1s.
      vetoItems.forEach((item, n) => {
        formula(item.row, vetoCol, fn('IF', conds[n]!, num(1), num(0)));
      });
      const rows = vetoItems.map((i) => i.row);
      fired = bin(
        '>',
        fn('COUNTIF', range(Math.min(...rows), vetoCol, Math.max(...rows), vetoCol), num(1)),
        num(0),
      );
      warnings.push({ code: 'vetoHelper', sheet: name, col: colLetters(vetoCol), count: vetoItems.length });
    } else if (conds.length > 0) fired = conds.length === 1 ? conds[0]! : fn('OR', ...conds);
    formula(table.totalRow, cols.score, fired === null ? sum : fn('IF', fired, num(0), sum));
    if (vetoItems.length > 0) {
      const totalAddr = a1(table.totalRow, cols.score);
      format.push({
        op: 'note',
        sheet: name,
        cell: totalAddr,
        text: t.vetoNote(vetoItems.map((i) => i.label).join(t.listSep)),
      });
      const candidates: Cell[] = [];
      if (cols.reason !== undefined) candidates.push({ row: table.totalRow, col: cols.reason });
      if (levels + k > 0) candidates.push({ row: table.totalRow, col: start });
      vetoTextCell =
        candidates.find(
          (c) =>
            isFree(c.row, c.col) ||
            state?.formulas[a1(c.row, c.col)] !== undefined ||
            state?.owned.includes(a1(c.row, c.col)),
        ) ?? null;
      if (vetoTextCell) {
        let text: Expr = str('');
        if (vetoCol !== null && fired !== null)
          text = fn('IF', fired, str(t.vetoFiredAny(colLetters(vetoCol))), text);
        else
          for (let n = vetoItems.length - 1; n >= 0; n--) {
            const item = vetoItems[n]!;
            text = fn('IF', conds[n]!, str(t.vetoFired(item.label)), text);
          }
        formula(vetoTextCell.row, vetoTextCell.col, text);
      }
    }
  }

  // Cached results: the engine's own numbers on the sheet as it will be (formula cells read blank).
  const results = computeResults({
    sheet,
    analysis,
    writes,
    cols,
    inputs,
    allEntryCols,
    subtotalCol: levels > 0 ? subtotalCol : null,
    veto: vetoTextCell
      ? {
          cell: vetoTextCell,
          text: vetoCol !== null ? () => t.vetoFiredAny(colLetters(vetoCol)) : t.vetoFired,
        }
      : null,
    vetoCol,
    textItems,
    notNumber: t.notNumber,
    pendingTotal: t.pendingTotal,
  });

  // Ownership and conflicts: a cell in unconfirmed conflict gets no operation at all.
  const conflicts: Conflict[] = [];
  const newState: SheetState = {
    sheet: name,
    owned: [],
    formulas: {},
    entryColumns: allEntryCols.map((c, j) => ({ col: colLetters(c), header: t.entryHeader(j) })),
    rows: table.lastRow - table.firstRow + 1,
  };
  if (levels > 0)
    newState.subtotalColumns = Array.from({ length: levels }, (_, i) => ({
      col: colLetters(subtotalCol(i + 1)),
      level: i + 1,
    }));
  if (vetoCol !== null) newState.vetoColumn = colLetters(vetoCol);
  const expectedAt = (row: number, col: number): Expected =>
    expectedOf(cellAt(sheet, row, col), formulaAt(sheet, row, col));
  const ops: WriteOp[] = [];
  for (const [addr, w] of writes) {
    const planned: Planned = 'formula' in w ? { formula: w.formula } : { value: w.value };
    const c = conflictAt(sheet, addr, planned, state, overwrite);
    if (c) {
      const r = results.get(addr);
      if (r !== undefined) c.plannedResult = r;
      conflicts.push(c);
      continue;
    }
    // Added assessor headers and carried entries become the assessor's own cells: not owned.
    if (!handedOver.has(addr)) newState.owned.push(addr);
    const expected = expectedAt(w.row, w.col);
    if ('formula' in w) {
      newState.formulas[addr] = w.formula;
      const op: WriteOp = { op: 'formula', sheet: name, cell: addr, formula: w.formula, expected };
      const r = results.get(addr);
      if (r !== undefined) op.result = r;
      ops.push(op);
    } else ops.push({ op: 'value', sheet: name, cell: addr, value: w.value, expected });
  }
  // Cells owned before and not planned now are cleared (unless someone typed over or edited them since).
  for (const addr of state?.owned ?? []) {
    if (writes.has(addr)) continue;
    const pos = parseCell(addr);
    if (!pos) continue;
    const f = formulaAt(sheet, pos.row, pos.col);
    if (changedByHand(state, addr, f) || (f === null && textOf(cellAt(sheet, pos.row, pos.col)) === ''))
      continue;
    ops.push({ op: 'value', sheet: name, cell: addr, value: null, expected: expectedAt(pos.row, pos.col) });
  }
  for (const m of merges) {
    const existing = mergeAt(sheet, m.top, m.left);
    const same =
      existing &&
      existing.top === m.top &&
      existing.left === m.left &&
      existing.bottom === m.bottom &&
      existing.right === m.right;
    const clash = sheet.merges.some(
      (x) =>
        x !== existing && x.left <= m.right && x.right >= m.left && x.top <= m.bottom && x.bottom >= m.top,
    );
    if ((existing && !same) || clash) continue;
    // Merging keeps only the top-left cell: a cell below it in unconfirmed conflict keeps the merge out.
    const under: Conflict[] = [];
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const c = conflictAt(sheet, a1(r, m.left), { value: null }, state, overwrite);
      if (c) under.push(c);
    }
    conflicts.push(...under);
    if (under.length === 0)
      ops.push({ op: 'merge', sheet: name, range: a1Range(m.top, m.left, m.bottom, m.right) });
  }
  ops.push(...format);

  // Data validation: the user's own on a cell the plan would validate is a conflict, not replaced.
  const ours = new Set([...(state?.validated ?? []), ...(pending?.validated ?? [])]);
  const validated: string[] = [];
  for (const g of guards) {
    const r = parseRange(g.range);
    const users =
      r !== null &&
      !ours.has(g.range) &&
      (sheet.validations ?? []).some(
        (v) => v.top <= r.bottom && v.bottom >= r.top && v.left <= r.right && v.right >= r.left,
      );
    if (users && !overwrite.has(`${name}!${g.range}`)) {
      conflicts.push({ sheet: name, cell: g.range, existing: '', planned: '', kind: 'validation' });
      continue;
    }
    validated.push(g.range);
    ops.push({
      op: 'validation',
      sheet: name,
      range: g.range,
      rule: g.guard.rule,
      prompt: g.guard.prompt,
      error: g.guard.error,
    });
  }
  // The product's validation on cells it no longer guards (entry columns turned off) is removed.
  const now = new Set(validated);
  for (const range of state?.validated ?? [])
    if (!now.has(range)) ops.push({ op: 'clearValidation', sheet: name, range });
  if (validated.length > 0) newState.validated = validated;

  // Added columns are shown, and printed: a hidden one is shown again and said; the print area grows.
  const hidden = new Set(sheet.hiddenCols ?? []);
  const shown = [...new Set(addedCols)].filter((c) => hidden.has(c) && c !== vetoCol).sort((a, b) => a - b);
  if (shown.length > 0) {
    for (const c of shown) warnings.push({ code: 'columnHidden', sheet: name, col: colLetters(c) });
    ops.push({ op: 'hideColumns', sheet: name, cols: shown.map(colLetters), hidden: false });
  }
  if (sheet.printArea && sheet.printArea.length > 0 && addedCols.length > 0) {
    const right = Math.max(...addedCols);
    let grown = false;
    const areas = sheet.printArea.map((p) => {
      const inTable = p.top <= table.lastRow && p.bottom >= table.headerRow;
      if (!inTable || p.right >= right) return p;
      grown = true;
      return { ...p, right };
    });
    if (grown)
      ops.push({
        op: 'printArea',
        sheet: name,
        ranges: areas.map((p) => a1Range(p.top, p.left, p.bottom, p.right)),
      });
  }
  const printRight = Math.max(start - 1, ...addedCols.filter((c) => c !== vetoCol));
  ops.push(...planPrint({ sheet, table, right: printRight, helperCols: vetoCol === null ? [] : [vetoCol] }));
  return { ops, conflicts, warnings, state: newState };
}

function parseCell(addr: string): Cell | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(addr);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]!) };
}

interface ResultInput {
  sheet: SheetGrid;
  analysis: SheetAnalysis;
  writes: ReadonlyMap<string, Planned & Cell>;
  cols: SheetCols;
  inputs: ReadonlyMap<string, number[]>;
  allEntryCols: readonly number[];
  subtotalCol: ((level: number) => number) | null;
  veto: { cell: Cell; text: (label: string) => string } | null;
  vetoCol: number | null;
  /** Items whose entry holds text: their 得分 shows `notNumber`, the totals above them `pendingTotal`. */
  textItems: ReadonlySet<string>;
  notNumber: string;
  pendingTotal: string;
}

/**
 * The values the planned formulas will show, computed by the engine itself: the sheet as it will be
 * after the write (formula cells blank, 扣分 over entry columns filled in from the entries), scored.
 */
function computeResults(x: ResultInput): Map<string, CellValue> {
  const { table } = x.analysis;
  const copy: SheetGrid = { ...x.sheet, values: x.sheet.values.map((r) => [...r]) };
  const set = (row: number, col: number, v: CellValue) => {
    while (copy.values.length <= row) copy.values.push([]);
    copy.values[row]![col] = v;
  };
  for (const w of x.writes.values()) set(w.row, w.col, 'formula' in w ? null : w.value);
  const entryState: SheetState | undefined =
    x.allEntryCols.length > 0
      ? {
          sheet: x.sheet.name,
          owned: [],
          formulas: {},
          entryColumns: x.allEntryCols.map((c) => ({ col: colLetters(c), header: '' })),
          rows: 0,
        }
      : undefined;
  const out = new Map<string, CellValue>();
  let entries = readEntries(copy, table, entryState);
  const dedCol = x.cols.deduction;
  if (dedCol !== undefined && x.inputs.size > 0) {
    for (const item of table.items) {
      if (!x.inputs.has(item.id)) continue;
      const rule = ruleOf(x.analysis, item);
      const counts = entries.find((e) => e.itemId === item.id)?.counts ?? [];
      let cents = 0;
      rule.terms.forEach((term, j) => {
        cents += handlerFor(term).evaluate(term as never, counts[j] ?? null).deductionCents;
      });
      const cap = capCents(rule.cap, item.points);
      const v = fromCents(cap === null ? cents : Math.min(cap, cents));
      set(item.row, dedCol, v);
      out.set(a1(item.row, dedCol), v);
    }
    entries = readEntries(copy, table, entryState);
  }
  const score = scoreSheet(table, x.analysis.rules, entries);
  const scoreCol = x.cols.score;
  if (scoreCol !== undefined) {
    for (const s of score.items) {
      const item = table.items.find((i) => i.id === s.itemId);
      if (item && x.writes.has(a1(item.row, scoreCol))) out.set(a1(item.row, scoreCol), s.score);
    }
    if (table.totalRow !== null) out.set(a1(table.totalRow, scoreCol), score.total);
  }
  if (x.subtotalCol) {
    for (const g of score.groups) {
      const group = table.groups.find((y) => y.id === g.groupId);
      if (group) out.set(a1(group.firstRow, x.subtotalCol(group.level)), g.score);
    }
  }
  if (x.veto) {
    const first = score.vetoItemIds[0];
    const item = first ? table.items.find((i) => i.id === first) : undefined;
    out.set(a1(x.veto.cell.row, x.veto.cell.col), item ? x.veto.text(item.label) : '');
  }
  if (x.vetoCol !== null) {
    for (const s of score.items) {
      const item = table.items.find((i) => i.id === s.itemId);
      if (item && x.writes.has(a1(item.row, x.vetoCol))) out.set(a1(item.row, x.vetoCol), s.veto ? 1 : 0);
    }
  }
  if (x.textItems.size > 0) {
    if (scoreCol !== undefined)
      for (const item of table.items)
        if (x.textItems.has(item.id) && x.writes.has(a1(item.row, scoreCol)))
          out.set(a1(item.row, scoreCol), x.notNumber);
    const holds = new Map<string, boolean>();
    const pendingIn = (id: string): boolean => {
      const known = holds.get(id);
      if (known !== undefined) return known;
      const g = table.groups.find((y) => y.id === id);
      const v = !!g && (g.itemIds.some((i) => x.textItems.has(i)) || g.groupIds.some(pendingIn));
      holds.set(id, v);
      return v;
    };
    if (x.subtotalCol)
      for (const g of table.groups)
        if (pendingIn(g.id)) out.set(a1(g.firstRow, x.subtotalCol(g.level)), x.pendingTotal);
    if (table.totalRow !== null && scoreCol !== undefined && !score.vetoed)
      out.set(a1(table.totalRow, scoreCol), x.pendingTotal);
  }
  return out;
}
