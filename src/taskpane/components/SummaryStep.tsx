/**
 * 汇总: plans the 汇总 and 扣分明细 sheets from the workbook as read, lists which sheets it will
 * create or replace (and why some were left out), and applies the plan through the Host.
 *
 * Units that are not ready (open entry errors, two versions of one unit, not on the roster) and roster
 * names without a sheet are listed in their own block, each selecting where to look; their rank is
 * "—" as in the written 汇总. A 名单 sheet in the workbook is the roster. With 生成结果通知单 the plan
 * also writes the 结果通知单 sheet, one printed page per unit.
 *
 * Inputs take what the CLI's options take, read by the same core parsers: 等次分数线 as --grades
 * (优秀:90,良好:80,合格:60,不合格), 等次名额 as --quota
 * (优秀:3 or 优秀:30%; a count is a whole number, 1 or more) and, for several assessors combined by
 * weight, each assessor's weight as --weights (张三=2,李四=1). A bad input is said under its field
 * and the summary is not written until it is fixed.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useReducer, useState } from 'react';
import type { WorkbookReport } from '../../core/analyze';
import type { WorkbookGrid } from '../../core/grid';
import { a1 } from '../../core/a1';
import {
  entryErrors,
  findRosterSheet,
  formatNote,
  type GradeBand,
  type GradeQuota,
  LABELS,
  parseGradesOption,
  parseQuotaOption,
  planSummary,
  rosterNames,
  type SummaryPlan,
  statusWords,
} from '../../core/summary';
import { parseWeights } from '../../core/summary/assessors';
import type { Lang } from '../../core/i18n';
import type { Host } from '../../host/types';
import { type T, translator } from '../i18n';
import { type Fault, faultFrom } from '../state/faults';
import { faultText } from './FaultBar';

export interface SummaryStepProps {
  host: Host;
  workbook: WorkbookGrid | null;
  report: WorkbookReport | null;
  lang: Lang;
  /** Called after the sheets were written (e.g. to read the workbook again). */
  onApplied?: () => void | Promise<void>;
}

export type SummaryUi =
  | { phase: 'idle' }
  | { phase: 'writing'; done: number; total: number }
  | { phase: 'done'; skippedChart: boolean; skippedBreaks: boolean; skippedPrint: boolean }
  | { phase: 'failed'; fault: Fault };

export type SummaryUiAction =
  | { type: 'start' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; skippedChart: boolean; skippedBreaks: boolean; skippedPrint: boolean }
  | { type: 'failed'; fault: Fault };

/** The step's state as a pure reducer. */
export function summaryUiReducer(_: SummaryUi, a: SummaryUiAction): SummaryUi {
  switch (a.type) {
    case 'start':
      return { phase: 'writing', done: 0, total: 0 };
    case 'progress':
      return { phase: 'writing', done: a.done, total: a.total };
    case 'done':
      return {
        phase: 'done',
        skippedChart: a.skippedChart,
        skippedBreaks: a.skippedBreaks,
        skippedPrint: a.skippedPrint,
      };
    case 'failed':
      return { phase: 'failed', fault: a.fault };
  }
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type CombineChoice = 'mean' | 'trimmed' | 'weighted';

/** The 等次名额 field as the CLI's --quota reads it: none when empty, else the quotas or what is wrong. */
function readQuota(text: string, t: T): { quotas: GradeQuota[] } | { error: string } | null {
  if (text.trim() === '') return null;
  const r = parseQuotaOption(text);
  if (Array.isArray(r)) return { quotas: r };
  const key =
    r.problem === 'count'
      ? 'summary.quotaCount'
      : r.problem === 'share'
        ? 'summary.quotaShare'
        : 'summary.quotaBad';
  return { error: t(key, { part: r.error }) };
}

/** The thresholds field as the CLI's --grades reads it: none when empty, else the bands or what is wrong. */
function readGrades(text: string, t: T): { bands: GradeBand[] } | { error: string } | null {
  if (text.trim() === '') return null;
  const r = parseGradesOption(text);
  return Array.isArray(r) ? { bands: r } : { error: t('summary.gradesBad', { part: r.error }) };
}

/** The weights field as the CLI's --weights reads it: none when empty, else the weights or what is wrong. */
function readWeights(text: string, t: T): { map: Map<string, number> } | { error: string } | null {
  if (text.trim() === '') return null;
  const r = parseWeights(text);
  return r instanceof Map ? { map: r } : { error: t('summary.weightsBad', { part: r.error }) };
}

/** Where the roster lists a name (to select it), or null. */
function rosterCell(workbook: WorkbookGrid, sheet: string, name: string): string | null {
  const values = workbook.sheets.find((s) => s.name === sheet)?.values ?? [];
  for (const [r, row] of values.entries())
    for (const [c, v] of row.entries()) if (typeof v === 'string' && v.trim() === name) return a1(r, c);
  return null;
}

export function SummaryStep({ host, workbook, report, lang, onApplied }: SummaryStepProps) {
  const t = useMemo(() => translator(lang), [lang]);
  const styles = useStyles();
  const [ui, dispatch] = useReducer(summaryUiReducer, { phase: 'idle' });
  const [slips, setSlips] = useState(false);
  const [combine, setCombine] = useState<CombineChoice>('mean');
  const [quotaText, setQuotaText] = useState('');
  const [gradesText, setGradesText] = useState('');
  const bands = useMemo(() => readGrades(gradesText, t), [gradesText, t]);
  const [weightsText, setWeightsText] = useState('');
  const quota = useMemo(() => readQuota(quotaText, t), [quotaText, t]);
  const weights = useMemo(
    () => (combine === 'weighted' ? readWeights(weightsText, t) : null),
    [combine, weightsText, t],
  );
  const rosterSheet = useMemo(
    () => (workbook && report ? findRosterSheet(workbook, report) : null),
    [workbook, report],
  );
  const plan: SummaryPlan | null = useMemo(() => {
    if (!workbook || !report) return null;
    const grid = rosterSheet ? workbook.sheets.find((s) => s.name === rosterSheet) : undefined;
    const roster = grid ? rosterNames(grid.values) : [];
    return planSummary(workbook, report, {
      lang,
      ...(roster.length > 0 ? { roster } : {}),
      ...(slips ? { slips: true } : {}),
      ...(combine === 'trimmed' ? { assessors: { mode: 'trimmed' as const } } : {}),
      ...(combine === 'weighted'
        ? {
            assessors: {
              mode: 'weighted' as const,
              ...(weights && 'map' in weights ? { weights: weights.map } : {}),
            },
          }
        : {}),
      ...((quota && 'quotas' in quota) || (bands && 'bands' in bands)
        ? {
            grades: {
              ...(bands && 'bands' in bands ? { bands: bands.bands } : {}),
              ...(quota && 'quotas' in quota ? { quotas: quota.quotas } : {}),
            },
          }
        : {}),
    });
  }, [workbook, report, lang, rosterSheet, slips, combine, weights, quota, bands]);
  if (!plan || !workbook || !report) return <Text>{t('summary.notRead')}</Text>;

  const assessors = [...new Set(plan.status.flatMap((st) => st.assessors))];
  const names = (list: string[]) => list.join(t('listSeparator'));
  const unknown =
    weights && 'map' in weights ? [...weights.map.keys()].find((n) => !assessors.includes(n)) : undefined;
  const weightsError =
    weights && 'error' in weights
      ? weights.error
      : unknown !== undefined
        ? t('summary.weightsUnknown', { name: unknown, names: names(assessors) })
        : null;
  const quotaError = quota && 'error' in quota ? quota.error : null;
  const gradesError = bands && 'error' in bands ? bands.error : null;
  const inputsBad = weightsError !== null || quotaError !== null || gradesError !== null;

  const apply = async () => {
    dispatch({ type: 'start' });
    try {
      // One write: the host deletes the sheets it re-creates before adding them again.
      const res = await host.applyPlan(plan, (done, total) => dispatch({ type: 'progress', done, total }));
      const skippedChart = !host.supports('charts') || res.skipped.some((s) => s.op === 'chart');
      const skippedBreaks = res.skipped.some((s) => s.op === 'pageBreak');
      // Print area, title rows and page setup of the 汇总 (and slips), where the host cannot set them.
      const skippedPrint = res.skipped.some((s) => s.feature === 'pageLayout' && s.op !== 'pageBreak');
      dispatch({ type: 'done', skippedChart, skippedBreaks, skippedPrint });
      await onApplied?.();
    } catch (e) {
      dispatch({ type: 'failed', fault: faultFrom(e) });
    }
  };

  /** The unit's first open entry error, else its sheet's first cell. */
  const firstError = (sheet: string) =>
    entryErrors(report.sheets.find((s) => s.sheet === sheet)?.issues ?? []).find((i) => i.cell)?.cell ?? 'A1';
  const ready = plan.status.filter((st) => st.hold.length === 0);
  const notReady = plan.status.filter((st) => st.hold.length > 0);
  const withheld = LABELS[lang].rankWithheld;
  const intent = (s: 'error' | 'warning' | 'info') => s;
  const replacing = plan.sheets.some((s) => s.action === 'replace');
  return (
    <section aria-label={t('summary.title')} className={styles.root}>
      <Subtitle2>{t('summary.title')}</Subtitle2>
      <Caption1>{t('summary.intro')}</Caption1>
      {plan.units.length > 0 && <Text>{t('summary.units', { count: plan.units.length })}</Text>}
      <ul aria-label={t('summary.title')} className={styles.list}>
        {plan.sheets.map((s) => (
          <li key={s.name}>
            {s.action === 'replace'
              ? t('summary.replace', { name: s.name })
              : t('summary.create', { name: s.name })}
          </li>
        ))}
      </ul>
      {plan.notes
        // Not-ready and missing units have their own block below.
        .filter((n) => !['replaces', 'notReady', 'missingUnit', 'missingUnitClose'].includes(n.code))
        .map((n) => (
          <MessageBar
            key={`${n.code}-${JSON.stringify(n.params)}`}
            intent={intent(n.severity)}
            layout="multiline"
          >
            <MessageBarBody>{formatNote(n, lang)}</MessageBarBody>
          </MessageBar>
        ))}
      {ready.length > 0 && (
        <ul aria-label={t('summary.ranked')} className={styles.list}>
          {ready.map((st) => (
            <li key={st.sheet}>
              {t('summary.unitLine', {
                name: st.name,
                total: st.total,
                rank: st.rank === null ? withheld : String(st.rank),
              })}
            </li>
          ))}
        </ul>
      )}
      {notReady.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold">{t('summary.notReadyTitle', { count: notReady.length })}</Text>
            <ul aria-label={t('summary.notReadyTitle', { count: notReady.length })} className={styles.list}>
              {notReady.map((st) => (
                <li key={st.sheet}>
                  <Button
                    appearance="transparent"
                    size="small"
                    onClick={() => void host.selectCell(st.sheet, firstError(st.sheet)).catch(() => {})}
                  >
                    {t('summary.notReadyLine', {
                      name: st.name,
                      total: st.total,
                      why: statusWords(st, lang),
                    })}
                  </Button>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.missing.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold">{t('summary.missingTitle', { count: plan.missing.length })}</Text>
            <ul
              aria-label={t('summary.missingTitle', { count: plan.missing.length })}
              className={styles.list}
            >
              {plan.missing.map((m) => {
                const at = rosterSheet ? rosterCell(workbook, rosterSheet, m.name) : null;
                const line = t('summary.missingLine', { name: m.name, maybe: names(m.maybe) });
                return (
                  <li key={m.name}>
                    {rosterSheet && at ? (
                      <Button
                        appearance="transparent"
                        size="small"
                        onClick={() => void host.selectCell(rosterSheet, at).catch(() => {})}
                      >
                        {line}
                      </Button>
                    ) : (
                      line
                    )}
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.status.some((st) => st.assessors.length > 0) && (
        <RadioGroup
          aria-label={t('summary.combine')}
          value={combine}
          disabled={ui.phase === 'writing'}
          onChange={(_, d) => setCombine(d.value === 'trimmed' || d.value === 'weighted' ? d.value : 'mean')}
        >
          <Caption1>{t('summary.combine')}</Caption1>
          <Radio value="mean" label={t('summary.mean')} />
          <Radio value="trimmed" label={t('summary.trimmed')} />
          <Radio value="weighted" label={t('summary.weighted')} />
        </RadioGroup>
      )}
      {combine === 'weighted' && plan.status.some((st) => st.assessors.length > 0) && (
        <Field
          label={t('summary.weights')}
          hint={t('summary.weightsHint', { names: names(assessors) })}
          {...(weightsError !== null
            ? { validationState: 'error' as const, validationMessage: weightsError }
            : {})}
        >
          <Input
            value={weightsText}
            disabled={ui.phase === 'writing'}
            onChange={(_, d) => setWeightsText(d.value)}
          />
        </Field>
      )}
      <Field
        label={t('summary.grades')}
        {...(gradesError !== null
          ? { validationState: 'error' as const, validationMessage: gradesError }
          : {})}
      >
        <Input
          value={gradesText}
          disabled={ui.phase === 'writing'}
          onChange={(_, d) => setGradesText(d.value)}
        />
      </Field>
      <Field
        label={t('summary.quota')}
        {...(quotaError !== null ? { validationState: 'error' as const, validationMessage: quotaError } : {})}
      >
        <Input
          value={quotaText}
          disabled={ui.phase === 'writing'}
          onChange={(_, d) => setQuotaText(d.value)}
        />
      </Field>
      <Checkbox
        label={t('summary.slips')}
        checked={slips}
        disabled={ui.phase === 'writing'}
        onChange={(_, d) => setSlips(d.checked === true)}
      />
      {ui.phase === 'writing' &&
        (ui.total > 0 ? <ProgressBar value={ui.done / ui.total} /> : <ProgressBar />)}
      {ui.phase === 'done' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t('summary.done')}
            {ui.skippedChart ? ` ${t('summary.noChart')}` : ''}
            {ui.skippedBreaks ? ` ${t('summary.noBreaks')}` : ''}
            {ui.skippedPrint ? ` ${t('summary.noPrint')}` : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {ui.phase === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('summary.failed')}
            {faultText(ui.fault, lang, t).body}
          </MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={plan.ops.length === 0 || ui.phase === 'writing' || inputsBad}
        onClick={() => void apply()}
      >
        {replacing ? t('summary.reapply') : t('summary.apply')}
      </Button>
    </section>
  );
}
