/**
 * The 扣N分 production and its condition families. The condition before 扣N分 decides what is
 * counted: an ordered table of alternatives, each a `match` on the condition and a `build` of the
 * term; the first alternative whose match hits and whose build gives an outcome wins (a build returns
 * null to let the next alternative try, e.g. 每减少0% is no rate step).
 */
import { numOf, okAmount, trimSeg, whatOf, without } from '../segments';
import type { Seg } from '../vocab';
import {
  BELOW_N,
  COUNT_ONLY,
  ONE_UNIT,
  RATE_STEP,
  RATE_TARGET_FAR,
  RATE_TARGET_NEAR,
  REFERENCE,
  SHORT_ONE,
  U,
  eachStep,
  eachUnit,
} from '../vocab';
import { listFlags } from './lists';
import { findPeriodic, findRequired, findTarget } from './required';
import {
  type Named,
  actionSpan,
  dePending,
  joinSegs,
  made,
  mergedInto,
  spanFrom,
  unreadAt,
  withPending,
} from './site';
import type { Outcome, Site } from './types';

/** A 扣N分 phrase with what its alternatives read from. */
export interface Deduction {
  site: Site;
  amount: number;
  /** The unit of 扣0.5分/人, when written. */
  slashUnit: string | undefined;
  /** The action's own condition ('' when none). */
  cond: string;
  /** The condition a term names by default: its own, else the pending clauses. */
  w: Named;
  /** The trailing "…的" pending clauses. */
  dp: Seg[];
  /** dp, when the action has a condition of its own (else none). */
  de: Seg[];
}

/** One condition family: `match` reads the condition, `build` makes the outcome (null: try the next). */
export interface Alternative {
  name: string;
  match: (d: Deduction) => unknown;
  build: (d: Deduction, hit: never) => Outcome | null;
}

const alternative = <M>(
  name: string,
  match: (d: Deduction) => M | null,
  build: (d: Deduction, hit: M) => Outcome | null,
): Alternative => ({ name, match, build });

/** A clause that states a failing (不及时, 未上报, 无标识, 缺记录), not a requirement (资料齐全). */
const FAILING = /不|未|无|没|缺|差|错|漏|迟|超|违|假|乱/;

/**
 * The clauses before an action that are its condition: the "…的" ones, else the failings that end
 * the pending clauses ("汇报不及时，上报不准确，一次扣0.5分"), else the last clause.
 */
function conditionBefore(d: Deduction): Seg[] {
  if (d.de.length > 0) return d.de;
  const { pending, x } = d.site;
  let i = pending.length;
  while (i > 0 && FAILING.test(x.t.slice(pending[i - 1]!.s, pending[i - 1]!.e))) i--;
  return i === pending.length ? pending.slice(-1) : pending.slice(i);
}

/** What is left of a counting phrase that names nothing: a bare verb or unit (每有一项, 有一项次). */
const BARE = new RegExp(`^(?:有|发现|出现|存在|没|每)?(?:${U})?(?:\\((?:${U})\\))?$`);

/** 一个项目: one character after the unit, not a unit itself (项次), makes a word with it: the noun. */
function unitWord(cond: string, m: RegExpExecArray, unit: string, what: string): string {
  const rest = cond.slice(m.index + m[0].length);
  const word = what.length === 1 && rest === what && /[\u4e00-\u9fff]/.test(what) && !BARE.test(what);
  return word ? `${unit}${what}` : what;
}

/**
 * The condition a term names. With no condition of its own, the pending ones. With one wholly taken
 * by its count ("记录不完整，每次扣0.3分", "逾期未报的，每逾期一天扣0.1分"), the clauses before it. With
 * one that leaves a noun after "…的" clauses ("…印章的，每份材料扣1分"), the clauses name it
 * ("…印章的材料"), so the explanation keeps the condition.
 */
function fallback(d: Deduction, what: string, start = d.w.start): Named {
  const { own, x } = d.site;
  if (!own) return what !== '' ? { what, start } : { what: d.w.what, start };
  const from = conditionBefore(d);
  if (from.length === 0) return { what, start };
  const before = joinSegs(x.t, from, own.s);
  if (BARE.test(what)) return before;
  if (d.de.length === 0 || what.includes(before.what)) return { what, start };
  return { what: `${before.what}的${what}`, start: before.start };
}

const perUnit = (d: Deduction, unit: string, named: Named): Outcome =>
  made({ kind: 'perUnit', amount: d.amount, unit, what: named.what, span: spanFrom(d.site, named.start) });

/** 90%以下每减少1%扣0.1分: a rate below its target. */
function rate(d: Deduction, step: RegExpExecArray): Outcome | null {
  const st = numOf(step, 1);
  if (!okAmount(st) || st <= 0) return null;
  const { own, pending, x, ctx } = d.site;
  const target = findTarget(ctx, d.cond);
  let named: Named = { what: without(d.cond, step), start: d.w.start };
  // "按时结案率95%以下，每减少一个百分点…": the rate is named in the clause before.
  const prevClause = pending[pending.length - 1];
  const g =
    named.what === '' && own && d.de.length === 0 && prevClause
      ? trimSeg(x.t, prevClause.s, prevClause.e)
      : null;
  if (g && /率|%/.test(x.t.slice(g.s, g.e))) named = { what: x.t.slice(g.s, g.e), start: g.s };
  named = fallback(d, named.what, named.start);
  const near = RATE_TARGET_NEAR.exec(named.what) ?? RATE_TARGET_FAR.exec(named.what);
  const what = near && !REFERENCE.test(named.what) ? without(named.what, near) : named.what;
  const term = { kind: 'rate' as const, amount: d.amount, step: st, target: target.value, what };
  return {
    ...made({ ...term, span: spanFrom(d.site, named.start) }),
    used: target.used ? [target.used] : [],
  };
}

/** 不足5篇的扣1分 (threshold), 少于4次每少一次扣0.5分 (shortfall). */
function below(d: Deduction, m: RegExpExecArray): Outcome | null {
  const req = numOf(m, 1);
  if (req === null || req <= 0 || req > 10000) return null;
  const named = fallback(d, d.cond.slice(0, m.index).replace(/[,的]+$/, ''));
  const perShort = d.slashUnit !== undefined || /每/.test(d.cond.slice(m.index));
  return made({
    kind: perShort ? 'shortfall' : 'threshold',
    amount: d.amount,
    required: req,
    unit: d.slashUnit ?? m[2]!,
    what: named.what,
    span: spanFrom(d.site, named.start),
  });
}

/**
 * 每少一次扣0.5分: a shortfall against the required count stated elsewhere. Stated nowhere, or only
 * per period (每季度不少于1次, in an assessment of unknown length): the count missing is entered
 * instead (same deduction, no guess), naming the requirement.
 */
function shortOne(d: Deduction, m: RegExpExecArray): Outcome {
  const { own, aSeg, ctx } = d.site;
  const unit = m[1]!;
  const found = findRequired(ctx, unit, own ? own.s : aSeg.s);
  if (found) {
    const rest = without(d.cond, m);
    const named =
      rest || found.value.context ? { what: rest || found.value.context, start: d.w.start } : fallback(d, '');
    const term = made({
      kind: 'shortfall',
      amount: d.amount,
      required: found.value.value,
      unit,
      what: named.what,
      span: spanFrom(d.site, named.start),
    });
    return { ...term, used: found.used ? [found.used] : [] };
  }
  const periodic = findPeriodic(ctx, unit);
  const missing = fallback(d, d.cond.replace(/^每/, ''));
  const p = periodic.value;
  const what = p && !missing.what.includes(p) ? `${missing.what}(${p})` : missing.what;
  return { ...perUnit(d, unit, { what, start: missing.start }), used: periodic.used ? [periodic.used] : [] };
}

/** 每5人扣1分: a step of several units no term holds; reported with its "…的" subject. */
function eachSeveral(d: Deduction): Outcome {
  const start = d.de.length > 0 ? joinSegs(d.site.x.t, d.de, d.w.start).start : d.w.start;
  return unreadAt(spanFrom(d.site, start));
}

/** 每迟报1天扣0.5分: per unit; a bare 每<verb><count> takes its subject from the "…的" clause. */
function each(d: Deduction, m: RegExpExecArray): Outcome {
  const what = without(d.cond, m) === '' && d.de.length > 0 ? '' : without(d.cond, m, m[1] ?? '');
  return perUnit(d, m[2]!, fallback(d, unitWord(d.cond, m, m[2]!, what)));
}

/**
 * "出现一次扣1分，两次扣2分": a bare count restating the per-unit term before it; any other tier
 * (两次扣3分) is not a kind the rule can hold, so it is reported.
 */
function countOnly(d: Deduction, m: RegExpExecArray): Outcome | null {
  const times = numOf(m, 1);
  if (times === null || times < 2) return null;
  const prev = d.site.prev;
  const span = spanFrom(d.site, d.w.start);
  const restates =
    prev?.kind === 'perUnit' &&
    prev.unit === m[2] &&
    Math.round(prev.amount * 100) * times === Math.round(d.amount * 100);
  return restates ? mergedInto(prev, span.end) : unreadAt(span);
}

/** "超过1小时的事故迟报一次扣1分": the count nearest the action is the counted one. */
function lastOne(d: Deduction): RegExpExecArray | null {
  const ones = [...d.cond.matchAll(new RegExp(ONE_UNIT.source, 'g'))];
  return (ones[ones.length - 1] as RegExpExecArray | undefined) ?? null;
}

function one(d: Deduction, m: RegExpExecArray): Outcome {
  const keep = /^(?:发现|出现|存在)/.test(m[0]) ? m[0].replace(/(?:一|1)(?:个|名)?.+$/, '') : '';
  return perUnit(d, m[1]!, fallback(d, unitWord(d.cond, m, m[1]!, without(d.cond, m, keep))));
}

/** 每5人, 每超0.1个百分点: a 每 step of more than one unit. */
function severalEach(d: Deduction): RegExpExecArray | null {
  const m = eachUnit(d.cond);
  return m && eachStep(m) !== 1 ? m : null;
}

/** Always: the families that read any condition. */
const always = (d: Deduction): Deduction => d;

/** 出现问题的扣1分: one flag, once. */
const flag = (d: Deduction): Outcome =>
  made({ kind: 'flag', amount: d.amount, what: d.w.what, span: spanFrom(d.site, d.w.start) });

/** The condition families, in the order they are tried. */
export const DEDUCTION_ALTERNATIVES: readonly Alternative[] = [
  alternative('rate', (d) => RATE_STEP.exec(d.cond), rate),
  alternative('below', (d) => BELOW_N.exec(d.cond), below),
  alternative('shortOne', (d) => SHORT_ONE.exec(d.cond), shortOne),
  alternative(
    'slashUnit',
    (d) => d.slashUnit ?? null,
    (d, unit: string) => perUnit(d, unit, fallback(d, d.w.what)),
  ),
  // 每人每次 counts person-times.
  alternative(
    'personTimes',
    (d) => /每人每次|每人次/.exec(d.cond),
    (d, m) => perUnit(d, '人次', fallback(d, without(d.cond, m))),
  ),
  alternative('eachSeveral', severalEach, eachSeveral),
  alternative('each', (d) => eachUnit(d.cond), each),
  alternative('countOnly', (d) => COUNT_ONLY.exec(d.cond), countOnly),
  alternative('one', lastOne, one),
  alternative('list', always, listFlags),
  alternative('flag', always, flag),
];

/** Run the alternatives in order: the first match whose build gives an outcome. */
function firstOutcome(d: Deduction): Outcome {
  for (const alt of DEDUCTION_ALTERNATIVES) {
    const m = alt.match(d);
    if (m === null || m === undefined) continue;
    const o = alt.build(d, m as never);
    if (o) return o;
  }
  return { status: 'none' };
}

/** 扣N分 with its condition: rate, shortfall, threshold, perUnit or flag(s). */
export function deduct(site: Site): Outcome {
  const amount = numOf(site.a.m, 1);
  if (!okAmount(amount)) return unreadAt(actionSpan(site));
  const t = site.x.t;
  const own = site.own;
  const dp = dePending(site.pending, t);
  const d: Deduction = {
    site,
    amount,
    slashUnit: site.a.m[2],
    cond: own ? t.slice(own.s, own.e) : '',
    w: own ? { what: whatOf(t, own), start: own.s } : withPending(site),
    dp,
    de: own ? dp : [],
  };
  return firstOutcome(d);
}
