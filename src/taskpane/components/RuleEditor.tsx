/** The editor for one item's rule: each term's kind and numbers, add/remove terms, and the cap. */
import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { FieldSpec } from '../../core/rules/registry';
import type { Cap, Term, TermKind } from '../../core/rules/types';
import type { T, UiKey } from '../i18n';
import { zhCN } from '../i18n/zh-CN';
import {
  capOfKind,
  type DraftEdit,
  editDraft,
  fieldDecls,
  groupOf,
  type RuleDraft,
  TERM_KINDS,
  type TermPatch,
  type TermProblem,
  termProblems,
} from '../state/rule-edit';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  term: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  nested: { border: 'none', padding: 0, margin: 0, display: 'flex', gap: tokens.spacingHorizontalXS },
  problem: { color: tokens.colorStatusDangerForeground1 },
});

/** A catalogue key the kinds name (field labels, choice options), checked against the catalogue. */
function label(t: T, key: string, fallback = key): string {
  return key in zhCN ? t(key as UiKey) : fallback;
}

function numberOf(text: string): number | null | undefined {
  const v = text.trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function fieldValue(term: Term, name: string): string {
  const v = (term as unknown as Record<string, unknown>)[name];
  return v === null || v === undefined ? '' : String(v);
}

function problemText(t: T, kind: TermKind, p: TermProblem): string {
  if (p.code === 'rangeMinAboveMax') return t('problem.rangeMinAboveMax', { min: p.min, max: p.max });
  const g = groupOf(kind, p.group);
  return t('problem.groupIncomplete', { group: g ? label(t, g.label) : p.group });
}

interface FieldInputProps {
  term: Term;
  spec: FieldSpec;
  t: T;
  patch: (p: TermPatch) => void;
}

/** One field as its type asks: a number, a text, a choice. Bands are kept as read and not shown. */
function FieldInput({ term, spec, t, patch }: FieldInputProps) {
  const name = spec.name;
  switch (spec.type) {
    case 'bands':
      return null;
    case 'choice':
      return (
        <Field label={label(t, spec.label)}>
          <Select value={fieldValue(term, name)} onChange={(_, d) => patch({ [name]: d.value })}>
            {(spec.options ?? []).map((o) => (
              <option key={o} value={o}>
                {label(t, `${spec.label}.${o}`, o)}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'text':
      return (
        <Field label={label(t, spec.label)}>
          <Input defaultValue={fieldValue(term, name)} onChange={(_, d) => patch({ [name]: d.value })} />
        </Field>
      );
    default:
      return (
        <Field label={label(t, spec.label)}>
          <Input
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={fieldValue(term, name)}
            onChange={(_, d) => {
              const n = numberOf(d.value);
              // An empty box clears a field that may be empty; a required number waits for one.
              if (n === undefined || (n === null && spec.type === 'number')) return;
              patch({ [name]: n });
            }}
          />
        </Field>
      );
  }
}

export interface RuleEditorProps {
  draft: RuleDraft;
  onChange: (draft: RuleDraft) => void;
  t: T;
}

export function RuleEditor({ draft, onChange, t }: RuleEditorProps) {
  const apply = (edit: DraftEdit) => onChange(editDraft(draft, edit));
  const setCap = (cap: Cap) => apply({ type: 'cap', cap });
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {draft.terms.map((term, index) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: terms have no identity of their own; index + kind remounts inputs on a kind change.
          key={`${index}-${term.kind}`}
          aria-label={`${t('termKind')} ${index + 1}`}
          className={styles.term}
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
          {fieldDecls(term.kind).map((d) =>
            d.type === 'nested' ? (
              <fieldset key={d.name} aria-label={label(t, d.label)} className={styles.nested}>
                <legend>{label(t, d.label)}</legend>
                {d.fields.map((f) => (
                  <FieldInput
                    key={f.name}
                    term={term}
                    spec={f}
                    t={t}
                    patch={(patch) => apply({ type: 'patch', index, patch })}
                  />
                ))}
              </fieldset>
            ) : (
              <FieldInput
                key={d.name}
                term={term}
                spec={d}
                t={t}
                patch={(patch) => apply({ type: 'patch', index, patch })}
              />
            ),
          )}
          {termProblems(term).map((p) => (
            <div
              key={p.code === 'groupIncomplete' ? p.group : p.code}
              role="alert"
              className={styles.problem}
            >
              {problemText(t, term.kind, p)}
            </div>
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
