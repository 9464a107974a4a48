/**
 * The playground's WPS mode (?host=wps): the same pane through the real WPS adapter, over a fake of
 * WPS 表格's object model on the playground's workbook, so a person can watch the WPS path work. The
 * fake's calls are synchronous; the grid redraws when each of the pane's host calls ends, and a cell
 * selected in the grid reaches the adapter as WPS's SheetSelectionChange event.
 */
import { FakeEt } from '../fake-wps';
import { createWpsHost } from '../host/wps';
import type { Host } from '../host/types';
import type { PlaygroundBook } from './live';

/** Which object model the playground's pane talks to. */
export type PlaygroundHostKind = 'excel' | 'wps';

/** `?host=wps` chooses WPS; anything else (or nothing) Excel. */
export function hostKindOf(query: string | null): PlaygroundHostKind {
  return query?.trim().toLowerCase() === 'wps' ? 'wps' : 'excel';
}

/** A host whose every call redraws the grid when it ends, failed calls included. */
function redrawing(host: Host, redraw: () => void): Host {
  const after = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } finally {
      redraw();
    }
  };
  return {
    ...host,
    readWorkbook: () => after(() => host.readWorkbook()),
    applyPlan: (plan, onProgress) => after(() => host.applyPlan(plan, onProgress)),
    selectCell: (sheet, cell) => after(() => host.selectCell(sheet, cell)),
  };
}

/** The WPS host over the playground's workbook, with the fake ET it talks to (for its call count). */
export function playgroundWpsHost(live: PlaygroundBook, displayLanguage: string): { host: Host; et: FakeEt } {
  const et = new FakeEt(live.book);
  live.watchSelection(({ sheet, cell }) => et.events.select(sheet, cell));
  const host = createWpsHost({
    application: et,
    events: et.events,
    displayLanguage: () => displayLanguage,
  });
  return { host: redrawing(host, () => live.redraw()), et };
}
