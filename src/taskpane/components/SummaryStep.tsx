/**
 * 汇总: plans the 汇总 and 扣分明细 sheets from the workbook as read, lists which sheets it will
 * create or replace (and why some were left out), and applies the plan through the Host.
 *
 * Regenerating deletes the earlier generated sheets in a first write and adds the new ones in a second:
 * a host may add sheets before deleting them within one plan, which would collide on the name.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useMemo, useReducer } from 'react';
import type { WorkbookReport } from '../../core/analyze';
import type { WorkbookGrid } from '../../core/grid';
import { formatNote, planSummary, type SummaryPlan } from '../../core/summary';
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
  | { phase: 'done'; skippedChart: boolean }
  | { phase: 'failed'; message: string };

export type SummaryUiAction =
  | { type: 'start' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; skippedChart: boolean }
  | { type: 'failed'; message: string };

/** The step's state as a pure reducer. */
export function summaryUiReducer(_: SummaryUi, a: SummaryUiAction): SummaryUi {
  switch (a.type) {
    case 'start':
      return { phase: 'writing', done: 0, total: 0 };
    case 'progress':
      return { phase: 'writing', done: a.done, total: a.total };
    case 'done':
      return { phase: 'done', skippedChart: a.skippedChart };
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
  },
} as const;

export function SummaryStep({ host, workbook, report, lang, onApplied }: SummaryStepProps) {
  const T = TEXT[lang];
  const [ui, dispatch] = useReducer(summaryUiReducer, { phase: 'idle' });
  const plan: SummaryPlan | null = useMemo(
    () => (workbook && report ? planSummary(workbook, report, { lang }) : null),
    [workbook, report, lang],
  );
  if (!plan) return <Text>{T.notRead}</Text>;

  const apply = async () => {
    dispatch({ type: 'start' });
    try {
      // One write: the host deletes the sheets it re-creates before adding them again.
      const res = await host.applyPlan(plan, (done, total) => dispatch({ type: 'progress', done, total }));
      const skippedChart = !host.supports('charts') || res.skipped.some((s) => s.op === 'chart');
      dispatch({ type: 'done', skippedChart });
      await onApplied?.();
    } catch (e) {
      dispatch({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

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
        .filter((n) => n.code !== 'replaces')
        .map((n) => (
          <MessageBar
            key={`${n.code}-${JSON.stringify(n.params)}`}
            intent={intent(n.severity)}
            layout="multiline"
          >
            <MessageBarBody>{formatNote(n, lang)}</MessageBarBody>
          </MessageBar>
        ))}
      {ui.phase === 'writing' &&
        (ui.total > 0 ? <ProgressBar value={ui.done / ui.total} /> : <ProgressBar />)}
      {ui.phase === 'done' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {T.done}
            {ui.skippedChart ? ` ${T.noChart}` : ''}
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
        disabled={plan.ops.length === 0 || ui.phase === 'writing'}
        onClick={() => void apply()}
      >
        {replacing ? T.reapply : T.apply}
      </Button>
    </section>
  );
}
