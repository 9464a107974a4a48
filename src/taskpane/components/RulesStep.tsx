/** 规则: each item's rule in plain words beside its source text; unread rules ask for a decision. */
import {
  Badge,
  Button,
  Caption1,
  Card,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { a1 } from '../../core/a1';
import { fmt } from '../../core/num';
import type { DetectedTable, RubricItem } from '../../core/rubric';
import type { Rule, Span } from '../../core/rules/types';
import { rubricSheets } from '../state/flow';
import { draftOf, ruleKey, ruleOfDraft } from '../state/rule-edit';
import { RuleEditor } from './RuleEditor';
import { SheetPicker } from './SheetPicker';
import type { StepProps } from './types';

const wrap = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'normal', minWidth: 0 },
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
  },
  headingButton: {
    height: 'auto',
    minWidth: 0,
    maxWidth: '100%',
    paddingInline: 0,
    textAlign: 'start',
    justifyContent: 'flex-start',
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
    fontWeight: tokens.fontWeightSemibold,
  },
  points: { whiteSpace: 'nowrap' },
});

/** The source text with the spans the parser could not read marked. */
function SourceText({ source, unread }: { source: string; unread: Span[] }): ReactNode {
  const spans = [...unread].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const sp of spans) {
    if (sp.start < at || sp.end <= sp.start) continue;
    parts.push(source.slice(at, sp.start));
    parts.push(<mark key={sp.start}>{source.slice(sp.start, sp.end)}</mark>);
    at = sp.end;
  }
  parts.push(source.slice(at));
  return <span style={wrap}>{parts}</span>;
}

function ItemRule({
  item,
  rule,
  sheet,
  needsDecision,
  props,
}: {
  item: RubricItem;
  rule: Rule;
  sheet: string;
  needsDecision: boolean;
  props: StepProps;
}) {
  const { state, dispatch, engine, t } = props;
  const key = ruleKey(sheet, item.text, item.criteria);
  const draft = state.drafts[key];
  const resetPending = state.resets.includes(key);
  const shown = draft ? ruleOfDraft(rule.source, draft) : rule;
  const editing = state.editing === key;
  const unreadText = rule.unread.map((s) => rule.source.slice(s.start, s.end)).join('；');
  const heading = `${item.numbering ? `${item.numbering} ` : ''}${item.label || item.text}`;
  const styles = useStyles();
  const cell = item.criteriaCell
    ? a1(item.criteriaCell.row, item.criteriaCell.col)
    : a1(item.row, item.pointsCell.col);
  return (
    <Card size="small" aria-label={heading} role="group">
      <div className={styles.heading}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.headingButton}
          title={t('goToCell', { where: `${sheet}!${cell}` })}
          onClick={() => void props.actions.selectCell(sheet, cell)}
        >
          {heading}
        </Button>
        <Caption1 className={styles.points} data-points="">
          {t('itemPoints', { points: item.points === null ? '' : fmt(item.points) })}
        </Caption1>
        {needsDecision && !draft && (
          <Badge color="warning" size="small">
            {t('unreadBadge')}
          </Badge>
        )}
        {rule.overridden && !resetPending && (
          <Badge color="informative" size="small">
            {t('overriddenBadge')}
          </Badge>
        )}
        {(draft || resetPending) && (
          <Badge color="important" size="small">
            {t('editedBadge')}
          </Badge>
        )}
      </div>
      <div>
        <Caption1>{t('sourceText')}</Caption1>
        <div>{rule.source ? <SourceText source={rule.source} unread={rule.unread} /> : t('noCriteria')}</div>
      </div>
      <div>
        <Caption1>{t('plainWords')}</Caption1>
        <div style={wrap}>{engine.explain(shown, item.points, state.lang)}</div>
      </div>
      {needsDecision && !draft && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody style={wrap}>
            {unreadText ? t('unreadAsk', { text: unreadText }) : t('unknownAsk')}
          </MessageBarBody>
          <MessageBarActions>
            {rule.terms.length > 0 && (
              <Button size="small" onClick={() => dispatch({ type: 'editRule', key, draft: draftOf(rule) })}>
                {t('acceptAsRead')}
              </Button>
            )}
            <Button
              size="small"
              onClick={() =>
                dispatch({
                  type: 'editRule',
                  key,
                  draft: {
                    terms: [{ kind: 'discretion', what: '', span: { start: 0, end: rule.source.length } }],
                    cap: rule.cap,
                  },
                })
              }
            >
              {t('useDiscretion')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        <Button
          size="small"
          aria-expanded={editing}
          onClick={() => {
            if (editing) {
              dispatch({ type: 'openEditor', key: null });
              return;
            }
            if (!draft) dispatch({ type: 'editRule', key, draft: draftOf(rule) });
            dispatch({ type: 'openEditor', key });
          }}
        >
          {editing ? t('doneEditing') : t('edit')}
        </Button>
        {(draft || (rule.overridden && !resetPending)) && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() =>
              dispatch(rule.overridden ? { type: 'resetRule', key } : { type: 'discardDraft', key })
            }
          >
            {t('resetRule')}
          </Button>
        )}
      </div>
      {editing && draft && (
        <RuleEditor draft={draft} t={t} onChange={(d) => dispatch({ type: 'editRule', key, draft: d })} />
      )}
    </Card>
  );
}

type Filter = 'all' | 'open' | 'changed';

/** Items of the sheet in sections: those needing a decision first, then each group in table order. */
function sections(
  table: DetectedTable,
  open: ReadonlySet<string>,
  changed: ReadonlySet<string>,
  filter: Filter,
): { id: string; title: string | null; items: RubricItem[] }[] {
  const keep = (i: RubricItem) =>
    filter === 'all' || (filter === 'open' ? open.has(i.id) : changed.has(i.id));
  const out: { id: string; title: string | null; items: RubricItem[] }[] = [];
  const first = table.items.filter((i) => open.has(i.id) && keep(i));
  if (first.length > 0) out.push({ id: 'open', title: null, items: first });
  const rest = table.items.filter((i) => !open.has(i.id) && keep(i));
  const byGroup = new Map<string, RubricItem[]>();
  for (const i of rest) {
    const key = i.groupIds.join('/');
    byGroup.set(key, [...(byGroup.get(key) ?? []), i]);
  }
  for (const [key, items] of byGroup) {
    const title = key
      .split('/')
      .map((id) => table.groups.find((g) => g.id === id))
      .map((g) => (g ? `${g.numbering ?? ''}${g.label}` : ''))
      .filter(Boolean)
      .join(' › ');
    out.push({ id: `g:${key}`, title: title || null, items });
  }
  return out;
}

export function RulesStep(props: StepProps) {
  const { state, actions, t } = props;
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const sheets = rubricSheets(state.report);
  const current = sheets.find((s) => s.sheet === state.sheet);
  const pending = Object.keys(state.drafts).length + state.resets.length;
  const undecided = new Set(
    (current?.issues ?? []).flatMap((i) =>
      (i.code === 'ruleUnread' || i.code === 'ruleUnknown') && i.itemId ? [i.itemId] : [],
    ),
  );
  const table = current?.analysis.table;
  const rules = current?.analysis.rules ?? {};
  const keyOf = (item: RubricItem) => ruleKey(current?.sheet ?? '', item.text, item.criteria);
  const needs = (item: RubricItem) => {
    const rule = rules[item.id];
    return rule !== undefined && !rule.overridden && (rule.unread.length > 0 || undecided.has(item.id));
  };
  const open = new Set(
    (table?.items ?? []).filter((i) => needs(i) && !state.drafts[keyOf(i)]).map((i) => i.id),
  );
  const changed = new Set(
    (table?.items ?? [])
      .filter((i) => rules[i.id]?.overridden || state.drafts[keyOf(i)] || state.resets.includes(keyOf(i)))
      .map((i) => i.id),
  );
  const decided =
    (table?.items ?? []).filter((i) => needs(i) && state.drafts[keyOf(i)]).length +
    (table?.items ?? []).filter((i) => rules[i.id]?.overridden).length;
  return (
    <section className={styles.root}>
      <SheetPicker {...props} sheets={sheets.map((s) => s.sheet)} />
      <Text className={styles.text}>{t('rulesIntro')}</Text>
      <div className={styles.sticky}>
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={pending === 0 || state.busy !== null}
            onClick={() => void actions.saveRules()}
          >
            {t('saveRules', { count: pending })}
          </Button>
          {state.busy === 'saving' && <Spinner size="tiny" label={t('savingRules')} />}
        </div>
        <Text role="status" className={styles.text}>
          {t('rulesCounts', { open: open.size, decided, total: table?.items.length ?? 0 })}
        </Text>
        <Field label={t('rulesFilter')} orientation="horizontal">
          <Select value={filter} onChange={(_, d) => setFilter(d.value as Filter)}>
            <option value="all">{t('rulesFilter.all')}</option>
            <option value="open">{t('rulesFilter.open', { count: open.size })}</option>
            <option value="changed">{t('rulesFilter.changed', { count: changed.size })}</option>
          </Select>
        </Field>
      </div>
      {state.notice === 'rulesSaved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('rulesSaved')}</MessageBarBody>
        </MessageBar>
      )}
      {current &&
        table &&
        sections(table, open, changed, filter).map((sec) => (
          <section key={sec.id} aria-label={sec.title ?? t('rulesNeedDecision')} className={styles.section}>
            <Subtitle2 as="h2" className={styles.text}>
              {sec.title ?? t('rulesNeedDecision')}{' '}
              <Badge size="small" color={sec.title === null ? 'warning' : 'informative'}>
                {sec.items.length}
              </Badge>
            </Subtitle2>
            {sec.items.map((item) => {
              const rule = rules[item.id];
              if (!rule) return null;
              return (
                <ItemRule
                  key={item.id}
                  item={item}
                  rule={rule}
                  sheet={current.sheet}
                  needsDecision={needs(item)}
                  props={props}
                />
              );
            })}
          </section>
        ))}
      {current && table && filter !== 'all' && (filter === 'open' ? open.size : changed.size) === 0 && (
        <Text>{t('rulesFilterEmpty')}</Text>
      )}
    </section>
  );
}
