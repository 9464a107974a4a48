/**
 * The task pane's UI strings, one catalogue per language (zh-CN first, en beside it), keyed. Issue
 * messages come from the core's catalogue and host faults from the host's; this one holds the rest.
 */
import type { Lang } from '../../core/i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

/** The UI language: the core's `Lang` itself (Office's codes are mapped to it in src/host). */
export type UiLang = Lang;

export type UiCatalogue = typeof zhCN;
export type UiKey = keyof UiCatalogue;
export type UiParams = Record<string, string | number>;

const CATALOGUES: Record<UiLang, UiCatalogue> = { zh: zhCN, en };

/**
 * The text for a key in a language.
 * @example translate('zh', 'counts', { error: 1, warning: 0, info: 2 })
 */
export function translate(lang: UiLang, key: UiKey, params: UiParams = {}): string {
  const entry: string | ((p: UiParams) => string) = CATALOGUES[lang][key];
  return typeof entry === 'function' ? entry(params) : entry;
}

/** A translator bound to one language, as components use it. */
export type T = (key: UiKey, params?: UiParams) => string;

export function translator(lang: UiLang): T {
  return (key, params) => translate(lang, key, params);
}
