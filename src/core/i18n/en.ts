/** English message catalogue, keyed like the Chinese one. */
import type { IssueCode, IssueParams } from '../issues';
import { PARAM_LIST_SEP } from '../rubric';

type P = IssueParams;
const s = (p: P, k: string): string => String(p[k] ?? '');
/** A list parameter (see PARAM_LIST_SEP), joined with commas, or each part in quotes. */
const list = (p: P, k: string): string => s(p, k).split(PARAM_LIST_SEP).join(', ');
const quoted = (p: P, k: string): string =>
  s(p, k)
    .split(PARAM_LIST_SEP)
    .map((x) => `"${x}"`)
    .join(', ');
const col = (p: P): string =>
  p.column === '扣分' ? 'Deduction' : p.column === '得分' ? 'Score' : s(p, 'column');

export const en: Record<IssueCode, (p: P) => string> = {
  notANumber: (p) =>
    p.suggestion !== undefined
      ? `${col(p)} holds "${s(p, 'found')}", which is not a number. Enter ${s(p, 'suggestion')} instead (digits only, no "分").`
      : `${col(p)} holds "${s(p, 'found')}", which is not a number. Enter a number such as 0.5.`,
  scoreAbovePoints: (p) =>
    `Score ${s(p, 'value')} is above the item's ${s(p, 'points')} points. Check it; at most ${s(p, 'max')}.`,
  deductionAboveCap: (p) =>
    p.capKind === 'explicit'
      ? `Deduction ${s(p, 'value')} is above the rule's limit of ${s(p, 'cap')} points. Enter at most ${s(p, 'cap')}.`
      : `Deduction ${s(p, 'value')} is above the item's ${s(p, 'points')} points (deductions stop at the item's points). Enter at most ${s(p, 'cap')}.`,
  belowZero: (p) =>
    `Score ${s(p, 'value')} is below zero, but this item cannot go negative. Enter a score between 0 and ${s(p, 'points')}.`,
  negativeDeduction: (p) =>
    `Deduction ${s(p, 'value')} is negative. Enter deductions as positive numbers (0.5 for half a point off).`,
  notStepMultiple: (p) =>
    `Deduction ${s(p, 'value')} is not a whole number of ${s(p, 'step')}-point steps. Recount and recompute.`,
  scoreDeductionMismatch: (p) =>
    `Score ${s(p, 'score')} does not match deduction ${s(p, 'deduction')}: ${s(p, 'points')} points less ${s(p, 'deduction')} gives ${s(p, 'expected')}. Correct one of them.`,
  reasonMissing: (p) =>
    `"${s(p, 'item')}" has a deduction but no reason. Write the reason in the reason column.`,
  entryMissing: (p) => `"${s(p, 'item')}" has no entry while other items do. Enter 0 if nothing is deducted.`,
  vetoFired: (p) =>
    `"${s(p, 'item')}" triggers a veto${p.reason ? ` (${s(p, 'reason')})` : ''}: the sheet's total is 0. Confirm before submitting.`,
  bonusAboveMax: (p) =>
    `${p.item ? `"${s(p, 'item')}": score` : 'Score'} ${s(p, 'value')} is above the most the item can score, ${s(p, 'max')} (its ${s(p, 'points')} points plus the largest bonus its rule states), and is counted as ${s(p, 'max')}. Check the bonus and enter at most ${s(p, 'max')}.`,
  entryWithoutPoints: (p) =>
    `"${s(p, 'item')}" has no points stated, so the ${s(p, 'value')} typed in ${s(p, 'column')} is not counted in the total. Fill in the item's points first, or clear this cell.`,
  formulaOverwritten: (p) =>
    `This cell held the formula ${s(p, 'formula')} and now holds "${s(p, 'found')}". Restore the formula from Write, or confirm the typed value.`,
  inputNotRead: (p) =>
    p.expected === 'yesNo'
      ? `${s(p, 'column')} holds "${s(p, 'found')}", which the formulas cannot read (counted as not entered). Enter 是 or 否.`
      : `${s(p, 'column')} holds "${s(p, 'found')}", which the formulas cannot read (counted as not entered). Enter a number${p.suggestion !== undefined ? ` such as ${s(p, 'suggestion')}` : ''}.`,
  entryOutsideRange: (p) =>
    `${s(p, 'column')} holds ${s(p, 'value')}, outside the ${s(p, 'min')} to ${s(p, 'max')} points the rule of "${s(p, 'item')}" allows, and is counted as ${s(p, 'counted')}. Enter a deduction from ${s(p, 'min')} to ${s(p, 'max')} (0 if it did not happen).`,
  tableChanged: (p) =>
    `Since the last write the table went from ${s(p, 'before')} to ${s(p, 'now')} rows (rows inserted or deleted). Write again to renew the formulas, and check the conflicts listed.`,
  totalMismatch: (p) =>
    `The total reads ${s(p, 'found')} but the item scores add up to ${s(p, 'expected')}. Enter ${s(p, 'expected')} or write the total formula.`,
  pointsSumMismatch: (p) =>
    `"${s(p, 'group')}" declares ${s(p, 'declared')} points but its items add up to ${s(p, 'sum')}. Check for missing items or wrong points.`,
  totalNot100: (p) =>
    `The items' points add up to ${s(p, 'sum')}, not 100. Check for missing items or wrong points.`,
  declaredTotalMismatch: (p) =>
    `The header declares ${s(p, 'declared')} points but the items add up to ${s(p, 'sum')}. Check for missing items or wrong points.`,
  numberingGap: (p) =>
    `Numbering jumps from ${s(p, 'before')} to ${s(p, 'after')}: item ${s(p, 'missing')} is missing. Check for a lost item.`,
  ruleUnread: (p) =>
    `In "${s(p, 'item')}", "${s(p, 'text')}" could not be read as a scoring rule. Confirm or edit it under Rules.`,
  ruleUnknown: (p) =>
    `"${s(p, 'item')}" says no way of deducting points; it is scored at the assessor's discretion. Confirm under Rules.`,
  pointsMissing: (p) =>
    p.found
      ? `The points of "${s(p, 'item')}" read "${s(p, 'found')}", not a number. Enter a number.`
      : `"${s(p, 'item')}" has no points. Enter them.`,
  maxUndecided: (p) =>
    `${s(p, 'count')} more ${p.count === 1 ? 'item states' : 'items state'} no points (${s(p, 'cells').split('、').join(', ')}${p.more ? ', …' : ''}), so the sheet's maximum is not known${p.max ? `: the ${s(p, 'max')} shown is only the other items' points added up` : ''}. Fill in those items' points.`,
  criteriaNotFound: (p) =>
    `No 评分标准 (criteria) column found; the rules were read from "${s(p, 'from')}". Check each rule under Rules.`,
  columnByContent: (p) =>
    `The header "${s(p, 'header')}" is not a usual name for a criteria column, but the column states how points are deducted or given, so it was read as the criteria.`,
  pointsFromText: (p) =>
    `No points column: the points of ${s(p, 'count')} items were taken from the text of "${s(p, 'from')}" (such as "（2分）" or "得2分"). Check each item's points.`,
  pointsByRole: (p) =>
    `The points are split by role: the "${s(p, 'scored')}" column is scored; "${s(p, 'others')}" were read but are not scored on this sheet.`,
  pointsScheme: (p) =>
    ({
      base: `A base-score table: base ${s(p, 'base')} points (read from the "基本分" ${p.at ? `stated at ${s(p, 'at')}` : 'the table states'}), items add or deduct${p.max ? `, at most ${s(p, 'max')}` : '; the table states no maximum'}. The total is base + bonuses − deductions${p.max ? ', capped at the maximum' : ''}; items have no points of their own, so the sum of points is not checked.`,
      bonus: `Every item only adds points (such as "+5"${p.at ? `, in the column of ${s(p, 'at')}` : ''}), so the sum of points is not checked. The total is the sum of the bonuses awarded${p.max ? `, at most ${s(p, 'max')}` : ''}.`,
      demerit: `A list of points charged per occurrence${p.at ? ` (points in the column of ${s(p, 'at')})` : ''}: each item's points are what one occurrence costs; there is no total, so the sum of points is not checked.`,
    })[s(p, 'scheme')] ??
    `The table is not scored as a sum of item points (${s(p, 'scheme')}); the sum of points is not checked.`,
  vetoColumn: (p) =>
    `The ${s(p, 'count')} items marked 是 in "${s(p, 'header')}" are vetoes: when one happens, the sheet's total is 0.`,
  maxAlternatives: (p) =>
    `The items add up to ${s(p, 'sum')} points, more than any one assessed unit can score: ${s(p, 'count')} of the parts are for different units, each unit takes only one of them, and a unit's maximum is ${s(p, 'unit')}. A maximum and total counted out of ${s(p, 'sum')} belong to no unit; choose for each assessed unit the parts it is scored on, and score only those.`,
  pointsAlternatives: (p) =>
    `Under "${s(p, 'group')}", each of ${s(p, 'count')} parts carries ${s(p, 'each')} points and each assessed unit takes one of them, so their sum is not checked.`,
  sheetSkipped: (p) =>
    ({
      empty: 'The sheet is empty; skipped.',
      hidden: 'Hidden sheet; skipped.',
      productSheet: "This tool's own data sheet; skipped.",
      noHeader: `No rubric header found (a row naming a points column such as 标准分值 beside columns such as 评分标准, 考核项目 or 考核内容); skipped.${p.row === undefined ? '' : ` The nearest is row ${s(p, 'row')}: ${list(p, 'headers')}.`}`,
      noPoints: `Row ${s(p, 'row')} reads like a header (${list(p, 'headers')}), but the table gives no points: no column holds the items' points, and no text states them (such as "（2分）" or "得2分"). This is not a points rubric; skipped.`,
      sanctions: `Row ${s(p, 'row')} reads like a header (${list(p, 'headers')}), but the table has no points column: ${quoted(p, 'sanctionHeaders')} holds sanctions such as ${list(p, 'sanctions')}, not points. This is not a points rubric; skipped.`,
      noScoredRows: `Row ${s(p, 'row')} is a header (${list(p, 'headers')}), but none of the ${s(p, 'rows')} rows under it states points${p.pointsHeader ? ` (the "${s(p, 'pointsHeader')}" column is empty)` : ''}; skipped. To score it, fill in each item's points.`,
    })[s(p, 'code')] ?? 'Sheet not read as a rubric; skipped.',
  fileUnreadable: (p) =>
    `Cannot read ${s(p, 'file')}: ${s(p, 'detail')}. Make sure it is an undamaged .xlsx file (Excel 2007 or later).`,
  noRubric: (p) =>
    `No rubric table found in ${s(p, 'file')} (looked for a header with 标准分值 and 评分标准 columns).`,
};
