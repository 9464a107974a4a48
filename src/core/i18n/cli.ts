/**
 * The command-line tool's catalogue, one per language (zh-CN first), beside the issue messages:
 * file-system failures said in the product's words, refused outputs, failures it cannot name.
 */
import { cliEn } from './cli-en';
import { type CliCatalogue, cliZhCN } from './cli-zh-CN';
import type { Lang } from './index';

export type { CliCatalogue };

/** The CLI texts of a language. */
export const CLI_TEXT: Record<Lang, CliCatalogue> = { zh: cliZhCN, en: cliEn };
