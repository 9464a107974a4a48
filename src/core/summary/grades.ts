/**
 * 等次: grade rules read from a rubric's notes ("90分以上为优秀，80—89分为良好，60—79分为合格，60分以下为
 * 不合格", "优秀等次不超过参评单位的30%") or given as options, and each unit's grade.
 *
 * Thresholds are written as a nested IF on the total cell. Quotas depend on every unit at once, so they
 * are computed here and written as values (see assignGrades for the order and the ties at the line).
 */
import { bin, type Expr, fn, num, ref, str } from '../formula/ast';
import type { SheetGrid } from '../grid';
import { toCents } from '../num';
import type { DetectedTable } from '../rubric';
import { norm } from '../text';
import { note, type SummaryNote } from './messages';

/** A grade reached from `min` up (`strict`: above `min` only); min null = every total below the others. */
export interface GradeBand {
  grade: string;
  min: number | null;
  strict?: boolean;
}

/** At most `share` (0–1) of the units, or at most `count` units, get `grade`. */
export type GradeQuota = { grade: string; share: number } | { grade: string; count: number };

/** Where the rules were found: a cell of a unit's sheet, or the options. */
export type GradeSource =
  | {
      kind: 'notes';
      sheet: string;
      cell: string;
      text: string;
      file?: string;
      /** The cell a quota is written in, when the notes state one. */
      quota?: { cell: string; text: string };
    }
  | { kind: 'option' };

export interface GradeRules {
  /** Highest first; a band with min null, if any, is last. */
  bands: GradeBand[];
  quotas: GradeQuota[];
  source: GradeSource;
}

const WORDS = [
  '基本合格',
  '基本称职',
  '不称职',
  '不合格',
  '不及格',
  '不达标',
  '称职',
  '优秀',
  '良好',
  '合格',
  '及格',
  '达标',
  '较好',
  '较差',
  '一般',
  '先进',
];
// One-character grades (好/较好/一般/较差 scales, 优/良/中/差) count only where a grade is expected.
const SINGLE = ['好', '差', '优', '良', '中'];
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const Q = `["'“”‘’「」『』]?`;
const MULTI_RE = new RegExp(WORDS.join('|'));
const SINGLE_RE = new RegExp(
  `(?:为|评为|定为|确定为|认定为|即为|属)${Q}(${[...WORDS, ...SINGLE].join('|')})|^${Q}(${[...WORDS, ...SINGLE].join('|')})${Q}(?:等次|等级|档次)?[:(]|${Q.slice(0, -1)}(${SINGLE.join('|')})["'“”‘’」』]`,
);
// "80—89分", "80分（含）至90分", "60-79": from the first number up (the next band starts above).
const RANGE = new RegExp(`${NUM}分?(?:\\([^)]*\\))?(?:[-—–―~至到]|－)+${NUM}(?![d.年])分?`);
/**
 * "90分以上" / "90分（含）以上" / "90分及以上" (with the number), "90分以上（不含90分）" and "高于90分"
 * (above it), "≥90分" / "不低于90分", "80≤总分<90" (from 80), "80<总分" (above 80).
 */
const AT_LEAST = new RegExp(
  [
    `(?<up>${NUM})分?(?:\\((?<upx>不)?含(?:${NUM}分?)?\\))?(?:及|或|含)?(?:${NUM}分)?(?:以上|及以上)(?:\\((?<upy>不)?含[^)]*\\))?`,
    `(?:不低于|不少于|大于等于|大于或等于|≥|>=)(?<ge>${NUM})`,
    `(?<!不)(?:高于|超过|大于|>)(?<gt>${NUM})`,
    `(?<le>${NUM})分?(?:≤|<=)`,
    `(?<lt>${NUM})分?<(?!=)`,
  ].join('|'),
);
const BELOW = new RegExp(
  `${NUM}分?(?:\\([^)]*\\))?(?:及|或|含)?以下|(?:不足|低于|不到|不满|未满|不及|未达到|小于|不高于|不超过|不大于|≤|<=|<)${NUM}`,
);
const QUOTA = new RegExp(
  `(?:不超过|不得超过|不高于|不大于|不多于|控制在|最多|≤)[^\\d]{0,14}${NUM}(%|个|名|家|人)`,
);

/** The grade a clause names: a grade word where a grade is expected, else the first grade word. */
function gradeIn(clause: string): string | null {
  const m = SINGLE_RE.exec(clause);
  if (m) return m[1] ?? m[2] ?? m[3] ?? null;
  return MULTI_RE.exec(clause)?.[0] ?? null;
}

/** The band one clause of a note states ("80—89分为良好"), or null. */
function bandIn(clause: string): GradeBand | null {
  const grade = gradeIn(clause);
  if (grade === null) return null;
  const range = RANGE.exec(clause);
  if (range) return { grade, min: Number(range[1]) };
  const below = BELOW.exec(clause);
  const atLeast = AT_LEAST.exec(clause);
  if (atLeast && (!below || atLeast.index <= below.index)) {
    const g = atLeast.groups ?? {};
    const up = g.up ?? g.ge ?? g.le;
    if (up !== undefined) {
      const strict = g.upx === '不' || g.upy === '不';
      return { grade, min: Number(up), ...(strict ? { strict: true } : {}) };
    }
    return { grade, min: Number(g.gt ?? g.lt), strict: true };
  }
  if (below) return { grade, min: null };
  return null;
}

function quotaIn(clause: string): GradeQuota | null {
  const m = QUOTA.exec(clause);
  if (!m) return null;
  const grade = gradeIn(clause.slice(0, m.index)) ?? gradeIn(clause);
  if (grade === null) return null;
  const n = Number(m[1]);
  return m[2] === '%' ? { grade, share: n / 100 } : { grade, count: n };
}

/** Bands highest first, the catch-all last; null when they contradict (one grade twice, one line twice). */
function ordered(bands: readonly GradeBand[]): GradeBand[] | null {
  const grades = new Set(bands.map((b) => b.grade));
  const mins = bands.filter((b) => b.min !== null).map((b) => b.min);
  if (grades.size !== bands.length || new Set(mins).size !== mins.length) return null;
  if (bands.filter((b) => b.min === null).length > 1) return null;
  return [...bands].sort((a, b) => (b.min ?? Number.NEGATIVE_INFINITY) - (a.min ?? Number.NEGATIVE_INFINITY));
}

/** List numbering at the start of a clause ("1. ", "（2）", "3、", "①"), which is not a score. */
const NUMBERING =
  /^\s*(?:\d{1,2}[.．]\s+|[(（]\d{1,2}[)）]|\d{1,2}、|[①-⑳]|[一二三四五六七八九十]{1,3}[、.．])\s*/;

/** A notes row's lead ("说明：", "注："), before its numbering ("说明：1. 90分以上为优秀"). */
const LEAD = /^\s*(?:说明|注|备注|附注|注意)\s*[:：]\s*/;

/** Every band and quota the clauses of a text state. */
function rulesIn(text: string): { bands: GradeBand[]; quotas: GradeQuota[] } {
  const clauses = text
    .split(/[,，;；。\n、]/)
    .map((c) => norm(c.replace(LEAD, '').replace(NUMBERING, '')).replace(/（/g, '(').replace(/）/g, ')'));
  const bands: GradeBand[] = [];
  const quotas: GradeQuota[] = [];
  for (const c of clauses) {
    const q = quotaIn(c);
    if (q) {
      if (!quotas.some((x) => x.grade === q.grade)) quotas.push(q);
      continue;
    }
    const b = bandIn(c);
    if (b && !bands.some((x) => x.grade === b.grade)) bands.push(b);
  }
  return { bands, quotas };
}

/**
 * The thresholds and quotas a piece of text states, or null when it states no grade scheme (at least
 * two bands, or a quota).
 * @example parseGradeText('90分以上为优秀，80—89分为良好，60分以下为不合格')?.bands[0] // { grade: '优秀', min: 90 }
 */
export function parseGradeText(text: string): { bands: GradeBand[]; quotas: GradeQuota[] } | null {
  const { bands, quotas } = rulesIn(text);
  const sorted = ordered(bands);
  if (sorted === null) return null;
  if (sorted.length < 2 && quotas.length === 0) return null;
  return { bands: sorted, quotas };
}

/**
 * The grade rules written on a rubric sheet outside its table (title and notes rows above and below),
 * or null when none are written.
 */
export function readGradeRules(sheet: SheetGrid, table: DetectedTable): GradeRules | null {
  const bands: GradeBand[] = [];
  const quotas: GradeQuota[] = [];
  let first: { cell: string; text: string } | null = null;
  let quotaAt: { cell: string; text: string } | null = null;
  sheet.values.forEach((row, r) => {
    if (r >= table.headerRow && r <= table.lastRow) return;
    row.forEach((v, c) => {
      if (typeof v !== 'string' || v.trim() === '') return;
      // Notes are often one rule a row ("1. 90分以上为优秀" / "2. 80—89分为良好"): gather them all.
      const found = rulesIn(v);
      if (found.bands.length === 0 && found.quotas.length === 0) return;
      first ??= { cell: `${colName(c)}${r + 1}`, text: v };
      if (found.quotas.length > 0) quotaAt ??= { cell: `${colName(c)}${r + 1}`, text: v };
      for (const b of found.bands) if (!bands.some((x) => x.grade === b.grade)) bands.push(b);
      for (const q of found.quotas) if (!quotas.some((x) => x.grade === q.grade)) quotas.push(q);
    });
  });
  const sorted = ordered(bands);
  if (first === null || sorted === null) return null;
  if (sorted.length < 2 && quotas.length === 0) return null;
  const at: { cell: string; text: string } = first;
  return {
    bands: sorted,
    quotas,
    source: {
      kind: 'notes',
      sheet: sheet.name,
      cell: at.cell,
      text: at.text,
      ...(quotaAt !== null && quotas.length > 0 ? { quota: quotaAt } : {}),
    },
  };
}

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Why an option could not be read. */
export interface GradeOptionError {
  /** The part that could not be used. */
  error: string;
  /**
   * Why, where the form was right but the number is not (a quota's count of units must be a whole
   * number, 1 or more; its share above 0% and at most 100%). Absent: the part's form is wrong.
   */
  problem?: 'count' | 'share';
}

/**
 * `--grades "优秀:90,良好:80,合格:60,不合格:0"`: bands; the last one at 0 or without a number takes every
 * lower total.
 */
export function parseGradesOption(v: string): GradeBand[] | GradeOptionError {
  const bands: GradeBand[] = [];
  for (const part of v.split(/[,，;；]/).filter((p) => p.trim() !== '')) {
    const m = /^\s*([^:：=\d]+?)\s*(?:[:：=]\s*(-?\d+(?:\.\d+)?)\s*)?$/.exec(part);
    if (!m) return { error: part };
    bands.push({ grade: m[1]!, min: m[2] === undefined ? null : Number(m[2]) });
  }
  const sorted = ordered(bands);
  if (sorted === null || sorted.length === 0) return { error: v };
  const last = sorted[sorted.length - 1]!;
  if (last.min !== null && last.min <= 0) sorted[sorted.length - 1] = { grade: last.grade, min: null };
  return sorted;
}

/** `--quota 优秀:30%` or `--quota 优秀:3` (several separated by commas). */
export function parseQuotaOption(v: string): GradeQuota[] | GradeOptionError {
  const out: GradeQuota[] = [];
  for (const part of v.split(/[,，;；]/).filter((p) => p.trim() !== '')) {
    const m = /^\s*([^:：=\d-]+?)\s*[:：=]\s*(-?\d+(?:\.\d+)?)\s*([%％])?\s*$/.exec(part);
    if (!m) return { error: part };
    const n = Number(m[2]);
    if (m[3]) {
      if (!(n > 0 && n <= 100)) return { error: part.trim(), problem: 'share' };
      out.push({ grade: m[1]!, share: n / 100 });
    } else {
      // A number of units: 1.5 or 0 units is no quota the office can mean.
      if (!Number.isInteger(n) || n < 1) return { error: part.trim(), problem: 'count' };
      out.push({ grade: m[1]!, count: n });
    }
  }
  return out.length > 0 ? out : { error: v };
}

/** The grade a vetoed unit gets: the catch-all band, else the lowest of two or more. */
export function lowestGrade(bands: readonly GradeBand[]): string | null {
  const last = bands[bands.length - 1];
  if (!last) return null;
  return last.min === null || bands.length >= 2 ? last.grade : null;
}

/** The band a total reaches ('' when below every band). */
export function gradeByThreshold(total: number, bands: readonly GradeBand[]): string {
  const t = toCents(total);
  for (const b of bands) {
    if (b.min === null) return b.grade;
    const m = toCents(b.min);
    if (b.strict ? t > m : t >= m) return b.grade;
  }
  return '';
}

/** How many units a quota lets have the grade, of `units` units: "不超过" rounds down. */
export function quotaLimit(q: GradeQuota, units: number): number {
  return 'share' in q ? Math.floor(q.share * units + 1e-9) : Math.floor(q.count);
}

export interface GradeEntry {
  total: number;
  vetoed: boolean;
  /** False when the unit gets no grade yet (open errors, a duplicate, not on the roster). */
  graded: boolean;
}

/**
 * Each unit's grade: null where withheld, '' below every band.
 *
 * 1. Thresholds: the first band the total reaches; a vetoed unit gets the lowest grade.
 * 2. Quotas, highest grade first: of the units at the grade, in ranked order (total, highest first), the
 *    first `quotaLimit` keep it and the rest go down one grade (where the next quota applies in turn).
 *    Units tied on the line all go down, so the quota is never exceeded. The quota is counted on every
 *    unit listed (withheld units included, as 参评单位) and withheld units take no place.
 * @example assignGrades([{ total: 95, vetoed: false, graded: true }], rules) // ['优秀']
 */
export function assignGrades(
  entries: readonly GradeEntry[],
  rules: Pick<GradeRules, 'bands' | 'quotas'>,
): (string | null)[] {
  return applyQuotas(entries, rules).grades;
}

/** What one quota did: the places it allowed, who kept the grade, who went down and whether by a tie. */
export interface QuotaOutcome {
  quota: GradeQuota;
  /** Units the share is counted on (every unit listed). */
  counted: number;
  /** Places: quotaLimit(quota, counted). */
  limit: number;
  /** Entry indexes that reached the grade by the thresholds (before this quota), best first. */
  reached: number[];
  /** Entry indexes that keep the grade. */
  kept: number[];
  /** Entry indexes sent down to `to`. */
  demoted: number[];
  /** Demoted entries tied on the line with a unit inside the places (they lost a place to the tie). */
  tied: number[];
  /** The grade the demoted get ('' below every band). */
  to: string;
}

/**
 * Each quota's outcome in the order applied (highest grade first), for the report; the same
 * computation as assignGrades.
 */
export function quotaOutcomes(
  entries: readonly GradeEntry[],
  rules: Pick<GradeRules, 'bands' | 'quotas'>,
): QuotaOutcome[] {
  return applyQuotas(entries, rules).outcomes;
}

function applyQuotas(
  entries: readonly GradeEntry[],
  rules: Pick<GradeRules, 'bands' | 'quotas'>,
): { grades: (string | null)[]; outcomes: QuotaOutcome[] } {
  const lowest = lowestGrade(rules.bands);
  const grades: (string | null)[] = entries.map((e) =>
    !e.graded ? null : e.vetoed ? (lowest ?? '') : gradeByThreshold(e.total, rules.bands),
  );
  const outcomes: QuotaOutcome[] = [];
  rules.bands.forEach((b, bi) => {
    const q = rules.quotas.find((x) => x.grade === b.grade);
    if (!q) return;
    const limit = quotaLimit(q, entries.length);
    const at = entries
      .map((e, i) => ({ i, cents: toCents(e.total), vetoed: e.vetoed }))
      .filter((x) => grades[x.i] === b.grade && !x.vetoed)
      .sort((x, y) => y.cents - x.cents);
    const next = rules.bands[bi + 1]?.grade ?? '';
    const outcome: QuotaOutcome = {
      quota: q,
      counted: entries.length,
      limit,
      reached: at.map((x) => x.i),
      kept: at.map((x) => x.i),
      demoted: [],
      tied: [],
      to: next,
    };
    outcomes.push(outcome);
    if (at.length <= limit) return;
    const line = at[limit]!.cents;
    const inside = limit > 0 && at[limit - 1]!.cents === line;
    for (const x of at) if (x.cents <= line) grades[x.i] = next;
    outcome.kept = at.filter((x) => x.cents > line).map((x) => x.i);
    outcome.demoted = at.filter((x) => x.cents <= line).map((x) => x.i);
    outcome.tied = inside ? at.filter((x) => x.cents === line).map((x) => x.i) : [];
  });
  return { grades, outcomes };
}

/** Where the grade formula reads a row's total, veto mark and withheld count (0-based, same sheet). */
export interface GradeCells {
  row: number;
  total: number;
  veto?: number;
  hold?: number;
}

/** The threshold grade as a formula: nested IF on the total, the veto giving the lowest grade. */
export function gradeExpr(c: GradeCells, bands: readonly GradeBand[], withheld: string): Expr {
  const total = fn('ROUND', ref(c.row, c.total), num(2));
  let e: Expr = str('');
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!;
    e =
      b.min === null
        ? str(b.grade)
        : fn('IF', bin(b.strict ? '>' : '>=', total, num(b.min)), str(b.grade), e);
  }
  const lowest = lowestGrade(bands);
  if (c.veto !== undefined && lowest !== null)
    e = fn('IF', bin('<>', ref(c.row, c.veto), str('')), str(lowest), e);
  if (c.hold !== undefined) e = fn('IF', bin('>', ref(c.row, c.hold), num(0)), str(withheld), e);
  return e;
}

/** The rules in words, e.g. "优秀 ≥90，良好 ≥80，合格 ≥60，不合格 <60；优秀不超过30%". */
export function describeGrades(rules: Pick<GradeRules, 'bands' | 'quotas'>): string {
  const bands = rules.bands.map((b, i) => {
    if (b.min !== null) return `${b.grade} ${b.strict ? '>' : '≥'}${b.min}`;
    const above = rules.bands[i - 1]?.min;
    return above === undefined || above === null ? b.grade : `${b.grade} <${above}`;
  });
  const quotas = rules.quotas.map((q) =>
    'share' in q ? `${q.grade} ≤${Math.round(q.share * 1000) / 10}%` : `${q.grade} ≤${q.count}`,
  );
  return [bands.join(', '), quotas.join(', ')].filter((s) => s !== '').join('; ');
}

/** Grade rules given as options; either part replaces what the notes say. */
export interface GradeOptions {
  bands?: readonly GradeBand[];
  quotas?: readonly GradeQuota[];
}

/**
 * The rules to use: the options over what the units' notes say (the first unit that states rules), with
 * a note saying where they came from, that none were found, or that units' notes disagree.
 */
export function resolveGradeRules(
  found: readonly (GradeRules | null)[],
  opts: GradeOptions | undefined,
  notes: SummaryNote[],
): GradeRules | null {
  const stated = found.filter((r): r is GradeRules => r !== null);
  const first = stated[0] ?? null;
  const differ = stated.find((r) => describeGrades(r) !== describeGrades(stated[0]!));
  const bands = opts?.bands ?? first?.bands ?? [];
  const quotas = opts?.quotas ?? first?.quotas ?? [];
  const fromOption = opts?.bands !== undefined || opts?.quotas !== undefined;
  const usesNotes = first !== null && (opts?.bands === undefined || opts?.quotas === undefined);
  if (bands.length === 0) {
    notes.push(note(quotas.length > 0 ? 'gradesQuotaOnly' : 'gradesNone'));
    return null;
  }
  const rules: GradeRules = {
    bands: [...bands],
    quotas: quotas.filter((q) => bands.some((b) => b.grade === q.grade)),
    source: usesNotes && first ? first.source : { kind: 'option' },
  };
  for (const q of quotas)
    if (!bands.some((b) => b.grade === q.grade)) notes.push(note('gradeQuotaUnknown', { grade: q.grade }));
  const rule = describeGrades(rules);
  if (usesNotes && first?.source.kind === 'notes') {
    const src = first.source;
    notes.push(
      note(fromOption ? 'gradesFromNotesAndOption' : 'gradesFromNotes', {
        rule,
        file: src.file ?? '',
        sheet: src.sheet,
        cell: src.cell,
        text: src.text.length > 80 ? `${src.text.slice(0, 80)}…` : src.text,
      }),
    );
  } else notes.push(note('gradesFromOption', { rule }));
  if (differ && differ.source.kind === 'notes' && !fromOption)
    notes.push(
      note('gradesDiffer', {
        sheet: differ.source.sheet,
        file: differ.source.file ?? '',
        rule: describeGrades(differ),
      }),
    );
  if (rules.quotas.length > 0) notes.push(note('gradesQuota', { rule }));
  return rules;
}

/**
 * One note per quota saying what was read and from where (the rubric's notes or --quota), the places,
 * who kept the grade and who went down, and the units that went down because of a tie on the line.
 */
export function quotaNotes(
  entries: readonly GradeEntry[],
  names: readonly string[],
  rules: GradeRules,
  fromOption: boolean,
): SummaryNote[] {
  const nameOf = (i: number) => names[i] ?? '';
  const src = rules.source;
  return quotaOutcomes(entries, rules).map((o) => {
    const line = o.tied[0];
    const notes = src.kind === 'notes' && !fromOption ? src : null;
    const at = notes ? (notes.quota ?? { cell: notes.cell, text: notes.text }) : null;
    return note('quotaApplied', {
      grade: o.quota.grade,
      to: o.to,
      quota: describeGrades({ bands: [], quotas: [o.quota] }),
      option: at === null ? 1 : 0,
      file: notes?.file ?? '',
      sheet: notes?.sheet ?? '',
      cell: at?.cell ?? '',
      text: at === null ? '' : at.text.length > 80 ? `${at.text.slice(0, 80)}…` : at.text,
      counted: o.counted,
      limit: o.limit,
      reached: o.reached.length,
      demoted: o.demoted.length,
      keptNames: o.kept.map(nameOf).join('、'),
      demotedNames: o.demoted.map(nameOf).join('、'),
      tiedNames: o.tied.map(nameOf).join('、'),
      line: line === undefined ? '' : (entries[line]?.total ?? ''),
    });
  });
}
