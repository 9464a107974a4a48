/**
 * The assessor's steps, in order. Each is a tab; a new step is one entry here and one component
 * (a 汇总 summary step goes after 写入, or wherever the flow needs it).
 *
 * 识别 is what the pane shows first, so it comes with the page; every other step is its own chunk,
 * fetched when its tab is first opened (or earlier, once the pane is idle: preloadSteps). A chunk
 * that cannot be fetched throws a StepLoadError, which StepBoundary shows as a fault with
 * 重新读取; the next render fetches it again.
 */
import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useState } from 'react';
import { type T, translate } from '../i18n';
import { DetectStep } from './DetectStep';
import { StepLoadError } from './StepBoundary';
import type { SummaryStepProps } from './SummaryStep';
import type { StepDef, StepProps } from './types';

/** A step's component, fetched on first render. */
export interface Chunk<P> {
  /** The component once fetched, else null. */
  loaded(): ComponentType<P> | null;
  /** The component to render now; a new one after a failed fetch, so that it is fetched anew. */
  component(): LazyExoticComponent<ComponentType<P>>;
  /** Fetch it now, without rendering; settles when fetched (or not). */
  preload(): Promise<void>;
}

/** A failed fetch is not remembered: rendering the step after the fault (重新读取) fetches it again. */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): Chunk<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  let done: ComponentType<P> | null = null;
  const fetchOnce = () => {
    pending ??= load().then(
      (c) => {
        done = c;
        return c;
      },
      (e: unknown) => {
        pending = null;
        current = make();
        throw new StepLoadError(e);
      },
    );
    return pending;
  };
  const make = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(() => fetchOnce().then((c) => ({ default: c })));
  let current = make();
  return {
    loaded: () => done,
    component: () => current,
    preload: () =>
      fetchOnce().then(
        () => undefined,
        () => undefined,
      ),
  };
}

/**
 * A step fetched on demand, with a line saying so while it comes. Which component renders is fixed
 * when the step opens, so the fetch finishing never remounts a step the assessor is working in.
 */
export function OnDemandStep<P extends object>({ chunk, props, t }: { chunk: Chunk<P>; props: P; t: T }) {
  const [Step] = useState<ComponentType<P>>(() => chunk.loaded() ?? chunk.component());
  return (
    <Suspense fallback={<p role="status">{t('loadingStep')}</p>}>
      <Step {...props} />
    </Suspense>
  );
}

const Rules = onDemand<StepProps>(() => import('./RulesStep').then((m) => m.RulesStep));
const Score = onDemand<StepProps>(() => import('./ScoreStep').then((m) => m.ScoreStep));
const Check = onDemand<StepProps>(() => import('./CheckStep').then((m) => m.CheckStep));
const Write = onDemand<StepProps>(() => import('./WriteStep').then((m) => m.WriteStep));
const Summary = onDemand<SummaryStepProps>(() => import('./SummaryStep').then((m) => m.SummaryStep));

/** Fetch every step's chunk now (called once the first step is on screen), so tabs open at once. */
export async function preloadSteps(): Promise<void> {
  await Promise.all([Rules, Score, Check, Write, Summary].map((s) => s.preload()));
}

export const STEPS: readonly StepDef[] = [
  { id: 'detect', label: (lang) => translate(lang, 'step.detect'), render: (p) => <DetectStep {...p} /> },
  {
    id: 'rules',
    label: (lang) => translate(lang, 'step.rules'),
    render: (p) => <OnDemandStep chunk={Rules} props={p} t={p.t} />,
  },
  {
    id: 'score',
    label: (lang) => translate(lang, 'step.score'),
    render: (p) => <OnDemandStep chunk={Score} props={p} t={p.t} />,
  },
  {
    id: 'check',
    label: (lang) => translate(lang, 'step.check'),
    render: (p) => <OnDemandStep chunk={Check} props={p} t={p.t} />,
  },
  {
    id: 'write',
    label: (lang) => translate(lang, 'step.write'),
    render: (p) => <OnDemandStep chunk={Write} props={p} t={p.t} />,
  },
  {
    id: 'summary',
    label: (lang) => translate(lang, 'step.summary'),
    render: (p) => (
      <OnDemandStep
        chunk={Summary}
        t={p.t}
        props={{
          host: p.host,
          workbook: p.state.workbook,
          report: p.state.report,
          lang: p.state.lang,
          onApplied: p.actions.reload,
        }}
      />
    ),
  },
];
