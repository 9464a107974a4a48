/**
 * Messages for environment faults raised by the host adapter, one catalogue per language (zh-CN
 * first), keyed by error code. Each says what happened and what to do.
 *
 * This is also where Office's language codes meet the one `Lang` of every catalogue: `hostLang`
 * maps a display language in, `langTag` maps a `Lang` back out to a BCP 47 tag for `lang`
 * attributes. Nothing else maps them.
 */
import type { Lang } from '../core/i18n';
import { PARAM_LIST_SEP } from '../core/rubric';

export type HostErrorCode =
  | 'excelTooOld'
  | 'officeError'
  | 'sheetMissing'
  | 'sheetProtected'
  | 'sheetExists'
  | 'notesSkipped'
  | 'validationSkipped'
  | 'badAddress'
  | 'notInExcel'
  | 'noWorkbook'
  | 'planStale'
  | 'writeInterrupted'
  /** WPS answered with something the adapter cannot read (an address that is no range, say). */
  | 'unreadableAnswer';

export type HostMessageParams = Record<string, string | number>;

type Catalogue = Record<HostErrorCode, (p: HostMessageParams) => string>;

/**
 * A list parameter (names joined with PARAM_LIST_SEP by whoever raised the error), joined as the
 * message's language writes a list, with … when `more` says some were left out.
 */
const list = (p: HostMessageParams, key: string, sep: string): string =>
  String(p[key] ?? '')
    .split(PARAM_LIST_SEP)
    .join(sep) + (p.more ? '…' : '');

const zhCN: Catalogue = {
  notInExcel: () => '请在 Excel 中打开评分表助手：开始 → 评分表助手。',
  noWorkbook: () => '没有打开的工作簿。请先打开要评分的工作簿，再点“重新读取”。',
  excelTooOld: (p) =>
    `此 Excel 版本不支持“${p.feature}”（需要 ${p.requiredSet}）。请升级到 Microsoft 365 或更新版本的 Excel 后重试。`,
  officeError: (p) => `Excel 报告错误 ${p.code}：${p.message}。请检查工作簿是否处于编辑状态后重试。`,
  sheetMissing: (p) => `找不到工作表“${p.sheet}”，可能已被重命名或删除。请重新读取工作簿后再写入。`,
  sheetProtected: (p) =>
    `工作表“${p.sheet}”受保护，无法写入。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试；本次未写入任何内容。`,
  sheetExists: (p) => `工作表“${p.sheet}”已存在，无法再次新建。请重新读取工作簿后再写入。`,
  notesSkipped: (p) => `此 Excel 版本不支持批注（需要 ExcelApi 1.18），已跳过 ${p.count} 条批注。`,
  badAddress: (p) =>
    `写入计划中的地址“${p.address}”（工作表“${p.sheet}”）无法识别；本次未写入任何内容。这是程序错误，请报告。`,
  validationSkipped: (p) =>
    `此 Excel 版本不支持数据验证（需要 ExcelApi 1.8），已跳过 ${p.count} 处输入限制。`,
  planStale: (p) =>
    `预览之后有 ${p.count} 个单元格被改动（${list(p, 'cells', '、')}），本次未写入任何内容。已按现在的内容重新生成写入计划，请查看后再写入。`,
  writeInterrupted: (p) =>
    `写入中途 Excel 报告错误 ${p.code}：${p.message}。部分内容已写入；请查看哪些工作表已写入，再点“继续写入”完成。`,
  unreadableAnswer: () =>
    'WPS 表格返回了无法识别的内容，操作没能完成。请点“重新读取”后重试；如果反复出现，请报告此问题。',
};

const en: Catalogue = {
  notInExcel: () => 'Open Rubric Scorer inside Excel: Home → Rubric Scorer.',
  noWorkbook: () => 'No workbook is open. Open the workbook to score, then choose "Read again".',
  excelTooOld: (p) =>
    `This version of Excel does not support ${p.feature} (needs ${p.requiredSet}). Update to Microsoft 365 or a newer Excel and try again.`,
  officeError: (p) =>
    `Excel reported ${p.code}: ${p.message}. Make sure the workbook is not in cell-edit mode and try again.`,
  sheetMissing: (p) =>
    `Sheet "${p.sheet}" was not found; it may have been renamed or deleted. Read the workbook again before writing.`,
  sheetProtected: (p) =>
    `Sheet "${p.sheet}" is protected. Unprotect it (Review → Unprotect Sheet) and try again; nothing was written.`,
  sheetExists: (p) =>
    `Sheet "${p.sheet}" already exists and cannot be added again. Read the workbook again before writing.`,
  notesSkipped: (p) =>
    `This version of Excel does not support notes (needs ExcelApi 1.18); ${p.count} notes were skipped.`,
  badAddress: (p) =>
    `The write plan has an address "${p.address}" on sheet "${p.sheet}" that cannot be read; nothing was written. This is a bug; please report it.`,
  validationSkipped: (p) =>
    `This version of Excel does not support data validation (needs ExcelApi 1.8); ${p.count} entry rules were skipped.`,
  planStale: (p) =>
    `${p.count} ${Number(p.count) === 1 ? 'cell was' : 'cells were'} changed after the preview (${list(p, 'cells', ', ')}); nothing was written. The write plan was made again from what is there now: check it, then write.`,
  writeInterrupted: (p) =>
    `Excel reported ${p.code} in the middle of the write: ${p.message}. Part of it was written; see which sheets were written, then choose "Finish writing".`,
  unreadableAnswer: () =>
    'WPS Spreadsheets answered with something that cannot be read, so the operation did not finish. Choose "Read again" and retry; if it keeps happening, please report it.',
};

const CATALOGUES: Record<Lang, Catalogue> = { zh: zhCN, en };

/**
 * The language for an Office display language: Chinese of any region → zh, anything else → en.
 * @example hostLang('zh-TW') // 'zh'
 */
export function hostLang(displayLanguage: string): Lang {
  return displayLanguage.trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The BCP 47 tag for a language, as HTML's `lang` attribute takes it. */
export function langTag(lang: Lang): 'zh-CN' | 'en' {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The message for a host error code in the given language. */
export function hostMessage(code: HostErrorCode, params: HostMessageParams, lang: Lang = 'zh'): string {
  return CATALOGUES[lang][code](params);
}
