/**
 * The summary as values, for the CLI: one workbook per unit comes in, one new workbook goes out with a
 * 汇总 sheet (each row's source file and sheet), a 扣分明细 sheet and a 检查问题 sheet. Units whose
 * workbook has error-severity findings are included but flagged and not ranked, so nothing is summed
 * silently; unreadable files are listed on 检查问题.
 */
import { a1, a1Range, colLetters } from '../a1';
import type { WorkbookReport } from '../analyze';
import type { CellValue } from '../grid';
import { formatIssue, type Lang } from '../i18n';
import { type Issue, RUBRIC_ISSUE_CODES } from '../issues';
import { toCents } from '../num';
import type { WriteOp, WritePlan } from '../plan';
import { VETO_RANK_KEY } from './rank';
import { formatNote, LABELS, note, type SummaryNote } from './messages';
import {
  type GroupColumn,
  groupColumns,
  groupFor,
  isAssessmentVeto,
  itemPath,
  type SummaryUnit,
} from './structure';

/** One input file: its report, or why it could not be read. */
export type SummaryInput = { file: string; report: WorkbookReport } | { file: string; error: string };

/** A unit's figures as the core computes them. */
export interface UnitFigures {
  /** Subtotal per column, null where the unit lacks the group. */
  groups: (number | null)[];
  total: number;
  vetoed: boolean;
  vetoReason: string;
  /** Items that lost points. */
  deductions: number;
}

/** The core's figures for a unit, in the summary's columns. */
export function unitFigures(unit: SummaryUnit, columns: readonly GroupColumn[]): UnitFigures {
  const { table, score, entries } = unit.analysis;
  const groups = columns.map((c) => {
    const g = groupFor(unit, c);
    return g ? (score.groups.find((x) => x.groupId === g.id)?.score ?? 0) : null;
  });
  const vetoItem = table.items.find(
    (i) => score.vetoItemIds.includes(i.id) && isAssessmentVeto(unit.analysis.rules[i.id]),
  );
  const reason = vetoItem ? (entries.find((e) => e.itemId === vetoItem.id)?.reason ?? '') : '';
  return {
    groups,
    total: score.total,
    vetoed: score.vetoed,
    vetoReason: vetoItem ? `${vetoItem.label}${reason ? `（${reason}）` : ''}` : '',
    deductions: score.items.filter((s) => s.deduction > 0).length,
  };
}

/** Ranks by total, vetoed units last, unranked (null) where `ranked` is false. Ties share a rank. */
export function ranks(figures: readonly UnitFigures[], ranked: readonly boolean[]): (number | null)[] {
  const key = (f: UnitFigures) => (f.vetoed ? toCents(VETO_RANK_KEY) : toCents(f.total));
  return figures.map((f, i) => {
    if (!ranked[i]) return null;
    return 1 + figures.filter((g, j) => ranked[j] && key(g) > key(f)).length;
  });
}

export interface SummaryValuesPlan extends WritePlan {
  units: {
    name: string;
    file: string;
    sheet: string;
    figures: UnitFigures;
    rank: number | null;
    errors: number;
  }[];
  notes: SummaryNote[];
  /** Error-severity findings per file (for the console). */
  problems: { file: string; issue: Issue }[];
}

function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/i, '');
}

/**
 * Plan a new summary workbook from the reports of unit workbooks.
 * @example planSummaryValues([{ file: '东风社区.xlsx', report }], { lang: 'zh' }).units[0]?.figures.total
 */
export function planSummaryValues(inputs: readonly SummaryInput[], opts: { lang: Lang }): SummaryValuesPlan {
  const L = LABELS[opts.lang];
  const notes: SummaryNote[] = [];
  const problems: { file: string; issue: Issue }[] = [];
  const units: (SummaryUnit & { file: string; errors: number })[] = [];
  for (const input of inputs) {
    if ('error' in input) {
      notes.push(note('fileUnreadable', { file: input.file, detail: input.error }));
      continue;
    }
    const rep = input.report;
    const rubricSheets = rep.sheets.filter((s) => s.analysis !== null);
    if (rubricSheets.length === 0) {
      problems.push({
        file: input.file,
        issue: { code: 'noRubric', severity: 'error', sheet: '', cell: null, params: { file: input.file } },
      });
      continue;
    }
    for (const i of rep.issues) if (i.severity === 'error') problems.push({ file: input.file, issue: i });
    for (const sr of rubricSheets) {
      const allErrors = sr.issues.filter((i) => i.severity === 'error');
      for (const i of allErrors) problems.push({ file: input.file, issue: i });
      // A fault of the rubric itself (declared points that do not add up…) is the same for every unit
      // and is listed, but only errors in a unit's own entries keep it out of the ranking.
      const errors = allErrors.filter((i) => !RUBRIC_ISSUE_CODES.has(i.code));
      if (errors.length > 0)
        notes.push(note('failedChecks', { file: input.file, sheet: sr.sheet, errors: errors.length }));
      const name = rubricSheets.length === 1 ? fileStem(input.file) : `${fileStem(input.file)} ${sr.sheet}`;
      // analysis is non-null for every sheet in rubricSheets.
      units.push({ name, sheet: sr.sheet, file: input.file, analysis: sr.analysis!, errors: errors.length });
    }
  }
  if (units.length === 0) notes.push(note('noUnits'));
  notes.push(note('chartSkipped'));
  const { columns, notes: structureNotes } = groupColumns(units);
  notes.push(...structureNotes);
  const figures = units.map((u) => unitFigures(u, columns));
  const rank = ranks(
    figures,
    units.map((u) => u.errors === 0),
  );

  const ops: WriteOp[] = [];
  const S = L.summarySheet;
  const D = L.deductionSheet;
  const P = L.problemSheet;
  ops.push({ op: 'addSheet', sheet: S }, { op: 'addSheet', sheet: D }, { op: 'addSheet', sheet: P });
  const put = (sheet: string, r: number, c: number, v: CellValue): void => {
    ops.push({ op: 'value', sheet, cell: a1(r, c), value: v });
  };
  const putRow = (sheet: string, r: number, c0: number, vs: readonly CellValue[]): void => {
    for (const [i, v] of vs.entries()) put(sheet, r, c0 + i, v);
  };
  const widths = (sheet: string, ws: readonly number[]): void => {
    for (const [c, width] of ws.entries()) ops.push({ op: 'columnWidth', sheet, col: colLetters(c), width });
  };

  // 汇总
  const head = [
    L.no,
    L.unit,
    L.file,
    L.sheet,
    ...columns.map((c) => `${c.header}${L.points_suffix(c.max)}`),
    L.total,
    L.rank,
    L.veto,
    L.vetoReason,
    L.deductions,
    L.status,
  ];
  const last = head.length - 1;
  put(
    S,
    0,
    0,
    units.length > 0 &&
      new Set(units.map((u) => u.analysis.table.title)).size === 1 &&
      units[0]?.analysis.table.title
      ? `${units[0].analysis.table.title}（${L.summarySheet}）`
      : L.title,
  );
  ops.push({ op: 'font', sheet: S, range: 'A1', bold: true });
  putRow(S, 1, 0, head);
  ops.push(
    { op: 'fill', sheet: S, range: a1Range(1, 0, 1, last), color: '#D9E1F2' },
    { op: 'font', sheet: S, range: a1Range(1, 0, 1, last), bold: true },
  );
  const g0 = 4;
  const tc = g0 + columns.length;
  const open = figures.filter((f, i) => !f.vetoed && rank[i] !== null).map((f) => toCents(f.total));
  const lowest = open.length >= 2 ? Math.min(...open) : null;
  units.forEach((u, i) => {
    const r = 2 + i;
    const f = figures[i]!;
    put(S, r, 0, i + 1);
    put(S, r, 1, u.name);
    put(S, r, 2, u.file);
    put(S, r, 3, u.sheet);
    putRow(S, r, g0, f.groups);
    put(S, r, tc, f.total);
    put(S, r, tc + 1, rank[i] ?? '—');
    put(S, r, tc + 2, f.vetoed ? L.veto : '');
    put(S, r, tc + 3, f.vetoReason);
    put(S, r, tc + 4, f.deductions);
    put(S, r, tc + 5, u.errors > 0 ? L.statusFailed(u.errors) : L.statusOk);
    const color = f.vetoed
      ? '#F8CBAD'
      : u.errors > 0
        ? '#FFC7CE'
        : lowest !== null && toCents(f.total) === lowest
          ? '#FFE699'
          : null;
    if (color) ops.push({ op: 'fill', sheet: S, range: a1Range(r, 0, r, last), color });
  });
  put(S, units.length + 3, 0, L.legend);
  widths(S, [6, 16, 24, 14]);
  ops.push({ op: 'columnWidth', sheet: S, col: colLetters(tc + 3), width: 30 });

  // 扣分明细
  const dHead = [
    L.no,
    L.unit,
    L.file,
    L.sheet,
    L.category,
    L.section,
    L.item,
    L.points,
    L.deduction,
    L.score,
    L.reason,
    L.cell,
  ];
  putRow(D, 0, 0, dHead);
  ops.push(
    { op: 'fill', sheet: D, range: a1Range(0, 0, 0, dHead.length - 1), color: '#D9E1F2' },
    { op: 'font', sheet: D, range: a1Range(0, 0, 0, dHead.length - 1), bold: true },
  );
  let r = 1;
  for (const u of units) {
    const { table, score, entries } = u.analysis;
    for (const item of table.items) {
      const s = score.items.find((x) => x.itemId === item.id);
      if (!s || s.deduction <= 0) continue;
      const path = itemPath(table, item);
      const at = table.columns.deduction ?? table.columns.score;
      const row = [
        r,
        u.name,
        u.file,
        u.sheet,
        path.category,
        path.section,
        item.label,
        item.points,
        s.deduction,
        s.score,
        entries.find((e) => e.itemId === item.id)?.reason ?? '',
        at === undefined ? '' : a1(item.row, at),
      ];
      putRow(D, r, 0, row);
      r++;
    }
  }
  if (r === 1) put(D, 1, 0, L.noDeductions);

  // 检查问题
  const pHead = [L.file, L.sheet, L.cell, L.severity, L.code, L.message];
  putRow(P, 0, 0, pHead);
  ops.push({ op: 'font', sheet: P, range: a1Range(0, 0, 0, pHead.length - 1), bold: true });
  let pr = 1;
  for (const p of problems) {
    putRow(P, pr, 0, [
      p.file,
      p.issue.sheet,
      p.issue.cell ?? '',
      p.issue.severity,
      p.issue.code,
      formatIssue(p.issue, opts.lang),
    ]);
    pr++;
  }
  for (const n of notes) {
    if (n.severity === 'info' || n.code === 'failedChecks') continue;
    putRow(P, pr, 0, [
      String(n.params.file ?? ''),
      String(n.params.sheet ?? ''),
      '',
      n.severity,
      n.code,
      formatNote(n, opts.lang),
    ]);
    pr++;
  }
  widths(P, [24, 14, 8, 8, 20, 80]);

  return {
    ops,
    owned: [],
    conflicts: [],
    units: units.map((u, i) => ({
      name: u.name,
      file: u.file,
      sheet: u.sheet,
      figures: figures[i]!,
      rank: rank[i] ?? null,
      errors: u.errors,
    })),
    notes,
    problems,
  };
}
