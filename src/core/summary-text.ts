/** One-line explanations of an item's rule for lists and reports. */
import type { Lang } from './i18n';
import type { SheetAnalysis } from './model';
import { explainRule } from './rules/explain';

/** The plain-words summary of one item's rule. */
export function ruleSummary(analysis: SheetAnalysis, itemId: string, lang: Lang): string {
  const rule = analysis.rules[itemId];
  const item = analysis.table.items.find((i) => i.id === itemId);
  if (!rule || !item) return '';
  return explainRule(rule, item.points, lang);
}
