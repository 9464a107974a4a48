/**
 * What the summary sheets are built from, independent of how they are written (live formulas in the
 * add-in, values in the CLI): the units, the shared group columns, and where each unit's item cells are.
 */
import { cellAt, type SheetGrid, textOf } from '../grid';
import type { SheetAnalysis } from '../model';
import type { DetectedTable, RubricGroup, RubricItem } from '../rubric';
import type { Rule } from '../rules/types';
import { hasAssessmentVeto } from '../score';
import { norm } from '../text';
import { note, type SummaryNote } from './messages';

/** One assessed unit: one rubric sheet (of this workbook, or of a unit's own file in the CLI). */
export interface SummaryUnit {
  /** The name shown in the summary. */
  name: string;
  sheet: string;
  /** The source file (CLI only). */
  file?: string;
  analysis: SheetAnalysis;
  /** Open errors in the unit's own entries (not faults of the shared rubric): the rank is withheld. */
  errors?: number;
  /**
   * Several assessors' sheets (or workbooks) of this one unit, combined into its row; absent or empty:
   * the unit is its own sheet alone. `sheet` and `analysis` are then the first member's.
   */
  members?: readonly SummaryUnit[];
}

/** A subtotal column of the summary: a category (level 1) or a section (level 2). */
export interface GroupColumn {
  /** Label path, normalised: how units' groups are matched. */
  key: string;
  level: number;
  /** The header as shown, e.g. "(一)日常工作". */
  header: string;
  /** Points of the group's items in the first unit that has it. */
  max: number;
}

/** Key of a group: its label path from the category down, normalised (numbering is ignored). */
export function groupKey(table: DetectedTable, group: RubricGroup): string {
  const path: string[] = [];
  let g: RubricGroup | undefined = group;
  while (g) {
    path.unshift(norm(g.label));
    const parent: string | null = g.parentId;
    g = parent === null ? undefined : table.groups.find((x) => x.id === parent);
  }
  return path.join('\u0001');
}

function header(group: RubricGroup): string {
  return `${group.numbering ?? ''}${group.label}`;
}

/**
 * The union of the units' categories and sections, categories in order of first appearance, each
 * followed by its sections. A unit lacking one of them gets a `groupMissing` note.
 */
export function groupColumns(units: readonly SummaryUnit[]): {
  columns: GroupColumn[];
  notes: SummaryNote[];
} {
  const cats: { col: GroupColumn; sections: GroupColumn[] }[] = [];
  for (const u of units) {
    const { table, score } = u.analysis;
    const maxOf = (id: string) => score.groups.find((g) => g.groupId === id)?.max ?? 0;
    for (const catId of table.rootGroupIds) {
      const cat = table.groups.find((g) => g.id === catId);
      if (!cat) continue;
      const key = groupKey(table, cat);
      let entry = cats.find((c) => c.col.key === key);
      if (!entry) {
        entry = { col: { key, level: 1, header: header(cat), max: maxOf(cat.id) }, sections: [] };
        cats.push(entry);
      }
      for (const secId of cat.groupIds) {
        const sec = table.groups.find((g) => g.id === secId);
        if (!sec) continue;
        const sk = groupKey(table, sec);
        if (!entry.sections.some((c) => c.key === sk)) {
          entry.sections.push({ key: sk, level: 2, header: header(sec), max: maxOf(sec.id) });
        }
      }
    }
  }
  const columns = cats.flatMap((c) => [c.col, ...c.sections]);
  const notes: SummaryNote[] = [];
  for (const u of units) {
    const keys = new Set(u.analysis.table.groups.map((g) => groupKey(u.analysis.table, g)));
    for (const c of columns)
      if (!keys.has(c.key)) notes.push(note('groupMissing', { unit: u.name, group: c.header }));
  }
  return { columns, notes };
}

/** The unit's group for a column, or undefined when the unit lacks it. */
export function groupFor(unit: SummaryUnit, column: GroupColumn): RubricGroup | undefined {
  const t = unit.analysis.table;
  return t.groups.find((g) => groupKey(t, g) === column.key);
}

/** The items under a group (at any depth), in sheet order. */
export function itemsOf(table: DetectedTable, groupId: string | null): RubricItem[] {
  const items = groupId === null ? table.items : table.items.filter((i) => i.groupIds.includes(groupId));
  return [...items].sort((a, b) => a.row - b.row);
}

/**
 * Contiguous runs of item rows (an item merged over rows continues its run), so a SUM or COUNTIF can
 * take a few ranges instead of one reference per item. `same` splits runs further (e.g. equal points).
 */
export function itemRuns(
  items: readonly RubricItem[],
  same: (a: RubricItem, b: RubricItem) => boolean = () => true,
): { top: number; bottom: number; items: RubricItem[] }[] {
  const runs: { top: number; bottom: number; items: RubricItem[] }[] = [];
  for (const it of items) {
    const last = runs.at(-1);
    const prev = last?.items.at(-1);
    if (last && prev && it.row === prev.lastRow + 1 && same(prev, it)) {
      last.bottom = it.row;
      last.items.push(it);
    } else {
      runs.push({ top: it.row, bottom: it.row, items: [it] });
    }
  }
  return runs;
}

/** True when the rule can end the whole assessment (一票否决). */
export function isAssessmentVeto(rule: Rule | undefined): boolean {
  return rule !== undefined && hasAssessmentVeto(rule);
}

/** The level-1 and level-2 group labels of an item, for the deduction list. */
export function itemPath(table: DetectedTable, item: RubricItem): { category: string; section: string } {
  const g = (i: number) => {
    const id = item.groupIds[i];
    const grp = id === undefined ? undefined : table.groups.find((x) => x.id === id);
    return grp ? header(grp) : '';
  };
  return { category: g(0), section: g(1) };
}

const NOT_A_UNIT = /^(自评|自查|考核|实|最终|应|合计|小计|总|标准|扣分|得分|加分|实际|复核|评定|初评|审核)$/;
const UNIT_HEADER = /^(.+?)(?:考核)?(?:实?得分|扣分|评分)$/;

/**
 * The units named in a header row laid out as one column each (东风社区得分 | 新华社区得分 …), or an
 * empty list. Two distinct unit names are needed, so a plain 得分 / 自评得分 pair does not count.
 */
export function unitsAsColumns(sheet: SheetGrid, rows: readonly number[]): string[] {
  const found: string[] = [];
  for (const r of rows) {
    for (let c = 0; c < (sheet.values[r]?.length ?? 0); c++) {
      const t = norm(textOf(cellAt(sheet, r, c))).replace(/\s+/g, '');
      const m = UNIT_HEADER.exec(t);
      const name = m?.[1];
      if (!name || name.length < 2 || NOT_A_UNIT.test(name)) continue;
      if (!found.includes(name)) found.push(name);
    }
  }
  return found.length >= 2 ? found : [];
}
