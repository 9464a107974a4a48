/// <reference types="wps-jsapi" />
/**
 * The WPS add-in's ribbon callbacks, as plain synchronous functions: WPS calls the names ribbon.xml
 * gives (`ribbon.OnAction` …) and ignores a returned promise, so nothing here is async. The WPS
 * webview is an older Chromium: no crypto.randomUUID, no top-level await.
 */

/** The WPS globals the callbacks use, typed from wps-jsapi; passed in so tests can give a fake. */
export interface WpsAddinApi {
  CreateTaskPane(url: string, title: string): Pick<wps.CustomTaskpane, 'ID' | 'Visible'>;
  GetTaskPane(id: number): Pick<wps.CustomTaskpane, 'Visible'> | null | undefined;
  PluginStorage: Pick<typeof wps.PluginStorage, 'getItem' | 'setItem'>;
}

/** The pane page, relative to the add-in's own index.html. */
export const TASKPANE_PATH = 'taskpane/index.html';
export const PANE_TITLE = '评分表助手';
const PANE_ID_KEY = 'rubric-scorer.taskpane-id';

/** The add-in's base URL (the folder holding index.html and ribbon.xml), with a trailing slash. */
export function addinBase(pageHref: string): string {
  const noQuery = pageHref.split(/[?#]/)[0] ?? '';
  return noQuery.slice(0, noQuery.lastIndexOf('/') + 1);
}

/** The ribbon callbacks ribbon.xml names: `onLoad`, `onAction`, `getImage`. */
export function ribbonCallbacks(api: WpsAddinApi, pageHref: string) {
  const base = addinBase(pageHref);
  return {
    OnAddinLoad(_ribbonUI: unknown): boolean {
      return true;
    },
    /** Opens the task pane, or shows/hides the one already open (WPS keeps it across documents). */
    OnAction(_control: { Id?: string }): boolean {
      const saved = Number(api.PluginStorage.getItem(PANE_ID_KEY));
      const existing = saved ? api.GetTaskPane(saved) : null;
      if (existing) {
        existing.Visible = !existing.Visible;
        return true;
      }
      const pane = api.CreateTaskPane(base + TASKPANE_PATH, PANE_TITLE);
      api.PluginStorage.setItem(PANE_ID_KEY, String(pane.ID));
      pane.Visible = true;
      return true;
    },
    GetImage(_control: unknown): string {
      return `${base}assets/icon-32.png`;
    },
  };
}

export type RibbonCallbacks = ReturnType<typeof ribbonCallbacks>;
