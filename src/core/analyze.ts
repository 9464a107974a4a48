/** The facade: workbook grid → detected rubric sheets, rules, entries, scores and issues. */
import { checkEntries } from './checks/entries';
import { checkIntegrity } from './checks/integrity';
import { detectWorkbook, skippedParams } from './detect';
import { readEntries } from './entries';
import type { WorkbookGrid } from './grid';
import { type Issue, issue } from './issues';
import { type Meta, readMeta } from './meta';
import type { SheetAnalysis } from './model';
import type { DetectedTable, RubricGroup, RubricItem, SkippedSheet } from './rubric';
import { handlerFor } from './rules/kinds';
import { parseRule } from './rules/parse';
import type { Rule, RuleOverride } from './rules/types';
import { scoreSheet } from './score';
import { norm } from './text';

export interface SheetReport {
  sheet: string;
  analysis: SheetAnalysis | null;
  skipped: SkippedSheet | null;
  issues: Issue[];
}

export interface WorkbookReport {
  sheets: SheetReport[];
  /** Workbook-level findings (e.g. a damaged metadata store). */
  issues: Issue[];
  /** The product's metadata as read from the workbook. */
  meta: Meta;
}

export interface AnalyzeOptions {
  /** Rule overrides; defaults to those stored in the workbook. */
  overrides?: RuleOverride[];
  /** Metadata; defaults to what the workbook holds. */
  meta?: Meta;
}

/** The override that applies to an item, if any (matched by sheet, item text and criteria). */
export function findOverride(
  overrides: readonly RuleOverride[],
  sheet: string,
  item: RubricItem,
): RuleOverride | undefined {
  const text = norm(item.text);
  const crit = norm(item.criteria);
  return (
    overrides.find((o) => o.sheet === sheet && norm(o.itemText) === text && norm(o.criteria) === crit) ??
    // An override made on one sheet applies to the same item on the other sheets of the workbook
    // (one rubric, one sheet per assessed unit), unless that sheet has its own.
    overrides.find((o) => norm(o.itemText) === text && norm(o.criteria) === crit)
  );
}

/** Rules for every item of a table: the user's overrides first, else what the parser reads. */
/**
 * Rules read so far, by (criteria, requirement, points): one rubric is usually handed in as a sheet
 * per unit, so the same texts recur across sheets and workbooks. Reading is pure, and a rule is never
 * changed once read (items of a merged 评分标准 cell already share one), so it is read once. Bounded:
 * emptied when full.
 */
const PARSED = new Map<string, Map<string, Map<number | null, Map<string, Rule>>>>();
const PARSED_MAX = 20_000;
let parsedCount = 0;

/** The rule read before for (criteria, requirement, points, title), else read now and remembered. */
function parsedRule(criteria: string, requirement: string, points: number | null, title: string): Rule {
  // Keyed by the texts themselves, level by level: no key string is built per item.
  const known = PARSED.get(criteria)?.get(requirement)?.get(points)?.get(title);
  if (known !== undefined) return known;
  const rule = parseRule(criteria, { requirement, points, title });
  if (parsedCount >= PARSED_MAX) {
    PARSED.clear();
    parsedCount = 0;
  }
  let reqs = PARSED.get(criteria);
  if (!reqs) {
    reqs = new Map();
    PARSED.set(criteria, reqs);
  }
  let pts = reqs.get(requirement);
  if (!pts) {
    pts = new Map();
    reqs.set(requirement, pts);
  }
  let titles = pts.get(points);
  if (!titles) {
    titles = new Map();
    pts.set(points, titles);
  }
  titles.set(title, rule);
  parsedCount++;
  return rule;
}

/**
 * Where a cap on the item may be written besides its rule: its own text (when the rule is read from
 * another column), and the label of each category or section that holds this item alone
 * (安全管理（最高扣10分） over one row). A label over several items is not the item's: its cap would
 * bound their sum. Only texts that speak of 扣 are kept, so most items have none.
 */
function titleOf(groups: ReadonlyMap<string, RubricGroup>, item: RubricItem, criteria: string): string {
  const texts = criteria === item.text ? [] : [item.text];
  for (const id of item.groupIds) {
    const g = groups.get(id);
    if (g && g.itemIds.length === 1 && g.groupIds.length === 0) texts.push(g.text);
  }
  return texts.filter((t) => t.includes('扣')).join('\n');
}

export function rulesFor(table: DetectedTable, overrides: readonly RuleOverride[]): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  const groups = new Map(table.groups.map((g) => [g.id, g]));
  for (const item of table.items) {
    // A 评分标准 cell merged over several items is parsed once per distinct (criteria, requirement, points).
    // Some offices write the rule into the item's own text ("考核内容及评分标准"): with no 评分标准
    // column, the item text is where the rule is read from.
    const criteria = table.columns.criteria === undefined ? item.text : item.criteria;
    const read = parsedRule(criteria, item.requirement, item.points, titleOf(groups, item, criteria));
    const o = overrides.length === 0 ? undefined : findOverride(overrides, table.sheet, item);
    // Where the deductions are taken from is the table's and the text's to say, not the override's.
    const fromTotal = read.fromTotal === true || inTotalSection(groups, item);
    const rule: Rule = o
      ? {
          source: item.criteria,
          terms: o.terms,
          cap: o.cap,
          unread: [],
          overridden: true,
          bonusCap: o.bonusCap,
        }
      : withTableFacts(table, item, read);
    rules[item.id] = fromTotal && !rule.fromTotal ? { ...rule, fromTotal: true } : rule;
  }
  return rules;
}

/**
 * A section whose deductions come off the sheet's total: 负面清单, 追加扣除, 扣分项 (not 奖扣分项目), or
 * one that says so (其他（在总分中扣除）).
 */
const TOTAL_SECTION =
  /负面清单|追加扣(?:除|分)|(?<![奖加])扣分(?:项|事项|部分|情形)|减分项|总分中?(?:直接)?扣/;

/** An item with no points of its own under a 扣分项 / 负面清单 / 追加扣除 section (or so titled itself). */
function inTotalSection(groups: ReadonlyMap<string, RubricGroup>, item: RubricItem): boolean {
  if (item.points !== null && item.points !== 0) return false;
  return [item.text, ...item.groupIds.map((id) => groups.get(id)?.text ?? '')].some((t) =>
    TOTAL_SECTION.test(norm(t)),
  );
}

/** The table with the items whose deductions come off the total given 0 points where they state none. */
function withTotalItems(table: DetectedTable, rules: Record<string, Rule>): DetectedTable {
  const open = (i: RubricItem) => i.points === null && rules[i.id]?.fromTotal === true;
  if (!table.items.some(open)) return table;
  return { ...table, items: table.items.map((i) => (open(i) ? { ...i, points: 0 } : i)) };
}

/**
 * What the table itself says about an item's rule, beyond its text: a 是 in the 单项否决 column makes
 * it a veto; on a list of points charged per occurrence (负面清单记分), each occurrence costs the
 * item's points.
 */
function withTableFacts(table: DetectedTable, item: RubricItem, rule: Rule): Rule {
  const span = { start: 0, end: 0 };
  // A term of a kind that can veto (its handler says whether it ends the assessment) is already the veto.
  if (item.veto && !rule.terms.some((t) => handlerFor(t).vetoesAssessment !== undefined)) {
    const what = table.headers.veto ?? '单项否决';
    return { ...rule, terms: [...rule.terms, { kind: 'veto', scope: 'assessment', what, span }] };
  }
  if (table.scheme === 'demerit' && rule.terms.length === 0 && item.points !== null && item.points > 0) {
    // The label is a sentence of the list ("…给与通气的。"): its closing punctuation and 的 are left off,
    // as the explanation adds its own ("…给与通气的每次扣6分", not "…的。的每次").
    const what = item.label.replace(/[。．.；;，,、！!？?\s]+$/u, '').replace(/的$/u, '');
    const term = { kind: 'perUnit' as const, amount: item.points, unit: '次', what, span };
    return { ...rule, terms: [term], cap: { kind: 'none', span } };
  }
  return rule;
}

/**
 * A 加分项 whose 分值 reads "最高5分" / "最多加5分" / "加分上限5分" has no points of its own, only a limit
 * on the bonus it can add. Returns that limit, or null for an ordinary item.
 */
export function bonusLimit(item: RubricItem): number | null {
  if (item.points !== null) return null;
  const m = /^(?:最高|最多|上限|不超过|加分上限)加?(\d+(?:\.\d+)?)分?$/.exec(norm(item.pointsRaw));
  return m ? Number(m[1]) : null;
}

/** The table with bonus items given 0 points, and their rules limited to the stated bonus. */
function withBonusItems(table: DetectedTable, rules: Record<string, Rule>): DetectedTable {
  const limits = new Map(
    table.items.map((i) => [i.id, bonusLimit(i) ?? i.bonus ?? null] as const).filter(([, l]) => l !== null),
  );
  if (limits.size === 0) return table;
  for (const [id, limit] of limits) {
    const rule = rules[id];
    if (!rule || limit === null) continue;
    // A term of a kind that adds a bonus (its handler states the bonus's limit) already says how much.
    const hasBonus = rule.terms.some((t) => handlerFor(t).bonusLimitCents !== undefined);
    const terms = hasBonus
      ? rule.terms
      : [
          ...rule.terms,
          {
            kind: 'bonus' as const,
            amount: limit,
            max: limit,
            unit: '',
            what: '',
            span: { start: 0, end: 0 },
          },
        ];
    rules[id] = { ...rule, terms, bonusCap: Math.min(limit, rule.bonusCap ?? limit) };
  }
  return {
    ...table,
    items: table.items.map((i) => (limits.has(i.id) && i.points === null ? { ...i, points: 0 } : i)),
  };
}

/** A row that both adds and takes off beside the total: 奖扣分项目, 加减分, 加扣分, 奖惩. */
const ADJUSTMENT_ROW = /奖扣|加减分|加扣分|奖惩/;

/**
 * A 奖扣分 / 加减分 row whose rule states a bonus and a deduction ("分别奖20、10分 … 分别扣20、10分")
 * is not part of the maximum and not an ordinary item: the points cell on it is the most it can move
 * the score, up or down. It scores 0 out of 0, its deductions come off the total, and its bonus and
 * deduction are capped at those points.
 */
export function isAdjustmentRow(groups: ReadonlyMap<string, RubricGroup>, item: RubricItem): boolean {
  const label = [item.text, ...item.groupIds.map((id) => groups.get(id)?.text ?? '')].map(norm);
  if (!label.some((t) => ADJUSTMENT_ROW.test(t))) return false;
  const rule = norm(item.criteria || item.text);
  return /[奖加]\S*?\d/.test(rule) && /[扣减]\S*?\d/.test(rule);
}

function withAdjustmentRows(table: DetectedTable, rules: Record<string, Rule>): DetectedTable {
  const groups = new Map(table.groups.map((g) => [g.id, g]));
  const rows = table.items.filter((i) => i.points !== null && i.points > 0 && isAdjustmentRow(groups, i));
  if (rows.length === 0) return table;
  const ids = new Set(rows.map((i) => i.id));
  for (const item of rows) {
    const rule = rules[item.id];
    if (!rule || rule.overridden) continue;
    const most = item.points ?? 0;
    rules[item.id] = {
      ...rule,
      fromTotal: true,
      cap: { kind: 'explicit', amount: most, span: rule.cap.span ?? { start: 0, end: 0 } },
      bonusCap: Math.min(most, rule.bonusCap ?? most),
    };
  }
  return { ...table, items: table.items.map((i) => (ids.has(i.id) ? { ...i, points: 0 } : i)) };
}

/**
 * Read, score and check every sheet of a workbook.
 * @example const report = analyzeWorkbook(grid); report.sheets[0]?.analysis?.score.total
 */
export function analyzeWorkbook(wb: WorkbookGrid, opts: AnalyzeOptions = {}): WorkbookReport {
  const metaRead = opts.meta ? { ok: true as const, meta: opts.meta, found: true } : readMeta(wb);
  const meta = metaRead.meta;
  const issues: Issue[] = [];
  if (!metaRead.ok)
    issues.push(issue('fileUnreadable', '', null, { file: 'RubricScorerData', detail: metaRead.error }));
  const overrides = opts.overrides ?? meta.overrides;
  const detections = detectWorkbook(wb);
  const productSheets = new Set(meta.summarySheets ?? []);
  const sheets: SheetReport[] = detections.map((found, i) => {
    const sheet = wb.sheets[i]!;
    // The product's own summary sheets are never read as rubrics.
    const d: typeof found = productSheets.has(sheet.name)
      ? { ok: false, skipped: { sheet: sheet.name, reason: 'productSheet', code: 'productSheet' } }
      : found;
    if (!d.ok) {
      const quiet = d.skipped.reason === 'productSheet' || d.skipped.reason === 'hidden';
      return {
        sheet: sheet.name,
        analysis: null,
        skipped: d.skipped,
        issues: quiet ? [] : [issue('sheetSkipped', sheet.name, null, skippedParams(d.skipped))],
      };
    }
    const state = meta.sheets.find((s) => s.sheet === sheet.name);
    const rules = rulesFor(d.table, overrides);
    const table = withTotalItems(withAdjustmentRows(withBonusItems(d.table, rules), rules), rules);
    const entries = readEntries(sheet, table, state);
    const score = scoreSheet(table, rules, entries);
    const sheetIssues = [
      ...checkIntegrity(table, rules),
      ...checkEntries(sheet, table, rules, entries, score, state),
    ];
    return {
      sheet: sheet.name,
      analysis: { table, rules, entries, score },
      skipped: null,
      issues: sortIssues(sheetIssues),
    };
  });
  return { sheets, issues, meta };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortIssues(issues: Issue[]): Issue[] {
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => SEVERITY_ORDER[a.i.severity] - SEVERITY_ORDER[b.i.severity] || a.n - b.n)
    .map(({ i }) => i);
}
