/**
 * 识别: the table as found. The rubric's own faults come first (each selects its cell), then the
 * declared total beside the items' sum, then a tree of categories, sections and items with their
 * points: an item or group selects its cell in Excel on click or Enter.
 */
import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
  tokens,
} from '@fluentui/react-components';
import type { KeyboardEvent, ReactNode } from 'react';
import { parseA1 } from '../../core/a1';
import { skippedParams } from '../../core/detect';
import type { Issue } from '../../core/issues';
import { fmt } from '../../core/num';
import type { DetectedTable } from '../../core/rubric';
import { rubricSheets } from '../state/flow';
import { groupCell, groupSums, integrityIssues, itemCell, itemsTotal, keyedIssues } from '../state/structure';
import { SheetPicker } from './SheetPicker';
import type { StepProps } from './types';

export const useDetectStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  text: { overflowWrap: 'anywhere', whiteSpace: 'normal', minWidth: 0 },
  points: { whiteSpace: 'nowrap' },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
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
  totals: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
});

function StructureTree({ table, props }: { table: DetectedTable; props: StepProps }) {
  const { t, actions } = props;
  const styles = useDetectStyles();
  const sums = groupSums(table);
  const show = (cell: string | null) => {
    if (cell) void actions.selectCell(table.sheet, cell);
  };
  const onEnter = (cell: string | null) => (e: KeyboardEvent) => {
    if (e.key === 'Enter') show(cell);
  };
  const itemNode = (id: string): ReactNode => {
    const item = table.items.find((i) => i.id === id);
    if (!item) return null;
    const cell = itemCell(table, id);
    return (
      <TreeItem key={id} itemType="leaf" value={id} onClick={() => show(cell)} onKeyDown={onEnter(cell)}>
        <TreeItemLayout
          aside={
            <Caption1 className={styles.points} data-points="">
              {t('itemPoints', { points: item.points === null ? '' : fmt(item.points) })}
            </Caption1>
          }
        >
          <span className={styles.text}>{item.label || item.text}</span>
        </TreeItemLayout>
      </TreeItem>
    );
  };
  const groupNode = (id: string): ReactNode => {
    const g = table.groups.find((x) => x.id === id);
    if (!g) return null;
    const sum = sums[id] ?? 0;
    const mismatch = g.declaredPoints !== null && g.declaredPoints !== sum;
    const cell = groupCell(table, id);
    return (
      <TreeItem key={id} itemType="branch" value={id} onClick={() => show(cell)}>
        <TreeItemLayout>
          <span className={styles.text}>
            {g.numbering ? `${g.numbering} ` : ''}
            {g.label}
          </span>{' '}
          <Caption1 className={styles.points} data-points="">
            {t('groupPoints', {
              declared: g.declaredPoints === null ? '' : fmt(g.declaredPoints),
              sum: fmt(sum),
            })}
          </Caption1>{' '}
          {mismatch && (
            <Badge color="danger" size="small">
              {t('pointsMismatch')}
            </Badge>
          )}
        </TreeItemLayout>
        <Tree>
          {g.groupIds.map(groupNode)}
          {g.itemIds.map(itemNode)}
        </Tree>
      </TreeItem>
    );
  };
  return (
    <Tree aria-label={t('structure')} defaultOpenItems={table.groups.map((g) => g.id)}>
      {table.rootGroupIds.map(groupNode)}
      {table.rootItemIds.map(itemNode)}
    </Tree>
  );
}

export function DetectStep(props: StepProps) {
  const { state, t } = props;
  const styles = useDetectStyles();
  const sheets = rubricSheets(state.report);
  const current = sheets.find((s) => s.sheet === state.sheet);
  const skipped = (state.report?.sheets ?? []).flatMap((s) =>
    s.skipped && s.skipped.reason !== 'productSheet' ? [s.skipped] : [],
  );
  const table = current?.analysis.table;
  const sum = table ? itemsTotal(table) : 0;
  return (
    <section className={styles.root}>
      <SheetPicker {...props} sheets={sheets.map((s) => s.sheet)} />
      {current && table && (
        <>
          <Subtitle2 className={styles.text}>{table.title ?? current.sheet}</Subtitle2>
          <Subtitle2>{t('integrity')}</Subtitle2>
          <IntegrityList issues={integrityIssues(current.issues)} {...props} />
          <div className={styles.totals}>
            <Text className={styles.text}>
              {table.declaredTotal !== null
                ? t('totalsDeclared', {
                    declared: fmt(table.declaredTotal),
                    points: fmt(sum),
                    count: table.items.length,
                  })
                : t('itemsTotal', { points: fmt(sum), count: table.items.length })}
            </Text>
            {table.declaredTotal !== null && table.declaredTotal !== sum && (
              <Badge color="danger" size="small">
                {t('pointsMismatch')}
              </Badge>
            )}
          </div>
          <StructureTree table={table} props={props} />
        </>
      )}
      {skipped.length > 0 && (
        <>
          <Subtitle2>{t('skippedSheets')}</Subtitle2>
          <ul aria-label={t('skippedSheets')} className={styles.list}>
            {skipped.map((s) => (
              <li key={s.sheet} className={styles.text}>
                <Text weight="semibold">{s.sheet}</Text>
                {t('listColon')}
                {t(`skipped.${s.code}`, skippedParams(s))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One finding: a button that selects its cell when it has one, plain text otherwise. */
export function FindingRow({ issue, text, props }: { issue: Issue; text: string; props: StepProps }) {
  const { actions, t } = props;
  const styles = useDetectStyles();
  const badge = (
    <Badge color={issue.severity === 'error' ? 'danger' : 'warning'} size="small">
      {t(`severity.${issue.severity}`)}
    </Badge>
  );
  if (!issue.cell) {
    return (
      <li className={styles.text}>
        {badge} {text}
      </li>
    );
  }
  const cell = issue.cell;
  const where = `${issue.sheet}!${cell}`;
  return (
    <li>
      <Button
        appearance="transparent"
        size="small"
        className={styles.finding}
        title={t('goToCell', { where })}
        onClick={() => void actions.selectCell(issue.sheet, cell)}
      >
        <span>
          {badge} <Text weight="semibold">{cell}</Text>
          {t('listColon')}
          {text}
        </span>
      </Button>
    </li>
  );
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Where a finding stands on its sheet, for reading order: a sheet-level finding (no cell) first. */
function place(issue: Issue): [number, number] {
  const p = issue.cell ? parseA1(issue.cell) : null;
  return p ? [p.row, p.col] : [-1, -1];
}

/** Errors before warnings before notes; within each, top to bottom and left to right on the sheet. */
function bySeverityThenPlace(a: Issue, b: Issue): number {
  const [ra, ca] = place(a);
  const [rb, cb] = place(b);
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || ra - rb || ca - cb;
}

function IntegrityList({ issues, ...props }: StepProps & { issues: Issue[] }) {
  const { engine, state, t } = props;
  const styles = useDetectStyles();
  if (issues.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t('integrityClean')}</MessageBarBody>
      </MessageBar>
    );
  }
  const sorted = [...issues].sort(bySeverityThenPlace);
  return (
    <ul aria-label={t('integrity')} className={styles.list}>
      {keyedIssues(sorted).map(({ key, issue }) => (
        <FindingRow key={key} issue={issue} text={engine.formatIssue(issue, state.lang)} props={props} />
      ))}
    </ul>
  );
}
