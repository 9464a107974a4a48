/**
 * Productions for phrases that give points: 加1分 (bonus), 得0.5分 (award), 每项0.5分 (points per
 * item), 得分=完成率×分值 (a score formula) and 按完成比例计分 (in proportion, reported).
 */
import { numOf, okAmount, trimSeg, whatOf, without } from '../segments';
import { FOUND_EVENT, eachStep, eachUnit } from '../vocab';
import { actionSpan, dePending, joinSegs, made, ownOrPending, spanFrom, unreadAt } from './site';
import type { Outcome, Site } from './types';

/** The count of `v`-point units an item of `points` holds, when whole. */
function unitsIn(points: number | null, v: number): number | null {
  const req = points !== null ? points / v : null;
  return req !== null && Number.isInteger(req) && req > 0 ? req : null;
}

const FORMULA = /=(.*?)(?:率|比例|比率)(?:[×xX*]|乘以?)(?:本项|该项)?(?:标准)?(?:分值|分数|分)/;

/** 得分=完成率×本项分值: a rate of 1 point per percentage point below 100, scaled to the item's points. */
export function scoreFormula(site: Site): Outcome {
  const m = FORMULA.exec(site.a.m[0]);
  const amount = site.ctx.points !== null ? site.ctx.points / 100 : null;
  if (!m || !okAmount(amount) || amount <= 0) return unreadAt(actionSpan(site));
  return made({
    kind: 'rate',
    amount,
    step: 1,
    target: 100,
    what: `${m[1] ?? ''}率`,
    span: actionSpan(site),
  });
}

/**
 * 按实际完成比例计分: points in proportion to what was done. The rate kind counts whole percentage
 * points of a rate, and a shortfall needs a stated task count whose share of the points is exact, so
 * no term holds it: reported with its condition (needs a decision), never read as discretion.
 */
export function proportional(site: Site): Outcome {
  // Its condition: its own, else the "…的" clauses before it (未完成的，按比例计分); goals said before are not.
  const de = dePending(site.pending, site.x.t);
  const start = site.own
    ? site.own.s
    : de.length > 0
      ? joinSegs(site.x.t, de, site.aSeg.s).start
      : site.aSeg.s;
  return unreadAt(spanFrom(site, start));
}

/** 加1分, 每一条奖励0.5分, 加0.5分/次. */
export function bonus(site: Site): Outcome {
  const m = site.a.m;
  const v = numOf(m, 1);
  if (!okAmount(v)) return unreadAt(actionSpan(site));
  const w = ownOrPending(site);
  const each = m[2] !== undefined ? null : eachUnit(w.what);
  if (each && eachStep(each) !== 1) return unreadAt(spanFrom(site, w.start));
  const unit = m[2] ?? each?.[2] ?? '';
  const what = each ? without(w.what, each, each[1] ?? '') : w.what;
  // "认定为价值较高的线索，每一条奖励0.5分": the subject is the clause before.
  const lastPending = site.pending[site.pending.length - 1];
  const g = what === '' && site.own && lastPending ? trimSeg(site.x.t, lastPending.s, lastPending.e) : null;
  const named = g ? { what: whatOf(site.x.t, g), start: g.s } : { what, start: w.start };
  return made({
    kind: 'bonus',
    amount: v,
    max: unit === '' ? v : null,
    unit,
    what: named.what,
    span: spanFrom(site, named.start),
  });
}

const PERIOD_UNIT = /^(?:月|季|季度|周|星期|旬|半年|年|日|天)$/;
const PERIOD_START = /^(?:[两二三四五六\d]+个?)?(?:月|季度?|周|星期|旬|半年|年)/;

/**
 * A period that times the work (每月上报…, 每季度开展一次…): a frequency, not the unit awarded. The
 * counted unit is then either the period itself with the work after it, or a count inside the period.
 */
function periodOfWork(what: string, each: RegExpExecArray): boolean {
  if (PERIOD_START.test(each[1] ?? '')) return true;
  if (!PERIOD_UNIT.test(each[2] ?? '') || (each[1] ?? '') !== '') return false;
  return what.slice(each.index + each[0].length).trim() !== '';
}

/** 得0.5分; 每开展一次得0.5分 in a 2-point item: 4 required, 0.5 lost per one short. */
export function award(site: Site): Outcome {
  const v = numOf(site.a.m, 1);
  if (!okAmount(v)) return unreadAt(actionSpan(site));
  const w = ownOrPending(site);
  // 满分5分，表现突出的可得6分: above the item's points, which no term can give.
  if (site.ctx.points !== null && v > site.ctx.points) return unreadAt(spanFrom(site, w.start));
  const found = eachUnit(w.what);
  // 按要求每月上报…，得5分: 每月 says how often the work is done, not that each month earns 5; the
  // award is for the whole condition. Only a period right before the award (每月得1分) counts periods.
  const each = found && !periodOfWork(w.what, found) ? found : null;
  if (each && eachStep(each) !== 1) return unreadAt(spanFrom(site, w.start));
  const req = each && v > 0 ? unitsIn(site.ctx.points, v) : null;
  if (each && req !== null) {
    const what = without(w.what, each, each[1] ?? '');
    return made({
      kind: 'shortfall',
      amount: v,
      required: req,
      unit: each[2]!,
      what,
      span: spanFrom(site, w.start),
    });
  }
  return made({ kind: 'award', amount: v, what: w.what, span: spanFrom(site, w.start) });
}

/** 每项0.5分: a shortfall when the item's points hold a whole number of them, else per missing unit. */
export function pointsEach(site: Site): Outcome {
  const v = numOf(site.a.m, 2);
  const unit = site.a.m[1]!;
  if (!okAmount(v) || v === 0) return unreadAt(actionSpan(site));
  const w = ownOrPending(site);
  const span = spanFrom(site, w.start);
  // 巡查发现问题每宗0.3分: the verb omitted, each case found deducts.
  if (FOUND_EVENT.test(w.what)) return made({ kind: 'perUnit', amount: v, unit, what: w.what, span });
  const req = unitsIn(site.ctx.points, v);
  if (req !== null) return made({ kind: 'shortfall', amount: v, required: req, unit, what: w.what, span });
  const what = `缺少的${unit}${w.what ? `(${w.what})` : ''}`;
  return made({ kind: 'perUnit', amount: v, unit, what, span });
}
