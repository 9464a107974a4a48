/**
 * The assessor's steps, in order. Each is a tab; a new step is one entry here and one component
 * (a 汇总 summary step goes after 写入, or wherever the flow needs it).
 */
import { translate } from '../i18n';
import { CheckStep } from './CheckStep';
import { DetectStep } from './DetectStep';
import { RulesStep } from './RulesStep';
import { ScoreStep } from './ScoreStep';
import { SummaryStep } from './SummaryStep';
import type { StepDef } from './types';
import { WriteStep } from './WriteStep';

export const STEPS: readonly StepDef[] = [
  { id: 'detect', label: (lang) => translate(lang, 'step.detect'), render: (p) => <DetectStep {...p} /> },
  { id: 'rules', label: (lang) => translate(lang, 'step.rules'), render: (p) => <RulesStep {...p} /> },
  { id: 'score', label: (lang) => translate(lang, 'step.score'), render: (p) => <ScoreStep {...p} /> },
  { id: 'check', label: (lang) => translate(lang, 'step.check'), render: (p) => <CheckStep {...p} /> },
  { id: 'write', label: (lang) => translate(lang, 'step.write'), render: (p) => <WriteStep {...p} /> },
  {
    id: 'summary',
    label: (lang) => translate(lang, 'step.summary'),
    render: (p) => (
      <SummaryStep
        host={p.host}
        workbook={p.state.workbook}
        report={p.state.report}
        lang={p.state.lang}
        onApplied={p.actions.reload}
      />
    ),
  },
];
