/** The write-back's own words, zh-CN first: headers, input prompts, error alerts, veto texts. */
import type { InputKind, Lang } from '../rules/registry';

export interface WritebackText {
  /** Header of the subtotal column of a group level (1 = outermost). */
  subtotalHeader(level: number): string;
  /** Header of entry column j (0-based). */
  entryHeader(j: number): string;
  /** Input-prompt titles per input kind (≤ 32 characters). */
  inputTitle: Record<Exclude<InputKind, 'none'>, string>;
  /** Error-alert title (≤ 32 characters). */
  errorTitle: string;
  /** Error-alert messages per input kind. */
  inputError: Record<Exclude<InputKind, 'none'>, (max: string | null) => string>;
  /** Error alert of a cell that takes no input. */
  notApplicable: string;
  notApplicableTitle: string;
  /** Prompt and error of a typed 扣分 cell. */
  deductionTitle: (max: string | null) => string;
  deductionError: (max: string | null) => string;
  /** Prompt and error of a typed 得分 cell. */
  scoreTitle: (min: string | null, max: string | null) => string;
  scoreError: (min: string | null, max: string | null) => string;
  /** Appended to a deducting term's prompt: the item's cap. */
  capSuffix: (cap: string) => string;
  /** Shown near the total when a whole-assessment veto fired. */
  vetoFired: (item: string) => string;
  /** Note on the total cell of a sheet that has veto items. */
  vetoNote: (items: string) => string;
  listSep: string;
  /** Shown in 得分 when its 扣分 (or typed entry) is not a number. */
  notNumber: string;
  /** Shown in subtotals and 合计 while an entry is not a number. */
  pendingTotal: string;
  /** Header of the helper column of veto tests. */
  vetoHeader: string;
  /** Shown near the total when a veto fired on a sheet with the helper column. */
  vetoFiredAny: (col: string) => string;
}

const zh: WritebackText = {
  subtotalHeader: (level) => `${['一', '二', '三', '四', '五', '六'][level - 1] ?? String(level)}级小计`,
  entryHeader: (j) => `录入${j + 1}`,
  inputTitle: { count: '填写数量', percent: '填写百分比', yesNo: '填写是或否', amount: '填写扣分' },
  errorTitle: '输入无效',
  inputError: {
    count: () => '请输入不小于0的整数。',
    percent: () => '请输入0到100之间的数（95表示95%）。',
    yesNo: () => '请从下拉列表中选择“是”或“否”。',
    amount: (max) => (max === null ? '请输入不小于0的扣分。' : `请输入0到${max}之间的扣分。`),
  },
  notApplicable: '本行此列无需填写。',
  notApplicableTitle: '无需填写',
  deductionTitle: (max) => (max === null ? '扣分' : `扣分（0–${max}分）`),
  deductionError: (max) =>
    max === null ? '扣分应为不小于0的数。' : `扣分应在0到${max}分之间（超过上限的按上限计）。`,
  scoreTitle: (min, max) => `得分（${min ?? '可为负'}–${max ?? ''}分）`,
  scoreError: (min, max) =>
    min === null ? `得分不能超过${max ?? ''}分。` : `得分应在${min}到${max ?? '不限'}分之间。`,
  capSuffix: (cap) => `，本项最多扣${cap}分`,
  vetoFired: (item) => `一票否决（${item}）：合计记0分`,
  vetoNote: (items) => `一票否决项：${items}。任一项否决时，合计由公式记为0分。`,
  listSep: '、',
  notNumber: '扣分不是数字，请改为数字',
  pendingTotal: '待改正：有扣分不是数字',
  vetoHeader: '否决判定',
  vetoFiredAny: (col) => `一票否决：合计记0分（“否决判定”${col}列为1的项）`,
};

const en: WritebackText = {
  subtotalHeader: (level) => `Subtotal L${level}`,
  entryHeader: (j) => `Input ${j + 1}`,
  inputTitle: {
    count: 'Enter a count',
    percent: 'Enter a percentage',
    yesNo: 'Choose 是 or 否',
    amount: 'Enter points off',
  },
  errorTitle: 'Invalid entry',
  inputError: {
    count: () => 'Enter a whole number, 0 or more.',
    percent: () => 'Enter a number from 0 to 100 (95 means 95%).',
    yesNo: () => 'Choose 是 (yes) or 否 (no) from the list.',
    amount: (max) => (max === null ? 'Enter points off, 0 or more.' : `Enter points off from 0 to ${max}.`),
  },
  notApplicable: 'Nothing to enter here for this row.',
  notApplicableTitle: 'Not applicable',
  deductionTitle: (max) => (max === null ? 'Points off' : `Points off (0-${max})`),
  deductionError: (max) =>
    max === null ? 'Points off must be 0 or more.' : `Points off must be from 0 to ${max}.`,
  scoreTitle: (min, max) => `Score (${min ?? 'may be < 0'}-${max ?? ''})`,
  scoreError: (min, max) =>
    min === null
      ? `The score cannot exceed ${max ?? ''}.`
      : `The score must be from ${min} to ${max ?? 'any'}.`,
  capSuffix: (cap) => `; at most ${cap} points off for this item`,
  vetoFired: (item) => `Veto (${item}): total scored 0`,
  vetoNote: (items) => `Veto items: ${items}. If any fires, the total formula gives 0.`,
  listSep: ', ',
  notNumber: 'Fix 扣分: not a number',
  pendingTotal: 'Not final: fix 扣分 entries',
  vetoHeader: 'Veto check',
  vetoFiredAny: (col) => `Veto: total scored 0 (items with 1 in column ${col})`,
};

export const WRITEBACK_TEXT: Record<Lang, WritebackText> = { zh, en };

/**
 * Cut text to at most `max` UTF-16 units (Excel's measure), never splitting a surrogate pair, with
 * an ellipsis when cut.
 * @example clipUnits('一二三四', 3) === '一二…'
 */
export function clipUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, Math.max(0, cut))}…`;
}

/** Excel's limits for data-validation prompts and alerts. */
export const TITLE_MAX = 32;
export const MESSAGE_MAX = 255;
