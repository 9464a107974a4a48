/**
 * The rule parser: an item's 评分标准 prose → a Rule (terms, cap, unread spans).
 *
 * How it reads:
 * 1. The text is normalised (traditional → simplified, full-width → half-width, pinyin artefacts and
 *    spaces dropped) with a map back to the original offsets; every span in the result is an
 *    ORIGINAL offset into Rule.source.
 * 2. It is cut into sentences (。；; ! ? and line breaks) and each sentence into clauses (，,), never
 *    inside brackets, and never at 、 (so "无方案、小结、信息的各扣1分" keeps its list).
 * 3. In each clause the scoring phrases ("actions": 扣0.5分/人, 记满分, 不得分, 一票否决, 加1分, 酌情扣分,
 *    扣完为止 …) are found by a prioritised list of patterns (vocab.ts ACTIONS), each answered by a
 *    named production (grammar/productions.ts). The text before an action is its condition; for a
 *    deduction, an ordered table of alternatives (grammar/deduction.ts) decides its family (每减少1% →
 *    rate, 不足5篇 → threshold, 每少一次 → shortfall, 每次 or /人 → perUnit, otherwise flag). The driver
 *    (grammar/driver.ts) folds each production's outcome into a new reading; nothing read earlier is
 *    changed in place.
 * 4. Clauses with no action and no scoring words are conditions waiting for a later action in the
 *    same sentence ("未完成指标的，采用否决计分法，计零分" is one zeroIf about 未完成指标). Clauses with
 *    scoring words that match nothing are reported in `unread`.
 *
 * Where the rule lives in 目标要求: the requirement is read too. Its terms are used when the 评分标准
 * yields none (e.g. an empty 评分标准 beside "计划外一票否决"), and its 一票否决 terms are always used.
 * When any requirement term is used, Rule.source is `criteria + '\n' + requirement` and spans into
 * the requirement are offset by criteria.length + 1; otherwise Rule.source is the criteria alone.
 * The requirement is also where required counts (全年投稿不少于5篇) and rate targets (达98%以上) are
 * looked up when the 评分标准 does not state them.
 *
 * A "每少一次扣0.5分" whose required count is stated nowhere becomes a perUnit term over the number
 * MISSING (what = "少一次…"): the same deduction, entered as the shortfall itself, with no guess. So
 * does one whose count is stated only per period (每季度不少于1次): the assessment's length is unknown,
 * so one period's count is not the required total; the requirement is named in `what`.
 *
 * Other readings worth knowing:
 * - Sub-clause numbering (1. 2、 (3) ① 一、) and labels (扣分标准：) are not part of a condition.
 * - 满分5分 / 本项3分 / 基础分3分 restate the item's points: no term, and they stand in for the
 *   item's points when none are given.
 * - A bare limit (累计不超过2分, 最高不超过1分) limits the term before it: a bonus or the deductions.
 * - "出现一次扣1分，两次扣2分" restates the per-unit term; a tier that is not a multiple (两次扣3分)
 *   and a 每 step of several units (每5人扣1分, 每超0.1个百分点) cannot be held by a term: unread.
 * - 不倒扣 keeps the item cap; 每超出1个百分点 counts points above a ceiling (perUnit 百分点).
 *
 * 一票否决 always vetoes the whole assessment (that is what the phrase means in these rubrics, even
 * as "该项实行一票否决"); "本项否决"/"该项否决" without 一票 zeroes only the item (veto, scope 'item').
 *
 * Text with no scoring words at all ("要有计划，实施方案…", "每年至少体检一次") gives no terms and no
 * unread spans; callers treat `terms.length === 0` as "scored at the assessor's discretion".
 */
import { accountFor } from './account';
import { handlerFor } from './kinds';
import { readRanks } from './ranks';
import { readAcrossClauses } from './escalate';
import { readText } from './grammar/driver';
import type { BonusMax, Ctx, Reading } from './grammar/types';
import { type Text, numOf, okAmount, prepare, toSpan } from './segments';
import { blank, readTiers } from './tiers';
import type { Cap, Rule, Span, Term } from './types';
import { ACTIONS } from './vocab';

/** Options for parseRule. */
export interface ParseOptions {
  /** The item's 目标要求, read for terms the 评分标准 lacks and for required counts / rate targets. */
  requirement?: string;
  /** The item's 标准分值, used where a rule is stated relative to it (每项0.5分, 得分=完成率×分值). */
  points?: number | null;
  /**
   * The item's title as the table shows it (its own text, or the label of a category or section
   * holding only it), when that is not the text the rule is read from: a cap written there
   * (安全管理（最高扣10分）, ……，本项最多扣5分) limits the item's deductions.
   */
  title?: string;
}

/** A cap stated in a title has no span in the rule's source: the empty span at 0, as table facts have. */
const NO_SPAN: Span = { start: 0, end: 0 };

/**
 * The caps a title states (最高扣10分, 本项最多扣5分, 扣分不超过3分, 本项共扣4分): explicit amounts only;
 * the title's other words (its points, what it is about) are not a rule.
 * @example titleCaps('安全管理（最高扣10分）') // [{ kind: 'explicit', amount: 10, span: { start: 0, end: 0 } }]
 */
export function titleCaps(title: string): Cap[] {
  if (!title.includes('扣')) return [];
  const t = prepare(title, 0).t;
  const out: Cap[] = [];
  for (const [kind, re] of ACTIONS) {
    if (kind !== 'capExplicit' && kind !== 'capTotal') continue;
    for (const m of t.matchAll(new RegExp(re.source, 'g'))) {
      const v = numOf(m, 1, 2, 3, 4, 5);
      if (okAmount(v)) out.push({ kind: 'explicit', amount: v, span: NO_SPAN });
    }
  }
  return out;
}

/** The cap: 倒扣 > an explicit amount (the smallest) > 扣完为止 > the default (the item's points). */
function chooseCap(caps: readonly { cap: Cap }[]): Cap {
  const none = caps.find((c) => c.cap.kind === 'none');
  if (none) return none.cap;
  const explicit = caps
    .map((c) => c.cap)
    .filter((c): c is Extract<Cap, { kind: 'explicit' }> => c.kind === 'explicit')
    .sort((p, q) => p.amount - q.amount)[0];
  if (explicit) return explicit;
  const item = caps.find((c) => c.cap.kind === 'item');
  return item ? item.cap : { kind: 'item', span: null };
}

type Bonus = Extract<Term, { kind: 'bonus' }>;

/** The bonus term with a limit: its max, and a unit of 次 when the limit is not its own amount. */
const limited = (b: Bonus, amount: number): Bonus => ({
  ...b,
  max: amount,
  unit: b.unit === '' && b.amount !== amount ? '次' : b.unit,
});

/**
 * Bonus limits: a limit said after two or more bonus terms caps their sum (returned); otherwise it
 * goes to the nearest bonus term before it (else after), or becomes one.
 */
function applyBonusMax(
  terms: readonly Term[],
  bonusMax: readonly BonusMax[],
  x: Text,
): { terms: Term[]; sumCap: number | undefined } {
  let out = [...terms];
  let sumCap: number | undefined;
  for (const bm of bonusMax) {
    const sp = toSpan(x, bm.at.s, bm.at.e);
    const bonuses = out.filter((tm): tm is Bonus => tm.kind === 'bonus');
    const before = bonuses.filter((b) => b.span.start <= sp.start);
    if (before.length >= 2) {
      sumCap = sumCap === undefined ? bm.amount : Math.min(sumCap, bm.amount);
      continue;
    }
    const target = before[before.length - 1] ?? bonuses[0];
    out = target
      ? out.map((tm) => (tm === target ? limited(target, bm.amount) : tm))
      : [...out, { kind: 'bonus', amount: 1, max: bm.amount, unit: '分', what: bm.what || '加分', span: sp }];
  }
  return { terms: out, sumCap };
}

/**
 * 在总分中扣除10分, 每起从总分中扣5分, 总分扣3分: where the deduction is taken from (the sheet's total),
 * right before the deduction itself.
 */
const FROM_TOTAL =
  /(?:在|从|于)?(?:考核|年度|综合|最终|当年)?(?:总分|总得分|总成绩|得分总数)(?:中|里|内|上)?(?=(?:直接|另行|另|再)?扣)/g;

/**
 * The text without its 在总分中 phrases, each cut out (the deduction after it then reads with the
 * condition before it: 发生较大事故的，扣除10分), and their spans.
 */
function withoutFromTotal(x: Text): { x: Text; spans: Span[] } {
  const found = [...x.t.matchAll(FROM_TOTAL)].filter((m) => m[0] !== '');
  if (found.length === 0) return { x, spans: [] };
  const spans = found.map((m) => toSpan(x, m.index, m.index + m[0].length));
  let { t, map } = x;
  for (const m of found.reverse()) {
    const e = m.index + m[0].length;
    t = `${t.slice(0, m.index)}${t.slice(e)}`;
    map = [...map.slice(0, m.index), ...map.slice(e)];
  }
  return { x: { ...x, t, map }, spans };
}

/** One text read: tiers first, the clause grammar over what they leave, then the cross-clause phrases. */
function read(
  original: string,
  base: number,
  ctx: Omit<Ctx, 'crit'> & { crit?: Text },
): { parsed: Reading; bonusCap: number | undefined; fromTotal: Span[] } {
  const cut = withoutFromTotal(prepare(original, base));
  const whole = cut.x;
  const ranks = readRanks(whole, ctx.points);
  const tiers = readTiers(
    blank(
      whole,
      ranks.map((r) => r.seg),
    ),
    ctx.points,
  );
  const ladders = [...ranks, ...tiers];
  const x = blank(
    whole,
    ladders.map((r) => r.seg),
  );
  const clauses = readText(x, { crit: ctx.crit ?? x, req: ctx.req, points: ctx.points });
  const terms = [...clauses.terms, ...ladders.map((r) => r.term)].sort((p, q) => p.span.start - q.span.start);
  const across = readAcrossClauses(x, { ...clauses, terms }, ctx.points);
  const bonus = applyBonusMax(across.terms, clauses.bonusMax, x);
  return {
    parsed: { ...clauses, ...across, terms: bonus.terms },
    bonusCap: bonus.sumCap,
    fromTotal: cut.spans,
  };
}

/** The item's points as its 评分标准 restates them (满分2分, 本项3分), for rules stated relative to them. */
function statedPoints(criteria: string): number | null {
  const re = ACTIONS.find(([k]) => k === 'statePoints')![1];
  const m = new RegExp(re.source).exec(prepare(criteria, 0).t);
  const v = m ? numOf(m, 1, 2) : null;
  return okAmount(v) && v > 0 ? v : null;
}

/** What the 目标要求 adds: all its reading when the 评分标准 gives none, else only its vetoes. */
function fromRequirement({
  c,
  r,
  criteria,
  requirement,
}: {
  /** The reading of the criteria. */
  c: Reading;
  /** The reading of the requirement. */
  r: Reading;
  criteria: string;
  requirement: string;
}): Pick<Reading, 'terms' | 'caps' | 'unread'> & { source: string } {
  const useAll = c.terms.length === 0 && c.unread.length === 0;
  const fromReq = useAll ? r.terms : r.terms.filter((tm) => tm.kind === 'veto');
  if (fromReq.length === 0) return { source: criteria, terms: c.terms, caps: c.caps, unread: c.unread };
  return {
    source: `${criteria}\n${requirement}`,
    terms: [...c.terms, ...fromReq],
    caps: useAll ? [...c.caps, ...r.caps] : c.caps,
    unread: useAll ? [...c.unread, ...r.unread] : c.unread,
  };
}

function parseStrict(criteria: string, opts: ParseOptions): Rule {
  const requirement = opts.requirement ?? '';
  const points = opts.points ?? statedPoints(criteria);
  const reqText = requirement.trim() === '' ? null : prepare(requirement, criteria.length + 1);
  const c = read(criteria, 0, { req: reqText, points });
  const base = c.parsed;
  const r = reqText
    ? read(requirement, criteria.length + 1, { crit: prepare(criteria, 0), req: reqText, points })
    : null;
  const { source, terms, caps, unread } = r
    ? fromRequirement({ c: base, r: r.parsed, criteria, requirement })
    : { source: criteria, terms: base.terms, caps: base.caps, unread: base.unread };
  const cap = chooseCap([...caps, ...titleCaps(opts.title ?? '').map((c) => ({ cap: c }))]);
  // 扣完为止 and 不倒扣 agree with any explicit cap; they are read even where another cap is chosen.
  const agreeing = caps.filter((k) => k.cap.kind !== 'explicit' && k.cap.span).map((k) => k.cap.span!);
  const fromTotal = [...c.fromTotal, ...(source === criteria ? [] : (r?.fromTotal ?? []))];
  const neutral: Span[] = [...base.neutral, ...base.used, ...agreeing, ...fromTotal];
  const rule: Rule = { source, terms, cap, unread, overridden: false, neutral };
  if (c.bonusCap !== undefined) rule.bonusCap = c.bonusCap;
  if (fromTotal.length > 0 && terms.some((tm) => handlerFor(tm).flags.deducting)) rule.fromTotal = true;
  return accountFor(rule);
}

/**
 * Read an item's 评分标准 (and, where the rule lives there, its 目标要求) into a Rule. Never throws.
 * @example parseRule('跟踪随访不到位的扣0.5分/人，扣完为止').terms[0] // { kind: 'perUnit', amount: 0.5, unit: '人', … }
 */
export function parseRule(criteria: string, opts: ParseOptions = {}): Rule {
  try {
    return parseStrict(criteria, opts);
  } catch {
    // A parser fault must not stop the analysis of a workbook: the whole text is reported unread.
    const s = typeof criteria === 'string' ? criteria : '';
    return {
      source: s,
      terms: [],
      cap: { kind: 'item', span: null },
      unread: s.trim() ? [{ start: 0, end: s.length }] : [],
      overridden: false,
    };
  }
}

/** parseRule without the safety net, for tests that must see any fault. */
export const parseRuleStrict = (criteria: string, opts: ParseOptions = {}): Rule =>
  parseStrict(criteria, opts);
