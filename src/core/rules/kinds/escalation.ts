/**
 * Escalation and per-term limits of a per-unit deduction: 第一次扣1分，第二次起每次扣2分;
 * 累计扣满3分的，另扣5分; 每次扣0.5分，最多扣2分 beside other capped terms. They ride on the
 * perUnit term they change (the optional fields after/later, extraAt/extra, max), so the deduction, its
 * explanation and its formula stay one.
 */
import { bin, type Expr, fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { Lang } from '../registry';
import { unitEn } from '../units';
import type { Term } from '../types';
import { f, nonNeg, round2, times, pts } from './common';

type PerUnit = Extract<Term, { kind: 'perUnit' }>;

/** True when the term carries an escalation or its own limit. */
export function escalates(term: PerUnit): boolean {
  return (
    (term.after !== undefined && term.later !== undefined) ||
    (term.extraAt !== undefined && term.extra !== undefined) ||
    term.max !== undefined
  );
}

/** The deduction in cents for n hundredths of a unit (n ≥ 0). */
export function escalatedCents(term: PerUnit, n: number): number {
  let ded: number;
  if (term.after !== undefined && term.later !== undefined) {
    const first = Math.min(n, toCents(term.after));
    ded = times(toCents(term.amount), first) + times(toCents(term.later), Math.max(0, n - first));
  } else {
    ded = times(toCents(term.amount), n);
  }
  if (term.extraAt !== undefined && term.extra !== undefined && ded > 0 && ded >= toCents(term.extraAt))
    ded += toCents(term.extra);
  if (term.max !== undefined) ded = Math.min(ded, toCents(term.max));
  return ded;
}

/** The deduction over a count expression n (already ≥ 0), as the engine computes it. */
export function escalatedFormula(term: PerUnit, n: Expr): Expr {
  let ded: Expr;
  if (term.after !== undefined && term.later !== undefined) {
    const first = fn('MIN', num(term.after), n);
    const rest = nonNeg(bin('-', n, num(term.after)));
    ded = bin('+', bin('*', num(term.amount), first), bin('*', num(term.later), rest));
  } else {
    ded = bin('*', num(term.amount), n);
  }
  ded = round2(ded);
  if (term.extraAt !== undefined && term.extra !== undefined) {
    const reached = fn('AND', bin('>', ded, num(0)), bin('>=', ded, num(term.extraAt)));
    ded = bin('+', ded, fn('IF', reached, num(term.extra), num(0)));
  }
  if (term.max !== undefined) ded = fn('MIN', num(term.max), ded);
  return ded;
}

/** The words the escalation adds to the per-unit sentence ('' when there is none). */
export function escalationWords(term: PerUnit, unit: string, lang: Lang): string {
  const parts: string[] = [];
  if (term.after !== undefined && term.later !== undefined) {
    const a = term.after;
    const one = unitEn(unit, false);
    if (lang === 'en') {
      const first =
        a === 1
          ? `the first ${one} ${pts(term.amount)}`
          : `the first ${f(a)} ${unitEn(unit, true)} ${pts(term.amount)} each`;
      parts.push(`${first}, each further ${one} ${pts(term.later)}`);
    } else {
      const u = unit || '次';
      const first = a === 1 ? `第1${u}扣${f(term.amount)}分` : `前${f(a)}${u}每${u}扣${f(term.amount)}分`;
      parts.push(`${first}，第${f(a + 1)}${u}起每${u}扣${f(term.later)}分`);
    }
  }
  if (term.extraAt !== undefined && term.extra !== undefined) {
    parts.push(
      lang === 'en'
        ? `once this reaches ${pts(term.extraAt)} off, ${pts(term.extra)} off in addition`
        : `累计扣满${f(term.extraAt)}分的，另扣${f(term.extra)}分`,
    );
  }
  if (term.max !== undefined) {
    parts.push(lang === 'en' ? `at most ${pts(term.max)} off for this` : `此项最多扣${f(term.max)}分`);
  }
  return parts.join(lang === 'en' ? ', ' : '，');
}
