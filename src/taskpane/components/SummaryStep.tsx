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
import type { Host } from '../../host/types';

export interface SummaryStepProps {
  host: Host;
  workbook: WorkbookGrid | null;
  report: WorkbookReport | null;
  lang: 'zh' | 'en';
  /** Called after the sheets were written (e.g. to read the workbook again). */
  onApplied?: () => void | Promise<void>;
}

export type SummaryUi =
  | { phase: 'idle' }
  | { phase: 'writing'; done: number; total: number }
  | { phase: 'done'; skippedChart: boolean; skippedBreaks: boolean; skippedPrint: boolean }
  | { phase: 'failed'; message: string };

export type SummaryUiAction =
  | { type: 'start' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; skippedChart: boolean; skippedBreaks: boolean; skippedPrint: boolean }
  | { type: 'failed'; message: string };

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
      return { phase: 'failed', message: a.message };
  }
}

const TEXT = {
  zh: {
    title: '汇总',
    intro:
      '把各单位（每张评分表一个单位）的小计、总分、一票否决、排名和扣分项数汇总到一张表，公式随各表填写自动更新。',
    create: (n: string) => `新建工作表“${n}”`,
    replace: (n: string) => `替换本工具之前生成的“${n}”`,
    units: (n: number) => `共 ${n} 个单位`,
    apply: '生成汇总',
    reapply: '重新生成汇总',
    done: '汇总已生成。单位增减或扣分项变化后请重新生成；红色、黄色标记也在重新生成时更新。',
    noChart: '当前 Excel 版本不支持通过插件添加图表，汇总中没有柱形图。',
    failed: '生成汇总失败：',
    notRead: '请先读取工作簿。',
    slips: '生成结果通知单（每个单位一页，可直接打印用于公示）',
    combine: '同一单位有几位考核人的评分表时：',
    mean: '取平均分',
    trimmed: '去掉一个最高分和一个最低分后取平均（不足 3 人时取平均）',
    weighted: '按权重加权平均',
    weights: '各考核人的权重，如“张三=2,李四=1”（未填的为 1）',
    weightsHint: (names: string) => `本工作簿的考核人：${names}`,
    weightsBad: (part: string) =>
      `无法读取“${part}”：请写成“考核人=权重”，用逗号分隔，权重为正数，每位考核人只写一次。`,
    weightsUnknown: (name: string, names: string) =>
      `没有名为“${name}”的考核人（本工作簿的考核人：${names}）。`,
    grades: '等次分数线（可选，替代评分表说明中的分数线），如“优秀:90,良好:80,合格:60,不合格”',
    gradesBad: (part: string) =>
      `无法读取“${part}”：请写成“等次:最低分”，用逗号分隔，最低一档可不写分数，如“优秀:90,良好:80,合格:60,不合格”；每个等次、每个分数只能出现一次。`,
    quota: '等次名额（可选），如“优秀:3”或“优秀:30%”',
    quotaCount: (part: string) => `名额个数应为 1 或以上的整数，如“优秀:3”（收到“${part}”）。`,
    quotaShare: (part: string) => `名额比例应大于 0、不超过 100%，如“优秀:30%”（收到“${part}”）。`,
    quotaBad: (part: string) =>
      `无法读取“${part}”：请写成“等次:个数”或“等次:百分比%”，如“优秀:3”或“优秀:30%”。`,
    ranked: '排名',
    unitLine: (n: string, total: number, rank: string) => `${n}：总分 ${total}，排名 ${rank}`,
    notReadyTitle: (n: number) => `未就绪的单位 ${n} 个（改正前排名显示为“—”）`,
    notReadyLine: (n: string, total: number, why: string) => `${n}：总分 ${total}（暂定），排名 —，${why}`,
    missingTitle: (n: number) => `名单中未找到评分表的单位 ${n} 个`,
    missingLine: (n: string, maybe: string) => (maybe ? `${n}（可能是：${maybe}）` : n),
    noPrint:
      '当前版本不能通过插件设置打印格式：汇总表的打印区域、每页重复的表头行和“纸张 A4、适合一页宽”未设置，打印前请在“页面布局”中设置（表格内容与签字栏已写好）。',
    noBreaks:
      '当前 Excel 版本不能通过插件设置分页符：结果通知单已生成，但各单位之间没有分页，打印前请在“页面布局 → 分隔符”中插入分页符。',
  },
  en: {
    title: 'Summary',
    intro:
      "One sheet with every unit's subtotals, total, veto, rank and number of deductions (one rubric sheet per unit); its formulas follow the units' sheets as they are filled in.",
    create: (n: string) => `Create sheet "${n}"`,
    replace: (n: string) => `Replace "${n}", generated earlier by this tool`,
    units: (n: number) => `${n} unit(s)`,
    apply: 'Create summary',
    reapply: 'Regenerate summary',
    done: 'The summary is ready. Regenerate it when units or deductions are added; the red and yellow marks are refreshed then too.',
    noChart: 'This Excel cannot add charts from an add-in: the summary has no bar chart.',
    failed: 'Could not create the summary: ',
    notRead: 'Read the workbook first.',
    slips: 'Create result slips (one printable page per unit, for posting)',
    combine: 'A unit scored by several assessors:',
    mean: 'their mean',
    trimmed: 'the mean without the highest and the lowest (the mean with fewer than 3)',
    weighted: 'the weighted mean',
    weights: 'Weight of each assessor, e.g. "张三=2,李四=1" (others 1)',
    weightsHint: (names: string) => `Assessors in this workbook: ${names}`,
    weightsBad: (part: string) =>
      `Could not read "${part}": write "assessor=weight" pairs separated by commas, each weight positive, each assessor once.`,
    weightsUnknown: (name: string, names: string) =>
      `No assessor is named "${name}" (assessors in this workbook: ${names}).`,
    grades:
      'Grade thresholds (optional, over the rubric notes\' ones), e.g. "优秀:90,良好:80,合格:60,不合格"',
    gradesBad: (part: string) =>
      `Could not read "${part}": write "grade:minimum" pairs separated by commas, the lowest without a number, e.g. "优秀:90,良好:80,合格:60,不合格"; each grade and each minimum once.`,
    quota: 'Grade quota (optional), e.g. "优秀:3" or "优秀:30%"',
    quotaCount: (part: string) =>
      `A count of units must be a whole number, 1 or more, e.g. "优秀:3" (got "${part}").`,
    quotaShare: (part: string) =>
      `A share must be above 0% and at most 100%, e.g. "优秀:30%" (got "${part}").`,
    quotaBad: (part: string) =>
      `Could not read "${part}": write "grade:count" or "grade:share%", e.g. "优秀:3" or "优秀:30%".`,
    ranked: 'Ranking',
    unitLine: (n: string, total: number, rank: string) => `${n}: total ${total}, rank ${rank}`,
    notReadyTitle: (n: number) => `${n} unit(s) not ready (rank shown as "—" until fixed)`,
    notReadyLine: (n: string, total: number, why: string) =>
      `${n}: total ${total} (provisional), rank —, ${why}`,
    missingTitle: (n: number) => `${n} unit(s) on the roster without a rubric sheet`,
    missingLine: (n: string, maybe: string) => (maybe ? `${n} (perhaps: ${maybe})` : n),
    noPrint:
      "This version cannot set print settings from an add-in: the summary's print area, the header row repeated on each page and A4 fitted to one page wide were not set; set them under Page Layout before printing (the table and the signature line are written).",
    noBreaks:
      'This Excel cannot set page breaks from an add-in: the result slips were written without breaks between units; insert them under Page Layout → Breaks before printing.',
  },
} as const;

type CombineChoice = 'mean' | 'trimmed' | 'weighted';

/** The 等次名额 field as the CLI's --quota reads it: none when empty, else the quotas or what is wrong. */
function readQuota(text: string, lang: 'zh' | 'en'): { quotas: GradeQuota[] } | { error: string } | null {
  if (text.trim() === '') return null;
  const r = parseQuotaOption(text);
  if (Array.isArray(r)) return { quotas: r };
  const T = TEXT[lang];
  return {
    error:
      r.problem === 'count'
        ? T.quotaCount(r.error)
        : r.problem === 'share'
          ? T.quotaShare(r.error)
          : T.quotaBad(r.error),
  };
}

/** The thresholds field as the CLI's --grades reads it: none when empty, else the bands or what is wrong. */
function readGrades(text: string, lang: 'zh' | 'en'): { bands: GradeBand[] } | { error: string } | null {
  if (text.trim() === '') return null;
  const r = parseGradesOption(text);
  return Array.isArray(r) ? { bands: r } : { error: TEXT[lang].gradesBad(r.error) };
}

/** The weights field as the CLI's --weights reads it: none when empty, else the weights or what is wrong. */
function readWeights(
  text: string,
  lang: 'zh' | 'en',
): { map: Map<string, number> } | { error: string } | null {
  if (text.trim() === '') return null;
  const r = parseWeights(text);
  return r instanceof Map ? { map: r } : { error: TEXT[lang].weightsBad(r.error) };
}

/** Where the roster lists a name (to select it), or null. */
function rosterCell(workbook: WorkbookGrid, sheet: string, name: string): string | null {
  const values = workbook.sheets.find((s) => s.name === sheet)?.values ?? [];
  for (const [r, row] of values.entries())
    for (const [c, v] of row.entries()) if (typeof v === 'string' && v.trim() === name) return a1(r, c);
  return null;
}

export function SummaryStep({ host, workbook, report, lang, onApplied }: SummaryStepProps) {
  const T = TEXT[lang];
  const [ui, dispatch] = useReducer(summaryUiReducer, { phase: 'idle' });
  const [slips, setSlips] = useState(false);
  const [combine, setCombine] = useState<CombineChoice>('mean');
  const [quotaText, setQuotaText] = useState('');
  const [gradesText, setGradesText] = useState('');
  const bands = useMemo(() => readGrades(gradesText, lang), [gradesText, lang]);
  const [weightsText, setWeightsText] = useState('');
  const quota = useMemo(() => readQuota(quotaText, lang), [quotaText, lang]);
  const weights = useMemo(
    () => (combine === 'weighted' ? readWeights(weightsText, lang) : null),
    [combine, weightsText, lang],
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
  if (!plan || !workbook || !report) return <Text>{T.notRead}</Text>;

  const assessors = [...new Set(plan.status.flatMap((st) => st.assessors))];
  const unknown =
    weights && 'map' in weights ? [...weights.map.keys()].find((n) => !assessors.includes(n)) : undefined;
  const weightsError =
    weights && 'error' in weights
      ? weights.error
      : unknown !== undefined
        ? T.weightsUnknown(unknown, assessors.join('、'))
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
      dispatch({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
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
    <section aria-label={T.title} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Subtitle2>{T.title}</Subtitle2>
      <Caption1>{T.intro}</Caption1>
      {plan.units.length > 0 && <Text>{T.units(plan.units.length)}</Text>}
      <ul aria-label={T.title} style={{ margin: 0, paddingLeft: 18 }}>
        {plan.sheets.map((s) => (
          <li key={s.name}>{s.action === 'replace' ? T.replace(s.name) : T.create(s.name)}</li>
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
        <ul aria-label={T.ranked} style={{ margin: 0, paddingLeft: 18 }}>
          {ready.map((st) => (
            <li key={st.sheet}>
              {T.unitLine(st.name, st.total, st.rank === null ? withheld : String(st.rank))}
            </li>
          ))}
        </ul>
      )}
      {notReady.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold">{T.notReadyTitle(notReady.length)}</Text>
            <ul aria-label={T.notReadyTitle(notReady.length)} style={{ margin: 0, paddingLeft: 18 }}>
              {notReady.map((st) => (
                <li key={st.sheet}>
                  <Button
                    appearance="transparent"
                    size="small"
                    onClick={() => void host.selectCell(st.sheet, firstError(st.sheet)).catch(() => {})}
                  >
                    {T.notReadyLine(st.name, st.total, statusWords(st, lang))}
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
            <Text weight="semibold">{T.missingTitle(plan.missing.length)}</Text>
            <ul aria-label={T.missingTitle(plan.missing.length)} style={{ margin: 0, paddingLeft: 18 }}>
              {plan.missing.map((m) => {
                const at = rosterSheet ? rosterCell(workbook, rosterSheet, m.name) : null;
                const line = T.missingLine(m.name, m.maybe.join('、'));
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
          aria-label={T.combine}
          value={combine}
          disabled={ui.phase === 'writing'}
          onChange={(_, d) => setCombine(d.value === 'trimmed' || d.value === 'weighted' ? d.value : 'mean')}
        >
          <Caption1>{T.combine}</Caption1>
          <Radio value="mean" label={T.mean} />
          <Radio value="trimmed" label={T.trimmed} />
          <Radio value="weighted" label={T.weighted} />
        </RadioGroup>
      )}
      {combine === 'weighted' && plan.status.some((st) => st.assessors.length > 0) && (
        <Field
          label={T.weights}
          hint={T.weightsHint(assessors.join('、'))}
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
        label={T.grades}
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
        label={T.quota}
        {...(quotaError !== null ? { validationState: 'error' as const, validationMessage: quotaError } : {})}
      >
        <Input
          value={quotaText}
          disabled={ui.phase === 'writing'}
          onChange={(_, d) => setQuotaText(d.value)}
        />
      </Field>
      <Checkbox
        label={T.slips}
        checked={slips}
        disabled={ui.phase === 'writing'}
        onChange={(_, d) => setSlips(d.checked === true)}
      />
      {ui.phase === 'writing' &&
        (ui.total > 0 ? <ProgressBar value={ui.done / ui.total} /> : <ProgressBar />)}
      {ui.phase === 'done' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {T.done}
            {ui.skippedChart ? ` ${T.noChart}` : ''}
            {ui.skippedBreaks ? ` ${T.noBreaks}` : ''}
            {ui.skippedPrint ? ` ${T.noPrint}` : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {ui.phase === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {T.failed}
            {ui.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={plan.ops.length === 0 || ui.phase === 'writing' || inputsBad}
        onClick={() => void apply()}
      >
        {replacing ? T.reapply : T.apply}
      </Button>
    </section>
  );
}
