/** Which sheets of a workbook are assessed units, and which sheets the summary may create or replace. */
import type { WorkbookReport } from '../analyze';
import type { WorkbookGrid } from '../grid';
import { META_SHEET } from '../meta';
import { note, type SummaryNote } from './messages';
import { rosterNames } from './identity';
import { entryErrors } from './readiness';
import { type SummaryUnit, unitsAsColumns } from './structure';

/** Sheets the product generated earlier (from the workbook metadata), that still exist. */
export function ownSummarySheets(wb: WorkbookGrid, report: WorkbookReport): string[] {
  const recorded = report.meta.summarySheets ?? [];
  const names = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  return recorded.filter((n) => names.has(n.toLowerCase()));
}

/**
 * The units of a workbook: every sheet read as a rubric (or those named in `only`), except the
 * product's own sheets, sheets laid out with one column per unit, and sheets without a 得分 column.
 */
export function workbookUnits(
  wb: WorkbookGrid,
  report: WorkbookReport,
  only?: readonly string[],
): { units: SummaryUnit[]; notes: SummaryNote[] } {
  const own = new Set(ownSummarySheets(wb, report).map((n) => n.toLowerCase()));
  const notes: SummaryNote[] = [];
  const units: SummaryUnit[] = [];
  for (const sr of report.sheets) {
    if (own.has(sr.sheet.toLowerCase()) || sr.sheet === META_SHEET) continue;
    if (only && !only.includes(sr.sheet)) continue;
    const grid = wb.sheets.find((s) => s.name === sr.sheet);
    const a = sr.analysis;
    if (grid && !grid.hidden && (a || sr.skipped?.reason !== 'productSheet')) {
      const h = a?.table.headerRow;
      const rows =
        h === undefined
          ? Array.from({ length: Math.min(12, grid.values.length) }, (_, i) => i)
          : [h - 1, h, h + 1];
      const named = unitsAsColumns(
        grid,
        rows.filter((r) => r >= 0),
      );
      if (named.length > 0) {
        notes.push(note('unitsAsColumns', { sheet: sr.sheet, units: named.join('、') }));
        continue;
      }
    }
    if (!a) continue;
    if (a.table.columns.score === undefined) {
      notes.push(note('noScoreColumn', { sheet: sr.sheet }));
      continue;
    }
    // The summary sums the 得分 cells, which the write-back fills with formulas; an empty one sums as 0.
    const empty = a.entries.filter(
      (e) => e.score !== null && e.score.value === null && e.score.formula === null,
    ).length;
    if (empty > 0) notes.push(note('scoresEmpty', { sheet: sr.sheet, count: empty }));
    units.push({ name: sr.sheet, sheet: sr.sheet, analysis: a, errors: entryErrors(sr.issues).length });
  }
  for (const name of only ?? []) {
    if (!units.some((u) => u.sheet === name) && !notes.some((n) => n.params.sheet === name)) {
      notes.push(note('unitNotFound', { sheet: name }));
    }
  }
  if (units.length === 0) notes.push(note('noUnits'));
  return { units, notes };
}

/**
 * A name for a generated sheet: `base`, else `base(2)`, `base(3)` … skipping sheets the user made
 * (names compare case-insensitively, as Excel does) and names already chosen.
 */
export function pickName(base: string, userSheets: ReadonlySet<string>, chosen: readonly string[]): string {
  const taken = (n: string) =>
    userSheets.has(n.toLowerCase()) || chosen.some((c) => c.toLowerCase() === n.toLowerCase());
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const n = `${base}(${i})`;
    if (!taken(n)) return n;
  }
}

const ROSTER_SHEET = /(名单|参评单位|被考核单位|考核对象|roster)/i;

/**
 * The workbook's roster sheet (参评单位名单, 单位名单, Roster …): a visible sheet that is not a rubric,
 * named as a roster, holding at least one name; null when there is none.
 */
export function findRosterSheet(wb: WorkbookGrid, report: WorkbookReport): string | null {
  const own = new Set(ownSummarySheets(wb, report).map((n) => n.toLowerCase()));
  for (const s of wb.sheets) {
    if (s.hidden || s.name === META_SHEET || own.has(s.name.toLowerCase())) continue;
    if (report.sheets.find((r) => r.sheet === s.name)?.analysis) continue;
    if (ROSTER_SHEET.test(s.name) && rosterNames(s.values).length > 0) return s.name;
  }
  return null;
}
