/**
 * 检查: each sheet's total (beside the items' points and the declared total; a veto said on the
 * sheet's line), then the findings grouped by severity. A finding repeated on every unit's sheet is
 * listed once, and the counts and badges count the lines listed. A finding with a cell selects it.
 */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Issue, Severity } from '../../core/issues';
import { fmt } from '../../core/num';
import { allIssues, rubricSheets } from '../state/flow';
import { keyedIssues, mergeRepeated } from '../state/structure';
import type { StepProps } from './types';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const COLORS = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'normal', minWidth: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  item: { paddingBlock: tokens.spacingVerticalXXS },
  finding: {
    height: 'auto',
    textAlign: 'start',
    justifyContent: 'flex-start',
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
    minWidth: 0,
    maxWidth: '100%',
    fontWeight: tokens.fontWeightRegular,
  },
});

function IssueRow({ issue, alsoOn, props }: { issue: Issue; alsoOn: string[]; props: StepProps }) {
  const { engine, state, actions, t } = props;
  const styles = useStyles();
  const also =
    alsoOn.length > 0 ? t('alsoOn', { sheets: alsoOn.join(t('listSeparator')), n: alsoOn.length }) : '';
  const text = engine.formatIssue(issue, state.lang) + also;
  const where = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
  if (!issue.cell) {
    return (
      <li className={`${styles.text} ${styles.item}`}>
        {where ? (
          <Text weight="semibold">
            {where}
            {t('listColon')}
          </Text>
        ) : null}
        {text}
      </li>
    );
  }
  const cell = issue.cell;
  return (
    <li className={styles.item}>
      <Button
        appearance="transparent"
        size="small"
        className={styles.finding}
        title={t('goToCell', { where })}
        onClick={() => void actions.selectCell(issue.sheet, cell)}
      >
        <span>
          <Text weight="semibold">{where}</Text>
          {t('listColon')}
          {text}
        </span>
      </Button>
    </li>
  );
}

/** The findings as listed: repeats of one rubric finding merged, per severity. */
export function listedIssues(issues: readonly Issue[]) {
  const shown = mergeRepeated(issues);
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((sev) => [sev, shown.filter((s) => s.issue.severity === sev)]),
  ) as Record<Severity, ReturnType<typeof mergeRepeated>>;
  const counts = {
    error: bySeverity.error.length,
    warning: bySeverity.warning.length,
    info: bySeverity.info.length,
  };
  return { bySeverity, counts };
}

export function CheckStep(props: StepProps) {
  const { state, actions, t } = props;
  const styles = useStyles();
  const { bySeverity, counts } = listedIssues(allIssues(state.report));
  const clear = state.report !== null && counts.error === 0 && counts.warning === 0;
  return (
    <section className={styles.root}>
      <div className={styles.row}>
        <Button onClick={() => void actions.reload()} disabled={state.busy !== null}>
          {t('recheck')}
        </Button>
        {state.busy === 'loading' && <Spinner size="tiny" label={t('loading')} />}
      </div>
      {rubricSheets(state.report).map(({ sheet, analysis }) => {
        const { score, table } = analysis;
        const vetoItems = score.vetoItemIds
          .map((id) => table.items.find((i) => i.id === id)?.label ?? '')
          .filter(Boolean);
        return (
          <Text key={sheet} className={styles.text}>
            {score.vetoed
              ? t('sheetVetoed', { sheet, items: vetoItems.join(t('listSeparator')) })
              : t('sheetScore', {
                  sheet,
                  total: fmt(score.total),
                  max: fmt(score.max),
                  declared:
                    table.declaredTotal !== null && table.declaredTotal !== score.max
                      ? fmt(table.declaredTotal)
                      : '',
                })}
          </Text>
        );
      })}
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
        const list = bySeverity[sev];
        if (list.length === 0) return null;
        const title = t(`severity.${sev}`);
        const keys = keyedIssues(list.map((s) => s.issue));
        return (
          <section key={sev} aria-label={title}>
            <Subtitle2>
              {title}{' '}
              <Badge color={COLORS[sev]} size="small">
                {list.length}
              </Badge>
            </Subtitle2>
            <ul className={styles.list}>
              {list.map((s, n) => (
                <IssueRow key={keys[n]!.key} issue={s.issue} alsoOn={s.alsoOn} props={props} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
