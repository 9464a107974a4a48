/**
 * The task pane: reads the workbook through the Host it is given, and walks the assessor through
 * the steps (识别 → 规则 → 检查 → 写入). All state lives in one pure reducer (./state/flow); the host
 * calls and core computations are the edges (./components/actions).
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { hostLang, langTag } from '../host/messages';
import type { Host } from '../host/types';
import { usePaneActions } from './components/actions';
import { type Engine, coreEngine } from './components/engine';
import { FaultBar } from './components/FaultBar';
import { StepBoundary } from './components/StepBoundary';
import { preloadSteps, STEPS } from './components/steps';
import type { StepDef } from './components/types';
import { translator, type UiLang } from './i18n';
import { type FlowState, flowReducer, initialState } from './state/flow';
import { readyFor } from './traditional';

/**
 * The host with each read held until its workbook can be normalised: a workbook in traditional
 * characters waits for the converter, fetched then (./traditional), before anything analyses it.
 */
function readingTraditional(host: Host): Host {
  const readWorkbook: Host['readWorkbook'] = async () => {
    const read = await host.readWorkbook();
    await readyFor(read.workbook);
    return read;
  };
  return new Proxy(host, {
    get(target, key) {
      if (key === 'readWorkbook') return readWorkbook;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXS,
  },
  title: { margin: 0 },
  tabs: { flexWrap: 'wrap' },
});

export interface AppProps {
  host: Host;
  /** The core functions; tests and the playground may pass their own. */
  engine?: Engine;
  /** The steps shown as tabs, in order. */
  steps?: readonly StepDef[];
}

/** The display language may be unavailable (outside Office); the pane then starts in Chinese. */
function startLang(host: Host): UiLang {
  try {
    return hostLang(host.displayLanguage());
  } catch {
    return 'zh';
  }
}

export function App({ host: given, engine = coreEngine, steps = STEPS }: AppProps) {
  const host = useMemo(() => readingTraditional(given), [given]);
  const [state, dispatch] = useReducer(flowReducer, host, (h: Host) =>
    initialState(startLang(h), steps[0]?.id ?? 'detect'),
  );
  const stateRef = useRef<FlowState>(state);
  stateRef.current = state;
  const actions = usePaneActions(host, engine, stateRef, dispatch);
  const t = translator(state.lang);
  const styles = useStyles();

  useEffect(() => {
    void actions.reload();
  }, [actions]);

  // Once 识别 is on screen, the other steps' code is fetched while the assessor reads it.
  const shown = state.report !== null;
  useEffect(() => {
    if (!shown) return;
    const preload = () => void preloadSteps();
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(preload);
    else window.setTimeout(preload, 200);
  }, [shown]);

  const step = steps.find((s) => s.id === state.step) ?? steps[0];
  const other: UiLang = state.lang === 'zh' ? 'en' : 'zh';
  return (
    <FluentProvider theme={webLightTheme} lang={langTag(state.lang)}>
      <main className={styles.main}>
        <header className={styles.header}>
          <Text as="h1" weight="semibold" size={400} className={styles.title}>
            {t('appTitle')}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`${t('language')}${t('listColon')}${t('switchLanguage')}`}
            lang={langTag(other)}
            onClick={() => dispatch({ type: 'setLang', lang: other })}
          >
            {t('switchLanguage')}
          </Button>
        </header>
        {state.fault && (
          <FaultBar
            fault={state.fault}
            lang={state.lang}
            t={t}
            onReload={() => void actions.reload()}
            onDismiss={() => dispatch({ type: 'dismissFault' })}
            onFinish={() => void actions.finish()}
          />
        )}
        <TabList
          size="small"
          selectedValue={step?.id}
          onTabSelect={(_, d) => dispatch({ type: 'setStep', step: String(d.value) })}
          className={styles.tabs}
        >
          {steps.map((s) => (
            <Tab key={s.id} value={s.id}>
              {s.label(state.lang)}
            </Tab>
          ))}
        </TabList>
        {state.busy === 'loading' && state.report === null ? (
          <Spinner label={t('loading')} />
        ) : (
          state.report !== null &&
          step && (
            <div role="tabpanel" aria-label={step.label(state.lang)}>
              <StepBoundary key={step.id} lang={state.lang} t={t} onReload={() => void actions.reload()}>
                {step.render({ state, dispatch, actions, engine, host, t })}
              </StepBoundary>
            </div>
          )
        )}
      </main>
    </FluentProvider>
  );
}

export default App;
