/**
 * Rubric sheets in the paper layout, built by code: a title row, the header (考核项目 | 考核内容 |
 * 目标要求 | 标准分值 | 评分标准 | 考核方式 | 扣分 | 得分 | 扣分原因), categories and sections merged down
 * their rows, and a 合计 row. Criteria are written in the wording offices use, one per rule kind.
 */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { GridBuilder } from '../helpers/grid';

export interface FixtureItem {
  text: string;
  points: number;
  criteria: string;
}

export interface FixtureSection {
  label: string;
  items: FixtureItem[];
}

export interface FixtureCategory {
  label: string;
  sections: FixtureSection[];
}

/** Criteria prose per behaviour (the parser reads each into the kinds named). */
export const CRITERIA = {
  perUnit: '跟踪随访不到位的扣0.5分/人',
  perUnitToZero: '未更新或有错漏的扣1分/人，扣完为止',
  shortfall: '活动记录不少于4次的记满分，每少一次扣0.5分',
  thresholds: '投稿不足5篇的扣1分，上稿不足3篇的扣1分',
  rate: '完成率90%以下每减少1%扣0.1分',
  flag: '出现过期药的扣0.1分',
  veto: '发生计划外生育的，一票否决',
  negative: '与上报情况严重不符的扣2分/人，扣完倒扣分',
  discretion: '根据平时工作酌情打分',
  explicitCap: '每发现一处扣2分，最多扣3分',
  fullIf: '按时参加例会的记满分',
  zeroIf: '未完成指标的计零分',
  bonus: '每超额一项加0.5分，最高加1分',
} as const;

export const RUBRIC: FixtureCategory[] = [
  {
    label: '(一)日常工作(22分)',
    sections: [
      {
        label: '1、基层基础(12分)',
        items: [
          { text: '(1)孕期跟踪服务', points: 5, criteria: CRITERIA.perUnit },
          { text: '(2)更新帐卡', points: 2, criteria: CRITERIA.perUnitToZero },
          { text: '(3)婚育新风活动', points: 2, criteria: CRITERIA.shortfall },
          { text: '(4)新闻宣传', points: 3, criteria: CRITERIA.thresholds },
        ],
      },
      {
        label: '2、依法行政(10分)',
        items: [
          { text: '(1)数据变更率', points: 1.5, criteria: CRITERIA.rate },
          { text: '(2)药具管理', points: 0.5, criteria: CRITERIA.flag },
          { text: '(3)奖扶兑现', points: 4, criteria: CRITERIA.negative },
          { text: '(4)常规工作', points: 1, criteria: CRITERIA.discretion },
          { text: '(5)档案规范', points: 3, criteria: CRITERIA.explicitCap },
        ],
      },
    ],
  },
  {
    label: '(二)重点工作(8分)',
    sections: [
      {
        label: '1、责任指标(8分)',
        items: [
          { text: '(1)计划外生育', points: 2, criteria: CRITERIA.veto },
          { text: '(2)例会', points: 2, criteria: CRITERIA.fullIf },
          { text: '(3)完成指标', points: 2, criteria: CRITERIA.zeroIf },
          { text: '(4)超额完成', points: 2, criteria: CRITERIA.bonus },
        ],
      },
    ],
  },
];

export interface SheetOptions {
  name?: string;
  rubric?: FixtureCategory[];
  /** Leave out the 扣分 column (assessors type 得分). */
  noDeduction?: boolean;
  noScore?: boolean;
  noTotal?: boolean;
  /** Per item index (sheet order): what is typed in 扣分 / 得分 / 扣分原因. */
  deductions?: (CellValue | undefined)[];
  scores?: (CellValue | undefined)[];
  reasons?: (string | undefined)[];
}

/** Where the fixture put things (0-based). */
export interface FixtureLayout {
  sheet: SheetGrid;
  itemRows: number[];
  totalRow: number | null;
  cols: { points: number; deduction: number | null; score: number | null; reason: number };
}

/** A rubric sheet in the paper layout. */
export function rubricSheet(opts: SheetOptions = {}): FixtureLayout {
  const rubric = opts.rubric ?? RUBRIC;
  const header = ['考核项目', '考核内容', '目标要求', '标准分值（100分）', '评分标准', '考核方式'];
  const deduction = opts.noDeduction ? null : header.length;
  if (!opts.noDeduction) header.push('扣分');
  const score = opts.noScore ? null : header.length;
  if (!opts.noScore) header.push('得分');
  const reason = header.length;
  header.push('扣分原因');
  const b = new GridBuilder(opts.name ?? '考核表');
  b.set('A1', '2014年社区人口计生工作绩效考核细则');
  b.row('A2', header);
  let row = 2;
  const itemRows: number[] = [];
  let n = 0;
  for (const cat of rubric) {
    const catTop = row;
    for (const sec of cat.sections) {
      const secTop = row;
      for (const it of sec.items) {
        b.at(row, 2, it.text).at(row, 3, it.points).at(row, 4, it.criteria).at(row, 5, '查阅档案');
        if (deduction !== null) b.at(row, deduction, opts.deductions?.[n] ?? null);
        if (score !== null) b.at(row, score, opts.scores?.[n] ?? null);
        b.at(row, reason, opts.reasons?.[n] ?? null);
        itemRows.push(row);
        row++;
        n++;
      }
      b.mergeAt({ top: secTop, left: 1, bottom: row - 1, right: 1 }, sec.label);
    }
    b.mergeAt({ top: catTop, left: 0, bottom: row - 1, right: 0 }, cat.label);
  }
  let totalRow: number | null = null;
  if (!opts.noTotal) {
    totalRow = row;
    b.at(row, 0, '合计');
    const sum = rubric
      .flatMap((c) => c.sections.flatMap((s) => s.items))
      .reduce((a, i) => a + Math.round(i.points * 100), 0);
    b.at(row, 3, sum / 100);
    if (score !== null) b.at(row, score, null);
  }
  return { sheet: b.build(), itemRows, totalRow, cols: { points: 3, deduction, score, reason } };
}
