/** What every step of the pane receives, and how a step is registered. */
import type { Dispatch, ReactNode } from 'react';
import type { Host } from '../../host/types';
import type { T, UiLang } from '../i18n';
import type { FlowAction, FlowState } from '../state/flow';
import type { PaneActions } from './actions';
import type { Engine } from './engine';

export interface StepProps {
  state: FlowState;
  dispatch: Dispatch<FlowAction>;
  actions: PaneActions;
  engine: Engine;
  host: Host;
  t: T;
}

/**
 * One step of the assessor's flow, shown as a tab. Steps are listed in ./steps.tsx; a new step (the
 * summary, say) is one entry there and one component.
 */
export interface StepDef {
  id: string;
  label: (lang: UiLang) => string;
  render: (props: StepProps) => ReactNode;
}
