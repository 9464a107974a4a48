/** A whole rule in plain words, for the rule list, reports and the entry sheet's notes. */
import { fmt, toCents } from '../num';
import { handlerFor } from './kinds';
import { DEDUCTING_KINDS, type Lang } from './registry';
import type { Cap, Rule } from './types';

/**
 * The cap in plain words.
 * @example explainCap({ kind: 'item', span: null }, 5, 'zh') === '本项最多扣5分（扣完为止）'
 */
export function explainCap(cap: Cap, points: number | null, lang: Lang): string {
  switch (cap.kind) {
    case 'none':
      return lang === 'en'
        ? 'no limit on deductions: the score may go below zero'
        : '扣分不设上限，可扣至负分（扣完倒扣）';
    case 'explicit': {
      const amount = points !== null && toCents(points) < toCents(cap.amount) ? points : cap.amount;
      return lang === 'en' ? `at most ${fmt(amount)} points off` : `本项最多扣${fmt(amount)}分`;
    }
    case 'item':
      if (points === null) return lang === 'en' ? 'deductions stop at zero' : '扣完为止';
      return lang === 'en'
        ? `at most ${fmt(points)} points off (down to zero)`
        : `本项最多扣${fmt(points)}分（扣完为止）`;
  }
}

/**
 * Where the deductions of a rule taken from the sheet's total go, and their limit: only a cap the
 * rule states, never the item's points.
 * @example explainFromTotal({ kind: 'item', span: null }, 'zh') === '从总分中扣除，不受本项分值限制'
 */
export function explainFromTotal(cap: Cap, lang: Lang): string {
  if (cap.kind === 'explicit')
    return lang === 'en'
      ? `taken off the total, at most ${fmt(cap.amount)} points`
      : `从总分中扣除，最多扣${fmt(cap.amount)}分`;
  return lang === 'en'
    ? "taken off the total, not limited by this item's points"
    : '从总分中扣除，不受本项分值限制';
}

/**
 * The whole rule in plain words: every term, then the cap where something can be deducted.
 * @example explainRule(parseRule('跟踪随访不到位的扣0.5分/人'), 5, 'zh') // '跟踪随访不到位的每人扣0.5分；本项最多扣5分（扣完为止）'
 */
export function explainRule(rule: Rule, points: number | null, lang: Lang): string {
  const sep = lang === 'en' ? '; ' : '；';
  const parts: string[] = [];
  if (rule.terms.length === 0) {
    parts.push(
      lang === 'en'
        ? 'No deduction rule recognised: the assessor decides'
        : '未识别到扣分规则，由考核人员酌情判断',
    );
  } else {
    parts.push(...rule.terms.map((t) => handlerFor(t).explain(t as never, lang)));
    if (rule.terms.some((t) => DEDUCTING_KINDS.has(t.kind)))
      parts.push(rule.fromTotal ? explainFromTotal(rule.cap, lang) : explainCap(rule.cap, points, lang));
    if (rule.bonusCap !== undefined) {
      parts.push(
        lang === 'en' ? `bonus at most ${fmt(rule.bonusCap)} in all` : `加分合计最多${fmt(rule.bonusCap)}分`,
      );
    }
  }
  if (rule.unread.length > 0) {
    const text = rule.unread.map((s) => rule.source.slice(s.start, s.end)).join(' / ');
    parts.push(lang === 'en' ? `not understood: "${text}"` : `未能识别：“${text}”`);
  }
  return parts.join(sep);
}
