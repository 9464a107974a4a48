/** 写入: options, per sheet what the write does and the cells to keep or replace, a paged preview of the plan, then the write with progress. */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
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
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { WorkbookGrid } from '../../core/grid';
import { type Conflict, WRITE_OP_KINDS, type WriteOp, type WritePlan } from '../../core/plan';
import type { UndoGapKind } from '../../core/writeback/undo';
import { allIssues, cellKey, PREVIEW_PAGE_SIZE, rubricSheets, writeSheets } from '../state/flow';
import {
  type ChangedCell,
  changedSince,
  previewPage,
  type SheetWriteSummary,
  summarizeWrite,
  valueAt,
} from '../state/preview';
import type { StepProps } from './types';

/** Every plan operation kind, to label skipped operations. */
const OP_KINDS: readonly string[] = WRITE_OP_KINDS;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  /** Long sheet names, cell lists and formulas wrap anywhere rather than widen the pane. */
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'normal', wordBreak: 'break-word' },
  table: { tableLayout: 'fixed', width: '100%' },
  colOp: { width: '22%' },
  colWhere: { width: '33%' },
  pager: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  bare: { listStyleType: 'none' },
  flush: { margin: 0 },
  sheets: { border: 0, padding: 0, margin: 0, minWidth: 0 },
  writeBar: {
    position: 'sticky',
    bottom: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/**
 * The whole workbook's keep-or-replace at once. Each cell's own box is in its sheet's list (one box
 * per cell in the pane), so this holds only the box that decides for every sheet.
 */
function OverwriteAll({ state, dispatch, t }: StepProps) {
  const styles = useStyles();
  const { conflicts, overwrite } = state.write;
  if (conflicts.length === 0) return null;
  const all = conflicts.every((c) => overwrite.includes(cellKey(c.sheet, c.cell)));
  const some = conflicts.some((c) => overwrite.includes(cellKey(c.sheet, c.cell)));
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('conflictsTitle')}</MessageBarTitle>
        <div className={styles.wrap}>{t('conflictsBody', { count: conflicts.length })}</div>
        <Checkbox
          checked={all ? true : some ? 'mixed' : false}
          label={t('overwriteAll')}
          onChange={(_, d) => dispatch({ type: 'overwriteAll', on: d.checked === true })}
        />
      </MessageBarBody>
    </MessageBar>
  );
}

function Preview({ state, dispatch, t }: StepProps) {
  const styles = useStyles();
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
        className={styles.table}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.colOp}>{t('colOp')}</TableHeaderCell>
            <TableHeaderCell className={styles.colWhere}>{t('colWhere')}</TableHeaderCell>
            <TableHeaderCell>{t('colContent')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a plan may hold several operations on one cell; the position is the identity.
            <TableRow key={first + i}>
              <TableCell className={styles.wrap}>{t(`op.${r.op}`)}</TableCell>
              <TableCell className={styles.wrap}>{r.where}</TableCell>
              <TableCell className={styles.wrap}>{r.content}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pages > 1 && (
        <nav className={styles.pager} aria-label={t('page', { page: page + 1, pages })}>
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

/** Cells of a sheet listed one by one without asking; more are behind a button. */
const CELLS_AT_ONCE = 10;

/** The counts a summary sentence takes. */
function counts(s: SheetWriteSummary) {
  return {
    sheet: s.sheet,
    score: s.scoreFormulas,
    totals: s.totals,
    texts: s.texts,
    settings: s.settings,
    replace: s.replace.length,
    keep: s.keep.length,
  };
}

/** A conflict in values: what the cell shows now and what it will show, never formula text. */
function conflictText(c: Conflict, props: StepProps): string {
  const { state, t } = props;
  const where = cellKey(c.sheet, c.cell);
  if (c.kind === 'validation') return t('conflictValidation', { where });
  const existing = c.existing.startsWith('=') ? valueAt(state.workbook, c.sheet, c.cell) : c.existing;
  const planned =
    c.plannedResult !== undefined && c.plannedResult !== null
      ? String(c.plannedResult)
      : c.planned.startsWith('=') || c.planned === ''
        ? t('plannedByFormula')
        : c.planned;
  return t('conflictValue', { where, existing, planned });
}

/** One sheet of 写入 in one screen: what the write does there, and keep or replace per sheet and per cell. */
function SheetSummary({ summary, ...props }: StepProps & { summary: SheetWriteSummary }) {
  const styles = useStyles();
  const { dispatch, t } = props;
  const cells = [...summary.replace, ...summary.keep];
  const ticked = new Set(summary.replace.map((c) => cellKey(c.sheet, c.cell)));
  // Listed in the plan's conflict order, so the list does not reshuffle when a box is ticked.
  const order = props.state.write.conflicts.filter((c) => c.sheet === summary.sheet);
  const label = t('sheetReplace', { sheet: summary.sheet, count: cells.length });
  // A long list of cells is rendered only on request: the sheet box decides for all of them at once.
  const [open, setOpen] = useState(cells.length <= CELLS_AT_ONCE);
  // The button that opens the list goes away with the press: the keyboard moves on to the first box.
  const list = useRef<HTMLUListElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (opened) list.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  }, [opened]);
  return (
    <section aria-label={summary.sheet} className={styles.sheet}>
      <Text weight="semibold" className={styles.wrap}>
        {t('sheetPlan', counts(summary))}
      </Text>
      {cells.length > 0 && (
        <>
          <Checkbox
            checked={summary.keep.length === 0 ? true : summary.replace.length === 0 ? false : 'mixed'}
            label={label}
            onChange={(_, d) => {
              const on = summary.replace.length === 0 || d.checked === true;
              for (const c of order)
                dispatch({ type: 'toggleOverwrite', cell: cellKey(c.sheet, c.cell), on });
            }}
          />
          {!open && (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => {
                setOpen(true);
                setOpened(true);
              }}
            >
              {t('chooseCells', { count: cells.length })}
            </Button>
          )}
          {open && (
            <ul ref={list} aria-label={label} className={mergeClasses(styles.list, styles.bare)}>
              {order.map((c) => {
                const key = cellKey(c.sheet, c.cell);
                return (
                  <li key={key}>
                    <Checkbox
                      checked={ticked.has(key)}
                      label={<span className={styles.wrap}>{conflictText(c, props)}</span>}
                      onChange={(_, d) =>
                        dispatch({ type: 'toggleOverwrite', cell: key, on: d.checked === true })
                      }
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** After a write: per sheet what it did, and what is left to fix (the fresh read's errors and warnings). */
function Written({ written, ...props }: StepProps & { written: SheetWriteSummary[] }) {
  const styles = useStyles();
  const { state, t } = props;
  const left = written.flatMap((w) => {
    const issues = allIssues(state.report).filter((i) => i.sheet === w.sheet);
    const errors = issues.filter((i) => i.severity === 'error').length;
    const warnings = issues.filter((i) => i.severity === 'warning').length;
    return errors + warnings > 0 ? [{ sheet: w.sheet, errors, warnings }] : [];
  });
  return (
    <>
      <ul aria-label={t('write')} className={mergeClasses(styles.wrap, styles.list)}>
        {written.map((w) => (
          <li key={w.sheet}>{t('sheetWritten', counts(w))}</li>
        ))}
      </ul>
      {left.length === 0 ? (
        <div className={styles.wrap}>{t('leftNone')}</div>
      ) : (
        left.map((l) => (
          <div key={l.sheet} className={styles.wrap}>
            {t('leftToFix', l)}
          </div>
        ))
      )}
    </>
  );
}

/** After a write: 撤销写入; after an undo: what was restored, what was left as edited, what stays. */
function Undo({ state, actions, t }: StepProps) {
  const styles = useStyles();
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
            <div className={styles.wrap}>{t('undoDone', { count: undoResult.restored.length })}</div>
            {undoResult.conflicts.length > 0 && (
              <>
                <div className={styles.wrap}>
                  {t('undoConflicts', { count: undoResult.conflicts.length })}
                </div>
                <ul
                  aria-label={t('undoConflicts', { count: undoResult.conflicts.length })}
                  className={styles.wrap}
                >
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
                <div className={styles.wrap}>{t('undoGaps')}</div>
                <ul aria-label={t('undoGaps')} className={styles.wrap}>
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
  const styles = useStyles();
  if (changed.length === 0) return null;
  const title = t('changedCells', { count: changed.length });
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <div className={styles.wrap}>{title}</div>
        <ul aria-label={title} className={mergeClasses(styles.wrap, styles.flush)}>
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

/** What the pane had chosen when a write started, to count what that write did. */
interface WriteChoices {
  conflicts: Conflict[];
  overwrite: string[];
  report: StepProps['state']['report'];
  sheets: string[];
}

/**
 * Per sheet, what the last write did: the plan Excel received (kept for its undo) counted with the
 * choices of the press that started it, whether 写入 or 继续写入 after an interrupted write. The
 * choices are taken as the write starts, since the read after it plans anew and drops them.
 */
function useWrittenSummaries({ state }: StepProps, chosen: string[]): SheetWriteSummary[] {
  const started = state.busy === 'writing' && state.write.progress !== null;
  const [wasStarted, setWasStarted] = useState(started);
  const [choices, setChoices] = useState<WriteChoices | null>(null);
  if (started !== wasStarted) {
    setWasStarted(started);
    if (started)
      setChoices({
        conflicts: state.write.conflicts,
        overwrite: state.write.overwrite,
        report: state.report,
        sheets: chosen,
      });
  }
  const applied = state.write.undo?.plans.at(-1);
  if (!state.write.result || !applied) return [];
  const c = choices ?? { conflicts: [], overwrite: [], report: state.report, sheets: chosen };
  return summarizeWrite(applied, c.conflicts, c.overwrite, c.report, c.sheets);
}

export function WriteStep(props: StepProps) {
  const styles = useStyles();
  const { state, dispatch, actions, t } = props;
  const sheets = rubricSheets(state.report).map((s) => s.sheet);
  const chosen = writeSheets(state);
  const { plan, progress, result } = state.write;
  // A fault from a failed plan does not loop: the effect re-runs only when the plan, the options or busy change.
  const ready = state.report !== null && chosen.length > 0;
  const changed = useChangedSincePreview(props);
  // Counted from the plan on screen; the write goes ahead only when the fresh plan is the same.
  const summaries = plan
    ? summarizeWrite(plan, state.write.conflicts, state.write.overwrite, state.report, chosen)
    : [];
  const written = useWrittenSummaries(props, chosen);

  // The plan is derived from the report and the options; it is recomputed whenever either changes.
  useEffect(() => {
    if (ready && plan === null && state.busy === null) actions.preparePlan();
  }, [ready, plan, state.busy, actions]);

  return (
    <section className={styles.root}>
      <Text className={styles.wrap}>{t('writeIntro')}</Text>
      <Switch
        checked={state.write.entryColumns}
        label={t('entryColumns')}
        onChange={(_, d) => dispatch({ type: 'setEntryColumns', on: d.checked })}
      />
      {sheets.length > 1 && (
        <fieldset className={styles.sheets}>
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
          <OverwriteAll {...props} />
          {summaries.map((summary) => (
            <SheetSummary key={summary.sheet} summary={summary} {...props} />
          ))}
          {plan && plan.ops.length > 0 && (
            <details>
              <summary>{t('opDetails', { count: plan.ops.length })}</summary>
              <Preview {...props} />
            </details>
          )}
          {plan && plan.ops.length === 0 && <Text>{t('previewEmpty')}</Text>}
          {!plan && <Spinner size="tiny" />}
          <div className={styles.writeBar}>
            <Button
              appearance="primary"
              disabled={!plan || plan.ops.length === 0 || state.busy !== null}
              onClick={() => void actions.write()}
            >
              {t('write')}
            </Button>
          </div>
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
        <MessageBar
          intent="success"
          layout="multiline"
          role="status"
          // For whoever checks the host path: the operations sent and the round trips they took. The
          // assessor reads the per-sheet sentences below, not these counts.
          data-ops={result.ops}
          data-syncs={result.syncs}
        >
          <MessageBarBody>
            <div className={styles.wrap}>{t('writeDone')}</div>
            <Written written={written} {...props} />
            {result.skipped.map((s) => (
              <div key={`${s.feature}-${s.op}`} className={styles.wrap}>
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
