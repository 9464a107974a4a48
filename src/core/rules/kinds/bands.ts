/**
 * What the tier kinds share (tier by a rate, tierCount by a count, choice among alternatives): which
 * band applies, its effect, the nested-IF formula, and the bands in plain words.
 */
import { bin, type Expr, fn, num } from '../../formula/ast';
import { toCents } from '../../num';
import type { Lang, TermEffect } from '../registry';
import type { TierBand } from '../types';
import { unitEn } from '../units';
import { deduct, f, hundredths, ifNumber, NONE } from './common';

/** Whether a value (hundredths) lies in a band's bounds. */
function inBand(b: TierBand, v: number): boolean {
  if (b.lo !== null && (b.loOpen ? v <= toCents(b.lo) : v < toCents(b.lo))) return false;
  if (b.hi !== null && (b.hiOpen ? v >= toCents(b.hi) : v > toCents(b.hi))) return false;
  return true;
}

/** The band a measured value falls in: the first that holds it, or null. */
export function bandOf(bands: readonly TierBand[], input: number | boolean | null): TierBand | null {
  const v = hundredths(input);
  if (v === null) return null;
  return bands.find((b) => inBand(b, v)) ?? null;
}

/** The band chosen by its number (1, 2, …), or null for anything else. */
export function chosenBand(bands: readonly TierBand[], input: number | boolean | null): TierBand | null {
  if (typeof input !== 'number' || !Number.isInteger(input)) return null;
  return bands[input - 1] ?? null;
}

export function bandEffect(b: TierBand | null): TermEffect {
  return b === null ? NONE : deduct(toCents(b.deduct));
}

/** The test of one band's bounds on the input cell, or null when it has none. */
function bandTest(b: TierBand, x: Expr): Expr | null {
  const tests: Expr[] = [];
  if (b.lo !== null) tests.push(bin(b.loOpen ? '>' : '>=', x, num(b.lo)));
  if (b.hi !== null) tests.push(bin(b.hiOpen ? '<' : '<=', x, num(b.hi)));
  if (tests.length === 0) return null;
  return tests.length === 1 ? tests[0]! : fn('AND', ...tests);
}

/**
 * IF(ISNUMBER(x), IF(test1, d1, IF(test2, d2, … 0)), 0): the first band that holds x gives its
 * deduction, as bandOf does. A band without bounds holds every value (it ends the chain).
 */
export function measuredFormula(bands: readonly TierBand[], x: Expr): Expr {
  let e: Expr = num(0);
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!;
    const test = bandTest(b, x);
    e = test === null ? num(b.deduct) : fn('IF', test, num(b.deduct), e);
  }
  return ifNumber(x, e);
}

/** IF(x=1, d1, IF(x=2, d2, … 0)): the chosen alternative's deduction; anything else deducts nothing. */
export function choiceFormula(bands: readonly TierBand[], x: Expr): Expr {
  let e: Expr = num(0);
  for (let i = bands.length - 1; i >= 0; i--) e = fn('IF', bin('=', x, num(i + 1)), num(bands[i]!.deduct), e);
  return ifNumber(x, e);
}

/** What a band gives: 得满分 / 得5分 / 不得分 / 扣1分 / 不扣分. */
export function outcome(b: TierBand, lang: Lang): string {
  if (lang === 'en') {
    if (b.score === null)
      return b.deduct === 0 ? 'nothing off' : `${f(b.deduct)} ${b.deduct === 1 ? 'point' : 'points'} off`;
    if (b.deduct === 0) return 'full points';
    if (b.score === 0) return 'no points';
    return `${f(b.score)} ${b.score === 1 ? 'point' : 'points'}`;
  }
  if (b.score === null) return b.deduct === 0 ? '不扣分' : `扣${f(b.deduct)}分`;
  if (b.deduct === 0) return '得满分';
  if (b.score === 0) return '不得分';
  return `得${f(b.score)}分`;
}

/** A band's bounds in words: 90%及以上 / 低于80% / 3至5次 / 2次以内. */
export function boundsText(b: TierBand, unit: string, lang: Lang): string {
  const zh = (v: number): string => `${f(v)}${unit}`;
  const en = (v: number): string =>
    unit === '%' ? `${f(v)}%` : unit === '分' ? f(v) : `${f(v)} ${unitEn(unit, v !== 1)}`;
  if (b.lo !== null && b.hi !== null) {
    if (lang === 'en') return unit === '%' ? `${en(b.lo)} to ${en(b.hi)}` : `${f(b.lo)} to ${en(b.hi)}`;
    return `${f(b.lo)}${unit === '%' ? '%' : ''}至${zh(b.hi)}`;
  }
  if (b.lo !== null) {
    if (lang === 'en') return b.loOpen ? `above ${en(b.lo)}` : `${en(b.lo)} or more`;
    return b.loOpen ? `高于${zh(b.lo)}` : `${zh(b.lo)}及以上`;
  }
  if (b.hi !== null) {
    if (lang === 'en')
      return b.hiOpen ? `below ${en(b.hi)}` : `${en(b.hi)} or fewer`.replace('% or fewer', '% or less');
    return b.hiOpen ? `低于${zh(b.hi)}` : `${zh(b.hi)}以内`;
  }
  return lang === 'en' ? 'otherwise' : '其余情形';
}

/** The bands of a measured tier in words, joined. */
export function bandsText(bands: readonly TierBand[], unit: string, lang: Lang): string {
  return bands
    .map((b) =>
      lang === 'en'
        ? `${boundsText(b, unit, lang)}: ${outcome(b, lang)}`
        : `${boundsText(b, unit, lang)}${outcome(b, lang)}`,
    )
    .join(lang === 'en' ? ', ' : '，');
}
