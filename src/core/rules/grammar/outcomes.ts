/**
 * Productions for whole-item outcomes: 计零分 / 不得分 (zeroIf), 记满分 (fullIf), 一票否决 and 本项否决
 * (veto), and consequences that score nothing (取消评优资格).
 */
import { whatOf } from '../segments';
import { VETO_SCOPE } from '../vocab';
import { type Named, actionSpan, dePending, joinSegs, made, mergedInto, spanFrom, withPending } from './site';
import type { Outcome, Site } from './types';

const isVeto = (site: Site): boolean => site.a.kind === 'veto' || site.a.kind === 'vetoItem';

/**
 * A veto names its own trigger ("计划外一票否决"); goals stated before it are not part of it. Words
 * that only say what is vetoed (年度考核一票否决) leave the trigger to a "…的" clause before.
 */
function conditionOf(site: Site): Named {
  const t = site.x.t;
  const de = dePending(site.pending, t);
  if (!isVeto(site) || !site.own) return withPending(site);
  if (VETO_SCOPE.test(site.cond) && de.length > 0) return joinSegs(t, de, site.aSeg.s);
  return { what: whatOf(t, site.own), start: site.own.s };
}

/** 采用否决计分法，计零分; 记满分; 一票否决; 本项否决. */
export function outcome(site: Site): Outcome {
  const kind = site.a.kind === 'fullIf' ? 'fullIf' : isVeto(site) ? 'veto' : 'zeroIf';
  const w = conditionOf(site);
  // "采用否决计分法，计零分" / "记满分，得满分": a second phrase with no condition of its own
  // restates the previous one.
  if (w.what === '' && site.prev?.kind === kind) return mergedInto(site.prev, actionSpan(site).end);
  const span = spanFrom(site, w.start);
  if (kind !== 'veto') return made({ kind, what: w.what, span });
  const scope = site.a.kind === 'veto' ? 'assessment' : 'item';
  return made({ kind: 'veto', scope, what: w.what, span });
}

/** 发生安全事故的，取消评优资格: the condition is the clause before; the consequence scores nothing. */
export function consequence(site: Site): Outcome {
  const w = withPending(site);
  const effect = site.a.m[1] ?? site.a.m[0];
  return made({ kind: 'consequence', effect, what: w.what, span: spanFrom(site, w.start) });
}
