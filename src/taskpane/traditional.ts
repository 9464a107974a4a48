/**
 * Traditional → simplified conversion for the pane, fetched only for a workbook that needs it.
 * src/core/text.ts converts with opencc-js/t2cn; the add-in's build (vite.config.ts) gives it this
 * module's Converter instead, which converts once loadConverter has fetched the real one and leaves
 * text as it is before. So the pane checks each workbook it reads (readyFor) and, when a cell holds a
 * character some conversion rule starts from, fetches the dictionary (~58 KiB gzip) before the
 * workbook is analysed; the playground's build does the same. The CLI's build has a converter of its
 * own (src/cli/opencc.ts); the tests import opencc-js as is.
 *
 * The check is exact for the dictionary's rules: every rule that changes its text has one of its
 * characters in the set of ./traditional-chars.ts (tests/taskpane/traditional.test.tsx builds the rules from
 * opencc-js and holds the set to that), so a text with none of them converts to itself.
 */
import type { WorkbookGrid } from '../core/grid';
import { workbookHasTraditional } from './traditional-chars';

export { hasTraditional, workbookHasTraditional } from './traditional-chars';

type Convert = (text: string) => string;
let real: Convert | null = null;
let loading: Promise<void> | null = null;

/**
 * The dictionary's code could not be fetched (the network dropped, or the add-in was updated since
 * the pane opened): the workbook cannot be read as it is meant. The pane says so (a fault of its
 * own, state/faults.ts), never the browser's text.
 */
export class DictionaryNotLoadedError extends Error {
  override readonly cause: unknown;

  constructor(cause: unknown) {
    super('the traditional → simplified dictionary could not be fetched');
    this.name = 'DictionaryNotLoadedError';
    this.cause = cause;
  }
}

/**
 * Fetch the dictionary and the converter (once; again after a failed fetch).
 * @throws DictionaryNotLoadedError when the fetch (or building the converter) fails.
 */
export function loadConverter(): Promise<void> {
  loading ??= import('opencc-js/t2cn')
    .then((m) => {
      real = m.Converter({ from: 't', to: 'cn' });
    })
    .catch((e: unknown) => {
      loading = null;
      throw new DictionaryNotLoadedError(e);
    });
  return loading;
}

/**
 * Resolves once `workbook` can be normalised: at once, or when the converter has come.
 * @throws DictionaryNotLoadedError when the workbook needs the dictionary and it cannot be fetched.
 */
export async function readyFor(workbook: WorkbookGrid): Promise<void> {
  if (workbookHasTraditional(workbook)) await loadConverter();
}

/** Whether the real converter is here. */
export function converterLoaded(): boolean {
  return real !== null;
}

/** opencc-js's Converter as src/core/text.ts calls it: the real one once loaded, else the identity. */
export function Converter(_options: { from: string; to: string }): Convert {
  return (text) => (real === null ? text : real(text));
}
