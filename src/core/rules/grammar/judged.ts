/** Productions for amounts the assessor judges: 视情况扣0.5—2分, 酌情扣3分, 酌情扣分, 酌情加分. */
import { numOf, okAmount } from '../segments';
import { JUDGE, eachUnit } from '../vocab';
import { actionSpan, made, ownOrPending, spanFrom, unreadAt } from './site';
import type { Outcome, Site } from './types';

/**
 * 视情况扣0.5—2分 (a range) and 酌情扣3分 (up to): the assessor chooses; the top of a range is not the
 * item's cap. A range per unit (每次视情况扣0.5-1分, 扣1-3分/次) is not one choice: it needs a decision.
 */
export function discretionAmount(site: Site): Outcome {
  const m = site.a.m;
  const ranged = site.a.kind === 'discretionRange';
  const lo = ranged ? numOf(m, 1) : null;
  const hi = ranged ? numOf(m, 2) : numOf(m, 1);
  const w = ownOrPending(site);
  if (m[3] !== undefined || eachUnit(w.what)) return unreadAt(spanFrom(site, w.start));
  if (okAmount(lo) && okAmount(hi) && lo < hi)
    return made({ kind: 'range', min: lo, max: hi, what: w.what, span: spanFrom(site, w.start) });
  const term = made({ kind: 'discretion', what: w.what, span: spanFrom(site, w.start) });
  if (!okAmount(hi)) return term;
  return { ...term, caps: [{ cap: { kind: 'explicit', amount: hi, span: actionSpan(site) }, at: -1 }] };
}

const BARE_JUDGING = new RegExp(`^(?:${JUDGE})(?:给予|予以)?[扣打给评计赋处]?[分减理除]?$`);

/** 酌情扣分, 根据平时工作打分: scored at the assessor's discretion. */
export function discretion(site: Site): Outcome {
  const w = ownOrPending(site);
  // 根据平时工作打分 names its basis; a bare 酌情扣分 names nothing beyond the judging itself.
  const phrase = site.x.t.slice(site.aSeg.s, site.aSeg.e);
  const basis = BARE_JUDGING.test(phrase) ? '' : phrase;
  return made({ kind: 'discretion', what: w.what || basis, span: spanFrom(site, w.start) });
}

/** 酌情加分: a bonus of the assessor's choosing, in points. */
export function bonusDiscretion(site: Site): Outcome {
  const w = ownOrPending(site);
  return made({
    kind: 'bonus',
    amount: 1,
    max: null,
    unit: '分',
    what: w.what || '酌情加分',
    span: spanFrom(site, w.start),
  });
}
