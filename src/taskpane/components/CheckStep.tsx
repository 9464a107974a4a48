/** 检查: the issues grouped by severity with counts; an issue with a cell selects it in Excel. */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { countBySeverity, type Issue, type Severity } from '../../core/issues';
import { fmt } from '../../core/num';
import { allIssues, rubricSheets } from '../state/flow';
import { keyedIssues, mergeRepeated } from '../state/structure';
import type { StepProps } from './types';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const COLORS = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const wrap = { overflowWrap: 'anywhere', whiteSpace: 'normal', textAlign: 'start', height: 'auto' } as const;

function IssueRow({ issue, alsoOn, props }: { issue: Issue; alsoOn: string[]; props: StepProps }) {
  const { engine, state, actions, t } = props;
  const also = alsoOn.length > 0 ? t('alsoOn', { sheets: alsoOn.join('、'), n: alsoOn.length }) : '';
  const text = engine.formatIssue(issue, state.lang) + also;
  const where = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
  if (!issue.cell) {
    return (
      <li style={{ ...wrap, padding: '4px 0' }}>
        {where ? <Text weight="semibold">{where}：</Text> : null}
        {text}
      </li>
    );
  }
  const cell = issue.cell;
  return (
    <li style={{ padding: '2px 0' }}>
      <Button
        appearance="transparent"
        size="small"
        style={wrap}
        title={t('goToCell', { where })}
        onClick={() => void actions.selectCell(issue.sheet, cell)}
      >
        <span>
          <Text weight="semibold">{where}</Text>：{text}
        </span>
      </Button>
    </li>
  );
}

export function CheckStep(props: StepProps) {
  const { state, actions, t } = props;
  const issues = allIssues(state.report);
  const counts = countBySeverity(issues);
  const clear = state.report !== null && counts.error === 0 && counts.warning === 0;
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Button onClick={() => void actions.reload()} disabled={state.busy !== null}>
          {t('recheck')}
        </Button>
        {state.busy === 'loading' && <Spinner size="tiny" label={t('loading')} />}
      </div>
      {rubricSheets(state.report).map((s) => (
        <Text key={s.sheet} style={wrap}>
          {t('sheetTotal', {
            sheet: s.sheet,
            total: fmt(s.analysis.score.total),
            max: fmt(s.analysis.score.max),
          })}
        </Text>
      ))}
      <Text role="status">{t('counts', counts)}</Text>
      {clear && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('allClearTitle')}</MessageBarTitle>
            {t('allClearBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {SEVERITIES.map((sev) => {
        const list = issues.filter((i) => i.severity === sev);
        if (list.length === 0) return null;
        const title = t(`severity.${sev}`);
        return (
          <section key={sev} aria-label={title}>
            <Subtitle2>
              {title}{' '}
              <Badge color={COLORS[sev]} size="small">
                {list.length}
              </Badge>
            </Subtitle2>
            <ul style={{ margin: 0, paddingInlineStart: 16, listStyle: 'none' }}>
              {(() => {
                const shown = mergeRepeated(list);
                const keys = keyedIssues(shown.map((s) => s.issue));
                return shown.map((s, n) => (
                  <IssueRow key={keys[n]!.key} issue={s.issue} alsoOn={s.alsoOn} props={props} />
                ));
              })()}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
