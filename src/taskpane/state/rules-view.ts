/**
 * The 规则 step as data: one sheet's items in the table's sections, items that need a decision first,
 * with the counts the step shows and the filter it offers. Pure: the step renders what this returns.
 */
import type { DetectedTable, RubricItem } from '../../core/rubric';
import type { Rule } from '../../core/rules/types';
import { type RuleDraft, ruleKey, type TermProblem, termProblems } from './rule-edit';

/** Why an item's rule waits for the assessor. */
export type Need =
  /** Part of the 评分标准 could not be read. */
  | 'unread'
  /** Nothing in the 评分标准 could be read as a rule. */
  | 'unknown'
  /** The rule leaves the deduction to the assessor (酌情扣分). */
  | 'discretion'
  /** The rule as edited is not complete (termProblems). */
  | 'problem';

/** Where an item stands: confirmed (saved or edited here), open, or open and waiting for a decision. */
export type RuleStatus = 'confirmed' | 'open' | 'decide';

export type RulesFilter = 'all' | 'decide' | 'edited';

export const RULES_FILTERS: readonly RulesFilter[] = ['all', 'decide', 'edited'];

export interface RuleRow {
  item: RubricItem;
  rule: Rule;
  key: string;
  draft: RuleDraft | undefined;
  /** The item's override is to be removed on save. */
  resetPending: boolean;
  /** What the rule as it now stands (draft, override or reading) leaves to decide. */
  needs: Need[];
  /** The reading itself asks for a decision: fixes the item's place, whatever is drafted since. */
  askedByReading: boolean;
  problems: TermProblem[];
  status: RuleStatus;
  /** Drafted, to be reset, or saved as an override. */
  edited: boolean;
}

export interface RulesSection {
  /** The group path ('g1/g2'), '' for items outside any group. */
  id: string;
  /** Group numbering and labels, outermost first. */
  titles: string[];
  rows: RuleRow[];
  /** Rows of the section that need a decision (of all rows, before the filter). */
  decide: number;
}

export interface RulesCounts {
  total: number;
  confirmed: number;
  /** Not confirmed; includes those that need a decision. */
  open: number;
  decide: number;
  edited: number;
}

export interface RulesView {
  /** Sections with at least one row passing the filter, in display order. */
  sections: RulesSection[];
  counts: RulesCounts;
  /** Rows listed under the filter (the sum over sections). */
  listed: number;
}

export interface RulesInput {
  sheet: string;
  table: DetectedTable;
  rules: Readonly<Record<string, Rule>>;
  drafts: Readonly<Record<string, RuleDraft>>;
  resets: readonly string[];
}

/** What the parser's reading of a rule leaves to decide (nothing for an override). */
export function readingNeeds(rule: Rule): Need[] {
  if (rule.overridden) return [];
  const out: Need[] = [];
  if (rule.unread.length > 0) out.push('unread');
  if (rule.terms.length === 0) out.push('unknown');
  if (rule.terms.some((t) => t.kind === 'discretion')) out.push('discretion');
  return out;
}

/** The problems of a draft, over all its terms. */
export function draftProblems(draft: RuleDraft): TermProblem[] {
  return draft.terms.flatMap(termProblems);
}

/** Keys of drafts that cannot be saved as they are (any sheet): saving waits until they are fixed. */
export function blockedDrafts(drafts: Readonly<Record<string, RuleDraft>>): string[] {
  return Object.entries(drafts).flatMap(([k, d]) => (draftProblems(d).length > 0 ? [k] : []));
}

function rowOf(input: RulesInput, item: RubricItem): RuleRow | null {
  const rule = input.rules[item.id];
  if (!rule) return null;
  const key = ruleKey(input.sheet, item.text, item.criteria);
  const draft = input.drafts[key];
  const resetPending = input.resets.includes(key);
  const problems = draft ? draftProblems(draft) : [];
  const reading = readingNeeds(rule);
  let needs: Need[];
  if (draft) needs = problems.length > 0 ? ['problem'] : [];
  else if (rule.overridden && !resetPending) needs = [];
  else needs = reading;
  const confirmed = needs.length === 0 && (draft !== undefined || (rule.overridden && !resetPending));
  return {
    item,
    rule,
    key,
    draft,
    resetPending,
    needs,
    askedByReading: reading.length > 0,
    problems,
    status: confirmed ? 'confirmed' : needs.length > 0 ? 'decide' : 'open',
    edited: draft !== undefined || resetPending || rule.overridden,
  };
}

function passes(row: RuleRow, filter: RulesFilter): boolean {
  if (filter === 'decide') return row.status === 'decide';
  if (filter === 'edited') return row.edited;
  return true;
}

/** Asked first (by the reading or by a problem in the draft), then the rest, each in table order. */
const first = (r: RuleRow) => r.askedByReading || r.status === 'decide';

/**
 * The step's view of one sheet: sections in table order, those holding an item to decide first;
 * within a section, items to decide first. An item keeps its place while it is drafted (a decision
 * does not make the card jump); the counts and the filter follow the drafts as they are now.
 */
export function rulesView(input: RulesInput, filter: RulesFilter = 'all'): RulesView {
  const rows = input.table.items.map((i) => rowOf(input, i)).filter((r): r is RuleRow => r !== null);
  const groups = new Map<string, RuleRow[]>();
  for (const r of rows) {
    const id = r.item.groupIds.join('/');
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  const title = (id: string) => {
    const g = input.table.groups.find((x) => x.id === id);
    return g ? `${g.numbering ? `${g.numbering} ` : ''}${g.label}`.trim() : '';
  };
  const all: RulesSection[] = [...groups].map(([id, rs]) => ({
    id,
    titles: id === '' ? [] : id.split('/').map(title).filter(Boolean),
    rows: [...rs.filter(first), ...rs.filter((r) => !first(r))],
    decide: rs.filter((r) => r.status === 'decide').length,
  }));
  const asks = (s: RulesSection) => s.rows.some(first);
  const ordered = [...all.filter(asks), ...all.filter((s) => !asks(s))];
  const sections = ordered
    .map((s) => ({ ...s, rows: s.rows.filter((r) => passes(r, filter)) }))
    .filter((s) => s.rows.length > 0);
  const confirmed = rows.filter((r) => r.status === 'confirmed').length;
  return {
    sections,
    counts: {
      total: rows.length,
      confirmed,
      open: rows.length - confirmed,
      decide: rows.filter((r) => r.status === 'decide').length,
      edited: rows.filter((r) => r.edited).length,
    },
    listed: sections.reduce((n, s) => n + s.rows.length, 0),
  };
}
