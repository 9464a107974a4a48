/**
 * Typing a table's columns by what they hold, as well as by their header words. Each column under a
 * header row is profiled (numbers, prose with scoring verbs and amounts, points stated in the text,
 * 是/否, sanctions, short numbered labels), then:
 * - two columns both named like a 评分标准 are read for what each holds: the one holding the rules is
 *   the criteria, the other the requirement;
 * - a column named like an entry column (得分, 评分) but holding prose rules is the criteria;
 * - with no criteria header, a column holding rules is the criteria (by content);
 * - with no points header, a column of small numbers is the points column (by content); adjacent
 *   ones are per-role points (直接责任人 | 部门负责人 | 分管领导), the first of them scored; "+5" cells
 *   make a bonus-only table;
 * - with no points column at all, points stated in the text ("（2分）", "得2分") are read, and failing
 *   that a base score stated on the sheet (基本分为70分) makes a base-score table.
 * Every choice made by content is recorded (ColumnUse, DetectNote) so that it can be said out loud.
 */
import { textOf } from '../grid';
import type { ColumnRole, ColumnUse, DetectNote, PointsScheme } from '../rubric';
import { memoized, norm } from '../text';
import {
  baseScoreIn,
  isYesNo,
  looksLikeRule,
  looksLikeSanction,
  looksNumbered,
  signedBonus,
  type TextPoints,
  textPoints,
} from './content';
import type { HeaderCell } from './header';
import { readPoints } from './points';
import { classifyHeader } from './synonyms';
import type { SheetView } from './view';

/** What one column holds below the header. */
export interface ColumnProfile {
  col: number;
  header: string;
  headerRole: ColumnRole | null;
  filled: number;
  numbers: number;
  signed: number;
  rules: number;
  bracketPoints: number;
  awardPoints: number;
  yesNo: number;
  sanctions: number;
  prose: number;
  numbered: number;
  /** 1, 2, 3 …: a 序号 column. */
  sequence: boolean;
  /** Numbers with more than two decimals (data, not points). */
  oddDecimals: number;
  maxNumber: number;
  /** Rows with own text, for per-row agreement checks. */
  rows: number[];
}

const SAMPLE_ROWS = 400;
const PROSE_LENGTH = 12;
const MAX_CONTENT_POINTS = 1000;

function isSequence(values: number[]): boolean {
  if (values.length < 3) return false;
  let steps = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! - values[k - 1]! === 1) steps++;
  return steps >= (values.length - 1) * 0.7;
}

/** What a text cell counts as in a column's profile (see profileColumns). */
interface CellTraits {
  /** The points it reads as, when it is a short number ("5", "５分", "五"). */
  points: number | null;
  signed: boolean;
  yesNo: boolean;
  sanction: boolean;
  rule: boolean;
  how: TextPoints['how'] | null;
  prose: boolean;
  numbered: boolean;
}

/** The same texts fill the same columns sheet after sheet: each is read once. */
const traitsOf = memoized(
  (t: string): CellTraits =>
    Object.freeze({
      points: t.length > 12 || /%|^\s*\+/.test(t) ? null : readPoints(t),
      signed: signedBonus(t) !== null,
      yesNo: isYesNo(t),
      sanction: looksLikeSanction(t),
      rule: looksLikeRule(t),
      how: textPoints(t)?.how ?? null,
      prose: charCount(norm(t)) >= PROSE_LENGTH,
      numbered: looksNumbered(t),
    }),
);

/** Characters (code points) in a text, as [...t].length counts them. */
function charCount(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Profile every column 0..right below the header rows. */
export function profileColumns(
  view: SheetView,
  headerRow: number,
  lastHeaderRow: number,
  right: number,
): ColumnProfile[] {
  const out: ColumnProfile[] = [];
  const end = Math.min(view.rows - 1, lastHeaderRow + SAMPLE_ROWS);
  for (let c = 0; c <= right; c++) {
    // Header text with line breaks taken out ("直接⏎责任人" is one word).
    const header = headerTextAt(view, headerRow, lastHeaderRow, c).replace(/\s+/g, '');
    const p: ColumnProfile = {
      col: c,
      header,
      headerRole: header === '' ? null : (classifyHeader(header)?.role ?? null),
      filled: 0,
      numbers: 0,
      signed: 0,
      rules: 0,
      bracketPoints: 0,
      awardPoints: 0,
      yesNo: 0,
      sanctions: 0,
      prose: 0,
      numbered: 0,
      sequence: false,
      oddDecimals: 0,
      maxNumber: 0,
      rows: [],
    };
    const nums: number[] = [];
    for (let r = lastHeaderRow + 1; r <= end; r++) {
      // Cells of the body holding their own value, skipping full-width ones (notes, group rows: merged
      // across three or more columns); one merge lookup a cell.
      const m = view.merge(r, c);
      if (m && (m.top !== r || m.left !== c || m.right - m.left >= 2)) continue;
      const v = view.value(r, c);
      const t = textOf(v);
      if (t === '') continue;
      p.filled++;
      p.rows.push(r);
      // A text cell is the cell's own string (or a boolean's TRUE/FALSE): its traits depend on t alone.
      const traits = typeof v === 'number' ? null : traitsOf(t);
      const n = traits === null ? (v as number) : traits.points;
      if (n !== null) {
        p.numbers++;
        nums.push(n);
        p.maxNumber = Math.max(p.maxNumber, n);
        if (typeof v === 'number' && Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) p.oddDecimals++;
        continue;
      }
      const k = traits!;
      if (k.signed) {
        p.signed++;
        continue;
      }
      if (k.yesNo) p.yesNo++;
      if (k.sanction) p.sanctions++;
      if (k.rule) p.rules++;
      if (k.how === 'bracket') p.bracketPoints++;
      else if (k.how === 'award') p.awardPoints++;
      if (k.prose) p.prose++;
      if (k.numbered) p.numbered++;
    }
    p.sequence = isSequence(nums);
    out.push(p);
  }
  return out;
}

function headerTextAt(view: SheetView, row: number, lastRow: number, c: number): string {
  for (let r = lastRow; r >= row; r--) {
    if (r > row && view.coveredFromAbove(r, c)) continue;
    const m = view.merge(r, c);
    // A header merged across several columns ("考核项目" over B:C) names each of them.
    const t = m ? view.shownText(r, c) : view.ownText(r, c);
    if (t !== '') return t;
  }
  return '';
}

const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);

export interface ColumnPlan {
  cells: Map<ColumnRole, HeaderCell>;
  /** Further descriptive columns (a second 类别, a header merged over two columns). */
  extraDesc: number[];
  /** Per-role points columns, the scored one first; empty unless the points are split by role. */
  rolePoints: HeaderCell[];
  /** The column whose text states each item's points, when there is no points column. */
  pointsText: number | null;
  scheme: PointsScheme;
  baseScore: number | null;
  /** Where the points come from; null when nothing on the sheet gives points. */
  source: 'column' | 'text' | 'base' | null;
  uses: ColumnUse[];
  notes: DetectNote[];
  /** When nothing gives points: the columns holding sanctions (降职 …) instead, for a skipped sheet. */
  sanctions: { headers: string[]; values: string[] } | null;
  /** The column profiles the plan was made from, by column. */
  profiles: ColumnProfile[];
}

const DESCRIPTIVE: readonly ColumnRole[] = ['project', 'content', 'requirement'];
const ENTRY: readonly ColumnRole[] = ['score', 'deduction', 'selfScore'];

function cellOf(p: ColumnProfile, role: ColumnRole): HeaderCell {
  return { role, col: p.col, text: p.header, declared: null };
}

/** The sheet's texts, cell by cell (titles and notes state base scores and totals). */
function sheetTexts(view: SheetView): string[] {
  const parts: string[] = [];
  for (let r = 0; r < view.rows; r++)
    for (let c = 0; c < view.cols; c++) {
      const t = view.ownText(r, c);
      if (t !== '') parts.push(t);
    }
  return parts;
}

/**
 * Decide what each column is used for, from the header words found (`cells`) and the column
 * profiles. `byWords` is true when the header words alone made a rubric header.
 */
export function planColumns(
  view: SheetView,
  profiles: ColumnProfile[],
  found: Map<ColumnRole, HeaderCell>,
  byWords: boolean,
  left: number,
  right: number,
): ColumnPlan {
  const cells = new Map(found);
  const content = new Map<number, string>();
  const notes: DetectNote[] = [];
  const extraDesc: number[] = [];
  const inTable = profiles.filter((p) => p.col >= left && p.col <= right);
  const prof = (c: number): ColumnProfile | undefined => profiles[c];
  const usedCols = (): Set<number> => new Set([...cells.values()].map((x) => x.col));
  const bodyRows = Math.max(1, ...inTable.map((p) => p.filled));
  const rulesShare = (p: ColumnProfile): number => share(p.rules, p.filled);
  const freeDesc = (): ColumnRole | null =>
    (['requirement', 'content', 'project'] as const).find((r) => !cells.has(r)) ?? null;

  // Two columns both named like a 评分标准: the one holding the rules is the criteria.
  const crit = inTable.filter((p) => p.headerRole === 'criteria');
  if (crit.length >= 2) {
    const best = [...crit].sort((a, b) => rulesShare(b) - rulesShare(a) || b.col - a.col)[0]!;
    if (cells.get('criteria')?.col !== best.col) {
      cells.set('criteria', cellOf(best, 'criteria'));
      content.set(best.col, 'holds the scoring rules');
    }
    for (const p of crit) {
      if (p === best) continue;
      const role = freeDesc();
      if (role) {
        cells.set(role, cellOf(p, role));
        content.set(p.col, 'holds the requirement, not the rule');
      } else extraDesc.push(p.col);
    }
  }

  // An entry-named column full of prose rules is not an entry column.
  for (const role of ENTRY) {
    const cell = cells.get(role);
    const p = cell ? prof(cell.col) : undefined;
    if (!p || p.filled < 2) continue;
    if (rulesShare(p) >= 0.5 && share(p.prose, p.filled) >= 0.5) {
      cells.delete(role);
      if (!cells.has('criteria')) {
        cells.set('criteria', cellOf(p, 'criteria'));
        content.set(p.col, 'prose scoring rules, not entries');
      }
    }
  }

  // No criteria header: a column holding rules is the criteria.
  if (!cells.has('criteria')) {
    const roleOf = new Map([...cells].map(([r, c]) => [c.col, r] as const));
    const candidates = inTable.filter((p) => {
      const role = roleOf.get(p.col) ?? null;
      if (role !== null && !['method', 'content', 'requirement', 'project', 'reason'].includes(role))
        return false;
      if (p.filled < 2 || rulesShare(p) < 0.5) return false;
      if (role !== null && DESCRIPTIVE.includes(role)) {
        // The item's label must still come from another descriptive column.
        const others = [...cells.values()].filter((c) => DESCRIPTIVE.includes(c.role) && c.col !== p.col);
        const covered = p.rows.filter((r) =>
          others.some((o) => view.isOwner(r, o.col) && view.ownText(r, o.col) !== ''),
        );
        if (covered.length < p.rows.length * 0.8) return false;
      }
      return true;
    });
    const best = candidates.sort((a, b) => rulesShare(b) - rulesShare(a) || b.col - a.col)[0];
    if (best) {
      const was = roleOf.get(best.col);
      if (was) cells.delete(was);
      cells.set('criteria', cellOf(best, 'criteria'));
      content.set(best.col, 'prose with scoring verbs and amounts');
      notes.push({ kind: 'criteriaByContent', header: best.header, col: best.col });
    }
  }

  // Unknown columns holding item text, when the header words did not make the table.
  if (!byWords || !DESCRIPTIVE.some((r) => cells.has(r))) {
    const firstScored = Math.min(
      cells.get('criteria')?.col ?? Number.POSITIVE_INFINITY,
      cells.get('points')?.col ?? Number.POSITIVE_INFINITY,
    );
    for (const p of inTable) {
      if (usedCols().has(p.col) || p.col > firstScored || p.filled < 2) continue;
      if (p.headerRole !== null && !DESCRIPTIVE.includes(p.headerRole)) continue;
      if (share(p.numbers + p.signed, p.filled) > 0.5) continue;
      if (p.headerRole !== null) {
        if (cells.has(p.headerRole)) extraDesc.push(p.col);
        else cells.set(p.headerRole, cellOf(p, p.headerRole));
        continue;
      }
      const role = freeDesc();
      if (role) {
        cells.set(role, cellOf(p, role));
        content.set(p.col, 'item text');
      } else extraDesc.push(p.col);
    }
  }
  // A descriptive header repeated (类别 | 违章违纪类别) or merged over two columns: one more level.
  for (const p of inTable) {
    if (usedCols().has(p.col) || extraDesc.includes(p.col)) continue;
    if (p.headerRole === null || !DESCRIPTIVE.includes(p.headerRole) || p.filled === 0) continue;
    const firstDesc = Math.min(
      ...[...cells.values()].filter((c) => DESCRIPTIVE.includes(c.role)).map((c) => c.col),
    );
    const lastDesc = Math.max(
      ...[...cells.values()].filter((c) => DESCRIPTIVE.includes(c.role)).map((c) => c.col),
    );
    if (p.col > firstDesc && p.col < lastDesc + 2 && share(p.numbers, p.filled) <= 0.5) extraDesc.push(p.col);
  }

  // Points.
  let source: ColumnPlan['source'] = cells.has('points') ? 'column' : null;
  let scheme: PointsScheme = 'points';
  let rolePoints: HeaderCell[] = [];
  let pointsText: number | null = null;
  let baseScore: number | null = null;
  let sanctions: ColumnPlan['sanctions'] = null;
  const pointsCell = cells.get('points');
  const pointsProf = pointsCell ? prof(pointsCell.col) : undefined;
  if (pointsProf && share(pointsProf.signed, pointsProf.filled) >= 0.6) scheme = 'bonus';
  if (source === null) {
    const textCols = [...cells.values()]
      .filter((c) => c.role === 'criteria' || DESCRIPTIVE.includes(c.role))
      .map((c) => c.col);
    const statedAt = (r: number): number | null => {
      for (const c of textCols) {
        const tp = textPoints(view.ownText(r, c));
        if (tp) return tp.points;
      }
      return null;
    };
    const numeric = inTable.filter((p) => {
      if (usedCols().has(p.col) || p.filled < Math.max(2, bodyRows * 0.5)) return false;
      if (p.headerRole !== null && p.headerRole !== 'points') return false;
      const pointsLike = share(p.numbers + p.signed, p.filled) >= 0.7;
      if (!pointsLike || p.sequence || p.oddDecimals > 0 || p.maxNumber > MAX_CONTENT_POINTS) return false;
      const checked = p.rows.map((r) => [statedAt(r), readPoints(view.value(r, p.col))] as const);
      const both = checked.filter(([a, b]) => a !== null && b !== null);
      return both.length < 3 || both.filter(([a, b]) => a === b).length * 2 >= both.length;
    });
    if (numeric.length > 0) {
      const run = [numeric[0]!];
      for (const p of numeric.slice(1)) if (p.col === run[run.length - 1]!.col + 1) run.push(p);
      const first = run[0]!;
      cells.set('points', cellOf(first, 'points'));
      source = 'column';
      const signedCol = share(first.signed, first.filled) >= 0.6;
      if (signedCol) scheme = 'bonus';
      content.set(first.col, signedCol ? 'bonus points (+N)' : 'small numbers on every item row');
      if (run.length >= 2) {
        rolePoints = run.map((p) => cellOf(p, 'points'));
        for (const p of run.slice(1)) content.set(p.col, 'points of another role (not scored)');
        notes.push({
          kind: 'rolePoints',
          scored: first.header,
          others: run
            .slice(1)
            .map((p) => p.header)
            .join('、'),
        });
        scheme = 'demerit';
      }
    }
  }
  if (source === null) {
    const textCols = inTable.filter((p) => {
      const role = [...cells].find(([, c]) => c.col === p.col)?.[0];
      return role === 'criteria' || (role !== undefined && DESCRIPTIVE.includes(role));
    });
    const bracket = [...textCols].sort((a, b) => b.bracketPoints - a.bracketPoints)[0];
    const crit = cells.get('criteria');
    const critProf = crit ? prof(crit.col) : undefined;
    if (bracket && bracket.bracketPoints >= 2 && share(bracket.bracketPoints, bracket.filled) >= 0.5) {
      pointsText = bracket.col;
    } else if (
      critProf &&
      critProf.awardPoints + critProf.bracketPoints >= 2 &&
      share(critProf.awardPoints + critProf.bracketPoints, critProf.filled) >= 0.4
    ) {
      pointsText = critProf.col;
    }
    if (pointsText !== null) {
      source = 'text';
      const p = prof(pointsText)!;
      notes.push({ kind: 'pointsFromText', from: p.header, count: p.bracketPoints + p.awardPoints });
    }
  }
  if (source === null && cells.has('criteria')) {
    const base = baseScoreIn(sheetTexts(view));
    if (base) {
      source = 'base';
      scheme = 'base';
      baseScore = base.base;
      notes.push({ kind: 'scheme', scheme: 'base', base: base.base, max: base.max });
    }
  }
  if (source === null) {
    const sanction = inTable.filter((p) => share(p.sanctions, p.filled) >= 0.5);
    if (sanction.length > 0) {
      const values = new Set<string>();
      for (const p of sanction)
        for (const r of p.rows.slice(0, 8)) {
          const t = view.ownText(r, p.col);
          if (looksLikeSanction(t)) values.add(t);
        }
      sanctions = {
        headers: [...new Set(sanction.map((p) => p.header).filter((h) => h !== ''))],
        values: [...values].slice(0, 3),
      };
    }
  }
  if (scheme === 'bonus') notes.push({ kind: 'scheme', scheme: 'bonus', base: null, max: null });
  if (scheme === 'demerit' && !notes.some((n) => n.kind === 'scheme'))
    notes.push({ kind: 'scheme', scheme: 'demerit', base: null, max: null });

  // 单项否决 column: only when it holds 是/否.
  const veto = cells.get('veto');
  if (veto) {
    const p = prof(veto.col);
    if (!p || p.filled === 0 || share(p.yesNo, p.filled) < 0.8) cells.delete('veto');
    else {
      const yes = p.rows.filter((r) => /^(是|有|√|✓)$/.test(norm(view.ownText(r, p.col)))).length;
      notes.push({ kind: 'vetoColumn', header: veto.text, count: yes });
    }
  }

  const uses: ColumnUse[] = [];
  const roleAt = new Map<number, ColumnRole>();
  for (const [role, c] of cells) roleAt.set(c.col, role);
  for (const p of rolePoints.slice(1)) roleAt.set(p.col, 'points');
  for (const c of extraDesc) roleAt.set(c, prof(c)?.headerRole ?? 'content');
  for (const [col, role] of [...roleAt].sort((a, b) => a[0] - b[0])) {
    const p = prof(col);
    const header = p?.header ?? '';
    const why = content.get(col);
    const use: ColumnUse = { col, header, role, by: why ? 'content' : 'header' };
    if (why) use.reason = why;
    uses.push(use);
  }
  return {
    cells,
    extraDesc,
    rolePoints,
    pointsText,
    scheme,
    baseScore,
    source,
    uses,
    notes,
    sanctions,
    profiles,
  };
}

/**
 * Whether a row reads like a header even without a points header word: at least three short cells,
 * one of them a known header word (unless `needWord` is false), none of them a number.
 */
export function headerLike(view: SheetView, r: number, needWord = true): boolean {
  let cells = 0;
  let known = 0;
  for (let c = 0; c < view.cols; c++) {
    const m = view.merge(r, c);
    if (m && m.left !== c) continue;
    if (m && m.top !== r) continue;
    const t = view.ownText(r, c);
    if (t === '') continue;
    const v = view.value(r, c);
    if (typeof v === 'number') return false;
    if (charCount(norm(t)) > 14) return false;
    cells++;
    if (needWord && classifyHeader(t)) known++;
  }
  return cells >= 3 && (!needWord || known >= 1);
}
