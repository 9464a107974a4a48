/**
 * The core's public API: read a workbook grid, understand its rubric sheets, score and check them.
 * No host library is imported anywhere under src/core.
 */
export * from './a1';
export * from './grid';
export * from './issues';
export * from './model';
export * from './num';
export * from './plan';
export * from './rubric';
export * from './rules/types';
export { META_SHEET, readMeta } from './meta';
