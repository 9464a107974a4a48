/**
 * Productions for phrases that limit rather than score: the item's points restated, the cap (扣完为止,
 * 倒扣, 最多扣3分), a bare limit on the term before it (累计不超过2分) and a limit on bonuses.
 */
import { DEDUCTING_KINDS } from '../registry';
import { numOf, okAmount, whatOf } from '../segments';
import type { Cap } from '../types';
import { deduct } from './deduction';
import { actionSpan, unreadAt } from './site';
import type { Outcome, Site } from './types';

const capAt = (site: Site, cap: Cap): Outcome => ({ status: 'cap', caps: [{ cap, at: site.aSeg.s }] });

/** 满分5分, 本项3分: the item's points restated; read, scoring nothing. */
export const statePoints = (site: Site): Outcome => ({ status: 'cap', neutral: [actionSpan(site)] });

/** 倒扣, 扣分不封顶: no cap. */
export const capNone = (site: Site): Outcome => capAt(site, { kind: 'none', span: actionSpan(site) });

/** 扣完为止, 不倒扣: the item's points. */
export const capItem = (site: Site): Outcome => capAt(site, { kind: 'item', span: actionSpan(site) });

/** 最多扣3分, 扣满5分为止. */
export function capExplicit(site: Site): Outcome {
  const v = numOf(site.a.m, 1, 2, 3, 4, 5);
  if (!okAmount(v)) return unreadAt(actionSpan(site));
  return capAt(site, { kind: 'explicit', amount: v, span: actionSpan(site) });
}

/**
 * 本项共扣4分: in a clause of its own after a deduction, the total the deductions may reach; with a
 * condition of its own or waiting (未建台账的，本项共扣4分), or before any deduction, a deduction.
 */
export function capTotal(site: Site): Outcome {
  const prev = site.prev ?? site.last;
  const alone = site.own === null && site.pending.length === 0;
  if (!alone || !prev || !DEDUCTING_KINDS.has(prev.kind)) return deduct(site);
  return capExplicit(site);
}

/** 累计不超过2分: limits a bonus before it, else the deductions; unread after anything else. */
export function limit(site: Site): Outcome {
  const v = numOf(site.a.m, 1, 2, 3, 4);
  const prev = site.prev ?? site.last;
  if (!okAmount(v) || !prev || (prev.kind !== 'bonus' && !DEDUCTING_KINDS.has(prev.kind)))
    return unreadAt(actionSpan(site));
  if (prev.kind === 'bonus')
    return { status: 'cap', bonusMax: [{ amount: v, at: site.aSeg, what: '' }], neutral: [actionSpan(site)] };
  return capAt(site, { kind: 'explicit', amount: v, span: actionSpan(site) });
}

/** 最多加3分, 加分不超过5分: a limit on bonuses, applied once the whole text is read. */
export function bonusMax(site: Site): Outcome {
  const v = numOf(site.a.m, 1, 2);
  if (!okAmount(v)) return unreadAt(actionSpan(site));
  const what = site.own ? whatOf(site.x.t, site.own) : '';
  return { status: 'cap', bonusMax: [{ amount: v, at: site.aSeg, what }], neutral: [actionSpan(site)] };
}
