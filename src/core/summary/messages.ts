/**
 * Findings of the summary builder, as data with stable codes, and their messages (zh-CN first, en
 * beside it). They are kept apart from the workbook issues (../issues) because they describe the
 * summary being planned, not cells of a rubric.
 */
import type { Severity } from '../issues';
import type { Lang } from '../i18n';

export const SUMMARY_CODES = {
  /** No sheet of the workbook was read as a rubric: nothing to summarise. */
  noUnits: 'error',
  /** A requested unit sheet is not a rubric sheet of the workbook. */
  unitNotFound: 'warning',
  /** A unit sheet has no 得分 column, so no live formula can point at its item scores. */
  noScoreColumn: 'warning',
  /** Some 得分 cells of a unit are empty (no score formula yet): the summary counts them as 0. */
  scoresEmpty: 'warning',
  /** A unit lacks a group the other units have: its cell is left blank. */
  groupMissing: 'warning',
  /** A sheet the user made already has the summary's name: another name is used. */
  nameTaken: 'info',
  /** The product's own summary sheet will be deleted and written again. */
  replaces: 'info',
  /** A sheet lists the units as columns of one table (东风社区得分 | 新华社区得分 …): not supported. */
  unitsAsColumns: 'warning',
  /** The writer cannot draw charts (ExcelJS): the chart is left out. */
  chartSkipped: 'info',
  /** A unit's workbook has error-severity findings: its row is flagged and not ranked. */
  failedChecks: 'error',
  /** A file could not be read at all. */
  fileUnreadable: 'error',
  /** A unit of the workbook has open entry errors: its rank is withheld until they are fixed. */
  notReady: 'warning',
  /** An input is an exact copy of another input for the same unit: it is left out. */
  duplicateCopy: 'warning',
  /** Workbooks of one unit from different assessors: one row, the scores combined. */
  assessorsCombined: 'info',
  /** Two different workbooks for the same unit: neither is ranked until the office keeps one. */
  duplicateUnit: 'error',
  /** A unit's workbooks from named assessors beside one naming none (and differing): none is ranked. */
  mixedAssessors: 'error',
  /** An input's unit is not on the roster (no close name either): listed, not ranked. */
  notOnRoster: 'warning',
  /** An input's unit is not on the roster but a roster name is close: listed, not ranked. */
  notOnRosterClose: 'warning',
  /** Two sheets of the workbook are the same unit (东风社区 and 东风社区 (2)): neither is ranked. */
  duplicateSheets: 'warning',
  /** A unit on the roster handed in nothing. */
  missingUnit: 'warning',
  /** A unit on the roster handed in nothing under its name; an input with a close name may be it. */
  missingUnitClose: 'warning',
  /** 等次 thresholds (and quotas) read from a rubric's notes. */
  gradesFromNotes: 'info',
  /** 等次 rules from the options, with the rest from a rubric's notes. */
  gradesFromNotesAndOption: 'info',
  /** 等次 rules given as options. */
  gradesFromOption: 'info',
  /** No 等次 rules in the notes and none given: no grade column. */
  gradesNone: 'info',
  /** A quota without thresholds: grades cannot be assigned. */
  gradesQuotaOnly: 'warning',
  /** A quota for a grade the thresholds do not name: ignored. */
  gradeQuotaUnknown: 'warning',
  /** Units' notes state different 等次 rules: the first one's are used. */
  gradesDiffer: 'warning',
  /** A quota applies: grades are computed values, not formulas. */
  gradesQuota: 'info',
  /** What one quota did: where it was read, the places, who kept the grade, who went down (ties said). */
  quotaApplied: 'info',
} as const satisfies Record<string, Severity>;

export type SummaryCode = keyof typeof SUMMARY_CODES;

export interface SummaryNote {
  code: SummaryCode;
  severity: Severity;
  params: Record<string, string | number>;
}

/** Build a note with the severity registered for its code. */
export function note(code: SummaryCode, params: Record<string, string | number> = {}): SummaryNote {
  return { code, severity: SUMMARY_CODES[code], params };
}

type P = SummaryNote['params'];
const s = (p: P, k: string): string => String(p[k] ?? '');

const zh: Record<SummaryCode, (p: P) => string> = {
  noUnits: () => '工作簿中没有找到评分表（需要含“标准分值”和“评分标准”等列的表头），无法生成汇总。',
  unitNotFound: (p) => `工作表“${s(p, 'sheet')}”不是已识别的评分表，未纳入汇总。`,
  noScoreColumn: (p) =>
    `工作表“${s(p, 'sheet')}”没有“得分”列，汇总无法用公式引用各项得分，已不纳入汇总。请先在“写入”中添加得分公式，再重新生成汇总。`,
  scoresEmpty: (p) =>
    `工作表“${s(p, 'sheet')}”有 ${s(p, 'count')} 个得分格是空的，汇总按 0 分计。请先在“写入”中写入得分公式（或填写得分），汇总才会与评分表一致。`,
  groupMissing: (p) =>
    `“${s(p, 'unit')}”的评分表中没有“${s(p, 'group')}”，汇总表中该格留空。各单位的评分表结构不同，请核对是否用的是同一份细则。`,
  nameTaken: (p) =>
    `已有一张名为“${s(p, 'wanted')}”的工作表（不是本工具生成的），汇总将写入“${s(p, 'used')}”。`,
  replaces: (p) => `将替换本工具之前生成的工作表“${s(p, 'sheet')}”（整表删除后重新生成）。`,
  unitsAsColumns: (p) =>
    `工作表“${s(p, 'sheet')}”把各单位排成了列（${s(p, 'units')}）。汇总暂不支持这种排法：请每个单位用一张工作表（或一个文件），再生成汇总。`,
  chartSkipped: () => '命令行生成的汇总表只有数值，没有图表（Excel 插件中生成的汇总带总分柱形图）。',
  failedChecks: (p) =>
    `${s(p, 'file')}“${s(p, 'sheet')}”有 ${s(p, 'errors')} 个错误，汇总中已标出且不参与排名。请改正后重新汇总。`,
  fileUnreadable: (p) => `无法读取文件 ${s(p, 'file')}：${s(p, 'detail')}`,
  notReady: (p) =>
    `“${s(p, 'sheet')}”有 ${s(p, 'errors')} 个录入错误，汇总中已标出，暂不排名。请在“检查”中改正后重新生成汇总。`,
  assessorsCombined: (p) =>
    `“${s(p, 'unit')}”有 ${s(p, 'count')} 位考核人的评分表（${s(p, 'assessors')}），按${s(p, 'mode')}合并为一行排名和定等次；总分差距 ${s(p, 'spread')} 分。`,
  duplicateCopy: (p) =>
    `${s(p, 'file')} 与 ${s(p, 'of')} 内容完全相同，是“${s(p, 'unit')}”的同一份评分表，只计一次（已略去 ${s(p, 'file')}）。`,
  duplicateUnit: (p) =>
    `“${s(p, 'unit')}”交了不止一份、内容不同的评分表：${s(p, 'files')}。汇总中都已列出但都不排名。请保留正确的一份（删除或移走其余），再重新汇总。`,
  mixedAssessors: (p) =>
    `“${s(p, 'unit')}”有考核人${s(p, 'assessors')}的评分表（${s(p, 'marked')}），另有 ${s(p, 'unmarked')} 没有写明考核人、内容也不同，无法判断它是另一位考核人的评分表还是旧版本，因此不当作重复提交处理，也不合并：该单位的评分表都已列出但都不排名。如是另一位考核人的，请在表中写上“考核人：姓名”或把文件名改成“${s(p, 'stem')}-姓名.xlsx”；如是旧版本，请移走它，再重新汇总。`,
  duplicateSheets: (p) =>
    `工作表 ${s(p, 'sheets')} 是同一个单位“${s(p, 'unit')}”，汇总中都已列出但都不排名。请删除多余的一张（或改成正确的单位名称），再重新生成汇总。`,
  notOnRoster: (p) =>
    `“${s(p, 'unit')}”${paren(p, 'zh')}不在参评单位名单中，汇总中已列出但不排名。请核对名单或名称。`,
  notOnRosterClose: (p) =>
    `“${s(p, 'unit')}”${paren(p, 'zh')}不在参评单位名单中，名单中相近的有：${s(p, 'maybe')}。汇总中已列出但不排名；如是同一单位，请把名称改成名单中的名称，再重新汇总。`,
  missingUnit: (p) => `名单中的“${s(p, 'unit')}”没有交评分表，汇总中列在“未交单位”中。`,
  missingUnitClose: (p) =>
    `名单中的“${s(p, 'unit')}”没有按名单名称交评分表；收到的“${s(p, 'maybe')}”可能就是它。请核对后改名，再重新汇总。`,
  gradesFromNotes: (p) =>
    `等次按评分表说明评定：${s(p, 'rule')}（见${where(p, 'zh')}：“${s(p, 'text')}”）。一票否决的单位评为最低等次，有录入错误等暂不排名的单位暂不评等次（“—”）。`,
  gradesFromNotesAndOption: (p) =>
    `等次按选项与评分表说明评定：${s(p, 'rule')}（说明见${where(p, 'zh')}：“${s(p, 'text')}”）。一票否决的单位评为最低等次，暂不排名的单位暂不评等次（“—”）。`,
  gradesFromOption: (p) =>
    `等次按所给选项评定：${s(p, 'rule')}。一票否决的单位评为最低等次，暂不排名的单位暂不评等次（“—”）。`,
  gradesNone: () =>
    '评分表说明中没有找到等次规则（如“90分以上为优秀，80—89分为良好……”），也没有给出等次选项，汇总不评等次。',
  gradesQuotaOnly: () =>
    '只找到等次名额（如“优秀不超过30%”），没有分数线，无法评定等次。请给出分数线（命令行用 --grades，插件在“汇总”的“等次分数线”中填写），再重新汇总。',
  gradeQuotaUnknown: (p) => `名额中的等次“${s(p, 'grade')}”不在分数线中，该名额未采用。`,
  gradesDiffer: (p) =>
    `${where(p, 'zh')}的说明写的等次规则不同（${s(p, 'rule')}），汇总按第一份说明评定。请核对各单位用的是否同一份细则。`,
  gradesQuota: (p) =>
    `有等次名额（${s(p, 'rule')}）：等次按生成时的总分计算后写成数值，不随评分表自动更新；按排名先后占用名额，名额线上并列的单位一并降入下一等次，保证不超过名额。分数变动后请重新汇总。`,
  quotaApplied: (p) => {
    const g = s(p, 'grade');
    const head = `等次名额“${s(p, 'quota')}”（${quotaFrom(p, 'zh')}）：参评单位 ${s(p, 'counted')} 个，${g}至多 ${s(p, 'limit')} 个；按分数线达到${g}的 ${s(p, 'reached')} 个`;
    if (Number(p.demoted) === 0) return `${head}，未超过名额，不需调整。`;
    const to = s(p, 'to') === '' ? '无等次' : s(p, 'to');
    const kept =
      s(p, 'keptNames') === '' ? `没有单位保留${g}` : `按总分从高到低，${s(p, 'keptNames')}保留${g}`;
    const tie =
      s(p, 'tiedNames') === ''
        ? ''
        : `（${s(p, 'tiedNames')}在名额线上并列 ${s(p, 'line')} 分，为不超过名额一并降等）`;
    return `${head}，${kept}，${s(p, 'demotedNames')}降为${to}${tie}。一票否决的单位不占名额；暂不排名的单位计入参评单位数，但暂不评等次。`;
  },
};

function quotaFrom(p: P, lang: Lang): string {
  if (p.option === 1) return lang === 'en' ? 'from --quota' : '按 --quota 选项';
  return lang === 'en'
    ? `read from ${where(p, 'en')}: "${s(p, 'text')}"`
    : `读自${where(p, 'zh')}：“${s(p, 'text')}”`;
}

const en: Record<SummaryCode, (p: P) => string> = {
  noUnits: () =>
    'No rubric sheet was found in the workbook (a header with 标准分值 and 评分标准 columns is needed): nothing to summarise.',
  unitNotFound: (p) =>
    `Sheet "${s(p, 'sheet')}" is not a recognised rubric sheet and was left out of the summary.`,
  noScoreColumn: (p) =>
    `Sheet "${s(p, 'sheet')}" has no 得分 (score) column, so the summary cannot link to its item scores; it was left out. Add the score formulas with Write first, then regenerate the summary.`,
  scoresEmpty: (p) =>
    `Sheet "${s(p, 'sheet')}" has ${s(p, 'count')} empty 得分 (score) cell(s); the summary counts them as 0. Write the score formulas with Write (or fill in the scores) so the summary matches the sheet.`,
  groupMissing: (p) =>
    `"${s(p, 'unit')}" has no "${s(p, 'group')}" in its rubric; that summary cell is left blank. The units' rubrics differ: check that they use the same rubric.`,
  nameTaken: (p) =>
    `A sheet named "${s(p, 'wanted')}" already exists and was not made by this tool; the summary goes to "${s(p, 'used')}".`,
  replaces: (p) =>
    `The sheet "${s(p, 'sheet')}" this tool generated earlier will be replaced (deleted and written again).`,
  unitsAsColumns: (p) =>
    `Sheet "${s(p, 'sheet')}" lays the units out as columns (${s(p, 'units')}). The summary does not support that layout: use one sheet (or one file) per unit, then summarise.`,
  chartSkipped: () =>
    'A summary made by the command line holds values only, without the chart (the Excel add-in adds a bar chart of the totals).',
  failedChecks: (p) =>
    `${s(p, 'file')} "${s(p, 'sheet')}" has ${s(p, 'errors')} error(s): its row is flagged and not ranked. Fix them and summarise again.`,
  fileUnreadable: (p) => `Could not read ${s(p, 'file')}: ${s(p, 'detail')}`,
  notReady: (p) =>
    `"${s(p, 'sheet')}" has ${plural(p.errors, 'entry error', 'entry errors')}: it is marked in the summary and not ranked until they are fixed. Fix them under Check, then regenerate the summary.`,
  assessorsCombined: (p) =>
    `"${s(p, 'unit')}" has workbooks from ${s(p, 'count')} assessors (${s(p, 'assessors')}), combined by ${s(p, 'modeEn')} into one row that is ranked and graded; the totals differ by up to ${s(p, 'spread')}.`,
  duplicateCopy: (p) =>
    `${s(p, 'file')} is identical to ${s(p, 'of')}, the same workbook of "${s(p, 'unit')}": it is counted once (${s(p, 'file')} left out).`,
  duplicateUnit: (p) =>
    `"${s(p, 'unit')}" handed in more than one workbook, and they differ: ${s(p, 'files')}. All are listed and none is ranked. Keep the right one (remove the others), then summarise again.`,
  mixedAssessors: (p) =>
    `"${s(p, 'unit')}" has workbooks from the assessors ${s(p, 'assessors')} (${s(p, 'marked')}), and ${s(p, 'unmarked')} names no assessor and differs, so it cannot be told whether it is another assessor's or an older version: it is not treated as a duplicate, nor combined; all of the unit's workbooks are listed and none is ranked. If it is another assessor's, write "考核人：name" in it or rename it "${s(p, 'stem')}-name.xlsx"; if it is an older version, remove it; then summarise again.`,
  duplicateSheets: (p) =>
    `Sheets ${s(p, 'sheets')} are the same unit "${s(p, 'unit')}": all are listed and none is ranked. Delete the extra one (or give it the right unit name), then regenerate the summary.`,
  notOnRoster: (p) =>
    `"${s(p, 'unit')}"${paren(p, 'en')} is not on the roster: listed but not ranked. Check the roster or the name.`,
  notOnRosterClose: (p) =>
    `"${s(p, 'unit')}"${paren(p, 'en')} is not on the roster; close names on it: ${s(p, 'maybe')}. Listed but not ranked; if it is the same unit, rename it to the roster's name and summarise again.`,
  missingUnit: (p) =>
    `"${s(p, 'unit')}" is on the roster but handed in no workbook; it is listed under missing units.`,
  missingUnitClose: (p) =>
    `"${s(p, 'unit')}" on the roster handed in nothing under that name; "${s(p, 'maybe')}" may be it. Check, rename, and summarise again.`,
  gradesFromNotes: (p) =>
    `Grades follow the rubric's notes: ${s(p, 'rule')} (${where(p, 'en')}: "${s(p, 'text')}"). A vetoed unit gets the lowest grade; a unit not ranked yet (entry errors…) gets no grade ("—").`,
  gradesFromNotesAndOption: (p) =>
    `Grades follow the options and the rubric's notes: ${s(p, 'rule')} (notes at ${where(p, 'en')}: "${s(p, 'text')}"). A vetoed unit gets the lowest grade; a unit not ranked yet gets no grade ("—").`,
  gradesFromOption: (p) =>
    `Grades follow the options given: ${s(p, 'rule')}. A vetoed unit gets the lowest grade; a unit not ranked yet gets no grade ("—").`,
  gradesNone: () =>
    'No grade rules were found in the rubric\'s notes (such as "90分以上为优秀，80—89分为良好…") and none were given: the summary has no grades.',
  gradesQuotaOnly: () =>
    'Only a grade quota was found (such as "优秀不超过30%"), without score thresholds: no grades can be given. Give the thresholds (--grades on the command line, the grade thresholds field of the add-in\'s Summary) and summarise again.',
  gradeQuotaUnknown: (p) =>
    `The quota's grade "${s(p, 'grade')}" is not among the thresholds; that quota is not used.`,
  gradesDiffer: (p) =>
    `The notes of ${where(p, 'en')} state other grade rules (${s(p, 'rule')}); the first notes found are used. Check that the units use the same rubric.`,
  gradesQuota: (p) =>
    `Grade quotas apply (${s(p, 'rule')}): grades are computed from the totals at generation and written as values, not formulas. Places go in ranked order; units tied on the quota line all go down one grade so the quota is never exceeded. Summarise again after scores change.`,
  quotaApplied: (p) => {
    const g = s(p, 'grade');
    const head = `Grade quota "${s(p, 'quota')}" (${quotaFrom(p, 'en')}): ${s(p, 'counted')} units listed, at most ${s(p, 'limit')} ${g}; ${s(p, 'reached')} reached ${g} by the thresholds`;
    if (Number(p.demoted) === 0) return `${head}, within the quota: nothing changed.`;
    const to = s(p, 'to') === '' ? 'no grade' : s(p, 'to');
    const kept =
      s(p, 'keptNames') === ''
        ? `none keeps ${g}`
        : `by total, highest first, ${s(p, 'keptNames')} keep ${g}`;
    const tie =
      s(p, 'tiedNames') === ''
        ? ''
        : ` (${s(p, 'tiedNames')} are tied on the line at ${s(p, 'line')} and go down together so the quota is not exceeded)`;
    return `${head}; ${kept}; ${s(p, 'demotedNames')} go down to ${to}${tie}. A vetoed unit takes no place; a unit not ranked yet counts among the units listed but gets no grade yet.`;
  },
};

/** Where a note was read: file, sheet and cell as far as known. */
function where(p: P, lang: Lang): string {
  const parts = [
    s(p, 'file'),
    s(p, 'sheet') === '' ? '' : lang === 'en' ? `"${s(p, 'sheet')}"` : `“${s(p, 'sheet')}”`,
    s(p, 'cell'),
  ];
  return parts.filter((x) => x !== '').join(' ');
}

/** "（file）" after a unit's name when the note has a file (the CLI), nothing for a sheet. */
function paren(p: P, lang: Lang): string {
  const f = s(p, 'file');
  if (f === '') return '';
  return lang === 'en' ? ` (${f})` : `（${f}）`;
}

function plural(n: string | number | undefined, one: string, many: string): string {
  return `${String(n ?? 0)} ${Number(n) === 1 ? one : many}`;
}

/** The message for a summary note. */
export function formatNote(n: SummaryNote, lang: Lang): string {
  return (lang === 'en' ? en : zh)[n.code](n.params);
}

/** Fixed texts of the generated sheets. */
export const LABELS = {
  zh: {
    summarySheet: '汇总',
    deductionSheet: '扣分明细',
    problemSheet: '检查问题',
    title: '考核汇总',
    generated: '本表由评分表助手生成，重新生成汇总时会整表替换，请勿在此表中手工修改。',
    /** The signature line printed below the 汇总 (print.ts). */
    signature: '制表人：____________    审核人：____________    日期：______年____月____日',
    legend:
      '红色：一票否决；粉色：有录入错误，暂不排名；黄色：总分最低（按生成时的分数着色，重新生成汇总后更新）。录入错误数也按生成时统计。',
    no: '序号',
    unit: '单位',
    file: '来源文件',
    sheet: '工作表',
    total: '总分',
    rank: '排名',
    veto: '一票否决',
    vetoReason: '否决原因',
    deductions: '扣分项数',
    rankKey: '排名依据（否决计 -1000）',
    rankFirst: '排名辅助',
    rankDense: '排名',
    rankCompetition: '排名（并列占位）',
    rankWithheld: '—',
    grade: '等次',
    gradeLegend: (rule: string, quota: boolean) =>
      `等次：${rule}。一票否决评为最低等次；“—”为暂不评等次。${quota ? '有名额限制：等次为生成时按排名计算的数值（名额线上并列的单位一并降入下一等次），分数变动后请重新生成。' : '等次为公式，随总分自动更新。'}`,
    entryErrors: '录入错误',
    selfTotal: '自评总分',
    selfDiff: '与自评分差',
    status: '检查结果',
    statusOk: '通过',
    statusFailed: (n: number) => `未通过（${n} 个错误）`,
    statusDuplicate: '重复提交，待确认',
    statusUnlisted: '不在名单中',
    hold: '暂不排名原因数',
    missingTitle: (n: number) => `未交单位（${n} 个，名单中有、未收到评分表，不参与排名）`,
    maybe: '可能是',
    selfSheet: '自评对比',
    selfScore: '自评分',
    noSelfDiffs: '各单位自评分与考核得分一致。',
    category: '考核项目',
    section: '考核内容',
    item: '考核项',
    points: '标准分值',
    deduction: '扣分',
    score: '得分',
    reason: '扣分原因',
    link: '位置',
    cell: '单元格',
    severity: '级别',
    code: '代码',
    message: '说明',
    noDeductions: '暂无扣分。',
    chartTitle: '各单位总分',
    points_suffix: (n: number) => `（${n}分）`,
    spreadSheet: '评分差异',
    spreadIntro: (t: number) =>
      `同一单位各考核人的逐项得分；差距为最高分减最低分（未评的不计），超过 ${t} 分的项已标出，请复核。`,
    spreadAssessor: (i: number) => `考核人${i}`,
    spread: '差距（最高−最低）',
    spreadOver: (t: number) => `差距超过 ${t} 分`,
    spreadFlag: '需复核',
    /** The 结果通知单 sheet (slips.ts). */
    slip: {
      sheet: '结果通知单',
      title: (t: string | null) => `${t ?? '考核'}结果通知单`,
      unit: (n: string) => `被考核单位：${n}`,
      head: ['序号', '考核项目', '考核内容', '考核项', '标准分值', '扣分', '得分'],
      reason: '扣分原因',
      sum: '合计',
      total: '总分',
      rank: '排名',
      grade: '等次',
      withheld: '暂不排名',
      noGrade: '暂不评定',
      vetoed: (r: string) => `一票否决${r ? `：${r}` : ''}，总分计 0 分。`,
      notRanked: (w: string) => `暂不排名：${w}。改正后重新汇总。`,
      combined: (n: number, mode: string) =>
        `本单位由 ${n} 位考核人评分，各项得分与总分为${mode}（与汇总一致）。`,
      modes: { mean: '平均分', trimmed: '去掉一个最高分和一个最低分后的平均分', weighted: '加权平均分' },
      assessor: '考核人（签字）：________________    日期：______年____月____日',
      receipt: '被考核单位签收（签字、盖章）：________________    日期：______年____月____日',
    },
  },
  en: {
    summarySheet: 'Summary',
    deductionSheet: 'Deductions',
    problemSheet: 'Problems',
    title: 'Assessment summary',
    generated:
      'Generated by Rubric Scorer; regenerating the summary replaces this whole sheet, so do not edit it by hand.',
    signature: 'Prepared by: ____________    Checked by: ____________    Date: ____________',
    legend:
      'Red: vetoed; pink: entry errors, not ranked yet; yellow: lowest total (coloured from the scores at generation, as are the error counts; regenerate to refresh).',
    no: 'No.',
    unit: 'Unit',
    file: 'Source file',
    sheet: 'Sheet',
    total: 'Total',
    rank: 'Rank',
    veto: 'Veto',
    vetoReason: 'Veto reason',
    deductions: 'Deductions',
    rankKey: 'Rank key (vetoed = -1000)',
    rankFirst: 'Rank helper',
    rankDense: 'Rank (dense)',
    rankCompetition: 'Rank',
    rankWithheld: '—',
    grade: 'Grade',
    gradeLegend: (rule: string, quota: boolean) =>
      `Grades: ${rule}. Vetoed: lowest grade; "—": no grade yet. ${quota ? 'With quotas: grades are values computed in ranked order at generation (units tied on the quota line go down one grade); regenerate after scores change.' : 'Grades are formulas that follow the totals.'}`,
    entryErrors: 'Entry errors',
    selfTotal: 'Self-assessed total',
    selfDiff: 'Difference from self-assessment',
    status: 'Checks',
    statusOk: 'passed',
    statusFailed: (n: number) => `failed (${plural(n, 'error', 'errors')})`,
    statusDuplicate: 'handed in twice, to confirm',
    statusUnlisted: 'not on the roster',
    hold: 'Reasons not ranked',
    missingTitle: (n: number) =>
      `Missing units (${plural(n, 'unit', 'units')} on the roster without a workbook, not ranked)`,
    maybe: 'May be',
    selfSheet: 'Self-assessment',
    selfScore: 'Self score',
    noSelfDiffs: "Every unit's self scores equal the assessors' scores.",
    category: 'Category',
    section: 'Section',
    item: 'Item',
    points: 'Points',
    deduction: 'Deduction',
    score: 'Score',
    reason: 'Reason',
    link: 'Cell',
    cell: 'Cell',
    severity: 'Severity',
    code: 'Code',
    message: 'Message',
    noDeductions: 'No deductions yet.',
    chartTitle: 'Totals by unit',
    points_suffix: (n: number) => ` (${n})`,
    spreadSheet: 'Assessor spread',
    spreadIntro: (t: number) =>
      `Each assessor's item scores for the same unit; the spread is the highest minus the lowest (blanks not counted). Items with a spread above ${t} are marked for review.`,
    spreadAssessor: (i: number) => `Assessor ${i}`,
    spread: 'Spread (max − min)',
    spreadOver: (t: number) => `Spread above ${t}`,
    spreadFlag: 'review',
    slip: {
      sheet: 'Result slips',
      title: (t: string | null) => `${t ?? 'Assessment'} — result slip`,
      unit: (n: string) => `Unit assessed: ${n}`,
      head: ['No.', 'Category', 'Section', 'Item', 'Points', 'Deduction', 'Score'],
      reason: 'Reason',
      sum: 'Total',
      total: 'Total',
      rank: 'Rank',
      grade: 'Grade',
      withheld: 'not ranked yet',
      noGrade: 'not graded yet',
      vetoed: (r: string) => `Vetoed${r ? `: ${r}` : ''}; the total counts as 0.`,
      notRanked: (w: string) => `Not ranked yet: ${w}. Summarise again once fixed.`,
      combined: (n: number, mode: string) =>
        `Scored by ${n} assessors; item scores and the total are ${mode} (as on the summary).`,
      modes: {
        mean: 'the mean',
        trimmed: 'the mean without the highest and the lowest',
        weighted: 'the weighted mean',
      },
      assessor: 'Assessor (signature): ________________    Date: ____________',
      receipt: 'Received for the unit (signature, stamp): ________________    Date: ____________',
    },
  },
} as const;
