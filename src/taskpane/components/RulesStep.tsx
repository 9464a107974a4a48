/** 规则: each item's rule in plain words beside its source text; unread rules ask for a decision. */
import {
  Badge,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { fmt } from '../../core/num';
import type { RubricItem } from '../../core/rubric';
import type { Rule, Span } from '../../core/rules/types';
import { rubricSheets } from '../state/flow';
import { draftOf, ruleKey, ruleOfDraft } from '../state/rule-edit';
import { RuleEditor } from './RuleEditor';
import { SheetPicker } from './SheetPicker';
import type { StepProps } from './types';

const wrap = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

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
  return (
    <Card size="small" aria-label={heading} role="group">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'baseline' }}>
        <Text weight="semibold" style={wrap}>
          {heading}
        </Text>
        <Caption1>{t('itemPoints', { points: item.points === null ? '' : fmt(item.points) })}</Caption1>
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

export function RulesStep(props: StepProps) {
  const { state, actions, t } = props;
  const sheets = rubricSheets(state.report);
  const current = sheets.find((s) => s.sheet === state.sheet);
  const pending = Object.keys(state.drafts).length + state.resets.length;
  const undecided = new Set(
    (current?.issues ?? []).flatMap((i) =>
      (i.code === 'ruleUnread' || i.code === 'ruleUnknown') && i.itemId ? [i.itemId] : [],
    ),
  );
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <SheetPicker {...props} sheets={sheets.map((s) => s.sheet)} />
      <Text style={wrap}>{t('rulesIntro')}</Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Button
          appearance="primary"
          disabled={pending === 0 || state.busy !== null}
          onClick={() => void actions.saveRules()}
        >
          {t('saveRules', { count: pending })}
        </Button>
        {state.busy === 'saving' && <Spinner size="tiny" label={t('savingRules')} />}
      </div>
      {state.notice === 'rulesSaved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('rulesSaved')}</MessageBarBody>
        </MessageBar>
      )}
      {current?.analysis.table.items.map((item) => {
        const rule = current.analysis.rules[item.id];
        if (!rule) return null;
        const needsDecision = !rule.overridden && (rule.unread.length > 0 || undecided.has(item.id));
        return (
          <ItemRule
            key={item.id}
            item={item}
            rule={rule}
            sheet={current.sheet}
            needsDecision={needsDecision}
            props={props}
          />
        );
      })}
    </section>
  );
}
