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
  message: string | null;
  /** The step's code could not be fetched: said as such, not as an error inside the step. */
  notLoaded: boolean;
}

export class StepBoundary extends Component<Props, State> {
  override state: State = { message: null, notLoaded: false };

  static getDerivedStateFromError(error: unknown): State {
    return {
      message: error instanceof Error ? error.message || error.name : String(error),
      notLoaded: error instanceof StepLoadError,
    };
  }

  override render(): ReactNode {
    const { message, notLoaded } = this.state;
    if (message === null) return this.props.children;
    return (
      <FaultBar
        fault={notLoaded ? { kind: 'stepNotLoaded' } : { kind: 'unexpected', message }}
        lang={this.props.lang}
        t={this.props.t}
        onReload={() => {
          this.setState({ message: null, notLoaded: false });
          this.props.onReload();
        }}
        onDismiss={() => this.setState({ message: null, notLoaded: false })}
      />
    );
  }
}
