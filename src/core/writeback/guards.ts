/**
 * Data validation for the cells assessors type in: entry cells by the term's input kind, typed 扣分
 * and 得分 cells by the rule's limits. Prompts and alerts are cut to Excel's limits here.
 */
import { fmt, fromCents, toCents } from '../num';
import type { Message, ValidationRule } from '../plan';
import type { RubricItem } from '../rubric';
import { explainRule } from '../rules/explain';
import { handlerFor } from '../rules/kinds';
import { DEDUCTING_KINDS, type InputKind, type Lang } from '../rules/registry';
import type { Rule, Term } from '../rules/types';
import { capPoints } from './formulas';
import { openCapCents } from '../score';
import { clipUnits, MESSAGE_MAX, TITLE_MAX, WRITEBACK_TEXT } from './messages';

/** A validation to put on one cell or range. */
export interface Guard {
  rule: ValidationRule;
  prompt: Message | null;
  error: Message | null;
}

/** A message within Excel's limits. */
export function message(title: string, text: string): Message {
  return { title: clipUnits(title, TITLE_MAX), message: clipUnits(text, MESSAGE_MAX) };
}

/** Lower bound used where the rubric has none (扣完倒扣): Excel's "between" needs one. */
export const NO_LOWER_BOUND = -9999;

/** The guard of the entry cell of one term. */
export function entryGuard(term: Term, item: RubricItem, rule: Rule, lang: Lang): Guard | null {
  const input: InputKind = handlerFor(term).input;
  if (input === 'none') return null;
  const t = WRITEBACK_TEXT[lang];
  const cap = capPoints(item, rule);
  const capText = cap === null ? null : fmt(cap);
  let v: ValidationRule;
  switch (input) {
    case 'count':
      v = { kind: 'wholeNumber', min: 0, max: null };
      break;
    case 'percent':
      v = { kind: 'decimal', min: 0, max: 100 };
      break;
    case 'yesNo':
      v = { kind: 'list', values: ['是', '否'] };
      break;
    case 'amount':
      v = { kind: 'decimal', min: 0, max: cap };
      break;
  }
  let text = handlerFor(term).prompt(term as never, lang);
  if (capText !== null && DEDUCTING_KINDS.has(term.kind) && input !== 'amount') text += t.capSuffix(capText);
  return {
    rule: v,
    prompt: message(t.inputTitle[input], text),
    error: message(t.errorTitle, t.inputError[input](capText)),
  };
}

/** The guard of an entry cell that does not apply to its row: shaded and refusing input. */
export function rejectGuard(lang: Lang): Guard {
  const t = WRITEBACK_TEXT[lang];
  return { rule: { kind: 'reject' }, prompt: null, error: message(t.notApplicableTitle, t.notApplicable) };
}

/**
 * The guard of a typed 扣分 cell: 0 … the item's cap. An open item (a base-score or bonus-only table,
 * deductions off the sheet's total) is bounded only by a cap its rule states, as it is scored.
 */
export function deductionGuard(item: RubricItem, rule: Rule, lang: Lang, open = false): Guard | null {
  if (item.points === null) return null;
  const t = WRITEBACK_TEXT[lang];
  const openCap = open ? openCapCents(rule.cap) : null;
  const cap = open ? (openCap === null ? null : fromCents(openCap)) : capPoints(item, rule);
  const capText = cap === null ? null : fmt(cap);
  return {
    rule: { kind: 'decimal', min: 0, max: cap },
    prompt: message(t.deductionTitle(capText), explainRule(rule, item.points, lang)),
    error: message(t.errorTitle, t.deductionError(capText)),
  };
}

/** The guard of a typed 得分 cell: 0 (or no bound for 倒扣) … the points plus any bonus. */
export function scoreGuard(item: RubricItem, rule: Rule, lang: Lang): Guard | null {
  if (item.points === null) return null;
  const t = WRITEBACK_TEXT[lang];
  let bonus = 0;
  let unlimited = false;
  for (const term of rule.terms) {
    if (term.kind !== 'bonus') continue;
    if (term.max === null) unlimited = true;
    else bonus += toCents(term.max);
  }
  if (rule.bonusCap !== undefined) {
    bonus = unlimited ? toCents(rule.bonusCap) : Math.min(bonus, toCents(rule.bonusCap));
    unlimited = false;
  }
  const max = unlimited ? null : fromCents(toCents(item.points) + bonus);
  const negative = rule.cap.kind === 'none';
  const min = negative ? null : 0;
  return {
    rule: { kind: 'decimal', min: min ?? NO_LOWER_BOUND, max },
    prompt: message(
      t.scoreTitle(min === null ? null : fmt(min), max === null ? null : fmt(max)),
      explainRule(rule, item.points, lang),
    ),
    error: message(
      t.errorTitle,
      t.scoreError(min === null ? null : fmt(min), max === null ? null : fmt(max)),
    ),
  };
}
