/**
 * The playground page's own strings (the task pane brings its own), one catalogue per language,
 * zh-CN first.
 */
import type { Lang } from '../core/i18n';
import { hostLang } from '../host/messages';

/** The page's language: the catalogues' one `Lang`. */
export type PageLang = Lang;

const zh = {
  title: '评分表助手 · 在浏览器中试用',
  subtitle: '左侧是工作簿（公式实时计算），右侧是真实的任务窗格。',
  open: '打开 .xlsx…',
  download: '下载结果 .xlsx',
  /** Added to the downloaded file's name: 单位.xlsx → 单位-评分.xlsx. */
  resultSuffix: '评分',
  sample: '重新载入示例',
  privacy: '文件只在本机浏览器中读取和保存，不会上传。',
  loading: '正在载入工作簿…',
  sheets: '工作表',
  grid: '工作簿',
  pane: '任务窗格',
  nameBox: '单元格',
  formulaBar: '编辑栏',
  protectedSheet: (p: { sheet: string }) => `工作表“${p.sheet}”受保护，不能在此输入。`,
  unreadable: (p: { file: string }) =>
    `无法读取“${p.file}”：它不是 .xlsx 工作簿。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再打开。`,
  legacy: (p: { file: string }) =>
    `无法读取“${p.file}”：这是旧版 .xls 文件或设置了打开密码的工作簿。请在 Excel 中“另存为” Excel 工作簿（.xlsx），如有打开密码请先取消。`,
  corrupt: (p: { file: string }) =>
    `无法读取“${p.file}”：文件已损坏或不完整。请用 Excel 打开并重新保存，或向发送者索取原文件。`,
  sampleMissing: (p: { file: string }) =>
    `找不到示例工作簿“${p.file}”。请先运行 npm run samples 生成示例，再刷新本页。`,
  opened: (p: { file: string }) => `已打开“${p.file}”。`,
  failed: (p: { what: string; detail: string }) =>
    `${p.what}失败：${p.detail}。请刷新页面后重试；如仍失败，请换一个文件。`,
  whatOpen: '打开工作簿',
  whatSample: '载入示例',
  whatDownload: '生成下载文件',
  invalidTitle: '输入值非法',
  dismiss: '关闭',
  hostExcel: '模拟 Excel',
  hostWps: '模拟 WPS 表格',
} as const;

type Catalogue = { [K in keyof typeof zh]: (typeof zh)[K] extends string ? string : (typeof zh)[K] };

const en: Catalogue = {
  title: 'Rubric Scorer · try it in the browser',
  subtitle: 'The workbook on the left (formulas computed live), the real task pane on the right.',
  open: 'Open .xlsx…',
  download: 'Download result .xlsx',
  resultSuffix: 'scored',
  sample: 'Reload the sample',
  privacy: 'Files are read and saved in this browser only; nothing is uploaded.',
  loading: 'Loading the workbook…',
  sheets: 'Sheets',
  grid: 'Workbook',
  pane: 'Task pane',
  nameBox: 'Cell',
  formulaBar: 'Formula bar',
  protectedSheet: (p) => `Sheet "${p.sheet}" is protected; it cannot be typed into.`,
  unreadable: (p) =>
    `Cannot read "${p.file}": it is not an .xlsx workbook. In Excel, save it as an Excel Workbook (.xlsx) and open that.`,
  legacy: (p) =>
    `Cannot read "${p.file}": it is an old .xls file or a password-protected workbook. In Excel, save it as an Excel Workbook (.xlsx), removing the open password if it has one.`,
  corrupt: (p) =>
    `Cannot read "${p.file}": the file is damaged or incomplete. Open and save it again in Excel, or ask the sender for the original.`,
  sampleMissing: (p) =>
    `The sample workbook "${p.file}" is missing. Run npm run samples, then reload this page.`,
  opened: (p) => `Opened "${p.file}".`,
  failed: (p) =>
    `${p.what} failed: ${p.detail}. Reload the page and retry; if it fails again, try another file.`,
  whatOpen: 'Opening the workbook',
  whatSample: 'Loading the sample',
  whatDownload: 'Preparing the download',
  invalidTitle: 'Invalid entry',
  dismiss: 'Dismiss',
  hostExcel: 'Simulated Excel',
  hostWps: 'Simulated WPS Spreadsheets',
};

export const PAGE_STRINGS: Record<PageLang, Catalogue> = { zh, en };

/** The page language for a display language: Chinese of any region → zh, else en (src/host maps it). */
export const pageLang: (displayLanguage: string) => PageLang = hostLang;
