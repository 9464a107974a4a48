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
import type { Span } from '../../core/rules/types';
import { rubricSheets } from '../state/flow';
import { draftOf, parseRuleKey, ruleOfDraft } from '../state/rule-edit';
import { blockedDrafts, RULES_FILTERS, type RuleRow, type RulesFilter, rulesView } from '../state/rules-view';
import { RuleEditor } from './RuleEditor';
import { SheetPicker } from './SheetPicker';
import type { StepProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'normal', minWidth: 0 },
  saveBar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
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
  /** Source text and explanations keep their own line breaks. */
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** The source text with the spans the parser could not read marked. */
function SourceText({ source, unread }: { source: string; unread: Span[] }): ReactNode {
  const styles = useStyles();
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
  return <span className={styles.wrap}>{parts}</span>;
}

function ItemRule({ row, sheet, props }: { row: RuleRow; sheet: string; props: StepProps }) {
  const { state, dispatch, engine, t } = props;
  const { item, rule, key, draft, resetPending } = row;
  const shown = draft ? ruleOfDraft(rule.source, draft) : rule;
  const editing = state.editing === key;
  const unreadText = rule.unread.map((s) => rule.source.slice(s.start, s.end)).join(t('sourceSeparator'));
  const heading = `${item.numbering ? `${item.numbering} ` : ''}${item.label || item.text}`;
  const asks = row.status === 'decide' && !draft;
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
        {row.needs.map((n) => (
          <Badge key={n} color="warning" size="small">
            {t(`rulesNeed.${n}`)}
          </Badge>
        ))}
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
        <div className={styles.wrap}>{engine.explain(shown, item.points, state.lang)}</div>
      </div>
      {row.problems.length > 0 && !editing && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.wrap}>{t('ruleProblemAsk')}</MessageBarBody>
        </MessageBar>
      )}
      {asks && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            {unreadText
              ? t('unreadAsk', { text: unreadText })
              : row.needs.includes('unknown')
                ? t('unknownAsk')
                : t('discretionAsk')}
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
      <div className={styles.actions}>
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

/** The drafts that cannot be saved yet, as the save bar names them. */
function blockedText(keys: readonly string[], sheet: string, t: StepProps['t']): string {
  const names = keys.map((k) => {
    const id = parseRuleKey(k);
    const label = id.itemText.length > 20 ? `${id.itemText.slice(0, 20)}…` : id.itemText;
    return id.sheet === sheet ? label : `${id.sheet}${t('listColon')}${label}`;
  });
  return t('saveBlocked', { count: keys.length, items: names.join(t('listSeparator')) });
}

export function RulesStep(props: StepProps) {
  const { state, actions, t } = props;
  const styles = useStyles();
  const [filter, setFilter] = useState<RulesFilter>('all');
  const sheets = rubricSheets(state.report);
  const current = sheets.find((s) => s.sheet === state.sheet);
  const pending = Object.keys(state.drafts).length + state.resets.length;
  const blocked = blockedDrafts(state.drafts);
  const table = current?.analysis.table;
  const input = table &&
    current && {
      sheet: current.sheet,
      table,
      rules: current.analysis.rules,
      drafts: state.drafts,
      resets: state.resets,
    };
  const view = input ? rulesView(input, filter) : null;
  const counts = view?.counts ?? { total: 0, confirmed: 0, open: 0, decide: 0, edited: 0 };
  const optionCount: Record<RulesFilter, number> = {
    all: counts.total,
    decide: counts.decide,
    edited: counts.edited,
  };
  return (
    <section className={styles.root}>
      <SheetPicker {...props} sheets={sheets.map((s) => s.sheet)} />
      <Text className={styles.text}>{t('rulesIntro')}</Text>
      <Field label={t('rulesFilter')} orientation="horizontal">
        <Select value={filter} onChange={(_, d) => setFilter(d.value as RulesFilter)}>
          {RULES_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`rulesFilter.${f}`, { count: optionCount[f] })}
            </option>
          ))}
        </Select>
      </Field>
      {state.notice === 'rulesSaved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('rulesSaved')}</MessageBarBody>
        </MessageBar>
      )}
      {current &&
        view?.sections.map((sec) => {
          const title = sec.titles.join(' › ') || t('rulesNoSection');
          return (
            <section key={sec.id} aria-label={title} className={styles.section}>
              <Subtitle2 as="h2" className={styles.text}>
                {title}{' '}
                {sec.decide > 0 && (
                  <Badge size="small" color="warning">
                    {t('rulesSectionDecide', { count: sec.decide })}
                  </Badge>
                )}
              </Subtitle2>
              {sec.rows.map((row) => (
                <ItemRule key={row.item.id} row={row} sheet={current.sheet} props={props} />
              ))}
            </section>
          );
        })}
      {view && view.listed === 0 && <Text>{t('rulesFilterEmpty')}</Text>}
      <div className={styles.saveBar}>
        <Text role="status" className={styles.text}>
          {t('rulesCounts', { confirmed: counts.confirmed, open: counts.open, decide: counts.decide })}
        </Text>
        {blocked.length > 0 && (
          <Text id="rules-save-blocked" className={styles.text}>
            {blockedText(blocked, current?.sheet ?? '', t)}
          </Text>
        )}
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={pending === 0 || blocked.length > 0 || state.busy !== null}
            aria-describedby={blocked.length > 0 ? 'rules-save-blocked' : undefined}
            onClick={() => void actions.saveRules()}
          >
            {t('saveRules', { count: pending })}
          </Button>
          {state.busy === 'saving' && <Spinner size="tiny" label={t('savingRules')} />}
        </div>
      </div>
    </section>
  );
}
