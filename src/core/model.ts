/** Entries read from a sheet, and the scores computed from them. */
import type { CellValue } from './grid';
import type { CellPos, DetectedTable } from './rubric';
import type { Rule } from './rules/types';

/** One entry cell as found on the sheet. */
export interface RawEntry {
  value: CellValue;
  /** Formula text when the cell holds a formula (its value is then the cached result). */
  formula: string | null;
  cell: CellPos;
}

/** What the assessor entered for one item. */
export interface ItemEntry {
  itemId: string;
  /** 扣分 cell, when the table has a 扣分 column. */
  deduction: RawEntry | null;
  /** 得分 cell, when the table has a 得分 column. */
  score: RawEntry | null;
  /** 扣分原因 / 备注 text ('' when empty or no such column). */
  reason: string;
  /** Per rule term (same index as rule.terms): the count, rate or yes/no entered in entry columns. */
  counts: (number | boolean | null)[] | null;
  /** The entry-column cells behind `counts`, same index, for messages about what they hold. */
  inputs?: (RawEntry | null)[];
}

/** How an item's score was obtained. */
export type ScoreSource = 'deduction' | 'score' | 'counts' | 'none';

export interface ItemScore {
  itemId: string;
  /** The item's points (标准分值); 0 when unknown. */
  max: number;
  /** Total deduction after the cap (≥ 0). */
  deduction: number;
  /** Bonus points added (bonus terms). */
  bonus: number;
  /** max − deduction + bonus, after caps and item vetoes, exact to 0.01. */
  score: number;
  /** An item-level veto (zeroIf / veto scope item) fired. */
  zeroed: boolean;
  /** A whole-assessment veto fired on this item. */
  veto: boolean;
  source: ScoreSource;
}

export interface GroupScore {
  groupId: string;
  /** Sum of the items' points (not the declared points). */
  max: number;
  score: number;
}

export interface SheetScore {
  items: ItemScore[];
  groups: GroupScore[];
  /** Sum of item scores; 0 when vetoed. */
  total: number;
  /** Sum of item points. */
  max: number;
  vetoed: boolean;
  /** Items whose whole-assessment veto fired. */
  vetoItemIds: string[];
}

/** A sheet read, understood and scored. */
export interface SheetAnalysis {
  table: DetectedTable;
  /** Rules by item id. */
  rules: Record<string, Rule>;
  entries: ItemEntry[];
  score: SheetScore;
}
