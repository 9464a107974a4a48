/**
 * Task pane bootstrap: wait for Office, build the Office.js host, render the pane. Nothing here may
 * import src/fake-excel (the production bundle must not carry HyperFormula).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../host/office';
import { hostLang, hostMessage } from '../host/messages';
import { App } from './App';
import { selectionWatcher } from './selection';
import { startFailureText } from './state/faults';

/** Office's selection event and Excel's selected range, for the 评分 step to follow the cursor. */
const officeSelection = selectionWatcher({
  onChanged(handler) {
    const type = Office.EventType.DocumentSelectionChanged;
    Office.context.document.addHandlerAsync(type, handler);
    return () => Office.context.document.removeHandlerAsync(type, { handler });
  },
  readAddress: () =>
    Excel.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load('address');
      await ctx.sync();
      return range.address;
    }),
});

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('task pane: #root element missing from taskpane.html');
  // WPS 表格's webview has no Office.js: there the same App runs over the WPS host.
  if ('wps' in window) {
    // Loaded on demand: the WPS host stays out of what Excel's pane loads first.
    const { startWpsPane } = await import('../wps/pane');
    startWpsPane(root);
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    // Opened outside Excel (e.g. the page loaded directly in a browser): say where to open it.
    root.textContent = hostMessage('notInExcel', {}, hostLang(navigator.language));
    return;
  }
  const host = createOfficeHost({
    excel: Excel,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => Office.context.displayLanguage,
    watchSelection: officeSelection,
  });
  document.documentElement.lang = Office.context.displayLanguage;
  createRoot(root).render(createElement(App, { host }));
}

start().catch((e: unknown) => {
  // Nothing else can report a failed start: show it in the pane instead of a blank page.
  const root = document.getElementById('root');
  if (root) root.textContent = startFailureText(e, hostLang(navigator.language));
});
