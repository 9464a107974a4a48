/**
 * Findings about a workbook are data, never exceptions: each has a stable code, a severity, where it
 * is and the values involved. Messages come from the catalogues in ./i18n, keyed by code.
 */

export type Severity = 'error' | 'warning' | 'info';

export const ISSUE_CODES = {
  // Entries typed by assessors
  notANumber: 'error',
  scoreAbovePoints: 'error',
  deductionAboveCap: 'error',
  belowZero: 'error',
  negativeDeduction: 'error',
  notStepMultiple: 'warning',
  scoreDeductionMismatch: 'error',
  reasonMissing: 'warning',
  entryMissing: 'warning',
  vetoFired: 'warning',
  bonusAboveMax: 'error',
  entryWithoutPoints: 'warning',
  inputNotRead: 'error',
  entryOutsideRange: 'error',
  formulaOverwritten: 'warning',
  tableChanged: 'warning',
  totalMismatch: 'error',
  // The rubric itself
  pointsSumMismatch: 'error',
  totalNot100: 'warning',
  declaredTotalMismatch: 'error',
  numberingGap: 'warning',
  ruleUnread: 'warning',
  ruleUnknown: 'warning',
  pointsMissing: 'error',
  maxUndecided: 'warning',
  // How the table was read (fallbacks and schemes, said once per sheet)
  criteriaNotFound: 'warning',
  columnByContent: 'info',
  pointsFromText: 'warning',
  pointsByRole: 'info',
  pointsScheme: 'warning',
  vetoColumn: 'info',
  pointsAlternatives: 'info',
  maxAlternatives: 'warning',
  // Sheets and files
  sheetSkipped: 'info',
  fileUnreadable: 'error',
  noRubric: 'error',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_CODES;

/** Codes that describe the rubric itself rather than what an assessor entered. */
export const RUBRIC_ISSUE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'pointsSumMismatch',
  'totalNot100',
  'declaredTotalMismatch',
  'numberingGap',
  'ruleUnread',
  'ruleUnknown',
  'pointsMissing',
  'maxUndecided',
  'criteriaNotFound',
  'columnByContent',
  'pointsFromText',
  'pointsByRole',
  'pointsScheme',
  'vetoColumn',
  'pointsAlternatives',
  'maxAlternatives',
]);

export type IssueParams = Record<string, string | number>;

export interface Issue {
  code: IssueCode;
  severity: Severity;
  sheet: string;
  /** A1 address on the sheet, or null for sheet-level findings. */
  cell: string | null;
  /** The item or group concerned, when there is one. */
  itemId?: string;
  params: IssueParams;
}

/** Build an issue with the severity registered for its code. */
export function issue(
  code: IssueCode,
  sheet: string,
  cell: string | null,
  params: IssueParams = {},
  itemId?: string,
): Issue {
  const out: Issue = { code, severity: ISSUE_CODES[code], sheet, cell, params };
  if (itemId !== undefined) out.itemId = itemId;
  return out;
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}
