/**
 * The core's public API: read a workbook grid, understand its rubric sheets, score and check them,
 * and plan what to write. No host library is imported anywhere under src/core.
 */
export * from './a1';
export * from './analyze';
export * from './grid';
export { detectTable, detectWorkbook, HEADER_SYNONYMS } from './detect/index';
export { formatIssue, type Lang } from './i18n';
export * from './issues';
export * from './model';
export * from './num';
export * from './plan';
export * from './rubric';
export * from './rules/types';
export { readEntryValue, suggestNumber } from './entries';
export { scoreSheet, scoreItem } from './score';
export { META_SHEET, readMeta, type Meta } from './meta';
export { ruleSummary } from './summary-text';
