/// <reference types="wps-jsapi" />
/**
 * Starts the pane inside WPS 表格: the WPS host over `window.Application`, the same App as in Excel.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createWpsHost } from '../host/wps';
import type { EtApiEvent, EtApplication } from '../host/wps/et';
import { App } from '../taskpane/App';

export function startWpsPane(root: HTMLElement): void {
  const host = createWpsHost({
    application: wps.EtApplication() as unknown as EtApplication,
    events: wps.ApiEvent as unknown as EtApiEvent,
    displayLanguage: () => navigator.language,
  });
  createRoot(root).render(createElement(App, { host }));
}
