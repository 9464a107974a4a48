import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/a1';
import {
  classifyHeader,
  detectTable,
  detectWorkbook,
  HEADER_SYNONYMS,
  parseLabel,
  readPoints,
} from '../../src/core/detect/index';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { META_SHEET } from '../../src/core/meta';
import type { DetectedTable, Detection, RubricGroup, RubricItem } from '../../src/core/rubric';
import { GridBuilder, gridOf } from '../helpers/grid';

function table(d: Detection): DetectedTable {
  if (!d.ok) throw new Error(`expected a table, got ${d.skipped.reason} (${d.skipped.code})`);
  return d.table;
}

function group(t: DetectedTable, id: string): RubricGroup {
  const g = t.groups.find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
}

function itemsOf(t: DetectedTable, g: RubricGroup): RubricItem[] {
  return g.itemIds.map((id) => t.items.find((i) => i.id === id)!);
}

// ---------------------------------------------------------------------------------------------
// (a) The seed's paper layout: 考核项目 | 考核内容 | 目标要求 | 标准分值(100分) | 评 分 标 准 | 考核方式,
// then 考核评分 (扣分 | 得分) and 扣分原因, with categories and sections merged down their rows.

interface SeedItem {
  req: string;
  pts: CellValue;
  criteria?: string;
  method?: string;
}
interface SeedSection {
  label: string;
  items: SeedItem[];
  sharedCriteria?: string;
  sharedMethod?: string;
  /** Index of the item before which the paper table breaks onto a new page (header and labels repeat). */
  pageBreakBefore?: number;
}
interface SeedCategory {
  label: string;
  sections: SeedSection[];
}

const SEED: SeedCategory[] = [
  {
    label: '(一)日常工作(65分)',
    sections: [
      {
        label: '1、主要工作责任指标(5分)',
        sharedCriteria:
          '按责任状进行考核,未完成指标的,采用否决计分法,计零分;完成责任指标的,计满分,90%以下每减少1%扣0.1分。',
        sharedMethod: '查阅报表、系统',
        items: [
          { req: '(1)完成人口计划90%-100%', pts: 1 },
          { req: '(2)计划外一票否决', pts: 1 },
          { req: '(3)无大月份引产', pts: 1 },
          { req: '(4)全员人口信息数据变更率达98%以上', pts: 1 },
          { req: '(5)各种奖扶政策落实到位', pts: 1 },
        ],
      },
      {
        label: '2、领导重视(5分)',
        pageBreakBefore: 1,
        items: [
          {
            req: '(1)社区主要领导定期听取人口计生工作汇报',
            pts: 3,
            criteria: '班子专题研究人口计生工作两次以上,有会议记录的记满分。',
            method: '查阅会议记录、工作记录',
          },
          {
            req: '(2)协调有关单位开展综合治理流动人口、出生人口性别比等问题。',
            pts: 2,
            criteria: '社区主要领导协调有关单位共同开展工作的记满分。',
            method: '查阅活动记录',
          },
        ],
      },
      {
        label: '4、依法行政工作(15分)',
        items: [
          {
            req: '(1)违法生育信息掌握及时、准确',
            pts: 1,
            criteria: '超过2个月才上报信息的扣0.5分/人。',
            method: '根据平时工作打分',
          },
          {
            req: '(2)依法审批计生相关证件',
            pts: 2,
            criteria: '发回重办的扣0.2分/次',
            method: '查阅办证档案',
          },
          {
            req: '(4)全面推进人口计生居务公开。',
            pts: 1,
            criteria: '公开内容完整、及时的记满分',
            method: '现场查看',
          },
          {
            req: '(5)无投诉,无恶性案件',
            pts: 1,
            criteria: '无投诉,无恶性案件的记满分',
            method: '根据平时工作打分',
          },
          {
            req: '(6)依法落实兑现各种奖励金及扶助金',
            pts: 10,
            criteria: '上报延误或有误扣0.2分/次。扣完倒扣分。',
            method: '电话核查',
          },
        ],
      },
    ],
  },
  {
    label: '(二)、重点及创新工作(35分)',
    sections: [
      {
        label: '1、信息化建设工作(6分)',
        items: [
          {
            req: '抓好人口计生信息化建设,完善全员人口数据库。',
            pts: 6,
            criteria: '出生信息确认与实际不符的扣1分/人。',
            method: '根据平时工作打分',
          },
        ],
      },
      {
        label: '2、开展爱心牵手服务行动(6分)',
        items: [
          {
            req: '围绕科学婚检、生殖健康等内容开展零距离的亲情服务。',
            pts: 6,
            criteria: '要有计划,实施方案。',
            method: '查阅档案',
          },
        ],
      },
    ],
  },
];

const SEED_TITLE = '2014年彩屯街道社区管理人口计生工作绩效考核细则';
const SEED_HEADERS = ['考核项目', '考核内容', '目标要求', '标准分值(100分)', '评 分 标 准', '考核方式'];

interface Laid {
  sheet: SheetGrid;
  headerRow: number;
  /** Rows of each item, in order. */
  itemRows: number[];
  repeatedHeaderRows: number[];
  signatureRow: number;
}

/**
 * Lay the seed description out as the paper table: title, two-row header, categories and sections
 * merged down their rows (or, with merge = false, written once with blank cells below), shared 评分标准
 * merged over their items, and a page break that repeats the header and the open labels.
 */
function layOutSeed(cats: SeedCategory[], opts: { merge?: boolean; name?: string } = {}): Laid {
  const merge = opts.merge ?? true;
  const b = new GridBuilder(opts.name ?? '考核细则');
  b.merge('A1:I1', SEED_TITLE);
  const writeHeader = (r: number): void => {
    SEED_HEADERS.forEach((h, c) => {
      b.mergeAt({ top: r, left: c, bottom: r + 1, right: c }, h);
    });
    b.mergeAt({ top: r, left: 6, bottom: r, right: 7 }, '考核评分');
    b.at(r + 1, 6, '扣分').at(r + 1, 7, '得分');
    b.mergeAt({ top: r, left: 8, bottom: r + 1, right: 8 }, '扣分原因');
  };
  writeHeader(1);
  let r = 3;
  const itemRows: number[] = [];
  const repeated: number[] = [];
  // A label written at `start` and running down to `end` (inclusive).
  const label = (col: number, start: number, end: number, text: string): void => {
    if (merge && end > start) b.mergeAt({ top: start, left: col, bottom: end, right: col }, text);
    else b.at(start, col, text);
  };
  for (const cat of cats) {
    let catStart = r;
    for (const sec of cat.sections) {
      let secStart = r;
      sec.items.forEach((it, k) => {
        if (sec.pageBreakBefore === k) {
          label(0, catStart, r - 1, cat.label);
          label(1, secStart, r - 1, sec.label);
          writeHeader(r);
          repeated.push(r, r + 1);
          r += 2;
          catStart = r;
          secStart = r;
        }
        b.at(r, 2, it.req).at(r, 3, it.pts);
        if (it.criteria !== undefined) b.at(r, 4, it.criteria);
        if (it.method !== undefined) b.at(r, 5, it.method);
        itemRows.push(r);
        r++;
      });
      label(1, secStart, r - 1, sec.label);
      const first = r - sec.items.length;
      if (sec.sharedCriteria !== undefined)
        b.mergeAt({ top: first, left: 4, bottom: r - 1, right: 4 }, sec.sharedCriteria);
      if (sec.sharedMethod !== undefined)
        b.mergeAt({ top: first, left: 5, bottom: r - 1, right: 5 }, sec.sharedMethod);
    }
    label(0, catStart, r - 1, cat.label);
  }
  const signatureRow = r + 1;
  b.at(signatureRow, 0, '考核人：').at(signatureRow, 4, '被考核单位负责人：');
  b.at(signatureRow + 1, 0, '备注：本细则由街道计生办负责解释。');
  return { sheet: b.build(), headerRow: 1, itemRows, repeatedHeaderRows: repeated, signatureRow };
}

describe('detectTable: the seed paper layout', () => {
  const laid = layOutSeed(SEED);
  const t = table(detectTable(laid.sheet));
  const seedItems = SEED.flatMap((c) => c.sections.flatMap((s) => s.items.map((it) => ({ it, sec: s }))));

  it('finds title, two-row header, columns and the declared total', () => {
    expect(t.title).toBe(SEED_TITLE);
    expect(t.headerRow).toBe(1);
    expect(t.firstRow).toBe(3);
    expect(t.columns).toEqual({
      project: 0,
      content: 1,
      requirement: 2,
      points: 3,
      criteria: 4,
      method: 5,
      deduction: 6,
      score: 7,
      reason: 8,
    });
    expect(t.headers.criteria).toBe('评 分 标 准');
    expect(t.headers.points).toBe('标准分值(100分)');
    expect(t.declaredTotal).toBe(100);
  });

  it('skips the repeated header and ends the table before the signature rows', () => {
    expect(t.repeatedHeaderRows).toEqual(laid.repeatedHeaderRows);
    expect(t.lastRow).toBe(laid.itemRows[laid.itemRows.length - 1]);
    expect(t.lastRow).toBeLessThan(laid.signatureRow);
    expect(t.totalRow).toBeNull();
  });

  it('reads every scored row as an item with its text, points, criteria and method', () => {
    expect(t.items.map((i) => i.row)).toEqual(laid.itemRows);
    expect(t.items.map((i) => i.text)).toEqual(seedItems.map((x) => x.it.req));
    expect(t.items.map((i) => i.points)).toEqual(seedItems.map((x) => x.it.pts));
    expect(t.items.map((i) => i.criteria)).toEqual(
      seedItems.map((x) => x.it.criteria ?? x.sec.sharedCriteria),
    );
    expect(t.items.map((i) => i.method)).toEqual(seedItems.map((x) => x.it.method ?? x.sec.sharedMethod));
    expect(t.items.map((i) => i.requirement)).toEqual(seedItems.map((x) => x.it.req));
    expect(t.items.map((i) => i.id)).toEqual(seedItems.map((_, k) => `i${k + 1}`));
    for (const i of t.items) {
      expect(i.lastRow).toBe(i.row);
      expect(i.pointsCell).toEqual({ row: i.row, col: 3 });
    }
  });

  it('marks criteria merged over a section as shared, pointing at the merged cell', () => {
    const shared = t.items.filter((i) => i.criteriaShared);
    expect(shared.map((i) => i.text)).toEqual(SEED[0]!.sections[0]!.items.map((x) => x.req));
    for (const i of shared) expect(i.criteriaCell).toEqual({ row: laid.itemRows[0], col: 4 });
    const own = t.items.find((i) => i.text.startsWith('(6)'))!;
    expect(own.criteriaShared).toBe(false);
    expect(own.criteriaCell).toEqual({ row: own.row, col: 4 });
  });

  it('keeps numbering as written, including the gap (2),(4)', () => {
    const sec4 = t.groups.find((g) => g.label === '依法行政工作')!;
    expect(itemsOf(t, sec4).map((i) => i.numbering)).toEqual(['(1)', '(2)', '(4)', '(5)', '(6)']);
    expect(itemsOf(t, sec4).map((i) => i.label)[2]).toBe('全面推进人口计生居务公开。');
    const part2 = t.items.filter((i) => i.points === 6);
    expect(part2.map((i) => i.numbering)).toEqual([null, null]);
  });

  it('builds the category/section tree once, across the page break', () => {
    expect(t.rootGroupIds).toHaveLength(2);
    expect(t.rootItemIds).toEqual([]);
    const [c1, c2] = t.rootGroupIds.map((id) => group(t, id));
    expect(c1).toMatchObject({
      level: 1,
      label: '日常工作',
      numbering: '(一)',
      declaredPoints: 65,
      parentId: null,
      cell: { row: 3, col: 0 },
    });
    expect(c2).toMatchObject({
      level: 1,
      label: '重点及创新工作',
      numbering: '(二)、',
      declaredPoints: 35,
      text: '(二)、重点及创新工作(35分)',
    });
    const secs1 = c1!.groupIds.map((id) => group(t, id));
    expect(secs1.map((g) => [g.level, g.numbering, g.label, g.declaredPoints])).toEqual([
      [2, '1、', '主要工作责任指标', 5],
      [2, '2、', '领导重视', 5],
      [2, '4、', '依法行政工作', 15],
    ]);
    expect(secs1.map((g) => g.parentId)).toEqual([c1!.id, c1!.id, c1!.id]);
    expect(secs1.map((g) => itemsOf(t, g).length)).toEqual([5, 2, 5]);
    const secs2 = c2!.groupIds.map((id) => group(t, id));
    expect(secs2.map((g) => [g.label, g.declaredPoints, itemsOf(t, g).map((i) => i.points)])).toEqual([
      ['信息化建设工作', 6, [6]],
      ['开展爱心牵手服务行动', 6, [6]],
    ]);
    expect(t.groups).toHaveLength(7);
    // The section broken over two pages spans the repeated header.
    const lead = secs1[1]!;
    expect(lead.firstRow).toBeLessThan(laid.repeatedHeaderRows[0]!);
    expect(lead.lastRow).toBeGreaterThan(laid.repeatedHeaderRows[1]!);
    // Items carry their group path.
    expect(t.items[6]!.groupIds).toEqual([c1!.id, lead.id]);
    expect(c1!.firstRow).toBe(3);
    expect(c1!.lastRow).toBe(secs1[2]!.lastRow);
    expect(c2!.lastRow).toBe(t.lastRow);
  });

  it('reads the same tree when labels are written once with blank cells below instead of merged', () => {
    const flat = table(detectTable(layOutSeed(SEED, { merge: false }).sheet));
    const shape = (x: DetectedTable) =>
      x.groups.map((g) => [g.level, g.label, g.declaredPoints, g.itemIds.length, g.parentId]);
    expect(shape(flat)).toEqual(shape(t));
    expect(flat.items.map((i) => i.groupIds)).toEqual(t.items.map((i) => i.groupIds));
  });

  it('uses group ids in sheet order', () => {
    expect(t.groups.map((g) => g.id)).toEqual(t.groups.map((_, k) => `g${k + 1}`));
    const firstRows = t.groups.map((g) => g.firstRow);
    expect([...firstRows].sort((a, b) => a - b)).toEqual(firstRows);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Another office: table at C4, traditional characters, group header rows instead of merges.

function officeSheet() {
  const b = new GridBuilder('村级考核');
  b.set('C1', '附件2');
  b.merge('C2:K2', '2023年度XX鎮村級工作績效考核評分表');
  const HEAD = [
    '一級指標',
    '二級指標',
    '考核要點',
    '分 值（100分）',
    '評 分 標 準',
    '考核方法',
    '自評分',
    '得分',
    '備註',
  ];
  let r = 3;
  const header = (): number => {
    b.row(a1(r, 2), HEAD);
    return r++;
  };
  const groupRow = (text: string): number => {
    b.mergeAt({ top: r, left: 2, bottom: r, right: 10 }, text);
    return r++;
  };
  const item = (c: CellValue, d: CellValue, e: string, f: CellValue, g: string, h: string): number => {
    b.row(a1(r, 2), [c, d, e, f, g, h]);
    return r++;
  };
  const rows = {
    header: header(),
    g1: groupRow('一、黨建工作（40分）'),
    i1: item('组织建设', '班子建设', '(1)班子成员配齐', 10, '缺一人扣2分', '查阅资料'),
    i2: item(null, null, '(2)按时换届', '10分', '未按时换届不得分', '查阅资料'),
    repeatedHeader: header(),
    repeatedGroup: groupRow('一、黨建工作（40分）'),
    i3: item(null, '三会一课', '(1)按时召开支部大会', 20, '少一次扣1分，扣完为止', '查阅会议记录'),
    g2: groupRow('二、社會事務（60分）'),
    i4: item('民政工作', '低保', '低保对象动态管理', '５', '发现一户错保扣1分', '抽查'),
    i5: item(null, null, '临时救助及时', '五', '救助不及时扣1分', '查阅台账'),
    i6: item('安全生产', '隐患排查', '每月排查一次', 50, '少一次扣5分', '查阅记录'),
    blank: r++,
    total: -1,
    sign: -1,
  };
  rows.total = r;
  b.row(a1(r++, 2), ['合 计', null, null, 100]);
  rows.sign = r;
  b.row(a1(r++, 2), ['考核人：', null, null, null, '被考核单位：']);
  return { sheet: b.build(), rows };
}

describe('detectTable: another office layout', () => {
  const { sheet, rows } = officeSheet();
  const t = table(detectTable(sheet));

  it('finds the table at C4 with traditional-character headers', () => {
    expect(t.title).toBe('2023年度XX鎮村級工作績效考核評分表');
    expect(t.headerRow).toBe(rows.header);
    expect(t.columns).toEqual({
      project: 2,
      content: 3,
      requirement: 4,
      points: 5,
      criteria: 6,
      method: 7,
      selfScore: 8,
      score: 9,
      reason: 10,
    });
    expect(t.declaredTotal).toBe(100);
    expect(t.repeatedHeaderRows).toEqual([rows.repeatedHeader]);
    expect(t.totalRow).toBe(rows.total);
    expect(t.lastRow).toBe(rows.total);
  });

  it('reads points written as 10分, ５ and 五, keeping what was written', () => {
    expect(t.items.map((i) => i.row)).toEqual([rows.i1, rows.i2, rows.i3, rows.i4, rows.i5, rows.i6]);
    expect(t.items.map((i) => i.points)).toEqual([10, 10, 20, 5, 5, 50]);
    expect(t.items.map((i) => i.pointsRaw)).toEqual(['10', '10分', '20', '５', '五', '50']);
    expect(t.items.map((i) => i.text)).toEqual([
      '(1)班子成员配齐',
      '(2)按时换届',
      '(1)按时召开支部大会',
      '低保对象动态管理',
      '临时救助及时',
      '每月排查一次',
    ]);
    expect(t.items[2]!.criteria).toBe('少一次扣1分，扣完为止');
  });

  it('nests group header rows above the column groups and skips the repeated group row', () => {
    const tree = (id: string): unknown => {
      const g = group(t, id);
      return [
        g.level,
        g.label,
        g.declaredPoints,
        g.itemIds.map((i) => t.items.find((x) => x.id === i)!.row),
        g.groupIds.map(tree),
      ];
    };
    expect(t.rootGroupIds.map(tree)).toEqual([
      [
        1,
        '黨建工作',
        40,
        [],
        [
          [
            2,
            '组织建设',
            null,
            [],
            [
              [3, '班子建设', null, [rows.i1, rows.i2], []],
              [3, '三会一课', null, [rows.i3], []],
            ],
          ],
        ],
      ],
      [
        1,
        '社會事務',
        60,
        [],
        [
          [2, '民政工作', null, [], [[3, '低保', null, [rows.i4, rows.i5], []]]],
          [2, '安全生产', null, [], [[3, '隐患排查', null, [rows.i6], []]]],
        ],
      ],
    ]);
    const top = group(t, t.rootGroupIds[0]!);
    expect(top).toMatchObject({
      numbering: '一、',
      cell: { row: rows.g1, col: 2 },
      firstRow: rows.g1,
      lastRow: rows.i3,
    });
    expect(t.groups.some((g) => g.firstRow === rows.repeatedGroup)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// (c) A flat list: 序号 | 考核内容 | 分值 | 扣分标准 | 扣分 | 得分 | 扣分说明, no groups.

describe('detectTable: a flat layout', () => {
  const sheet = gridOf('考核表', [
    ['序号', '考核内容', '分值', '扣分标准', '扣分', '得分', '扣分说明'],
    [1, '会议出勤', 5, '缺席一次扣1分', null, null, null],
    [2, '台账规范', '5分', '缺一项扣0.5分', 1, 4, '缺两项'],
    [3, '信息报送', null, '迟报一次扣0.5分', null, null, null],
    [4, '安全检查', '见附表', '发现隐患未整改扣2分', null, null, null],
    [null, null, null, '情节严重的不得分', null, null, null],
    [5, '环境卫生', 10, '抽查不合格扣1分/次', null, null, null],
  ]);
  const t = table(detectTable(sheet));

  it('maps 扣分标准 to criteria, 扣分 to deduction and 扣分说明 to reason', () => {
    expect(t.columns).toEqual({ content: 1, points: 2, criteria: 3, deduction: 4, score: 5, reason: 6 });
    expect(t.title).toBeNull();
    expect(t.declaredTotal).toBeNull();
  });

  it('keeps rows with missing or unreadable points as items with points null', () => {
    expect(t.items.map((i) => [i.row, i.text, i.points, i.pointsRaw])).toEqual([
      [1, '会议出勤', 5, '5'],
      [2, '台账规范', 5, '5分'],
      [3, '信息报送', null, ''],
      [4, '安全检查', null, '见附表'],
      [6, '环境卫生', 10, '10'],
    ]);
  });

  it('appends a criteria line on the next row to the item above', () => {
    const it4 = t.items.find((i) => i.text === '安全检查')!;
    expect(it4.criteria).toBe('发现隐患未整改扣2分\n情节严重的不得分');
    expect(it4.lastRow).toBe(5);
  });

  it('has no groups', () => {
    expect(t.groups).toEqual([]);
    expect(t.rootGroupIds).toEqual([]);
    expect(t.rootItemIds).toEqual(t.items.map((i) => i.id));
    for (const i of t.items) expect(i.groupIds).toEqual([]);
  });
});

describe('detectTable: group header rows numbered by level', () => {
  it('nests 1、 rows inside 一、 rows, and a later 一、 closes both', () => {
    const sheet = gridOf('s', [
      ['考核内容', '分值', '评分标准'],
      ['一、日常工作（30分）', null, null],
      ['1、领导重视(10分)', null, null],
      ['(1)定期听取汇报', 10, '未听取扣5分'],
      ['2、基础工作(20分)', null, null],
      ['(1)台账齐全', 20, '缺一本扣2分'],
      ['二、创新工作（70分）', null, null],
      ['(1)创新项目', 70, '无创新项目不得分'],
    ]);
    const t = table(detectTable(sheet));
    expect(t.groups.map((g) => [g.id, g.level, g.label, g.declaredPoints, g.parentId])).toEqual([
      ['g1', 1, '日常工作', 30, null],
      ['g2', 2, '领导重视', 10, 'g1'],
      ['g3', 2, '基础工作', 20, 'g1'],
      ['g4', 1, '创新工作', 70, null],
    ]);
    expect(t.items.map((i) => [i.text, i.groupIds])).toEqual([
      ['(1)定期听取汇报', ['g1', 'g2']],
      ['(1)台账齐全', ['g1', 'g3']],
      ['(1)创新项目', ['g4']],
    ]);
  });
});

describe('detectTable: an item spread over merged rows', () => {
  it('gives the item its last row', () => {
    const sheet = new GridBuilder('s')
      .row('A1', ['考核内容', '分值', '评分标准'])
      .merge('A2:A3', '按时上报报表')
      .merge('B2:B3', 4)
      .set('C2', '迟报扣1分')
      .set('C3', '错报扣0.5分')
      .row('A4', ['资料归档', 2, '缺一份扣0.2分'])
      .build();
    const t = table(detectTable(sheet));
    expect(t.items.map((i) => [i.row, i.lastRow, i.points])).toEqual([
      [1, 2, 4],
      [3, 3, 2],
    ]);
    expect(t.items[0]!.criteria).toBe('迟报扣1分\n错报扣0.5分');
  });
});

describe('detectTable: other row shapes', () => {
  it('reads rows under one merged points cell as one item', () => {
    const sheet = new GridBuilder('s')
      .row('A1', ['考核内容', '目标要求', '分值', '评分标准'])
      .merge('A2:A4', '1、基础工作')
      .set('B2', '(1)台账齐全')
      .set('B3', '(2)数据准确')
      .set('B4', '(3)按时上报')
      .merge('C2:C4', 6)
      .merge('D2:D4', '每项不合格扣2分')
      .row('A5', ['2、宣传工作', '开展宣传活动', 4, '少一次扣1分'])
      .build();
    const t = table(detectTable(sheet));
    expect(t.items.map((i) => [i.row, i.lastRow, i.points, i.text, i.criteriaShared])).toEqual([
      [1, 3, 6, '(1)台账齐全\n(2)数据准确\n(3)按时上报', false],
      [4, 4, 4, '开展宣传活动', false],
    ]);
    expect(t.items[0]!.requirement).toBe(t.items[0]!.text);
    expect(t.groups.map((g) => [g.label, g.firstRow, g.lastRow, g.itemIds.length])).toEqual([
      ['基础工作', 1, 3, 1],
      ['宣传工作', 4, 4, 1],
    ]);
  });

  it('takes the hierarchy from the columns left of the points only', () => {
    const sheet = gridOf('s', [
      ['考核项目', '考核内容', '分值', '目标要求', '评分标准'],
      ['党建', '组织生活', 5, '每月一次', '少一次扣1分'],
      [null, '学习教育', 5, '每季一次', '少一次扣2分'],
    ]);
    const t = table(detectTable(sheet));
    expect(t.items.map((i) => [i.text, i.requirement, i.groupIds])).toEqual([
      ['组织生活', '每月一次', ['g1']],
      ['学习教育', '每季一次', ['g1']],
    ]);
    expect(t.groups.map((g) => g.label)).toEqual(['党建']);
  });

  it('reads a group row whose points sit in the points column as the group, not an item', () => {
    const sheet = gridOf('s', [
      ['考核项目', '考核内容', '分值', '评分标准'],
      ['一、党建工作', null, 40, null],
      [null, '组织生活', 20, '少一次扣1分'],
      [null, '学习教育', 20, '少一次扣2分'],
    ]);
    const t = table(detectTable(sheet));
    expect(t.groups.map((g) => [g.label, g.numbering, g.declaredPoints, g.itemIds.length])).toEqual([
      ['党建工作', '一、', 40, 2],
    ]);
    expect(t.items.map((i) => [i.text, i.points])).toEqual([
      ['组织生活', 20],
      ['学习教育', 20],
    ]);
  });

  it('skips 小计 rows and stops at the 合计 row', () => {
    const sheet = gridOf('s', [
      ['考核内容', '分值', '评分标准'],
      ['出勤', 5, '缺一次扣1分'],
      ['小 计', 5, null],
      ['卫生', 5, '不合格扣1分'],
      ['合计', 10, null],
      ['考核组长签字：', null, null],
    ]);
    const t = table(detectTable(sheet));
    expect(t.items.map((i) => i.text)).toEqual(['出勤', '卫生']);
    expect(t.totalRow).toBe(4);
    expect(t.lastRow).toBe(4);
  });
});

// ---------------------------------------------------------------------------------------------
// (d) Sheets that are not rubrics, and workbooks with several rubric sheets.

describe('detectWorkbook', () => {
  const rubric = layOutSeed(SEED, { name: '彩屯' }).sheet;
  const office = officeSheet().sheet;
  const hidden = { ...layOutSeed(SEED, { name: '旧表' }).sheet, hidden: true };
  const meta: SheetGrid = {
    name: META_SHEET,
    values: [['rubric-scorer-meta'], ['{}']],
    merges: [],
    hidden: true,
  };
  const empty: SheetGrid = { name: '空白', values: [[null, ''], [], ['  ']], merges: [] };
  const list = gridOf('通讯录', [
    ['姓名', '电话', '备注'],
    ['张三', '13800000000', null],
  ]);
  const noItems = gridOf('模板', [
    ['考核项目', '考核内容', '分值', '评分标准'],
    ['一、日常工作', null, null, null],
  ]);
  const ds = detectWorkbook({ sheets: [rubric, list, hidden, office, meta, empty, noItems] });

  it('returns one detection per sheet, in order, with the reason for each skip', () => {
    expect(ds.map((d) => (d.ok ? `ok:${d.table.sheet}` : `${d.skipped.reason}:${d.skipped.sheet}`))).toEqual([
      'ok:彩屯',
      `noHeader:通讯录`,
      'hidden:旧表',
      'ok:村级考核',
      `productSheet:${META_SHEET}`,
      'empty:空白',
      'noItems:模板',
    ]);
  });

  it('says the nearest row found to a header', () => {
    const d = ds[1]!;
    if (d.ok) throw new Error('expected skip');
    // 姓名 | 电话 | 备注: 备注 is the one header word on the sheet, in row 1.
    expect(d.skipped).toEqual({
      sheet: '通讯录',
      reason: 'noHeader',
      code: 'noHeader',
      nearest: { row: 0, headers: ['备注'] },
    });
  });

  it('reads each rubric sheet on its own', () => {
    const a = table(ds[0]!);
    const b = table(ds[3]!);
    expect(a.items).toHaveLength(14);
    expect(b.items).toHaveLength(6);
    expect(a.columns.requirement).toBe(2);
    expect(b.columns.requirement).toBe(4);
  });

  it('detects an empty workbook as no detections', () => {
    expect(detectWorkbook({ sheets: [] })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Header words, labels and points on their own.

describe('classifyHeader', () => {
  it.each([
    ['扣分标准', 'criteria'],
    ['评分标准', 'criteria'],
    ['評分細則', 'criteria'],
    ['得分', 'score'],
    ['考核得分', 'score'],
    ['扣分原因', 'reason'],
    ['扣分', 'deduction'],
    ['扣 分 值', 'deduction'],
    ['自评分', 'selfScore'],
    ['一级指标', 'project'],
    ['二级指标', 'content'],
    ['考核要点', 'requirement'],
    ['权重分', 'points'],
    ['检查方式', 'method'],
  ] as const)('%s → %s', (text, role) => {
    expect(classifyHeader(text)?.role).toBe(role);
  });

  it('reads the declared total from a bracketed suffix, half- or full-width', () => {
    expect(classifyHeader('标准分值(100分)')).toEqual({ role: 'points', declared: 100 });
    expect(classifyHeader('标准分值（100分）')).toEqual({ role: 'points', declared: 100 });
  });

  it('accepts every listed synonym and rejects sentences and unrelated words', () => {
    for (const [role, words] of Object.entries(HEADER_SYNONYMS))
      for (const w of words) expect(classifyHeader(w)?.role).toBe(role);
    expect(classifyHeader('2014年彩屯街道社区管理人口计生工作绩效考核细则')).toBeNull();
    expect(classifyHeader('序号')).toBeNull();
    expect(classifyHeader('')).toBeNull();
  });
});

describe('parseLabel and readPoints', () => {
  it('splits numbering and declared points off labels', () => {
    expect(parseLabel('（二）、重点及创新工作（35分）')).toEqual({
      numbering: '（二）、',
      rank: 1,
      declaredPoints: 35,
      label: '重点及创新工作',
    });
    expect(parseLabel('一、日常工作 65分')).toMatchObject({
      numbering: '一、',
      declaredPoints: 65,
      label: '日常工作',
    });
    expect(parseLabel('① 台账')).toMatchObject({ numbering: '①', declaredPoints: null, label: '台账' });
    expect(parseLabel('1.5分以上')).toMatchObject({ numbering: null });
  });

  it('reads points in the forms people write them', () => {
    expect(
      [5, '5', '5分', '５', '五', '0.5', '十二', ' 3 ', '', '见附表', true, null].map(readPoints),
    ).toEqual([5, 5, 5, 5, 5, 0.5, 12, 3, null, null, null, null]);
  });
});

// ---------------------------------------------------------------------------------------------
// (e) Properties.

const WORDS = [
  ...Object.values(HEADER_SYNONYMS).flat(),
  '(一)日常工作(65分)',
  '一、日常工作（40分）',
  '1、领导重视(5分)',
  '(1)完成计划',
  '①台账',
  '合计',
  '合 计',
  '考核人：',
  '备注：无',
  '扣1分',
  '五',
  '5分',
  '',
  ' ',
  '标准分值(100分)',
  '評 分 標 準',
];
const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: -5, max: 120 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 6 }),
);
const mergeArb = fc.record({
  top: fc.integer({ min: -2, max: 16 }),
  left: fc.integer({ min: -2, max: 10 }),
  bottom: fc.integer({ min: -2, max: 16 }),
  right: fc.integer({ min: -2, max: 10 }),
});
const sheetArb: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.string({ maxLength: 5 }),
  values: fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 15 }),
  merges: fc.array(mergeArb, { maxLength: 8 }),
  hidden: fc.boolean(),
});

function checkInvariants(d: Detection): void {
  if (!d.ok) {
    expect(['empty', 'hidden', 'noHeader', 'noItems', 'productSheet']).toContain(d.skipped.reason);
    return;
  }
  const t = d.table;
  const ids = new Set(t.groups.map((g) => g.id));
  expect(ids.size).toBe(t.groups.length);
  expect(new Set(t.items.map((i) => i.id)).size).toBe(t.items.length);
  expect(t.items.some((i) => i.points !== null)).toBe(true);
  for (const i of t.items) {
    expect(i.row).toBeGreaterThan(t.headerRow);
    expect(i.row).toBeGreaterThanOrEqual(t.firstRow);
    expect(i.lastRow).toBeGreaterThanOrEqual(i.row);
    expect(i.lastRow).toBeLessThanOrEqual(t.lastRow);
    for (const g of i.groupIds) expect(ids.has(g)).toBe(true);
    const own = i.groupIds[i.groupIds.length - 1];
    if (own) expect(group(t, own).itemIds).toContain(i.id);
    else expect(t.rootItemIds).toContain(i.id);
  }
  for (const g of t.groups) {
    expect(g.level).toBe(g.parentId === null ? 1 : group(t, g.parentId).level + 1);
    for (const c of g.groupIds) expect(group(t, c).parentId).toBe(g.id);
  }
  const listed = t.rootItemIds.length + t.groups.reduce((n, g) => n + g.itemIds.length, 0);
  expect(listed).toBe(t.items.length);
}

describe('properties', () => {
  it('never throws on random grids and always returns a well-formed Detection', () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        const d = detectTable(sheet);
        expect(typeof d.ok).toBe('boolean');
        checkInvariants(d);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps its invariants for random bodies under a real header', () => {
    const header: CellValue[] = ['考核项目', '考核内容', '分值', '评分标准', '扣分', '得分'];
    const planted = fc.record({
      above: fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 3 }),
      body: fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 14 }),
      merges: fc.array(mergeArb, { maxLength: 8 }),
    });
    let found = 0;
    fc.assert(
      fc.property(planted, ({ above, body, merges }) => {
        const d = detectTable({ name: 's', values: [...above, header, ...body], merges });
        if (d.ok) found++;
        checkInvariants(d);
      }),
      { numRuns: 400 },
    );
    // The property is only worth something if tables are actually found.
    expect(found).toBeGreaterThan(40);
  });

  const itemArb = fc.record({
    req: fc.constantFrom('完成计划', '台账齐全', '按时上报', '开展活动'),
    pts: fc.integer({ min: 1, max: 20 }),
  });
  const catsArb = fc.array(
    fc.record({
      declared: fc.integer({ min: 1, max: 99 }),
      sections: fc.array(
        fc.record({
          declared: fc.integer({ min: 1, max: 50 }),
          items: fc.array(itemArb, { minLength: 1, maxLength: 4 }),
          shared: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  );
  const CN = ['一', '二', '三'];

  it('recovers the category/section/item structure of generated seed-like tables', () => {
    fc.assert(
      fc.property(catsArb, fc.boolean(), (cats, merge) => {
        const desc: SeedCategory[] = cats.map((c, ci) => ({
          label: `(${CN[ci]})类别${ci + 1}(${c.declared}分)`,
          sections: c.sections.map((s, si) => {
            const sec: SeedSection = {
              label: `${si + 1}、栏目${ci + 1}-${si + 1}(${s.declared}分)`,
              items: s.items.map((it, k) => ({
                req: `(${k + 1})${it.req}`,
                pts: it.pts,
                ...(s.shared ? {} : { criteria: `扣${k + 1}分/次` }),
              })),
            };
            if (s.shared) sec.sharedCriteria = '未完成的不得分';
            return sec;
          }),
        }));
        const laid = layOutSeed(desc, { merge });
        const t = table(detectTable(laid.sheet));
        checkInvariants({ ok: true, table: t });
        expect(t.items.map((i) => i.row)).toEqual(laid.itemRows);
        expect(t.rootGroupIds.map((id) => group(t, id).declaredPoints)).toEqual(cats.map((c) => c.declared));
        const secs = t.rootGroupIds.flatMap((id) => group(t, id).groupIds.map((s) => group(t, s)));
        expect(secs.map((s) => [s.declaredPoints, itemsOf(t, s).map((i) => i.points)])).toEqual(
          cats.flatMap((c) => c.sections.map((s) => [s.declared, s.items.map((i) => i.pts)])),
        );
        const sharedExpected = cats.flatMap((c) =>
          c.sections.flatMap((s) => s.items.map(() => s.shared && s.items.length > 1)),
        );
        expect(t.items.map((i) => i.criteriaShared)).toEqual(sharedExpected);
      }),
      { numRuns: 150 },
    );
  });
});
