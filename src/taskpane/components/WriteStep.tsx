/** 写入: options, a paged preview of the plan, conflicts to confirm, then the write with progress. */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { WorkbookGrid } from '../../core/grid';
import { WRITE_OP_KINDS, type WriteOp, type WritePlan } from '../../core/plan';
import type { UndoGapKind } from '../../core/writeback/undo';
import { PREVIEW_PAGE_SIZE, cellKey, rubricSheets, writeSheets } from '../state/flow';
import { type ChangedCell, changedSince, previewPage } from '../state/preview';
import type { StepProps } from './types';

/** Every plan operation kind, to label skipped operations. */
const OP_KINDS: readonly string[] = WRITE_OP_KINDS;
const wrap = { overflowWrap: 'anywhere', whiteSpace: 'normal', wordBreak: 'break-word' } as const;

function Conflicts({ state, dispatch, t }: StepProps) {
  const { conflicts, overwrite } = state.write;
  if (conflicts.length === 0) return null;
  const all = conflicts.every((c) => overwrite.includes(cellKey(c.sheet, c.cell)));
  const some = conflicts.some((c) => overwrite.includes(cellKey(c.sheet, c.cell)));
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('conflictsTitle')}</MessageBarTitle>
        <div style={wrap}>{t('conflictsBody', { count: conflicts.length })}</div>
        <Checkbox
          checked={all ? true : some ? 'mixed' : false}
          label={t('overwriteAll')}
          onChange={(_, d) => dispatch({ type: 'overwriteAll', on: d.checked === true })}
        />
        <ul aria-label={t('conflictsTitle')} style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {conflicts.map((c) => {
            const key = cellKey(c.sheet, c.cell);
            return (
              <li key={key}>
                <Checkbox
                  checked={overwrite.includes(key)}
                  label={
                    <span style={wrap}>
                      {t('conflictLabel', { where: key, existing: c.existing, planned: c.planned })}
                    </span>
                  }
                  onChange={(_, d) =>
                    dispatch({ type: 'toggleOverwrite', cell: key, on: d.checked === true })
                  }
                />
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function Preview({ state, dispatch, t }: StepProps) {
  const plan = state.write.plan;
  if (!plan) return <Spinner size="tiny" />;
  if (plan.ops.length === 0) return <Text>{t('previewEmpty')}</Text>;
  const { rows, pages, page } = previewPage(plan.ops, state.write.page);
  const first = page * PREVIEW_PAGE_SIZE;
  return (
    <>
      <Subtitle2>{t('preview', { count: plan.ops.length })}</Subtitle2>
      <Table
        size="extra-small"
        aria-label={t('preview', { count: plan.ops.length })}
        style={{ tableLayout: 'fixed', width: '100%' }}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '22%' }}>{t('colOp')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '33%' }}>{t('colWhere')}</TableHeaderCell>
            <TableHeaderCell>{t('colContent')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a plan may hold several operations on one cell; the position is the identity.
            <TableRow key={first + i}>
              <TableCell style={wrap}>{t(`op.${r.op}`)}</TableCell>
              <TableCell style={wrap}>{r.where}</TableCell>
              <TableCell style={wrap}>{r.content}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pages > 1 && (
        <nav
          style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}
          aria-label={t('page', { page: page + 1, pages })}
        >
          <Button
            size="small"
            disabled={page === 0}
            onClick={() => dispatch({ type: 'setPage', page: page - 1 })}
          >
            {t('prevPage')}
          </Button>
          <Caption1>{t('page', { page: page + 1, pages })}</Caption1>
          <Button
            size="small"
            disabled={page >= pages - 1}
            onClick={() => dispatch({ type: 'setPage', page: page + 1 })}
          >
            {t('nextPage')}
          </Button>
        </nav>
      )}
    </>
  );
}

/** After a write: 撤销写入; after an undo: what was restored, what was left as edited, what stays. */
function Undo({ state, actions, t }: StepProps) {
  const { undo, undoResult } = state.write;
  return (
    <>
      {undo && (
        <Button disabled={state.busy !== null} onClick={() => void actions.undo()}>
          {state.busy === 'writing' && !state.write.progress ? t('undoing') : t('undoWrite')}
        </Button>
      )}
      {undoResult && (
        <MessageBar
          intent={undoResult.conflicts.length > 0 ? 'warning' : 'success'}
          layout="multiline"
          role="status"
        >
          <MessageBarBody>
            <div style={wrap}>{t('undoDone', { count: undoResult.restored.length })}</div>
            {undoResult.conflicts.length > 0 && (
              <>
                <div style={wrap}>{t('undoConflicts', { count: undoResult.conflicts.length })}</div>
                <ul aria-label={t('undoConflicts', { count: undoResult.conflicts.length })} style={wrap}>
                  {undoResult.conflicts.map((c) => (
                    <li key={cellKey(c.sheet, c.cell)}>
                      {t('undoConflictCell', { where: cellKey(c.sheet, c.cell), existing: c.existing })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {undoResult.gaps.length > 0 && (
              <>
                <div style={wrap}>{t('undoGaps')}</div>
                <ul aria-label={t('undoGaps')} style={wrap}>
                  {undoResult.gaps.map((g) => (
                    <li key={`${g.sheet}-${g.kind}`}>
                      {t('undoGap', {
                        sheet: g.sheet,
                        kind: t(`gap.${g.kind satisfies UndoGapKind}`),
                        count: g.count,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/**
 * The cells edited in Excel after the preview, once a write found the workbook changed: the preview
 * last shown (and the read it came from) is kept, and compared with the read the write made.
 */
function useChangedSincePreview({ state }: StepProps): ChangedCell[] {
  const shown = useRef<{ plan: WritePlan; workbook: WorkbookGrid } | null>(null);
  const [changed, setChanged] = useState<ChangedCell[]>([]);
  const { plan } = state.write;
  const { workbook, fault } = state;
  useEffect(() => {
    if (fault?.kind === 'changed') {
      const last = shown.current;
      if (last && workbook && workbook !== last.workbook)
        setChanged(changedSince(last.plan, last.workbook, workbook));
      return;
    }
    if (fault === null && plan && workbook) shown.current = { plan, workbook };
    if (fault === null && state.busy === 'writing') setChanged([]);
  }, [fault, plan, workbook, state.busy]);
  return changed;
}

function ChangedCells({ changed, t }: { changed: ChangedCell[]; t: StepProps['t'] }) {
  if (changed.length === 0) return null;
  const title = t('changedCells', { count: changed.length });
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <div style={wrap}>{title}</div>
        <ul aria-label={title} style={{ ...wrap, margin: 0 }}>
          {changed.map((c) => (
            <li key={cellKey(c.sheet, c.cell)}>
              {t('changedCell', { where: cellKey(c.sheet, c.cell), was: c.was, now: c.now })}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function WriteStep(props: StepProps) {
  const { state, dispatch, actions, t } = props;
  const sheets = rubricSheets(state.report).map((s) => s.sheet);
  const chosen = writeSheets(state);
  const { plan, progress, result } = state.write;
  // A fault from a failed plan does not loop: the effect re-runs only when the plan, the options or busy change.
  const ready = state.report !== null && chosen.length > 0;
  const changed = useChangedSincePreview(props);

  // The plan is derived from the report and the options; it is recomputed whenever either changes.
  useEffect(() => {
    if (ready && plan === null && state.busy === null) actions.preparePlan();
  }, [ready, plan, state.busy, actions]);

  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text style={wrap}>{t('writeIntro')}</Text>
      <Switch
        checked={state.write.entryColumns}
        label={t('entryColumns')}
        onChange={(_, d) => dispatch({ type: 'setEntryColumns', on: d.checked })}
      />
      {sheets.length > 1 && (
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend>{t('writeSheets')}</legend>
          {sheets.map((s) => (
            <Checkbox
              key={s}
              label={s}
              checked={chosen.includes(s)}
              onChange={(_, d) => dispatch({ type: 'toggleWriteSheet', sheet: s, on: d.checked === true })}
            />
          ))}
        </fieldset>
      )}
      {chosen.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('noSheetSelected')}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <ChangedCells changed={changed} t={t} />
          <Conflicts {...props} />
          <Preview {...props} />
          <Button
            appearance="primary"
            disabled={!plan || plan.ops.length === 0 || state.busy !== null}
            onClick={() => void actions.write()}
          >
            {t('write')}
          </Button>
        </>
      )}
      {progress && (
        <Field validationMessage={t('writing', progress)} validationState="none">
          <ProgressBar
            value={progress.total > 0 ? progress.done / progress.total : 0}
            max={1}
            thickness="large"
          />
        </Field>
      )}
      {result && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <div style={wrap}>{t('writeDone', { ops: result.ops, syncs: result.syncs })}</div>
            {result.skipped.map((s) => (
              <div key={`${s.feature}-${s.op}`} style={wrap}>
                {t('skippedFeature', {
                  feature: OP_KINDS.includes(s.op as WriteOp['op']) ? t(`op.${s.op as WriteOp['op']}`) : s.op,
                  count: s.count,
                })}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Undo {...props} />
    </section>
  );
}
