/**
 * Table detection on rubric layouts from other offices: the ways 考核评分表 are laid out in Excel/WPS
 * beyond the seed's paper table and the samples. Every fixture is built here, row by row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTable } from '../../src/core/detect/index';
import type { SheetGrid } from '../../src/core/grid';
import type { DetectedTable, Detection, RubricGroup } from '../../src/core/rubric';
import { GridBuilder } from '../helpers/grid';

function table(d: Detection): DetectedTable {
  if (!d.ok) throw new Error(`expected a table, got ${d.skipped.reason} (${d.skipped.code})`);
  return d.table;
}

/** Items as [sheet row, text, points, criteria]. */
function items(t: DetectedTable): [number, string, number | null, string][] {
  return t.items.map((i) => [i.row, i.text, i.points, i.criteria]);
}

/** The group tree as [label, declaredPoints, item texts, children]. */
type Tree = [string, number | null, string[], Tree[]];
function tree(t: DetectedTable): Tree[] {
  const byId = new Map(t.groups.map((g) => [g.id, g]));
  const itemText = new Map(t.items.map((i) => [i.id, i.text]));
  const node = (g: RubricGroup): Tree => [
    g.label,
    g.declaredPoints,
    g.itemIds.map((id) => itemText.get(id)!),
    g.groupIds.map((id) => node(byId.get(id)!)),
  ];
  return t.rootGroupIds.map((id) => node(byId.get(id)!));
}

/** Every item's groupIds must be the path to it in the tree, and levels must be depths. */
function expectConsistentTree(t: DetectedTable): void {
  const byId = new Map(t.groups.map((g) => [g.id, g]));
  for (const it of t.items) {
    const path = it.groupIds.map((id) => byId.get(id)!);
    path.forEach((g, k) => {
      expect(g.level).toBe(k + 1);
      expect(g.parentId).toBe(k === 0 ? null : path[k - 1]!.id);
    });
    const owner = path[path.length - 1];
    if (owner) expect(owner.itemIds).toContain(it.id);
    else expect(t.rootItemIds).toContain(it.id);
  }
}

// ---------------------------------------------------------------------------------------------

describe('layout: 序号 first, 考核项目 merged per section, 合计 merged', () => {
  // 序号 | 考核项目 | 考核内容 | 分值 | 评分标准 | 得分
  const sheet = new GridBuilder('综治')
    .merge('A1:F1', '2024年度社区综合治理工作考核评分表')
    .row('A2', ['序号', '考核项目', '考核内容', '分值', '评分标准', '得分'])
    .row('A3', [1, null, '矛盾纠纷排查化解', 20, '每月排查一次，少一次扣2分'])
    .row('A4', [2, null, '重点人员服务管理', 20, '底数不清的扣5分'])
    .row('A5', [3, null, '综治中心规范化建设', 20, '制度不上墙扣2分'])
    .merge('B3:B5', '综合治理')
    .row('A6', [4, null, '治安防控', 20, '发生刑事案件的扣5分/起'])
    .row('A7', [5, null, '平安宣传', 20, '宣传活动少于4次的扣5分'])
    .merge('B6:B7', '平安建设')
    .merge('A8:C8', '合计')
    .set('D8', 100)
    .build();
  const t = table(detectTable(sheet));

  it('finds columns, title, items and the two sections', () => {
    expect(t.title).toBe('2024年度社区综合治理工作考核评分表');
    expect(t.headerRow).toBe(1);
    expect(t.columns).toEqual({ project: 1, content: 2, points: 3, criteria: 4, score: 5 });
    expect(items(t)).toEqual([
      [2, '矛盾纠纷排查化解', 20, '每月排查一次，少一次扣2分'],
      [3, '重点人员服务管理', 20, '底数不清的扣5分'],
      [4, '综治中心规范化建设', 20, '制度不上墙扣2分'],
      [5, '治安防控', 20, '发生刑事案件的扣5分/起'],
      [6, '平安宣传', 20, '宣传活动少于4次的扣5分'],
    ]);
    expect(tree(t)).toEqual([
      ['综合治理', null, ['矛盾纠纷排查化解', '重点人员服务管理', '综治中心规范化建设'], []],
      ['平安建设', null, ['治安防控', '平安宣传'], []],
    ]);
    expect(t.totalRow).toBe(7);
    expect(t.lastRow).toBe(7);
    // The 合计 row states the table's total in the points column.
    expect(t.declaredTotal).toBe(100);
  });
});

describe('layout: section rows carry their own 分值 in the only descriptive column', () => {
  // 考核项目 | 分值 | 评分标准 | 得分: "一、党建工作" | 30 | (empty), then "1、…" items with points.
  const sheet = new GridBuilder('党建')
    .row('A1', ['考核项目', '分值', '评分标准', '得分'])
    .row('A2', ['一、党建工作', 30, null])
    .row('A3', ['1、组织生活会按时召开', 10, '少开一次扣2分'])
    .row('A4', ['2、党员发展程序规范', 20, '程序不规范的扣5分'])
    .row('A5', ['二、社区服务', 70, null])
    .row('A6', ['1、便民服务站正常运转', 40, '无人值守的扣10分'])
    .row('A7', ['2、服务台账完整', 30, '缺一项扣3分'])
    .build();
  const t = table(detectTable(sheet));

  it('reads the numbered rows without criteria as sections holding their points', () => {
    expect(tree(t)).toEqual([
      ['党建工作', 30, ['1、组织生活会按时召开', '2、党员发展程序规范'], []],
      ['社区服务', 70, ['1、便民服务站正常运转', '2、服务台账完整'], []],
    ]);
    expect(t.items.map((i) => i.points)).toEqual([10, 20, 40, 30]);
    expectConsistentTree(t);
  });

  it('still reads a flat numbered list without criteria as items', () => {
    const flat = new GridBuilder('flat')
      .row('A1', ['考核项目', '分值', '评分标准'])
      .row('A2', ['一、会议出勤', 50, null])
      .row('A3', ['二、信息报送', 50, null])
      .build();
    const f = table(detectTable(flat));
    expect(items(f)).toEqual([
      [1, '一、会议出勤', 50, ''],
      [2, '二、信息报送', 50, ''],
    ]);
    expect(f.groups).toEqual([]);
  });
});

describe('layout: 分值 after 评分标准, categories as full-width rows', () => {
  // 考核项目 | 考核内容 | 评分标准 | 分值 | 得分 | 备注
  const sheet = new GridBuilder('s')
    .row('A1', ['考核项目', '考核内容', '评分标准', '分值', '得分', '备注'])
    .merge('A2:F2', '一、基层党建（40分）')
    .row('A3', ['组织建设', '班子健全', '班子不健全扣5分', 20])
    .row('A4', [null, '三会一课', '少一次扣1分', 20])
    .merge('A5:F5', '二、民生保障（60分）')
    .row('A6', ['社会救助', '低保动态管理', '错保漏保一户扣2分', 30])
    .row('A7', ['养老服务', '日间照料中心运转', '未运转的不得分', 30])
    .build();
  const t = table(detectTable(sheet));

  it('finds the points right of the criteria and nests the column groups in the row groups', () => {
    expect(t.columns).toEqual({ project: 0, content: 1, criteria: 2, points: 3, score: 4, reason: 5 });
    expect(items(t)).toEqual([
      [2, '班子健全', 20, '班子不健全扣5分'],
      [3, '三会一课', 20, '少一次扣1分'],
      [5, '低保动态管理', 30, '错保漏保一户扣2分'],
      [6, '日间照料中心运转', 30, '未运转的不得分'],
    ]);
    expect(tree(t)).toEqual([
      ['基层党建', 40, [], [['组织建设', null, ['班子健全', '三会一课'], []]]],
      [
        '民生保障',
        60,
        [],
        [
          ['社会救助', null, ['低保动态管理'], []],
          ['养老服务', null, ['日间照料中心运转'], []],
        ],
      ],
    ]);
    expectConsistentTree(t);
  });
});

describe('layout: 自评分 and 考核组评分 side by side', () => {
  // 考核内容 | 分值 | 评分标准 | 自评分 | 考核组评分 | 扣分说明
  // The assessor's score is 考核组评分 (or 复核得分): the unit's own 自评分 is kept apart as selfScore.
  const build = (assessor: string) =>
    new GridBuilder('s')
      .row('A1', ['考核内容', '分值', '评分标准', '自评分', assessor, '扣分说明'])
      .row('A2', ['安全隐患排查', 50, '少排查一次扣5分', 50, 45, '少排查一次'])
      .row('A3', ['应急演练', 50, '未演练的不得分', 50, 50, null])
      .build();

  it.each(['考核组评分', '复核得分', '考核组评定分', '复评得分'])('%s is the score column', (h) => {
    const t = table(detectTable(build(h)));
    expect(t.columns).toEqual({ content: 0, points: 1, criteria: 2, selfScore: 3, score: 4, reason: 5 });
    expect(t.headers.score).toBe(h);
    expect(items(t)).toEqual([
      [1, '安全隐患排查', 50, '少排查一次扣5分'],
      [2, '应急演练', 50, '未演练的不得分'],
    ]);
  });
});

describe('layout: two header rows, 评分 merged over 自评 | 复评', () => {
  const sheet = new GridBuilder('s')
    .merge('A1:A2', '考核项目')
    .merge('B1:B2', '考核内容')
    .merge('C1:C2', '分值')
    .merge('D1:D2', '评分标准')
    .merge('E1:F1', '评分')
    .row('E2', ['自评', '复评'])
    .merge('G1:G2', '备注')
    .merge('A3:A4', '环境卫生')
    .row('B3', ['门前三包', 50, '不落实的扣5分/处', 45, 40])
    .row('B4', ['垃圾分类', 50, '分类不规范扣2分/次', 50, 48])
    .build();
  const t = table(detectTable(sheet));

  it('reads the sub-header: 自评 is the self score, 复评 the assessor score', () => {
    expect(t.headerRow).toBe(0);
    expect(t.firstRow).toBe(2);
    expect(t.columns).toEqual({
      project: 0,
      content: 1,
      points: 2,
      criteria: 3,
      selfScore: 4,
      score: 5,
      reason: 6,
    });
    expect(items(t)).toEqual([
      [2, '门前三包', 50, '不落实的扣5分/处'],
      [3, '垃圾分类', 50, '分类不规范扣2分/次'],
    ]);
    expect(tree(t)).toEqual([['环境卫生', null, ['门前三包', '垃圾分类'], []]]);
  });
});

describe('layout: title, 单位 and 考核日期 lines above the header; 合计（100分）', () => {
  const sheet = new GridBuilder('s')
    .merge('A1:F1', '××街道2024年度社区工作目标考核评分表')
    .merge('A2:C2', '单位：××社区')
    .merge('D2:F2', '考核日期：2024年12月20日')
    .row('A3', ['考核项目', '考核要点', '标准分', '评分标准', '扣分', '得分'])
    .row('A4', ['党建工作', '支部标准化建设达标', 40, '未达标扣10分'])
    .row('A5', ['经济工作', '完成招商引资任务', 60, '每少完成10%扣6分'])
    .merge('A6:C6', '合计（100分）')
    .set('F6', 100)
    .row('A8', ['考核组成员签字：', null, null, '被考核单位负责人签字：'])
    .build();
  const t = table(detectTable(sheet));

  it('keeps the title, finds the header on row 3 and reads the declared total from the 合计 row', () => {
    expect(t.title).toBe('××街道2024年度社区工作目标考核评分表');
    expect(t.headerRow).toBe(2);
    expect(t.columns).toEqual({
      project: 0,
      requirement: 1,
      points: 2,
      criteria: 3,
      deduction: 4,
      score: 5,
    });
    expect(items(t)).toEqual([
      [3, '支部标准化建设达标', 40, '未达标扣10分'],
      [4, '完成招商引资任务', 60, '每少完成10%扣6分'],
    ]);
    expect(t.totalRow).toBe(5);
    expect(t.lastRow).toBe(5);
    expect(t.declaredTotal).toBe(100);
  });

  it('prefers the total declared in the header when both declare one', () => {
    const s2 = new GridBuilder('s')
      .row('A1', ['考核内容', '分值（100分）', '评分标准'])
      .row('A2', ['出勤', 100, '缺勤一次扣1分'])
      .row('A3', ['总分（120分）', 100])
      .build();
    const t2 = table(detectTable(s2));
    expect(t2.declaredTotal).toBe(100);
    expect(t2.totalRow).toBe(2);
  });
});

describe('layout: an empty spacer column inside the table', () => {
  // 考核项目 | (empty) | 考核内容 | 分值 | 评分标准 | (empty) | 得分
  const sheet = new GridBuilder('s')
    .row('A1', ['考核项目', null, '考核内容', '分值', '评分标准', null, '得分'])
    .merge('A2:A3', '文明创建')
    .row('C2', ['志愿服务活动', 10, '少一次扣1分'])
    .row('C3', ['道德讲堂', 10, '未开展的不得分'])
    .row('A4', ['平安创建', null, '无重大案件', 80, '发生一起扣20分'])
    .build();
  const t = table(detectTable(sheet));

  it('ignores the empty columns', () => {
    expect(t.columns).toEqual({ project: 0, content: 2, points: 3, criteria: 4, score: 6 });
    expect(items(t)).toEqual([
      [1, '志愿服务活动', 10, '少一次扣1分'],
      [2, '道德讲堂', 10, '未开展的不得分'],
      [3, '无重大案件', 80, '发生一起扣20分'],
    ]);
    expect(tree(t)).toEqual([
      ['文明创建', null, ['志愿服务活动', '道德讲堂'], []],
      ['平安创建', null, ['无重大案件'], []],
    ]);
  });
});

describe('layout: 标准分值 written as text', () => {
  const sheet = new GridBuilder('s')
    .row('A1', ['考核内容', '标准分值', '评分标准'])
    .row('A2', ['信息报送', '5分', '迟报扣1分'])
    .row('A3', ['台账管理', '5.0', '缺一项扣0.5分'])
    .row('A4', ['档案整理', ' 2.5 ', '不规范扣0.5分'])
    .row('A5', ['会议出勤', '１０分', '缺席扣2分'])
    .row('A6', ['安全生产', '77.5', '发生事故不得分'])
    .build();
  const t = table(detectTable(sheet));

  it('reads the numbers and keeps what was written', () => {
    expect(t.items.map((i) => [i.points, i.pointsRaw])).toEqual([
      [5, '5分'],
      [5, '5.0'],
      [2.5, '2.5'],
      [10, '１０分'],
      [77.5, '77.5'],
    ]);
  });
});

describe('layout: （一） sections inside 一、 categories, section points in the 分值 column', () => {
  const sheet = new GridBuilder('s')
    .row('A1', ['考核内容', '分值', '评分标准', '得分'])
    .row('A2', ['一、党建工作（30分）'])
    .row('A3', ['（一）组织建设', 15])
    .row('A4', ['1.班子健全', 5, '不健全扣5分'])
    .row('A5', ['2.制度完善', 10, '缺一项制度扣2分'])
    .row('A6', ['（二）党风廉政', 15])
    .row('A7', ['1.廉政教育', 15, '未开展的扣5分'])
    .row('A8', ['二、社会事业（70分）'])
    .row('A9', ['（一）教育卫生', 70])
    .row('A10', ['1.适龄儿童入学', 70, '辍学一人扣10分'])
    .build();
  const t = table(detectTable(sheet));

  it('nests （一） in 一、 and reads the 1. rows as items', () => {
    expect(tree(t)).toEqual([
      [
        '党建工作',
        30,
        [],
        [
          ['组织建设', 15, ['1.班子健全', '2.制度完善'], []],
          ['党风廉政', 15, ['1.廉政教育'], []],
        ],
      ],
      ['社会事业', 70, [], [['教育卫生', 70, ['1.适龄儿童入学'], []]]],
    ]);
    expect(t.items.map((i) => [i.numbering, i.points])).toEqual([
      ['1.', 5],
      ['2.', 10],
      ['1.', 15],
      ['1.', 70],
    ]);
    expectConsistentTree(t);
  });
});

describe('layout: 加分项 and 减分项 at the end', () => {
  const sheet = new GridBuilder('s')
    .row('A1', ['考核项目', '考核内容', '分值', '评分标准', '得分'])
    .merge('A2:E2', '一、基础工作（100分）')
    .row('A3', ['组织', '班子团结', 50, '班子不团结扣10分'])
    .row('A4', ['纪律', '遵守纪律', 50, '违纪一次扣5分'])
    .merge('A5:E5', '二、加分项（最高5分）')
    .row('A6', [null, '获得区级以上表彰', '最高5分', '区级加2分，市级加5分'])
    .row('A7', [null, '经验做法被推广', null, '被推广一次加1分'])
    .merge('A8:E8', '三、减分项')
    .row('A9', [null, '发生重大安全事故', null, '发生一起扣10分'])
    .merge('A10:C10', '合计')
    .build();
  const t = table(detectTable(sheet));

  it('keeps the bonus and penalty items, their points unread where no 标准分值 is written', () => {
    expect(items(t)).toEqual([
      [2, '班子团结', 50, '班子不团结扣10分'],
      [3, '遵守纪律', 50, '违纪一次扣5分'],
      [5, '获得区级以上表彰', null, '区级加2分，市级加5分'],
      // A 加分项 item with no 分值 counts 0 points and only adds its bonus.
      [6, '经验做法被推广', 0, '被推广一次加1分'],
      [8, '发生重大安全事故', null, '发生一起扣10分'],
    ]);
    expect(t.items[2]!.pointsRaw).toBe('最高5分');
    // "最高5分" caps the bonus; it is not a sum of 标准分值, so the group declares no points and keeps
    // the cap in its label.
    expect(tree(t).map(([label, pts]) => [label, pts])).toEqual([
      ['基础工作', 100],
      ['加分项（最高5分）', null],
      ['减分项', null],
    ]);
    expect(t.totalRow).toBe(9);
    expectConsistentTree(t);
  });
});

describe('layout: a 备注 after the table', () => {
  const base = () =>
    new GridBuilder('s')
      .row('A1', ['考核项目', '考核内容', '分值', '评分标准', '得分'])
      .row('A2', ['党建', '组织生活', 60, '少一次扣5分'])
      .row('A3', [null, '学习教育', 40, '少一次扣4分']);

  it.each([
    [
      'in one merged cell',
      (b: GridBuilder) => b.merge('A5:E5', '备注：1.本表由考核组填写；2.得分保留一位小数。'),
    ],
    [
      'as a label with the note beside it',
      (b: GridBuilder) => b.set('A4', '备注').merge('B4:E4', '1.本表由考核组填写。'),
    ],
    [
      'as 说明 with numbered lines below',
      (b: GridBuilder) => b.set('A4', '说明').set('B5', '2.加分项另行计算。'),
    ],
    ['as 注 with a full-width colon', (b: GridBuilder) => b.set('A4', '注：扣分须注明原因')],
  ])('ends the table %s', (_name, add) => {
    const t = table(detectTable(add(base()).build()));
    expect(items(t)).toEqual([
      [1, '组织生活', 60, '少一次扣5分'],
      [2, '学习教育', 40, '少一次扣4分'],
    ]);
    expect(t.lastRow).toBe(2);
    expect(tree(t)).toEqual([['党建', null, ['组织生活', '学习教育'], []]]);
  });
});

describe('layout: WPS export with merged values repeated in every cell', () => {
  // What a merge looks like when a tool writes the value into every cell of it and drops the merge.
  const sheet = new GridBuilder('s')
    .row('A1', Array(7).fill('2024年度网格化管理考核评分表'))
    .row('A2', ['考核项目', '考核内容', '分值', '评分标准', '评分', '评分', '备注'])
    .row('A3', ['考核项目', '考核内容', '分值', '评分标准', '自评', '复评', '备注'])
    .row('A4', ['网格管理', '网格员配备到位', 10, '缺一人扣2分'])
    .row('A5', ['网格管理', '信息采集及时', 10, '迟报一次扣1分'])
    .row('A6', ['网格管理', '事件处置闭环', 20, '未闭环一件扣2分'])
    .row('A7', ['为民服务', '代办服务', 30, '群众投诉一次扣5分'])
    .row('A8', ['为民服务', '走访入户', 30, '群众投诉一次扣5分'])
    .row('A9', ['合计', '合计', 100])
    .build();
  const t = table(detectTable(sheet));

  it('reads the title once, the two-row header, and one group per repeated label', () => {
    expect(t.title).toBe('2024年度网格化管理考核评分表');
    expect(t.headerRow).toBe(1);
    expect(t.firstRow).toBe(3);
    expect(t.columns).toEqual({
      project: 0,
      content: 1,
      points: 2,
      criteria: 3,
      selfScore: 4,
      score: 5,
      reason: 6,
    });
    expect(tree(t)).toEqual([
      ['网格管理', null, ['网格员配备到位', '信息采集及时', '事件处置闭环'], []],
      ['为民服务', null, ['代办服务', '走访入户'], []],
    ]);
    expect(t.items.map((i) => i.criteria)).toEqual([
      '缺一人扣2分',
      '迟报一次扣1分',
      '未闭环一件扣2分',
      '群众投诉一次扣5分',
      '群众投诉一次扣5分',
    ]);
    expect(t.totalRow).toBe(8);
  });
});

describe('layout: compound header words', () => {
  const sheet = new GridBuilder('s')
    .row('A1', ['考核内容及要求', '分值', '考核标准及评分办法', '考核方式方法', '实际得分'])
    .row('A2', ['按时完成年度任务', 60, '每少完成1%扣1分', '查阅台账'])
    .row('A3', ['群众满意度达90%以上', 40, '每低1%扣2分', '问卷调查'])
    .build();
  const t = table(detectTable(sheet));

  it('names each column by the first part of 甲及乙', () => {
    expect(t.columns).toEqual({ content: 0, points: 1, criteria: 2, method: 3, score: 4 });
    expect(items(t)).toEqual([
      [1, '按时完成年度任务', 60, '每少完成1%扣1分'],
      [2, '群众满意度达90%以上', 40, '每低1%扣2分'],
    ]);
  });
});

describe('layout: traditional characters throughout', () => {
  const sheet = new GridBuilder('s')
    .merge('A1:F1', '2023年度社區工作考核評分表')
    .row('A2', ['考核項目', '考核內容', '分值', '評分細則', '實得分', '備註'])
    .merge('A3:F3', '一、黨建工作（40分）')
    .row('A4', ['組織建設', '支部換屆按時完成', 20, '未按時換屆扣10分'])
    .row('A5', [null, '黨員發展規範', 20, '程序不規範扣5分'])
    .merge('A6:F6', '二、民生服務（60分）')
    .row('A7', ['社會救助', '低保動態管理', 60, '錯保漏保一戶扣2分'])
    .merge('A8:C8', '合計')
    .set('D8', 100)
    .row('A9', ['備註：本表由考核組填寫。'])
    .build();
  const t = table(detectTable(sheet));

  it('reads the traditional header words, groups and total row, keeping the text as written', () => {
    expect(t.title).toBe('2023年度社區工作考核評分表');
    expect(t.columns).toEqual({ project: 0, content: 1, points: 2, criteria: 3, score: 4, reason: 5 });
    expect(tree(t)).toEqual([
      ['黨建工作', 40, [], [['組織建設', null, ['支部換屆按時完成', '黨員發展規範'], []]]],
      ['民生服務', 60, [], [['社會救助', null, ['低保動態管理'], []]]],
    ]);
    expect(t.totalRow).toBe(7);
    expect(t.lastRow).toBe(7);
  });
});

describe('layout: 考核指标 | 指标说明 | 分值 | 评分标准 | 得分', () => {
  const sheet = new GridBuilder('s')
    .row('A1', ['考核指标', '指标说明', '分值', '评分标准', '得分'])
    .row('A2', ['1.为民办实事', '全年办结民生实事10件以上', 50, '每少1件扣5分'])
    .row('A3', ['2.群众满意度', '第三方测评满意度90%以上', 50, '每低1个百分点扣2分'])
    .build();
  const t = table(detectTable(sheet));

  it('reads 指标说明 as the requirement column, as with 二级指标 | 考核要点', () => {
    expect(t.columns).toEqual({ content: 0, requirement: 1, points: 2, criteria: 3, score: 4 });
    expect(t.items.map((i) => [i.requirement, i.points, i.criteria])).toEqual([
      ['全年办结民生实事10件以上', 50, '每少1件扣5分'],
      ['第三方测评满意度90%以上', 50, '每低1个百分点扣2分'],
    ]);
    expect(t.groups.map((g) => g.text)).toEqual(['1.为民办实事', '2.群众满意度']);
    expectConsistentTree(t);
  });
});

describe('layout: 一级指标 | 分值 | 二级指标 | 分值 | 评分标准', () => {
  const sheet = new GridBuilder('s')
    .row('A1', ['一级指标', '分值', '二级指标', '分值', '评分标准', '得分'])
    .merge('A2:A3', '党建引领')
    .merge('B2:B3', 30)
    .row('C2', ['支部建设', 10, '未达标扣5分'])
    .row('C3', ['党员管理', 20, '管理不到位扣2分/人'])
    .merge('A4:A5', '社会治理')
    .merge('B4:B5', 70)
    .row('C4', ['矛盾化解', 40, '矛盾上交一起扣5分'])
    .row('C5', ['安全稳定', 30, '发生事件扣10分'])
    .build();
  const t = table(detectTable(sheet));

  it('reads the item points from the right 分值 column and the left one as the group points', () => {
    expect(t.columns).toEqual({ project: 0, content: 2, points: 3, criteria: 4, score: 5 });
    expect(items(t)).toEqual([
      [1, '支部建设', 10, '未达标扣5分'],
      [2, '党员管理', 20, '管理不到位扣2分/人'],
      [3, '矛盾化解', 40, '矛盾上交一起扣5分'],
      [4, '安全稳定', 30, '发生事件扣10分'],
    ]);
    expect(tree(t)).toEqual([
      ['党建引领', 30, ['支部建设', '党员管理'], []],
      ['社会治理', 70, ['矛盾化解', '安全稳定'], []],
    ]);
  });
});

describe('layout: two rubric tables side by side on a landscape sheet', () => {
  const sheet = new GridBuilder('s')
    .merge('A1:I1', '2024年度考核评分表')
    .row('A2', ['考核内容', '分值', '评分标准', '得分', null, '考核内容', '分值', '评分标准', '得分'])
    .row('A3', ['一、组织建设（50分）', null, null, null, null, '三、经济发展（50分）'])
    .row('A4', ['班子健全', 50, '不健全扣10分', null, null, '招商引资', 50, '少一项扣5分'])
    .row('A5', ['二、作风建设（50分）', null, null, null, null, '四、社会治理（50分）'])
    .row('A6', ['会风会纪', 50, '迟到一次扣1分', null, null, '矛盾化解', 50, '上交一起扣5分'])
    .build();
  const d = detectTable(sheet);

  it('reads the left table without mixing in the right one', () => {
    const t = table(d);
    expect(t.columns).toEqual({ content: 0, points: 1, criteria: 2, score: 3 });
    expect(items(t)).toEqual([
      [3, '班子健全', 50, '不健全扣10分'],
      [5, '会风会纪', 50, '迟到一次扣1分'],
    ]);
    expect(tree(t)).toEqual([
      ['组织建设', 50, ['班子健全'], []],
      ['作风建设', 50, ['会风会纪'], []],
    ]);
  });
});

describe('layout: shapes that are not read as rubrics are reported, not thrown', () => {
  const cases: [string, SheetGrid][] = [
    [
      'a score sheet listing units, not items',
      new GridBuilder('汇总')
        .row('A1', ['单位', '党建', '综治', '总分'])
        .row('A2', ['东风社区', 30, 60, 90])
        .build(),
    ],
    [
      'a header only',
      new GridBuilder('模板').row('A1', ['考核项目', '考核内容', '分值', '评分标准', '得分']).build(),
    ],
    [
      'points written only as 最高N分 and 另计',
      new GridBuilder('加分')
        .row('A1', ['考核内容', '分值', '评分标准'])
        .row('A2', ['获得表彰', '最高5分', '区级加2分'])
        .row('A3', ['创新工作', '另计', '被推广加1分'])
        .build(),
    ],
  ];
  it.each(cases)('%s', (_name, sheet) => {
    const d = detectTable(sheet);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(['noHeader', 'noItems']).toContain(d.skipped.reason);
      // Where it says a header-like row, that is row 1: every case here has its header words there.
      const s = d.skipped;
      const row = s.code === 'noHeader' ? s.nearest?.row : 'row' in s ? s.row : undefined;
      if (row !== undefined) expect(row).toBe(0);
    }
  });
});

describe('layout: a 序号 column numbering categories 一、二 and items 1, 2', () => {
  // 序号 | 考核内容 | 分值 | 评分标准 | 得分: category rows carry their points and no criteria.
  const sheet = new GridBuilder('s')
    .row('A1', ['序号', '考核内容', '分值', '评分标准', '得分'])
    .row('A2', ['一', '党建工作', 40, null])
    .row('A3', [1, '三会一课落实', 20, '少一次扣2分'])
    .row('A4', [2, '党员积分管理', 20, '未开展的不得分'])
    .row('A5', ['二', '平安建设', 60, null])
    .row('A6', [1, '矛盾纠纷化解', 30, '上交一起扣5分'])
    .row('A7', [2, '安全隐患整改', 30, '逾期未改扣3分/处'])
    .row('A8', ['合计', null, 100])
    .build();
  const t = table(detectTable(sheet));

  it('reads the rows numbered 一、二 in 序号 as categories holding their points', () => {
    expect(t.columns).toEqual({ content: 1, points: 2, criteria: 3, score: 4 });
    expect(tree(t)).toEqual([
      ['党建工作', 40, ['三会一课落实', '党员积分管理'], []],
      ['平安建设', 60, ['矛盾纠纷化解', '安全隐患整改'], []],
    ]);
    expect(t.items.map((i) => i.points)).toEqual([20, 20, 30, 30]);
    expect(t.totalRow).toBe(7);
    expectConsistentTree(t);
  });
});

describe('layout: 考核结果 merged over 扣分 | 得分, header words broken over lines', () => {
  const sheet = new GridBuilder('s')
    .merge('A1:A2', '考核\n项目')
    .merge('B1:B2', '考核\n内容')
    .merge('C1:C2', '标准\n分值')
    .merge('D1:D2', '考核评分标准')
    .merge('E1:F1', '考核结果')
    .row('E2', ['扣分', '得分'])
    .merge('A3:A4', '文明城市创建')
    .row('B3', ['背街小巷整治', 50, '发现问题扣1分/处'])
    .row('B4', ['公益广告设置', 50, '不足规定数量扣5分'])
    .build();
  const t = table(detectTable(sheet));

  it('reads the sub-header under the group cell', () => {
    expect(t.columns).toEqual({ project: 0, content: 1, points: 2, criteria: 3, deduction: 4, score: 5 });
    expect(t.firstRow).toBe(2);
    expect(items(t)).toEqual([
      [2, '背街小巷整治', 50, '发现问题扣1分/处'],
      [3, '公益广告设置', 50, '不足规定数量扣5分'],
    ]);
  });
});

describe('layout: 考核项目 merged over 一级指标 | 二级指标', () => {
  const sheet = new GridBuilder('s')
    .merge('A1:B1', '考核项目')
    .row('A2', ['一级指标', '二级指标'])
    .merge('C1:C2', '分值')
    .merge('D1:D2', '评分标准')
    .merge('E1:E2', '得分')
    .merge('A3:A4', '基础建设（30分）')
    .row('B3', ['阵地建设', 10, '不达标扣5分'])
    .row('B4', ['队伍建设', 20, '缺员一人扣2分'])
    .row('A5', ['特色工作（70分）', '品牌项目', 70, '无品牌项目不得分'])
    .build();
  const t = table(detectTable(sheet));

  it('takes the columns from the sub-header', () => {
    expect(t.columns).toEqual({ project: 0, content: 1, points: 2, criteria: 3, score: 4 });
    expect(tree(t)).toEqual([
      ['基础建设', 30, ['阵地建设', '队伍建设'], []],
      ['特色工作', 70, ['品牌项目'], []],
    ]);
  });
});

describe('layout: 考核内容 merged across 目标要求 on some rows', () => {
  // Where an item has no separate requirement, its text spans both columns.
  const sheet = new GridBuilder('s')
    .row('A1', ['考核项目', '考核内容', '目标要求', '分值', '评分标准'])
    .merge('A2:A4', '综合治理')
    .row('B2', ['矛盾调解', '调解成功率95%以上', 40, '每低1%扣1分'])
    .merge('B3:C3', '无越级上访')
    .row('D3', [30, '发生一起扣10分'])
    .row('B4', ['网格管理', '网格员全覆盖', 30, '缺一人扣2分'])
    .build();
  const t = table(detectTable(sheet));

  it('reads the spanning cell as the item, not as a group of its own', () => {
    expect(items(t)).toEqual([
      [1, '调解成功率95%以上', 40, '每低1%扣1分'],
      [2, '无越级上访', 30, '发生一起扣10分'],
      [3, '网格员全覆盖', 30, '缺一人扣2分'],
    ]);
    expect(tree(t)).toEqual([
      [
        '综合治理',
        null,
        ['无越级上访'],
        [
          ['矛盾调解', null, ['调解成功率95%以上'], []],
          ['网格管理', null, ['网格员全覆盖'], []],
        ],
      ],
    ]);
    expect(t.items[1]!.groupIds).toEqual([t.rootGroupIds[0]]);
    expectConsistentTree(t);
  });
});

describe('property: numbered category and section rows in the item column', () => {
  const CN = ['一', '二', '三', '四'];
  interface Gen {
    seqColumn: boolean;
    cats: { pointsInLabel: boolean; sections: { items: { pts: number; crit: boolean }[] }[] }[];
  }
  const item = fc.record({ pts: fc.integer({ min: 1, max: 20 }), crit: fc.boolean() });
  const gen: fc.Arbitrary<Gen> = fc.record({
    seqColumn: fc.boolean(),
    cats: fc.array(
      fc.record({
        pointsInLabel: fc.boolean(),
        sections: fc.oneof(
          fc.array(fc.record({ items: fc.array(item, { minLength: 1, maxLength: 3 }) }), {
            minLength: 1,
            maxLength: 3,
          }),
          // No sections: the items sit right under the category.
          fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => [{ items, flat: true }]),
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  });
  const sum = (xs: { pts: number }[]): number => xs.reduce((a, x) => a + x.pts, 0);

  it('recovers categories, sections, their points and the items', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const rows: (string | number | null)[][] = [];
        const lead = g.seqColumn ? ['序号'] : [];
        rows.push([...lead, '考核内容', '分值', '评分标准', '得分']);
        const want: Tree[] = [];
        const put = (seq: string, label: string, pts: number | null, crit: string | null) =>
          rows.push(g.seqColumn ? [seq, label, pts, crit] : [`${seq}${label}`, pts, crit]);
        g.cats.forEach((cat, ci) => {
          const all = cat.sections.flatMap((s) => s.items);
          const catName = `类别${ci + 1}`;
          const catSeq = g.seqColumn ? CN[ci]! : `${CN[ci]}、`;
          if (cat.pointsInLabel) put(catSeq, `${catName}（${sum(all)}分）`, null, null);
          else put(catSeq, catName, sum(all), null);
          const children: Tree[] = [];
          const direct: string[] = [];
          cat.sections.forEach((sec, si) => {
            const flat = 'flat' in sec;
            const secName = `${catName}部分${si + 1}`;
            const texts: string[] = [];
            if (!flat) put(g.seqColumn ? `（${CN[si]}）` : `（${CN[si]}）`, secName, sum(sec.items), null);
            sec.items.forEach((it, k) => {
              const text = `${secName}事项${k + 1}`;
              if (g.seqColumn) rows.push([k + 1, text, it.pts, it.crit ? '少一次扣1分' : null]);
              else rows.push([`${k + 1}.${text}`, it.pts, it.crit ? '少一次扣1分' : null]);
              texts.push(g.seqColumn ? text : `${k + 1}.${text}`);
            });
            if (flat) direct.push(...texts);
            else children.push([secName, sum(sec.items), texts, []]);
          });
          want.push([catName, sum(all), direct, children]);
        });
        const t = table(detectTable({ name: 's', values: rows, merges: [] }));
        expect(tree(t)).toEqual(want);
        expect(t.items).toHaveLength(g.cats.flatMap((c) => c.sections.flatMap((s) => s.items)).length);
        expectConsistentTree(t);
      }),
      { numRuns: 150 },
    );
  });
});

describe('layout: a category named like a header word right below the header', () => {
  it('reads "一、项目建设（20分）" as a category, not as a second header row', () => {
    const sheet = new GridBuilder('s')
      .row('A1', ['考核内容', '分值', '评分标准'])
      .row('A2', ['一、项目建设（20分）'])
      .row('A3', ['1.重点项目按期开工', 20, '延期一个月扣2分'])
      .row('A4', ['二、考核内容落实（80分）'])
      .row('A5', ['1.年度任务完成', 80, '每少完成1%扣1分'])
      .build();
    const t = table(detectTable(sheet));
    expect(t.columns).toEqual({ content: 0, points: 1, criteria: 2 });
    expect(t.firstRow).toBe(1);
    expect(tree(t)).toEqual([
      ['项目建设', 20, ['1.重点项目按期开工'], []],
      ['考核内容落实', 80, ['1.年度任务完成'], []],
    ]);
  });
});

describe('layout: WPS export with full-width category rows filled into every cell', () => {
  const sheet = new GridBuilder('s')
    .row('A1', ['考核项目', '考核内容', '分值', '评分标准', '得分'])
    .row('A2', Array(5).fill('一、基层治理（60分）'))
    .row('A3', ['网格管理', '网格员在岗', 30, '脱岗一次扣1分'])
    .row('A4', ['网格管理', '事件上报', 30, '漏报一件扣2分'])
    .row('A5', Array(5).fill('二、公共服务（40分）'))
    .row('A6', ['便民服务', '代办事项办结', 40, '超期一件扣2分'])
    .build();
  const t = table(detectTable(sheet));

  it('reads each filled row as one category', () => {
    expect(items(t).map(([, text, pts]) => [text, pts])).toEqual([
      ['网格员在岗', 30],
      ['事件上报', 30],
      ['代办事项办结', 40],
    ]);
    expect(tree(t)).toEqual([
      ['基层治理', 60, [], [['网格管理', null, ['网格员在岗', '事件上报'], []]]],
      ['公共服务', 40, [], [['便民服务', null, ['代办事项办结'], []]]],
    ]);
    expectConsistentTree(t);
  });
});
