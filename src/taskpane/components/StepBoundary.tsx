/**
 * Catches an exception thrown while a step renders (a core function failing on an input nobody
 * foresaw), so the pane shows what happened instead of going blank. Host calls are caught in
 * ./actions; this is the last edge. A step whose code could not be fetched (./steps loads all but
 * the first on demand) is said as such, and 重新读取 fetches it again.
 */
import { Component, type ReactNode } from 'react';
import type { T, UiLang } from '../i18n';
import { FaultBar } from './FaultBar';

/** A step's chunk could not be fetched (network gone, the add-in updated on the server meanwhile). */
export class StepLoadError extends Error {
  override name = 'StepLoadError';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

interface Props {
  lang: UiLang;
  t: T;
  onReload: () => void;
  children: ReactNode;
}

interface State {
  failed: boolean;
  /** The step's code could not be fetched: said as such, not as an error inside the step. */
  notLoaded: boolean;
}

export class StepBoundary extends Component<Props, State> {
  override state: State = { failed: false, notLoaded: false };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, notLoaded: error instanceof StepLoadError };
  }

  /** The error's own text is for the console; the pane says it in the catalogue's words. */
  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    const { failed, notLoaded } = this.state;
    if (!failed) return this.props.children;
    return (
      <FaultBar
        fault={notLoaded ? { kind: 'stepNotLoaded' } : { kind: 'unexpected' }}
        lang={this.props.lang}
        t={this.props.t}
        onReload={() => {
          this.setState({ failed: false, notLoaded: false });
          this.props.onReload();
        }}
        onDismiss={() => this.setState({ failed: false, notLoaded: false })}
      />
    );
  }
}
