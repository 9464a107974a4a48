/**
 * 评分: one item at a time, as online scoring forms ask. The item follows the row selected in Excel
 * (where the host reports it) or 上一项/下一项; the form asks exactly what the item's rule needs, shows
 * the deduction and score live, and 确定 writes the item's entries through the core's item plan
 * (compare-and-set, conflicts shown first), then moves to the next item.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { a1, parseA1 } from '../../core/a1';
import { YES_NO_TEXT } from '../../core/entries';
import type { SheetAnalysis } from '../../core/model';
import { fmt } from '../../core/num';
import type { Conflict } from '../../core/plan';
import type { RubricItem } from '../../core/rubric';
import { handlerFor } from '../../core/rules/kinds';
import type { Rule } from '../../core/rules/types';
import { liveItemScore } from '../../core/writeback/item';
import { faultFrom } from '../state/faults';
import { rubricSheets } from '../state/flow';
import {
  draftFromEntry,
  initialScoreState,
  inputsOf,
  itemAtRow,
  neighbour,
  paneRule,
  reasonClauses,
  type ScoreProblem,
  scoreReducer,
  scoredCount,
} from '../state/score-item';
import { SheetPicker } from './SheetPicker';
import type { StepProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grow: { flexGrow: 1 },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
  },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', minWidth: 0 },
  points: { whiteSpace: 'nowrap', flexShrink: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  live: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    position: 'sticky',
    bottom: 0,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  flush: { margin: 0 },
});

type Props = StepProps;

/** The sheet's analysis, its grid and the product's metadata for it. */
function sheetParts(props: Props, sheet: string | null) {
  const { state } = props;
  const current = rubricSheets(state.report).find((s) => s.sheet === sheet);
  const grid = state.workbook?.sheets.find((s) => s.name === sheet);
  const meta = state.report?.meta.sheets.find((s) => s.sheet === sheet);
  return { analysis: current?.analysis, grid, meta };
}

/** The analysis with the item's rule as the pane asks it (see paneRule). */
function withPaneRule(analysis: SheetAnalysis, itemId: string, rule: Rule): SheetAnalysis {
  return { ...analysis, rules: { ...analysis.rules, [itemId]: rule } };
}

/** The cell the pane selects for an item: where its entries go (扣分, else 得分, else 标准分值). */
function entryCell(analysis: SheetAnalysis, item: RubricItem, firstEntryCol: number | undefined): string {
  const c = analysis.table.columns;
  const col = firstEntryCol ?? c.deduction ?? c.score ?? item.pointsCell.col;
  return a1(item.row, col);
}

function sameConflicts(a: readonly Conflict[], b: readonly Conflict[]): boolean {
  const key = (cs: readonly Conflict[]) => JSON.stringify(cs.map((c) => [c.cell, c.existing, c.planned]));
  return key(a) === key(b);
}

export function ScoreStep(props: Props) {
  const { state, dispatch, actions, engine, host, t } = props;
  const styles = useStyles();
  const [score, scoreDispatch] = useReducer(scoreReducer, initialScoreState);
  const formRef = useRef<HTMLFormElement>(null);
  const focusAfterOpen = useRef(false);
  const sheet = state.sheet;
  const { analysis, grid, meta } = sheetParts(props, sheet);
  const table = analysis?.table;

  const open = useCallback((onSheet: string, item: RubricItem, a: SheetAnalysis) => {
    const rule = paneRule(a.rules[item.id] ?? emptyRuleOf(item));
    const entry = a.entries.find((e) => e.itemId === item.id);
    scoreDispatch({ type: 'open', sheet: onSheet, itemId: item.id, draft: draftFromEntry(rule, entry) });
  }, []);

  // Start on the first item of the sheet shown.
  useEffect(() => {
    if (!sheet || !analysis) return;
    if (score.sheet === sheet && analysis.table.items.some((i) => i.id === score.itemId)) return;
    const first = analysis.table.items[0];
    if (first) open(sheet, first, analysis);
  }, [sheet, analysis, score.sheet, score.itemId, open]);

  // Follow the selection in Excel.
  const reportRef = useRef(state.report);
  reportRef.current = state.report;
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  useEffect(() => {
    if (!host.onSelectionChange) return;
    return host.onSelectionChange((sel) => {
      const found = rubricSheets(reportRef.current).find((s) => s.sheet === sel.sheet);
      const pos = parseA1(sel.cell);
      if (!found || !pos) return;
      const item = itemAtRow(found.analysis.table, pos.row);
      if (!item) return;
      if (sheetRef.current !== sel.sheet) dispatch({ type: 'selectSheet', sheet: sel.sheet });
      open(sel.sheet, item, found.analysis);
    });
  }, [host, dispatch, open]);

  const item = table?.items.find((i) => i.id === score.itemId);
  const rule = item && analysis ? paneRule(analysis.rules[item.id] ?? emptyRuleOf(item)) : null;
  const draft = score.sheet === sheet ? score.draft : null;
  const parsed = rule && draft ? inputsOf(rule, draft) : null;
  const live = item && rule && parsed ? liveItemScore(item, rule, parsed.inputs, table) : null;
  const firstEntryCol = useMemo(() => {
    const col = meta?.entryColumns[0]?.col;
    return col ? parseA1(`${col}1`)?.col : undefined;
  }, [meta]);
  const planned =
    item && rule && analysis && grid && draft && parsed && parsed.bad.length === 0
      ? engine.planItem(grid, withPaneRule(analysis, item.id, rule), meta, item.id, {
          inputs: parsed.inputs,
          reason: draft.reason,
        })
      : null;

  useEffect(() => {
    if (!focusAfterOpen.current || !score.itemId) return;
    focusAfterOpen.current = false;
    formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, [score.itemId]);

  const go = (target: RubricItem | undefined) => {
    if (!target || !analysis || !sheet) return;
    focusAfterOpen.current = true;
    open(sheet, target, analysis);
    // Selecting the cell may take the focus to the sheet: bring it back to the item's first field,
    // so scoring by keyboard goes on from item to item.
    void actions
      .selectCell(sheet, entryCell(analysis, target, firstEntryCol))
      .then(() => formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus());
  };

  const confirm = async () => {
    if (!item || !rule || !analysis || !sheet || !draft || !parsed) return;
    if (parsed.bad.length > 0) {
      scoreDispatch({ type: 'saveFailed', problem: { code: 'badInput', term: parsed.bad[0]! } });
      return;
    }
    if (!planned) return;
    if (!planned.ok) {
      scoreDispatch({ type: 'saveFailed', problem: planned.refusal as ScoreProblem });
      return;
    }
    const entry = { inputs: parsed.inputs, reason: draft.reason };
    const next = neighbour(analysis.table, item.id, 1);
    scoreDispatch({ type: 'saveStart' });
    try {
      // Plan again from a fresh read: the assessor may have typed in Excel since the pane last read.
      const read = await host.readWorkbook();
      const report = engine.analyze(read.workbook);
      const fresh = rubricSheets(report).find((s) => s.sheet === sheet)?.analysis;
      const freshGrid = read.workbook.sheets.find((s) => s.name === sheet);
      const freshMeta = report.meta.sheets.find((s) => s.sheet === sheet);
      const freshItem = fresh?.table.items.find((i) => i.id === item.id && i.row === item.row);
      if (!fresh || !freshGrid || !freshItem) {
        dispatch({ type: 'loaded', workbook: read.workbook, report, syncs: read.syncs });
        scoreDispatch({ type: 'saveFailed', problem: { code: 'changed' } });
        return;
      }
      const freshAnalysis = withPaneRule(fresh, item.id, paneRule(fresh.rules[item.id] ?? rule));
      const bare = engine.planItem(freshGrid, freshAnalysis, freshMeta, item.id, entry);
      if (!bare.ok || !sameConflicts(bare.plan.conflicts, planned.plan.conflicts)) {
        dispatch({ type: 'loaded', workbook: read.workbook, report, syncs: read.syncs });
        scoreDispatch({ type: 'saveFailed', problem: { code: 'changed' } });
        return;
      }
      // The cells listed as "将替换" were on screen beside 确定: pressing it confirms them.
      const overwrite = planned.plan.conflicts.map((c) => `${c.sheet}!${c.cell}`);
      const final = engine.planItem(freshGrid, freshAnalysis, freshMeta, item.id, entry, { overwrite });
      if (!final.ok || final.plan.conflicts.length > 0) {
        scoreDispatch({ type: 'saveFailed', problem: { code: 'changed' } });
        return;
      }
      if (final.plan.ops.length > 0) await host.applyPlan(final.plan);
      scoreDispatch({ type: 'saved', score: final.score.score });
    } catch (e) {
      scoreDispatch({ type: 'saveFailed', problem: null });
      dispatch({ type: 'failed', fault: faultFrom(e) });
      return;
    }
    await actions.reload();
    if (next) go(next);
  };

  const sheets = rubricSheets(state.report);
  if (!analysis || !table || !sheet) return null;
  const index = item ? table.items.findIndex((i) => i.id === item.id) : -1;
  const groups = item
    ? item.groupIds.map((id) => table.groups.find((g) => g.id === id)?.label ?? '').filter(Boolean)
    : [];
  const savedItem =
    score.saved && score.saved.sheet === sheet
      ? table.items.find((i) => i.id === score.saved?.itemId)
      : undefined;
  const clauses = rule ? reasonClauses(rule) : [];

  return (
    <section className={styles.root} aria-label={t('step.score')}>
      <SheetPicker {...props} sheets={sheets.map((s) => s.sheet)} />
      <Caption1 className={styles.text}>
        {host.onSelectionChange ? t('scoreFollow') : t('scoreNoFollow')}
      </Caption1>
      <div className={styles.nav}>
        <Button
          size="small"
          disabled={index <= 0 || score.busy}
          onClick={() => item && go(neighbour(table, item.id, -1))}
        >
          {t('scorePrev')}
        </Button>
        <Button
          size="small"
          disabled={index < 0 || index >= table.items.length - 1 || score.busy}
          onClick={() => item && go(neighbour(table, item.id, 1))}
        >
          {t('scoreNext')}
        </Button>
        <Caption1 className={styles.grow} role="status">
          {t('scoreProgress', { n: index + 1, total: table.items.length, scored: scoredCount(analysis) })}
        </Caption1>
      </div>
      {savedItem && score.saved && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.text}>
            {t('scoreSaved', { item: savedItem.label || savedItem.text, score: fmt(score.saved.score) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {item && rule && draft && parsed && live && (
        <form
          ref={formRef}
          className={styles.form}
          aria-label={item.label || item.text}
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <div>
            {groups.length > 0 && <Caption1 className={styles.text}>{groups.join(' › ')}</Caption1>}
            <div className={styles.heading}>
              <Subtitle2 as="h2" className={styles.text}>
                {item.numbering ? `${item.numbering} ` : ''}
                {item.label || item.text}
              </Subtitle2>
              <Caption1 className={styles.points} data-points="">
                {t('itemPoints', { points: item.points === null ? '' : fmt(item.points) })}
              </Caption1>
            </div>
          </div>
          <div>
            <Caption1>{t('scoreRule')}</Caption1>
            <Text as="p" className={mergeClasses(styles.text, styles.flush)}>
              {engine.explain(analysis.rules[item.id] ?? rule, item.points, state.lang)}
            </Text>
          </div>
          {rule.terms.map((term, j) => {
            const kind = handlerFor(term).input;
            if (kind === 'none') return null;
            const label =
              term.kind === 'discretion' && term.span.end === 0
                ? t('scoreDirect')
                : handlerFor(term).prompt(term as never, state.lang);
            const raw = draft.raw[j] ?? '';
            const bad = parsed.bad.includes(j);
            // A term is identified by its place in the rule (the inputs are indexed the same way).
            const key = `${item.id}:${j}`;
            if (kind === 'yesNo') {
              return (
                <Field key={key} label={<span className={styles.text}>{label}</span>}>
                  <RadioGroup
                    layout="horizontal"
                    value={raw}
                    onChange={(_, d) => scoreDispatch({ type: 'setInput', term: j, raw: d.value })}
                  >
                    <Radio value={YES_NO_TEXT.no} label={t('no')} />
                    <Radio value={YES_NO_TEXT.yes} label={t('yes')} />
                    <Radio value="" label={t('notEntered')} />
                  </RadioGroup>
                </Field>
              );
            }
            return (
              <Field
                key={key}
                label={<span className={styles.text}>{label}</span>}
                validationState={bad ? 'error' : 'none'}
                {...(bad
                  ? { validationMessage: t(kind === 'percent' ? 'scoreBadPercent' : 'scoreBadNumber') }
                  : {})}
              >
                <Input
                  inputMode="decimal"
                  value={raw}
                  {...(kind === 'percent' ? { contentAfter: <span>%</span> } : {})}
                  onChange={(_, d) => scoreDispatch({ type: 'setInput', term: j, raw: d.value })}
                />
              </Field>
            );
          })}
          <div className={styles.live} role="status" aria-live="polite">
            <Text weight="semibold">
              {t(live.bonus > 0 ? 'scoreLiveBonus' : 'scoreLive', {
                deduction: fmt(live.zeroed || live.veto ? live.max : live.deduction),
                bonus: fmt(live.bonus),
                score: fmt(live.score),
              })}
            </Text>
            {live.veto && <Text block>{t('scoreVeto')}</Text>}
            {live.zeroed && !live.veto && <Text block>{t('scoreZeroed')}</Text>}
          </div>
          <Field
            label={t('scoreReason')}
            {...(table.columns.reason === undefined ? { hint: t('scoreNoReasonColumn') } : {})}
          >
            <Textarea
              resize="vertical"
              value={draft.reason}
              onChange={(_, d) => scoreDispatch({ type: 'setReason', reason: d.value })}
              onKeyDown={(e) => {
                // Enter writes, as in the other fields; Shift+Enter starts a new line.
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  formRef.current?.requestSubmit();
                }
              }}
            />
          </Field>
          {clauses.length > 0 && (
            <Field label={t('scorePickReason')}>
              <Select
                value=""
                onChange={(_, d) => {
                  if (d.value !== '') scoreDispatch({ type: 'setReason', reason: d.value });
                }}
              >
                <option value="">{t('scorePickReasonNone')}</option>
                {clauses.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {planned?.ok && planned.plan.conflicts.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t('scoreReplace')}
                <ul className={styles.list}>
                  {planned.plan.conflicts.map((c) => (
                    <li key={c.cell} className={styles.text}>
                      {t('scoreReplaceCell', { where: c.cell, existing: c.existing, planned: c.planned })}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {score.problem && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody className={styles.text}>
                {problemText(score.problem, rule, props)}
              </MessageBarBody>
            </MessageBar>
          )}
          {planned && !planned.ok && !score.problem && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody className={styles.text}>
                {problemText(planned.refusal as ScoreProblem, rule, props)}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              type="submit"
              disabled={score.busy || state.busy !== null || (planned !== null && !planned.ok)}
            >
              {t('scoreConfirm')}
            </Button>
            {score.busy && <Spinner size="tiny" label={t('scoreSaving')} />}
            {planned?.ok && !score.busy && (
              <Caption1 className={styles.text}>{t(`scoreTarget.${planned.target}`)}</Caption1>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function emptyRuleOf(item: RubricItem): Rule {
  return {
    source: item.criteria,
    terms: [],
    cap: { kind: 'item', span: null },
    unread: [],
    overridden: false,
  };
}

function problemText(p: ScoreProblem, rule: Rule, { t, state }: Props): string {
  if (p.code === 'badInput') {
    const term = rule.terms[p.term];
    const what = term ? handlerFor(term).prompt(term as never, state.lang) : '';
    return t('scoreProblem.badInput', { what });
  }
  return t(`scoreProblem.${p.code}`);
}
