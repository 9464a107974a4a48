/**
 * The scoring engine: a rubric's items, their rules and the assessor's entries → item scores,
 * group subtotals, the total and the veto state. All arithmetic is in hundredths (see num.ts).
 * The formulas the write-back emits compute exactly the same numbers.
 */
import { readEntryValue } from './entries';
import type { GroupScore, ItemEntry, ItemScore, SheetScore } from './model';
import { fromCents, toCents } from './num';
import type { DetectedTable, RubricItem } from './rubric';
import { handlerFor } from './rules/kinds';
import type { Cap, Rule } from './rules/types';

/** The largest deduction the rule allows, in cents; null when the score may go below zero. */
export function capCents(cap: Cap, points: number | null): number | null {
  const max = toCents(points ?? 0);
  switch (cap.kind) {
    case 'none':
      return null;
    case 'explicit':
      return Math.min(toCents(cap.amount), max);
    case 'item':
      return max;
  }
}

/** The cap of an item without points of its own: only an amount the rule states bounds it. */
export function openCapCents(cap: Cap): number | null {
  return cap.kind === 'explicit' ? toCents(cap.amount) : null;
}

/** The base and ceiling a base-score or bonus-only table states, from its detection notes. */
export function schemeOf(table: DetectedTable): {
  scheme: NonNullable<DetectedTable['scheme']>;
  base: number | null;
  max: number | null;
} {
  const scheme = table.scheme ?? 'points';
  const note = table.notes?.find((n) => n.kind === 'scheme');
  const max = note?.kind === 'scheme' ? note.max : null;
  const base = scheme === 'base' ? (table.baseScore ?? (note?.kind === 'scheme' ? note.base : null)) : null;
  return { scheme, base, max };
}

/**
 * Whether the table's items have no points of their own to bound what they deduct (a base-score or
 * bonus-only table): their scores are signed, and only a cap the rule states bounds a deduction.
 */
export function opensItems(table: Pick<DetectedTable, 'scheme'>): boolean {
  return table.scheme === 'base' || table.scheme === 'bonus';
}

/**
 * The most bonus the rule allows on top of the item's points, in cents: the bonus terms' limits
 * added up, within the 最高加N分 cap; Infinity when a bonus term has no limit, 0 without bonus terms.
 */
export function bonusMaxCents(rule: Rule): number {
  const terms = rule.terms.reduce((acc, t) => acc + (handlerFor(t).bonusLimitCents?.(t) ?? 0), 0);
  return rule.bonusCap === undefined ? terms : Math.min(terms, toCents(rule.bonusCap));
}

/**
 * The most a typed 得分 counts for on an item whose rule states a bonus (points + the stated bonus),
 * in cents; null when the rule states none, or no limit to it.
 */
export function typedScoreLimitCents(item: RubricItem, rule: Rule, signed = false): number | null {
  // On a base-score or bonus-only table the typed amount is signed and the terms may count per
  // occurrence: only a limit stated for the item's whole bonus (最高加N分, "+5") bounds it.
  if (signed) return rule.bonusCap === undefined ? null : toCents(item.points ?? 0) + toCents(rule.bonusCap);
  const bonus = bonusMaxCents(rule);
  if (bonus <= 0 || bonus === Number.POSITIVE_INFINITY) return null;
  return toCents(item.points ?? 0) + bonus;
}

/** True when the rule can end the whole assessment (一票否决). */
export function hasAssessmentVeto(rule: Rule): boolean {
  return rule.terms.some((t) => handlerFor(t).vetoesAssessment?.(t) ?? false);
}

/** True when the rule's only way to lose points is to lose all of them (veto / zeroIf alone). */
function allOrNothing(rule: Rule): boolean {
  return rule.terms.length > 0 && rule.terms.every((t) => handlerFor(t).flags.allOrNothing);
}

/** The numeric value of an entry cell, or null when empty or not a number. */
export function entryNumber(e: ItemEntry['deduction']): number | null {
  if (!e) return null;
  const v = readEntryValue(e.value);
  return v.kind === 'number' ? v.value : null;
}

function hasCounts(entry: ItemEntry): boolean {
  return entry.counts?.some((c) => c !== null) ?? false;
}

/** Whether a typed entry says the item lost points ("否决" in the reason counts for veto items). */
function lostPoints(item: RubricItem, entry: ItemEntry, rule: Rule): boolean {
  const d = entryNumber(entry.deduction);
  if (d !== null && d > 0) return true;
  const s = entryNumber(entry.score);
  if (s !== null && item.points !== null && toCents(s) < toCents(item.points)) return true;
  return hasAssessmentVeto(rule) && /否决|否決|veto/i.test(entry.reason);
}

/**
 * Score one item. `openTable` is for base-score and bonus-only tables: the item has no points of its
 * own, so a deduction is not bounded by them (only by a cap the rule states) and the score may be
 * negative. A rule whose deductions come off the sheet's total (Rule.fromTotal) is scored so on any table.
 */
export function scoreItem(item: RubricItem, rule: Rule, entry: ItemEntry, openTable = false): ItemScore {
  // Deductions taken from the sheet's total are not bounded by the item's points either.
  const open = openTable || rule.fromTotal === true;
  const maxC = toCents(item.points ?? 0);
  const cap = open ? openCapCents(rule.cap) : capCents(rule.cap, item.points);
  // Written out in each result (not spread from a shared object): V8 builds spread results slowly and
  // they stay slow to read, which made this the hottest function of the core.
  const itemId = item.id;
  const max = fromCents(maxC);
  const veto = hasAssessmentVeto(rule);

  if (hasCounts(entry)) {
    let ded = 0;
    let bonus = 0;
    let zero = false;
    let vetoed = false;
    rule.terms.forEach((term, i) => {
      const input = entry.counts?.[i] ?? null;
      const eff = handlerFor(term).evaluate(term as never, input);
      ded += eff.deductionCents;
      bonus += eff.bonusCents;
      zero ||= eff.zero;
      vetoed ||= eff.veto;
    });
    if (rule.bonusCap !== undefined) bonus = Math.min(bonus, toCents(rule.bonusCap));
    const capped = cap === null ? ded : Math.min(ded, cap);
    let score = maxC - capped;
    if (cap !== null && !open) score = Math.max(0, score);
    if (zero || vetoed) score = 0;
    return {
      itemId,
      max,
      // As the written 扣分 cell shows it: the capped sum of the terms (a zeroed item scores 0 regardless).
      deduction: fromCents(capped),
      bonus: fromCents(bonus),
      score: fromCents(score + (zero || vetoed ? 0 : bonus)),
      zeroed: zero,
      veto: vetoed,
      source: 'counts',
    };
  }

  const d = entryNumber(entry.deduction);
  if (d !== null) {
    const dc = toCents(d);
    // Negative deductions are reported by the checks and count as none, as the written formula does.
    const capped = cap === null ? Math.max(0, dc) : Math.min(Math.max(0, dc), cap);
    let score = maxC - capped;
    if (cap !== null && !open) score = Math.max(0, score);
    const fired = veto && lostPoints(item, entry, rule);
    return {
      itemId,
      max,
      deduction: fromCents(capped),
      bonus: 0,
      score: fromCents(score),
      zeroed: fired || (allOrNothing(rule) && score === 0 && maxC > 0),
      veto: fired,
      source: 'deduction',
    };
  }

  const s = entryNumber(entry.score);
  if (s !== null && !open && item.points === null) {
    // An item that states no points has nothing to score against: what is typed there is not added
    // into the total (the checks say so at the cell), as the written 合计 formula leaves it out.
    return { itemId, max, deduction: 0, bonus: 0, score: 0, zeroed: false, veto: false, source: 'score' };
  }
  if (s !== null) {
    // A bonus typed above the one the rule states counts as that bonus (the checks say so).
    const limit = typedScoreLimitCents(item, rule, open);
    const sc = limit === null ? toCents(s) : Math.min(toCents(s), limit);
    const fired = veto && lostPoints(item, entry, rule);
    return {
      itemId,
      max,
      deduction: fromCents(Math.max(0, maxC - sc)),
      bonus: fromCents(Math.max(0, sc - maxC)),
      score: fromCents(sc),
      zeroed: fired,
      veto: fired,
      source: 'score',
    };
  }

  const fired = veto && lostPoints(item, entry, rule);
  return {
    itemId,
    max,
    deduction: fired ? fromCents(maxC) : 0,
    bonus: 0,
    score: fired ? 0 : fromCents(maxC),
    zeroed: fired,
    veto: fired,
    source: 'none',
  };
}

/**
 * Score a whole sheet: items, every group's subtotal, the total (0 under a whole-assessment veto).
 * @example scoreSheet(table, rules, entries).total
 */
export function scoreSheet(
  table: DetectedTable,
  rules: Record<string, Rule>,
  entries: readonly ItemEntry[],
): SheetScore {
  const byItem = new Map(entries.map((e) => [e.itemId, e]));
  const { scheme, base, max: statedMax } = schemeOf(table);
  const open = opensItems({ scheme });
  const items: ItemScore[] = table.items.map((item) => {
    const rule = rules[item.id] ?? emptyRule(item.criteria);
    const entry = byItem.get(item.id) ?? {
      itemId: item.id,
      deduction: null,
      score: null,
      reason: '',
      counts: null,
    };
    return scoreItem(item, rule, entry, open);
  });
  const scoreById = new Map(items.map((s) => [s.itemId, s]));
  const groups: GroupScore[] = table.groups.map((g) => {
    let max = 0;
    let score = 0;
    for (const item of table.items) {
      if (!item.groupIds.includes(g.id)) continue;
      const s = scoreById.get(item.id);
      if (!s) continue;
      max += toCents(s.max);
      score += toCents(s.score);
    }
    return { groupId: g.id, max: fromCents(max), score: fromCents(score) };
  });
  const vetoItemIds = items.filter((s) => s.veto).map((s) => s.itemId);
  const vetoed = vetoItemIds.length > 0;
  const itemsC = items.reduce((acc, s) => acc + toCents(s.score), 0);
  let totalC = itemsC;
  let maxC = items.reduce((acc, s) => acc + toCents(s.max), 0);
  if (open) {
    // 基本分＋加分－扣分 (or the bonuses alone), capped by the stated maximum; without one, the most
    // the items can add on top of the base.
    const bonusesC = table.items.reduce((acc, i) => acc + toCents(i.bonus ?? 0), 0);
    const baseC = toCents(base ?? 0);
    maxC = statedMax !== null ? toCents(statedMax) : baseC + bonusesC;
    totalC = baseC + itemsC;
    if (statedMax !== null) totalC = Math.min(totalC, maxC);
  }
  return { items, groups, total: vetoed ? 0 : fromCents(totalC), max: fromCents(maxC), vetoed, vetoItemIds };
}

/** A rule with no terms (scores by what the assessor types, capped at the item's points). */
export function emptyRule(source: string): Rule {
  return { source, terms: [], cap: { kind: 'item', span: null }, unread: [], overridden: false };
}
