/**
 * Editing one item's rule: pure functions from a draft to the next draft. A draft is the terms and
 * cap the assessor is shaping; saved, it becomes a RuleOverride in the workbook.
 */
import { HANDLERS } from '../../core/rules/kinds';
import type { FieldDecl, FieldGroup, FieldSpec } from '../../core/rules/registry';
import type { Cap, Rule, RuleOverride, Term, TermKind, TierBand } from '../../core/rules/types';
import { norm } from '../../core/text';

/** What the assessor is editing for one item. */
export interface RuleDraft {
  terms: Term[];
  cap: Cap;
  /** A limit on the sum of the bonuses (最高加N分), kept as the parser read it. */
  bonusCap?: number | undefined;
}

/** Term kinds in the order the kind picker offers them: the order of the kinds' list. */
export const TERM_KINDS: readonly TermKind[] = Object.keys(HANDLERS) as TermKind[];

const NO_SPAN = { start: 0, end: 0 };

/** The fields and groups of fields a kind declares, in the order the editor shows them. */
export function fieldDecls(kind: TermKind): readonly FieldDecl[] {
  return HANDLERS[kind].fields;
}

/** Every field of a kind, groups opened up. */
export function fieldSpecs(kind: TermKind): readonly FieldSpec[] {
  return fieldDecls(kind).flatMap((d) => (d.type === 'nested' ? d.fields : [d]));
}

function specOf(kind: TermKind, name: string): FieldSpec | undefined {
  return fieldSpecs(kind).find((f) => f.name === name);
}

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Whether a field may hold a value (absent counts for optional numbers only). */
function accepts(spec: FieldSpec, v: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return isAmount(v);
    case 'nullableNumber':
      return v === null || isAmount(v);
    case 'optionalNumber':
      return v === undefined || isAmount(v);
    case 'text':
      return typeof v === 'string';
    case 'choice':
      return typeof v === 'string' && (spec.options ?? []).includes(v);
    case 'bands':
      return Array.isArray(v) && v.length > 0;
  }
}

const fieldsRecord = (term: Term): Record<string, unknown> => term as unknown as Record<string, unknown>;

/** The bands a tier kind starts from when the previous term has none: one band that deducts its amount. */
function startBands(from: Term | null): TierBand[] {
  const amount = from && 'amount' in from ? from.amount : 1;
  return [{ lo: null, loOpen: false, hi: null, hiOpen: false, deduct: amount, score: null, label: '' }];
}

/**
 * A term of the given kind, carrying over what the previous term said where the kinds share a field
 * (and everything, fields the editor does not show included, when the kind stays the same); the other
 * fields take the kind's defaults.
 */
export function termOfKind(kind: TermKind, from: Term | null = null): Term {
  const old = from ? fieldsRecord(from) : {};
  const next: Record<string, unknown> = from?.kind === kind ? { ...old } : {};
  next.kind = kind;
  next.span = from?.span ?? NO_SPAN;
  for (const spec of fieldSpecs(kind)) {
    const v = old[spec.name];
    if (spec.name in old && v !== undefined && accepts(spec, v)) next[spec.name] = v;
    else if (spec.type === 'bands') next[spec.name] = startBands(from);
    else if (spec.default !== undefined) next[spec.name] = spec.default;
    else delete next[spec.name];
  }
  return next as unknown as Term;
}

/**
 * New values for fields of a term, by field name. null clears a field that may be empty (a nullable
 * number becomes null, an optional one is removed from the term).
 */
export type TermPatch = Readonly<Record<string, number | string | null | readonly TierBand[] | undefined>>;

/**
 * Change fields of a term. Fields the term's kind does not have, and values a field cannot hold, are
 * ignored; every other field of the term stays as it was.
 */
export function patchTerm(term: Term, patch: TermPatch): Term {
  const next: Record<string, unknown> = { ...fieldsRecord(term) };
  for (const [k, v] of Object.entries(patch)) {
    const spec = specOf(term.kind, k);
    if (!spec || v === undefined) continue;
    if (spec.type === 'optionalNumber' && v === null) delete next[k];
    else if (accepts(spec, v)) next[k] = v;
  }
  const schema = HANDLERS[term.kind].schema;
  // A value the saved override could not be read back with (a text too long, a number too large) is
  // refused here, so the draft stays one the workbook can hold.
  if (!schema.safeParse(next).success && schema.safeParse(term).success) return term;
  return next as unknown as Term;
}

/** What is wrong with a term as edited, for the editor to say. */
export type TermProblem =
  /** A range whose least deduction is above its most. */
  | { code: 'rangeMinAboveMax'; min: number; max: number }
  /** A group of fields that mean something only together, filled in part. */
  | { code: 'groupIncomplete'; group: string };

export function termProblems(term: Term): TermProblem[] {
  const out: TermProblem[] = [];
  if (term.kind === 'range' && term.min > term.max)
    out.push({ code: 'rangeMinAboveMax', min: term.min, max: term.max });
  const rec = fieldsRecord(term);
  for (const d of fieldDecls(term.kind)) {
    if (d.type !== 'nested') continue;
    const set = d.fields.filter((f) => rec[f.name] !== undefined).length;
    if (set > 0 && set < d.fields.length) out.push({ code: 'groupIncomplete', group: d.name });
  }
  return out;
}

/** The group a problem names, for its label. */
export function groupOf(kind: TermKind, name: string): FieldGroup | undefined {
  return fieldDecls(kind).find((d): d is FieldGroup => d.type === 'nested' && d.name === name);
}

/** Pure edits on a draft. */
export type DraftEdit =
  | { type: 'kind'; index: number; kind: TermKind }
  | { type: 'patch'; index: number; patch: TermPatch }
  | { type: 'add'; kind?: TermKind }
  | { type: 'remove'; index: number }
  | { type: 'cap'; cap: Cap };

export function editDraft(draft: RuleDraft, edit: DraftEdit): RuleDraft {
  switch (edit.type) {
    case 'kind':
      return {
        ...draft,
        terms: draft.terms.map((t, i) => (i === edit.index ? termOfKind(edit.kind, t) : t)),
      };
    case 'patch':
      return {
        ...draft,
        terms: draft.terms.map((t, i) => (i === edit.index ? patchTerm(t, edit.patch) : t)),
      };
    case 'add':
      return { ...draft, terms: [...draft.terms, termOfKind(edit.kind ?? 'perUnit')] };
    case 'remove':
      return { ...draft, terms: draft.terms.filter((_, i) => i !== edit.index) };
    case 'cap':
      return { ...draft, cap: edit.cap };
  }
}

/** A draft starting from the rule as it stands. */
export function draftOf(rule: Rule): RuleDraft {
  return { terms: rule.terms.map((t) => ({ ...t })), cap: rule.cap, bonusCap: rule.bonusCap };
}

/** The cap for a cap kind, keeping an explicit amount where one is known. */
export function capOfKind(kind: Cap['kind'], amount: number, from: Cap): Cap {
  switch (kind) {
    case 'item':
      return { kind, span: from.kind === 'item' ? from.span : null };
    case 'explicit':
      return { kind, amount, span: from.span ?? NO_SPAN };
    case 'none':
      return { kind, span: from.span ?? NO_SPAN };
  }
}

/** The rule a draft stands for (to explain it in plain words before it is saved). */
export function ruleOfDraft(source: string, draft: RuleDraft): Rule {
  return {
    source,
    terms: draft.terms,
    cap: draft.cap,
    unread: [],
    overridden: true,
    bonusCap: draft.bonusCap,
  };
}

/** Identifies an item's rule across reads: overrides match by sheet, item text and criteria. */
export function ruleKey(sheet: string, itemText: string, criteria: string): string {
  return `${sheet}\u0000${itemText}\u0000${criteria}`;
}

/** The identity of a rule key. */
export function parseRuleKey(key: string): { sheet: string; itemText: string; criteria: string } {
  const [sheet = '', itemText = '', criteria = ''] = key.split('\u0000');
  return { sheet, itemText, criteria };
}

const same = (a: RuleOverride, b: { sheet: string; itemText: string; criteria: string }) =>
  a.sheet === b.sheet && norm(a.itemText) === norm(b.itemText) && norm(a.criteria) === norm(b.criteria);

/**
 * The overrides after saving drafts: a draft replaces the override for the same item, or is added;
 * `reset` keys remove the item's override (back to what the parser reads).
 */
export function mergeOverrides(
  saved: readonly RuleOverride[],
  drafts: Readonly<Record<string, RuleDraft>>,
  reset: readonly string[] = [],
): RuleOverride[] {
  let out = saved.filter((o) => !reset.some((k) => same(o, parseRuleKey(k))));
  for (const [key, draft] of Object.entries(drafts)) {
    const id = parseRuleKey(key);
    const o: RuleOverride = { ...id, terms: draft.terms, cap: draft.cap };
    if (draft.bonusCap !== undefined) o.bonusCap = draft.bonusCap;
    const at = out.findIndex((x) => same(x, id));
    out = at >= 0 ? out.map((x, i) => (i === at ? o : x)) : [...out, o];
  }
  return out;
}
