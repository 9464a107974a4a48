/**
 * The summary as values, for the CLI: one workbook per unit comes in, one new workbook goes out with a
 * 汇总 sheet (each row's source file and sheet), a 扣分明细 sheet and a 检查问题 sheet. Units whose
 * workbook has error-severity findings are included but flagged and not ranked, so nothing is summed
 * silently; unreadable files are listed on 检查问题. The 汇总 prints as the add-in's does (print.ts).
 */
import { a1, a1Range, colLetters } from '../a1';
import type { WorkbookReport } from '../analyze';
import type { CellValue, WorkbookGrid } from '../grid';
import { formatIssue, type Lang } from '../i18n';
import type { Issue } from '../issues';
import { toCents } from '../num';
import type { WriteOp, WritePlan } from '../plan';
import { unparse } from '../formula/unparse';
import { round2 } from '../num';
import { norm } from '../text';
import { assessorOf, type CombineMode, MODE_WORDS, combineScores } from './assessors';
import { closeMatches, fileStem, preferredCopy, rosterMatch, unitKey } from './identity';
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
import { formatNote, LABELS, note, type SummaryNote } from './messages';
import { planSummaryPrint } from './print';
import { DEFAULT_SPREAD, planSpread, unitSpread } from './spread';
import { combinedSlipItems, planSlips, slipItems, slipsSheetName } from './slips';
import {
  defaultRankMode,
  firstOccurrenceExpr,
  type RankMode,
  rankExpr,
  rankKeyExpr,
  rankValues,
  VETO_RANK_KEY,
} from './rank';
import {
  compareSelfScores,
  entryErrors,
  entryFingerprint,
  type HoldReason,
  type SelfScoreComparison,
  statusWords,
} from './readiness';

export type { HoldReason } from './readiness';
import {
  type GroupColumn,
  groupColumns,
  groupFor,
  isAssessmentVeto,
  itemPath,
  type SummaryUnit,
} from './structure';

/** One input file: its report, or why it could not be read. */
export type SummaryInput =
  | { file: string; report: WorkbookReport /** The workbook as read, for 自评分. */; grid?: WorkbookGrid }
  | { file: string; error: string };

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

export interface SummaryValuesOptions {
  lang: Lang;
  /** How ties rank; default 中国式排名 (dense) in Chinese, competition ranking in English. */
  rankMode?: RankMode;
  /** The units expected (the office's 名单): missing ones, units handed in twice, names matching none. */
  roster?: readonly string[];
  /** 等次 thresholds and quotas given as options (over what the rubrics' notes say). */
  grades?: GradeOptions;
  /**
   * Several assessors' workbooks of one unit (told apart by assessorOf) become one row: how their scores
   * are combined (default mean) and, for `weighted`, each assessor's (role's) weight (default 1).
   */
  assessors?: { mode: CombineMode; weights?: ReadonlyMap<string, number> };
  /** Add the 结果通知单 sheet: one printable page per unit (see slips.ts). */
  slips?: boolean;
  /** Items whose assessors' scores differ by more than this are marked on 评分差异 (default DEFAULT_SPREAD). */
  spread?: number;
}

export interface SummaryValuesUnit {
  name: string;
  file: string;
  sheet: string;
  figures: UnitFigures;
  rank: number | null;
  errors: number;
  /** Why the rank is withheld; empty when ranked. */
  hold: HoldReason[];
  /** The roster name the unit was matched to (null: no roster, or no match). */
  rosterName: string | null;
  self: SelfScoreComparison | null;
  /** 等次: null where withheld or without grade rules, '' below every band. */
  grade: string | null;
}

/** A roster name nobody handed in, with the unmatched inputs whose names are close to it. */
export interface MissingUnit {
  name: string;
  maybe: string[];
}

export interface SummaryValuesPlan extends WritePlan {
  units: SummaryValuesUnit[];
  /** Roster names without a workbook (empty without a roster). */
  missing: MissingUnit[];
  /** Inputs left out as exact copies of another input of the same unit. */
  copies: { file: string; sheet: string; of: string }[];
  rankMode: RankMode;
  /** The 等次 rules used (null: none found or given). */
  grades: GradeRules | null;
  notes: SummaryNote[];
  /** Error-severity findings per file (for the console). */
  problems: { file: string; issue: Issue }[];
  /** Manual page breaks the writer sets (1-based rows after which a page ends), per sheet. */
  pageBreaks: { sheet: string; rows: number[] }[];
  /** Units scored by several assessors: the 评分差异 sheet's threshold and counts (null: no such unit). */
  spread: { threshold: number; units: number; items: number; over: number } | null;
}

interface Candidate extends SummaryUnit {
  file: string;
  errors: number;
  stem: string;
  /** Several rubric sheets in the file: one unit per sheet, named by the sheet. */
  perSheet: boolean;
  fingerprint: string;
  self: SelfScoreComparison | null;
  rosterName: string | null;
  hold: HoldReason[];
  /** 等次 rules written on the sheet outside its table. */
  gradeRules: GradeRules | null;
  /** Input order. */
  order: number;
  /** Who scored this workbook (a 考核人 cell, or the file name's last part), or null. */
  assessor: string | null;
  /** The assessors' workbooks combined into this unit (empty: the unit is this workbook alone). */
  members: Candidate[];
}

/**
 * A group of one unit's workbooks from two or more different assessors, each handing in one version
 * (identical copies of one assessor's workbook are left out as copies first): the combined unit, or
 * null when the group is not that.
 */
function combinedUnit(
  group: readonly Candidate[],
  copies: SummaryValuesPlan['copies'],
  notes: SummaryNote[],
): Candidate | null {
  if (group.some((c) => c.assessor === null || c.perSheet)) return null;
  const by = new Map<string, Candidate[]>();
  for (const c of group) by.set(c.assessor!, [...(by.get(c.assessor!) ?? []), c]);
  if (by.size < 2) return null;
  if ([...by.values()].some((g) => new Set(g.map((c) => c.fingerprint)).size > 1)) return null;
  const members = [...by.values()].map((g) => {
    const keep = preferred(g);
    for (const c of g) {
      if (c === keep) continue;
      copies.push({ file: c.file, sheet: c.sheet, of: keep.file });
      notes.push(note('duplicateCopy', { file: c.file, of: keep.file, unit: keep.name }));
    }
    return keep;
  });
  members.sort((a, b) => a.order - b.order);
  const first = members[0]!;
  return {
    ...first,
    file: members.map((m) => m.file).join('、'),
    hold: [...new Set(members.flatMap((m) => m.hold))],
    errors: members.reduce((a, m) => a + m.errors, 0),
    self: null,
    members,
  };
}

/**
 * A unit's workbooks where some name an assessor and some do not. An unmarked workbook identical to an
 * assessor's is that workbook's copy and is left out (said); the group without them is returned. If
 * unmarked workbooks that differ remain, the office must say whose they are: 'mixed' (a note says
 * which files, and how to mark them). Keeping "one of two versions" would drop an assessor's scores.
 */
function settleUnmarked(
  group: readonly Candidate[],
  copies: SummaryValuesPlan['copies'],
  notes: SummaryNote[],
): Candidate[] | 'mixed' {
  const marked = group.filter((c) => c.assessor !== null && !c.perSheet);
  const unmarked = group.filter((c) => c.assessor === null && !c.perSheet);
  if (marked.length === 0 || unmarked.length === 0) return [...group];
  const left: Candidate[] = [];
  for (const c of unmarked) {
    const same = marked.find((m) => m.fingerprint === c.fingerprint);
    if (same) {
      copies.push({ file: c.file, sheet: c.sheet, of: same.file });
      notes.push(note('duplicateCopy', { file: c.file, of: same.file, unit: same.stem }));
    } else left.push(c);
  }
  if (left.length === 0) return group.filter((c) => !unmarked.includes(c));
  notes.push(
    note('mixedAssessors', {
      unit: marked[0]!.rosterName ?? marked[0]!.stem,
      assessors: [...new Set(marked.map((m) => m.assessor!))].join('、'),
      marked: marked.map((m) => m.file).join('、'),
      unmarked: left.map((c) => c.file).join('、'),
      stem: marked[0]!.stem,
    }),
  );
  return 'mixed';
}

const GENERIC_SHEET = /(细则|评分|考核|考评|打分|得分|明细|汇总|^sheet\d*$|^工作表\d*$|^表\d*$)/i;

/**
 * Group the candidates that are the same unit: by roster name, else by the file's name without a copy's
 * marks (or the sheet's, for a workbook with one sheet per unit); a sheet name that names a unit (not
 * a template name such as 考核细则 shared by every input) also joins its files.
 */
function sameUnitGroups(cands: readonly Candidate[]): Candidate[][] {
  const parent = cands.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  const join = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  const single = cands.filter((c) => !c.perSheet);
  const sheetKeys = new Set(single.map((c) => unitKey(c.sheet)));
  const sharedByAll = single.length >= 3 && sheetKeys.size === 1;
  const keyOf = (c: Candidate) =>
    c.rosterName !== null
      ? `r:${c.rosterName}`
      : c.perSheet
        ? `s:${unitKey(c.sheet)}`
        : `s:${unitKey(c.stem)}`;
  const sheetNames = (c: Candidate) =>
    c.perSheet || (!GENERIC_SHEET.test(norm(c.sheet)) && !sharedByAll) ? unitKey(c.sheet) : null;
  for (let i = 0; i < cands.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = cands[i]!;
      const b = cands[j]!;
      const sa = sheetNames(a);
      if (keyOf(a) === keyOf(b) || (sa !== null && sa === sheetNames(b))) join(i, j);
    }
  }
  const groups = new Map<number, Candidate[]>();
  cands.forEach((c, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  });
  return [...groups.values()];
}

/** Of identical copies, the one to keep: not named as a copy, in the shallowest folder, first. */
function preferred(group: readonly Candidate[]): Candidate {
  const depth = (f: string) => f.split(/[\\/]/).length;
  return preferredCopy(
    group,
    (c) => c.stem,
    (c) => depth(c.file),
  );
}

/**
 * Plan a new summary workbook from the reports of unit workbooks.
 * @example planSummaryValues([{ file: '东风社区.xlsx', report }], { lang: 'zh' }).units[0]?.figures.total
 */
export function planSummaryValues(
  inputs: readonly SummaryInput[],
  opts: SummaryValuesOptions,
): SummaryValuesPlan {
  const L = LABELS[opts.lang];
  const rankMode = opts.rankMode ?? defaultRankMode(opts.lang);
  const roster = opts.roster ?? null;
  const notes: SummaryNote[] = [];
  const problems: { file: string; issue: Issue }[] = [];
  const cands: Candidate[] = [];
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
    const stem = fileStem(input.file);
    for (const sr of rubricSheets) {
      for (const i of sr.issues) if (i.severity === 'error') problems.push({ file: input.file, issue: i });
      // A fault of the rubric itself (declared points that do not add up…) is the same for every unit
      // and is listed, but only errors in a unit's own entries keep it out of the ranking.
      const errors = entryErrors(sr.issues).length;
      if (errors > 0) notes.push(note('failedChecks', { file: input.file, sheet: sr.sheet, errors }));
      const perSheet = rubricSheets.length > 1;
      // analysis is non-null for every sheet in rubricSheets.
      const analysis = sr.analysis!;
      const grid = input.grid?.sheets.find((g) => g.name === sr.sheet);
      const names = perSheet ? [sr.sheet] : [stem, sr.sheet];
      const who = perSheet ? null : assessorOf(input.file, grid?.values.flat() ?? []);
      const unitStem = who?.assessor ? who.unit : stem;
      if (who?.assessor) names.unshift(unitStem);
      const rosterName = roster ? rosterMatch(names, roster) : null;
      cands.push({
        name: rosterName ?? (perSheet ? `${stem} ${sr.sheet}` : unitStem),
        sheet: sr.sheet,
        file: input.file,
        analysis,
        errors,
        stem: unitStem,
        perSheet,
        fingerprint: entryFingerprint(analysis),
        self: grid ? compareSelfScores(grid, analysis) : null,
        rosterName,
        hold: errors > 0 ? ['errors'] : [],
        gradeRules: gradeRulesOf(grid, analysis, input.file),
        order: cands.length,
        assessor: who?.assessor ?? null,
        members: [],
      });
    }
  }

  // The same unit handed in twice: an exact copy is left out, different versions are both withheld.
  const copies: SummaryValuesPlan['copies'] = [];
  const units: Candidate[] = [];
  for (let group of sameUnitGroups(cands)) {
    if (group.length === 1) {
      units.push(group[0]!);
      continue;
    }
    const where = (c: Candidate) => (c.perSheet ? `${c.file} ${c.sheet}` : c.file);
    const settled = settleUnmarked(group, copies, notes);
    if (settled === 'mixed') {
      for (const c of group) units.push({ ...c, hold: [...c.hold, 'duplicate'] });
      continue;
    }
    group = settled;
    if (group.length === 1) {
      units.push(group[0]!);
      continue;
    }
    const combined = combinedUnit(group, copies, notes);
    if (combined) {
      units.push(combined);
      continue;
    }
    if (new Set(group.map((c) => c.fingerprint)).size === 1) {
      const keep = preferred(group);
      units.push(keep);
      for (const c of group) {
        if (c === keep) continue;
        copies.push({ file: c.file, sheet: c.sheet, of: keep.file });
        notes.push(note('duplicateCopy', { file: where(c), of: where(keep), unit: keep.name }));
      }
    } else {
      for (const c of group) units.push({ ...c, hold: [...c.hold, 'duplicate'] });
      notes.push(note('duplicateUnit', { unit: group[0]!.name, files: group.map(where).join('、') }));
    }
  }
  units.sort((a, b) => a.order - b.order);

  // The roster: names matching no expected unit, and expected units nobody handed in.
  const missing: MissingUnit[] = [];
  if (roster) {
    const unmatched = units.filter((u) => u.rosterName === null);
    for (const u of unmatched) {
      u.hold.push('unlisted');
      const maybe = closeMatches(u.name, roster).filter((r) => !units.some((x) => x.rosterName === r));
      notes.push(
        note(maybe.length > 0 ? 'notOnRosterClose' : 'notOnRoster', {
          unit: u.name,
          file: u.file,
          maybe: maybe.join('、'),
        }),
      );
    }
    for (const r of roster) {
      if (units.some((u) => u.rosterName === r)) continue;
      const maybe = unmatched.filter((u) => closeMatches(u.name, [r]).length > 0).map((u) => u.name);
      missing.push({ name: r, maybe });
      notes.push(
        note(maybe.length > 0 ? 'missingUnitClose' : 'missingUnit', { unit: r, maybe: maybe.join('、') }),
      );
    }
  }

  if (units.length === 0) notes.push(note('noUnits'));
  notes.push(note('chartSkipped'));
  const { columns, notes: structureNotes } = groupColumns(units);
  notes.push(...structureNotes);
  const mode = opts.assessors?.mode ?? 'mean';
  const figures = units.map((u) => {
    const f = unitFigures(u, columns);
    if (u.members.length === 0) return f;
    const each = u.members.map((m) => unitFigures(m, columns));
    const weights = u.members.map((m) => opts.assessors?.weights?.get(m.assessor!) ?? 1);
    const total = combineScores(
      each.map((e) => e.total),
      mode,
      weights,
    );
    notes.push(
      note('assessorsCombined', {
        unit: u.name,
        count: u.members.length,
        assessors: u.members.map((m) => m.assessor!).join('、'),
        mode: MODE_WORDS[mode].zh,
        modeEn: MODE_WORDS[mode].en,
        spread: total.spread ?? 0,
      }),
    );
    const vetoed = each.find((e) => e.vetoed);
    return {
      groups: f.groups.map((_, c) =>
        each.every((e) => e.groups[c] === null)
          ? null
          : combineScores(
              each.map((e) => e.groups[c] ?? null),
              mode,
              weights,
            ).value,
      ),
      total: total.value ?? 0,
      // One assessor's 一票否决 vetoes the unit: it is not outvoted by the others.
      vetoed: vetoed !== undefined,
      vetoReason: vetoed?.vetoReason ?? '',
      deductions: Math.max(...each.map((e) => e.deductions)),
    };
  });
  const rank = rankValues(
    figures.map((f, i) => ({ total: f.total, vetoed: f.vetoed, ranked: units[i]!.hold.length === 0 })),
    rankMode,
  );
  const gradeRules = resolveGradeRules(
    units.map((u) => u.gradeRules),
    opts.grades,
    notes,
  );
  const gradeEntries = figures.map((f, i) => ({
    total: f.total,
    vetoed: f.vetoed,
    graded: units[i]!.hold.length === 0,
  }));
  const grades = gradeRules ? assignGrades(gradeEntries, gradeRules) : units.map(() => null);
  if (gradeRules && gradeRules.quotas.length > 0)
    notes.push(
      ...quotaNotes(
        gradeEntries,
        units.map((u) => u.name),
        gradeRules,
        opts.grades?.quotas !== undefined,
      ),
    );

  const ops: WriteOp[] = [];
  const S = L.summarySheet;
  const D = L.deductionSheet;
  const P = L.problemSheet;
  const hasSelf = units.some((u) => u.self !== null);
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
  const lay = valuesLayout(columns.length, hasSelf, gradeRules !== null);
  const head = [
    L.no,
    L.unit,
    L.file,
    L.sheet,
    ...columns.map((c) => `${c.header}${L.points_suffix(c.max)}`),
    L.total,
    rankMode === 'dense' ? L.rankDense : L.rankCompetition,
    ...(gradeRules ? [L.grade] : []),
    L.veto,
    L.vetoReason,
    L.deductions,
    L.status,
    L.hold,
    ...(hasSelf ? [L.selfTotal, L.selfDiff] : []),
    L.rankKey,
    L.rankFirst,
  ];
  const last = head.length - 1;
  const title =
    units.length > 0 &&
    new Set(units.map((u) => u.analysis.table.title)).size === 1 &&
    units[0]?.analysis.table.title
      ? `${units[0].analysis.table.title}（${L.summarySheet}）`
      : L.title;
  putRow(S, 1, 0, head);
  ops.push(
    { op: 'fill', sheet: S, range: a1Range(1, 0, 1, last), color: '#D9E1F2' },
    { op: 'font', sheet: S, range: a1Range(1, 0, 1, last), bold: true },
  );
  const open = figures.filter((f, i) => !f.vetoed && rank[i] !== null).map((f) => toCents(f.total));
  const lowest = open.length >= 2 ? Math.min(...open) : null;
  const lastRow = 2 + units.length - 1;
  const keys: CellValue[] = units.map((u, i) =>
    u.hold.length > 0 ? '' : figures[i]!.vetoed ? VETO_RANK_KEY : round2(figures[i]!.total),
  );
  units.forEach((u, i) => {
    const r = 2 + i;
    const f = figures[i]!;
    put(S, r, 0, i + 1);
    put(S, r, 1, u.name);
    put(S, r, 2, u.file);
    put(S, r, 3, u.sheet);
    putRow(S, r, lay.g0, f.groups);
    put(S, r, lay.total, f.total);
    put(S, r, lay.veto, f.vetoed ? L.veto : '');
    put(S, r, lay.veto + 1, f.vetoReason);
    put(S, r, lay.veto + 2, f.deductions);
    put(S, r, lay.status, statusWords(u, opts.lang));
    put(S, r, lay.hold, u.hold.length);
    if (lay.selfTotal !== null && u.self) {
      put(S, r, lay.selfTotal, u.self.selfTotal);
      put(S, r, lay.selfTotal + 1, u.self.diff);
    }
    const cells = {
      row: r,
      firstRow: 2,
      lastRow,
      total: lay.total,
      key: lay.key,
      first: lay.key + 1,
      veto: lay.veto,
      hold: lay.hold,
    };
    const k = keys[i]!;
    const isFirst = typeof k === 'number' && keys.slice(0, i).every((x) => x !== k) ? 1 : 0;
    ops.push(
      { op: 'formula', sheet: S, cell: a1(r, lay.key), formula: unparse(rankKeyExpr(cells)), result: k },
      {
        op: 'formula',
        sheet: S,
        cell: a1(r, lay.key + 1),
        formula: unparse(firstOccurrenceExpr(cells)),
        result: isFirst,
      },
      {
        op: 'formula',
        sheet: S,
        cell: a1(r, lay.rank),
        formula: unparse(rankExpr(cells, rankMode, L.rankWithheld)),
        result: rank[i] ?? L.rankWithheld,
      },
    );
    if (gradeRules && lay.grade !== null) {
      const g = grades[i] ?? L.rankWithheld;
      if (gradeRules.quotas.length > 0) put(S, r, lay.grade, g);
      else
        ops.push({
          op: 'formula',
          sheet: S,
          cell: a1(r, lay.grade),
          formula: unparse(
            gradeExpr(
              { row: r, total: lay.total, veto: lay.veto, hold: lay.hold },
              gradeRules.bands,
              L.rankWithheld,
            ),
          ),
          result: g,
        });
    }
    const color = f.vetoed
      ? '#F8CBAD'
      : u.hold.length > 0
        ? '#FFC7CE'
        : lowest !== null && toCents(f.total) === lowest
          ? '#FFE699'
          : null;
    if (color) ops.push({ op: 'fill', sheet: S, range: a1Range(r, 0, r, last), color });
  });
  ops.push({
    op: 'font',
    sheet: S,
    range: a1Range(1, lay.key, Math.max(1, lastRow), lay.key + 1),
    color: '#808080',
  });
  let below = units.length + 3;
  put(S, below, 0, L.legend);
  if (gradeRules) {
    below += 1;
    put(S, below, 0, L.gradeLegend(describeGrades(gradeRules), gradeRules.quotas.length > 0));
  }
  if (roster && missing.length > 0) {
    below += 2;
    put(S, below, 0, L.missingTitle(missing.length));
    ops.push({ op: 'font', sheet: S, range: a1(below, 0), bold: true });
    putRow(S, below + 1, 0, [L.no, L.unit, L.maybe]);
    for (const [i, m] of missing.entries()) putRow(S, below + 2 + i, 0, [i + 1, m.name, m.maybe.join('、')]);
    below += 1 + missing.length;
  }
  // Title, signature line and page setup for 公示, as the add-in's 汇总 has them.
  ops.push(
    ...planSummaryPrint({
      sheet: S,
      lang: opts.lang,
      title,
      headerRow: 1,
      below,
      lastCol: last,
      helperCols: [lay.key, lay.key + 1],
    }).ops,
  );
  widths(S, [6, 16, 24, 14]);
  ops.push({ op: 'columnWidth', sheet: S, col: colLetters(lay.veto + 1), width: 30 });

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

  // 自评对比: every item where a unit's 自评分 differs from the assessor's score.
  if (hasSelf) {
    const C = L.selfSheet;
    ops.push({ op: 'addSheet', sheet: C });
    const cHead = [L.unit, L.file, L.item, L.cell, L.selfScore, L.score, L.selfDiff];
    putRow(C, 0, 0, cHead);
    ops.push({ op: 'font', sheet: C, range: a1Range(0, 0, 0, cHead.length - 1), bold: true });
    let cr = 1;
    for (const u of units) {
      for (const d of u.self?.items ?? []) {
        putRow(C, cr, 0, [u.name, u.file, d.label, d.cell, d.self, d.score, d.diff]);
        cr++;
      }
    }
    if (cr === 1) put(C, 1, 0, L.noSelfDiffs);
    widths(C, [16, 24, 30, 8, 8, 8, 10]);
  }

  // 评分差异: every unit scored by several assessors, item by item.
  let spread: SummaryValuesPlan['spread'] = null;
  const multi = units.filter((u) => u.members.length > 0);
  if (multi.length > 0) {
    const threshold = opts.spread ?? DEFAULT_SPREAD;
    const su = multi.map((u) =>
      unitSpread(
        u.name,
        u.members.map((m) => ({ assessor: m.assessor!, unit: m })),
        threshold,
      ),
    );
    ops.push(...planSpread(su, { lang: opts.lang, sheet: L.spreadSheet, threshold }));
    const rows = su.flatMap((x) => x.rows);
    spread = { threshold, units: su.length, items: rows.length, over: rows.filter((x) => x.over).length };
  }

  const pageBreaks: SummaryValuesPlan['pageBreaks'] = [];
  if (opts.slips === true && units.length > 0) {
    const slips = planSlips(
      units.map((u, i) => {
        const f = figures[i]!;
        const weights = u.members.map((m) => opts.assessors?.weights?.get(m.assessor!) ?? 1);
        return {
          name: u.name,
          title: u.analysis.table.title ?? null,
          items: u.members.length > 0 ? combinedSlipItems(u.members, mode, weights) : slipItems(u),
          total: f.total,
          rank: rank[i] ?? null,
          grade: grades[i] ?? null,
          vetoed: f.vetoed,
          vetoReason: f.vetoReason,
          errors: u.errors,
          hold: u.hold,
          combined: u.members.length > 0 ? { count: u.members.length, mode } : null,
        };
      }),
      {
        lang: opts.lang,
        sheet: slipsSheetName(opts.lang),
        reasons: units.some((u) => u.analysis.table.columns.reason !== undefined),
      },
    );
    ops.push(...slips.ops);
    pageBreaks.push({ sheet: slips.sheet, rows: slips.breaks });
  }

  return {
    ops,
    owned: [],
    conflicts: [],
    pageBreaks,
    spread,
    units: units.map((u, i) => ({
      name: u.name,
      file: u.file,
      sheet: u.sheet,
      figures: figures[i]!,
      rank: rank[i] ?? null,
      errors: u.errors,
      hold: u.hold,
      rosterName: u.rosterName,
      self: u.self,
      grade: grades[i] ?? null,
    })),
    missing,
    copies,
    rankMode,
    grades: gradeRules,
    notes,
    problems,
  };
}

/** 0-based columns of the CLI's 汇总 sheet. */
function valuesLayout(groups: number, self: boolean, grade: boolean) {
  const g0 = 4;
  const total = g0 + groups;
  const g = grade ? 1 : 0;
  const status = total + 5 + g;
  const hold = status + 1;
  return {
    g0,
    total,
    rank: total + 1,
    grade: grade ? total + 2 : null,
    veto: total + 2 + g,
    status,
    hold,
    selfTotal: self ? hold + 1 : null,
    key: hold + (self ? 3 : 1),
  };
}

/** The 等次 rules a unit's sheet states in its notes, with the file they came from. */
function gradeRulesOf(
  grid: WorkbookGrid['sheets'][number] | undefined,
  analysis: SummaryUnit['analysis'],
  file: string,
): GradeRules | null {
  const rules = grid ? readGradeRules(grid, analysis.table) : null;
  if (rules?.source.kind !== 'notes') return rules;
  return { ...rules, source: { ...rules.source, file } };
}
