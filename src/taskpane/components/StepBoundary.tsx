/**
 * Catches an exception thrown while a step renders (a core function failing on an input nobody
 * foresaw), so the pane shows what happened instead of going blank. Host calls are caught in
 * ./actions; this is the last edge.
 */
import { Component, type ReactNode } from 'react';
import type { T, UiLang } from '../i18n';
import { FaultBar } from './FaultBar';

interface Props {
  lang: UiLang;
  t: T;
  onReload: () => void;
  children: ReactNode;
}

export class StepBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message || error.name : String(error) };
  }

  override render(): ReactNode {
    const { message } = this.state;
    if (message === null) return this.props.children;
    return (
      <FaultBar
        fault={{ kind: 'unexpected', message }}
        lang={this.props.lang}
        t={this.props.t}
        onReload={() => {
          this.setState({ message: null });
          this.props.onReload();
        }}
        onDismiss={() => this.setState({ message: null })}
      />
    );
  }
}
