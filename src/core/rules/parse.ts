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
 *    扣完为止 …) are found by a prioritised list of patterns. The text before an action is its
 *    condition; the condition decides the family of a deduction (每少一次 → shortfall, 不足5篇 →
 *    threshold, 每减少1% → rate, 每次 or /人 → perUnit, otherwise flag).
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
import { readAcrossClauses } from './escalate';
import { blank, readTiers } from './tiers';
import type { Cap, Rule, Span, Term } from './types';
import { DEDUCTING_KINDS } from './registry';
import { type Text, numOf, okAmount, prepare, split, toSpan, trimSeg, whatOf, without } from './segments';
import {
  ACTIONS,
  type Action,
  BELOW_N,
  JUDGE,
  COUNT_ONLY,
  LIST_NEGATION,
  ONE_UNIT,
  PER_PERIOD,
  periodsPerYear,
  RATE_STEP,
  RATE_TARGET_FAR,
  RATE_TARGET_NEAR,
  REFERENCE,
  SHORT_ONE,
  type Seg,
  VOCAB,
  countPatterns,
  eachStep,
  eachUnit,
  parseNumber,
} from './vocab';

/** Options for parseRule. */
export interface ParseOptions {
  /** The item's 目标要求, read for terms the 评分标准 lacks and for required counts / rate targets. */
  requirement?: string;
  /** The item's 标准分值, used where a rule is stated relative to it (每项0.5分, 得分=完成率×分值). */
  points?: number | null;
}

/** Actions in a clause, earliest first, with no overlaps (earlier patterns win). */
function findActions(text: string): Action[] {
  const taken: Action[] = [];
  for (const [kind, re] of ACTIONS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some((a) => s < a.e && a.s < e)) continue;
      taken.push({ kind, s, e, m });
    }
  }
  return taken.sort((a, b) => a.s - b.s);
}

interface CountFound {
  value: number;
  /** Position in the criteria (normalised), or -1 when found in the requirement. */
  at: number;
  /** End of the phrase (normalised). */
  end: number;
  /** What is counted: the words before the count in its clause. */
  context: string;
  /** The whole phrase when the count is per period (每月不少于2次): not a count for the assessment. */
  periodic: string | null;
}

interface Ctx {
  crit: Text;
  req: Text | null;
  points: number | null;
  /** Spans of counts and targets a term took from elsewhere in the text (collected as neutral). */
  used: Span[];
}

/** The clause (comma/sentence-bounded) text before position i. */
function clauseBefore(t: string, i: number): string {
  let s = i;
  while (s > 0 && !/[,;。!?，]/.test(t[s - 1]!)) s--;
  const g = trimSeg(t, s, i);
  return t.slice(g.s, g.e).replace(/^(?:有|全年|每年|共)/, '');
}

/** The required count for a shortfall in `unit`: nearest before `at` in the criteria, else after, else in the requirement. */
function findRequired(ctx: Ctx, unit: string, at: number): CountFound | null {
  // "有一次不完整，一次扣0.5分" describes a violation: a count in a clause that scores is no requirement.
  const scored = (x: Text, c: CountFound): boolean => {
    let s = c.at;
    while (s > 0 && !/[,;。!?，]/.test(x.t[s - 1]!)) s--;
    let e = c.end;
    while (e < x.t.length && !/[,;。!?，]/.test(x.t[e]!)) e++;
    return /扣|得分|不得分|加\d/.test(x.t.slice(s, e));
  };
  const scan = (x: Text): CountFound[] =>
    countsIn(x, unit).filter((c) => c.periodic === null && !scored(x, c));
  const inCrit = scan(ctx.crit);
  const before = inCrit.filter((c) => c.at < at);
  const pick = before.length > 0 ? before[before.length - 1] : inCrit[0];
  if (pick) {
    ctx.used.push(toSpan(ctx.crit, pick.at, pick.end));
    return pick;
  }
  if (ctx.req) {
    const inReq = scan(ctx.req);
    if (inReq.length > 0) return { ...inReq[0]!, at: -1 };
  }
  return null;
}

/** A requirement stated per period (每季度召开…不少于1次), in the criteria else the requirement. */
function findPeriodic(ctx: Ctx, unit: string): string | null {
  for (const x of [ctx.crit, ctx.req]) {
    const p = x ? countsIn(x, unit).find((c) => c.periodic !== null) : undefined;
    if (!p) continue;
    if (x === ctx.crit) ctx.used.push(toSpan(x, p.at, p.end));
    return p.periodic;
  }
  return null;
}

/** Every required-count phrase for `unit` in a text, in order. */
function countsIn(x: Text, unit: string): CountFound[] {
  const found: CountFound[] = [];
  for (const re of countPatterns(unit)) {
    for (const m of x.t.matchAll(re)) {
      const v = parseNumber(m[1] ?? '');
      if (v === null || v <= 0 || v > 10000 || !Number.isInteger(v)) continue;
      // The context is the counted activity: the words before the number, without the verb.
      const numAt = m.index + m[0].lastIndexOf(m[1] ?? '');
      const before = clauseBefore(x.t, numAt);
      const period = PER_PERIOD.exec(`${before}${m[0]}`);
      const times = period ? periodsPerYear(period[0]) : null;
      if (period && times !== null) {
        // 每季度召开一次 → 4 in the assessment's year; the frequency stays named in the context.
        const phrase = `${before}${m[0].slice(m[0].lastIndexOf(m[1] ?? ''))}`.replace(/^.*?(?=每)/, '');
        found.push({
          value: v * times,
          at: m.index,
          end: m.index + m[0].length,
          context: `${phrase}(全年)`,
          periodic: null,
        });
        continue;
      }
      if (period) {
        found.push({
          value: v,
          at: m.index,
          end: m.index + m[0].length,
          context: before,
          periodic: `${before}${m[0].slice(m[0].lastIndexOf(m[1] ?? ''))}`,
        });
        continue;
      }
      const context = before
        .replace(/(?:不少于|不低于|不得少于|至少|最少|达到|满|少于|不足|低于|不到|未达到?|达不到|未满)$/, '')
        .replace(/^(?:至少|最少)/, '');
      found.push({ value: v, at: m.index, end: m.index + m[0].length, context, periodic: null });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The rate target: near the phrase, else anywhere in the criteria, else in the requirement. */
function findTarget(ctx: Ctx, cond: string): number | null {
  const near = RATE_TARGET_NEAR.exec(cond);
  if (near) return numOf(near, 1, 2);
  if (REFERENCE.test(cond)) return null;
  for (const x of [ctx.crit, ctx.req]) {
    if (!x) continue;
    const m = RATE_TARGET_FAR.exec(x.t) ?? RATE_TARGET_NEAR.exec(x.t);
    if (!m) continue;
    if (x === ctx.crit) ctx.used.push(toSpan(x, m.index, m.index + m[0].length));
    return numOf(m, 1, 2);
  }
  return null;
}

interface ParsedText {
  terms: Term[];
  caps: { cap: Cap; at: number }[];
  unread: Span[];
  /** Bonus limits with no bonus term yet: applied after the whole text is read. */
  bonusMax: { amount: number; at: Seg; what: string }[];
  /** Spans read that add no term (restated points, limits folded into a term). */
  neutral: Span[];
}

/** Read one text (criteria or requirement). */
function readText(x: Text, ctx: Ctx): ParsedText {
  const out: ParsedText = { terms: [], caps: [], unread: [], bonusMax: [], neutral: [] };
  const t = x.t;
  for (const sentence of split(t)) {
    let pending: Seg[] = [];
    /** Index of the last term made in this sentence (for merging 采用否决计分法，计零分). */
    let lastInSentence = -1;
    for (const clause of sentence) {
      const text = t.slice(clause.s, clause.e);
      const actions = findActions(text);
      let prev = 0;
      let made = false;
      for (const a of actions) {
        const condSeg = trimSeg(t, clause.s + prev, clause.s + a.s);
        const cond = t.slice(condSeg.s, condSeg.e);
        const condLeftover = t.slice(clause.s + prev, clause.s + a.s);
        prev = a.e;
        const aSeg: Seg = { s: clause.s + a.s, e: clause.s + a.e };
        const before = out.terms.length;
        const res = readAction(a, cond, condSeg, aSeg, pending, x, ctx, out, lastInSentence);
        if (res === 'cap') {
          if (VOCAB.test(condLeftover) && cond !== '') out.unread.push(toSpan(x, condSeg.s, condSeg.e));
          continue;
        }
        if (res === 'merged' || out.terms.length > before) {
          made = true;
          pending = [];
          if (out.terms.length > before) lastInSentence = out.terms.length - 1;
        }
      }
      const tail = trimSeg(t, clause.s + prev, clause.e);
      const tailText = t.slice(tail.s, tail.e);
      if (actions.length === 0) {
        if (VOCAB.test(text)) {
          const g = trimSeg(t, clause.s, clause.e);
          out.unread.push(toSpan(x, g.s, g.e));
        } else {
          pending.push(clause);
        }
      } else if (tailText !== '' && VOCAB.test(tailText)) {
        out.unread.push(toSpan(x, tail.s, tail.e));
      } else if (!made && tailText !== '') {
        pending.push(tail);
      }
    }
  }
  return out;
}

/** Words before 一票否决 that name what is vetoed, not what triggers it. */
const VETO_SCOPE =
  /^(?:本单位|该单位|单位|年度|全年|本年度|当年|年终|综合|目标|绩效|考核|考评|评比|评先评优|总分|工作|本项|该项|此项|实行|实施|予以|采取|并|中)+$/;

/** The trailing "…的" clauses of the pending conditions (none when the last one does not end in 的). */
function dePending(pending: Seg[], t: string): Seg[] {
  const last = pending[pending.length - 1];
  if (!last || !/的$/.test(t.slice(last.s, last.e))) return [];
  return pendingSegs(pending, t);
}

/** Segments joined into one condition (trimmed, comma-separated), with where it starts. */
function joinSegs(t: string, segs: Seg[], fallbackStart: number): { what: string; start: number } {
  const parts = segs.map((g) => trimSeg(t, g.s, g.e)).filter((g) => g.e > g.s);
  return { what: parts.map((g) => whatOf(t, g)).join(','), start: parts[0]?.s ?? fallbackStart };
}

/** The pending conditions that belong to the next action: trailing "…的" clauses if any, else all. */
function pendingSegs(pending: Seg[], t: string): Seg[] {
  const endsDe = (g: Seg): boolean => /的$/.test(t.slice(g.s, g.e));
  const last = pending[pending.length - 1];
  if (!last || !endsDe(last)) return pending;
  let i = pending.length - 1;
  while (i > 0 && endsDe(pending[i - 1]!)) i--;
  return pending.slice(i);
}

/** Handle one action; pushes terms/caps/unread onto `out`. */
function readAction(
  a: Action,
  cond: string,
  condSeg: Seg,
  aSeg: Seg,
  pending: Seg[],
  x: Text,
  ctx: Ctx,
  out: ParsedText,
  lastInSentence: number,
): 'cap' | 'term' | 'merged' | 'none' {
  const t = x.t;
  const m = a.m;
  const own = cond === '' ? null : condSeg;
  const pend = pendingSegs(pending, t);
  /** Condition text with the pending clauses in front (for fullIf / zeroIf / veto). */
  const withPending = (): { what: string; start: number } => {
    const parts = pend.map((g) => trimSeg(t, g.s, g.e)).filter((g) => g.e > g.s);
    if (own) parts.push(own);
    const what = parts.map((g) => whatOf(t, g)).join(',');
    return { what, start: parts[0]?.s ?? aSeg.s };
  };
  /** Own condition, else the pending clauses. */
  const ownOrPending = (): { what: string; start: number } =>
    own ? { what: whatOf(t, own), start: own.s } : withPending();
  const span = (start: number): Span => toSpan(x, Math.min(start, aSeg.s), aSeg.e);
  const push = (term: Term): 'term' => {
    out.terms.push(term);
    return 'term';
  };

  switch (a.kind) {
    case 'statePoints':
      out.neutral.push(toSpan(x, aSeg.s, aSeg.e));
      return 'cap';
    case 'capNone':
      out.caps.push({ cap: { kind: 'none', span: toSpan(x, aSeg.s, aSeg.e) }, at: aSeg.s });
      return 'cap';
    case 'capItem':
      out.caps.push({ cap: { kind: 'item', span: toSpan(x, aSeg.s, aSeg.e) }, at: aSeg.s });
      return 'cap';
    case 'capExplicit': {
      const v = numOf(m, 1, 2, 3, 4, 5);
      if (!okAmount(v)) {
        out.unread.push(toSpan(x, aSeg.s, aSeg.e));
        return 'none';
      }
      out.caps.push({ cap: { kind: 'explicit', amount: v, span: toSpan(x, aSeg.s, aSeg.e) }, at: aSeg.s });
      return 'cap';
    }
    case 'limit': {
      const v = numOf(m, 1, 2, 3, 4);
      const prev = lastInSentence >= 0 ? out.terms[lastInSentence] : out.terms[out.terms.length - 1];
      if (!okAmount(v) || !prev || (prev.kind !== 'bonus' && !DEDUCTING_KINDS.has(prev.kind))) {
        out.unread.push(toSpan(x, aSeg.s, aSeg.e));
        return 'none';
      }
      if (prev.kind === 'bonus') {
        out.bonusMax.push({ amount: v, at: aSeg, what: '' });
        out.neutral.push(toSpan(x, aSeg.s, aSeg.e));
      } else
        out.caps.push({ cap: { kind: 'explicit', amount: v, span: toSpan(x, aSeg.s, aSeg.e) }, at: aSeg.s });
      return 'cap';
    }
    case 'bonusMax': {
      const v = numOf(m, 1, 2);
      if (!okAmount(v)) {
        out.unread.push(toSpan(x, aSeg.s, aSeg.e));
        return 'none';
      }
      out.bonusMax.push({ amount: v, at: aSeg, what: own ? whatOf(t, own) : '' });
      out.neutral.push(toSpan(x, aSeg.s, aSeg.e));
      return 'cap';
    }
    case 'discretionRange':
    case 'discretionUpTo': {
      const lo = a.kind === 'discretionRange' ? numOf(m, 1) : null;
      const hi = a.kind === 'discretionRange' ? numOf(m, 2) : numOf(m, 1);
      const w = ownOrPending();
      // 每次视情况扣0.5-1分, 扣1-3分/次: a range per unit is not one choice; it needs a decision.
      if (m[3] !== undefined || eachUnit(w.what)) {
        out.unread.push(span(w.start));
        return 'none';
      }
      // 视情况扣0.5—2分: the assessor chooses within the range; its top is not the item's cap.
      if (okAmount(lo) && okAmount(hi) && lo < hi)
        return push({ kind: 'range', min: lo, max: hi, what: w.what, span: span(w.start) });
      push({ kind: 'discretion', what: w.what, span: span(w.start) });
      if (okAmount(hi))
        out.caps.push({ cap: { kind: 'explicit', amount: hi, span: toSpan(x, aSeg.s, aSeg.e) }, at: -1 });
      return 'term';
    }
    case 'scoreFormula':
      return scoreFormula(a, aSeg, x, ctx, out);
    case 'zeroMethod':
    case 'zeroIf':
    case 'fullIf':
    case 'veto':
    case 'vetoItem': {
      const kind =
        a.kind === 'fullIf' ? 'fullIf' : a.kind === 'veto' || a.kind === 'vetoItem' ? 'veto' : 'zeroIf';
      // A veto names its own trigger ("计划外一票否决"); goals stated before it are not part of it.
      // Words that only say what is vetoed (年度考核一票否决) leave the trigger to a "…的" clause before.
      const isVeto = a.kind === 'veto' || a.kind === 'vetoItem';
      const scopeOnly = isVeto && own !== null && VETO_SCOPE.test(cond) && dePending(pending, t).length > 0;
      const w =
        isVeto && own && !scopeOnly
          ? { what: whatOf(t, own), start: own.s }
          : scopeOnly
            ? joinSegs(t, dePending(pending, t), aSeg.s)
            : withPending();
      const prevTerm = lastInSentence >= 0 ? out.terms[lastInSentence] : undefined;
      // "采用否决计分法，计零分" / "记满分，得满分": a second phrase with no condition of its own
      // restates the previous one.
      if (
        w.what === '' &&
        prevTerm &&
        (prevTerm.kind === kind || (kind === 'zeroIf' && prevTerm.kind === 'zeroIf'))
      ) {
        prevTerm.span = {
          start: prevTerm.span.start,
          end: Math.max(prevTerm.span.end, toSpan(x, aSeg.s, aSeg.e).end),
        };
        return 'merged';
      }
      if (kind === 'fullIf') return push({ kind, what: w.what, span: span(w.start) });
      if (kind === 'zeroIf') return push({ kind, what: w.what, span: span(w.start) });
      return push({
        kind: 'veto',
        scope: a.kind === 'veto' ? 'assessment' : 'item',
        what: w.what,
        span: span(w.start),
      });
    }
    case 'consequence': {
      // 发生安全事故的，取消评优资格: the condition is the clause before; the consequence scores nothing.
      const w = withPending();
      return push({ kind: 'consequence', effect: m[1] ?? m[0], what: w.what, span: span(w.start) });
    }
    case 'bonusDiscretion': {
      const w = ownOrPending();
      return push({
        kind: 'bonus',
        amount: 1,
        max: null,
        unit: '分',
        what: w.what || '酌情加分',
        span: span(w.start),
      });
    }
    case 'bonus': {
      const v = numOf(m, 1);
      if (!okAmount(v)) {
        out.unread.push(toSpan(x, aSeg.s, aSeg.e));
        return 'none';
      }
      const w = ownOrPending();
      const each = m[2] !== undefined ? null : eachUnit(w.what);
      if (each && eachStep(each) !== 1) {
        out.unread.push(span(w.start));
        return 'none';
      }
      const unit = m[2] ?? each?.[2] ?? '';
      let what = each ? without(w.what, each, each[1] ?? '') : w.what;
      let start = w.start;
      // "认定为价值较高的线索，每一条奖励0.5分": the subject is the clause before.
      const lastPending = pending[pending.length - 1];
      if (what === '' && own && lastPending) {
        const g = trimSeg(t, lastPending.s, lastPending.e);
        what = whatOf(t, g);
        start = g.s;
      }
      return push({ kind: 'bonus', amount: v, max: unit === '' ? v : null, unit, what, span: span(start) });
    }
    case 'deduct':
      return deduction(a, own, aSeg, x, ctx, out, withPending, span, pending, out.terms[lastInSentence]);
    case 'discretion': {
      const w = ownOrPending();
      // 根据平时工作打分 names its basis; a bare 酌情扣分 names nothing beyond the judging itself.
      const phrase = t.slice(aSeg.s, aSeg.e);
      const basis = new RegExp(`^(?:${JUDGE})(?:给予|予以)?[扣打给评计赋处]?[分减理除]?$`).test(phrase)
        ? ''
        : phrase;
      return push({ kind: 'discretion', what: w.what || basis, span: span(w.start) });
    }
    case 'award': {
      const v = numOf(m, 1);
      if (!okAmount(v)) {
        out.unread.push(toSpan(x, aSeg.s, aSeg.e));
        return 'none';
      }
      const w = ownOrPending();
      const each = eachUnit(w.what);
      if (each && eachStep(each) !== 1) {
        out.unread.push(span(w.start));
        return 'none';
      }
      if (each && v > 0) {
        // 每开展一次得0.5分 in a 2-point item: 4 required, 0.5 lost per one short.
        const req = ctx.points !== null ? ctx.points / v : null;
        if (req !== null && Number.isInteger(req) && req > 0) {
          return push({
            kind: 'shortfall',
            amount: v,
            required: req,
            unit: each[2]!,
            what: without(w.what, each, each[1] ?? ''),
            span: span(w.start),
          });
        }
      }
      return push({ kind: 'award', amount: v, what: w.what, span: span(w.start) });
    }
    case 'pointsEach': {
      const v = numOf(m, 2);
      const unit = m[1]!;
      if (!okAmount(v) || v === 0) {
        out.unread.push(toSpan(x, aSeg.s, aSeg.e));
        return 'none';
      }
      const w = ownOrPending();
      const req = ctx.points !== null ? ctx.points / v : null;
      if (req !== null && Number.isInteger(req) && req > 0) {
        return push({ kind: 'shortfall', amount: v, required: req, unit, what: w.what, span: span(w.start) });
      }
      return push({
        kind: 'perUnit',
        amount: v,
        unit,
        what: `缺少的${unit}${w.what ? `(${w.what})` : ''}`,
        span: span(w.start),
      });
    }
  }
}

/** 扣N分 with its condition: rate, shortfall, threshold, perUnit or flag(s). */
function deduction(
  a: Action,
  own: Seg | null,
  aSeg: Seg,
  x: Text,
  ctx: Ctx,
  out: ParsedText,
  withPending: () => { what: string; start: number },
  span: (start: number) => Span,
  pending: Seg[],
  prevTerm: Term | undefined,
): 'term' | 'merged' | 'none' {
  const t = x.t;
  const amount = numOf(a.m, 1);
  if (!okAmount(amount)) {
    out.unread.push(toSpan(x, aSeg.s, aSeg.e));
    return 'none';
  }
  const slashUnit = a.m[2];
  const cond = own ? t.slice(own.s, own.e) : '';
  const w = own ? { what: whatOf(t, own), start: own.s } : withPending();
  // "逾期未报的，每逾期一天扣0.1分": a condition wholly taken by its count reads its subject from the
  // "…的" clause before it; without one, it stays empty rather than borrow a goal.
  const dp = dePending(pending, t);
  const de = own ? dp : [];
  let start = w.start;
  const sp = (): Span => span(start);
  const fallback = (what: string): string => {
    if (what !== '') return what;
    if (!own) return w.what;
    // "记录不完整，每次扣0.3分": a condition wholly taken by its count reads its subject from the
    // clause before it, so the explanation keeps the condition.
    const lastPending = pending[pending.length - 1];
    const from = de.length > 0 ? de : lastPending ? [lastPending] : [];
    if (from.length === 0) return '';
    const j = joinSegs(t, from, own.s);
    start = j.start;
    return j.what;
  };
  const push = (term: Term): 'term' => {
    out.terms.push(term);
    return 'term';
  };

  const step = RATE_STEP.exec(cond);
  if (step) {
    const st = numOf(step, 1);
    if (okAmount(st) && st > 0) {
      const target = findTarget(ctx, cond);
      let what = without(cond, step);
      // "按时结案率95%以下，每减少一个百分点…": the rate is named in the clause before.
      const prevClause = pending[pending.length - 1];
      if (what === '' && own && de.length === 0 && prevClause) {
        const g = trimSeg(t, prevClause.s, prevClause.e);
        if (/率|%/.test(t.slice(g.s, g.e))) {
          what = t.slice(g.s, g.e);
          start = g.s;
        }
      }
      what = fallback(what);
      const near = RATE_TARGET_NEAR.exec(what) ?? RATE_TARGET_FAR.exec(what);
      if (near && !REFERENCE.test(what)) what = without(what, near);
      return push({ kind: 'rate', amount, step: st, target, what, span: sp() });
    }
  }

  const below = BELOW_N.exec(cond);
  if (below) {
    const req = numOf(below, 1);
    const unit = below[2]!;
    if (req !== null && req > 0 && req <= 10000) {
      const what = fallback(cond.slice(0, below.index).replace(/[,的]+$/, ''));
      const perShort = slashUnit !== undefined || /每/.test(cond.slice(below.index));
      return push({
        kind: perShort ? 'shortfall' : 'threshold',
        amount,
        required: req,
        unit: slashUnit ?? unit,
        what,
        span: sp(),
      });
    }
  }

  const short = SHORT_ONE.exec(cond);
  if (short) {
    const unit = short[1]!;
    const found = findRequired(ctx, unit, own ? own.s : aSeg.s);
    if (found) {
      const rest = without(cond, short);
      return push({
        kind: 'shortfall',
        amount,
        required: found.value,
        unit,
        what: rest || found.context || fallback(''),
        span: sp(),
      });
    }
    // Required count stated nowhere, or only per period (每季度不少于1次, in an assessment of unknown
    // length): count what is missing instead (same deduction, no guess), naming the requirement.
    const periodic = findPeriodic(ctx, unit);
    const missing = fallback(cond.replace(/^每/, ''));
    return push({
      kind: 'perUnit',
      amount,
      unit,
      what: periodic && !missing.includes(periodic) ? `${missing}(${periodic})` : missing,
      span: sp(),
    });
  }

  if (slashUnit !== undefined) {
    return push({ kind: 'perUnit', amount, unit: slashUnit, what: fallback(w.what), span: sp() });
  }

  // 每人每次 counts person-times.
  const personTimes = /每人每次|每人次/.exec(cond);
  if (personTimes) {
    return push({
      kind: 'perUnit',
      amount,
      unit: '人次',
      what: fallback(without(cond, personTimes)),
      span: sp(),
    });
  }
  const each = eachUnit(cond);
  if (each && eachStep(each) !== 1) {
    if (de.length > 0) start = joinSegs(t, de, start).start;
    out.unread.push(sp());
    return 'none';
  }
  if (each) {
    // "逾期未报的，每逾期一天…": a bare 每<verb><count> takes its subject from the "…的" clause.
    const what = without(cond, each) === '' && de.length > 0 ? '' : without(cond, each, each[1] ?? '');
    return push({ kind: 'perUnit', amount, unit: each[2]!, what: fallback(what), span: sp() });
  }

  // "出现一次扣1分，两次扣2分": a bare count restating the term before it; any other tier
  // (两次扣3分) is not a kind the rule can hold, so it is reported.
  const countOnly = COUNT_ONLY.exec(cond);
  const times = countOnly ? numOf(countOnly, 1) : null;
  if (countOnly && times !== null && times >= 2) {
    if (
      prevTerm?.kind === 'perUnit' &&
      prevTerm.unit === countOnly[2] &&
      Math.round(prevTerm.amount * 100) * times === Math.round(amount * 100)
    ) {
      prevTerm.span = { start: prevTerm.span.start, end: Math.max(prevTerm.span.end, sp().end) };
      return 'merged';
    }
    out.unread.push(sp());
    return 'none';
  }

  // "超过1小时的事故迟报一次扣1分": the count nearest the action is the counted one.
  const ones = [...cond.matchAll(new RegExp(ONE_UNIT.source, 'g'))];
  const one = (ones[ones.length - 1] as RegExpExecArray | undefined) ?? null;
  if (one) {
    const what = without(
      cond,
      one,
      /^(?:发现|出现|存在)/.test(one[0]) ? one[0].replace(/(?:一|1)(?:个|名)?.+$/, '') : '',
    );
    return push({ kind: 'perUnit', amount, unit: one[1]!, what: fallback(what), span: sp() });
  }

  // 无方案、小结、信息的各扣1分 / "未建台账、未演练的，均扣1分": one flag per listed thing.
  let clauseStart = aSeg.s;
  while (clauseStart > 0 && !/[,;。!?，]/.test(t[clauseStart - 1]!)) clauseStart--;
  const eachMark = /(?:各|均|分别)\s*$/.test(t.slice(own ? own.s : clauseStart, aSeg.s));
  // "未协助…的，未组织…的，相关台帐资料未登记的，各扣1分": one flag per condition clause.
  if (eachMark && !own && dp.length >= 2) {
    for (const g0 of dp) {
      const g = trimSeg(t, g0.s, g0.e);
      if (g.e > g.s) out.terms.push({ kind: 'flag', amount, what: whatOf(t, g), span: toSpan(x, g.s, g.e) });
    }
    out.neutral.push(toSpan(x, aSeg.s, aSeg.e));
    return 'term';
  }
  const listSeg = own ?? (dp.length === 1 ? trimSeg(t, dp[0]!.s, dp[0]!.e) : null);
  if (eachMark && listSeg && t.slice(listSeg.s, listSeg.e).includes('、')) {
    const list = t.slice(listSeg.s, listSeg.e);
    const neg = LIST_NEGATION.exec(list)?.[0] ?? '';
    let s = listSeg.s;
    for (const part of list.split('、')) {
      const g = trimSeg(t, s, s + part.length);
      s += part.length + 1;
      if (g.e <= g.s) continue;
      const el = t.slice(g.s, g.e);
      const what = neg !== '' && !LIST_NEGATION.test(el) ? `${neg}${el}` : el;
      out.terms.push({ kind: 'flag', amount, what, span: toSpan(x, g.s, g.e) });
    }
    out.neutral.push(toSpan(x, aSeg.s, aSeg.e));
    return 'term';
  }

  return push({ kind: 'flag', amount, what: w.what, span: sp() });
}

/** 得分=完成率×本项分值: a rate of 1 point per percentage point below 100, scaled to the item's points. */
function scoreFormula(a: Action, aSeg: Seg, x: Text, ctx: Ctx, out: ParsedText): 'term' | 'none' {
  const text = a.m[0];
  const m = /=(.*?)(?:率|比例|比率)(?:[×xX*]|乘以?)(?:本项|该项)?(?:标准)?(?:分值|分数|分)/.exec(text);
  const amount = ctx.points !== null ? ctx.points / 100 : null;
  if (m && okAmount(amount) && amount > 0) {
    out.terms.push({
      kind: 'rate',
      amount,
      step: 1,
      target: 100,
      what: `${m[1] ?? ''}率`,
      span: toSpan(x, aSeg.s, aSeg.e),
    });
    return 'term';
  }
  out.unread.push(toSpan(x, aSeg.s, aSeg.e));
  return 'none';
}

/** The cap: 倒扣 > an explicit amount (the smallest) > 扣完为止 > the default (the item's points). */
function chooseCap(caps: { cap: Cap }[]): Cap {
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

/**
 * Bonus limits: a limit said after two or more bonus terms caps their sum (returned); otherwise it
 * goes to the nearest bonus term before it (else after), or becomes one.
 */
function applyBonusMax(terms: Term[], bonusMax: ParsedText['bonusMax'], x: Text): number | undefined {
  let sumCap: number | undefined;
  for (const bm of bonusMax) {
    const sp = toSpan(x, bm.at.s, bm.at.e);
    const bonuses = terms.filter((tm): tm is Extract<Term, { kind: 'bonus' }> => tm.kind === 'bonus');
    const before = bonuses.filter((b) => b.span.start <= sp.start);
    if (before.length >= 2) {
      sumCap = sumCap === undefined ? bm.amount : Math.min(sumCap, bm.amount);
      continue;
    }
    const target = before[before.length - 1] ?? bonuses[0];
    if (target) {
      target.max = bm.amount;
      if (target.unit === '' && target.amount !== bm.amount) target.unit = '次';
    } else {
      terms.push({ kind: 'bonus', amount: 1, max: bm.amount, unit: '分', what: bm.what || '加分', span: sp });
    }
  }
  return sumCap;
}

function read(
  original: string,
  base: number,
  ctx: Omit<Ctx, 'crit'> & { crit?: Text },
): { parsed: ParsedText; x: Text; bonusCap: number | undefined } {
  const whole = prepare(original, base);
  // Tiers are read first; the clause grammar reads what they leave.
  const tiers = readTiers(whole, ctx.points);
  const x = blank(
    whole,
    tiers.map((r) => r.seg),
  );
  const parsed = readText(x, { crit: ctx.crit ?? x, req: ctx.req, points: ctx.points, used: ctx.used });
  parsed.terms.push(...tiers.map((r) => r.term));
  parsed.terms.sort((p, q) => p.span.start - q.span.start);
  readAcrossClauses(x, parsed, ctx.points);
  const bonusCap = applyBonusMax(parsed.terms, parsed.bonusMax, x);
  return { parsed, x, bonusCap };
}

/** The item's points as its 评分标准 restates them (满分2分, 本项3分), for rules stated relative to them. */
function statedPoints(criteria: string): number | null {
  const re = ACTIONS.find(([k]) => k === 'statePoints')![1];
  const m = new RegExp(re.source).exec(prepare(criteria, 0).t);
  const v = m ? numOf(m, 1, 2) : null;
  return okAmount(v) && v > 0 ? v : null;
}

function parseStrict(criteria: string, opts: ParseOptions): Rule {
  const requirement = opts.requirement ?? '';
  const points = opts.points ?? statedPoints(criteria);
  const reqText = requirement.trim() === '' ? null : prepare(requirement, criteria.length + 1);
  const used: Span[] = [];
  const c = read(criteria, 0, { req: reqText, points, used });
  let terms = c.parsed.terms;
  let caps = c.parsed.caps;
  let unread = c.parsed.unread;
  let source = criteria;
  if (reqText) {
    const crit = prepare(criteria, 0);
    const r = read(requirement, criteria.length + 1, { crit, req: reqText, points, used: [] });
    const useAll = terms.length === 0 && unread.length === 0;
    const fromReq = useAll ? r.parsed.terms : r.parsed.terms.filter((tm) => tm.kind === 'veto');
    if (fromReq.length > 0) {
      source = `${criteria}\n${requirement}`;
      terms = [...terms, ...fromReq];
      if (useAll) {
        caps = [...caps, ...r.parsed.caps];
        unread = [...unread, ...r.parsed.unread];
      }
    }
  }
  const cap = chooseCap(caps);
  // 扣完为止 and 不倒扣 agree with any explicit cap; they are read even where another cap is chosen.
  const agreeing = caps.filter((k) => k.cap.kind !== 'explicit' && k.cap.span).map((k) => k.cap.span!);
  const neutral = [...c.parsed.neutral, ...used, ...agreeing];
  const rule: Rule = { source, terms, cap, unread, overridden: false, neutral };
  if (c.bonusCap !== undefined) rule.bonusCap = c.bonusCap;
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
