/**
 * Table detection on layout families seen in other offices' real rubrics (../shared/real-rubrics):
 * each fixture is built here, row by row, in the same layout with its own words, so the reading is
 * general and not tied to one file's sentences.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import { detectTable } from '../../src/core/detect/index';
import { parseGroupLabel } from '../../src/core/detect/label';
import type { DetectedTable, Detection, RubricGroup } from '../../src/core/rubric';
import { GridBuilder } from '../helpers/grid';

function table(d: Detection): DetectedTable {
  if (!d.ok) throw new Error(`expected a table, got ${d.skipped.reason} (${d.skipped.code})`);
  return d.table;
}

/** The group tree as [label, declaredPoints, item count, children]. */
type Tree = [string, number | null, number, Tree[]];
function tree(t: DetectedTable): Tree[] {
  const byId = new Map(t.groups.map((g) => [g.id, g]));
  const node = (g: RubricGroup): Tree => [
    g.label,
    g.declaredPoints,
    g.itemIds.length,
    g.groupIds.map((id) => node(byId.get(id)!)),
  ];
  return t.rootGroupIds.map((id) => node(byId.get(id)!));
}

describe('layout: numbered elements stating their points in bare brackets, "一、组织机构(5)"', () => {
  // 检查项目 merged per element | 项目内容 | 检查内容及标准 | 考核评分办法 | 标准分, 小计 rows, 合计.
  const build = (second: string) =>
    new GridBuilder('调度')
      .row('A1', ['检查项目', '项目内容', '检查内容及标准', '考核评分办法', '标准分', '实得分'])
      .merge('A2:A3', '一、组织机构(5)')
      .row('B2', ['人员配备', '1.配备负责人3名', '每缺少一人扣1分', 3])
      .row('B3', ['资格证书', '2.值班人员持证上岗', '无证的每人扣0.5分', 2])
      .merge('A4:D4', '小计')
      .set('E4', 5)
      .merge('A5:A6', second)
      .row('B5', ['调度台', '1.电话功能齐全', '缺少一项扣0.3分', 1])
      .row('B6', ['机房', '2.机房满足需要', '不符合规定的扣0.5分', 2])
      .merge('A7:D7', '小计')
      .set('E7', 3)
      .merge('A8:D8', '合计')
      .set('E8', 8)
      .build();

  it('reads the bracketed number as the element points and leaves it out of the label', () => {
    const t = table(detectTable(build('二、调度装备(3)')));
    expect(tree(t)).toEqual([
      [
        '组织机构',
        5,
        0,
        [
          ['人员配备', null, 1, []],
          ['资格证书', null, 1, []],
        ],
      ],
      [
        '调度装备',
        3,
        0,
        [
          ['调度台', null, 1, []],
          ['机房', null, 1, []],
        ],
      ],
    ]);
    const issues = analyzeWorkbook({ sheets: [build('二、调度装备(3)')] }).sheets[0]!.issues;
    expect(issues.map((i) => i.code)).not.toContain('pointsSumMismatch');
  });

  it('so an element whose items do not add up to its points is said, at its label', () => {
    const issues = analyzeWorkbook({ sheets: [build('二、调度装备(4)')] }).sheets[0]!.issues;
    const said = issues.filter((i) => i.code === 'pointsSumMismatch');
    expect(said.map((i) => [i.cell, i.params.declared, i.params.sum])).toEqual([['A5', '4', '3']]);
  });

  it('reads no points from brackets that are not points', () => {
    // Chinese numerals are a part's numbering, a year is a year, an unnumbered label may be anything.
    expect(parseGroupLabel('一、日常巡查（一）').declaredPoints).toBeNull();
    expect(parseGroupLabel('一、2018年工作(2018)').declaredPoints).toBeNull();
    expect(parseGroupLabel('安全管理(5)').declaredPoints).toBeNull();
    expect(parseGroupLabel('(5)').declaredPoints).toBeNull();
    // Points in words are read as before, and win.
    expect(parseGroupLabel('(一)日常工作(65分)')).toMatchObject({ declaredPoints: 65, label: '日常工作' });
    expect(parseGroupLabel('三、调度管理（36）')).toMatchObject({
      numbering: '三、',
      declaredPoints: 36,
      label: '调度管理',
    });
  });
});

describe('layout: a 类目 column written on every row over a 项目 column, 小计 per 类目 and 总计', () => {
  // 类目 | 项目 | 内容 | 标准分值 | 考评办法 | 实际得分; no merged cells, the 类目 repeated on each row.
  const sheet = new GridBuilder('标准化')
    .row('A1', ['类目', '项目', '内容', '标准分值', '考评办法', '实际得分'])
    .row('A2', ['1.目标管理', '1.1目标', '建立目标管理制度', 2, '无该项制度的，不得分'])
    .row('A3', ['1.目标管理', '1.1目标', '制定年度目标', 2, '无年度目标的，不得分'])
    .row('A4', ['1.目标管理', '1.2考核', '定期考核目标完成情况', 3, '未考核的，扣1分'])
    .row('A5', ['1.目标管理', '小计', null, 7, '得分小计'])
    .row('A6', ['2.组织机构', '2.1机构', '设置安全管理机构', 5, '未设置的，不得分'])
    .row('A7', ['2.组织机构', '2.2职责', '明确各级职责', 4, '职责不明确的，扣2分'])
    .row('A8', ['2.组织机构', '小计', null, 9, '得分小计'])
    .row('A9', [null, '总计', null, 16, '得分总计'])
    .build();

  // "1.1" is kept in the label: a decimal numbering is not one of the numbering styles split off.
  it('reads the 类目 as the top level, the 项目 under it, and the 小计 rows of each', () => {
    const t = table(detectTable(sheet));
    expect(t.columns.project).toBe(0);
    expect(tree(t)).toEqual([
      [
        '目标管理',
        null,
        0,
        [
          ['1.1目标', null, 2, []],
          ['1.2考核', null, 1, []],
        ],
      ],
      [
        '组织机构',
        null,
        0,
        [
          ['2.1机构', null, 1, []],
          ['2.2职责', null, 1, []],
        ],
      ],
    ]);
    expect(t.items).toHaveLength(5);
    expect(t.subtotals!.map((s) => [s.declared, s.itemIds.length])).toEqual([
      [7, 3],
      [9, 2],
    ]);
    expect(t.declaredTotal).toBe(16);
  });
});

describe.each([
  ['one header row', false],
  ['the roles named in a row under the merged 处罚标准', true],
])('layout: a red/yellow-line table of sanctions (降职/降薪) in place of points, %s', (_name, roles) => {
  // 序号 | 类别 | 考核标准 | 考核细则 | 处罚标准 merged over three columns (one per role), one row per
  // violation; with `roles`, 直接责任人 | 部门负责人 | 分管领导 under the merged cell.
  const build = (penalties: (string | number)[][]) => {
    const b = new GridBuilder('红黄线')
      .row('A1', ['序号', '类别', '考核标准', '考核细则', '处罚标准', null, null])
      .merge('E1:G1');
    if (roles) b.row('E2', ['直接责任人', '部门负责人', '分管领导']);
    const first = roles ? 3 : 2;
    penalties.forEach((p, k) => {
      b.row(`A${k + first}`, [k + 1, k < 2 ? '红线' : '黄线', `违规行为${k + 1}`, '发现即处理', ...p]);
    });
    return b.build();
  };

  it('is skipped, saying the header row and the sanction columns with some of their sanctions', () => {
    const d = detectTable(
      build([
        ['撤职', '降薪两级', '通报批评'],
        ['降职', '降薪一级', '通报批评'],
        ['降薪一级', '通报批评', '警告'],
        ['警告', '通报批评', '通报批评'],
      ]),
    );
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.skipped).toMatchObject({ reason: 'noItems', code: 'sanctions', row: 0 });
    if (d.skipped.code !== 'sanctions') return;
    expect(d.skipped.headers).toEqual(['序号', '类别', '考核标准', '考核细则', '处罚标准']);
    expect(d.skipped.sanctionHeaders).toEqual(
      roles ? ['直接责任人', '部门负责人', '分管领导'] : ['处罚标准'],
    );
    expect(d.skipped.sanctions.length).toBeGreaterThan(0);
    for (const v of d.skipped.sanctions) expect(v).toMatch(/^(撤职|降职|降薪|通报批评|警告)/);
  });

  it('is read when the same layout charges points instead (points per role), every row an item', () => {
    const t = table(
      detectTable(
        build([
          [12, 6, 3],
          [12, 3, 1],
          [6, 3, 2],
          [3, 2, 1],
        ]),
      ),
    );
    expect(t.items.map((i) => i.points)).toEqual([12, 12, 6, 3]);
    expect(t.items[0]!.rolePoints).toEqual([12, 6, 3]);
    if (roles) expect(t.rolePoints!.map((r) => r.header)).toEqual(['直接责任人', '部门负责人', '分管领导']);
  });
});
