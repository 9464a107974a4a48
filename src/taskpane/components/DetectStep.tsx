/** 识别: the table as found, a tree of categories, sections and items with their points. */
import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  Tree,
  TreeItem,
  TreeItemLayout,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { fmt } from '../../core/num';
import type { DetectedTable } from '../../core/rubric';
import { rubricSheets } from '../state/flow';
import { groupSums, integrityIssues, itemsTotal, keyedIssues } from '../state/structure';
import { SheetPicker } from './SheetPicker';
import type { StepProps } from './types';

const wrap = { overflowWrap: 'anywhere', whiteSpace: 'normal' } as const;

function StructureTree({ table, t }: { table: DetectedTable; t: StepProps['t'] }) {
  const sums = groupSums(table);
  const itemNode = (id: string): ReactNode => {
    const item = table.items.find((i) => i.id === id);
    if (!item) return null;
    return (
      <TreeItem key={id} itemType="leaf" value={id}>
        <TreeItemLayout
          aside={
            <Caption1>{t('itemPoints', { points: item.points === null ? '' : fmt(item.points) })}</Caption1>
          }
        >
          <span style={wrap}>{item.label || item.text}</span>
        </TreeItemLayout>
      </TreeItem>
    );
  };
  const groupNode = (id: string): ReactNode => {
    const g = table.groups.find((x) => x.id === id);
    if (!g) return null;
    const sum = sums[id] ?? 0;
    const mismatch = g.declaredPoints !== null && g.declaredPoints !== sum;
    return (
      <TreeItem key={id} itemType="branch" value={id}>
        <TreeItemLayout>
          <span style={wrap}>
            {g.numbering ? `${g.numbering} ` : ''}
            {g.label}
          </span>{' '}
          <Caption1>
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
  const sheets = rubricSheets(state.report);
  const current = sheets.find((s) => s.sheet === state.sheet);
  const skipped = (state.report?.sheets ?? []).flatMap((s) =>
    s.skipped && s.skipped.reason !== 'productSheet' ? [s.skipped] : [],
  );
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <SheetPicker {...props} sheets={sheets.map((s) => s.sheet)} />
      {current && (
        <>
          <Subtitle2>{current.analysis.table.title ?? current.sheet}</Subtitle2>
          {current.analysis.table.declaredTotal !== null && (
            <Text>{t('declaredTotal', { points: fmt(current.analysis.table.declaredTotal) })}</Text>
          )}
          <Text>
            {t('itemsTotal', {
              points: fmt(itemsTotal(current.analysis.table)),
              count: current.analysis.table.items.length,
            })}
          </Text>
          <StructureTree table={current.analysis.table} t={t} />
          <Subtitle2>{t('integrity')}</Subtitle2>
          <IntegrityList issues={integrityIssues(current.issues)} {...props} />
        </>
      )}
      {skipped.length > 0 && (
        <>
          <Subtitle2>{t('skippedSheets')}</Subtitle2>
          <ul aria-label={t('skippedSheets')} style={{ margin: 0, paddingInlineStart: 20 }}>
            {skipped.map((s) => (
              <li key={s.sheet} style={wrap}>
                <Text weight="semibold">{s.sheet}</Text>：{t(`skipped.${s.reason}`)}
                {s.detail && s.reason === 'noHeader' ? <Caption1> {s.detail}</Caption1> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function IntegrityList({
  issues,
  engine,
  state,
  t,
}: StepProps & { issues: ReturnType<typeof integrityIssues> }) {
  if (issues.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t('integrityClean')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <ul aria-label={t('integrity')} style={{ margin: 0, paddingInlineStart: 20 }}>
      {keyedIssues(issues).map(({ key, issue: i }) => (
        <li key={key} style={wrap}>
          <Badge color={i.severity === 'error' ? 'danger' : 'warning'} size="small">
            {t(`severity.${i.severity}`)}
          </Badge>{' '}
          {i.cell ? `${i.cell}：` : ''}
          {engine.formatIssue(i, state.lang)}
        </li>
      ))}
    </ul>
  );
}
