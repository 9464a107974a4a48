/** Shared by the per-kind tests: a term's written formula pieces computed by HyperFormula. */
import { a1 } from '../../../src/core/a1';
import { ref } from '../../../src/core/formula/ast';
import { unparse } from '../../../src/core/formula/unparse';
import { handlerFor } from '../../../src/core/rules/kinds';
import type { TermEffect } from '../../../src/core/rules/registry';
import type { Rule, Term } from '../../../src/core/rules/types';
import { buildEngine, hfValue } from '../../helpers/hf';

/** What an assessor types in the entry cell: a number, 是/否, other text, or nothing. */
export type Entry = number | string | null;

/** The input the core's evaluate takes for an entry, as the engine reads the cell. */
export function asInput(e: Entry): number | boolean | null {
  if (e === '是') return true;
  if (e === '否') return false;
  return typeof e === 'number' ? e : null;
}

export function effect(term: Term, e: Entry): TermEffect {
  return handlerFor(term).evaluate(term as never, asInput(e));
}

/** The single term of `kind` in the rule (fails the test otherwise). */
export function only<K extends Term['kind']>(rule: Rule, kind: K): Extract<Term, { kind: K }> {
  const t = rule.terms.filter((x) => x.kind === kind);
  if (t.length !== 1) throw new Error(`expected one ${kind} term, got ${JSON.stringify(rule.terms)}`);
  return t[0] as Extract<Term, { kind: K }>;
}

/**
 * For every entry, what HyperFormula computes from each written formula piece next to what the
 * core's evaluation says, as [engine, core] pairs per piece.
 */
export function hfPairs(
  term: Term,
  entries: Entry[],
): {
  deduction: [unknown, number][];
  zero: [unknown, boolean][];
  veto: [unknown, boolean][];
  bonus: [unknown, number][];
} {
  const pieces = handlerFor(term).formula(term as never, ref(0, 0));
  const row = (i: number) => {
    const p = handlerFor(term).formula(term as never, ref(i, 0));
    return [null, p.deduction, p.zero, p.veto, p.bonus].map((x) => (x ? unparse(x) : null));
  };
  const hf = buildEngine({
    sheets: [
      {
        name: 'S',
        merges: [],
        values: entries.map((e) => [e]),
        formulas: entries.map((_, i) => row(i)),
      },
    ],
  });
  const out = {
    deduction: [] as [unknown, number][],
    zero: [] as [unknown, boolean][],
    veto: [] as [unknown, boolean][],
    bonus: [] as [unknown, number][],
  };
  entries.forEach((e, i) => {
    const want = effect(term, e);
    if (pieces.deduction) out.deduction.push([hfValue(hf, 'S', a1(i, 1)), want.deductionCents / 100]);
    if (pieces.zero) out.zero.push([hfValue(hf, 'S', a1(i, 2)), want.zero]);
    if (pieces.veto) out.veto.push([hfValue(hf, 'S', a1(i, 3)), want.veto]);
    if (pieces.bonus) out.bonus.push([hfValue(hf, 'S', a1(i, 4)), want.bonusCents / 100]);
  });
  return out;
}

/** Counts 0, 0.5, 1 … max, with a blank, text and a negative entry. */
export function counts(max: number): Entry[] {
  const xs: Entry[] = [null, '', '无', -1];
  for (let v = 0; v <= max * 2; v++) xs.push(v / 2);
  return xs;
}
