/** The editor for one item's rule: each term's kind and numbers, add/remove terms, and the cap. */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { Cap, Term, TermKind } from '../../core/rules/types';
import type { T } from '../i18n';
import {
  type DraftEdit,
  type RuleDraft,
  TERM_KINDS,
  capOfKind,
  editDraft,
  type TermPatch,
} from '../state/rule-edit';

type NumField = 'amount' | 'required' | 'step' | 'target' | 'max';
type TextField = 'unit' | 'what';

const NUM_FIELDS: Record<TermKind, NumField[]> = {
  perUnit: ['amount'],
  shortfall: ['amount', 'required'],
  threshold: ['amount', 'required'],
  rate: ['amount', 'step', 'target'],
  flag: ['amount'],
  award: ['amount'],
  bonus: ['amount', 'max'],
  fullIf: [],
  zeroIf: [],
  veto: [],
  discretion: [],
  tier: [],
  tierCount: [],
  choice: [],
  range: [],
  consequence: [],
};
const TEXT_FIELDS: Record<TermKind, TextField[]> = {
  perUnit: ['unit', 'what'],
  shortfall: ['unit', 'what'],
  threshold: ['unit', 'what'],
  rate: ['what'],
  flag: ['what'],
  award: ['what'],
  bonus: ['unit', 'what'],
  fullIf: ['what'],
  zeroIf: ['what'],
  veto: ['what'],
  discretion: ['what'],
  tier: ['what'],
  tierCount: ['unit', 'what'],
  choice: ['what'],
  range: ['what'],
  consequence: ['what'],
};
/** Fields that may be left empty (no number: a reference that is not numeric, or no limit). */
const NULLABLE: ReadonlySet<NumField> = new Set<NumField>(['target', 'max']);
const FIELD_LABEL = {
  amount: 'amount',
  required: 'required',
  step: 'step',
  target: 'target',
  max: 'maxBonus',
  unit: 'unit',
  what: 'what',
} as const;

function numberOf(text: string): number | null | undefined {
  const v = text.trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function fieldValue(term: Term, f: NumField | TextField): string {
  const v = (term as unknown as Record<string, unknown>)[f];
  return v === null || v === undefined ? '' : String(v);
}

export interface RuleEditorProps {
  draft: RuleDraft;
  onChange: (draft: RuleDraft) => void;
  t: T;
}

export function RuleEditor({ draft, onChange, t }: RuleEditorProps) {
  const apply = (edit: DraftEdit) => onChange(editDraft(draft, edit));
  const setCap = (cap: Cap) => apply({ type: 'cap', cap });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {draft.terms.map((term, index) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: terms have no identity of their own; index + kind remounts inputs on a kind change.
          key={`${index}-${term.kind}`}
          aria-label={`${t('termKind')} ${index + 1}`}
          style={{
            border: '1px solid #d1d1d1',
            borderRadius: 4,
            padding: 8,
            margin: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: 4,
          }}
        >
          <Field label={t('termKind')}>
            <Select
              value={term.kind}
              onChange={(_, d) => apply({ type: 'kind', index, kind: d.value as TermKind })}
            >
              {TERM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          {NUM_FIELDS[term.kind].map((f) => (
            <Field key={f} label={t(FIELD_LABEL[f])}>
              <Input
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                defaultValue={fieldValue(term, f)}
                onChange={(_, d) => {
                  const n = numberOf(d.value);
                  if (n === undefined || (n === null && !NULLABLE.has(f))) return;
                  apply({ type: 'patch', index, patch: { [f]: n } as TermPatch });
                }}
              />
            </Field>
          ))}
          {term.kind === 'veto' && (
            <Field label={t('scope')}>
              <Select
                value={term.scope}
                onChange={(_, d) =>
                  apply({ type: 'patch', index, patch: { scope: d.value as 'item' | 'assessment' } })
                }
              >
                <option value="item">{t('scope.item')}</option>
                <option value="assessment">{t('scope.assessment')}</option>
              </Select>
            </Field>
          )}
          {TEXT_FIELDS[term.kind].map((f) => (
            <Field key={f} label={t(FIELD_LABEL[f])}>
              <Input
                defaultValue={fieldValue(term, f)}
                onChange={(_, d) => apply({ type: 'patch', index, patch: { [f]: d.value } as TermPatch })}
              />
            </Field>
          ))}
          <Button size="small" appearance="subtle" onClick={() => apply({ type: 'remove', index })}>
            {t('removeTerm')}
          </Button>
        </fieldset>
      ))}
      <Button size="small" onClick={() => apply({ type: 'add' })}>
        {t('addTerm')}
      </Button>
      <Field label={t('cap')}>
        <Select
          value={draft.cap.kind}
          onChange={(_, d) =>
            setCap(
              capOfKind(
                d.value as Cap['kind'],
                draft.cap.kind === 'explicit' ? draft.cap.amount : 1,
                draft.cap,
              ),
            )
          }
        >
          <option value="item">{t('cap.item')}</option>
          <option value="explicit">{t('cap.explicit')}</option>
          <option value="none">{t('cap.none')}</option>
        </Select>
      </Field>
      {draft.cap.kind === 'explicit' && (
        <Field label={t('capAmount')}>
          <Input
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={String(draft.cap.amount)}
            onChange={(_, d) => {
              const n = numberOf(d.value);
              if (typeof n === 'number') setCap(capOfKind('explicit', n, draft.cap));
            }}
          />
        </Field>
      )}
    </div>
  );
}
