/**
 * The action productions, in the order their patterns are tried (vocab.ts ACTIONS: an earlier pattern
 * wins where two overlap, as in an ordered token list). Each names its pattern and its build; adding a
 * phrase means a pattern in ACTIONS and a build here, and the table's type makes a missing build an
 * error.
 */
import { ACTIONS, type Action, type ActionKind } from '../vocab';
import { deduct } from './deduction';
import { bonusDiscretion, discretion, discretionAmount } from './judged';
import { bonusMax, capExplicit, capItem, capNone, capTotal, limit, statePoints } from './limits';
import { consequence, outcome } from './outcomes';
import { award, bonus, pointsEach, proportional, scoreFormula } from './scored';
import type { Production, Site } from './types';

const BUILDS: Record<ActionKind, Production['build']> = {
  statePoints,
  capNone,
  capItem,
  capTotal,
  capExplicit,
  limit,
  bonusMax,
  discretionRange: discretionAmount,
  discretionUpTo: discretionAmount,
  scoreFormula,
  zeroMethod: outcome,
  zeroIf: outcome,
  fullIf: outcome,
  veto: outcome,
  vetoItem: outcome,
  consequence,
  bonusDiscretion,
  bonus,
  deduct,
  proportional,
  discretion,
  award,
  pointsEach,
};

/** The productions, in priority order. */
export const PRODUCTIONS: readonly Production[] = ACTIONS.map(([name, match]) => ({
  name,
  match,
  build: BUILDS[name],
}));

/** Build the outcome of the action at a site with its production. */
export const buildAt = (site: Site) => BUILDS[site.a.kind](site);

/** Actions in a clause, earliest first, with no overlaps (earlier productions win). */
export function findActions(text: string): Action[] {
  const taken: Action[] = [];
  for (const { name, match } of PRODUCTIONS) {
    match.lastIndex = 0;
    for (let m = match.exec(text); m !== null; m = match.exec(text)) {
      if (m[0].length === 0) {
        match.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some((a) => s < a.e && a.s < e)) continue;
      taken.push({ kind: name, s, e, m });
    }
  }
  return taken.sort((a, b) => a.s - b.s);
}
