/** Messages for issues, in the user's language (zh-CN first). */
import type { Issue } from '../issues';
import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * The one language type of every catalogue (core, CLI, task pane, host). Office's language codes
 * ("zh-CN", "en-US" …) are mapped to it only at the host edge (src/host/messages.ts).
 */
export type Lang = 'zh' | 'en';

/**
 * The message for an issue.
 * @example formatIssue(issue('totalNot100', 'S', 'D3', { sum: 95 }), 'zh')
 */
export function formatIssue(issue: Issue, lang: Lang): string {
  const cat = lang === 'en' ? en : zhCN;
  return cat[issue.code](issue.params);
}
