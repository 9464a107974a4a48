/**
 * Editing one item's rule: pure functions from a draft to the next draft. A draft is the terms and
 * cap the assessor is shaping; saved, it becomes a RuleOverride in the workbook.
 */
import type { Cap, Rule, RuleOverride, Term, TermKind, TierBand } from '../../core/rules/types';
import { norm } from '../../core/text';

/** What the assessor is editing for one item. */
export interface RuleDraft {
  terms: Term[];
  cap: Cap;
  /** A limit on the sum of the bonuses (最高加N分), kept as the parser read it. */
  bonusCap?: number | undefined;
}

/** Term kinds in the order the kind picker offers them. */
export const TERM_KINDS: readonly TermKind[] = [
  'perUnit',
  'shortfall',
  'threshold',
  'rate',
  'flag',
  'award',
  'bonus',
  'discretion',
  'fullIf',
  'zeroIf',
  'veto',
  'tier',
  'tierCount',
  'choice',
  'range',
  'consequence',
];

const NO_SPAN = { start: 0, end: 0 };

/** The fields a term may carry; a kind change keeps those the new kind also has. */
interface TermFields {
  amount: number;
  unit: string;
  what: string;
  required: number;
  step: number;
  target: number | null;
  max: number | null;
  scope: 'item' | 'assessment';
}

function fieldsOf(term: Term | null): TermFields {
  const f: TermFields = {
    amount: 1,
    unit: '次',
    what: '',
    required: 1,
    step: 1,
    target: null,
    max: null,
    scope: 'item',
  };
  if (!term) return f;
  const t = term as Partial<TermFields> & { what: string };
  return {
    amount: t.amount ?? f.amount,
    unit: t.unit ?? f.unit,
    what: t.what,
    required: t.required ?? f.required,
    step: t.step ?? f.step,
    target: t.target === undefined ? f.target : t.target,
    max: t.max === undefined ? f.max : t.max,
    scope: t.scope ?? f.scope,
  };
}

/** The bands a tier kind starts from: the previous term's, else one band that deducts the amount. */
function bandsOf(from: Term | null): TierBand[] {
  if (from && 'bands' in from) return from.bands;
  const amount = from && 'amount' in from ? from.amount : 1;
  return [{ lo: null, loOpen: false, hi: null, hiOpen: false, deduct: amount, score: null, label: '' }];
}

/** A term of the given kind, carrying over what the previous term said where the kinds share a field. */
export function termOfKind(kind: TermKind, from: Term | null = null): Term {
  const f = fieldsOf(from);
  const span = from?.span ?? NO_SPAN;
  switch (kind) {
    case 'perUnit':
      return { kind, amount: f.amount, unit: f.unit, what: f.what, span };
    case 'shortfall':
      return { kind, amount: f.amount, required: f.required, unit: f.unit, what: f.what, span };
    case 'threshold':
      return { kind, amount: f.amount, required: f.required, unit: f.unit, what: f.what, span };
    case 'rate':
      return { kind, amount: f.amount, step: f.step, target: f.target, what: f.what, span };
    case 'flag':
      return { kind, amount: f.amount, what: f.what, span };
    case 'award':
      return { kind, amount: f.amount, what: f.what, span };
    case 'bonus':
      return { kind, amount: f.amount, max: f.max, unit: f.unit, what: f.what, span };
    case 'veto':
      return { kind, scope: f.scope, what: f.what, span };
    case 'fullIf':
    case 'zeroIf':
    case 'discretion':
      return { kind, what: f.what, span };
    case 'tier':
      return {
        kind,
        bands: bandsOf(from),
        unit: from?.kind === 'tier' ? from.unit : '%',
        what: f.what,
        span,
      };
    case 'choice':
      return { kind, bands: bandsOf(from), what: f.what, span };
    case 'tierCount':
      return { kind, bands: bandsOf(from), unit: f.unit, what: f.what, span };
    case 'range':
      return { kind, min: 0, max: f.amount, what: f.what, span };
    case 'consequence':
      return {
        kind,
        effect: from?.kind === 'consequence' ? from.effect : '取消评优资格',
        what: f.what,
        span,
      };
  }
}

/** A field of a term the editor can change. */
export type TermPatch = Partial<TermFields>;

/** Change fields of a term; fields the term's kind does not have are ignored. */
export function patchTerm(term: Term, patch: TermPatch): Term {
  const next: Record<string, unknown> = { ...term };
  for (const [k, v] of Object.entries(patch)) {
    if (k in term && v !== undefined) next[k] = v;
  }
  return next as unknown as Term;
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
