/**
 * Faults the pane shows, as data. An error caught at an edge (a host call, a core call) becomes a
 * Fault here; the message is built at render time from the catalogues, so switching the language
 * re-words a fault already on screen.
 */
import { META_SHEET } from '../../core/meta';
import { HostEnvironmentError, WriteInterruptedError } from '../../host/errors';
import type { Lang } from '../../core/i18n';
import type { HostErrorCode, HostMessageParams } from '../../host/messages';
import { translate } from '../i18n';
import { DictionaryNotLoadedError } from '../traditional';

export type Fault =
  /** No sheet of the workbook reads as a rubric. */
  | { kind: 'noTable' }
  /** A sheet the write targets is protected (found before writing, or refused by the host). */
  | { kind: 'protected'; sheet: string }
  /** The workbook changed between the preview and the write; nothing was written, the preview is redone. */
  | { kind: 'changed' }
  /** The host raised one of its typed faults (Excel too old, an Office.js error, a plan it cannot apply). */
  | { kind: 'host'; code: HostErrorCode; params: HostMessageParams }
  /**
   * Excel gave up in the middle of a write: the sheets written whole, in part and not at all (the
   * product's hidden data sheet left out), and Office's code. Finishing writes the plan made again.
   */
  | { kind: 'interrupted'; written: string[]; partly: string[]; notWritten: string[]; code: string }
  /** The workbook has traditional characters and the dictionary to read them could not be fetched. */
  | { kind: 'dictionaryNotLoaded' }
  /**
   * Anything else, caught at the edge so that nothing throws at the user. It carries no text: the
   * error's own words are for the console, the pane says it in the catalogue's.
   */
  | { kind: 'unexpected' };

/** Turn whatever an operation threw into a Fault; an unexpected one is logged to the console. Never throws. */
export function faultFrom(error: unknown): Fault {
  if (error instanceof WriteInterruptedError) {
    const shown = (names: string[]) => names.filter((n) => n !== META_SHEET);
    const p = error.progress;
    return {
      kind: 'interrupted',
      written: shown(p.written),
      partly: shown(p.partly),
      notWritten: shown(p.notWritten),
      code: error.officeCode,
    };
  }
  if (error instanceof DictionaryNotLoadedError) return { kind: 'dictionaryNotLoaded' };
  if (error instanceof HostEnvironmentError) {
    if (error.code === 'sheetProtected')
      return { kind: 'protected', sheet: String(error.params.sheet ?? '') };
    return { kind: 'host', code: error.code, params: error.params };
  }
  console.error(error);
  return { kind: 'unexpected' };
}

/**
 * What the page says when the pane could not start at all (no pane, no buttons): a host fault in its
 * own words, anything else in the catalogue's, the error itself only in the console.
 */
export function startFailureText(error: unknown, lang: Lang): string {
  if (error instanceof HostEnvironmentError) return error.localized(lang);
  console.error(error);
  return translate(lang, 'fault.body.startFailed');
}
