/**
 * The summary sheets of a workbook whose rubric sheets are the assessed units: a 汇总 sheet (one row
 * per unit: category and section subtotals, total, veto, rank, number of deductions, all live
 * cross-sheet formulas, plus a bar chart of the totals) and a 扣分明细 sheet (every deduction, linked
 * to its cell). Regenerating deletes only the sheets the product generated before (recorded in the
 * workbook metadata) and never a sheet the user made. The 汇总 is laid out to be printed for 公示
 * (title, header row on each page, helpers hidden, signature line, A4 one page wide: print.ts).
 *
 * Layout: units as rows, one rubric sheet per unit. A single table with one column per unit
 * (东风社区得分 | 新华社区得分 …) is detected and reported as not supported (note `unitsAsColumns`).
 */
import type { WorkbookReport } from '../analyze';
import { a1, a1Range, colLetters } from '../a1';
import { bin, type Expr, fn, num, ref, str } from '../formula/ast';
import { unparse } from '../formula/unparse';
import type { CellValue, WorkbookGrid } from '../grid';
import type { Lang } from '../i18n';
import { META_SHEET, metaOps, metaSheetState } from '../meta';
import type { PageBreaks, WriteOp, WritePlan } from '../plan';
import { countDeductions, linkTo, sumColumn, sumScores, textRef, vetoItems, vetoReason } from './live';
import {
  assignGrades,
  describeGrades,
  type GradeOptions,
  type GradeRules,
  gradeExpr,
  quotaNotes,
  readGradeRules,
  resolveGradeRules,
} from './grades';
import { LABELS, note, type SummaryNote } from './messages';
import {
  defaultRankMode,
  firstOccurrenceExpr,
  type RankMode,
  rankExpr,
  rankKeyExpr,
  rankValues,
} from './rank';
import { closeMatches, preferredCopy, rosterMatch, unitKey } from './identity';
import {
  compareSelfScores,
  entryFingerprint,
  type HoldReason,
  type SelfScoreComparison,
  statusWords,
} from './readiness';
import { type GroupColumn, groupColumns, groupFor, itemPath, itemsOf, type SummaryUnit } from './structure';
import { ownSummarySheets, pickName, workbookUnits } from './units';
import { assessorOf, type CombineMode, MODE_WORDS, combineExpr, combineScores } from './assessors';
import { combinedSlipItems, planSlips, type SlipUnit, slipItems, slipsSheetName } from './slips';
import { unitFigures } from './values';
import { planSummaryPrint } from './print';

export { findRosterSheet } from './units';
export {
  assignGrades,
  describeGrades,
  type GradeBand,
  type GradeEntry,
  type GradeOptions,
  type GradeQuota,
  type GradeRules,
  type GradeSource,
  gradeByThreshold,
  gradeExpr,
  parseGradesOption,
  parseGradeText,
  parseQuotaOption,
  quotaLimit,
  quotaNotes,
  type QuotaOutcome,
  quotaOutcomes,
  readGradeRules,
} from './grades';

export {
  defaultRankMode,
  RANK_MODES,
  type RankEntry,
  type RankMode,
  rankValues,
  VETO_RANK_KEY,
} from './rank';
export {
  compareSelfScores,
  entryErrors,
  statusWords,
  type SelfScoreComparison,
  type SelfScoreDiff,
} from './readiness';

export { formatNote, LABELS, SUMMARY_CODES, type SummaryCode, type SummaryNote } from './messages';
export {
  type HoldReason,
  type MissingUnit,
  planSummaryValues,
  type SummaryInput,
  type SummaryValuesOptions,
  type SummaryValuesPlan,
  type SummaryValuesUnit,
  type UnitFigures,
  unitFigures,
} from './values';
export {
  closeMatches,
  rosterMatch,
  rosterNames,
  rosterRowsFromText,
  similarity,
  unitKey,
} from './identity';
export type { GroupColumn, SummaryUnit } from './structure';
export { planSummaryPrint, type SummaryPrintInput, type SummaryPrintPlan } from './print';
export {
  combinedSlipItems,
  planSlips,
  type SlipItem,
  type SlipUnit,
  type SlipsPlan,
  slipItems,
  slipsSheetName,
} from './slips';

export interface SummaryOptions {
  lang: Lang;
  /** The unit sheets to summarise, in order; default: every rubric sheet of the workbook. */
  unitSheets?: string[];
  /** How ties rank; default 中国式排名 (dense) in Chinese, competition ranking in English. */
  rankMode?: RankMode;
  /** The units expected (a roster sheet's names, see rosterNames): missing ones are listed apart. */
  roster?: readonly string[];
  /** 等次 thresholds and quotas (over what the rubrics' notes say). */
  grades?: GradeOptions;
  /**
   * Add the 结果通知单 sheet (one printable page per unit, the figures of the 汇总 as values), with a
   * manual page break after each unit (`pageBreaks`), as the CLI's --slips does.
   */
  slips?: boolean;
  /**
   * Several assessors' sheets of one unit (新华社区-张三, 新华社区-李四, or a 考核人 cell on each) become
   * one row, as the CLI combines several workbooks: how (default mean) and, for `weighted`, each
   * assessor's weight (default 1).
   */
  assessors?: { mode: CombineMode; weights?: ReadonlyMap<string, number> };
}

/** What the pane shows per unit: the figures as read now, and whether the unit is ready. */
export interface UnitStatus {
  /** The unit's sheet (the first assessor's, for a unit scored by several). */
  sheet: string;
  /** The unit's name as the 汇总 shows it (the sheet's name, or the unit of several assessors' sheets). */
  name: string;
  /** The assessors combined into this unit (empty: one sheet). */
  assessors: string[];
  total: number;
  vetoed: boolean;
  /** Open errors in the unit's own entries; > 0 withholds its rank. */
  errors: number;
  /** Why the rank is withheld; empty when ranked. */
  hold: HoldReason[];
  /** The roster name the sheet matched (null: no roster, or no match). */
  rosterName: string | null;
  /** The rank as the core computes it now (null: withheld). */
  rank: number | null;
  /** 自评分 beside the assessor's scores, when the table has a filled 自评分 column. */
  self: SelfScoreComparison | null;
  /** 等次 now: null where withheld or without grade rules, '' below every band. */
  grade: string | null;
}

/** A generated sheet and whether the plan creates it or replaces the product's earlier one. */
export interface PlannedSheet {
  name: string;
  role: 'summary' | 'deductions' | 'slips';
  action: 'create' | 'replace';
}

export interface SummaryPlan extends WritePlan {
  /** The sheets the plan writes, for the user to confirm before applying. */
  sheets: PlannedSheet[];
  /** Earlier generated sheets the plan deletes (all of them, also ones under another name). */
  deletes: string[];
  /** The units summarised, in row order (sheet names). */
  units: string[];
  /** Per unit (same order): figures, readiness and rank now. */
  status: UnitStatus[];
  rankMode: RankMode;
  /** The 等次 rules used (null: none found or given). */
  grades: GradeRules | null;
  /** Roster names without a unit sheet (empty without a roster). */
  missing: { name: string; maybe: string[] }[];
  notes: SummaryNote[];
}

/** Fill colours of the generated sheets. */
export const COLORS = {
  header: '#D9E1F2',
  veto: '#F8CBAD',
  lowest: '#FFE699',
  notReady: '#FFC7CE',
  muted: '#808080',
} as const;

/** 0-based layout of the 汇总 sheet. */
export interface SummaryLayout {
  headerRow: number;
  firstRow: number;
  groupCol0: number;
  total: number;
  rank: number;
  /** 等次 (present when there are grade rules). */
  grade: number | null;
  veto: number;
  reason: number;
  deductions: number;
  /** Why the rank is withheld, in words ("通过" when ranked), as found when the summary was generated. */
  status: number;
  /** How many reasons withhold the rank (> 0 withholds it); clearing it ranks the unit. */
  hold: number;
  /** 自评总分 and 与自评分差 (present when some unit has a 自评分 column). */
  selfTotal: number | null;
  selfDiff: number | null;
  /** Helper: the key ranks are counted on. */
  key: number;
  /** Helper: 1 on the first row of each key (dense ranking). */
  first: number;
}

/** Where each column of the 汇总 sheet is, for `groups` subtotal columns. */
export function summaryLayout(groups: number, opts: { self?: boolean; grade?: boolean } = {}): SummaryLayout {
  const total = 2 + groups;
  const g = opts.grade === true ? 1 : 0;
  const status = total + 5 + g;
  const hold = status + 1;
  const self = opts.self === true;
  const key = hold + (self ? 3 : 1);
  return {
    headerRow: 2,
    firstRow: 3,
    groupCol0: 2,
    total,
    rank: total + 1,
    grade: g === 1 ? total + 2 : null,
    veto: total + 2 + g,
    reason: total + 3 + g,
    deductions: total + 4 + g,
    status,
    hold,
    selfTotal: self ? hold + 1 : null,
    selfDiff: self ? hold + 2 : null,
    key,
    first: key + 1,
  };
}

function groupHeader(c: GroupColumn, lang: Lang): string {
  return `${c.header}${LABELS[lang].points_suffix(c.max)}`;
}

/**
 * Plan the 汇总 and 扣分明细 sheets for a workbook.
 * @example
 * const report = analyzeWorkbook(grid);
 * const plan = planSummary(grid, report, { lang: 'zh' });
 * plan.sheets // [{ name: '汇总', role: 'summary', action: 'create' }, …]
 */
export function planSummary(wb: WorkbookGrid, report: WorkbookReport, opts: SummaryOptions): SummaryPlan {
  const L = LABELS[opts.lang];
  const found = workbookUnits(wb, report, opts.unitSheets);
  const { notes } = found;
  const combine = { mode: opts.assessors?.mode ?? 'mean', weights: opts.assessors?.weights } as const;
  const units = combineAssessorSheets(wb, found.units, combine.mode, notes);
  const own = ownSummarySheets(wb, report);
  const ownLower = new Set(own.map((n) => n.toLowerCase()));
  const userSheets = new Set(wb.sheets.map((s) => s.name.toLowerCase()).filter((n) => !ownLower.has(n)));
  const summaryName = pickName(L.summarySheet, userSheets, []);
  const deductionName = pickName(L.deductionSheet, userSheets, [summaryName]);
  const slipsName =
    opts.slips === true
      ? pickName(slipsSheetName(opts.lang), userSheets, [summaryName, deductionName])
      : null;
  for (const [wanted, used] of [
    [L.summarySheet, summaryName],
    [L.deductionSheet, deductionName],
    ...(slipsName === null ? [] : [[slipsSheetName(opts.lang), slipsName] as const]),
  ] as const) {
    if (wanted !== used) notes.push(note('nameTaken', { wanted, used }));
  }
  for (const n of own) notes.push(note('replaces', { sheet: n }));

  const rankMode = opts.rankMode ?? defaultRankMode(opts.lang);
  if (units.length === 0)
    return {
      ops: [],
      owned: [],
      conflicts: [],
      sheets: [],
      deletes: [],
      units: [],
      status: [],
      rankMode,
      grades: null,
      missing: [],
      notes,
    };
  const { status, missing } = unitStatus(wb, units, rankMode, opts.roster ?? null, notes, combine);
  const grades = resolveGradeRules(
    units.map((u) => {
      const grid = wb.sheets.find((s) => s.name === u.sheet);
      return grid ? readGradeRules(grid, u.analysis.table) : null;
    }),
    opts.grades,
    notes,
  );
  if (grades) {
    const entries = status.map((st) => ({
      total: st.total,
      vetoed: st.vetoed,
      graded: st.hold.length === 0,
    }));
    const g = assignGrades(entries, grades);
    if (grades.quotas.length > 0)
      notes.push(
        ...quotaNotes(
          entries,
          status.map((st) => st.rosterName ?? st.sheet),
          grades,
          opts.grades?.quotas !== undefined,
        ),
      );
    status.forEach((st, i) => {
      st.grade = g[i] ?? null;
    });
  }

  const { columns, notes: structureNotes } = groupColumns(units);
  notes.push(...structureNotes);
  const ops: WriteOp[] = [];
  for (const n of own) ops.push({ op: 'deleteSheet', sheet: n });
  ops.push({ op: 'addSheet', sheet: summaryName }, { op: 'addSheet', sheet: deductionName });
  ops.push(
    ...summaryOps(summaryName, units, columns, {
      lang: opts.lang,
      rankMode,
      status,
      missing,
      grades,
      combine,
    }),
  );
  ops.push(
    ...deductionOps(
      deductionName,
      units.flatMap((u) => (u.members && u.members.length > 0 ? u.members : [u])),
      opts.lang,
    ),
  );
  const pageBreaks: PageBreaks[] = [];
  if (slipsName !== null) {
    const slips = planSlips(
      units.map((u, i) => slipUnitOf(u, status[i]!, combine)),
      {
        lang: opts.lang,
        sheet: slipsName,
        reasons: units.some((u) => u.analysis.table.columns.reason !== undefined),
      },
    );
    ops.push(...slips.ops);
    if (slips.breaks.length > 0) pageBreaks.push({ sheet: slipsName, rows: slips.breaks });
  }

  const metaSheet = wb.sheets.find((s) => s.name === META_SHEET);
  let previousChunks = 0;
  while (
    typeof metaSheet?.values[previousChunks + 1]?.[0] === 'string' &&
    metaSheet.values[previousChunks + 1]?.[0] !== ''
  ) {
    previousChunks++;
  }
  ops.push(
    ...metaOps(
      {
        ...report.meta,
        summarySheets: [summaryName, deductionName, ...(slipsName === null ? [] : [slipsName])],
      },
      metaSheetState(wb),
      previousChunks,
    ),
  );

  const isOwn = (n: string) => ownLower.has(n.toLowerCase());
  return {
    ops,
    owned: [],
    conflicts: [],
    ...(pageBreaks.length > 0 ? { pageBreaks } : {}),
    sheets: [
      { name: summaryName, role: 'summary', action: isOwn(summaryName) ? 'replace' : 'create' },
      { name: deductionName, role: 'deductions', action: isOwn(deductionName) ? 'replace' : 'create' },
      ...(slipsName === null
        ? []
        : [
            {
              name: slipsName,
              role: 'slips' as const,
              action: isOwn(slipsName) ? 'replace' : 'create',
            } as const,
          ]),
    ],
    deletes: own,
    units: units.map((u) => u.sheet),
    status,
    rankMode,
    grades,
    missing,
    notes,
  };
}

/** What a unit's slip shows: the figures and readiness the 汇总 was planned with. */
function slipUnitOf(u: SummaryUnit, st: UnitStatus, combine: Combine): SlipUnit {
  const members = u.members ?? [];
  const vetoReason =
    (members.length > 0 ? members : [u]).map((m) => unitFigures(m, [])).find((f) => f.vetoed)?.vetoReason ??
    '';
  return {
    name: u.name,
    title: u.analysis.table.title ?? null,
    items:
      members.length > 0
        ? combinedSlipItems(members, combine.mode, weightsOf(members, combine))
        : slipItems(u),
    total: st.total,
    rank: st.rank,
    grade: st.grade,
    vetoed: st.vetoed,
    vetoReason,
    errors: st.errors,
    hold: st.hold,
    combined: members.length > 0 ? { count: members.length, mode: combine.mode } : null,
  };
}

interface Combine {
  mode: CombineMode;
  weights: ReadonlyMap<string, number> | undefined;
}

/** A unit's total and veto as the core computes them: its assessors' combined, as the CLI does. */
function totalOf(u: SummaryUnit, combine: Combine): { total: number; vetoed: boolean } {
  const members = u.members ?? [];
  if (members.length === 0) return { total: u.analysis.score.total, vetoed: u.analysis.score.vetoed };
  const total = combineScores(
    members.map((m) => m.analysis.score.total),
    combine.mode,
    weightsOf(members, combine),
  ).value;
  return { total: total ?? 0, vetoed: members.some((m) => m.analysis.score.vetoed) };
}

/** The assessor a unit sheet is from (its name's last part, or a 考核人 cell), or null. */
function sheetAssessor(wb: WorkbookGrid, u: SummaryUnit): { unit: string; assessor: string | null } {
  const cells = wb.sheets.find((s) => s.name === u.sheet)?.values.flat() ?? [];
  return assessorOf(u.sheet, cells);
}

function weightsOf(members: readonly SummaryUnit[], combine: Combine): number[] {
  return members.map((m) => combine.weights?.get(ASSESSOR.get(m) ?? '') ?? 1);
}

/** Each member sheet's assessor, for the weights. */
const ASSESSOR = new WeakMap<SummaryUnit, string>();

/**
 * Sheets of one unit from two or more different assessors (新华社区-张三, 新华社区-李四) become one unit
 * whose row combines theirs, as the CLI combines workbooks; a note says which and how.
 */
function combineAssessorSheets(
  wb: WorkbookGrid,
  units: readonly SummaryUnit[],
  mode: CombineMode,
  notes: SummaryNote[],
): SummaryUnit[] {
  const who = units.map((u) => sheetAssessor(wb, u));
  const byUnit = new Map<string, number[]>();
  who.forEach((w, i) => {
    if (w.assessor === null) return;
    const k = unitKey(w.unit);
    byUnit.set(k, [...(byUnit.get(k) ?? []), i]);
  });
  const out: SummaryUnit[] = [];
  const done = new Set<number>();
  units.forEach((u, i) => {
    if (done.has(i)) return;
    const w = who[i]!;
    const same = w.assessor === null ? [i] : (byUnit.get(unitKey(w.unit)) ?? [i]);
    const assessors = new Set(same.map((j) => who[j]!.assessor));
    if (same.length < 2 || assessors.size < same.length) {
      out.push(u);
      done.add(i);
      return;
    }
    for (const j of same) done.add(j);
    const members = same.map((j) => units[j]!);
    for (const [k, m] of members.entries()) ASSESSOR.set(m, who[same[k]!]!.assessor!);
    out.push({
      name: w.unit,
      sheet: u.sheet,
      analysis: u.analysis,
      errors: members.reduce((a, m) => a + (m.errors ?? 0), 0),
      members,
    });
    const totals = combineScores(
      members.map((m) => m.analysis.score.total),
      mode,
    );
    notes.push(
      note('assessorsCombined', {
        unit: w.unit,
        count: members.length,
        assessors: members.map((m) => ASSESSOR.get(m)!).join('、'),
        mode: MODE_WORDS[mode].zh,
        modeEn: MODE_WORDS[mode].en,
        spread: totals.spread ?? 0,
      }),
    );
  });
  return out;
}

/**
 * Each unit's readiness and rank now: open entry errors, two sheets for one unit (东风社区 and its copy
 * 东风社区 (2)), a sheet matching no roster name. Notes say each, and what to do.
 */
function unitStatus(
  wb: WorkbookGrid,
  units: readonly SummaryUnit[],
  mode: RankMode,
  roster: readonly string[] | null,
  notes: SummaryNote[],
  combine: Combine,
): { status: UnitStatus[]; missing: SummaryPlan['missing'] } {
  const rosterName = units.map((u) => (roster ? rosterMatch([u.name, u.sheet], roster) : null));
  const hold: HoldReason[][] = units.map((u) => ((u.errors ?? 0) > 0 ? ['errors'] : []));
  for (const u of units)
    if ((u.errors ?? 0) > 0) notes.push(note('notReady', { sheet: u.sheet, errors: u.errors ?? 0 }));
  const keyOf = (i: number) => rosterName[i] ?? unitKey(units[i]!.name);
  const seen = new Set<number>();
  units.forEach((u, i) => {
    if (seen.has(i)) return;
    const same = units.flatMap((_, j) => (keyOf(j) === keyOf(i) ? [j] : []));
    for (const j of same) seen.add(j);
    if (same.length < 2) return;
    // Identical copies count once (the one not named as a copy); different versions are all withheld.
    const copies = new Set(same.map((j) => entryFingerprint(units[j]!.analysis))).size === 1;
    const keep = copies
      ? preferredCopy(
          same,
          (j) => units[j]!.sheet,
          () => 0,
        )
      : null;
    for (const j of same) if (j !== keep) hold[j]!.push('duplicate');
    notes.push(
      note('duplicateSheets', {
        unit: rosterName[i] ?? u.sheet,
        sheets: same.map((j) => units[j]!.sheet).join('、'),
      }),
    );
  });
  const missing: SummaryPlan['missing'] = [];
  if (roster) {
    const unmatched = units.flatMap((u, i) => (rosterName[i] === null ? [u.sheet] : []));
    units.forEach((u, i) => {
      if (rosterName[i] !== null) return;
      hold[i]!.push('unlisted');
      const maybe = closeMatches(u.sheet, roster).filter((r) => !rosterName.includes(r));
      notes.push(
        note(maybe.length > 0 ? 'notOnRosterClose' : 'notOnRoster', {
          unit: u.sheet,
          file: u.sheet,
          maybe: maybe.join('、'),
        }),
      );
    });
    for (const r of roster) {
      if (rosterName.includes(r)) continue;
      const maybe = unmatched.filter((n) => closeMatches(n, [r]).length > 0);
      missing.push({ name: r, maybe });
      notes.push(
        note(maybe.length > 0 ? 'missingUnitClose' : 'missingUnit', { unit: r, maybe: maybe.join('、') }),
      );
    }
  }
  const figures = units.map((u) => totalOf(u, combine));
  const ranks = rankValues(
    units.map((_, i) => ({
      total: figures[i]!.total,
      vetoed: figures[i]!.vetoed,
      ranked: hold[i]!.length === 0,
    })),
    mode,
  );
  const status = units.map((u, i) => {
    const grid = wb.sheets.find((s) => s.name === u.sheet);
    const members = u.members ?? [];
    return {
      sheet: u.sheet,
      name: u.name,
      assessors: members.map((m) => ASSESSOR.get(m) ?? m.sheet),
      total: figures[i]!.total,
      vetoed: figures[i]!.vetoed,
      errors: u.errors ?? 0,
      hold: hold[i]!,
      rosterName: rosterName[i] ?? null,
      rank: ranks[i] ?? null,
      self: grid && members.length === 0 ? compareSelfScores(grid, u.analysis) : null,
      grade: null,
    };
  });
  return { status, missing };
}

function formula(sheet: string, row: number, col: number, e: Expr): WriteOp {
  return { op: 'formula', sheet, cell: a1(row, col), formula: unparse(e) };
}

function value(sheet: string, row: number, col: number, v: CellValue): WriteOp {
  return { op: 'value', sheet, cell: a1(row, col), value: v };
}

function summaryOps(
  sheet: string,
  units: readonly SummaryUnit[],
  columns: readonly GroupColumn[],
  o: {
    lang: Lang;
    rankMode: RankMode;
    status: readonly UnitStatus[];
    missing: SummaryPlan['missing'];
    grades: GradeRules | null;
    combine: Combine;
  },
): WriteOp[] {
  const { lang } = o;
  const L = LABELS[lang];
  const hasSelf = units.some((u) => u.analysis.table.columns.selfScore !== undefined);
  const lay = summaryLayout(columns.length, { self: hasSelf, grade: o.grades !== null });
  const last = lay.first;
  const lastRow = lay.firstRow + units.length - 1;
  const ops: WriteOp[] = [
    value(sheet, 1, 0, L.generated),
    { op: 'font', sheet, range: a1(1, 0), color: COLORS.muted },
  ];
  const headers: string[] = [
    L.no,
    L.unit,
    ...columns.map((c) => groupHeader(c, lang)),
    L.total,
    o.rankMode === 'dense' ? L.rankDense : L.rankCompetition,
    ...(o.grades ? [L.grade] : []),
    L.veto,
    L.vetoReason,
    L.deductions,
    L.status,
    L.hold,
    ...(hasSelf ? [L.selfTotal, L.selfDiff] : []),
    L.rankKey,
    L.rankFirst,
  ];
  for (const [c, h] of headers.entries()) ops.push(value(sheet, lay.headerRow, c, h));
  ops.push(
    { op: 'fill', sheet, range: a1Range(lay.headerRow, 0, lay.headerRow, last), color: COLORS.header },
    { op: 'font', sheet, range: a1Range(lay.headerRow, 0, lay.headerRow, last), bold: true },
  );
  const membersOf = (u: SummaryUnit) => (u.members && u.members.length > 0 ? u.members : [u]);
  const anyVeto = units.some((u) => membersOf(u).some((m) => vetoItems(m).length > 0));

  units.forEach((u, i) => {
    const r = lay.firstRow + i;
    const table = u.analysis.table;
    ops.push(value(sheet, r, 0, i + 1), value(sheet, r, 1, u.name));
    const members = u.members && u.members.length > 0 ? u.members : null;
    if (members) {
      // Several assessors: each cell combines theirs as the CLI does (a member's 一票否决 zeroes only
      // that member's total; the unit is vetoed when any member's is).
      columns.forEach((c, j) => {
        const parts = members.flatMap((m) => {
          const g = groupFor(m, c);
          return g ? [{ m, e: sumScores(m, itemsOf(m.analysis.table, g.id)) }] : [];
        });
        if (parts.length > 0)
          ops.push(
            formula(
              sheet,
              r,
              lay.groupCol0 + j,
              combineExpr(
                parts.map((p) => p.e),
                o.combine.mode,
                weightsOf(
                  parts.map((p) => p.m),
                  o.combine,
                ),
              ),
            ),
          );
      });
      const totals = members.map((m) => {
        const all = sumScores(m, itemsOf(m.analysis.table, null));
        const v = vetoItems(m);
        return v.length > 0 ? fn('IF', bin('<>', vetoReason(m, v), str('')), num(0), all) : all;
      });
      ops.push(
        formula(sheet, r, lay.total, combineExpr(totals, o.combine.mode, weightsOf(members, o.combine))),
      );
    } else {
      columns.forEach((c, j) => {
        const g = groupFor(u, c);
        if (g) ops.push(formula(sheet, r, lay.groupCol0 + j, sumScores(u, itemsOf(table, g.id))));
      });
    }
    const vetoes = vetoItems(u);
    const all = sumScores(u, itemsOf(table, null));
    const vetoed = bin('<>', ref(r, lay.veto), str(''));
    const reasons = membersOf(u).flatMap((m) => {
      const v = vetoItems(m);
      return v.length > 0 ? [vetoReason(m, v)] : [];
    });
    if (!members)
      ops.push(formula(sheet, r, lay.total, vetoes.length > 0 ? fn('IF', vetoed, num(0), all) : all));
    const cells = {
      row: r,
      firstRow: lay.firstRow,
      lastRow,
      total: lay.total,
      key: lay.key,
      first: lay.first,
      hold: lay.hold,
      ...(anyVeto ? { veto: lay.veto } : {}),
    };
    ops.push(formula(sheet, r, lay.rank, rankExpr(cells, o.rankMode, L.rankWithheld)));
    if (o.grades && lay.grade !== null) {
      // Quotas depend on every unit at once: the grade is the computed value (see assignGrades).
      if (o.grades.quotas.length > 0)
        ops.push(value(sheet, r, lay.grade, o.status[i]?.grade ?? L.rankWithheld));
      else
        ops.push(
          formula(
            sheet,
            r,
            lay.grade,
            gradeExpr(
              { row: r, total: lay.total, hold: lay.hold, ...(reasons.length > 0 ? { veto: lay.veto } : {}) },
              o.grades.bands,
              L.rankWithheld,
            ),
          ),
        );
    }
    if (reasons.length > 0) {
      ops.push(
        formula(sheet, r, lay.veto, fn('IF', bin('=', ref(r, lay.reason), str('')), str(''), str(L.veto))),
      );
      // The first member's reason that is not empty.
      const last = reasons[reasons.length - 1]!;
      const reason = reasons
        .slice(0, -1)
        .reduceRight<Expr>((acc, e) => fn('IF', bin('<>', e, str('')), e, acc), last);
      ops.push(formula(sheet, r, lay.reason, reason));
    }
    const counts = membersOf(u).map((m) => countDeductions(m, itemsOf(m.analysis.table, null)));
    ops.push(formula(sheet, r, lay.deductions, counts.length > 1 ? fn('MAX', ...counts) : counts[0]!));
    const st = o.status[i];
    ops.push(value(sheet, r, lay.status, st ? statusWords(st, lang) : L.statusOk));
    ops.push(value(sheet, r, lay.hold, st?.hold.length ?? 0));
    const selfCol = members ? undefined : table.columns.selfScore;
    if (lay.selfTotal !== null && lay.selfDiff !== null && selfCol !== undefined) {
      ops.push(formula(sheet, r, lay.selfTotal, sumColumn(u, itemsOf(table, null), selfCol)));
      ops.push(
        formula(
          sheet,
          r,
          lay.selfDiff,
          fn('ROUND', bin('-', ref(r, lay.total), ref(r, lay.selfTotal)), num(2)),
        ),
      );
    }
    ops.push(formula(sheet, r, lay.key, rankKeyExpr(cells)));
    ops.push(formula(sheet, r, lay.first, firstOccurrenceExpr(cells)));
  });
  ops.push({
    op: 'font',
    sheet,
    range: a1Range(lay.headerRow, lay.key, lastRow, lay.first),
    color: COLORS.muted,
  });

  // Static highlight from the figures as they are now; refreshed when the summary is regenerated.
  const open = o.status.filter((f) => !f.vetoed && f.hold.length === 0).map((f) => f.total);
  const lowest = open.length >= 2 ? Math.min(...open) : null;
  o.status.forEach((f, i) => {
    const r = lay.firstRow + i;
    const color = f.vetoed
      ? COLORS.veto
      : f.hold.length > 0
        ? COLORS.notReady
        : f.total === lowest
          ? COLORS.lowest
          : null;
    if (color) ops.push({ op: 'fill', sheet, range: a1Range(r, 0, r, last), color });
  });
  ops.push(value(sheet, lastRow + 2, 0, L.legend), {
    op: 'font',
    sheet,
    range: a1(lastRow + 2, 0),
    color: COLORS.muted,
  });
  // Units on the roster without a sheet: their own block, unranked.
  let below = lastRow + 2;
  if (o.grades) {
    below += 1;
    ops.push(value(sheet, below, 0, L.gradeLegend(describeGrades(o.grades), o.grades.quotas.length > 0)), {
      op: 'font',
      sheet,
      range: a1(below, 0),
      color: COLORS.muted,
    });
  }
  if (o.missing.length > 0) {
    below += 2;
    ops.push(value(sheet, below, 0, L.missingTitle(o.missing.length)), {
      op: 'font',
      sheet,
      range: a1(below, 0),
      bold: true,
    });
    ops.push(
      value(sheet, below + 1, 0, L.no),
      value(sheet, below + 1, 1, L.unit),
      value(sheet, below + 1, 2, L.maybe),
    );
    for (const [i, m] of o.missing.entries()) {
      ops.push(value(sheet, below + 2 + i, 0, i + 1), value(sheet, below + 2 + i, 1, m.name));
      if (m.maybe.length > 0) ops.push(value(sheet, below + 2 + i, 2, m.maybe.join('、')));
    }
    below += 1 + o.missing.length;
  }

  ops.push(
    { op: 'columnWidth', sheet, col: 'A', width: 6 },
    { op: 'columnWidth', sheet, col: 'B', width: 16 },
  );
  for (let j = 0; j < columns.length; j++) {
    ops.push({ op: 'columnWidth', sheet, col: colLetters(lay.groupCol0 + j), width: 14 });
  }
  ops.push(
    { op: 'columnWidth', sheet, col: colLetters(lay.reason), width: 30 },
    { op: 'columnWidth', sheet, col: colLetters(lay.key), width: 12 },
    { op: 'columnWidth', sheet, col: colLetters(lay.first), width: 8 },
  );

  // Title, signature line and page setup for 公示, as the CLI's 汇总 has them.
  const print = planSummaryPrint({
    sheet,
    lang,
    title: titleOf(units, lang),
    headerRow: lay.headerRow,
    below,
    lastCol: last,
    helperCols: [lay.key, lay.first],
  });
  ops.push(...print.ops);
  const chartTop = print.signatureRow + 2;
  ops.push({
    op: 'chart',
    sheet,
    type: 'bar',
    dataRange: a1Range(lay.firstRow, lay.total, lastRow, lay.total),
    labelsRange: a1Range(lay.firstRow, 1, lastRow, 1),
    title: L.chartTitle,
    range: a1Range(chartTop, 0, chartTop + Math.max(14, units.length + 4), Math.min(last, 9)),
  });
  return ops;
}

/** The shared title of the units' tables + 汇总, else a plain title. */
function titleOf(units: readonly SummaryUnit[], lang: Lang): string {
  const titles = new Set(units.map((u) => u.analysis.table.title ?? ''));
  const [only] = [...titles];
  if (titles.size === 1 && only) return lang === 'en' ? `${only} — summary` : `${only}（汇总）`;
  return LABELS[lang].title;
}

/** Column order of the 扣分明细 sheet. */
export const DEDUCTION_COLUMNS = [
  'no',
  'unit',
  'category',
  'section',
  'item',
  'points',
  'deduction',
  'score',
  'reason',
  'link',
] as const;

function deductionOps(sheet: string, units: readonly SummaryUnit[], lang: Lang): WriteOp[] {
  const L = LABELS[lang];
  const last = DEDUCTION_COLUMNS.length - 1;
  const ops: WriteOp[] = [
    value(sheet, 0, 0, L.generated),
    { op: 'font', sheet, range: 'A1', color: COLORS.muted },
  ];
  for (const [c, k] of DEDUCTION_COLUMNS.entries()) ops.push(value(sheet, 1, c, L[k]));
  ops.push(
    { op: 'fill', sheet, range: a1Range(1, 0, 1, last), color: COLORS.header },
    { op: 'font', sheet, range: a1Range(1, 0, 1, last), bold: true },
  );
  let r = 2;
  for (const u of units) {
    const { table, score } = u.analysis;
    const { points, deduction, score: scoreCol, reason } = table.columns;
    for (const item of table.items) {
      const s = score.items.find((x) => x.itemId === item.id);
      if (!s || s.deduction <= 0) continue;
      const path = itemPath(table, item);
      ops.push(value(sheet, r, 0, r - 1), value(sheet, r, 1, u.name), value(sheet, r, 2, path.category));
      ops.push(value(sheet, r, 3, path.section), value(sheet, r, 4, item.label));
      ops.push(
        points !== undefined
          ? formula(sheet, r, 5, ref(item.pointsCell.row, item.pointsCell.col, u.sheet))
          : value(sheet, r, 5, item.points),
      );
      if (deduction !== undefined) ops.push(formula(sheet, r, 6, ref(item.row, deduction, u.sheet)));
      else if (scoreCol !== undefined && item.points !== null) {
        ops.push(formula(sheet, r, 6, bin('-', num(item.points), ref(item.row, scoreCol, u.sheet))));
      } else ops.push(value(sheet, r, 6, s.deduction));
      ops.push(
        scoreCol !== undefined
          ? formula(sheet, r, 7, ref(item.row, scoreCol, u.sheet))
          : value(sheet, r, 7, s.score),
      );
      ops.push(
        reason !== undefined
          ? formula(sheet, r, 8, textRef(item.row, reason, u.sheet))
          : value(sheet, r, 8, ''),
      );
      const target = deduction ?? scoreCol;
      if (target !== undefined) ops.push(formula(sheet, r, 9, linkTo(u.sheet, item.row, target)));
      r++;
    }
  }
  if (r === 2) ops.push(value(sheet, 2, 0, L.noDeductions));
  const widths = [6, 16, 16, 16, 30, 9, 8, 8, 40, 8];
  for (const [c, w] of widths.entries()) ops.push({ op: 'columnWidth', sheet, col: colLetters(c), width: w });
  return ops;
}
