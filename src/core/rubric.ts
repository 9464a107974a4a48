/** What table detection finds on a sheet: the columns, the hierarchy and the items. */

/** The columns a rubric table can have. */
export type ColumnRole =
  | 'project' // 考核项目 / 一级指标 / 项目
  | 'content' // 考核内容 / 二级指标 / 考核指标
  | 'requirement' // 目标要求 / 考核要点 / 考核要求
  | 'points' // 标准分值 / 分值 / 标准分 / 分数
  | 'criteria' // 评分标准 / 评分细则 / 扣分标准 / 计分方法
  | 'method' // 考核方式 / 考核方法 / 检查方式
  | 'deduction' // 扣分
  | 'score' // 得分 / 考核得分 / 实得分
  | 'reason' // 扣分原因 / 扣分说明 / 备注
  | 'selfScore' // 自评分
  | 'veto' // 单项否决: 是/否, the item vetoes the assessment when 是
  | 'notApplicable'; // 是否缺项: 是/否, the item does not apply to the unit

/** A cell position, 0-based. */
export interface CellPos {
  row: number;
  col: number;
}

/** A group of items: a category ((一) 日常工作) or a section (1、领导重视). */
export interface RubricGroup {
  id: string;
  /** 1 = category (outermost), 2 = section, 3 … deeper levels where a table has them. */
  level: number;
  /** The label without numbering and declared points, e.g. "日常工作". */
  label: string;
  /** The label as written, e.g. "(一)日常工作(65分)". */
  text: string;
  /** The numbering as written, e.g. "(一)", "1、", or null. */
  numbering: string | null;
  /** Points declared in the label ("(65分)"), or null. */
  declaredPoints: number | null;
  /** Where the label is (top-left of its merge area). */
  cell: CellPos;
  /** First and last sheet rows covered by the group. */
  firstRow: number;
  lastRow: number;
  parentId: string | null;
  /** Child group ids in order. */
  groupIds: string[];
  /** Item ids in order (direct children only). */
  itemIds: string[];
}

/** One scored row of the rubric. */
export interface RubricItem {
  id: string;
  /** The sheet row of the item (its first row, when the item spans merged rows). */
  row: number;
  /** Last row of the item (equal to row unless the item's cells are merged over several rows). */
  lastRow: number;
  /** The item's own text (from the rightmost descriptive column), numbering kept. */
  text: string;
  /** Short label for lists: text without numbering, cut to a readable length. */
  label: string;
  /** "(1)", "①", "1." … or null. */
  numbering: string | null;
  /** 标准分值 of the item, or null when the cell is empty or unreadable. */
  points: number | null;
  /** The points cell as written (for messages when it is not a number). */
  pointsRaw: string;
  pointsCell: CellPos;
  /** 评分标准 text that applies to this item (from a merged cell when shared). */
  criteria: string;
  criteriaCell: CellPos | null;
  /** True when one 评分标准 cell is merged over several items. */
  criteriaShared: boolean;
  /** 目标要求 text (rules sometimes live there, e.g. "计划外一票否决"). */
  requirement: string;
  method: string;
  /** Group ids from outermost to innermost. */
  groupIds: string[];
  /** Where the points were read: the points column (default) or the item's own text ("（2分）", "得2分"). */
  pointsFrom?: 'column' | 'text';
  /** Bonus points the item can add on top of its points ("+5", "（2分，3分奖分）"), when stated. */
  bonus?: number;
  /** 是 in a 单项否决 column: the item vetoes the whole assessment. */
  veto?: boolean;
  /** Per-role points ("直接责任人 | 部门负责人 | 分管领导"), in the order of DetectedTable.rolePoints. */
  rolePoints?: (number | null)[];
}

/** How one column of the table was read. */
export interface ColumnUse {
  col: number;
  /** The header text as written ('' when the column has none). */
  header: string;
  role: ColumnRole;
  /** Chosen by its header word, or by what its cells hold. */
  by: 'header' | 'content';
  /** Why, when chosen by content (e.g. "numbers adding up to the total"), in a few words. */
  reason?: string;
}

/** A 小计 row: the points it states and the items it sums. */
export interface Subtotal {
  row: number;
  /** Cell of the stated points. */
  cell: CellPos;
  label: string;
  declared: number | null;
  itemIds: string[];
}

/**
 * How points work on the table:
 * - points: each item has points, the total is their sum (the common case);
 * - base: a base score (基本分70分) plus bonuses and deductions per item;
 * - bonus: items only add points ("+5"), no total;
 * - demerit: a list of violations and the points each costs (负面清单记分), no total.
 */
export type PointsScheme = 'points' | 'base' | 'bonus' | 'demerit';

/** A fallback or reading choice detection made, said once at sheet level. */
export type DetectNote =
  | { kind: 'criteriaFromText'; from: string }
  | { kind: 'criteriaByContent'; header: string; col: number }
  | { kind: 'pointsFromText'; from: string; count: number }
  | { kind: 'rolePoints'; scored: string; others: string }
  | { kind: 'scheme'; scheme: Exclude<PointsScheme, 'points'>; base: number | null; max: number | null }
  | { kind: 'vetoColumn'; header: string; count: number }
  | { kind: 'alternatives'; group: string; each: number; count: number };

export interface DetectedTable {
  sheet: string;
  /** Title text above the header, if any. */
  title: string | null;
  headerRow: number;
  /** Header rows that repeat inside the table (page breaks). */
  repeatedHeaderRows: number[];
  /** Column index for each role found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** The header text as written for each role found. */
  headers: Partial<Record<ColumnRole, string>>;
  /** Total points declared in the header ("标准分值(100分)") or null. */
  declaredTotal: number | null;
  /** First and last rows of the table body. */
  firstRow: number;
  lastRow: number;
  /** Row of a 合计 / 总分 row, if the table has one. */
  totalRow: number | null;
  groups: RubricGroup[];
  items: RubricItem[];
  /** Ids of the top-level groups in order. */
  rootGroupIds: string[];
  /** Items not inside any group, in order. */
  rootItemIds: string[];
  /** Every column read and what it was used for (absent on tables built without detection). */
  columnUses?: ColumnUse[];
  /** 小计 rows with the items each one sums. */
  subtotals?: Subtotal[];
  /** How points work (absent = 'points'). */
  scheme?: PointsScheme;
  /** 基本分 of a base-score table ("基本分为70分"). */
  baseScore?: number;
  /** Per-role points columns, left to right; the first is the one scored (its values are item.points). */
  rolePoints?: { header: string; col: number }[];
  /** Fallbacks and reading choices to say at sheet level. */
  notes?: DetectNote[];
}

/**
 * Joins a list inside message parameters (which hold strings): each catalogue splits on it and joins
 * the parts its own way ("处理”“评分标准" in Chinese, "处理", "评分标准" in English).
 */
export const PARAM_LIST_SEP = '\u001f';

/** Why a sheet was not read as a rubric, in one stable word (the CLI's JSON `reason`). */
export type SkipReason = 'empty' | 'hidden' | 'noHeader' | 'noItems' | 'productSheet';

/**
 * What a skipped sheet was found to hold instead: the nearest thing to a rubric table, as data (the
 * messages are built from it in each language). Rows are 0-based sheet rows; texts are as written.
 */
export type SkipFinding =
  | { reason: 'productSheet'; code: 'productSheet' }
  | { reason: 'hidden'; code: 'hidden' }
  | { reason: 'empty'; code: 'empty' }
  /** No header row; `nearest` is the row with the most header words, when a row has any. */
  | { reason: 'noHeader'; code: 'noHeader'; nearest: { row: number; headers: string[] } | null }
  /** A header row, and nothing on the sheet gives points (no points column, none in the text). */
  | { reason: 'noItems'; code: 'noPoints'; row: number; headers: string[] }
  /** As noPoints, with columns that hold sanctions (降职, 降薪两级 …) where points would be. */
  | {
      reason: 'noItems';
      code: 'sanctions';
      row: number;
      headers: string[];
      /** The headers of the sanction columns, and a few of the sanctions they hold. */
      sanctionHeaders: string[];
      sanctions: string[];
    }
  /** A header row with its points column, but no row under it states points. */
  | {
      reason: 'noItems';
      code: 'noScoredRows';
      row: number;
      headers: string[];
      pointsHeader: string;
      rows: number;
    };

export type SkipCode = SkipFinding['code'];

/** A sheet not read as a rubric: which one, why, and what was found on it. */
export type SkippedSheet = { sheet: string } & SkipFinding;

export type Detection = { ok: true; table: DetectedTable } | { ok: false; skipped: SkippedSheet };
