/** 任务窗格界面文字（中文）。每条按键名取用；带参数的写成函数，说明发现了什么、该怎么做。 */
import type { WriteOp } from '../../core/plan';
import { PARAM_LIST_SEP } from '../../core/rubric';
import { kindLabels } from '../../core/rules/kinds';
import type { TermKind } from '../../core/rules/types';
import type { UndoGapKind } from '../../core/writeback/undo';

type P = Record<string, string | number>;
const s = (p: P, k: string): string => String(p[k] ?? '');
/** A list parameter (see PARAM_LIST_SEP), joined with 、, or each part in quotes. */
const list = (p: P, k: string): string => s(p, k).split(PARAM_LIST_SEP).join('、');
const quoted = (p: P, k: string): string =>
  s(p, k)
    .split(PARAM_LIST_SEP)
    .map((x) => `“${x}”`)
    .join('');

/** 一次写入对一张表做的事，按个数（sheetPlan、sheetWritten 共用）。 */
function writtenParts(p: P): string[] {
  const n = (k: string) => Number(p[k] ?? 0);
  return [
    n('score') > 0 ? `${n('score')} 个得分公式` : '',
    n('totals') > 0 ? `${n('totals')} 个小计和合计` : '',
    n('texts') > 0 ? `${n('texts')} 个列标题和文字` : '',
    n('settings') > 0 ? `${n('settings')} 项格式和输入限制` : '',
  ].filter(Boolean);
}

export const zhCN = {
  appTitle: '评分表助手',
  language: '语言',
  switchLanguage: 'English',
  loading: '正在读取工作簿…',
  reload: '重新读取',
  dismiss: '关闭',
  // Steps
  'step.detect': '识别',
  'step.rules': '规则',
  'step.check': '检查',
  'step.write': '写入',
  'step.summary': '汇总',
  // Detect
  sheetPicker: '评分表',
  structure: '表格结构',
  declaredTotal: (p: P) => `表头标明总分 ${s(p, 'points')} 分`,
  itemsTotal: (p: P) => `各项标准分值合计 ${s(p, 'points')} 分，共 ${s(p, 'count')} 项`,
  groupPoints: (p: P) =>
    p.declared === '' ? `合计 ${s(p, 'sum')} 分` : `标明 ${s(p, 'declared')} 分，合计 ${s(p, 'sum')} 分`,
  pointsMismatch: '分值不符',
  itemPoints: (p: P) => (p.points === '' ? '无分值' : `${s(p, 'points')} 分`),
  integrity: '细则自查',
  integrityClean: '分值和编号都对得上。',
  skippedSheets: '未作为评分表读取的工作表',
  'skipped.empty': '工作表是空的。',
  'skipped.hidden': '隐藏的工作表。',
  'skipped.noHeader': (p: P) =>
    `没有找到评分表表头（需要同一行中既有“标准分值”等分值列，又有“评分标准”“考核项目”等列）。${p.row === undefined ? '' : `最接近的是第${s(p, 'row')}行：${list(p, 'headers')}。`}`,
  'skipped.noPoints': (p: P) =>
    `第${s(p, 'row')}行像是表头（${list(p, 'headers')}），但没有分值列，文字中也没有写明各项分值。这张表不是计分的评分表。`,
  'skipped.sanctions': (p: P) =>
    `第${s(p, 'row')}行像是表头（${list(p, 'headers')}），但没有分值列：${quoted(p, 'sanctionHeaders')}列写的是${list(p, 'sanctions')}等处理，不是分数。这张表不是计分的评分表。`,
  'skipped.noScoredRows': (p: P) =>
    `第${s(p, 'row')}行是表头（${list(p, 'headers')}），但其下 ${s(p, 'rows')} 行都没有分值${p.pointsHeader ? `（“${s(p, 'pointsHeader')}”列是空的）` : ''}。要计分，请先填写各项分值。`,
  'skipped.productSheet': '本工具的数据表。',
  // Rules
  rulesIntro:
    '每项的评分标准原文及本工具的理解。理解有误时可以修改，保存后写入工作簿，其他人打开时看到同样的规则。',
  sourceText: '评分标准原文',
  plainWords: '本工具的理解',
  noCriteria: '（无评分标准）',
  unreadAsk: (p: P) => `以下文字未能识别为扣分规则：“${s(p, 'text')}”。请确认本工具的理解，或修改规则。`,
  unknownAsk: '评分标准未写明扣分办法。请选择：按酌情扣分处理，或修改规则。',
  overriddenBadge: '已修改',
  editedBadge: '未保存',
  edit: '修改',
  doneEditing: '完成',
  acceptAsRead: '按此理解',
  useDiscretion: '酌情扣分',
  resetRule: '恢复原识别',
  addTerm: '添加一条',
  removeTerm: '删除这一条',
  termKind: '类型',
  amount: '分数',
  unit: '单位',
  required: '要求数量',
  target: '目标（%）',
  step: '每档（百分点）',
  maxBonus: '最多加',
  what: '说明',
  scope: '范围',
  'scope.item': '本项',
  'scope.assessment': '全表',
  cap: '扣分上限',
  'cap.item': '扣完本项分值为止',
  'cap.explicit': '最多扣',
  'cap.none': '可倒扣（不设上限）',
  capAmount: '上限分数',
  min: '最少扣',
  max: '最多扣',
  limit: '此项最多扣',
  steps: '逐次加重',
  after: '前几次按分数扣',
  later: '之后每次扣',
  extraOnce: '累计扣满另扣',
  extraAt: '累计扣满',
  extra: '另扣',
  effect: '后果',
  bands: '分档',
  'unit.%': '%（比率）',
  'unit.分': '分（得分）',
  'problem.rangeMinAboveMax': (p: P) =>
    `最少扣的分数（${s(p, 'min')}）大于最多扣的分数（${s(p, 'max')}），请改正。`,
  'problem.groupIncomplete': (p: P) => `“${s(p, 'group')}”的两项请都填写，或都留空。`,
  saveRules: (p: P) => `保存规则（${s(p, 'count')} 项）`,
  savingRules: '正在保存规则…',
  rulesSaved: '规则已保存在工作簿中。',
  nothingToSave: '没有需要保存的修改。',
  ...kindLabels('zh'),
  // Check
  recheck: '重新检查',
  counts: (p: P) => `错误 ${s(p, 'error')} 处，警告 ${s(p, 'warning')} 处，提示 ${s(p, 'info')} 处`,
  'severity.error': '错误',
  'severity.warning': '警告',
  'severity.info': '提示',
  allClearTitle: '可以提交',
  allClearBody: '没有发现错误或警告。',
  alsoOn: (p: P) => `（${s(p, 'sheets')} 也有同样问题）`,
  goToCell: (p: P) => `转到 ${s(p, 'where')}`,
  sheetTotal: (p: P) => `${s(p, 'sheet')}：总分 ${s(p, 'total')} / ${s(p, 'max')}`,
  // Write
  writeIntro: '把得分公式、合计公式和输入限制写入表格。先看预览，确认后再写入。',
  entryColumns: '添加录入列（按次数、人数填写，自动算扣分）',
  writeSheets: '写入的工作表',
  preview: (p: P) => `预览：${s(p, 'count')} 项操作`,
  previewEmpty: '没有需要写入的内容。',
  colOp: '操作',
  colWhere: '位置',
  colContent: '内容',
  page: (p: P) => `第 ${s(p, 'page')} / ${s(p, 'pages')} 页`,
  prevPage: '上一页',
  nextPage: '下一页',
  'op.formula': '公式',
  'op.value': '值',
  'op.numberFormat': '数字格式',
  'op.validation': '输入限制',
  'op.fill': '填充色',
  'op.font': '字体',
  'op.merge': '合并',
  'op.unmerge': '取消合并',
  'op.columnWidth': '列宽',
  'op.note': '批注',
  'op.chart': '图表',
  'op.addSheet': '新建工作表',
  'op.deleteSheet': '删除工作表',
  'op.clearValidation': '取消输入限制',
  'op.hideColumns': '隐藏列',
  'op.printArea': '打印区域',
  'op.printTitles': '打印标题行',
  'op.pageSetup': '页面设置',
  conflictsTitle: '写入会覆盖已有内容的单元格',
  conflictsBody: (p: P) =>
    `有 ${s(p, 'count')} 个单元格已有内容（手填的数字或改过的公式），写入会覆盖它们。勾选要覆盖（恢复公式）的单元格；不勾选的保持原样。`,
  conflictLabel: (p: P) => `${s(p, 'where')}：现有“${s(p, 'existing')}” → 写入“${s(p, 'planned')}”`,
  overwriteAll: '全部覆盖',
  chooseCells: (p: P) => `逐个选择（${s(p, 'count')} 个单元格）`,
  sheetPlan: (p: P) => {
    const n = (k: string) => Number(p[k] ?? 0);
    const what = writtenParts(p);
    const cells = [
      n('replace') > 0 ? `${n('replace')} 个已有内容（手填得分或改过的公式）将被替换` : '',
      n('keep') > 0 ? `${n('keep')} 个已有内容保持原样` : '',
    ].filter(Boolean);
    const head = what.length > 0 ? `写入 ${what.join('、')}` : '不写入内容';
    return `${s(p, 'sheet')}：${head}${cells.length > 0 ? `；${cells.join('，')}` : ''}。`;
  },
  sheetWritten: (p: P) => {
    const n = (k: string) => Number(p[k] ?? 0);
    const what = writtenParts(p);
    const cells = [
      n('replace') > 0 ? `替换了 ${n('replace')} 个已有内容` : '',
      n('keep') > 0 ? `${n('keep')} 个已有内容保持原样` : '',
    ].filter(Boolean);
    const head = what.length > 0 ? `写入了 ${what.join('、')}` : '没有写入内容';
    return `${s(p, 'sheet')}：${head}${cells.length > 0 ? `；${cells.join('，')}` : ''}。`;
  },
  sheetReplace: (p: P) => `替换“${s(p, 'sheet')}”中已有的内容（${s(p, 'count')} 个）`,
  conflictValue: (p: P) =>
    `${s(p, 'where')}：现为${s(p, 'existing') === '' ? '空' : `“${s(p, 'existing')}”`}，写入后为“${s(p, 'planned')}”`,
  conflictValidation: (p: P) => `${s(p, 'where')}：已有输入限制，写入后换成本工具的限制`,
  plannedByFormula: '公式计算的结果',
  opDetails: (p: P) => `公式和操作明细（${s(p, 'count')} 项）`,
  leftToFix: (p: P) => {
    const found = [
      Number(p.errors) > 0 ? `${s(p, 'errors')} 个错误` : '',
      Number(p.warnings) > 0 ? `${s(p, 'warnings')} 个警告` : '',
    ].filter(Boolean);
    return `还需处理：“${s(p, 'sheet')}”有 ${found.join('、')}，请在“检查”中查看。`;
  },
  leftNone: '各表没有待处理的错误或警告。',
  changedCells: (p: P) => `预览之后以下 ${s(p, 'count')} 个单元格有改动，已按现在的内容重新预览：`,
  changedCell: (p: P) =>
    `${s(p, 'where')}：原为${s(p, 'was') === '' ? '空' : `“${s(p, 'was')}”`}，现为${s(p, 'now') === '' ? '空' : `“${s(p, 'now')}”`}`,
  write: '写入',
  writing: (p: P) => `正在写入… ${s(p, 'done')} / ${s(p, 'total')}`,
  writeDone: '写入完成。',
  skippedFeature: (p: P) => `此 Excel 版本不支持${s(p, 'feature')}，已跳过 ${s(p, 'count')} 项。`,
  noSheetSelected: '请至少选择一张工作表。',
  undoWrite: '撤销写入',
  undoing: '正在撤销写入…',
  undoDone: (p: P) => `已撤销写入：恢复了 ${s(p, 'count')} 个单元格原来的内容。`,
  undoConflicts: (p: P) => `以下 ${s(p, 'count')} 个单元格在写入之后被修改过，撤销时保持你改后的内容：`,
  undoConflictCell: (p: P) => `${s(p, 'where')}：现为“${s(p, 'existing')}”`,
  undoGaps: '以下内容无法恢复，仍保持写入后的样子：',
  undoGap: (p: P) => `${s(p, 'sheet')}：${s(p, 'kind')}（${s(p, 'count')} 项）`,
  'gap.format': '填充色和字体',
  'gap.numberFormat': '数字格式',
  'gap.columnWidth': '列宽',
  'gap.merge': '合并单元格',
  'gap.hiddenColumns': '隐藏或取消隐藏的列',
  'gap.note': '批注',
  'gap.validation': '输入限制',
  'gap.print': '打印设置',
  'gap.printArea': '打印区域',
  'gap.chart': '图表',
  'gap.sheet': '工作表',
  totalsDeclared: (p: P) =>
    `表头标明总分 ${s(p, 'declared')} 分，各项标准分值合计 ${s(p, 'points')} 分（共 ${s(p, 'count')} 项）`,
  listColon: '：',
  sheetScore: (p: P) =>
    `${s(p, 'sheet')}：总分 ${s(p, 'total')} 分（各项满分合计 ${s(p, 'max')} 分${p.declared === '' ? '' : `，表头标明 ${s(p, 'declared')} 分`}）`,
  sheetVetoed: (p: P) => `${s(p, 'sheet')}：一票否决（${s(p, 'items')}），总分计 0 分`,
  rulesCounts: (p: P) =>
    `已确认 ${s(p, 'confirmed')} 项，待确认 ${s(p, 'open')} 项${Number(p.decide) > 0 ? `，其中 ${s(p, 'decide')} 项需要决定` : ''}`,
  rulesFilter: '显示',
  'rulesFilter.all': (p: P) => `全部（${s(p, 'count')}）`,
  'rulesFilter.decide': (p: P) => `需要决定（${s(p, 'count')}）`,
  'rulesFilter.edited': (p: P) => `已修改（${s(p, 'count')}）`,
  rulesSectionDecide: (p: P) => `${s(p, 'count')} 项需要决定`,
  rulesNoSection: '未分组的考核项',
  'rulesNeed.unread': '未能识别',
  'rulesNeed.unknown': '未写扣分办法',
  'rulesNeed.discretion': '酌情扣分',
  'rulesNeed.problem': '规则未改好',
  discretionAsk: '评分标准写的是酌情扣分：本工具不计算这一项的扣分，由考核人判断。请确认，或修改规则。',
  ruleProblemAsk: '这条规则还没改好，保存前请点“修改”改好它。',
  saveBlocked: (p: P) => `${s(p, 'count')} 项规则还没改好，改好后才能保存：${s(p, 'items')}。`,
  listSeparator: '、',
  /** Between fragments quoted from a 评分标准. */
  sourceSeparator: '；',
  rulesFilterEmpty: '没有符合的项。',
  // Score (评分)
  'step.score': '评分',
  scoreFollow: '在 Excel 中选中某项所在的行，这里就显示该项；也可以用“上一项”“下一项”。',
  scoreNoFollow: '此 Excel 不能把选中的单元格告诉窗格，请用“上一项”“下一项”选择考核项。',
  scorePrev: '上一项',
  scoreNext: '下一项',
  scoreProgress: (p: P) => `第 ${s(p, 'n')} 项，共 ${s(p, 'total')} 项；已评 ${s(p, 'scored')} 项`,
  scoreRule: '评分标准（本工具的理解）',
  scoreDirect: '扣分（分）',
  yes: '是',
  no: '否',
  notEntered: '未填',
  scoreBadNumber: '请填不小于 0 的数字。',
  scoreBadPercent: '请填 0 到 100 之间的数字。',
  scoreLive: (p: P) => `扣 ${s(p, 'deduction')} 分，得 ${s(p, 'score')} 分`,
  scoreLiveBonus: (p: P) => `扣 ${s(p, 'deduction')} 分，加 ${s(p, 'bonus')} 分，得 ${s(p, 'score')} 分`,
  scoreVeto: '一票否决：本表总分计 0 分。',
  scoreZeroed: '本项不得分。',
  scoreReason: '扣分原因',
  scoreNoReasonColumn: '表中没有“扣分原因”列，原因不会写入表格。',
  scorePickReason: '从评分标准中选一句作原因',
  scorePickReasonNone: '（选择一句）',
  scoreReplace: '点“确定”会替换表中现有的内容：',
  scoreReplaceCell: (p: P) => `${s(p, 'where')}：“${s(p, 'existing')}” 改为 “${s(p, 'planned')}”`,
  scoreConfirm: '确定',
  scoreSaving: '正在写入…',
  scoreSaved: (p: P) => `已写入“${s(p, 'item')}”：得 ${s(p, 'score')} 分。`,
  'scoreTarget.entries': '写入本项的录入列和扣分原因',
  'scoreTarget.deduction': '写入本项的“扣分”和“扣分原因”',
  'scoreTarget.score': '写入本项的“得分”和“扣分原因”',
  'scoreProblem.changed': '这一项在表中已有改动，未写入。已重新读取，请核对后再点“确定”。',
  'scoreProblem.noColumns': '表中没有“扣分”或“得分”列。请先在“写入”中写入一次（会添加这两列），再逐项评分。',
  'scoreProblem.bonusNeedsEntries':
    '本项有加分，而“得分”列是公式。请在“写入”中勾选“添加录入列”并写入，再评本项。',
  'scoreProblem.badInput': (p: P) => `“${s(p, 'what')}”填的不是有效的数，未写入。`,
  'scoreProblem.noItem': '找不到这一项，请重新读取。',
  // Faults
  'fault.title.noTable': '没有找到评分表',
  'fault.body.noTable':
    '工作簿中没有含“标准分值”和“评分标准”等列的表头。请打开含评分表（绩效考核细则）的工作簿，或检查表头文字后点“重新读取”。',
  'fault.title.protected': '工作表受保护',
  'fault.body.protected': (p: P) =>
    `工作表“${s(p, 'sheet')}”受保护，无法写入。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试；本次未写入任何内容。`,
  'fault.title.changed': '工作簿在预览后有改动',
  'fault.body.changed':
    '预览之后工作簿中有内容被修改，本次未写入任何内容。已重新读取并更新预览；请核对预览和需要确认覆盖的单元格后，再点“写入”。',
  'fault.title.interrupted': '写入未完成',
  'fault.body.interrupted': (p: P) =>
    `写入中途 Excel 报告错误（${s(p, 'code')}），写入停了下来。已写完：${s(p, 'written')}；写了一部分：${s(p, 'partly')}；未写入：${s(p, 'notWritten')}。已重新读取工作簿。点“继续写入”会按现在的内容补写其余部分，结果与一次写完相同；未勾选的单元格仍保持原样。`,
  'fault.none': '无',
  finishWrite: '继续写入',
  'fault.title.excelTooOld': 'Excel 版本过旧',
  'fault.title.noWorkbook': '没有打开的工作簿',
  'fault.title.host': 'Excel 报告错误',
  'fault.title.stepNotLoaded': '这一步没能打开',
  'fault.body.stepNotLoaded':
    '这一步的程序没能从网络取到（网络中断，或加载项刚刚更新）。工作簿未被改动。请检查网络后点“重新读取”；仍不行就关闭任务窗格再打开。',
  loadingStep: '正在打开这一步…',
  'fault.title.dictionaryNotLoaded': '繁体字没能转换',
  'fault.body.dictionaryNotLoaded':
    '这个工作簿里有繁体字，读它需要的繁简转换词典没能从网络取到（网络中断，或加载项刚刚更新），所以还没有识别。工作簿未被改动。请检查网络后点“重新读取”；仍不行就关闭任务窗格再打开。',
  'fault.body.startFailed': '评分表助手没能启动。请关闭任务窗格后再打开；如果反复出现，请报告此问题。',
  'fault.title.unexpected': '出现意外错误',
  'fault.body.unexpected':
    '操作没能完成，出了意料之外的问题。请点“重新读取”后重试；如果反复出现，请报告此问题。',
  // 汇总
  'summary.title': '汇总',
  'summary.intro':
    '把各单位（每张评分表一个单位）的小计、总分、一票否决、排名和扣分项数汇总到一张表，公式随各表填写自动更新。',
  'summary.create': (p: P) => `新建工作表“${s(p, 'name')}”`,
  'summary.replace': (p: P) => `替换本工具之前生成的“${s(p, 'name')}”`,
  'summary.units': (p: P) => `共 ${s(p, 'count')} 个单位`,
  'summary.apply': '生成汇总',
  'summary.reapply': '重新生成汇总',
  'summary.done': '汇总已生成。单位增减或扣分项变化后请重新生成；红色、黄色标记也在重新生成时更新。',
  'summary.noChart': '当前 Excel 版本不支持通过插件添加图表，汇总中没有柱形图。',
  'summary.failed': '生成汇总失败：',
  'summary.notRead': '请先读取工作簿。',
  'summary.slips': '生成结果通知单（每个单位一页，可直接打印用于公示）',
  'summary.combine': '同一单位有几位考核人的评分表时：',
  'summary.mean': '取平均分',
  'summary.trimmed': '去掉一个最高分和一个最低分后取平均（不足 3 人时取平均）',
  'summary.weighted': '按权重加权平均',
  'summary.weights': '各考核人的权重，如“张三=2,李四=1”（未填的为 1）',
  'summary.weightsHint': (p: P) => `本工作簿的考核人：${s(p, 'names')}`,
  'summary.weightsBad': (p: P) =>
    `无法读取“${s(p, 'part')}”：请写成“考核人=权重”，用逗号分隔，权重为正数，每位考核人只写一次。`,
  'summary.weightsUnknown': (p: P) =>
    `没有名为“${s(p, 'name')}”的考核人（本工作簿的考核人：${s(p, 'names')}）。`,
  'summary.grades': '等次分数线（可选，替代评分表说明中的分数线），如“优秀:90,良好:80,合格:60,不合格”',
  'summary.gradesBad': (p: P) =>
    `无法读取“${s(p, 'part')}”：请写成“等次:最低分”，用逗号分隔，最低一档可不写分数，如“优秀:90,良好:80,合格:60,不合格”；每个等次、每个分数只能出现一次。`,
  'summary.quota': '等次名额（可选），如“优秀:3”或“优秀:30%”',
  'summary.quotaCount': (p: P) => `名额个数应为 1 或以上的整数，如“优秀:3”（收到“${s(p, 'part')}”）。`,
  'summary.quotaShare': (p: P) => `名额比例应大于 0、不超过 100%，如“优秀:30%”（收到“${s(p, 'part')}”）。`,
  'summary.quotaBad': (p: P) =>
    `无法读取“${s(p, 'part')}”：请写成“等次:个数”或“等次:百分比%”，如“优秀:3”或“优秀:30%”。`,
  'summary.ranked': '排名',
  'summary.unitLine': (p: P) => `${s(p, 'name')}：总分 ${s(p, 'total')}，排名 ${s(p, 'rank')}`,
  'summary.notReadyTitle': (p: P) => `未就绪的单位 ${s(p, 'count')} 个（改正前排名显示为“—”）`,
  'summary.notReadyLine': (p: P) => `${s(p, 'name')}：总分 ${s(p, 'total')}（暂定），排名 —，${s(p, 'why')}`,
  'summary.missingTitle': (p: P) => `名单中未找到评分表的单位 ${s(p, 'count')} 个`,
  'summary.missingLine': (p: P) =>
    s(p, 'maybe') ? `${s(p, 'name')}（可能是：${s(p, 'maybe')}）` : s(p, 'name'),
  'summary.noPrint':
    '当前版本不能通过插件设置打印格式：汇总表的打印区域、每页重复的表头行和“纸张 A4、适合一页宽”未设置，打印前请在“页面布局”中设置（表格内容与签字栏已写好）。',
  'summary.noBreaks':
    '当前 Excel 版本不能通过插件设置分页符：结果通知单已生成，但各单位之间没有分页，打印前请在“页面布局 → 分隔符”中插入分页符。',
} satisfies Record<string, string | ((p: P) => string)> &
  Record<`kind.${TermKind}`, string> &
  Record<`op.${WriteOp['op']}`, string> &
  Record<`gap.${UndoGapKind}`, string>;
