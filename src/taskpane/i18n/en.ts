/** Task pane UI strings (English), with the same keys as the zh-CN catalogue. */
import { PARAM_LIST_SEP } from '../../core/rubric';
import { kindLabels } from '../../core/rules/kinds';
import type { UiCatalogue } from './index';

type P = Record<string, string | number>;
const s = (p: P, k: string): string => String(p[k] ?? '');
/** "1 item", "2 items": the count with the word in the number it needs. */
const many = (p: P, k: string, one: string, other: string): string =>
  `${s(p, k)} ${Number(p[k]) === 1 ? one : other}`;
/** The parts of a list parameter (see PARAM_LIST_SEP). */
const parts = (p: P, k: string): string[] => s(p, k).split(PARAM_LIST_SEP);
/** "a", "a and b", "a, b and c". */
const list = (parts: string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
/** "1 point", "2 points", "0.5 points". */
const pts = (p: P, k: string): string => `${s(p, k)} ${Number(p[k]) === 1 ? 'point' : 'points'}`;

/** What a write does to one sheet, in counts (sheetPlan, sheetWritten). */
function writtenParts(p: P): string[] {
  return [
    Number(p.score) > 0 ? many(p, 'score', 'score formula', 'score formulas') : '',
    Number(p.totals) > 0 ? many(p, 'totals', 'subtotal or total', 'subtotals and totals') : '',
    Number(p.texts) > 0 ? many(p, 'texts', 'column header or text', 'column headers and texts') : '',
    Number(p.settings) > 0 ? many(p, 'settings', 'format or input limit', 'formats and input limits') : '',
  ].filter(Boolean);
}

export const en: UiCatalogue = {
  appTitle: 'Rubric Scorer',
  language: 'Language',
  switchLanguage: '中文',
  loading: 'Reading the workbook…',
  reload: 'Read again',
  dismiss: 'Dismiss',
  'step.detect': 'Detect',
  'step.rules': 'Rules',
  'step.check': 'Check',
  'step.write': 'Write',
  'step.summary': 'Summary',
  sheetPicker: 'Rubric sheet',
  structure: 'Table structure',
  declaredTotal: (p: P) => `The header declares ${pts(p, 'points')}`,
  itemsTotal: (p: P) => `Items add up to ${pts(p, 'points')} over ${many(p, 'count', 'item', 'items')}`,
  groupPoints: (p: P) =>
    p.declared === '' ? `sum ${pts(p, 'sum')}` : `declared ${pts(p, 'declared')}, items sum ${pts(p, 'sum')}`,
  pointsMismatch: 'Points differ',
  itemPoints: (p: P) => (p.points === '' ? 'no points' : pts(p, 'points')),
  integrity: 'Rubric self-check',
  integrityClean: 'Points and numbering are consistent.',
  skippedSheets: 'Sheets not read as rubrics',
  'skipped.empty': 'The sheet is empty.',
  'skipped.hidden': 'Hidden sheet.',
  'skipped.noHeader': (p: P) =>
    `No rubric header found (a row naming a points column such as 标准分值 beside columns such as 评分标准 or 考核项目).${p.row === undefined ? '' : ` The nearest is row ${s(p, 'row')}: ${parts(p, 'headers').join(', ')}.`}`,
  'skipped.noPoints': (p: P) =>
    `Row ${s(p, 'row')} reads like a header (${parts(p, 'headers').join(', ')}), but there is no points column and no text states the items' points. This is not a points rubric.`,
  'skipped.sanctions': (p: P) =>
    `Row ${s(p, 'row')} reads like a header (${parts(p, 'headers').join(', ')}), but there is no points column: ${list(parts(p, 'sanctionHeaders').map((h) => `"${h}"`))} holds sanctions such as ${parts(p, 'sanctions').join(', ')}, not points. This is not a points rubric.`,
  'skipped.noScoredRows': (p: P) =>
    `Row ${s(p, 'row')} is a header (${parts(p, 'headers').join(', ')}), but none of the ${s(p, 'rows')} rows under it states points${p.pointsHeader ? ` (the "${s(p, 'pointsHeader')}" column is empty)` : ''}. To score it, fill in each item's points first.`,
  'skipped.productSheet': "This tool's own data sheet.",
  rulesIntro:
    "Each item's 评分标准 as written, and how this tool reads it. Correct a reading here; saved rules are stored in the workbook so everyone who opens it sees the same rules.",
  sourceText: 'As written',
  plainWords: 'How it is read',
  noCriteria: '(no scoring rule)',
  unreadAsk: (p: P) =>
    `This text could not be read as a scoring rule: "${s(p, 'text')}". Confirm the reading below or edit the rule.`,
  unknownAsk: 'The rule does not say how to deduct. Choose: the assessor decides, or edit the rule.',
  overriddenBadge: 'Edited',
  editedBadge: 'Unsaved',
  edit: 'Edit',
  doneEditing: 'Done',
  acceptAsRead: 'Keep this reading',
  useDiscretion: 'Assessor decides',
  resetRule: 'Back to detected rule',
  addTerm: 'Add a term',
  removeTerm: 'Remove this term',
  termKind: 'Kind',
  amount: 'Points',
  unit: 'Unit',
  required: 'Required count',
  target: 'Target (%)',
  step: 'Per (percentage points)',
  maxBonus: 'At most',
  what: 'Description',
  scope: 'Scope',
  'scope.item': 'This item',
  'scope.assessment': 'Whole assessment',
  cap: 'Deduction limit',
  'cap.item': "Up to the item's points",
  'cap.explicit': 'At most',
  'cap.none': 'No limit (may go below zero)',
  capAmount: 'Limit in points',
  min: 'Least off',
  max: 'Most off',
  limit: 'At most off for this',
  steps: 'Heavier after the first',
  after: 'Units at the amount',
  later: 'Each further unit',
  extraOnce: 'Extra once a total is reached',
  extraAt: 'Once this reaches',
  extra: 'Extra off',
  effect: 'Consequence',
  bands: 'Bands',
  'unit.%': '% (a rate)',
  'unit.分': 'points (a sub-score)',
  'problem.rangeMinAboveMax': (p: P) =>
    `The least deduction (${s(p, 'min')}) is more than the most (${s(p, 'max')}): correct one of them.`,
  'problem.groupIncomplete': (p: P) => `Fill in both fields of "${s(p, 'group')}", or leave both empty.`,
  saveRules: (p: P) => `Save rules (${s(p, 'count')})`,
  savingRules: 'Saving rules…',
  rulesSaved: 'Rules saved in the workbook.',
  nothingToSave: 'No changes to save.',
  ...kindLabels('en'),
  recheck: 'Check again',
  counts: (p: P) =>
    `${many(p, 'error', 'error', 'errors')}, ${many(p, 'warning', 'warning', 'warnings')}, ${many(p, 'info', 'note', 'notes')}`,
  'severity.error': 'Errors',
  'severity.warning': 'Warnings',
  'severity.info': 'Notes',
  allClearTitle: 'Ready to submit',
  allClearBody: 'No errors or warnings found.',
  alsoOn: (p: P) => ` (also on ${s(p, 'sheets')})`,
  goToCell: (p: P) => `Go to ${s(p, 'where')}`,
  sheetTotal: (p: P) => `${s(p, 'sheet')}: total ${s(p, 'total')} / ${s(p, 'max')}`,
  writeIntro: 'Writes score formulas, totals and entry limits into the table. Review the preview first.',
  entryColumns: 'Add entry columns (type counts, deductions are computed)',
  writeSheets: 'Sheets to write',
  preview: (p: P) => `Preview: ${s(p, 'count')} operations`,
  previewEmpty: 'Nothing to write.',
  colOp: 'Operation',
  colWhere: 'Where',
  colContent: 'Content',
  page: (p: P) => `Page ${s(p, 'page')} of ${s(p, 'pages')}`,
  prevPage: 'Previous page',
  nextPage: 'Next page',
  'op.formula': 'Formula',
  'op.value': 'Value',
  'op.numberFormat': 'Number format',
  'op.validation': 'Entry limit',
  'op.fill': 'Fill',
  'op.font': 'Font',
  'op.merge': 'Merge',
  'op.unmerge': 'Unmerge',
  'op.columnWidth': 'Column width',
  'op.note': 'Note',
  'op.chart': 'Chart',
  'op.addSheet': 'Add sheet',
  'op.deleteSheet': 'Delete sheet',
  'op.clearValidation': 'Remove entry limit',
  'op.hideColumns': 'Hide columns',
  'op.printArea': 'Print area',
  'op.printTitles': 'Print titles',
  'op.pageSetup': 'Page setup',
  conflictsTitle: 'Cells with content the write would replace',
  conflictsBody: (p: P) =>
    `${s(p, 'count')} cells already hold content (typed numbers or edited formulas) that the write would replace. Tick the cells to overwrite (restore the formula); unticked cells are left as they are.`,
  conflictLabel: (p: P) => `${s(p, 'where')}: now "${s(p, 'existing')}" → write "${s(p, 'planned')}"`,
  overwriteAll: 'Overwrite all',
  chooseCells: (p: P) => `Choose cell by cell (${many(p, 'count', 'cell', 'cells')})`,
  sheetPlan: (p: P) => {
    const what = writtenParts(p);
    const cells = [
      Number(p.replace) > 0
        ? `${many(p, 'replace', 'cell already filled in (a typed score or an edited formula) will be replaced', 'cells already filled in (typed scores or edited formulas) will be replaced')}`
        : '',
      Number(p.keep) > 0 ? `${many(p, 'keep', 'filled-in cell is kept', 'filled-in cells are kept')}` : '',
    ].filter(Boolean);
    const head = what.length > 0 ? `writes ${list(what)}` : 'nothing to write';
    return `${s(p, 'sheet')}: ${head}${cells.length > 0 ? `; ${cells.join(', ')}` : ''}.`;
  },
  sheetWritten: (p: P) => {
    const what = writtenParts(p);
    const cells = [
      Number(p.replace) > 0 ? `${many(p, 'replace', 'filled-in cell', 'filled-in cells')} replaced` : '',
      Number(p.keep) > 0 ? `${many(p, 'keep', 'filled-in cell', 'filled-in cells')} kept` : '',
    ].filter(Boolean);
    const head = what.length > 0 ? `wrote ${list(what)}` : 'nothing written';
    return `${s(p, 'sheet')}: ${head}${cells.length > 0 ? `; ${cells.join(', ')}` : ''}.`;
  },
  sheetReplace: (p: P) => `Replace what is filled in on ${s(p, 'sheet')} (${s(p, 'count')})`,
  conflictValue: (p: P) =>
    `${s(p, 'where')}: now ${s(p, 'existing') === '' ? 'empty' : `"${s(p, 'existing')}"`}, after the write "${s(p, 'planned')}"`,
  conflictValidation: (p: P) => `${s(p, 'where')}: has its own input limit, replaced by this tool's`,
  plannedByFormula: 'the formula result',
  opDetails: (p: P) => `Formulas and operations in detail (${s(p, 'count')})`,
  leftToFix: (p: P) => {
    const found = [
      Number(p.errors) > 0 ? many(p, 'errors', 'error', 'errors') : '',
      Number(p.warnings) > 0 ? many(p, 'warnings', 'warning', 'warnings') : '',
    ].filter(Boolean);
    return `Still to fix: ${s(p, 'sheet')} has ${list(found)}; see Check.`;
  },
  leftNone: 'No errors or warnings left on any sheet.',
  changedCells: (p: P) =>
    `${many(p, 'count', 'cell was', 'cells were')} edited after the preview; the preview was made again from what is there now:`,
  changedCell: (p: P) =>
    `${s(p, 'where')}: was ${s(p, 'was') === '' ? 'empty' : `"${s(p, 'was')}"`}, now ${s(p, 'now') === '' ? 'empty' : `"${s(p, 'now')}"`}`,
  write: 'Write',
  writing: (p: P) => `Writing… ${s(p, 'done')} / ${s(p, 'total')}`,
  writeDone: 'Written.',
  skippedFeature: (p: P) =>
    `This Excel does not support ${s(p, 'feature')}; ${s(p, 'count')} operations were skipped.`,
  noSheetSelected: 'Select at least one sheet.',
  undoWrite: 'Undo the write',
  undoing: 'Undoing the write…',
  undoDone: (p: P) => `The write is undone: ${many(p, 'count', 'cell', 'cells')} restored.`,
  undoConflicts: (p: P) =>
    `${many(p, 'count', 'cell was', 'cells were')} edited after the write; the undo left them as you typed them:`,
  undoConflictCell: (p: P) => `${s(p, 'where')}: now "${s(p, 'existing')}"`,
  undoGaps: 'These cannot be restored and stay as the write left them:',
  undoGap: (p: P) => `${s(p, 'sheet')}: ${s(p, 'kind')} (${s(p, 'count')})`,
  'gap.format': 'fill and font',
  'gap.numberFormat': 'number formats',
  'gap.columnWidth': 'column widths',
  'gap.merge': 'merged cells',
  'gap.hiddenColumns': 'columns hidden or shown',
  'gap.note': 'notes',
  'gap.validation': 'entry limits',
  'gap.print': 'print settings',
  'gap.printArea': 'print area',
  'gap.chart': 'charts',
  'gap.sheet': 'sheets',
  totalsDeclared: (p: P) =>
    `The header declares ${pts(p, 'declared')}; the items add up to ${pts(p, 'points')} (${many(p, 'count', 'item', 'items')})`,
  listColon: ': ',
  sheetScore: (p: P) =>
    `${s(p, 'sheet')}: total ${s(p, 'total')} of ${pts(p, 'max')}${p.declared === '' ? '' : ` (the header declares ${s(p, 'declared')})`}`,
  sheetVetoed: (p: P) => `${s(p, 'sheet')}: vetoed (${s(p, 'items')}), total 0`,
  rulesCounts: (p: P) => {
    const open = Number(p.open);
    const decide = Number(p.decide);
    const which =
      open === 1
        ? 'which needs a decision'
        : `${decide} of them ${decide === 1 ? 'needs' : 'need'} a decision`;
    return `${many(p, 'confirmed', 'item', 'items')} confirmed, ${open} open${decide > 0 ? `, ${which}` : ''}`;
  },
  rulesFilter: 'Show',
  'rulesFilter.all': (p: P) => `All (${s(p, 'count')})`,
  'rulesFilter.decide': (p: P) => `To decide (${s(p, 'count')})`,
  'rulesFilter.edited': (p: P) => `Changed (${s(p, 'count')})`,
  rulesSectionDecide: (p: P) => `${s(p, 'count')} to decide`,
  rulesNoSection: 'Items outside any section',
  'rulesNeed.unread': 'Not understood',
  'rulesNeed.unknown': 'No deduction rule',
  'rulesNeed.discretion': 'At discretion',
  'rulesNeed.problem': 'Rule incomplete',
  discretionAsk:
    'The rule leaves the deduction to the assessor: the tool does not compute it for this item. Confirm, or edit the rule.',
  ruleProblemAsk: 'This rule is not complete yet: choose "Edit" and fix it before saving.',
  saveBlocked: (p: P) =>
    `${many(p, 'count', 'rule is', 'rules are')} not complete yet; fix ${Number(p.count) === 1 ? 'it' : 'them'} to save: ${s(p, 'items')}.`,
  listSeparator: ', ',
  sourceSeparator: '; ',
  rulesFilterEmpty: 'No items match.',
  // Score (评分)
  'step.score': 'Score',
  scoreFollow: 'Select a row of an item in Excel to show it here, or use Previous and Next.',
  scoreNoFollow:
    'This Excel cannot tell the pane which cell is selected: use Previous and Next to choose an item.',
  scorePrev: 'Previous',
  scoreNext: 'Next',
  scoreProgress: (p: P) =>
    `Item ${s(p, 'n')} of ${s(p, 'total')}; ${s(p, 'scored')} ${p.scored === 1 ? 'item' : 'items'} scored`,
  scoreRule: 'Scoring rule (as read)',
  scoreDirect: 'Deduction (points)',
  yes: 'Yes (是)',
  no: 'No (否)',
  notEntered: 'Not entered',
  scoreBadNumber: 'Enter a number of 0 or more.',
  scoreBadPercent: 'Enter a number from 0 to 100.',
  scoreLive: (p: P) => `${pts(p, 'deduction')} off, score ${s(p, 'score')}`,
  scoreLiveBonus: (p: P) => `${pts(p, 'deduction')} off, ${pts(p, 'bonus')} added, score ${s(p, 'score')}`,
  scoreVeto: 'Veto: this sheet totals 0.',
  scoreZeroed: 'This item scores 0.',
  scoreReason: 'Reason for the deduction',
  scoreNoReasonColumn: 'The table has no reason column: the reason is not written.',
  scorePickReason: 'Use a sentence of the rule as the reason',
  scorePickReasonNone: '(choose one)',
  scoreReplace: 'OK replaces what the table holds now:',
  scoreReplaceCell: (p: P) => `${s(p, 'where')}: "${s(p, 'existing')}" becomes "${s(p, 'planned')}"`,
  scoreConfirm: 'OK',
  scoreSaving: 'Writing…',
  scoreSaved: (p: P) => `Written: ${s(p, 'item')} scores ${s(p, 'score')}.`,
  'scoreTarget.entries': "Writes the item's entry cells and reason",
  'scoreTarget.deduction': "Writes the item's deduction and reason",
  'scoreTarget.score': "Writes the item's score and reason",
  'scoreProblem.changed':
    'This item changed in the table, so nothing was written. The workbook was read again: check and press OK again.',
  'scoreProblem.noColumns':
    'The table has no deduction or score column. Write once in Write (it adds them), then score item by item.',
  'scoreProblem.bonusNeedsEntries':
    'This item adds a bonus and its score cell holds a formula. Turn on entry columns in Write and write, then score this item.',
  'scoreProblem.badInput': (p: P) => `Not a valid number for "${s(p, 'what')}"; nothing was written.`,
  'scoreProblem.noItem': 'This item was not found: read the workbook again.',
  'fault.title.noTable': 'No rubric table found',
  'fault.body.noTable':
    'No sheet has a header with columns such as 标准分值 and 评分标准. Open the workbook that holds the rubric (绩效考核细则), or check the header text, then choose "Read again".',
  'fault.title.protected': 'The sheet is protected',
  'fault.body.protected': (p: P) =>
    `Sheet "${s(p, 'sheet')}" is protected. Unprotect it (Review → Unprotect Sheet) and try again; nothing was written.`,
  'fault.title.changed': 'The workbook changed after the preview',
  'fault.body.changed':
    'Something in the workbook was edited after the preview, so nothing was written. The workbook was read again and the preview updated; check it and the cells to confirm, then choose "Write" again.',
  'fault.title.interrupted': 'The write did not finish',
  'fault.body.interrupted': (p: P) =>
    `Excel reported an error (${s(p, 'code')}) in the middle of the write, and it stopped. Written: ${s(p, 'written')}; written in part: ${s(p, 'partly')}; not written: ${s(p, 'notWritten')}. The workbook was read again. "Finish writing" writes the rest from what is there now, giving the same result as one whole write; unticked cells still stay as they are.`,
  'fault.none': 'none',
  finishWrite: 'Finish writing',
  'fault.title.excelTooOld': 'Excel is too old for this',
  'fault.title.noWorkbook': 'No workbook is open',
  'fault.title.host': 'Excel reported an error',
  'fault.title.stepNotLoaded': 'This step could not be opened',
  'fault.body.stepNotLoaded':
    'The code of this step could not be fetched (the network dropped, or the add-in was just updated). Nothing in the workbook was changed. Check the network and choose "Read again"; if that does not help, close the task pane and open it again.',
  loadingStep: 'Opening this step…',
  'fault.title.dictionaryNotLoaded': 'Traditional characters could not be converted',
  'fault.body.dictionaryNotLoaded':
    'This workbook has traditional Chinese characters, and the dictionary needed to read them could not be fetched (the network dropped, or the add-in was just updated), so it has not been read yet. Nothing in the workbook was changed. Check the network and choose "Read again"; if that does not help, close the task pane and open it again.',
  'fault.body.startFailed':
    'Rubric Scorer could not start. Close the task pane and open it again; if it keeps happening, please report it.',
  'fault.title.unexpected': 'Something went wrong',
  'fault.body.unexpected':
    'The operation did not finish: something unforeseen went wrong. Choose "Read again" and retry; if it keeps happening, please report it.',
  // Summary
  'summary.title': 'Summary',
  'summary.intro':
    "One sheet with every unit's subtotals, total, veto, rank and number of deductions (one rubric sheet per unit); its formulas follow the units' sheets as they are filled in.",
  'summary.create': (p: P) => `Create sheet "${s(p, 'name')}"`,
  'summary.replace': (p: P) => `Replace "${s(p, 'name')}", generated earlier by this tool`,
  'summary.units': (p: P) => many(p, 'count', 'unit', 'units'),
  'summary.apply': 'Create summary',
  'summary.reapply': 'Regenerate summary',
  'summary.done':
    'The summary is ready. Regenerate it when units or deductions are added; the red and yellow marks are refreshed then too.',
  'summary.noChart': 'This Excel cannot add charts from an add-in: the summary has no bar chart.',
  'summary.failed': 'Could not create the summary: ',
  'summary.notRead': 'Read the workbook first.',
  'summary.slips': 'Create result slips (one printable page per unit, for posting)',
  'summary.combine': 'A unit scored by several assessors:',
  'summary.mean': 'their mean',
  'summary.trimmed': 'the mean without the highest and the lowest (the mean with fewer than 3)',
  'summary.weighted': 'the weighted mean',
  'summary.weights': 'Weight of each assessor, e.g. "张三=2,李四=1" (others 1)',
  'summary.weightsHint': (p: P) => `Assessors in this workbook: ${s(p, 'names')}`,
  'summary.weightsBad': (p: P) =>
    `Could not read "${s(p, 'part')}": write "assessor=weight" pairs separated by commas, each weight positive, each assessor once.`,
  'summary.weightsUnknown': (p: P) =>
    `No assessor is named "${s(p, 'name')}" (assessors in this workbook: ${s(p, 'names')}).`,
  'summary.grades':
    'Grade thresholds (optional, over the rubric notes\' ones), e.g. "优秀:90,良好:80,合格:60,不合格"',
  'summary.gradesBad': (p: P) =>
    `Could not read "${s(p, 'part')}": write "grade:minimum" pairs separated by commas, the lowest without a number, e.g. "优秀:90,良好:80,合格:60,不合格"; each grade and each minimum once.`,
  'summary.quota': 'Grade quota (optional), e.g. "优秀:3" or "优秀:30%"',
  'summary.quotaCount': (p: P) =>
    `A count of units must be a whole number, 1 or more, e.g. "优秀:3" (got "${s(p, 'part')}").`,
  'summary.quotaShare': (p: P) =>
    `A share must be above 0% and at most 100%, e.g. "优秀:30%" (got "${s(p, 'part')}").`,
  'summary.quotaBad': (p: P) =>
    `Could not read "${s(p, 'part')}": write "grade:count" or "grade:share%", e.g. "优秀:3" or "优秀:30%".`,
  'summary.ranked': 'Ranking',
  'summary.unitLine': (p: P) => `${s(p, 'name')}: total ${s(p, 'total')}, rank ${s(p, 'rank')}`,
  'summary.notReadyTitle': (p: P) =>
    `${many(p, 'count', 'unit', 'units')} not ready (rank shown as "—" until fixed)`,
  'summary.notReadyLine': (p: P) =>
    `${s(p, 'name')}: total ${s(p, 'total')} (provisional), rank —, ${s(p, 'why')}`,
  'summary.missingTitle': (p: P) =>
    `${many(p, 'count', 'unit', 'units')} on the roster without a rubric sheet`,
  'summary.missingLine': (p: P) =>
    s(p, 'maybe') ? `${s(p, 'name')} (perhaps: ${s(p, 'maybe')})` : s(p, 'name'),
  'summary.noPrint':
    "This version cannot set print settings from an add-in: the summary's print area, the header row repeated on each page and A4 fitted to one page wide were not set; set them under Page Layout before printing (the table and the signature line are written).",
  'summary.noBreaks':
    'This Excel cannot set page breaks from an add-in: the result slips were written without breaks between units; insert them under Page Layout → Breaks before printing.',
};
