/** Synthetic rubric workbooks for benchmarks: many sheets, many items, varied 评分标准 wording. */
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../src/core/grid';

const CRITERIA = [
  '跟踪随访不到位的扣0.5分/人，扣完为止。',
  '每少一次扣0.5分，全年不少于4次。',
  '投稿不足5篇的扣1分，上稿不足3篇的扣1分。',
  '90%以下每减少1%扣0.1分。',
  '无方案、小结、信息的各扣1分。',
  '酌情扣分。',
  '与实际严重不符的扣2分/人，扣完倒扣分。',
  '每发现一处扣0.2分，最多扣2分。',
  '有活动记录的记满分。',
  '成立有协会并开展活动的得1分，每少一次扣0.5分。',
];

/** One rubric sheet: 考核项目 | 考核内容 | 目标要求 | 标准分值 | 评分标准 | 考核方式 | 扣分 | 得分 | 扣分原因. */
export function benchSheet(name: string, items: number, seed: number): SheetGrid {
  const values: CellValue[][] = [
    [`${name}绩效考核评分表`],
    [
      '考核项目',
      '考核内容',
      '目标要求',
      '标准分值(100分)',
      '评分标准',
      '考核方式',
      '扣分',
      '得分',
      '扣分原因',
    ],
  ];
  const merges: MergeArea[] = [{ top: 0, left: 0, bottom: 0, right: 8 }];
  const sections = Math.max(1, Math.floor(items / 6));
  let row = 2;
  let n = seed;
  for (let s = 0; s < sections; s++) {
    const count = s === sections - 1 ? items - 6 * (sections - 1) : 6;
    const top = row;
    for (let i = 0; i < count; i++) {
      n = (n * 1103515245 + 12345) % 2147483648;
      // The low bits of this generator cycle quickly; take the high ones.
      const h = n >>> 12;
      const criteria = CRITERIA[h % CRITERIA.length]!;
      const points = 1 + ((h >> 4) % 5);
      const ded = (h >> 7) % 3 === 0 ? ((h >> 9) % 4) * 0.5 : null;
      values.push([
        i === 0 ? `(${s + 1})类别${s + 1}` : null,
        i === 0 ? `${s + 1}、工作${s + 1}` : null,
        `(${i + 1})要求${i + 1}`,
        points,
        criteria,
        '查阅档案',
        ded,
        null,
        ded ? '抽查发现问题' : null,
      ]);
      row++;
    }
    merges.push({ top, left: 0, bottom: row - 1, right: 0 }, { top, left: 1, bottom: row - 1, right: 1 });
  }
  values.push(['合计', null, null, null, null, null, null, null, null]);
  return { name, values, merges };
}

export function benchWorkbook(sheets: number, items: number): WorkbookGrid {
  return { sheets: Array.from({ length: sheets }, (_, i) => benchSheet(`单位${i + 1}`, items, i + 7)) };
}
