/** 中文消息目录：每个问题代码一条，说明发现了什么、在哪里、该怎么做。 */
import type { IssueCode, IssueParams } from '../issues';
import { PARAM_LIST_SEP } from '../rubric';

type P = IssueParams;
const s = (p: P, k: string): string => String(p[k] ?? '');
/** A list parameter (see PARAM_LIST_SEP), joined with 、, or each part in quotes. */
const list = (p: P, k: string): string => s(p, k).split(PARAM_LIST_SEP).join('、');
const quoted = (p: P, k: string): string =>
  s(p, k)
    .split(PARAM_LIST_SEP)
    .map((x) => `“${x}”`)
    .join('');

export const zhCN: Record<IssueCode, (p: P) => string> = {
  notANumber: (p) =>
    p.suggestion !== undefined
      ? `${s(p, 'column')}填的是“${s(p, 'found')}”，不是数字。请改为数字 ${s(p, 'suggestion')}（不带“分”字、用半角数字）。`
      : `${s(p, 'column')}填的是“${s(p, 'found')}”，不是数字。请填写数字，例如 0.5。`,
  scoreAbovePoints: (p) =>
    `得分 ${s(p, 'value')} 超过本项标准分值 ${s(p, 'points')}。请核对得分，最高 ${s(p, 'max')} 分。`,
  deductionAboveCap: (p) =>
    p.capKind === 'explicit'
      ? `扣分 ${s(p, 'value')} 超过本项最多可扣的 ${s(p, 'cap')} 分（评分标准规定了扣分上限）。请改为不超过 ${s(p, 'cap')}。`
      : `扣分 ${s(p, 'value')} 超过本项标准分值 ${s(p, 'points')}（评分标准：扣完为止）。请改为不超过 ${s(p, 'cap')}。`,
  belowZero: (p) =>
    `得分 ${s(p, 'value')} 低于 0，但本项扣完为止、不倒扣。请改为 0 到 ${s(p, 'points')} 之间的分数。`,
  negativeDeduction: (p) =>
    `扣分 ${s(p, 'value')} 是负数。扣分应填正数（例如扣 0.5 分填 0.5）；加分请填在加分项。`,
  notStepMultiple: (p) =>
    `扣分 ${s(p, 'value')} 不是每次扣分 ${s(p, 'step')} 的整数倍。请核对次数或人数后重新计算。`,
  scoreDeductionMismatch: (p) =>
    `得分 ${s(p, 'score')} 与扣分 ${s(p, 'deduction')} 对不上：标准分值 ${s(p, 'points')} 扣 ${s(p, 'deduction')} 应得 ${s(p, 'expected')} 分。请改正其中一个。`,
  reasonMissing: (p) => `“${s(p, 'item')}”有扣分但没有填写扣分原因。请在扣分原因栏写明扣分依据。`,
  entryMissing: (p) => `“${s(p, 'item')}”还没有填写（其他项目已填写）。不扣分请填 0。`,
  vetoFired: (p) =>
    `“${s(p, 'item')}”触发一票否决${p.reason ? `（${s(p, 'reason')}）` : ''}，本表总分计为 0。请确认无误后再提交。`,
  bonusAboveMax: (p) =>
    `${p.item ? `“${s(p, 'item')}”` : ''}得分 ${s(p, 'value')} 超过本项最多可得的 ${s(p, 'max')} 分（标准分值 ${s(p, 'points')} 加评分标准写明的最高加分），按 ${s(p, 'max')} 分计入总分。请核对加分，改为不超过 ${s(p, 'max')} 的分数。`,
  entryWithoutPoints: (p) =>
    `“${s(p, 'item')}”没有标准分值，${s(p, 'column')}栏填的 ${s(p, 'value')} 分不计入总分。请先填写本项的标准分值，或清空这一格。`,
  formulaOverwritten: (p) =>
    `这里原来是公式 ${s(p, 'formula')}，现在被填成了“${s(p, 'found')}”。请在“写入”中恢复公式，或确认保留手填值。`,
  inputNotRead: (p) =>
    p.expected === 'yesNo'
      ? `${s(p, 'column')}填的是“${s(p, 'found')}”，公式读不出来，按未填处理。本列请填“是”或“否”。`
      : `${s(p, 'column')}填的是“${s(p, 'found')}”，公式读不出来，按未填处理。本列请填数字${p.suggestion !== undefined ? `，例如 ${s(p, 'suggestion')}` : ''}。`,
  entryOutsideRange: (p) =>
    `${s(p, 'column')}填的是 ${s(p, 'value')}，超出“${s(p, 'item')}”评分标准规定的视情况扣 ${s(p, 'min')} 至 ${s(p, 'max')} 分，按 ${s(p, 'counted')} 分计。请改为 ${s(p, 'min')} 到 ${s(p, 'max')} 之间的扣分（未发生填 0）。`,
  tableChanged: (p) =>
    `上次写入后表格行数从 ${s(p, 'before')} 行变为 ${s(p, 'now')} 行（插入或删除了行）。请在“写入”中重新写入公式，并核对列出的冲突单元格。`,
  totalMismatch: (p) =>
    `合计填的是 ${s(p, 'found')}，但各项得分合计应为 ${s(p, 'expected')}。请改为 ${s(p, 'expected')} 或写入合计公式。`,
  pointsSumMismatch: (p) =>
    `“${s(p, 'group')}”标明 ${s(p, 'declared')} 分，但其下各项标准分值合计 ${s(p, 'sum')} 分。请核对细则是否缺项或分值有误。`,
  totalNot100: (p) => `各项标准分值合计 ${s(p, 'sum')} 分，不是 100 分。请核对细则是否缺项或分值有误。`,
  declaredTotalMismatch: (p) =>
    `表头标明总分 ${s(p, 'declared')} 分，但各项标准分值合计 ${s(p, 'sum')} 分。请核对细则是否缺项或分值有误。`,
  numberingGap: (p) =>
    `编号从 ${s(p, 'before')} 跳到了 ${s(p, 'after')}，缺少第 ${s(p, 'missing')} 项。请核对是否漏了考核项。`,
  ruleUnread: (p) =>
    `“${s(p, 'item')}”评分标准中“${s(p, 'text')}”未能识别为扣分规则。请在“规则”中确认或修改。`,
  ruleUnknown: (p) =>
    `“${s(p, 'item')}”的评分标准未写明扣分办法，将按考核人员酌情扣分处理。请在“规则”中确认。`,
  pointsMissing: (p) =>
    p.found
      ? `“${s(p, 'item')}”的标准分值“${s(p, 'found')}”不是数字。请填写数字分值。`
      : `“${s(p, 'item')}”没有标准分值。请填写分值。`,
  maxUndecided: (p) =>
    `另有 ${s(p, 'count')} 项没有分值（${s(p, 'cells')}${p.more ? ' 等' : ''}），本表满分未定${p.max ? `：显示的满分 ${s(p, 'max')} 只是其余各项分值之和` : ''}。请在这些项填写标准分值。`,
  criteriaNotFound: (p) => `未找到评分标准列，已从“${s(p, 'from')}”读取规则。请在“规则”中逐项核对。`,
  columnByContent: (p) =>
    `“${s(p, 'header')}”列的表头不是常见的评分标准写法，但其中写的是扣分、得分办法，已按评分标准列读取。如有误请告知考核组。`,
  pointsFromText: (p) =>
    `没有分值列，${s(p, 'count')} 项的分值取自“${s(p, 'from')}”中写明的分数（如“（2分）”“得2分”）。请核对各项分值。`,
  pointsByRole: (p) =>
    `分值按角色分列：按“${s(p, 'scored')}”列计分；“${s(p, 'others')}”列已读取，不计入本表得分。`,
  pointsScheme: (p) =>
    ({
      base: `本表为基本分制：基本分 ${s(p, 'base')} 分（取自${p.at ? ` ${s(p, 'at')} ` : '表中'}写明的“基本分”），各项为加分或扣分${p.max ? `，最高 ${s(p, 'max')} 分` : '，表中未写明最高分'}。总分按“基本分＋加分－扣分”计算${p.max ? '，超过最高分按最高分计' : ''}；各项没有自己的分值，不核对分值合计。`,
      bonus: `本表各项都是加分（如“+5”${p.at ? `，见 ${s(p, 'at')} 所在列` : ''}），不核对分值合计。总分为所得加分之和${p.max ? `，最高 ${s(p, 'max')} 分` : ''}。`,
      demerit: `本表是按次记分的清单${p.at ? `（分值见 ${s(p, 'at')} 所在列）` : ''}：各项分值是每发生一次所记的分，没有总分，不核对分值合计。`,
    })[s(p, 'scheme')] ?? `本表的计分方式不是各项分值相加（${s(p, 'scheme')}），不核对分值合计。`,
  vetoColumn: (p) =>
    `“${s(p, 'header')}”列标为“是”的 ${s(p, 'count')} 项按一票否决处理：发生时本表总分计为 0。`,
  maxAlternatives: (p) =>
    `本表各项分值合计 ${s(p, 'sum')} 分，多于任何一个被考核单位能得的分：其中 ${s(p, 'count')} 个部分是分别考不同单位的，每个单位只考其中一部分，满分为 ${s(p, 'unit')} 分。按 ${s(p, 'sum')} 分计的满分和总分不是任何单位的；请为每个被考核单位选定它所考的部分，只对这些部分评分。`,
  pointsAlternatives: (p) =>
    `“${s(p, 'group')}”下 ${s(p, 'count')} 个部分各为 ${s(p, 'each')} 分，每个被考核单位只考其中一部分，因此不核对这些部分的合计。`,
  sheetSkipped: (p) =>
    ({
      empty: '工作表是空的，已跳过。',
      hidden: '隐藏的工作表，已跳过。',
      productSheet: '本工具的数据表，已跳过。',
      noHeader: `没有找到评分表表头（需要同一行中既有“标准分值”等分值列，又有“评分标准”“考核项目”“考核内容”等列），已跳过。${p.row === undefined ? '' : `最接近的是第${s(p, 'row')}行：${list(p, 'headers')}。`}`,
      noPoints: `第${s(p, 'row')}行像是表头（${list(p, 'headers')}），但表中没有分值：没有一列是各项的分数，文字中也没有写明各项分值（如“（2分）”“得2分”）。这张表不是计分的评分表，已跳过。`,
      sanctions: `第${s(p, 'row')}行像是表头（${list(p, 'headers')}），但表中没有分值列：${quoted(p, 'sanctionHeaders')}列写的是${list(p, 'sanctions')}等处理，不是分数。这张表不是计分的评分表，已跳过。`,
      noScoredRows: `第${s(p, 'row')}行是表头（${list(p, 'headers')}），但其下 ${s(p, 'rows')} 行都没有分值${p.pointsHeader ? `（“${s(p, 'pointsHeader')}”列是空的）` : ''}，已跳过。要计分，请在分值列填写各项分值。`,
    })[s(p, 'code')] ?? '工作表未作为评分表读取，已跳过。',
  fileUnreadable: (p) =>
    `无法读取文件 ${s(p, 'file')}：${s(p, 'detail')}。请确认它是 Excel 2007 及以上的 .xlsx 文件且未损坏。`,
  noRubric: (p) => `在 ${s(p, 'file')} 中没有找到评分表（需要含“标准分值”和“评分标准”等列的表头）。`,
};
